//! `_random`: the Mersenne Twister behind `random`, seeded and stepped
//! exactly as CPython's, so a seeded `random.Random` gives CPython's
//! numbers.

use dashu_int::ops::UnsignedAbs;
use krait_vm::api::{
    add_attr, native_data, small_int, tuple_items, Args, BigInt, FunctionDef as F, ModuleDef,
    NativeType, Obj, PyResult, Slots, TypeDef, Value, Vm,
};
use std::cell::RefCell;

pub const MODULE: ModuleDef = ModuleDef {
    name: "_random",
    doc: Some("Module implements the Mersenne Twister random number generator."),
    functions: &[],
    init: Some(init),
};

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    let cls = vm.new_native_base_type::<RandomType>(&RANDOM_TYPE);
    add_attr(vm, m, "Random", Value::Obj(cls));
    Ok(())
}

const N: usize = 624;
const M: usize = 397;

struct Twister {
    mt: [u32; N],
    index: usize,
}

impl Twister {
    fn new() -> Twister {
        Twister {
            mt: [0; N],
            index: N + 1,
        }
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let prev = self.mt[i - 1];
            self.mt[i] = 1812433253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        let len = key.len().max(1);
        for _ in 0..N.max(len) {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1664525))
                .wrapping_add(key.get(j).copied().unwrap_or(0))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1566083941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
        }
        self.mt[0] = 0x80000000;
    }

    fn next_u32(&mut self) -> u32 {
        const MAG: [u32; 2] = [0, 0x9908b0df];
        if self.index >= N {
            if self.index == N + 1 {
                self.init_genrand(5489);
            }
            for k in 0..N {
                let y = (self.mt[k] & 0x80000000) | (self.mt[(k + 1) % N] & 0x7fffffff);
                self.mt[k] = self.mt[(k + M) % N] ^ (y >> 1) ^ MAG[(y & 1) as usize];
            }
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^ (y >> 18)
    }

    fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }
}

fn twister(v: &Value) -> &RefCell<Twister> {
    v.as_obj()
        .and_then(native_data::<RefCell<Twister>>)
        .expect("Random methods are on Random objects")
}

/// Seeds from `arg`: the words of an int's absolute value, a hash for
/// anything else, fresh randomness for None.
fn seed(vm: &mut Vm, t: &RefCell<Twister>, arg: &Value) -> PyResult<()> {
    let key: Vec<u32> = if arg.is_none() {
        let mut buf = [0u8; N * 4];
        let _ = crate::posix::fill_random(&mut buf);
        buf.chunks(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect()
    } else {
        let n: BigInt = match krait_vm::api::big_int(arg) {
            Some(n) => n,
            None => BigInt::from(vm.hash(arg)?),
        };
        let bytes = n.unsigned_abs().to_le_bytes();
        let mut words: Vec<u32> = bytes
            .chunks(4)
            .map(|c| {
                let mut w = [0u8; 4];
                w[..c.len()].copy_from_slice(c);
                u32::from_le_bytes(w)
            })
            .collect();
        while words.len() > 1 && words.last() == Some(&0) {
            words.pop();
        }
        if words.is_empty() {
            words.push(0);
        }
        words
    };
    t.borrow_mut().init_by_array(&key);
    Ok(())
}

fn getrandbits(vm: &mut Vm, a: Args) -> PyResult {
    let k = vm.index_arg(&a.pos[1])?;
    if k < BigInt::ZERO {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    let k = usize::try_from(&k)
        .map_err(|_| vm.overflow_error("Python int too large to convert to C int"))?;
    let t = twister(&a.pos[0]);
    if k == 0 {
        return Ok(Value::Int(0));
    }
    if k <= 32 {
        let r = t.borrow_mut().next_u32() >> (32 - k);
        return Ok(Value::Int(r as i64));
    }
    let words = k.div_ceil(32);
    let mut bytes = Vec::with_capacity(words * 4);
    let mut left = k;
    for _ in 0..words {
        let mut r = t.borrow_mut().next_u32();
        if left < 32 {
            r >>= 32 - left;
        }
        bytes.extend_from_slice(&r.to_le_bytes());
        left = left.saturating_sub(32);
    }
    Ok(vm.new_int(BigInt::from(krait_vm::api::BigUint::from_le_bytes(&bytes))))
}

struct RandomType;

impl NativeType for RandomType {
    const SLOTS: &'static Slots = &Slots::NONE;
}

const RANDOM_TYPE: TypeDef = TypeDef {
    name: "Random",
    module: "_random",
    doc: Some("Random() -> create a random number generator with its own internal state."),
    methods: &[
        F::new("__new__", |vm, a| {
            let cls = a.pos[0].as_obj().cloned().expect("a class");
            let t = RefCell::new(Twister::new());
            let arg = a.pos.get(1).cloned().unwrap_or(Value::None);
            seed(vm, &t, &arg)?;
            Ok(vm.new_native(&cls, t))
        }),
        F::method("seed", |vm, a| {
            let arg = a.pos.get(1).cloned().unwrap_or(Value::None);
            seed(vm, twister(&a.pos[0]), &arg)?;
            Ok(Value::None)
        })
        .args(0, 1),
        F::method("random", |_, a| {
            Ok(Value::Float(twister(&a.pos[0]).borrow_mut().random()))
        })
        .no_args(),
        F::method("getrandbits", getrandbits).one(),
        F::method("getstate", |vm, a| {
            let t = twister(&a.pos[0]).borrow();
            let mut items: Vec<Value> = t.mt.iter().map(|&w| Value::Int(w as i64)).collect();
            items.push(Value::Int(t.index as i64));
            Ok(vm.new_tuple(items))
        })
        .no_args(),
        F::method("setstate", |vm, a| {
            let items = tuple_items(&a.pos[1])
                .ok_or_else(|| vm.type_error("state vector must be a tuple"))?;
            if items.len() != N + 1 {
                return Err(vm.value_error("state vector is the wrong size"));
            }
            let mut t = twister(&a.pos[0]).borrow_mut();
            for (i, v) in items[..N].iter().enumerate() {
                let w = small_int(v)
                    .filter(|w| (0..=u32::MAX as i64).contains(w))
                    .ok_or_else(|| {
                        vm.overflow_error("Python int too large to convert to C unsigned long")
                    })?;
                t.mt[i] = w as u32;
            }
            let index = small_int(&items[N]).unwrap_or(-1);
            if !(0..=N as i64).contains(&index) {
                return Err(vm.value_error("invalid state"));
            }
            t.index = index as usize;
            Ok(Value::None)
        })
        .one(),
    ],
};
