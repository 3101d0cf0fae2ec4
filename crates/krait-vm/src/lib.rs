//! Krait's virtual machine (in progress).
