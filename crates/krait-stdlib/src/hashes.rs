//! The digests behind `hashlib`: `_md5`, `_sha1`, `_sha256`, `_sha512`,
//! `_sha3` and `_blake2`, on RustCrypto's crates. Every algorithm is a
//! hash object with `update`, `digest`, `hexdigest`, `copy`, `name`,
//! `digest_size` and `block_size` (the SHAKEs take a length).

use blake2::digest::{Update as _, VariableOutput};
use krait_vm::api::{
    add_attr, add_getsets, bytes_data, native_data, small_int, value_pystr, Args, FunctionDef as F,
    GetSetDef, ModuleDef, NativeType, Obj, PyResult, Slots, TypeDef, Value, Vm,
};
use sha2::Digest;
use sha3::digest::{ExtendableOutput, XofReader};
use std::cell::RefCell;

#[derive(Clone)]
enum State {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(blake2::Blake2bVar, usize),
    Blake2s(blake2::Blake2sVar, usize),
}

impl State {
    /// `(name, digest_size, block_size)`.
    fn info(&self) -> (&'static str, usize, usize) {
        match self {
            State::Md5(_) => ("md5", 16, 64),
            State::Sha1(_) => ("sha1", 20, 64),
            State::Sha224(_) => ("sha224", 28, 64),
            State::Sha256(_) => ("sha256", 32, 64),
            State::Sha384(_) => ("sha384", 48, 128),
            State::Sha512(_) => ("sha512", 64, 128),
            State::Sha3_224(_) => ("sha3_224", 28, 144),
            State::Sha3_256(_) => ("sha3_256", 32, 136),
            State::Sha3_384(_) => ("sha3_384", 48, 104),
            State::Sha3_512(_) => ("sha3_512", 64, 72),
            State::Shake128(_) => ("shake_128", 0, 168),
            State::Shake256(_) => ("shake_256", 0, 136),
            State::Blake2b(_, n) => ("blake2b", *n, 128),
            State::Blake2s(_, n) => ("blake2s", *n, 64),
        }
    }

    fn update(&mut self, d: &[u8]) {
        match self {
            State::Md5(h) => Digest::update(h, d),
            State::Sha1(h) => Digest::update(h, d),
            State::Sha224(h) => Digest::update(h, d),
            State::Sha256(h) => Digest::update(h, d),
            State::Sha384(h) => Digest::update(h, d),
            State::Sha512(h) => Digest::update(h, d),
            State::Sha3_224(h) => Digest::update(h, d),
            State::Sha3_256(h) => Digest::update(h, d),
            State::Sha3_384(h) => Digest::update(h, d),
            State::Sha3_512(h) => Digest::update(h, d),
            State::Shake128(h) => h.update(d),
            State::Shake256(h) => h.update(d),
            State::Blake2b(h, _) => h.update(d),
            State::Blake2s(h, _) => h.update(d),
        }
    }

    /// The digest (`length` bytes for a SHAKE), leaving the state as is.
    fn digest(&self, length: usize) -> Vec<u8> {
        match self.clone() {
            State::Md5(h) => h.finalize().to_vec(),
            State::Sha1(h) => h.finalize().to_vec(),
            State::Sha224(h) => h.finalize().to_vec(),
            State::Sha256(h) => h.finalize().to_vec(),
            State::Sha384(h) => h.finalize().to_vec(),
            State::Sha512(h) => h.finalize().to_vec(),
            State::Sha3_224(h) => h.finalize().to_vec(),
            State::Sha3_256(h) => h.finalize().to_vec(),
            State::Sha3_384(h) => h.finalize().to_vec(),
            State::Sha3_512(h) => h.finalize().to_vec(),
            State::Shake128(h) => {
                let mut out = vec![0u8; length];
                h.finalize_xof().read(&mut out);
                out
            }
            State::Shake256(h) => {
                let mut out = vec![0u8; length];
                h.finalize_xof().read(&mut out);
                out
            }
            State::Blake2b(h, n) => {
                let mut out = vec![0u8; n];
                let _ = h.finalize_variable(&mut out);
                out
            }
            State::Blake2s(h, n) => {
                let mut out = vec![0u8; n];
                let _ = h.finalize_variable(&mut out);
                out
            }
        }
    }

    fn is_shake(&self) -> bool {
        matches!(self, State::Shake128(_) | State::Shake256(_))
    }
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

struct HashType;

impl NativeType for HashType {
    const SLOTS: &'static Slots = &Slots::NONE;
}

/// The length argument of a SHAKE's `digest`/`hexdigest`, or the fixed
/// digest size.
fn length_arg(vm: &Vm, a: &Args, state: &State) -> PyResult<usize> {
    if !state.is_shake() {
        return Ok(state.info().1);
    }
    match a
        .pos
        .get(1)
        .or_else(|| a.kwarg("length"))
        .and_then(small_int)
    {
        Some(n) if n >= 0 => Ok(n as usize),
        Some(_) => Err(vm.value_error("length must be non-negative")),
        None => Err(vm.type_error("digest() missing required argument 'length' (pos 1)")),
    }
}

const METHODS: &[F] = &[
    F::method("update", |vm, a| {
        let d = data_arg(vm, &a.pos[1])?;
        hash_of(&a.pos[0]).0.borrow_mut().update(&d);
        Ok(Value::None)
    })
    .one(),
    F::method("digest", |vm, a| {
        let state = hash_of(&a.pos[0]).0.borrow().clone();
        let n = length_arg(vm, &a, &state)?;
        Ok(vm.new_bytes(state.digest(n)))
    }),
    F::method("hexdigest", |vm, a| {
        let state = hash_of(&a.pos[0]).0.borrow().clone();
        let n = length_arg(vm, &a, &state)?;
        let hex: String = state.digest(n).iter().map(|b| format!("{b:02x}")).collect();
        Ok(vm.new_string(hex))
    }),
    F::method("copy", |vm, a| {
        let o = a.pos[0].as_obj().cloned().expect("a hash object");
        let state = hash_of(&a.pos[0]).0.borrow().clone();
        Ok(vm.new_native(o.class(), Hash(RefCell::new(state))))
    })
    .no_args(),
];

const ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::new("name", |vm, h| {
        Ok(vm.new_str(hash_of(h).0.borrow().info().0))
    }),
    GetSetDef::new("digest_size", |_, h| {
        Ok(Value::Int(hash_of(h).0.borrow().info().1 as i64))
    }),
    GetSetDef::new("block_size", |_, h| {
        Ok(Value::Int(hash_of(h).0.borrow().info().2 as i64))
    }),
];

