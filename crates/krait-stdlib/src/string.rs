//! `_string`: the parsers `string.Formatter` builds on, splitting a
//! format string into literal text and replacement fields, and a field
//! name into its first part and the attribute and index lookups after it.

use krait_vm::api::{value_pystr, FunctionDef as F, ModuleDef, PyResult, Value, Vm};

pub const MODULE: ModuleDef = ModuleDef {
    name: "_string",
    doc: Some("string helper module"),
    functions: &[
        F::new("formatter_parser", formatter_parser).one(),
        F::new("formatter_field_name_split", field_name_split).one(),
    ],
    init: None,
};

fn text_arg(vm: &Vm, v: &Value) -> PyResult<Vec<char>> {
    match value_pystr(v) {
        Some(s) => Ok(s.to_string_lossy().chars().collect()),
        None => Err(vm.type_error(format!("expected str, got {}", vm.type_name(v)))),
    }
}

/// One piece of a format string.
struct Piece {
    literal: String,
    /// `(field name, format spec, conversion)` of the field after it.
    field: Option<(String, String, Option<char>)>,
}

fn parse(vm: &Vm, s: &[char]) -> PyResult<Vec<Piece>> {
    let mut out = Vec::new();
    let mut literal = String::new();
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c == '}' {
            if s.get(i + 1) == Some(&'}') {
                // An escaped brace ends a piece of its own, as CPython splits.
                literal.push('}');
                out.push(Piece {
                    literal: std::mem::take(&mut literal),
                    field: None,
                });
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if c != '{' {
            literal.push(c);
            i += 1;
            continue;
        }
        if s.get(i + 1) == Some(&'{') {
            literal.push('{');
            out.push(Piece {
                literal: std::mem::take(&mut literal),
                field: None,
            });
            i += 2;
            continue;
        }
        // A field: to its matching brace.
        let start = i + 1;
        let mut depth = 1;
        let mut j = start;
        let mut in_index = false;
        while j < s.len() {
            match s[j] {
                '[' if depth == 1 => in_index = true,
                ']' if depth == 1 => in_index = false,
                '{' if !in_index => depth += 1,
                '}' if !in_index => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= s.len() {
            let msg = if depth > 1 {
                "unmatched '{' in format spec"
            } else {
                "expected '}' before end of string"
            };
            return Err(vm.value_error(msg));
        }
        let body = &s[start..j];
        out.push(Piece {
            literal: std::mem::take(&mut literal),
            field: Some(split_field(vm, body)?),
        });
        i = j + 1;
    }
    if !literal.is_empty() {
        out.push(Piece {
            literal,
            field: None,
        });
    }
    Ok(out)
}

/// `name!c:spec` into its parts.
fn split_field(vm: &Vm, body: &[char]) -> PyResult<(String, String, Option<char>)> {
    let mut k = 0;
    let mut in_index = false;
    while k < body.len() {
        match body[k] {
            '[' => in_index = true,
            ']' => in_index = false,
            '!' | ':' if !in_index => break,
            _ => {}
        }
        k += 1;
    }
    let name: String = body[..k].iter().collect();
    let mut conversion = None;
    let mut rest = &body[k..];
    if rest.first() == Some(&'!') {
        let Some(&c) = rest.get(1) else {
            return Err(vm.value_error("end of string while looking for conversion specifier"));
        };
        conversion = Some(c);
        rest = &rest[2..];
        if !rest.is_empty() && rest[0] != ':' {
            return Err(vm.value_error("expected ':' after conversion specifier"));
        }
    }
    let spec: String = if rest.first() == Some(&':') {
        rest[1..].iter().collect()
    } else {
        String::new()
    };
    Ok((name, spec, conversion))
}

fn formatter_parser(vm: &mut Vm, a: krait_vm::api::Args) -> PyResult {
    let s = text_arg(vm, &a.pos[0])?;
    let pieces = parse(vm, &s)?;
    let mut items = Vec::with_capacity(pieces.len());
    for p in pieces {
        let literal = vm.new_string(p.literal);
        let t = match p.field {
            Some((name, spec, conv)) => {
                let conv = match conv {
                    Some(c) => vm.new_string(c.to_string()),
                    None => Value::None,
                };
                vec![literal, vm.new_string(name), vm.new_string(spec), conv]
            }
            None => vec![literal, Value::None, Value::None, Value::None],
        };
        items.push(vm.new_tuple(t));
    }
    let list = vm.new_list(items);
    vm.iter(&list)
}

/// A field name part: an int when it is all digits.
fn key_value(vm: &Vm, s: &str) -> Value {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) {
        if let Ok(n) = s.parse::<i64>() {
            return Value::Int(n);
        }
    }
    vm.new_str(s)
}

fn field_name_split(vm: &mut Vm, a: krait_vm::api::Args) -> PyResult {
    let s: String = text_arg(vm, &a.pos[0])?.into_iter().collect();
    let end = s.find(['.', '[']).unwrap_or(s.len());
    let first = key_value(vm, &s[..end]);
    let mut rest = Vec::new();
    let chars: Vec<char> = s[end..].chars().collect();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '.' => {
                let j = chars[i + 1..]
                    .iter()
                    .position(|&c| c == '.' || c == '[')
                    .map_or(chars.len(), |p| i + 1 + p);
                let name: String = chars[i + 1..j].iter().collect();
                if name.is_empty() {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                rest.push(vm.new_tuple(vec![Value::Bool(true), vm.new_string(name)]));
                i = j;
            }
            '[' => {
                let Some(p) = chars[i + 1..].iter().position(|&c| c == ']') else {
                    return Err(vm.value_error("Missing ']' in format string"));
                };
                let key: String = chars[i + 1..i + 1 + p].iter().collect();
                if key.is_empty() {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                let k = key_value(vm, &key);
                rest.push(vm.new_tuple(vec![Value::Bool(false), k]));
                i += p + 2;
                if i < chars.len() && chars[i] != '.' && chars[i] != '[' {
                    return Err(
                        vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                    );
                }
            }
            _ => {
                return Err(
                    vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                )
            }
        }
    }
    let list = vm.new_list(rest);
    let it = vm.iter(&list)?;
    Ok(vm.new_tuple(vec![first, it]))
}
