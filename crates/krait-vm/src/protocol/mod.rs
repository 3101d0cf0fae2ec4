//! The generic operations on any object: attribute lookup, operators,
//! subscription and iteration, repr and hash.

pub(crate) mod attr;
pub(crate) mod hash;
pub(crate) mod operators;
pub(crate) mod repr;
pub(crate) mod sequence;
