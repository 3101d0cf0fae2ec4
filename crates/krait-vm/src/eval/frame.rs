//! Frames: one per running Python function call, living on the VM's
//! frame stack; their locals and evaluation stack live in the VM's value
//! stack from `base` upwards.

use crate::objects::code::CodeObject;
use crate::value::{Obj, Value};
use std::rc::Rc;

pub struct Frame {
    pub code: Rc<CodeObject>,
    /// The next instruction.
    pub pc: usize,
    /// Where the frame's local slots start in the value stack.
    pub base: usize,
    /// The builtins are always the VM's `builtins_dict`.
    pub globals: Obj,
    /// The namespace for `LOAD_NAME`/`STORE_NAME` (module and class
    /// bodies); `Null` in functions.
    pub locals: Value,
    /// The value stack is cut back to this length when the frame returns
    /// (removing the callable and arguments below `base`).
    pub cleanup: usize,
    /// Returning from this frame returns from the current run of the eval
    /// loop (a call from native code, or a generator resumption).
    pub is_entry: bool,
    /// An `__init__` run by a class call in the loop: the instance waits
    /// below the frame, and the return value must be None.
    pub is_init: bool,
    /// A Python operator method (`__add__` of two instances of one class)
    /// run by `BINARY_OP` in the loop: NotImplemented from it becomes the
    /// operator's TypeError.
    pub binop: Option<krait_compiler::code::BinOp>,
    /// The generator whose frame this is, while `FOR_ITER` runs it in the
    /// caller's loop.
    pub gen: Option<Obj>,
}

impl Frame {
    /// The frame of a call of `f` with its locals from `base`; returning
    /// cuts the value stack to `cleanup`.
    #[inline]
    pub fn for_call(f: &crate::objects::function::Function, base: usize, cleanup: usize) -> Frame {
        Frame {
            code: f.code.clone(),
            pc: 0,
            base,
            globals: f.globals.clone(),
            locals: Value::Null,
            cleanup,
            is_entry: false,
            is_init: false,
            binop: None,
            gen: None,
        }
    }

    /// The source line of the instruction at `pc`.
    pub fn line_at(&self, pc: usize) -> u32 {
        self.code
            .code
            .positions
            .get(pc)
            .map(|p| p.lineno)
            .unwrap_or(0)
    }
}

/// One line of a traceback: a code object and the failing instruction.
#[derive(Clone)]
pub struct TracebackEntry {
    pub code: Rc<CodeObject>,
    pub pc: u32,
    /// The frame's globals (`tb_frame.f_globals`).
    pub globals: Value,
}

/// The file name given to the Python half of a native module
/// (`Vm::exec_in`), followed by the module's name.
pub const NATIVE_SOURCE: &str = "<native ";

impl TracebackEntry {
    /// Whether the frame runs the Python half of a native module: such
    /// frames stand in for CPython's C code, so tracebacks leave them out
    /// as CPython's have no lines for C functions.
    pub fn is_native(&self) -> bool {
        self.code.code.filename.starts_with(NATIVE_SOURCE)
    }
}
