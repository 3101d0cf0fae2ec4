//! The built-in types, one home each: a type's payload, its methods and
//! attributes, its repr and its operators live in its file or folder.

pub(crate) mod asyncgen;
pub(crate) mod bytes;
pub(crate) mod code;
pub(crate) mod complex;
pub(crate) mod descr;
pub(crate) mod dict;
pub(crate) mod exceptions;
pub(crate) mod float;
pub(crate) mod function;
pub(crate) mod generator;
pub(crate) mod generic_alias;
pub(crate) mod int;
pub(crate) mod iterators;
pub(crate) mod list;
pub(crate) mod mappingproxy;
pub(crate) mod module;
pub(crate) mod namespace;
pub(crate) mod range;
pub(crate) mod set;
pub(crate) mod singletons;
pub(crate) mod slice;
pub(crate) mod str;
pub(crate) mod structseq;
pub(crate) mod traceback;
pub(crate) mod tuple;
pub(crate) mod typeobject;
pub(crate) mod union;
pub(crate) mod weakref;