const HASH_TYPE: TypeDef = TypeDef {
    name: "HASH",
    module: "_hashlib",
    doc: None,
    methods: METHODS,
};

/// A new hash object of `module`, fed the optional initial data.
fn new_hash(vm: &mut Vm, module: &'static str, a: &Args, state: State) -> PyResult {
    let mut state = state;
    let data = a
        .pos
        .first()
        .or_else(|| a.kwarg("string"))
        .or_else(|| a.kwarg("data"));
    if let Some(v) = data.filter(|v| !v.is_none()) {
        let d = data_arg(vm, v)?;
        state.update(&d);
    }
    let cls = vm.native_class(module, "_HashType")?;
    Ok(vm.new_native(&cls, Hash(RefCell::new(state))))
}

fn add_type(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    let cls = vm.new_native_type::<HashType>(&HASH_TYPE);
    add_getsets(vm, &cls, ATTRIBUTES);
    add_attr(vm, m, "_HashType", Value::Obj(cls));
    Ok(())
}

macro_rules! constructor {
    ($module:literal, $name:literal, $state:expr) => {
        F::new($name, |vm, a| new_hash(vm, $module, &a, $state))
    };
}

macro_rules! hash_module {
    ($name:literal, [$($f:expr),* $(,)?]) => {
        ModuleDef {
            name: $name,
            doc: None,
            functions: &[$($f),*],
            init: Some(add_type),
        }
    };
}

pub const MD5: ModuleDef = hash_module!(
    "_md5",
    [constructor!("_md5", "md5", State::Md5(Default::default()))]
);
pub const SHA1: ModuleDef = hash_module!(
    "_sha1",
    [constructor!(
        "_sha1",
        "sha1",
        State::Sha1(Default::default())
    )]
);
pub const SHA256: ModuleDef = hash_module!(
    "_sha256",
    [
        constructor!("_sha256", "sha224", State::Sha224(Default::default())),
        constructor!("_sha256", "sha256", State::Sha256(Default::default())),
    ]
);
pub const SHA512: ModuleDef = hash_module!(
    "_sha512",
    [
        constructor!("_sha512", "sha384", State::Sha384(Default::default())),
        constructor!("_sha512", "sha512", State::Sha512(Default::default())),
    ]
);
pub const SHA3: ModuleDef = hash_module!(
    "_sha3",
    [
        constructor!("_sha3", "sha3_224", State::Sha3_224(Default::default())),
        constructor!("_sha3", "sha3_256", State::Sha3_256(Default::default())),
        constructor!("_sha3", "sha3_384", State::Sha3_384(Default::default())),
        constructor!("_sha3", "sha3_512", State::Sha3_512(Default::default())),
        constructor!("_sha3", "shake_128", State::Shake128(Default::default())),
        constructor!("_sha3", "shake_256", State::Shake256(Default::default())),
    ]
);

/// `blake2b`/`blake2s(data=b'', *, digest_size=...)`; keys, salts and
/// personalisation are not supported yet.
fn blake(vm: &mut Vm, a: Args, big: bool) -> PyResult {
    for k in [
        "key",
        "salt",
        "person",
        "fanout",
        "depth",
        "leaf_size",
        "node_offset",
        "node_depth",
        "inner_size",
        "last_node",
    ] {
        if a.kwarg(k).is_some() {
            return Err(vm.not_implemented_error(format!(
                "blake2 parameter '{k}' is not supported by Krait yet"
            )));
        }
    }
    let max = if big { 64 } else { 32 };
    let n = match a.kwarg("digest_size").and_then(small_int) {
        Some(n) if (1..=max).contains(&n) => n as usize,
        Some(_) => {
            return Err(vm.value_error(format!("digest_size must be between 1 and {max} bytes")))
        }
        None => max as usize,
    };
    let state = if big {
        State::Blake2b(blake2::Blake2bVar::new(n).expect("a valid size"), n)
    } else {
        State::Blake2s(blake2::Blake2sVar::new(n).expect("a valid size"), n)
    };
    new_hash(vm, "_blake2", &a, state)
}

pub const BLAKE2: ModuleDef = hash_module!(
    "_blake2",
    [
        F::new("blake2b", |vm, a| blake(vm, a, true)),
        F::new("blake2s", |vm, a| blake(vm, a, false)),
    ]
);
