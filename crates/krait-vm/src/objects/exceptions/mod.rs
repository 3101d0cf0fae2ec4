//! The built-in exception hierarchy.

pub(crate) mod group;
pub(crate) mod methods;

use crate::object::ObjKind;
use crate::objects::typeobject::{Layout, TypeData};
use crate::value::Obj;

/// (name, bases) in definition order: every base comes before its
/// subclasses; several bases are separated by spaces.
pub const HIERARCHY: &[(&str, &str)] = &[
    ("BaseException", "object"),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("BaseExceptionGroup", "BaseException"),
    ("Exception", "BaseException"),
    ("ExceptionGroup", "BaseExceptionGroup Exception"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("BytesWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("UserWarning", "Warning"),
];

/// The exception classes the VM raises itself, by field; all of them
/// (these included) by name in `all`.
pub struct ExcTypes {
    pub base_exception: Obj,
    pub exception: Obj,
    pub system_exit: Obj,
    pub keyboard_interrupt: Obj,
    pub generator_exit: Obj,
    pub stop_iteration: Obj,
    pub stop_async_iteration: Obj,
    pub overflow_error: Obj,
    pub zero_division_error: Obj,
    pub assertion_error: Obj,
    pub attribute_error: Obj,
    pub import_error: Obj,
    pub module_not_found_error: Obj,
    pub index_error: Obj,
    pub key_error: Obj,
    pub lookup_error: Obj,
    pub memory_error: Obj,
    pub name_error: Obj,
    pub unbound_local_error: Obj,
    pub os_error: Obj,
    pub runtime_error: Obj,
    pub not_implemented_error: Obj,
    pub recursion_error: Obj,
    pub syntax_error: Obj,
    pub system_error: Obj,
    pub type_error: Obj,
    pub value_error: Obj,
    pub unicode_error: Obj,
    pub unicode_decode_error: Obj,
    pub unicode_encode_error: Obj,
    pub eof_error: Obj,
    pub base_exception_group: Obj,
    pub exception_group: Obj,
    pub file_not_found_error: Obj,
    pub deprecation_warning: Obj,
    pub runtime_warning: Obj,
    pub all: Vec<(String, Obj)>,
}

impl ExcTypes {
    /// Placeholders replaced by [`ExcTypes::create`] during start-up.
    pub fn placeholder(object: &Obj) -> ExcTypes {
        let o = || object.clone();
        ExcTypes {
            base_exception: o(),
            exception: o(),
            system_exit: o(),
            keyboard_interrupt: o(),
            generator_exit: o(),
            stop_iteration: o(),
            stop_async_iteration: o(),
            overflow_error: o(),
            zero_division_error: o(),
            assertion_error: o(),
            attribute_error: o(),
            import_error: o(),
            module_not_found_error: o(),
            index_error: o(),
            key_error: o(),
            lookup_error: o(),
            memory_error: o(),
            name_error: o(),
            unbound_local_error: o(),
            os_error: o(),
            runtime_error: o(),
            not_implemented_error: o(),
            recursion_error: o(),
            syntax_error: o(),
            system_error: o(),
            type_error: o(),
            value_error: o(),
            unicode_error: o(),
            unicode_decode_error: o(),
            unicode_encode_error: o(),
            eof_error: o(),
            base_exception_group: o(),
            exception_group: o(),
            file_not_found_error: o(),
            deprecation_warning: o(),
            runtime_warning: o(),
            all: Vec::new(),
        }
    }

    /// Creates every exception class; `make` builds a class from its name
    /// and bases.
    pub fn create(mut make: impl FnMut(&str, &[Obj]) -> Obj, object: &Obj) -> ExcTypes {
        let mut all: Vec<(String, Obj)> = Vec::new();
        for (name, bases) in HIERARCHY {
            let bases: Vec<Obj> = bases
                .split(' ')
                .map(|base| {
                    if base == "object" {
                        object.clone()
                    } else {
                        all.iter()
                            .find(|(n, _)| n == base)
                            .map(|(_, o)| o.clone())
                            .expect("bases come first")
                    }
                })
                .collect();
            let class = make(name, &bases);
            all.push((name.to_string(), class));
        }
        let get = |n: &str| {
            all.iter()
                .find(|(name, _)| name == n)
                .map(|(_, o)| o.clone())
                .expect("a built-in exception")
        };
        ExcTypes {
            base_exception: get("BaseException"),
            exception: get("Exception"),
            system_exit: get("SystemExit"),
            keyboard_interrupt: get("KeyboardInterrupt"),
            generator_exit: get("GeneratorExit"),
            stop_iteration: get("StopIteration"),
            stop_async_iteration: get("StopAsyncIteration"),
            overflow_error: get("OverflowError"),
            zero_division_error: get("ZeroDivisionError"),
            assertion_error: get("AssertionError"),
            attribute_error: get("AttributeError"),
            import_error: get("ImportError"),
            module_not_found_error: get("ModuleNotFoundError"),
            index_error: get("IndexError"),
            key_error: get("KeyError"),
            lookup_error: get("LookupError"),
            memory_error: get("MemoryError"),
            name_error: get("NameError"),
            unbound_local_error: get("UnboundLocalError"),
            os_error: get("OSError"),
            runtime_error: get("RuntimeError"),
            not_implemented_error: get("NotImplementedError"),
            recursion_error: get("RecursionError"),
            syntax_error: get("SyntaxError"),
            system_error: get("SystemError"),
            type_error: get("TypeError"),
            value_error: get("ValueError"),
            unicode_error: get("UnicodeError"),
            unicode_decode_error: get("UnicodeDecodeError"),
            unicode_encode_error: get("UnicodeEncodeError"),
            eof_error: get("EOFError"),
            base_exception_group: get("BaseExceptionGroup"),
            exception_group: get("ExceptionGroup"),
            file_not_found_error: get("FileNotFoundError"),
            deprecation_warning: get("DeprecationWarning"),
            runtime_warning: get("RuntimeWarning"),
            all,
        }
    }
}

/// A new built-in exception class object (its namespace is filled later).
pub fn exception_class(type_: &Obj, name: &str) -> Obj {
    Obj::new(
        type_.clone(),
        ObjKind::Type(Box::new(TypeData::new(name, Layout::Exception, false))),
    )
}
