//! `hash()` as CPython computes it: numbers modulo the Mersenne prime
//! 2**61 - 1 (so `hash(1) == hash(1.0) == hash(True)`), strings and bytes
//! with SipHash-1-3 over CPython's internal representation, tuples with
//! its xxHash-style combination.

use dashu_int::IBig;
use siphasher::sip::SipHasher13;
use std::hash::Hasher;

pub const MODULUS: u64 = (1 << 61) - 1;
pub const HASH_INF: i64 = 314159;
const BITS: u32 = 61;

/// The keys of the string hash: random per process, or fixed by
/// `PYTHONHASHSEED` (0 turns randomisation off, as in CPython).
#[derive(Clone, Copy)]
pub struct HashSecret {
    k0: u64,
    k1: u64,
}

impl HashSecret {
    pub fn from_env() -> HashSecret {
        match std::env::var("PYTHONHASHSEED")
            .ok()
            .and_then(|s| s.parse::<u64>().ok())
        {
            Some(0) => HashSecret { k0: 0, k1: 0 },
            Some(seed) => {
                // CPython fills the secret from an LCG seeded with the seed.
                let mut x = seed as u32;
                let mut bytes = [0u8; 16];
                for b in bytes.iter_mut() {
                    x = x.wrapping_mul(214013).wrapping_add(2531011);
                    *b = ((x >> 16) & 0xff) as u8;
                }
                HashSecret {
                    k0: u64::from_le_bytes(bytes[..8].try_into().unwrap()),
                    k1: u64::from_le_bytes(bytes[8..].try_into().unwrap()),
                }
            }
            None => {
                use std::hash::BuildHasher;
                let state = std::collections::hash_map::RandomState::new();
                let k0 = state.hash_one(std::process::id());
                HashSecret {
                    k0,
                    k1: state.hash_one(k0),
                }
            }
        }
    }

    /// SipHash-1-3 of raw bytes; the empty string hashes to 0.
    pub fn hash_bytes(&self, bytes: &[u8]) -> i64 {
        if bytes.is_empty() {
            return 0;
        }
        let mut h = SipHasher13::new_with_keys(self.k0, self.k1);
        h.write(bytes);
        fix(h.finish() as i64)
    }

    /// A str's hash: CPython hashes its 1-, 2- or 4-byte-per-character form,
    /// chosen by the largest code point.
    pub fn hash_str(
        &self,
        cps: impl Iterator<Item = u32> + Clone,
        ascii_bytes: Option<&[u8]>,
    ) -> i64 {
        if let Some(b) = ascii_bytes {
            return self.hash_bytes(b);
        }
        let max = cps.clone().max().unwrap_or(0);
        let mut buf = Vec::new();
        if max < 0x100 {
            buf.extend(cps.map(|c| c as u8));
        } else if max < 0x10000 {
            for c in cps {
                buf.extend_from_slice(&(c as u16).to_le_bytes());
            }
        } else {
            for c in cps {
                buf.extend_from_slice(&c.to_le_bytes());
            }
        }
        self.hash_bytes(&buf)
    }
}

static SECRET: std::sync::OnceLock<HashSecret> = std::sync::OnceLock::new();

/// The process's string-hash keys (fixed at first use).
pub fn secret() -> &'static HashSecret {
    SECRET.get_or_init(HashSecret::from_env)
}

/// -1 is reserved for errors in CPython; such hashes become -2.
#[inline]
pub fn fix(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

#[inline]
pub fn hash_int(i: i64) -> i64 {
    let m = (i.unsigned_abs() % MODULUS) as i64;
    fix(if i < 0 { -m } else { m })
}

pub fn hash_bigint(i: &IBig) -> i64 {
    let m = IBig::from(MODULUS);
    let r = i % &m;
    let v = i64::try_from(&r).unwrap_or(0);
    fix(v)
}

pub fn hash_float(x: f64) -> i64 {
    if x.is_infinite() {
        return if x > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if x.is_nan() {
        return 0;
    }
    let (mut m, mut e) = frexp(x);
    let sign: i64 = if m < 0.0 {
        m = -m;
        -1
    } else {
        1
    };
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & MODULUS) | (h >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= MODULUS {
            h -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % BITS as i32
    } else {
        BITS as i32 - 1 - ((-1 - e) % BITS as i32)
    } as u32;
    h = ((h << e) & MODULUS) | (h >> (BITS - e));
    fix(h as i64 * sign)
}

/// `x == m * 2**e` with `0.5 <= |m| < 1`.
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// Combines the hashes of a tuple's items.
pub fn hash_tuple(items: impl ExactSizeIterator<Item = i64>) -> i64 {
    let len = items.len() as u64;
    let mut acc = XXPRIME_5;
    for lane in items {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(len ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

/// The default `object.__hash__`: from the address.
pub fn hash_pointer(addr: usize) -> i64 {
    fix((addr as u64).rotate_right(4) as i64)
}

/// `frozenset`'s hash, independent of iteration order.
pub fn hash_frozenset(hashes: impl Iterator<Item = i64>, len: usize) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let mut hash: u64 = 0;
    for h in hashes {
        hash ^= shuffle(h as u64);
    }
    hash ^= (len as u64).wrapping_add(1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    hash as i64
}

pub fn hash_complex(re: i64, im: i64) -> i64 {
    fix((re as u64).wrapping_add((im as u64).wrapping_mul(1000003)) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_hash_as_in_cpython() {
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_int(1 << 61), 1);
        assert_eq!(hash_float(1.0), 1);
        assert_eq!(hash_float(0.5), 1152921504606846976);
        assert_eq!(hash_float(-2.5), -1152921504606846978);
        assert_eq!(hash_float(f64::INFINITY), 314159);
    }

    #[test]
    fn tuples_hash_as_in_cpython() {
        assert_eq!(hash_tuple([].into_iter()), 5740354900026072187);
        assert_eq!(hash_tuple([1i64, 2].into_iter()), -3550055125485641917);
    }

    #[test]
    fn strings_hash_as_in_cpython_without_randomisation() {
        let s = HashSecret { k0: 0, k1: 0 };
        // python3 -c 'print(hash("a"))' with PYTHONHASHSEED=0
        assert_eq!(s.hash_bytes(b"a"), 4644417185603328019);
    }
}
