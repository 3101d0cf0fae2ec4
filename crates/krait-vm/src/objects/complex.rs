//! `complex`: construction from numbers and strings, repr, conjugate.

use crate::api::{add_methods, BinOp, FunctionDef, Params};
use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::objects::str::value_pystr;
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let c = vm.types.complex.clone();
    add_methods(vm, &c, &[FunctionDef::new("__new__", complex_new), REPR]);
    install::<ComplexType>(vm, &c);
    add_methods(vm, &c, &[CONJUGATE]);
    add_methods(vm, &c, NUMBER_DUNDERS);
    crate::api::add_getsets(vm, &c, ATTRIBUTES);
}

fn parts(v: &Value) -> (f64, f64) {
    match v.kind() {
        Some(ObjKind::Complex(re, im)) => (*re, *im),
        _ => unreachable!("complex attributes are read on complex numbers"),
    }
}

const ATTRIBUTES: &[crate::api::GetSetDef] = &[
    crate::api::GetSetDef::member("real", |_, c| Ok(Value::Float(parts(c).0))),
    crate::api::GetSetDef::member("imag", |_, c| Ok(Value::Float(parts(c).1))),
];

const REPR: FunctionDef = FunctionDef::unary("__repr__", |vm, a| match a.pos[0].kind() {
    Some(ObjKind::Complex(re, im)) => Ok(vm.new_string(repr(*re, *im))),
    _ => Err(vm.type_error("expected complex")),
});

const CONJUGATE: FunctionDef = FunctionDef::method("conjugate", |vm, a| match a.pos[0].kind() {
    Some(ObjKind::Complex(re, im)) => Ok(Value::Obj(Obj::new(
        vm.types.complex.clone(),
        ObjKind::Complex(*re, -im),
    ))),
    _ => Err(vm.type_error("expected complex")),
})
.no_args();

/// `a op b` for `complex.__add__` and the rest, called directly or on a
/// subclass instance: the payloads as plain complex numbers, and
/// NotImplemented for an operand that is not a number.
fn number_binop(vm: &mut Vm, a: &Args, op: BinOp, reflected: bool) -> PyResult {
    use crate::objects::float::methods::{as_complex, complex_binop};
    if op == BinOp::Power && a.pos.get(2).is_some_and(|m| !m.is_none()) {
        return Err(vm.value_error("complex modulo"));
    }
    let (Some(x), Some(y)) = (as_complex(vm, &a.pos[0]), as_complex(vm, &a.pos[1])) else {
        return Ok(vm.not_implemented());
    };
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    let (x, y) = (new_complex(vm, x), new_complex(vm, y));
    Ok(complex_binop(vm, op, &x, &y)?.unwrap_or_else(|| vm.not_implemented()))
}

fn new_complex(vm: &Vm, (re, im): (f64, f64)) -> Value {
    Value::Obj(Obj::new(vm.types.complex.clone(), ObjKind::Complex(re, im)))
}

macro_rules! binop {
    ($name:literal, $op:ident, $reflected:literal) => {
        FunctionDef::binary($name, |vm, a| number_binop(vm, &a, BinOp::$op, $reflected))
    };
}

const NUMBER_DUNDERS: &[FunctionDef] = &[
    binop!("__add__", Add, false),
    binop!("__radd__", Add, true),
    binop!("__sub__", Subtract, false),
    binop!("__rsub__", Subtract, true),
    binop!("__mul__", Multiply, false),
    binop!("__rmul__", Multiply, true),
    binop!("__truediv__", TrueDivide, false),
    binop!("__rtruediv__", TrueDivide, true),
    FunctionDef::ternary("__pow__", |vm, a| number_binop(vm, &a, BinOp::Power, false)),
    FunctionDef::ternary("__rpow__", |vm, a| number_binop(vm, &a, BinOp::Power, true)),
    FunctionDef::unary("__neg__", |vm, a| {
        let (re, im) = parts(&a.pos[0]);
        Ok(new_complex(vm, (-re, -im)))
    }),
    FunctionDef::unary("__pos__", |vm, a| Ok(new_complex(vm, parts(&a.pos[0])))),
    FunctionDef::unary("__abs__", |vm, a| {
        let plain = new_complex(vm, parts(&a.pos[0]));
        vm.abs(&plain)
    }),
    FunctionDef::unary("__bool__", |_, a| {
        let (re, im) = parts(&a.pos[0]);
        Ok(Value::Bool(re != 0.0 || im != 0.0))
    }),
    FunctionDef::method("__format__", |vm, a| {
        let plain = new_complex(vm, parts(&a.pos[0]));
        crate::objects::int::methods::num_format(vm, Args::new([plain, a.pos[1].clone()]))
    })
    .one(),
    FunctionDef::method("__complex__", |vm, a| Ok(new_complex(vm, parts(&a.pos[0])))).no_args(),
    FunctionDef::method("__getnewargs__", |vm, a| {
        let (re, im) = parts(&a.pos[0]);
        Ok(vm.new_tuple(vec![Value::Float(re), Value::Float(im)]))
    })
    .no_args(),
];

/// `complex(real=0, imag=0)`.
const NEW_PARAMS: Params = Params::Named {
    names: &["real", "imag"],
    posonly: 0,
    positional: 2,
    required: 0,
};

