//! Code objects as the VM runs them: the compiler's code object, with its
//! constants made into values and its names interned.

use crate::api::{add_getsets, GetSetDef};
use crate::object::ObjKind;
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::value::{Obj, Value};
use crate::vm::Vm;
use krait_compiler::code::{Code, Const, Instr};
use krait_compiler::cpython_view::{self, CpythonView};
use std::cell::Cell;
use std::rc::Rc;

pub struct CodeObject {
    pub code: Rc<Code>,
    /// The instructions the loop runs: the compiler's, with common pairs
    /// fused (see [`fuse_pairs`]).
    pub instrs: Box<[Instr]>,
    pub consts: Vec<Value>,
    pub names: Vec<Obj>,
    /// Local variable names, interned, for matching keyword arguments.
    pub varnames: Vec<Obj>,
    pub name: Obj,
    pub qualname: Obj,
    pub nlocalsplus: usize,
    pub nlocals: usize,
    /// Parameters by position: arguments, keyword-only, `*args`, `**kwargs`.
    pub total_args: usize,
    /// Calls with exactly `argcount` positional arguments can bind them in
    /// place: no keyword-only, `*args` or `**kwargs` parameters.
    pub simple_args: bool,
    /// One inline cache per instruction, for the instructions that use one
    /// (attribute and global loads and stores).
    pub caches: Box<[InlineCache]>,
    /// Flags given after compilation: `types.coroutine` marks a generator
    /// function's code `CO_ITERABLE_COROUTINE` (see `__code__`).
    pub extra_flags: std::cell::Cell<u32>,
    /// The code laid out as CPython 3.11's bytecode, made when first asked
    /// for (`co_code`, `f_lasti`, `co_positions()`).
    view: std::cell::OnceCell<CpythonView>,
}

impl CodeObject {
    /// The code's flags (`co_flags`).
    pub fn flags(&self) -> u32 {
        self.code.flags | self.extra_flags.get()
    }

    pub fn view(&self) -> &CpythonView {
        self.view.get_or_init(|| cpython_view::build(&self.code))
    }

    /// `f_lasti` of a frame running instruction `pc`: a byte offset into
    /// `co_code`.
    pub fn lasti(&self, pc: u32) -> u32 {
        let v = self.view();
        v.offsets
            .get(pc as usize)
            .copied()
            .unwrap_or(v.bytes.len() as u32)
    }
}

/// The `co_flags` bits `code.replace` may change: they steer how the VM
/// treats the code's generators, not how the code was compiled.
pub const REPLACEABLE_FLAGS: u32 = krait_compiler::code::flags::ITERABLE_COROUTINE;

/// What an instruction learned the last time it ran. `key` is a class or
/// dict version (never reused, so a match means nothing changed); `hint`
/// is the position of the entry in a dict to try before hashing.
#[derive(Default)]
pub struct InlineCache {
    pub key: Cell<u64>,
    pub key2: Cell<u64>,
    /// Two more class versions an `INSTANCE` entry holds for.
    pub more_keys: [Cell<u64>; 2],
    pub hint: Cell<u32>,
    pub kind: Cell<u8>,
    /// A value the instruction reuses: the method a `LOAD_METHOD` found.
    pub value: Cell<Value>,
}

impl InlineCache {
    /// Records what the instruction found: its kind, the version it holds
    /// for, and the position hint.
    #[inline]
    pub fn remember(&self, kind: u8, key: u64, hint: usize) {
        self.kind.set(kind);
        self.key.set(key);
        self.hint.set(hint as u32);
    }
}

impl InlineCache {
    /// An `INSTANCE` entry holds for up to four classes (`key`, `key2`
    /// and `more_keys`), so an attribute read in a base class method
    /// serves its subclasses.
    #[inline]
    pub fn instance_of(&self, class_version: u64) -> bool {
        self.kind.get() == cache_kind::INSTANCE
            && (self.key.get() == class_version
                || self.key2.get() == class_version
                || self.more_keys[0].get() == class_version
                || self.more_keys[1].get() == class_version)
    }

    /// Records an instance attribute of a class of version `class_version`
    /// at `pos`, keeping the three classes the entry held before.
    pub fn remember_instance(&self, class_version: u64, pos: usize) {
        if self.kind.get() == cache_kind::INSTANCE {
            self.more_keys[1].set(self.more_keys[0].get());
            self.more_keys[0].set(self.key2.get());
            self.key2.set(self.key.get());
        } else {
            self.key2.set(0);
            self.more_keys[0].set(0);
            self.more_keys[1].set(0);
        }
        self.remember(cache_kind::INSTANCE, class_version, pos);
    }
}

