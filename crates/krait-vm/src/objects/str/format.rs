//! `str.format`: replacement fields with automatic or explicit numbering,
//! attribute and index lookups, conversions and nested specs.

use crate::objects::function::Args;
use crate::objects::str::{value_pystr, PyStr};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use krait_values::text::push_code_point;

pub fn str_format_method(vm: &mut Vm, a: Args) -> PyResult {
    let fmt = format_text(&a.pos[0]);
    let pos: Vec<Value> = a.pos[1..].to_vec();
    let kw = a.kw;
    let mut auto = 0usize;
    let mut manual = false;
    let names = Names::Pairs(&kw);
    let s = format_with(vm, &fmt, &pos, &names, &mut auto, &mut manual, 2)?;
    Ok(vm.new_pystr(PyStr::from_wtf8(s)))
}

/// `str.format_map(mapping)`: names looked up in the mapping itself (its
/// `__getitem__`, so `__missing__` works).
pub fn str_format_map_method(vm: &mut Vm, a: Args) -> PyResult {
    let fmt = format_text(&a.pos[0]);
    let mut auto = 0usize;
    let mut manual = false;
    let names = Names::Mapping(&a.pos[1]);
    let s = format_with(vm, &fmt, &[], &names, &mut auto, &mut manual, 2)?;
    Ok(vm.new_pystr(PyStr::from_wtf8(s)))
}

/// The code points of the format string (lone surrogates included).
fn format_text(v: &Value) -> Vec<u32> {
    value_pystr(v).map_or_else(Vec::new, |s| s.code_points().collect())
}

