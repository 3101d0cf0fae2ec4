//! Heap objects: a header (the class and an optional attribute dict) and a
//! payload that depends on the object's built-in layout.
//!
//! Reference counting is `Rc`'s: deterministic, non-atomic. Mutable
//! payloads use `RefCell`/`Cell`; code must never call back into Python
//! while holding a borrow (it clones what it needs out first).

use crate::objects::dict::table::Dict;
use crate::objects::function::{BuiltinFunction, Function};
use crate::objects::int::BigInt;
use crate::objects::set::table::SetTable;
use crate::objects::str::PyStr;
use crate::objects::typeobject::TypeData;
use crate::value::{Obj, Value};
use std::cell::{Cell, OnceCell, RefCell};

pub struct Object {
    /// Set once: at creation, or for `type` itself just after (its class
    /// is itself).
    class: OnceCell<Obj>,
    /// Instance attributes, created on first use.
    dict: OnceCell<Obj>,
    pub kind: ObjKind,
}

impl Object {
    pub(crate) fn new(class: Obj, kind: ObjKind) -> Object {
        Object {
            class: OnceCell::from(class),
            dict: OnceCell::new(),
            kind,
        }
    }

    pub(crate) fn without_class(kind: ObjKind) -> Object {
        Object {
            class: OnceCell::new(),
            dict: OnceCell::new(),
            kind,
        }
    }

    #[inline]
    pub fn class(&self) -> &Obj {
        self.class.get().expect("every object has a class")
    }

    pub(crate) fn set_class(&self, class: Obj) {
        let _ = self.class.set(class);
    }

    pub fn dict(&self) -> Option<&Obj> {
        self.dict.get()
    }

    pub(crate) fn dict_or_init(&self, make: impl FnOnce() -> Obj) -> &Obj {
        self.dict.get_or_init(make)
    }
}

