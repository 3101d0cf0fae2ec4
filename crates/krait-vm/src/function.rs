//! Function objects: Python functions (code, globals, defaults, closure)
//! and native built-in functions and methods.

use crate::code::CodeObject;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use smallvec::SmallVec;
use std::cell::RefCell;
use std::rc::Rc;

pub struct Function {
    pub code: Rc<CodeObject>,
    pub globals: Obj,
    pub builtins: Obj,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    /// A tuple, or None.
    pub defaults: RefCell<Value>,
    /// A dict, or None.
    pub kwdefaults: RefCell<Value>,
    /// The cells of the free variables.
    pub closure: Box<[Value]>,
    pub annotations: RefCell<Value>,
    pub module: RefCell<Value>,
    pub doc: RefCell<Value>,
}

/// Arguments to a native function: positional values, then keyword ones.
pub struct Args {
    pub pos: SmallVec<[Value; 6]>,
    pub kw: Vec<(Obj, Value)>,
}

impl Args {
    pub fn new(pos: impl IntoIterator<Item = Value>) -> Args {
        Args {
            pos: pos.into_iter().collect(),
            kw: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.pos.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pos.is_empty()
    }

    /// The keyword argument called `name`, if given.
    pub fn kwarg(&self, name: &str) -> Option<&Value> {
        self.kw
            .iter()
            .find(|(k, _)| crate::strops::str_eq(k, name))
            .map(|(_, v)| v)
    }
}

pub type NativeFn = fn(&mut Vm, Args) -> PyResult;

pub struct BuiltinFunction {
    pub name: &'static str,
    pub func: NativeFn,
    /// The object a bound built-in method was taken from; `Null` if none.
    pub receiver: Value,
    /// For methods: the type they belong to (`list` for `list.append`).
    pub owner: Option<Obj>,
    /// Takes the object it is looked up on as first argument (a method
    /// descriptor) rather than being a plain function in a namespace.
    pub is_method: bool,
    /// A class method of a built-in type (`dict.fromkeys`): binds the class.
    pub is_classmethod: bool,
}
