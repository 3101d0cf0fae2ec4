//! The methods of `bytes` and `bytearray`: the same byte-string methods on
//! both (a `bytearray` receiver gets `bytearray` results), and the
//! mutating ones of `bytearray`.

use crate::api::{add_methods, FunctionDef};
use crate::object::ObjKind;
use crate::objects::bytes::{bytes_of, new_bytearray};
use crate::objects::function::Args;
use crate::objects::str::value_pystr;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use krait_compiler::code::BinOp;

/// ASCII whitespace, as `bytes.isspace` and `bytes.split` see it.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// The receiver's bytes.
fn this(a: &Args) -> Vec<u8> {
    match a.pos[0].kind() {
        Some(ObjKind::Bytes(b)) => b.to_vec(),
        Some(ObjKind::ByteArray(b)) => b.borrow().clone(),
        _ => Vec::new(),
    }
}

/// A result of the receiver's type.
fn like(vm: &Vm, a: &Args, data: Vec<u8>) -> Value {
    match a.pos[0].kind() {
        Some(ObjKind::ByteArray(_)) => new_bytearray(vm, data),
        _ => vm.new_bytes(data),
    }
}

/// A list of `parts`, each of the type of `receiver` (bytes or bytearray).
fn list_like(vm: &mut Vm, receiver: &Value, parts: Vec<Vec<u8>>) -> Value {
    let is_array = matches!(receiver.kind(), Some(ObjKind::ByteArray(_)));
    let items = parts
        .into_iter()
        .map(|p| {
            if is_array {
                new_bytearray(vm, p)
            } else {
                vm.new_bytes(p)
            }
        })
        .collect();
    vm.new_list(items)
}

/// An argument that must be bytes-like.
fn arg_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    bytes_of(vm, v)
}

/// A search argument: bytes-like, or an int naming one byte.
fn needle(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_)) = v.kind() {
        return bytes_of(vm, v);
    }
    match vm.index_i64(v) {
        Ok(Some(n)) if (0..256).contains(&n) => Ok(vec![n as u8]),
        Ok(Some(_)) => Err(vm.value_error("byte must be in range(0, 256)")),
        _ => Err(vm.type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// The `[start:end]` bounds given at `a.pos[i]` and `a.pos[i + 1]`,
/// clamped to `0..=len` as slices are; `None` when start passes end.
fn bounds(vm: &mut Vm, a: &Args, i: usize, len: usize) -> PyResult<Option<(usize, usize)>> {
    let n = len as i64;
    let get = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                let x = vm.slice_bound(v)?.unwrap_or(default);
                Ok(if x < 0 { (x + n).max(0) } else { x.min(n) })
            }
        }
    };
    let s = get(vm, a.pos.get(i), 0)?;
    let e = get(vm, a.pos.get(i + 1), n)?;
    Ok((s <= e).then_some((s as usize, e as usize)))
}

fn find_in(hay: &[u8], nb: &[u8], right: bool) -> Option<usize> {
    if nb.len() > hay.len() {
        return None;
    }
    let last = hay.len() - nb.len();
    if right {
        (0..=last).rev().find(|&i| &hay[i..i + nb.len()] == nb)
    } else {
        (0..=last).find(|&i| &hay[i..i + nb.len()] == nb)
    }
}

fn find_impl(vm: &mut Vm, a: Args, right: bool, raise: bool) -> PyResult {
    let data = this(&a);
    let nb = needle(vm, &a.pos[1])?;
    let found = bounds(vm, &a, 2, data.len())?
        .and_then(|(s, e)| find_in(&data[s..e], &nb, right).map(|i| i + s));
    match found {
        Some(i) => Ok(Value::Int(i as i64)),
        None if raise => Err(vm.value_error("subsection not found")),
        None => Ok(Value::Int(-1)),
    }
}

