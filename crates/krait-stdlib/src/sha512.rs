//! `_sha512`: SHA-512 and SHA-384 hash objects (RustCrypto's `sha2`), as
//! `hashlib` and `random` use them.

use krait_vm::api::{
    add_attr, add_getsets, bytes_data, native_data, value_pystr, Args, FunctionDef as F, GetSetDef,
    ModuleDef, NativeType, Obj, PyResult, Slots, TypeDef, Value, Vm,
};
use sha2::{Digest, Sha384, Sha512};
use std::cell::RefCell;

pub const MODULE: ModuleDef = ModuleDef {
    name: "_sha512",
    doc: None,
    functions: &[
        F::new("sha512", |vm, a| new_hash(vm, a, false)).named(
            &["string", "usedforsecurity"],
            0,
            1,
            0,
        ),
        F::new("sha384", |vm, a| new_hash(vm, a, true)).named(
            &["string", "usedforsecurity"],
            0,
            1,
            0,
        ),
    ],
    init: Some(init),
};

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    for (def, name) in [(&SHA512_TYPE, "SHA512Type"), (&SHA384_TYPE, "SHA384Type")] {
        let cls = vm.new_native_type::<HashType>(def);
        add_getsets(vm, &cls, ATTRIBUTES);
        add_attr(vm, m, name, Value::Obj(cls));
    }
    Ok(())
}

#[derive(Clone)]
enum State {
    Sha512(Sha512),
    Sha384(Sha384),
}

struct Hash(RefCell<State>);

fn hash_of(v: &Value) -> &Hash {
    v.as_obj()
        .and_then(native_data::<Hash>)
        .expect("hash methods are on hash objects")
}

fn data_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if value_pystr(v).is_some() {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    bytes_data(v)
        .map(|b| b.into_owned())
        .ok_or_else(|| vm.type_error("object supporting the buffer API required"))
}

fn update(state: &mut State, data: &[u8]) {
    match state {
        State::Sha512(h) => h.update(data),
        State::Sha384(h) => h.update(data),
    }
}

fn new_hash(vm: &mut Vm, a: Args, is384: bool) -> PyResult {
    let mut state = if is384 {
        State::Sha384(Sha384::new())
    } else {
        State::Sha512(Sha512::new())
    };
    if let Some(v) = a.given(0) {
        let d = data_arg(vm, v)?;
        update(&mut state, &d);
    }
    let name = if is384 { "SHA384Type" } else { "SHA512Type" };
    let m = vm.import("_sha512")?;
    let cls = vm.getattr_str(&m, name)?;
    let cls = cls.as_obj().cloned().expect("a class");
    Ok(vm.new_native(&cls, Hash(RefCell::new(state))))
}

fn digest(h: &Hash) -> Vec<u8> {
    match h.0.borrow().clone() {
        State::Sha512(h) => h.finalize().to_vec(),
        State::Sha384(h) => h.finalize().to_vec(),
    }
}

struct HashType;

impl NativeType for HashType {
    const SLOTS: &'static Slots = &Slots::NONE;
}

const METHODS: &[F] = &[
    F::method("update", |vm, a| {
        let d = data_arg(vm, &a.pos[1])?;
        update(&mut hash_of(&a.pos[0]).0.borrow_mut(), &d);
        Ok(Value::None)
    })
    .one(),
    F::method("digest", |vm, a| {
        Ok(vm.new_bytes(digest(hash_of(&a.pos[0]))))
    })
    .no_args(),
    F::method("hexdigest", |vm, a| {
        let hex: String = digest(hash_of(&a.pos[0]))
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        Ok(vm.new_string(hex))
    })
    .no_args(),
    F::method("copy", |vm, a| {
        let o = a.pos[0].as_obj().cloned().expect("a hash object");
        let state = hash_of(&a.pos[0]).0.borrow().clone();
        Ok(vm.new_native(o.class(), Hash(RefCell::new(state))))
    })
    .no_args(),
];

const SHA512_TYPE: TypeDef = TypeDef {
    name: "sha512",
    module: "_sha512",
    doc: None,
    methods: METHODS,
};

const SHA384_TYPE: TypeDef = TypeDef {
    name: "sha384",
    module: "_sha512",
    doc: None,
    methods: METHODS,
};

fn is384(v: &Value) -> bool {
    matches!(*hash_of(v).0.borrow(), State::Sha384(_))
}

const ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::new("name", |vm, h| {
        Ok(vm.new_str(if is384(h) { "sha384" } else { "sha512" }))
    }),
    GetSetDef::new("digest_size", |_, h| {
        Ok(Value::Int(if is384(h) { 48 } else { 64 }))
    }),
    GetSetDef::new("block_size", |_, _| Ok(Value::Int(128))),
];