/// The kinds of inline cache entries (0, the default, is an empty entry).
pub mod cache_kind {
    /// An instance attribute: in the instance dict, not on the class.
    pub const INSTANCE: u8 = 1;
    /// A method: a function on the class, not shadowed by the instance.
    pub const METHOD: u8 = 2;
    /// A global found in the module's namespace.
    pub const GLOBAL: u8 = 3;
    /// A global found in the builtins (absent from the module).
    pub const BUILTIN: u8 = 4;
    /// A `__slots__` member of the class: the slot's index.
    pub const SLOT: u8 = 5;
    /// A property of the class whose getter is a plain Python function
    /// (kept in `value`), run as a frame of the loop.
    pub const PROPERTY: u8 = 6;
}

/// The instructions with common adjacent pairs and triples replaced, at
/// the first of them, by a fused form (`LOAD_FAST; LOAD_CONST` and the like). The
/// second instruction stays where it was: a jump to it runs it alone, and
/// the fused form steps over it. A constant followed by an operator goes
/// with the operator rather than with a load before it.
pub fn fuse_pairs(instrs: &[Instr]) -> Box<[Instr]> {
    let mut out = instrs.to_vec();
    let mut i = 0;
    while i + 1 < instrs.len() {
        if let Some(f) = instrs
            .get(i + 2)
            .and_then(|&third| instrs[i].fuse3(instrs[i + 1], third))
        {
            out[i] = f;
            i += 3;
            continue;
        }
        let const_operand = matches!(
            (instrs[i + 1], instrs.get(i + 2)),
            (Instr::LoadConst(_), Some(Instr::BinaryOp(_)))
        );
        match instrs[i].fuse(instrs[i + 1]) {
            Some(f) if !const_operand => {
                out[i] = f;
                i += 2;
            }
            _ => i += 1,
        }
    }
    out.into_boxed_slice()
}

impl Vm {
    /// Makes the VM's code object (and those nested in its constants).
    /// A `code` object for compiled code (what `compile()` returns).
    pub fn new_code_object(&mut self, code: &Rc<Code>) -> Value {
        let co = self.load_code(code);
        Value::Obj(Obj::new(self.types.code.clone(), ObjKind::Code(co)))
    }

    pub fn load_code(&mut self, code: &Rc<Code>) -> Rc<CodeObject> {
        let consts = code.consts.iter().map(|c| self.const_value(c)).collect();
        let names = code.names.iter().map(|n| self.intern(n)).collect();
        let varnames = code.varnames.iter().map(|n| self.intern(n)).collect();
        let flags = code.flags;
        use krait_compiler::code::flags as f;
        let total_args = code.argcount as usize
            + code.kwonlyargcount as usize
            + (flags & f::VARARGS != 0) as usize
            + (flags & f::VARKEYWORDS != 0) as usize;
        Rc::new(CodeObject {
            name: self.intern(&code.name),
            qualname: self.intern(&code.qualname),
            nlocalsplus: code.nlocalsplus(),
            nlocals: code.varnames.len(),
            total_args,
            simple_args: code.kwonlyargcount == 0 && flags & (f::VARARGS | f::VARKEYWORDS) == 0,
            caches: (0..code.instrs.len())
                .map(|_| InlineCache::default())
                .collect(),
            instrs: fuse_pairs(&code.instrs),
            code: code.clone(),
            consts,
            names,
            varnames,
            extra_flags: std::cell::Cell::new(0),
            view: std::cell::OnceCell::new(),
        })
    }