fn count(vm: &mut Vm, a: Args) -> PyResult {
    let data = this(&a);
    let nb = needle(vm, &a.pos[1])?;
    let Some((s, e)) = bounds(vm, &a, 2, data.len())? else {
        return Ok(Value::Int(0));
    };
    let hay = &data[s..e];
    if nb.is_empty() {
        return Ok(Value::Int(hay.len() as i64 + 1));
    }
    let (mut n, mut i) = (0, 0);
    while i + nb.len() <= hay.len() {
        if hay[i..i + nb.len()] == nb[..] {
            n += 1;
            i += nb.len();
        } else {
            i += 1;
        }
    }
    Ok(Value::Int(n))
}

fn affix(vm: &mut Vm, a: Args, name: &str, end: bool) -> PyResult {
    let data = this(&a);
    let candidates: Vec<Value> = match a.pos[1].kind() {
        Some(ObjKind::Tuple(t)) => t.to_vec(),
        Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_)) => vec![a.pos[1].clone()],
        _ => {
            return Err(vm.type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {}",
                vm.type_name(&a.pos[1])
            )))
        }
    };
    let Some((s, e)) = bounds(vm, &a, 2, data.len())? else {
        return Ok(Value::Bool(false));
    };
    let hay = &data[s..e];
    for c in candidates {
        let nb = match c.kind() {
            Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_)) => bytes_of(vm, &c)?,
            _ => {
                return Err(vm.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(&c)
                )))
            }
        };
        let hit = if end {
            hay.ends_with(&nb)
        } else {
            hay.starts_with(&nb)
        };
        if hit {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

/// The bytes to strip: the argument, or ASCII whitespace.
fn strip_set(vm: &mut Vm, a: &Args) -> PyResult<Option<Vec<u8>>> {
    match a.pos.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(arg_bytes(vm, v)?)),
    }
}