/// Where named replacement fields come from.
enum Names<'a> {
    Pairs(&'a [(crate::value::Obj, Value)]),
    Mapping(&'a Value),
}

/// The text of `fmt` with its fields replaced, as generalised UTF-8.
fn format_with(
    vm: &mut Vm,
    fmt: &[u32],
    pos: &[Value],
    kw: &Names,
    auto: &mut usize,
    manual: &mut bool,
    depth: u32,
) -> PyResult<Vec<u8>> {
    let brace = |c: char| u32::from(c);
    let chars = fmt;
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == brace('}') {
            if chars.get(i + 1) == Some(&brace('}')) {
                out.push(b'}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if c != brace('{') {
            push_code_point(&mut out, c);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&brace('{')) {
            out.push(b'{');
            i += 2;
            continue;
        }
        // Find the matching close brace; in the field's name, braces
        // between `[` and `]` are part of an index key.
        let start = i + 1;
        let mut d = 1;
        let mut j = start;
        let mut in_name = true;
        let mut in_key = false;
        while j < chars.len() {
            let c = char::from_u32(chars[j]);
            if in_key {
                in_key = c != Some(']');
                j += 1;
                continue;
            }
            match c {
                Some('[') if in_name => in_key = true,
                Some(':' | '!') if d == 1 => in_name = false,
                Some('{') => d += 1,
                Some('}') => {
                    d -= 1;
                    if d == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= chars.len() {
            if start >= chars.len() {
                return Err(vm.value_error("Single '{' encountered in format string"));
            }
            return Err(vm.value_error("expected '}' before end of string"));
        }
        let field: String = chars[start..j]
            .iter()
            .map(|&c| char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        i = j + 1;
        // Split into name, conversion, spec.
        let (name_conv, spec) = match split_top(&field, ':') {
            Some((a, b)) => (a, Some(b)),
            None => (field.clone(), None),
        };
        let (name, conv) = match split_top(&name_conv, '!') {
            Some((a, b)) => (a, Some(b)),
            None => (name_conv, None),
        };
        // The conversion's syntax is checked before any lookup.
        match conv.as_deref() {
            Some("") => return Err(vm.value_error("unmatched '{' in format spec")),
            Some(c) if c.chars().count() > 1 => {
                return Err(vm.value_error("expected ':' after conversion specifier"))
            }
            _ => {}
        }
        // First part of the name: index or keyword.
        let first_end = name.find(['.', '[']).unwrap_or(name.len());
        let first = &name[..first_end];
        let value = field_value(vm, first, pos, kw, auto, manual)?;
        let value = apply_accessors(vm, value, &name[first_end..])?;
        let value = match conv.as_deref() {
            None => value,
            Some("r") => vm.repr(&value)?,
            Some("s") => vm.str(&value)?,
            Some("a") => vm.ascii(&value)?,
            Some(other) => {
                return Err(vm.value_error(format!(
                    "Unknown conversion specifier {}",
                    other.chars().next().unwrap_or(' ')
                )))
            }
        };
        let spec = match spec {
            Some(s) if s.contains('{') => {
                if depth == 0 {
                    return Err(vm.value_error("Max string recursion exceeded"));
                }
                let inner: Vec<u32> = s.chars().map(u32::from).collect();
                let spec = format_with(vm, &inner, pos, kw, auto, manual, depth - 1)?;
                Some(String::from_utf8_lossy(&spec).into_owned())
            }
            other => other,
        };
        let sv = spec.map(|s| vm.new_string(s));
        let r = vm.format(&value, sv.as_ref())?;
        if let Some(text) = value_pystr(&r) {
            out.extend_from_slice(text.as_bytes());
        }
    }
    Ok(out)
}

/// The value a field's first part names: the next automatic index, an
/// explicit index, or a keyword (switching numbering styles is an error).
fn field_value(
    vm: &mut Vm,
    first: &str,
    pos: &[Value],
    kw: &Names,
    auto: &mut usize,
    manual: &mut bool,
) -> PyResult<Value> {
    let positional = first.is_empty() || first.bytes().all(|b| b.is_ascii_digit());
    if positional && matches!(kw, Names::Mapping(_)) {
        return Err(vm.value_error("Format string contains positional fields"));
    }
    Ok(if first.is_empty() {
        if *manual {
            return Err(vm.value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        let k = *auto;
        *auto += 1;
        match pos.get(k) {
            Some(v) => v.clone(),
            None => {
                return Err(vm.index_error(format!(
                    "Replacement index {k} out of range for positional args tuple"
                )))
            }
        }
    } else if let Some(k) = field_number(vm, first)? {
        if *auto > 0 {
            return Err(vm.value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        *manual = true;
        match pos.get(k) {
            Some(v) => v.clone(),
            None => {
                return Err(vm.index_error(format!(
                    "Replacement index {k} out of range for positional args tuple"
                )))
            }
        }
    } else {
        match kw {
            Names::Pairs(pairs) => {
                match pairs
                    .iter()
                    .find(|(k, _)| crate::objects::str::str_eq(k, first))
                {
                    Some((_, v)) => v.clone(),
                    None => {
                        let k = vm.new_str(first);
                        return Err(vm.key_error(k));
                    }
                }
            }
            Names::Mapping(m) => {
                let k = vm.new_str(first);
                vm.getitem(m, &k)?
            }
        }
    })
}

/// A field's `.attr` and `[key]` accessors applied in turn.
fn apply_accessors(vm: &mut Vm, mut value: Value, mut rest: &str) -> PyResult<Value> {
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            if end == 0 {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            let attr = vm.intern(&r[..end]);
            value = vm.getattr(&value, &attr)?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let Some(end) = r.find(']') else {
                return Err(vm.value_error("Missing ']' in format string"));
            };
            let key = &r[..end];
            let k = match field_number(vm, key)? {
                Some(n) => Value::Int(n as i64),
                None => vm.new_str(key),
            };
            value = vm.getitem(&value, &k)?;
            rest = &r[end + 1..];
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(value)
}

/// A field's number or index, when it is all digits (`{0}`, `{a[1]}`;
/// `{-1}` and `{a[+1]}` are names); too many digits for an index is a
/// ValueError, as in CPython.
fn field_number(vm: &Vm, text: &str) -> PyResult<Option<usize>> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    match text.parse::<i64>() {
        Ok(n) => Ok(Some(n as usize)),
        Err(_) => Err(vm.value_error("Too many decimal digits in format string")),
    }
}

/// Splits at the first `sep` outside brackets.
fn split_top(s: &str, sep: char) -> Option<(String, String)> {
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            c if c == sep && depth == 0 => {
                return Some((s[..i].to_string(), s[i + 1..].to_string()))
            }
            _ => {}
        }
    }
    None
}