thread_local! {
    /// Objects whose last reference went while their class defines
    /// `__del__`: revived (same class, attributes and payload) until the
    /// VM calls the method.
    static FINALIZE: RefCell<Vec<Obj>> = const { RefCell::new(Vec::new()) };
    /// Revived objects whose `__del__` has run: dropping them again frees
    /// them (a finalizer runs once per object, as in CPython).
    static FINALIZED: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Drops values last first, the order CPython releases a list's or a
/// tuple's items in (visible through `__del__` and generator cleanup).
pub(crate) fn drop_in_reverse(mut items: Vec<Value>) {
    while let Some(v) = items.pop() {
        drop(v);
    }
}

impl Drop for Object {
    fn drop(&mut self) {
        // One look at the class for both hooks a drop may need.
        let (weakly_referenced, has_del) = match self.class.get().and_then(Obj::type_data) {
            Some(t) => (t.weakly_referenced.get(), t.has_del.get()),
            None => (false, false),
        };
        if weakly_referenced {
            crate::objects::weakref::referent_dying(self as *const Object as usize);
        }
        // Once the thread's finalizer queue is gone (the process is
        // exiting), a dying object is freed without its `__del__`: reviving
        // it with nowhere to queue it would drop it again, without end.
        if has_del && self.not_finalized() && FINALIZE.try_with(|_| ()).is_ok() {
            let revived = Object {
                class: self.class.clone(),
                dict: std::mem::take(&mut self.dict),
                kind: std::mem::replace(&mut self.kind, ObjKind::Plain),
            };
            let obj = Obj(std::rc::Rc::new(revived));
            if FINALIZE.try_with(|q| q.borrow_mut().push(obj)).is_ok() {
                crate::objects::generator::note_dying();
            }
            return;
        }
        match &mut self.kind {
            ObjKind::List(items) => {
                drop_in_reverse(std::mem::take(items.get_mut()));
            }
            ObjKind::Tuple(items) if items.len() > 1 => {
                drop_in_reverse(std::mem::take(items).into_vec());
            }
            _ => {}
        }
    }
}

impl Object {
    /// Whether this dying object (of a class with `__del__`) has not had
    /// its `__del__` run yet.
    fn not_finalized(&self) -> bool {
        let me = self as *const Object as usize;
        let already = FINALIZED
            .try_with(|f| {
                let mut f = f.borrow_mut();
                match f.iter().position(|&a| a == me) {
                    Some(i) => {
                        f.swap_remove(i);
                        true
                    }
                    None => false,
                }
            })
            .unwrap_or(true);
        !already
    }
}

/// The revived objects waiting for `__del__`, taken.
pub(crate) fn take_finalizable() -> Vec<Obj> {
    FINALIZE.with(|q| std::mem::take(&mut *q.borrow_mut()))
}

/// `o`'s `__del__` is about to run: its next drop frees it.
pub(crate) fn mark_finalized(o: &Obj) {
    let addr = std::rc::Rc::as_ptr(&o.0) as usize;
    FINALIZED.with(|f| f.borrow_mut().push(addr));
}

/// A module: its namespace is its dict.
pub struct Module {
    pub name: String,
}

/// A generator, coroutine or async generator, with its suspended frame.
pub struct GenState {
    pub frame: Option<crate::eval::frame::Frame>,
    /// The frame's code, kept after the frame is gone (`gi_code` of a
    /// finished generator).
    pub code: std::rc::Rc<crate::objects::code::CodeObject>,
    /// The frame's locals and stack while suspended.
    pub saved: Vec<Value>,
    pub running: bool,
    /// While running: where its frame is in the VM's frame stack.
    pub running_frame: usize,
    pub finished: bool,
    pub name: String,
    pub qualname: String,
    pub kind: GenKind,
    /// The exception being handled inside the generator when it yielded.
    pub exc_state: Value,
    /// An async generator with an `__anext__()`/`asend()`/`athrow()` in
    /// progress (awaiting inside the generator).
    pub running_async: bool,
    /// Where a coroutine was made (`cr_origin`), when
    /// `sys.set_coroutine_origin_tracking_depth` asked for it.
    pub origin: Value,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl GenKind {
    /// How error messages name the kind.
    pub fn word(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }
}

/// An exception's fields other than its attributes.
#[derive(Default)]
pub struct ExcData {
    pub args: Value,
    pub traceback: Vec<crate::eval::frame::TracebackEntry>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    pub notes: Value,
    /// A traceback object made for `__traceback__`, kept while `traceback`
    /// does not change.
    pub tb_object: Option<(usize, Value)>,
    /// A NameError's "Did you mean" name, found when it was raised.
    pub suggestion: Option<String>,
    /// The `name` and `obj` of a NameError or AttributeError the VM
    /// raised (None otherwise).
    pub attr_name: Value,
    pub attr_obj: Value,
}

pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: RefCell<Value>,
    /// The attribute name, from `__set_name__` (for error messages).
    pub name: RefCell<Value>,
}

/// The position of a range iterator beyond 64 bits.
pub struct WideRange {
    pub next: dashu_int::IBig,
    pub stop: dashu_int::IBig,
    pub step: dashu_int::IBig,
}

/// The iterators of built-in types.
pub enum IterState {
    /// Over a list, tuple, str or other indexable sequence, by index.
    Seq {
        seq: Value,
        index: usize,
    },
    Reversed {
        seq: Value,
        index: isize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    /// A range whose values (or the value past its last) leave 64 bits
    /// (boxed: 128-bit fields would double every object's alignment).
    WideRange(Box<WideRange>),
    /// Over a dict's keys, values or items (0, 1, 2), by entry position.
    Dict {
        dict: Obj,
        pos: usize,
        what: u8,
        len: usize,
    },
    Set {
        set: Obj,
        pos: usize,
        len: usize,
    },
    /// The `iter(callable, sentinel)` form.
    Callable {
        func: Value,
        sentinel: Value,
    },
    Enumerate {
        it: Value,
        count: Value,
    },
    Zip {
        its: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        its: Vec<Value>,
    },
    Filter {
        func: Value,
        it: Value,
    },
    Exhausted,
}

pub enum ObjKind {
    /// An instance with no built-in payload (`object()`, most user classes).
    Plain,
    /// Instances of classes with `__slots__`: one value per slot.
    Slots(RefCell<Vec<Value>>),
    /// An int too big for `i64`, or an int subclass instance's value.
    Int(BigInt),
    /// A float subclass instance's value.
    Float(f64),
    Complex(f64, f64),
    Str(PyStr),
    Bytes(Box<[u8]>),
    ByteArray(RefCell<Vec<u8>>),
    Tuple(Box<[Value]>),
    List(RefCell<Vec<Value>>),
    Dict(Box<RefCell<Dict>>),
    Set(Box<RefCell<SetTable>>),
    FrozenSet(SetTable),
    Range {
        start: Value,
        stop: Value,
        step: Value,
    },
    Slice {
        start: Value,
        stop: Value,
        step: Value,
    },
    Type(Box<TypeData>),
    Module(Module),
    Function(Box<Function>),
    Builtin(Box<BuiltinFunction>),
    BoundMethod {
        func: Value,
        receiver: Value,
    },
    Code(std::rc::Rc<crate::objects::code::CodeObject>),
    Cell(RefCell<Value>),
    Generator(Box<RefCell<GenState>>),
    /// An async generator's `__anext__()`/`asend()`/`athrow()`/`aclose()`
    /// awaitable, or `anext()`'s with a default.
    AsyncOp(Box<RefCell<crate::objects::asyncgen::AsyncOp>>),
    /// A value an async generator's `yield` hands out (`ASYNC_GEN_WRAP`).
    AsyncGenValue(Value),
    MemoryView(Box<crate::objects::bytes::memoryview::MemView>),
    Exception(Box<RefCell<ExcData>>),
    Property(Box<Property>),
    ClassMethod(Value),
    StaticMethod(Value),
    Super {
        class: Obj,
        obj: Value,
        obj_type: Obj,
    },
    Iter(RefCell<IterState>),
    /// A `__slots__` entry's descriptor on the class.
    Member {
        name: String,
        index: usize,
        owner: Obj,
    },
    /// A `dict_keys`, `dict_values` or `dict_items` view (0, 1, 2).
    DictView {
        dict: Obj,
        what: u8,
    },
    /// `obj.__dict__` of a class: a read-only view.
    MappingProxy(Obj),
    /// `weakref.ref` and the proxies.
    WeakRef(Box<crate::objects::weakref::WeakRef>),
    Traceback {
        frame_code: Value,
        lineno: u32,
        lasti: u32,
        /// Settable (`tb.tb_next = None`), as in CPython.
        next: RefCell<Value>,
    },
    Frame(Box<crate::objects::traceback::FrameSnapshot>),
    NotImplemented,
    Ellipsis,
    /// The `NoneType` instance is inline; this is for completeness of
    /// singletons created by type objects.
    Counter(Cell<i64>),
    /// An attribute a built-in type computes (`function.__code__`), on
    /// the class `owner`.
    GetSet {
        def: &'static crate::api::GetSetDef,
        owner: Obj,
    },
    /// An instance of a type a native module defines: a Rust value of the
    /// module's choosing (see `api::native_data`).
    Native(Box<dyn std::any::Any>),
}
