//! `grp`: the group database.

use super::{find, id_arg, name_arg, text};
use krait_vm::api::{
    add_attr, Args, FunctionDef as F, ModuleDef, Obj, PyResult, StructSeqDef, Value, Vm,
};

pub const MODULE: ModuleDef = ModuleDef {
    name: "grp",
    doc: Some("Access to the Unix group database.\n\nGroup entries are reported as 4-tuples containing the following fields\nfrom the group database, in order:\n\n  gr_name   - name of the group\n  gr_passwd - group password (encrypted); often empty\n  gr_gid    - numeric ID of the group\n  gr_mem    - list of members\n\nThe gid is an integer, name and password are strings.  (Note that most\nusers are not explicitly listed as members of the groups they are in\naccording to the password database.  Check both databases to get\ncomplete membership information.)"),
    functions: &[
        F::new("getgrgid", getgrgid).named(&["id"], 0, 1, 1),
        F::new("getgrnam", getgrnam).named(&["name"], 0, 1, 1),
        F::new("getgrall", getgrall).no_args(),
    ],
    init: Some(init),
};

const STRUCT_GROUP: StructSeqDef = StructSeqDef {
    name: "grp.struct_group",
    module: "grp",
    doc: Some("grp.struct_group: Results from getgr*() routines.\n\nThis object may be accessed either as a tuple of\n  (gr_name,gr_passwd,gr_gid,gr_mem)\nor via the object attributes as named in the above tuple.\n"),
    fields: &["gr_name", "gr_passwd", "gr_gid", "gr_mem"],
    visible: 4,
};

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    let cls = vm.new_struct_seq_type(&STRUCT_GROUP);
    add_attr(vm, m, "struct_group", Value::Obj(cls));
    Ok(())
}

pub(super) fn entry(vm: &mut Vm, g: &libc::group) -> PyResult {
    let mut members = Vec::new();
    let mut p = g.gr_mem;
    // SAFETY: gr_mem is a NULL-terminated array of C strings.
    while !p.is_null() && unsafe { !(*p).is_null() } {
        // SAFETY: `*p` is a member name, checked non-null above.
        members.push(text(vm, unsafe { *p })?);
        // SAFETY: the array goes on up to its NULL.
        p = unsafe { p.add(1) };
    }
    let values = vec![
        text(vm, g.gr_name)?,
        text(vm, g.gr_passwd)?,
        Value::Int(g.gr_gid as i64),
        vm.new_list(members),
    ];
    let cls = vm.native_class("grp", "struct_group")?;
    Ok(vm.new_struct_seq(&cls, values))
}

fn getgrgid(vm: &mut Vm, a: Args) -> PyResult {
    let gid = id_arg(vm, &a.pos[0], "gid")?;
    let found = match gid {
        Some(gid) => find(vm, |rec, buf, out| {
            // SAFETY: every pointer is valid, and `buf` is writable for its length.
            unsafe { libc::getgrgid_r(gid, rec, buf.as_mut_ptr(), buf.len(), out) }
        })?,
        None => None,
    };
    if let Some(found) = found {
        return Ok(found);
    }
    let key = gid.map(|_| &a.pos[0]);
    Err(super::not_found(vm, "getgrgid(): gid", key)?)
}

fn getgrnam(vm: &mut Vm, a: Args) -> PyResult {
    let name = name_arg(vm, &a.pos[0], "getgrnam", "argument 'name'")?;
    let found = find(vm, |rec, buf, out| {
        // SAFETY: every pointer is valid, and `buf` is writable for its length.
        unsafe { libc::getgrnam_r(name.as_ptr(), rec, buf.as_mut_ptr(), buf.len(), out) }
    })?;
    if let Some(found) = found {
        return Ok(found);
    }
    Err(super::not_found(vm, "getgrnam(): name", Some(&a.pos[0]))?)
}

fn getgrall(vm: &mut Vm, _: Args) -> PyResult {
    super::all_entries::<libc::group>(vm, libc::setgrent, libc::getgrent, libc::endgrent)
}
