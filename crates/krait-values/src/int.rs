//! Python's integer division: floor division and a modulo with the
//! divisor's sign, for the compiler's constant folding and the VM alike.

use dashu_int::IBig;

/// Python's floor division and modulo: the remainder has the divisor's sign.
pub fn floor_divmod(a: &IBig, b: &IBig) -> (IBig, IBig) {
    let q = a / b;
    let r = a - &q * b;
    let zero = IBig::from(0);
    if r != zero && ((r < zero) != (*b < zero)) {
        (q - IBig::from(1), r + b)
    } else {
        (q, r)
    }
}