    pub fn const_value(&mut self, c: &Const) -> Value {
        match c {
            Const::None => Value::None,
            Const::Bool(b) => Value::Bool(*b),
            Const::Ellipsis => Value::Obj(self.ellipsis.clone()),
            Const::Int(i) => Value::Int(*i),
            Const::BigInt(b) => self.new_int(b.clone()),
            Const::Float(f) => Value::Float(*f),
            Const::Complex(re, im) => Value::Obj(Obj::new(
                self.types.complex.clone(),
                ObjKind::Complex(*re, *im),
            )),
            Const::Str(s) => match s.as_str() {
                // Identifier-like constants are interned, as CPython does.
                Some(t)
                    if t.len() < 40
                        && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') =>
                {
                    Value::Obj(self.intern(t))
                }
                Some(t) => self.new_str(t),
                None => {
                    self.new_pystr(crate::objects::str::PyStr::from_wtf8(s.as_bytes().to_vec()))
                }
            },
            Const::Bytes(b) => self.new_bytes(b.clone()),
            Const::Tuple(items) => {
                let v = items.iter().map(|c| self.const_value(c)).collect();
                self.new_tuple(v)
            }
            Const::FrozenSet(items) => {
                // CPython's compiler builds the constant twice (the second
                // time from the first's iteration order, when it merges
                // equal constants); the layout, and so the iteration order,
                // follows from that.
                let v: Vec<Value> = items.iter().map(|c| self.const_value(c)).collect();
                let first = crate::objects::set::table_from(self, v).unwrap_or_default();
                let again: Vec<Value> = first.iter().map(|(_, v)| v.clone()).collect();
                crate::objects::set::new_frozenset_from(self, again).unwrap_or(Value::None)
            }
            Const::Code(code) => {
                let co = self.load_code(code);
                Value::Obj(Obj::new(self.types.code.clone(), ObjKind::Code(co)))
            }
        }
    }
}

pub struct CodeType;

impl NativeType for CodeType {
    const SLOTS: &'static Slots = &Slots::repr(|vm, o| {
        let ObjKind::Code(c) = o.kind() else {
            unreachable!("code slots are installed on code")
        };
        let r = format!(
            "<code object {} at {:#x}, file \"{}\", line {}>",
            c.code.name,
            o.addr(),
            c.code.filename,
            c.code.first_lineno
        );
        Ok(vm.new_string(r))
    });
}

pub fn register(vm: &mut Vm) {
    let code = vm.types.code.clone();
    install::<CodeType>(vm, &code);
    add_getsets(vm, &code, ATTRIBUTES);
    crate::api::add_methods(vm, &code, METHODS);
}

const METHODS: &[crate::api::FunctionDef] = &[
    // `code.replace(co_flags=...)`, for the flags that do not change the
    // compiled code (what `types.coroutine` asks); other fields would need
    // recompiling and are refused.
    crate::api::FunctionDef::method("replace", |vm, a| {
        let c = code(&a.pos[0]);
        let mut extra = c.extra_flags.get();
        for (key, value) in &a.kw {
            let key = crate::objects::str::text(key).into_owned();
            let requested = match (key.as_str(), crate::api::small_int(value)) {
                ("co_flags", Some(f)) => f as u32,
                ("co_flags", None) => return Err(vm.type_error("co_flags must be an integer")),
                _ => {
                    return Err(vm.not_implemented_error(format!(
                        "code.replace() of {key} is not supported"
                    )))
                }
            };
            if (requested ^ c.code.flags) & !REPLACEABLE_FLAGS != 0 {
                return Err(vm.not_implemented_error(
                    "code.replace() of co_flags beyond CO_ITERABLE_COROUTINE is not supported",
                ));
            }
            extra = requested & REPLACEABLE_FLAGS;
        }
        let new = vm.load_code(&c.code);
        new.extra_flags.set(extra);
        Ok(Value::Obj(Obj::new(
            vm.types.code.clone(),
            ObjKind::Code(new),
        )))
    }),
    // One `(line, end line, column, end column)` per code unit of
    // `co_code`.
    crate::api::FunctionDef::method("co_positions", |vm, a| {
        let c = code(&a.pos[0]);
        let items: Vec<Value> = c
            .view()
            .positions
            .iter()
            .map(|p| match p {
                Some(p) => vm.new_tuple(vec![
                    Value::Int(p.lineno as i64),
                    Value::Int(p.end_lineno as i64),
                    Value::Int(p.col_offset as i64),
                    Value::Int(p.end_col_offset as i64),
                ]),
                None => vm.new_tuple(vec![Value::None; 4]),
            })
            .collect();
        let list = vm.new_list(items);
        vm.iter(&list)
    })
    .no_args(),
    // `(start, end, line)` byte ranges of `co_code` on one line.
    crate::api::FunctionDef::method("co_lines", |vm, a| {
        let c = code(&a.pos[0]);
        let mut ranges: Vec<(usize, usize, Option<u32>)> = Vec::new();
        for (i, p) in c.view().positions.iter().enumerate() {
            let line = p.map(|p| p.lineno);
            match ranges.last_mut() {
                Some(r) if r.2 == line => r.1 = 2 * (i + 1),
                _ => ranges.push((2 * i, 2 * (i + 1), line)),
            }
        }
        let items: Vec<Value> = ranges
            .into_iter()
            .map(|(s, e, l)| {
                vm.new_tuple(vec![
                    Value::Int(s as i64),
                    Value::Int(e as i64),
                    l.map_or(Value::None, |l| Value::Int(l as i64)),
                ])
            })
            .collect();
        let list = vm.new_list(items);
        vm.iter(&list)
    })
    .no_args(),
    // The name of a local, cell or free variable slot, as `dis` asks.
    crate::api::FunctionDef::method("_varname_from_oparg", |vm, a| {
        let i = vm.ssize_arg(&a.pos[1])?;
        let c = code(&a.pos[0]);
        if i < 0 || i as usize >= c.code.nlocalsplus() {
            return Err(vm.index_error("tuple index out of range"));
        }
        Ok(vm.new_str(c.code.slot_name(i as usize)))
    })
    .one(),
];

