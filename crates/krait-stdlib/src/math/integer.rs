//! The integer functions of `math`: `gcd`, `lcm`, `factorial`, `comb`,
//! `perm` and `isqrt`, on ints of any size.

use dashu_int::ops::{Gcd, SquareRoot, UnsignedAbs};
use krait_vm::api::{Args, BigInt, PyResult, Value, Vm};

fn gcd_of(a: &BigInt, b: &BigInt) -> BigInt {
    if *a == BigInt::ZERO {
        return BigInt::from(b.unsigned_abs());
    }
    if *b == BigInt::ZERO {
        return BigInt::from(a.unsigned_abs());
    }
    BigInt::from(a.gcd(b))
}

pub fn gcd(vm: &mut Vm, a: Args) -> PyResult {
    if !a.kw.is_empty() {
        return Err(vm.type_error("math.gcd() takes no keyword arguments"));
    }
    let mut g = BigInt::ZERO;
    for v in &a.pos {
        let n = vm.index_arg(v)?;
        g = gcd_of(&g, &n);
    }
    Ok(vm.new_int(g))
}

pub fn lcm(vm: &mut Vm, a: Args) -> PyResult {
    if !a.kw.is_empty() {
        return Err(vm.type_error("math.lcm() takes no keyword arguments"));
    }
    let mut l = BigInt::ONE;
    for v in &a.pos {
        let n = vm.index_arg(v)?;
        if l == BigInt::ZERO || n == BigInt::ZERO {
            l = BigInt::ZERO;
            continue;
        }
        let g = gcd_of(&l, &n);
        l = BigInt::from((&l / &g * &n).unsigned_abs());
    }
    Ok(vm.new_int(l))
}

/// The product lo * (lo + 1) * ... * hi, split in halves so the
/// multiplications stay balanced.
fn range_product(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::ONE;
    }
    if hi - lo < 16 {
        let mut r = BigInt::ONE;
        for i in lo..=hi {
            r *= BigInt::from(i);
        }
        return r;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid + 1, hi)
}

/// A non-negative argument that fits a machine word, or CPython's errors.
fn word_arg(vm: &mut Vm, v: &Value, negative: &str, too_big: &str) -> PyResult<u64> {
    let n = vm.index_arg(v)?;
    if n < BigInt::ZERO {
        return Err(vm.value_error(negative));
    }
    match i64::try_from(&n) {
        Ok(k) => Ok(k as u64),
        Err(_) => Err(vm.overflow_error(too_big)),
    }
}

pub fn factorial(vm: &mut Vm, a: Args) -> PyResult {
    let n = word_arg(
        vm,
        &a.pos[0],
        "factorial() not defined for negative values",
        "factorial() argument should not exceed 9223372036854775807",
    )?;
    Ok(vm.new_int(range_product(1, n)))
}

/// The `n` and `k` of `comb`/`perm`, checked as CPython checks them:
/// `None` when k > n (the result is 0).
fn n_and_k(vm: &mut Vm, n: &Value, k: &Value) -> PyResult<Option<(BigInt, u64)>> {
    let n = vm.index_arg(n)?;
    let k = vm.index_arg(k)?;
    if n < BigInt::ZERO {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k < BigInt::ZERO {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(None);
    }
    match i64::try_from(&k) {
        Ok(k) => Ok(Some((n, k as u64))),
        Err(_) => Err(vm.overflow_error(format!("k must not exceed {}", i64::MAX))),
    }
}

pub fn perm(vm: &mut Vm, a: Args) -> PyResult {
    let k = a.pos.get(1).filter(|v| !v.is_none());
    let Some(k) = k else {
        let n = word_arg(
            vm,
            &a.pos[0],
            "n must be a non-negative integer",
            "n must not exceed 9223372036854775807",
        )?;
        return Ok(vm.new_int(range_product(1, n)));
    };
    let k = k.clone();
    let Some((n, k)) = n_and_k(vm, &a.pos[0], &k)? else {
        return Ok(Value::Int(0));
    };
    let mut r = BigInt::ONE;
    let mut f = n.clone();
    for _ in 0..k {
        r *= &f;
        f -= BigInt::ONE;
    }
    Ok(vm.new_int(r))
}

pub fn comb(vm: &mut Vm, a: Args) -> PyResult {
    let Some((n, k)) = n_and_k(vm, &a.pos[0], &a.pos[1])? else {
        return Ok(Value::Int(0));
    };
    // C(n, k) == C(n, n - k): take the smaller.
    let rest = &n - BigInt::from(k);
    let k = match u64::try_from(&rest) {
        Ok(r) if r < k => r,
        _ => k,
    };
    let mut r = BigInt::ONE;
    let mut f = n;
    for i in 1..=k {
        r = r * &f / BigInt::from(i);
        f -= BigInt::ONE;
    }
    Ok(vm.new_int(r))
}

pub fn isqrt(vm: &mut Vm, a: Args) -> PyResult {
    let n = vm.index_arg(&a.pos[0])?;
    if n < BigInt::ZERO {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_int(BigInt::from((&n).unsigned_abs().sqrt())))
}
