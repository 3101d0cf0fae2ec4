//! Sums and norms: `fsum` (exact, by Shewchuk's partials), `prod`,
//! `hypot` and `dist`.

use krait_vm::api::{Args, BinOp, PyResult, Value, Vm};

pub fn fsum(vm: &mut Vm, a: Args) -> PyResult {
    let items = vm.iterate(&a.pos[0])?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    for item in &items {
        let given = vm.float_of(item)?;
        let mut x = given;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // Either an infinity or NaN given, or the partials overflowed.
                if given.is_finite() {
                    return Err(vm.overflow_error("intermediate overflow in fsum"));
                }
                if given.is_infinite() {
                    inf_sum += given;
                }
                special += given;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special));
    }
    Ok(Value::Float(round_partials(&partials)))
}

/// The sum of non-overlapping partials (smallest first), correctly
/// rounded: half-way cases are settled by the sign of what is below.
fn round_partials(p: &[f64]) -> f64 {
    let mut n = p.len();
    if n == 0 {
        return 0.0;
    }
    n -= 1;
    let mut hi = p[n];
    let mut lo = 0.0;
    while n > 0 {
        let x = hi;
        n -= 1;
        let y = p[n];
        hi = x + y;
        let yr = hi - x;
        lo = y - yr;
        if lo != 0.0 {
            break;
        }
    }
    if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
        let y = lo * 2.0;
        let x = hi + y;
        let yr = x - hi;
        if y == yr {
            hi = x;
        }
    }
    hi
}

pub fn prod(vm: &mut Vm, a: Args) -> PyResult {
    let mut acc = match &a.pos[1] {
        Value::Null => Value::Int(1),
        v => v.clone(),
    };
    for item in vm.iterate(&a.pos[0])? {
        acc = vm.binary_op(BinOp::Multiply, &acc, &item)?;
    }
    Ok(acc)
}

pub fn hypot(vm: &mut Vm, a: Args) -> PyResult {
    if !a.kw.is_empty() {
        return Err(vm.type_error("math.hypot() takes no keyword arguments"));
    }
    let mut coords = Vec::with_capacity(a.pos.len());
    for v in &a.pos {
        coords.push(vm.float_of(v)?);
    }
    Ok(Value::Float(norm(&coords)))
}

pub fn dist(vm: &mut Vm, a: Args) -> PyResult {
    let p = vm.iterate(&a.pos[0])?;
    let q = vm.iterate(&a.pos[1])?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (x, y) in p.iter().zip(&q) {
        let x = vm.float_of(x)?;
        let y = vm.float_of(y)?;
        diffs.push((x - y).abs());
    }
    Ok(Value::Float(norm(&diffs)))
}

/// The Euclidean norm, accurate to the last bit in nearly every case:
/// coordinates scaled by a power of two (exactly) so nothing overflows,
/// squares summed with their rounding errors kept, then the square root
/// corrected once.
fn norm(coords: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut nan = false;
    for &x in coords {
        let x = x.abs();
        if x.is_nan() {
            nan = true;
        } else if x > max {
            max = x;
        }
    }
    if max.is_infinite() {
        return f64::INFINITY;
    }
    if nan {
        return f64::NAN;
    }
    if max == 0.0 || coords.len() == 1 {
        return max;
    }
    let (_, e) = super::split_exponent(max);
    let scale = |x: f64, k: i64| x * 2f64.powi(k as i32);
    let (mut sum, mut comp) = (0.0f64, 0.0f64);
    for &x in coords {
        // Exact: a power-of-two scaling of a value far from the limits.
        let x = if e.abs() < 1000 {
            scale(x, -e)
        } else {
            scale(scale(x, -e / 2), -(e - e / 2))
        };
        let sq = x * x;
        let sq_err = x.mul_add(x, -sq);
        let t = sum + sq;
        let bp = t - sum;
        let add_err = (sum - (t - bp)) + (sq - bp);
        sum = t;
        comp += add_err + sq_err;
    }
    let total = sum + comp;
    let lo = comp - (total - sum);
    let mut h = total.sqrt();
    let residual = -h.mul_add(h, -total) + lo;
    h += residual / (2.0 * h);
    if e.abs() < 1000 {
        scale(h, e)
    } else {
        scale(scale(h, e / 2), e - e / 2)
    }
}