fn code(v: &Value) -> &CodeObject {
    match v.kind() {
        Some(ObjKind::Code(c)) => c,
        _ => unreachable!("read on code objects"),
    }
}

fn names_tuple(vm: &mut Vm, names: &[String]) -> Value {
    let v: Vec<Value> = names.iter().map(|n| vm.new_str(n)).collect();
    vm.new_tuple(v)
}

const ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::member("co_name", |vm, c| Ok(vm.new_str(&code(c).code.name))),
    GetSetDef::member("co_stacksize", |_, c| {
        Ok(Value::Int(code(c).code.max_stack as i64))
    }),
    GetSetDef::member("co_code", |vm, c| {
        Ok(vm.new_bytes(code(c).view().bytes.clone()))
    }),
    GetSetDef::member("_co_code_adaptive", |vm, c| {
        Ok(vm.new_bytes(code(c).view().bytes.clone()))
    }),
    GetSetDef::member("co_exceptiontable", |vm, c| {
        Ok(vm.new_bytes(code(c).view().exception_table.clone()))
    }),
    GetSetDef::member(
        "co_qualname",
        |vm, c| Ok(vm.new_str(&code(c).code.qualname)),
    ),
    GetSetDef::member(
        "co_filename",
        |vm, c| Ok(vm.new_str(&code(c).code.filename)),
    ),
    GetSetDef::member("co_firstlineno", |_, c| {
        Ok(Value::Int(code(c).code.first_lineno as i64))
    }),
    GetSetDef::member("co_argcount", |_, c| {
        Ok(Value::Int(code(c).code.argcount as i64))
    }),
    GetSetDef::member("co_posonlyargcount", |_, c| {
        Ok(Value::Int(code(c).code.posonlyargcount as i64))
    }),
    GetSetDef::member("co_kwonlyargcount", |_, c| {
        Ok(Value::Int(code(c).code.kwonlyargcount as i64))
    }),
    GetSetDef::member("co_flags", |_, c| Ok(Value::Int(code(c).flags() as i64))),
    GetSetDef::member("co_nlocals", |_, c| {
        Ok(Value::Int(code(c).code.varnames.len() as i64))
    }),
    GetSetDef::new("co_varnames", |vm, c| {
        let v: Vec<Value> = code(c)
            .varnames
            .iter()
            .map(|n| Value::Obj(n.clone()))
            .collect();
        Ok(vm.new_tuple(v))
    }),
    GetSetDef::member("co_names", |vm, c| {
        let v: Vec<Value> = code(c)
            .names
            .iter()
            .map(|n| Value::Obj(n.clone()))
            .collect();
        Ok(vm.new_tuple(v))
    }),
    GetSetDef::member(
        "co_consts",
        |vm, c| Ok(vm.new_tuple(code(c).consts.clone())),
    ),
    GetSetDef::new("co_cellvars", |vm, c| {
        Ok(names_tuple(vm, &code(c).code.cellvars))
    }),
    GetSetDef::new("co_freevars", |vm, c| {
        Ok(names_tuple(vm, &code(c).code.freevars))
    }),
];