fn complex_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = a.pos[0].as_obj().cloned().unwrap();
    let a = NEW_PARAMS.bind(vm, "complex", a, 1)?;
    let b = [a.given(1).cloned(), a.given(2).cloned()];
    // complex(z) of an exact complex is z itself.
    if let (Some(z), None) = (&b[0], &b[1]) {
        let exact = |o: &Obj| o.is(&vm.types.complex);
        if exact(&cls) && exact(vm.class_of(z)) {
            return Ok(z.clone());
        }
    }
    let is_str = |v: &Option<Value>| v.as_ref().and_then(value_pystr).is_some();
    if is_str(&b[0]) && b[1].is_some() {
        return Err(vm.type_error("complex() can't take second arg if first is a string"));
    }
    if is_str(&b[1]) {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    let part = |vm: &mut Vm, v: &Option<Value>, first: bool| -> PyResult<(f64, f64, bool)> {
        match v {
            None => Ok((0.0, 0.0, false)),
            Some(v) => match v.kind() {
                Some(ObjKind::Complex(re, im)) if vm.class_of(v).is(&vm.types.complex) => {
                    Ok((*re, *im, true))
                }
                _ if value_pystr(v).is_some() => {
                    let t = crate::objects::str::lossy_text(v).unwrap_or_default();
                    parse_complex(&t)
                        .map(|(re, im)| (re, im, true))
                        .ok_or_else(|| vm.value_error("complex() arg is a malformed string"))
                }
                _ => {
                    let cls = vm.class_of(v).clone();
                    let key = vm.intern("__complex__");
                    if let Some(m) = vm.lookup_type_obj(&cls, &key) {
                        let r = vm.call_method_value(&m, v.clone(), vec![])?;
                        if matches!(r.kind(), Some(ObjKind::Complex(..)))
                            && !vm.class_of(&r).is(&vm.types.complex)
                        {
                            let warning = vm.exc.deprecation_warning.clone();
                            vm.warn(&warning, &format!(
                                "__complex__ returned non-complex (type {}).  The ability to return an instance of a strict subclass of complex is deprecated, and may be removed in a future version of Python.",
                                vm.type_name(&r)
                            ))?;
                        }
                        return match r.kind() {
                            Some(ObjKind::Complex(re, im)) => Ok((*re, *im, true)),
                            _ => Err(vm.type_error(format!(
                                "__complex__ returned non-complex (type {})",
                                vm.type_name(&r)
                            ))),
                        };
                    }
                    let is_number =
                        ["__float__", "__index__"].iter().any(|n| {
                            let key = vm.intern(n);
                            vm.lookup_type_obj(&cls, &key).is_some()
                        }) || matches!(v, Value::Int(_) | Value::FloatBits(_) | Value::Truth(_));
                    if !is_number {
                        return Err(vm.type_error(if first {
                            format!(
                                "complex() first argument must be a string or a number, not '{}'",
                                vm.type_name(v)
                            )
                        } else {
                            format!(
                                "complex() second argument must be a number, not '{}'",
                                vm.type_name(v)
                            )
                        }));
                    }
                    Ok((vm.float_of(v)?, 0.0, false))
                }
            },
        }
    };
    let (mut re, i1, c1) = part(vm, &b[0], true)?;
    let (mut im, i2, c2) = part(vm, &b[1], false)?;
    // Only complex parts mix (plain reals keep their signed zeros).
    if c2 {
        re -= i2;
    }
    if c1 && b[1].is_some() {
        im += i1;
    } else if c1 {
        im = i1;
    }
    Ok(Value::Obj(Obj::new(cls, ObjKind::Complex(re, im))))
}

fn parse_complex(text: &str) -> Option<(f64, f64)> {
    let t = text.trim();
    let t = t
        .strip_prefix('(')
        .and_then(|x| x.strip_suffix(')'))
        .unwrap_or(t)
        .trim();
    if let Some(body) = t.strip_suffix(['j', 'J']) {
        // Split at the last sign not part of an exponent.
        let bytes = body.as_bytes();
        let mut split = None;
        for i in (1..bytes.len()).rev() {
            if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
                split = Some(i);
                break;
            }
        }
        let (re, im) = match split {
            Some(i) => (&body[..i], &body[i..]),
            None => ("", body),
        };
        let im = match im {
            "" | "+" => 1.0,
            "-" => -1.0,
            x => crate::objects::float::methods::parse_float(x)?,
        };
        let re = if re.is_empty() {
            0.0
        } else {
            crate::objects::float::methods::parse_float(re)?
        };
        return Some((re, im));
    }
    Some((crate::objects::float::methods::parse_float(t)?, 0.0))
}

pub struct ComplexType;

impl NativeType for ComplexType {
    const SLOTS: &'static Slots = &Slots {
        // Only == and != (with any number); ordering is refused later.
        richcompare: Some(|vm, op, o, b| {
            Ok(vm
                .complex_eq(op, &Value::Obj(o.clone()), b)?
                .map(Value::Bool))
        }),
        hash: Some(|_, o| match o.kind() {
            ObjKind::Complex(re, im) => Ok(crate::protocol::hash::hash_complex(
                crate::protocol::hash::hash_float(*re),
                crate::protocol::hash::hash_float(*im),
            )),
            _ => unreachable!("complex slots are installed on complex"),
        }),
        ..Slots::repr(|vm, o| match o.kind() {
            ObjKind::Complex(re, im) => Ok(vm.new_string(repr(*re, *im))),
            _ => unreachable!("complex slots are installed on complex"),
        })
    };
}

/// `repr` of a complex number: `(1+2j)`, `1j`, `(-0+1j)`.
pub fn repr(re: f64, im: f64) -> String {
    let part = |x: f64| krait_values::float::float_repr(x, false);
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", part(im));
    }
    let sign = if im.is_sign_negative() && !im.is_nan() {
        "-"
    } else {
        "+"
    };
    format!("({}{}{}j)", part(re), sign, part(im.abs()))
}
