//! The standard library's native modules. Each module is a
//! [`ModuleDef`] written only against `krait_vm::api`, as a module
//! author outside this repository would write one; [`MODULES`] lists them
//! for `Vm::add_native_modules`.

use krait_vm::api::{ModuleDef, Vm};

mod accounts;
mod array;
mod asyncio;
mod binascii;
mod bisect;
mod bz2;
mod cmath;
mod collections;
mod compression;
mod contextvars;
mod csv;
mod datetime;
mod errno;
mod faulthandler;
mod functools;
mod future;
mod hashes;
mod heapq;
mod io;
mod itertools;
mod json;
mod libm;
mod lzma;
mod math;
mod operator;
mod posix;
mod pyexpat;
mod random;
mod select;
mod signal;
mod socket;
mod sqlite3;
mod sre;
mod string;
mod structs;
mod termios;
mod testcapi;
mod thread;
mod time;
mod tracemalloc;
mod unicodedata;
mod zlib;

/// Every module of this crate.
pub const MODULES: &[&ModuleDef] = &[
    &accounts::grp::MODULE,
    &accounts::pwd::MODULE,
    &array::MODULE,
    &asyncio::MODULE,
    &binascii::MODULE,
    &bisect::MODULE,
    &bz2::MODULE,
    &collections::MODULE,
    &contextvars::MODULE,
    &csv::MODULE,
    &datetime::MODULE,
    &errno::MODULE,
    &faulthandler::MODULE,
    &functools::MODULE,
    &future::MODULE,
    &heapq::MODULE,
    &io::MODULE,
    &itertools::MODULE,
    &json::MODULE,
    &lzma::MODULE,
    &math::MODULE,
    &cmath::MODULE,
    &pyexpat::MODULE,
    &sqlite3::MODULE,
    &operator::MODULE,
    &posix::MODULE,
    &posix::subprocess::MODULE,
    &random::MODULE,
    &hashes::MD5,
    &hashes::SHA1,
    &hashes::SHA256,
    &hashes::SHA512,
    &hashes::SHA3,
    &hashes::BLAKE2,
    &select::MODULE,
    &signal::MODULE,
    &socket::MODULE,
    &sre::MODULE,
    &string::MODULE,
    &termios::MODULE,
    &testcapi::MODULE,
    &structs::MODULE,
    &thread::MODULE,
    &time::MODULE,
    &tracemalloc::MODULE,
    &unicodedata::MODULE,
    &zlib::MODULE,
];

/// Registers every module of this crate with `vm`.
pub fn install(vm: &mut Vm) {
    vm.add_native_modules(MODULES);
}