fn strip(vm: &mut Vm, a: Args, left: bool, right: bool) -> PyResult {
    let set = strip_set(vm, &a)?;
    let data = this(&a);
    let strip_it = |b: &u8| match &set {
        Some(s) => s.contains(b),
        None => is_space(*b),
    };
    let mut s = 0;
    let mut e = data.len();
    if left {
        while s < e && strip_it(&data[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip_it(&data[e - 1]) {
            e -= 1;
        }
    }
    Ok(like(vm, &a, data[s..e].to_vec()))
}

fn split_impl(vm: &mut Vm, a: Args, right: bool) -> PyResult {
    let data = this(&a);
    let kind_of = a.pos[0].clone();
    let limit = match a.given(2) {
        Some(v) => vm.int_arg(v)?,
        None => -1,
    };
    let limit = if limit < 0 {
        usize::MAX
    } else {
        limit as usize
    };
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match a.given(1).filter(|v| !v.is_none()) {
        None => {
            let words: Vec<(usize, usize)> = {
                let mut w = Vec::new();
                let mut i = 0;
                while i < data.len() {
                    while i < data.len() && is_space(data[i]) {
                        i += 1;
                    }
                    let start = i;
                    while i < data.len() && !is_space(data[i]) {
                        i += 1;
                    }
                    if i > start {
                        w.push((start, i));
                    }
                }
                w
            };
            if words.len() <= limit.saturating_add(1) {
                parts = words.iter().map(|&(s, e)| data[s..e].to_vec()).collect();
            } else if right {
                let keep = &words[words.len() - limit..];
                let head_end = words[words.len() - limit - 1].1;
                parts.push(data[..head_end].to_vec());
                parts.extend(keep.iter().map(|&(s, e)| data[s..e].to_vec()));
            } else {
                parts.extend(words[..limit].iter().map(|&(s, e)| data[s..e].to_vec()));
                parts.push(data[words[limit].0..].to_vec());
            }
        }
        Some(sep) => {
            let sep = arg_bytes(vm, sep)?;
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            let mut cuts: Vec<usize> = Vec::new();
            if right {
                let mut e = data.len();
                while cuts.len() < limit {
                    match find_in(&data[..e], &sep, true) {
                        Some(i) => {
                            cuts.push(i);
                            e = i;
                        }
                        None => break,
                    }
                }
                cuts.reverse();
            } else {
                let mut s = 0;
                while cuts.len() < limit {
                    match find_in(&data[s..], &sep, false) {
                        Some(i) => {
                            cuts.push(s + i);
                            s = s + i + sep.len();
                        }
                        None => break,
                    }
                }
            }
            let mut start = 0;
            for c in cuts {
                parts.push(data[start..c].to_vec());
                start = c + sep.len();
            }
            parts.push(data[start..].to_vec());
        }
    }
    Ok(list_like(vm, &kind_of, parts))
}

fn partition(vm: &mut Vm, a: Args, right: bool) -> PyResult {
    let data = this(&a);
    let sep = arg_bytes(vm, &a.pos[1])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let (x, y, z) = match find_in(&data, &sep, right) {
        Some(i) => (
            data[..i].to_vec(),
            sep.clone(),
            data[i + sep.len()..].to_vec(),
        ),
        None if right => (Vec::new(), Vec::new(), data),
        None => (data, Vec::new(), Vec::new()),
    };
    let items = vec![like(vm, &a, x), like(vm, &a, y), like(vm, &a, z)];
    Ok(vm.new_tuple(items))
}

fn replace(vm: &mut Vm, a: Args) -> PyResult {
    let data = this(&a);
    let old = arg_bytes(vm, &a.pos[1])?;
    let new = arg_bytes(vm, &a.pos[2])?;
    let mut left = match a.pos.get(3) {
        Some(v) => vm.int_arg(v)?,
        None => -1,
    };
    let mut out = Vec::with_capacity(data.len());
    if old.is_empty() {
        for (i, b) in data.iter().enumerate() {
            if left != 0 {
                out.extend_from_slice(&new);
                left -= 1;
            }
            out.push(*b);
            let _ = i;
        }
        if left != 0 {
            out.extend_from_slice(&new);
        }
        return Ok(like(vm, &a, out));
    }
    let mut i = 0;
    while i < data.len() {
        if left != 0 && data[i..].starts_with(&old) {
            out.extend_from_slice(&new);
            i += old.len();
            left -= 1;
        } else {
            out.push(data[i]);
            i += 1;
        }
    }
    Ok(like(vm, &a, out))
}

fn join(vm: &mut Vm, a: Args) -> PyResult {
    let sep = this(&a);
    let items = vm.iterate_or(&a.pos[1], "can only join an iterable")?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match it.kind() {
            Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_) | ObjKind::MemoryView(_)) => {
                out.extend(bytes_of(vm, it)?)
            }
            _ => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    vm.type_name(it)
                )))
            }
        }
    }
    Ok(like(vm, &a, out))
}

/// `center`, `ljust` and `rjust`.
fn justify(vm: &mut Vm, a: Args, name: &str) -> PyResult {
    let data = this(&a);
    let width = vm.index_i64(&a.pos[1])?.unwrap_or(0);
    let fill = match a.pos.get(2) {
        None => b' ',
        Some(v) => match v.kind() {
            Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_)) => {
                let f = bytes_of(vm, v)?;
                if f.len() != 1 {
                    return Err(vm.type_error(format!(
                        "{name}() argument 2 must be a byte string of length 1, not {}",
                        vm.type_name(v)
                    )));
                }
                f[0]
            }
            _ => {
                return Err(vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    vm.type_name(v)
                )))
            }
        },
    };
    let n = data.len() as i64;
    if width <= n {
        return Ok(like(vm, &a, data));
    }
    let pad = (width - n) as usize;
    let (l, r) = match name {
        "ljust" => (0, pad),
        "rjust" => (pad, 0),
        _ => {
            let l = pad / 2 + (pad & width as usize & 1);
            (l, pad - l)
        }
    };
    let mut out = vec![fill; l];
    out.extend_from_slice(&data);
    out.extend(std::iter::repeat_n(fill, r));
    Ok(like(vm, &a, out))
}

