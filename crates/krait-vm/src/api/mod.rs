//! What a native module or a Rust program embedding Krait writes against:
//! values and the interpreter, modules and functions declared as tables,
//! argument binding, conversions, and raising exceptions.
//!
//! A native module is a [`ModuleDef`]: its name, a table of
//! [`FunctionDef`]s, and an initialiser for what a table cannot declare.
//! A native type is a [`TypeDef`] and a [`NativeType`] declaring its
//! [`Slots`]; its instances hold a Rust value ([`native_data`]).
//! `Vm::add_native_modules` registers it; `import` then finds it by name.
//! Functions are `fn(&mut Vm, Args) -> PyResult`; errors are exception
//! objects made by `Vm::type_error`, `Vm::value_error` and the like.

mod convert;
mod function;
mod getset;
mod module;
mod types;

pub use crate::objects::float::methods::complex_quotient;
pub use crate::objects::function::{Args, NativeFn};
pub use crate::objects::generator::{stop_value, thrown_exception, Sent};
pub use crate::objects::str::{value_pystr, PyStr};
pub use crate::objects::structseq::StructSeqDef;
pub use crate::threads::Wait;
pub use crate::value::{Obj, Value};
pub use crate::vm::{PyResult, Vm};
pub use convert::*;
pub use function::{check_positional, FunctionDef, FunctionKind, Params};
pub use getset::{add_getsets, GetSetDef, Getter, Setter};
pub use module::{
    add_attr, add_functions, add_int_constants, add_methods, native_function, ModuleDef,
};
pub use types::{native_data, TypeDef};

/// `__class_getitem__` as the generic built-in classes have it
/// (`chain[int]` is a `types.GenericAlias`).
pub use crate::objects::generic_alias::CLASS_GETITEM as GENERIC_CLASS_GETITEM;

/// A type's protocol functions, as native types declare them.
pub use crate::objects::typeobject::slots::{
    BinOpSlot, CallSlot, ContainsSlot, DescrGetSlot, DescrSetSlot, GetAttrSlot, GetItemSlot,
    HashSlot, IterSlot, LenSlot, NativeType, NextSlot, RepeatSlot, ReprSlot, RichCompareSlot,
    SetAttrSlot, SetItemSlot, Slots,
};

/// The operators `Vm::binary_op` applies.
pub use krait_compiler::code::{BinOp, CompareOp};

/// Arbitrary-precision integers, as ints beyond 64 bits hold them.
pub use dashu_int::{IBig as BigInt, UBig as BigUint};
