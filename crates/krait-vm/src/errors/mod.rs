//! Reporting errors: tracebacks as CPython prints them, and "Did you
//! mean" suggestions.

pub(crate) mod suggest;
pub(crate) mod traceback;
