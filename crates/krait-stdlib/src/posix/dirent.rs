//! `scandir` and its `DirEntry` objects.

use super::fs::stat_value;
use super::{name_value, os_error, path_arg};
use krait_vm::api::{
    add_attr, add_getsets, native_data, Args, FunctionDef as F, GetSetDef, NativeType, Obj,
    PyResult, Slots, TypeDef, Value, Vm,
};
use std::cell::{Cell, RefCell};

pub fn add_types(vm: &mut Vm, m: &Obj) {
    let e = vm.new_native_type::<EntryType>(&ENTRY_TYPE);
    add_getsets(vm, &e, ENTRY_ATTRIBUTES);
    add_attr(vm, m, "DirEntry", Value::Obj(e));
    let it = vm.new_native_type::<ScandirType>(&SCANDIR_TYPE);
    add_attr(vm, m, "ScandirIterator", Value::Obj(it));
}

struct Entry {
    name: Vec<u8>,
    dir: Vec<u8>,
    kind: u8,
    ino: u64,
    bytes: bool,
}

impl Entry {
    fn path(&self) -> Vec<u8> {
        let mut p = self.dir.clone();
        if !p.is_empty() && !p.ends_with(b"/") {
            p.push(b'/');
        }
        p.extend_from_slice(&self.name);
        p
    }

    fn stat(&self, vm: &mut Vm, follow: bool) -> PyResult<libc::stat> {
        let c = std::ffi::CString::new(self.path()).expect("names have no NUL");
        // SAFETY: stat is a plain C struct; all-zero bytes are valid.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: `c` is NUL-terminated and `st` valid to fill.
        let r = unsafe {
            if follow {
                libc::stat(c.as_ptr(), &mut st)
            } else {
                libc::lstat(c.as_ptr(), &mut st)
            }
        };
        if r < 0 {
            let p = name_value(vm, &self.path(), self.bytes)?;
            return Err(os_error(vm, Some(&p), None));
        }
        Ok(st)
    }

    /// Whether the entry is of file type `mode` (`S_IFDIR`...), from the
    /// directory listing where it says, else from `stat`.
    fn is(&self, vm: &mut Vm, mode: libc::mode_t, follow: bool) -> PyResult<bool> {
        let from_listing = match self.kind {
            libc::DT_UNKNOWN => None,
            libc::DT_LNK if follow => None,
            k => Some(k),
        };
        if let Some(k) = from_listing {
            let kind_mode = match k {
                libc::DT_DIR => libc::S_IFDIR,
                libc::DT_REG => libc::S_IFREG,
                libc::DT_LNK => libc::S_IFLNK,
                _ => 0,
            };
            return Ok(kind_mode == mode);
        }
        match self.stat(vm, follow) {
            Ok(st) => Ok(st.st_mode & libc::S_IFMT == mode),
            Err(e)
                if e.class()
                    .is_subtype(&vm.exception_class("FileNotFoundError")) =>
            {
                Ok(false)
            }
            Err(e) => Err(e),
        }
    }
}

fn entry(v: &Value) -> &Entry {
    v.as_obj()
        .and_then(native_data::<Entry>)
        .expect("DirEntry methods are on entries")
}

/// `follow_symlinks=True`, keyword only.
fn follow_arg(vm: &mut Vm, a: &Args) -> PyResult<bool> {
    match a.kwarg("follow_symlinks") {
        Some(v) => vm.truthy(&v.clone()),
        None => Ok(true),
    }
}

struct EntryType;

impl NativeType for EntryType {
    const SLOTS: &'static Slots = &Slots::repr(|vm, o| {
        let e = native_data::<Entry>(o).expect("an entry");
        let name = name_value(vm, &e.name, e.bytes)?;
        let r = vm.repr_string(&name)?;
        Ok(vm.new_string(format!("<DirEntry {r}>")))
    });
}