fn zfill(vm: &mut Vm, a: Args) -> PyResult {
    let data = this(&a);
    let width = vm.index_i64(&a.pos[1])?.unwrap_or(0);
    if width <= data.len() as i64 {
        return Ok(like(vm, &a, data));
    }
    let pad = width as usize - data.len();
    let (sign, body) = match data.first() {
        Some(c @ (b'+' | b'-')) => (vec![*c], &data[1..]),
        _ => (Vec::new(), &data[..]),
    };
    let mut out = sign;
    out.extend(std::iter::repeat_n(b'0', pad));
    out.extend_from_slice(body);
    Ok(like(vm, &a, out))
}

fn expandtabs(vm: &mut Vm, a: Args) -> PyResult {
    let data = this(&a);
    let size = match a.given(1) {
        Some(v) => vm.index_i64(v)?.unwrap_or(8),
        None => 8,
    };
    let mut out = Vec::new();
    let mut col = 0i64;
    for &c in &data {
        match c {
            b'\t' => {
                if size > 0 {
                    let k = size - col % size;
                    out.extend(std::iter::repeat_n(b' ', k as usize));
                    col += k;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(like(vm, &a, out))
}

fn splitlines(vm: &mut Vm, a: Args) -> PyResult {
    let data = this(&a);
    let kind_of = a.pos[0].clone();
    let keep = match a.given(1) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < data.len() {
        let eol = match data[i] {
            b'\r' if data.get(i + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => 0,
        };
        if eol > 0 {
            let end = if keep { i + eol } else { i };
            parts.push(data[start..end].to_vec());
            i += eol;
            start = i;
        } else {
            i += 1;
        }
    }
    if start < data.len() {
        parts.push(data[start..].to_vec());
    }
    Ok(list_like(vm, &kind_of, parts))
}

/// Maps every byte through `f` (case conversions).
fn map_bytes(vm: &mut Vm, a: Args, f: fn(&[u8]) -> Vec<u8>) -> PyResult {
    let data = this(&a);
    Ok(like(vm, &a, f(&data)))
}

fn title_case(data: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    data.iter()
        .map(|&c| {
            let r = if prev_cased {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            };
            prev_cased = c.is_ascii_alphabetic();
            r
        })
        .collect()
}

fn capitalized(data: &[u8]) -> Vec<u8> {
    data.iter()
        .enumerate()
        .map(|(i, c)| {
            if i == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

fn swapped(data: &[u8]) -> Vec<u8> {
    data.iter()
        .map(|&c| {
            if c.is_ascii_uppercase() {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect()
}

/// The `is...` predicates.
fn predicate(_: &mut Vm, a: Args, name: &str) -> PyResult {
    let d = this(&a);
    let all_nonempty = |f: fn(&u8) -> bool| !d.is_empty() && d.iter().all(f);
    let r = match name {
        "isalnum" => all_nonempty(u8::is_ascii_alphanumeric),
        "isalpha" => all_nonempty(u8::is_ascii_alphabetic),
        "isascii" => d.is_ascii(),
        "isdigit" => all_nonempty(u8::is_ascii_digit),
        "isspace" => all_nonempty(|c| is_space(*c)),
        "islower" => d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase),
        "isupper" => d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase),
        _ => {
            // istitle: uppercase only after uncased bytes, lowercase only
            // after cased ones, and at least one cased byte.
            let mut prev_cased = false;
            let mut any = false;
            let mut ok = true;
            for c in &d {
                if c.is_ascii_uppercase() {
                    ok &= !prev_cased;
                    prev_cased = true;
                    any = true;
                } else if c.is_ascii_lowercase() {
                    ok &= prev_cased;
                    prev_cased = true;
                    any = true;
                } else {
                    prev_cased = false;
                }
            }
            ok && any
        }
    };
    Ok(Value::Bool(r))
}

fn hex(vm: &mut Vm, a: Args) -> PyResult {
    let data = this(&a);
    let digits: Vec<String> = data.iter().map(|c| format!("{c:02x}")).collect();
    let Some(sep) = a.given(1) else {
        return Ok(vm.new_string(digits.concat()));
    };
    // CPython measures the separator before it looks at its type.
    vm.len(sep)?;
    let sep = match crate::objects::str::value_pystr(sep) {
        Some(s) => s.to_string_lossy().into_owned(),
        None => String::from_utf8_lossy(&bytes_of(vm, sep)?).into_owned(),
    };
    if sep.chars().count() != 1 {
        return Err(vm.value_error("sep must be length 1."));
    }
    let per = match a.given(2) {
        Some(v) => vm.index_i64(v)?.unwrap_or(1),
        None => 1,
    };
    if per == 0 || digits.is_empty() {
        return Ok(vm.new_string(digits.concat()));
    }
    let k = per.unsigned_abs() as usize;
    // Positive counts group from the right, negative from the left.
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        let first = digits.len() % k;
        if first > 0 {
            groups.push(digits[..first].concat());
        }
        for c in digits[first..].chunks(k) {
            groups.push(c.concat());
        }
    } else {
        for c in digits.chunks(k) {
            groups.push(c.concat());
        }
    }
    Ok(vm.new_string(groups.join(&sep)))
}

fn fromhex(vm: &mut Vm, a: Args) -> PyResult {
    let Some(s) = crate::objects::str::value_pystr(&a.pos[1]) else {
        return Err(vm.type_error(format!(
            "fromhex() argument must be str, not {}",
            vm.arg_type_name(&a.pos[1])
        )));
    };
    let text: Vec<char> = s.to_string_lossy().chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if text[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = text[i].to_digit(16);
        let lo = text.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (None, _) => {
                return Err(vm.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {i}"
                )))
            }
            (Some(_), None) => {
                return Err(vm.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i + 1
                )))
            }
        }
        i += 2;
    }
    let data = out;
    match a.pos[0].as_obj() {
        Some(cls) if cls.is(&vm.types.bytearray) => Ok(new_bytearray(vm, data)),
        _ => Ok(vm.new_bytes(data)),
    }
}

fn translate(vm: &mut Vm, a: Args) -> PyResult {
    let data = this(&a);
    let table = match &a.pos[1] {
        Value::None => None,
        t => {
            let t = arg_bytes(vm, t)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match a.given(2) {
        Some(d) => arg_bytes(vm, d)?,
        None => Vec::new(),
    };
    let out = data
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    Ok(like(vm, &a, out))
}

fn maketrans(vm: &mut Vm, a: Args) -> PyResult {
    let from = arg_bytes(vm, &a.pos[0])?;
    let to = arg_bytes(vm, &a.pos[1])?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in from.iter().zip(&to) {
        table[*f as usize] = *t;
    }
    Ok(vm.new_bytes(table))
}

fn affix_remove(vm: &mut Vm, a: Args, suffix: bool) -> PyResult {
    let data = this(&a);
    let x = arg_bytes(vm, &a.pos[1])?;
    let out = if suffix && data.ends_with(&x) && !x.is_empty() {
        data[..data.len() - x.len()].to_vec()
    } else if !suffix && data.starts_with(&x) {
        data[x.len()..].to_vec()
    } else {
        data
    };
    Ok(like(vm, &a, out))
}

// ---- bytearray's own ----------------------------------------------------

fn array(a: &Args) -> Option<&std::cell::RefCell<Vec<u8>>> {
    match a.pos[0].kind() {
        Some(ObjKind::ByteArray(b)) => Some(b),
        _ => None,
    }
}

/// An int that must be a byte value.
fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    match vm.index_i64(v)? {
        Some(n) if (0..256).contains(&n) => Ok(n as u8),
        Some(_) => Err(vm.value_error("byte must be in range(0, 256)")),
        None => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

fn ba_append(vm: &mut Vm, a: Args) -> PyResult {
    let b = byte_value(vm, &a.pos[1])?;
    if let Some(arr) = array(&a) {
        arr.borrow_mut().push(b);
    }
    Ok(Value::None)
}

fn ba_extend(vm: &mut Vm, a: Args) -> PyResult {
    let more = match a.pos[1].kind() {
        Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_)) => bytes_of(vm, &a.pos[1])?,
        _ if value_pystr(&a.pos[1]).is_some() => {
            return Err(vm.type_error("expected iterable of integers; got: 'str'"))
        }
        _ => {
            let items = vm.iterate(&a.pos[1]).map_err(|_| {
                vm.type_error(format!(
                    "can't extend bytearray with {}",
                    vm.type_name(&a.pos[1])
                ))
            })?;
            let mut out = Vec::with_capacity(items.len());
            for it in &items {
                out.push(byte_value(vm, it)?);
            }
            out
        }
    };
    if let Some(arr) = array(&a) {
        arr.borrow_mut().extend(more);
    }
    Ok(Value::None)
}

fn ba_insert(vm: &mut Vm, a: Args) -> PyResult {
    let i = vm.index_i64(&a.pos[1])?.unwrap_or(0);
    let b = byte_value(vm, &a.pos[2])?;
    if let Some(arr) = array(&a) {
        let mut arr = arr.borrow_mut();
        let n = arr.len() as i64;
        let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
        arr.insert(at as usize, b);
    }
    Ok(Value::None)
}

fn ba_pop(vm: &mut Vm, a: Args) -> PyResult {
    let i = match a.pos.get(1) {
        Some(v) => vm.int_arg(v)?,
        None => -1,
    };
    let Some(arr) = array(&a) else {
        return Ok(Value::None);
    };
    let mut arr = arr.borrow_mut();
    if arr.is_empty() {
        drop(arr);
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let n = arr.len() as i64;
    let at = if i < 0 { i + n } else { i };
    if !(0..n).contains(&at) {
        drop(arr);
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(Value::Int(arr.remove(at as usize) as i64))
}

fn ba_remove(vm: &mut Vm, a: Args) -> PyResult {
    let b = byte_value(vm, &a.pos[1])?;
    let Some(arr) = array(&a) else {
        return Ok(Value::None);
    };
    let mut arr = arr.borrow_mut();
    match arr.iter().position(|&c| c == b) {
        Some(i) => {
            arr.remove(i);
            Ok(Value::None)
        }
        None => {
            drop(arr);
            Err(vm.value_error("value not found in bytearray"))
        }
    }
}

pub fn register(vm: &mut Vm) {
    for ty in [vm.types.bytes.clone(), vm.types.bytearray.clone()] {
        add_methods(vm, &ty, SHARED);
        add_methods(vm, &ty, OPERATORS);
    }
    let b = vm.types.bytes.clone();
    add_methods(vm, &b, &[BYTES]);
    let ba = vm.types.bytearray.clone();
    add_methods(vm, &ba, BYTEARRAY_ONLY);
    add_methods(vm, &ba, BYTEARRAY_IN_PLACE);
    // Mutable, so unhashable: `bytearray.__hash__` is None, as in CPython.
    crate::api::add_attr(vm, &ba, "__hash__", Value::None);
}

/// The receiver (or another bytes-like operand) as a plain `bytes` or
/// `bytearray`, for the operator slots to work on.
fn plain(vm: &Vm, v: &Value) -> Option<Value> {
    match v.kind()? {
        ObjKind::Bytes(b) => Some(vm.new_bytes(b.to_vec())),
        ObjKind::ByteArray(b) => Some(new_bytearray(vm, b.borrow().clone())),
        _ => None,
    }
}

/// `a op b` (reflected: `b op a`) as the operator slots compute it;
/// NotImplemented where they decline, so that the operator protocol can
/// go on to the other operand.
fn operator(vm: &mut Vm, a: &Args, op: BinOp, reflected: bool) -> PyResult {
    let Some(x) = plain(vm, &a.pos[0]) else {
        return Ok(vm.not_implemented());
    };
    let r = if reflected {
        match plain(vm, &a.pos[1]) {
            Some(y) => vm.native_binop(op, &y, &x)?,
            None => None,
        }
    } else {
        vm.native_binop(op, &x, &a.pos[1])?
    };
    Ok(r.unwrap_or_else(|| vm.not_implemented()))
}

/// The dunders CPython derives from the sequence and number slots.
const OPERATORS: &[FunctionDef] = &[
    FunctionDef::binary("__add__", |vm, a| operator(vm, &a, BinOp::Add, false)),
    FunctionDef::method("__mul__", |vm, a| operator(vm, &a, BinOp::Multiply, false))
        .wrapper(1, true),
    FunctionDef::method("__rmul__", |vm, a| operator(vm, &a, BinOp::Multiply, false))
        .wrapper(1, true),
    FunctionDef::binary("__mod__", |vm, a| operator(vm, &a, BinOp::Remainder, false)),
    FunctionDef::binary("__rmod__", |vm, a| operator(vm, &a, BinOp::Remainder, true)),
];

/// `bytes(b)` of a bytes object: a `bytes` with the same contents.
const BYTES: FunctionDef =
    FunctionDef::method("__bytes__", |vm, a| Ok(vm.new_bytes(this(&a)))).no_args();

/// `+=` and `*=` on a bytearray change it in place.
const BYTEARRAY_IN_PLACE: &[FunctionDef] = &[
    FunctionDef::binary("__iadd__", |vm, a| {
        let Ok(more) = bytes_of(vm, &a.pos[1]) else {
            return Ok(vm.not_implemented());
        };
        if let Some(arr) = array(&a) {
            arr.borrow_mut().extend_from_slice(&more);
        }
        Ok(a.pos[0].clone())
    }),
    FunctionDef::method("__imul__", |vm, a| {
        let Some(n) = vm.index_i64(&a.pos[1])? else {
            return Ok(vm.not_implemented());
        };
        if let Some(arr) = array(&a) {
            let data = arr.borrow().repeat(n.max(0) as usize);
            *arr.borrow_mut() = data;
        }
        Ok(a.pos[0].clone())
    })
    .wrapper(1, true),
    FunctionDef::method("__alloc__", |_, a| {
        Ok(Value::Int(this(&a).len() as i64 + 1))
    })
    .no_args(),
];

const SPLIT: &[&str] = &["sep", "maxsplit"];

/// The methods `bytes` and `bytearray` share.
const SHARED: &[FunctionDef] = &[
    FunctionDef::method("find", |vm, a| find_impl(vm, a, false, false)).tuple_args(1, 3),
    FunctionDef::method("rfind", |vm, a| find_impl(vm, a, true, false)).tuple_args(1, 3),
    FunctionDef::method("index", |vm, a| find_impl(vm, a, false, true)).tuple_args(1, 3),
    FunctionDef::method("rindex", |vm, a| find_impl(vm, a, true, true)).tuple_args(1, 3),
    FunctionDef::method("count", count).tuple_args(1, 3),
    FunctionDef::method("startswith", |vm, a| affix(vm, a, "startswith", false)).tuple_args(1, 3),
    FunctionDef::method("endswith", |vm, a| affix(vm, a, "endswith", true)).tuple_args(1, 3),
    FunctionDef::method("strip", |vm, a| strip(vm, a, true, true)).args(0, 1),
    FunctionDef::method("lstrip", |vm, a| strip(vm, a, true, false)).args(0, 1),
    FunctionDef::method("rstrip", |vm, a| strip(vm, a, false, true)).args(0, 1),
    FunctionDef::method("split", |vm, a| split_impl(vm, a, false)).named(SPLIT, 0, 2, 0),
    FunctionDef::method("rsplit", |vm, a| split_impl(vm, a, true)).named(SPLIT, 0, 2, 0),
    FunctionDef::method("partition", |vm, a| partition(vm, a, false)).one(),
    FunctionDef::method("rpartition", |vm, a| partition(vm, a, true)).one(),
    FunctionDef::method("replace", replace).args(2, 3),
    FunctionDef::method("join", join).one(),
    FunctionDef::method("center", |vm, a| justify(vm, a, "center")).args(1, 2),
    FunctionDef::method("ljust", |vm, a| justify(vm, a, "ljust")).args(1, 2),
    FunctionDef::method("rjust", |vm, a| justify(vm, a, "rjust")).args(1, 2),
    FunctionDef::method("zfill", zfill).one(),
    FunctionDef::method("expandtabs", expandtabs).named(&["tabsize"], 0, 1, 0),
    FunctionDef::method("splitlines", splitlines).named(&["keepends"], 0, 1, 0),
    FunctionDef::method("upper", |vm, a| {
        map_bytes(vm, a, |d| d.to_ascii_uppercase())
    })
    .no_args(),
    FunctionDef::method("lower", |vm, a| {
        map_bytes(vm, a, |d| d.to_ascii_lowercase())
    })
    .no_args(),
    FunctionDef::method("title", |vm, a| map_bytes(vm, a, title_case)).no_args(),
    FunctionDef::method("capitalize", |vm, a| map_bytes(vm, a, capitalized)).no_args(),
    FunctionDef::method("swapcase", |vm, a| map_bytes(vm, a, swapped)).no_args(),
    FunctionDef::method("isalnum", |vm, a| predicate(vm, a, "isalnum")).no_args(),
    FunctionDef::method("isalpha", |vm, a| predicate(vm, a, "isalpha")).no_args(),
    FunctionDef::method("isascii", |vm, a| predicate(vm, a, "isascii")).no_args(),
    FunctionDef::method("isdigit", |vm, a| predicate(vm, a, "isdigit")).no_args(),
    FunctionDef::method("islower", |vm, a| predicate(vm, a, "islower")).no_args(),
    FunctionDef::method("isspace", |vm, a| predicate(vm, a, "isspace")).no_args(),
    FunctionDef::method("istitle", |vm, a| predicate(vm, a, "istitle")).no_args(),
    FunctionDef::method("isupper", |vm, a| predicate(vm, a, "isupper")).no_args(),
    FunctionDef::method("hex", hex).named(&["sep", "bytes_per_sep"], 0, 2, 0),
    FunctionDef::classmethod("fromhex", fromhex).one(),
    FunctionDef::method("translate", translate).named(&["table", "delete"], 1, 2, 1),
    FunctionDef::new("maketrans", maketrans).args(2, 2),
    FunctionDef::method("removeprefix", |vm, a| affix_remove(vm, a, false)).one(),
    FunctionDef::method("removesuffix", |vm, a| affix_remove(vm, a, true)).one(),
];

const BYTEARRAY_ONLY: &[FunctionDef] = &[
    FunctionDef::method("append", ba_append).one(),
    FunctionDef::method("extend", ba_extend).one(),
    FunctionDef::method("insert", ba_insert).args(2, 2),
    FunctionDef::method("pop", ba_pop).args(0, 1),
    FunctionDef::method("remove", ba_remove).one(),
    FunctionDef::method("clear", |_, a| {
        if let Some(arr) = array(&a) {
            arr.borrow_mut().clear();
        }
        Ok(Value::None)
    })
    .no_args(),
    FunctionDef::method("reverse", |_, a| {
        if let Some(arr) = array(&a) {
            arr.borrow_mut().reverse();
        }
        Ok(Value::None)
    })
    .no_args(),
    FunctionDef::method("copy", |vm, a| Ok(new_bytearray(vm, this(&a)))).no_args(),
];
