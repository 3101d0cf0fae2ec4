//! `_sre`: the regular-expression matcher under `re`.
//!
//! CPython's own pure-Python `re` parses and compiles a pattern into SRE
//! code (a list of ints); `_sre.compile` wraps that code in a `Pattern`,
//! and the `rustpython-sre_engine` crate runs it, with CPython's
//! semantics, over the subject's code points. A str subject is read as
//! bytes when it is ASCII (one byte per character) and as WTF-8
//! otherwise; a bytes subject as bytes.

mod matchobj;
mod pattern;
mod subject;

use krait_vm::api::{add_attr, FunctionDef as F, ModuleDef, Obj, PyResult, Value, Vm};
use rustpython_sre_engine::string::{lower_ascii, lower_unicode, upper_unicode};

/// The `MAGIC` of CPython 3.11's `re._constants`: its compiler checks it.
const MAGIC: i64 = 20220615;

pub const MODULE: ModuleDef = ModuleDef {
    name: "_sre",
    doc: None,
    functions: &[
        F::new("compile", pattern::compile).named(
            &[
                "pattern",
                "flags",
                "code",
                "groups",
                "groupindex",
                "indexgroup",
            ],
            0,
            6,
            6,
        ),
        F::new("getcodesize", |_, _| Ok(Value::Int(4))).no_args(),
        F::new("ascii_iscased", |vm, a| {
            let ch = char_arg(vm, &a.pos[0])?;
            Ok(Value::Bool(ch < 128 && (ch as u8).is_ascii_alphabetic()))
        })
        .one(),
        F::new("unicode_iscased", |vm, a| {
            let ch = char_arg(vm, &a.pos[0])?;
            Ok(Value::Bool(
                ch != lower_unicode(ch) || ch != upper_unicode(ch),
            ))
        })
        .one(),
        F::new("ascii_tolower", |vm, a| {
            let ch = char_arg(vm, &a.pos[0])?;
            Ok(Value::Int(lower_ascii(ch) as i64))
        })
        .one(),
        F::new("unicode_tolower", |vm, a| {
            let ch = char_arg(vm, &a.pos[0])?;
            Ok(Value::Int(lower_unicode(ch) as i64))
        })
        .one(),
    ],
    init: Some(init),
};

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    add_attr(vm, m, "MAGIC", Value::Int(MAGIC));
    add_attr(vm, m, "CODESIZE", Value::Int(4));
    add_attr(
        vm,
        m,
        "MAXREPEAT",
        Value::Int(rustpython_sre_engine::MAXREPEAT as i64),
    );
    add_attr(
        vm,
        m,
        "MAXGROUPS",
        Value::Int(rustpython_sre_engine::MAXGROUPS as i64),
    );
    let c = vm.new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ");
    add_attr(vm, m, "copyright", c);
    pattern::add_types(vm, m);
    Ok(())
}

/// A character code argument.
fn char_arg(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let n = vm.index_arg(v)?;
    u32::try_from(&n).map_err(|_| vm.overflow_error("character code out of range"))
}