const ENTRY_TYPE: TypeDef = TypeDef {
    name: "DirEntry",
    module: "posix",
    doc: None,
    methods: &[
        F::method("is_dir", |vm, a| {
            let follow = follow_arg(vm, &a)?;
            Ok(Value::Bool(entry(&a.pos[0]).is(
                vm,
                libc::S_IFDIR,
                follow,
            )?))
        }),
        F::method("is_file", |vm, a| {
            let follow = follow_arg(vm, &a)?;
            Ok(Value::Bool(entry(&a.pos[0]).is(
                vm,
                libc::S_IFREG,
                follow,
            )?))
        }),
        F::method("is_symlink", |vm, a| {
            Ok(Value::Bool(entry(&a.pos[0]).is(
                vm,
                libc::S_IFLNK,
                false,
            )?))
        })
        .no_args(),
        F::method("stat", |vm, a| {
            let follow = follow_arg(vm, &a)?;
            let st = entry(&a.pos[0]).stat(vm, follow)?;
            stat_value(vm, &st)
        }),
        F::method("inode", |_, a| Ok(Value::Int(entry(&a.pos[0]).ino as i64))).no_args(),
        F::method("__fspath__", |vm, a| {
            let e = entry(&a.pos[0]);
            name_value(vm, &e.path(), e.bytes)
        })
        .no_args(),
        krait_vm::api::GENERIC_CLASS_GETITEM,
    ],
};

const ENTRY_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::new("name", |vm, v| {
        let e = entry(v);
        name_value(vm, &e.name, e.bytes)
    }),
    GetSetDef::new("path", |vm, v| {
        let e = entry(v);
        name_value(vm, &e.path(), e.bytes)
    }),
];

struct Scandir {
    entries: RefCell<Vec<Entry>>,
    next: Cell<usize>,
}

struct ScandirType;

impl NativeType for ScandirType {
    const SLOTS: &'static Slots = &Slots::iterator(|vm, o| {
        let s = native_data::<Scandir>(o).expect("a scandir iterator");
        let i = s.next.get();
        let mut entries = s.entries.borrow_mut();
        if i >= entries.len() {
            return Ok(None);
        }
        s.next.set(i + 1);
        let e = std::mem::replace(
            &mut entries[i],
            Entry {
                name: Vec::new(),
                dir: Vec::new(),
                kind: 0,
                ino: 0,
                bytes: false,
            },
        );
        drop(entries);
        let cls = vm.native_class("posix", "DirEntry")?;
        Ok(Some(vm.new_native(&cls, e)))
    });
}

fn close(_: &mut Vm, a: Args) -> PyResult {
    if let Some(s) = a.pos[0].as_obj().and_then(native_data::<Scandir>) {
        let n = s.entries.borrow().len();
        s.next.set(n);
    }
    Ok(Value::None)
}

const SCANDIR_TYPE: TypeDef = TypeDef {
    name: "ScandirIterator",
    module: "posix",
    doc: None,
    methods: &[
        F::method("close", close).no_args(),
        F::method("__enter__", |_, a| Ok(a.pos[0].clone())).no_args(),
        F::method("__exit__", close),
    ],
};

fn scandir(vm: &mut Vm, a: Args) -> PyResult {
    let target = a.pos.first().cloned().filter(|v| !v.is_none());
    let target = match target {
        Some(t) => t,
        None => vm.new_str("."),
    };
    let p = path_arg(vm, &target, "scandir")?;
    // SAFETY: `p.c` is a NUL-terminated path.
    let dir = unsafe { libc::opendir(p.c.as_ptr()) };
    if dir.is_null() {
        return Err(os_error(vm, Some(&p.given), None));
    }
    let dir_path = p.c.as_bytes().to_vec();
    let mut entries = Vec::new();
    loop {
        // SAFETY: `dir` is an open directory stream.
        let ent = unsafe { libc::readdir(dir) };
        if ent.is_null() {
            break;
        }
        // SAFETY: `ent` points to a dirent with a NUL-terminated d_name.
        let (name, kind, ino) = unsafe {
            let name = std::ffi::CStr::from_ptr((*ent).d_name.as_ptr())
                .to_bytes()
                .to_vec();
            (name, (*ent).d_type, (*ent).d_ino)
        };
        if name == b"." || name == b".." {
            continue;
        }
        entries.push(Entry {
            name,
            dir: dir_path.clone(),
            kind,
            ino,
            bytes: p.bytes,
        });
    }
    // SAFETY: `dir` is open and closed once.
    unsafe { libc::closedir(dir) };
    let cls = vm.native_class("posix", "ScandirIterator")?;
    Ok(vm.new_native(
        &cls,
        Scandir {
            entries: RefCell::new(entries),
            next: Cell::new(0),
        },
    ))
}

pub const FUNCTIONS: &[F] = &[F::new("scandir", scandir).args(0, 1)];
