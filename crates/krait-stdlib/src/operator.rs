//! `_operator`, in part: `_compare_digest`, which `hmac` and `secrets`
//! import from it. `operator` falls back on its pure-Python functions for
//! the rest, which this module does not define.

use krait_vm::api::{bytes_data, value_pystr, FunctionDef as F, ModuleDef, Value};

pub const MODULE: ModuleDef = ModuleDef {
    name: "_operator",
    doc: Some("Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python."),
    functions: &[F::new("_compare_digest", |vm, a| {
        let (x, y) = (&a.pos[0], &a.pos[1]);
        let text = |v: &Value| value_pystr(v).map(|s| s.as_bytes().to_vec());
        let (bx, by) = match (text(x), text(y)) {
            (Some(p), Some(q)) => {
                let ascii = |v: &Value| value_pystr(v).is_some_and(|s| s.is_ascii());
                if !ascii(x) || !ascii(y) {
                    return Err(vm.type_error("comparing strings with non-ASCII characters is not supported"));
                }
                (p, q)
            }
            _ => match (bytes_data(x), bytes_data(y)) {
                (Some(p), Some(q)) => (p.into_owned(), q.into_owned()),
                _ => {
                    return Err(vm.type_error(format!(
                        "unsupported operand types(s) or combination of types: '{}' and '{}'",
                        vm.type_name(x),
                        vm.type_name(y)
                    )))
                }
            },
        };
        // Every byte is looked at, whatever the first difference.
        let mut diff = (bx.len() != by.len()) as u8;
        for (p, q) in bx.iter().zip(by.iter().cycle()) {
            diff |= p ^ q;
        }
        Ok(Value::Bool(diff == 0))
    })
    .args(2, 2)],
    init: None,
};
