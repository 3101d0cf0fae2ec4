//! `pwd`: the password database.

use super::{find, id_arg, name_arg, text};
use krait_vm::api::{
    add_attr, Args, FunctionDef as F, ModuleDef, Obj, PyResult, StructSeqDef, Value, Vm,
};

pub const MODULE: ModuleDef = ModuleDef {
    name: "pwd",
    doc: Some("This module provides access to the Unix password database.\nIt is available on all Unix versions.\n\nPassword database entries are reported as 7-tuples containing the following\nitems from the password database (see `<pwd.h>'), in order:\npw_name, pw_passwd, pw_uid, pw_gid, pw_gecos, pw_dir, pw_shell.\nThe uid and gid items are integers, all others are strings. An\nexception is raised if the entry asked for cannot be found."),
    functions: &[
        F::new("getpwuid", getpwuid).one(),
        F::new("getpwnam", getpwnam).one(),
        F::new("getpwall", getpwall).no_args(),
    ],
    init: Some(init),
};

const STRUCT_PASSWD: StructSeqDef = StructSeqDef {
    name: "pwd.struct_passwd",
    module: "pwd",
    doc: Some("pwd.struct_passwd: Results from getpw*() routines.\n\nThis object may be accessed either as a tuple of\n  (pw_name,pw_passwd,pw_uid,pw_gid,pw_gecos,pw_dir,pw_shell)\nor via the object attributes as named in the above tuple."),
    fields: &[
        "pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell",
    ],
    visible: 7,
};

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    let cls = vm.new_struct_seq_type(&STRUCT_PASSWD);
    add_attr(vm, m, "struct_passwd", Value::Obj(cls));
    Ok(())
}

pub(super) fn entry(vm: &mut Vm, p: &libc::passwd) -> PyResult {
    let values = vec![
        text(vm, p.pw_name)?,
        text(vm, p.pw_passwd)?,
        Value::Int(p.pw_uid as i64),
        Value::Int(p.pw_gid as i64),
        text(vm, p.pw_gecos)?,
        text(vm, p.pw_dir)?,
        text(vm, p.pw_shell)?,
    ];
    let cls = vm.native_class("pwd", "struct_passwd")?;
    Ok(vm.new_struct_seq(&cls, values))
}

fn getpwuid(vm: &mut Vm, a: Args) -> PyResult {
    let uid = id_arg(vm, &a.pos[0], "uid")?;
    let found = match uid {
        Some(uid) => find(vm, |rec, buf, out| {
            // SAFETY: every pointer is valid, and `buf` is writable for its length.
            unsafe { libc::getpwuid_r(uid, rec, buf.as_mut_ptr(), buf.len(), out) }
        })?,
        None => None,
    };
    if let Some(found) = found {
        return Ok(found);
    }
    let key = uid.map(|_| &a.pos[0]);
    Err(super::not_found(vm, "getpwuid(): uid", key)?)
}

fn getpwnam(vm: &mut Vm, a: Args) -> PyResult {
    let name = name_arg(vm, &a.pos[0], "getpwnam", "argument")?;
    let found = find(vm, |rec, buf, out| {
        // SAFETY: every pointer is valid, and `buf` is writable for its length.
        unsafe { libc::getpwnam_r(name.as_ptr(), rec, buf.as_mut_ptr(), buf.len(), out) }
    })?;
    if let Some(found) = found {
        return Ok(found);
    }
    Err(super::not_found(vm, "getpwnam(): name", Some(&a.pos[0]))?)
}

fn getpwall(vm: &mut Vm, _: Args) -> PyResult {
    super::all_entries::<libc::passwd>(vm, libc::setpwent, libc::getpwent, libc::endpwent)
}
