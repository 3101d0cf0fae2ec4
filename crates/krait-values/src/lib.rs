//! Python's value semantics that compile time and run time share: the
//! `str` that may hold lone surrogates, `repr()` of strings, bytes and
//! floats, and integer floor division. The front end's literals, the
//! compiler's constant folding and the VM's objects all use these, so a
//! folded constant and a computed one can never differ.

pub mod float;
pub mod int;
pub mod text;
