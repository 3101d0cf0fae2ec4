//! The `_codecs` module: the registry (`register`, `lookup`,
//! `register_error`, `lookup_error`) and each native codec's encode and
//! decode functions, as the `encodings` package calls them.

use super::{errors, escape, unicode};
use crate::api::{FunctionDef as F, ModuleDef};
use crate::objects::function::Args;
use crate::objects::str::{value_pystr, PyStr};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub const MODULE: ModuleDef = ModuleDef {
    name: "_codecs",
    doc: None,
    functions: FUNCTIONS,
    init: None,
};

/// A bytes-like argument's bytes.
fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = crate::api::bytes_data(v) {
        return Ok(b.into_owned());
    }
    if let Some(crate::object::ObjKind::MemoryView(_)) = v.kind() {
        return crate::objects::bytes::memoryview::data(vm, v);
    }
    Err(vm.type_error(format!(
        "a bytes-like object is required, not '{}'",
        vm.type_name(v)
    )))
}

/// A str argument's code points.
fn text_arg(vm: &Vm, v: &Value, fname: &str) -> PyResult<Vec<u32>> {
    match value_pystr(v) {
        Some(s) => Ok(s.code_points().collect()),
        None => Err(vm.type_error(format!(
            "{fname}() argument 1 must be str, not {}",
            vm.type_name(v)
        ))),
    }
}

/// The `errors` argument at `i` (None or absent: strict).
fn errors_arg(a: &Args, i: usize) -> String {
    a.pos
        .get(i)
        .and_then(crate::api::str_value)
        .unwrap_or_else(|| "strict".into())
}

fn final_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<bool> {
    match a.pos.get(i) {
        Some(v) => vm.truthy(v),
        None => Ok(false),
    }
}

fn text_result(vm: &Vm, cps: Vec<u32>, used: usize) -> Value {
    let s = vm.new_pystr(PyStr::from_code_points(cps));
    vm.new_tuple(vec![s, Value::Int(used as i64)])
}

fn bytes_result(vm: &Vm, bytes: Vec<u8>, used: usize) -> Value {
    let b = vm.new_bytes(bytes);
    vm.new_tuple(vec![b, Value::Int(used as i64)])
}

/// `X_encode(str, errors=None)` for a codec `encode`.
macro_rules! encoder {
    ($name:literal, $encode:expr) => {
        F::new($name, |vm, a| {
            let text = text_arg(vm, &a.pos[0], $name)?;
            let errors = errors_arg(&a, 1);
            let n = text.len();
            let f: fn(&mut Vm, &[u32], &str) -> PyResult<Vec<u8>> = $encode;
            let bytes = f(vm, &text, &errors)?;
            Ok(bytes_result(vm, bytes, n))
        })
        .args(1, 2)
    };
}

/// `X_decode(data, errors=None, final=False)` for a codec `decode`.
macro_rules! decoder {
    ($name:literal, $decode:expr) => {
        F::new($name, |vm, a| {
            let data = data_arg(vm, &a.pos[0])?;
            let errors = errors_arg(&a, 1);
            let last = final_arg(vm, &a, 2)?;
            let f: fn(&mut Vm, &[u8], &str, bool) -> PyResult<(Vec<u32>, usize)> = $decode;
            let (cps, used) = f(vm, &data, &errors, last)?;
            Ok(text_result(vm, cps, used))
        })
        .args(1, 3)
    };
}

/// `utf_16_ex_decode`/`utf_32_ex_decode(data, errors, byteorder, final)`.
fn ex_decode(vm: &mut Vm, a: Args, utf32: bool) -> PyResult {
    let data = data_arg(vm, &a.pos[0])?;
    let errors = errors_arg(&a, 1);
    let order = a.pos.get(2).and_then(crate::api::small_int).unwrap_or(0) as i32;
    let last = final_arg(vm, &a, 3)?;
    let (cps, used, order) = if utf32 {
        unicode::utf32_decode(vm, &data, &errors, order, last)?
    } else {
        unicode::utf16_decode(vm, &data, &errors, order, last)?
    };
    let s = vm.new_pystr(PyStr::from_code_points(cps));
    Ok(vm.new_tuple(vec![s, Value::Int(used as i64), Value::Int(order as i64)]))
}

/// `utf_16_encode`/`utf_32_encode(str, errors=None, byteorder=0)`.
fn bom_encode(vm: &mut Vm, a: Args, utf32: bool) -> PyResult {
    let text = text_arg(
        vm,
        &a.pos[0],
        if utf32 {
            "utf_32_encode"
        } else {
            "utf_16_encode"
        },
    )?;
    let errors = errors_arg(&a, 1);
    let order = a.pos.get(2).and_then(crate::api::small_int).unwrap_or(0) as i32;
    let order = order.signum();
    let n = text.len();
    let bytes = if utf32 {
        unicode::utf32_encode(vm, &text, &errors, order)?
    } else {
        unicode::utf16_encode(vm, &text, &errors, order)?
    };
    Ok(bytes_result(vm, bytes, n))
}

/// The function `codecs.lookup_error(name)` gives for a built-in handler.
macro_rules! handler {
    ($name:literal, $handler:literal) => {
        F::new($name, |vm, a| builtin_handler(vm, &a.pos[0], $handler)).one()
    };
}

/// A built-in error handler called from Python with the exception: the
/// replacement and where to go on.
fn builtin_handler(vm: &mut Vm, exc: &Value, name: &str) -> PyResult {
    let get = |vm: &mut Vm, attr: &str| vm.getattr_str(exc, attr);
    let start = crate::api::small_int(&get(vm, "start")?)
        .unwrap_or(0)
        .max(0) as usize;
    let end = crate::api::small_int(&get(vm, "end")?).unwrap_or(0).max(0) as usize;
    let object = get(vm, "object")?;
    let cls = vm.class_of(exc).clone();
    if name == "strict" {
        return Err(exc
            .as_obj()
            .cloned()
            .unwrap_or_else(|| vm.type_error("an exception is required")));
    }
    let is_encode = cls.is_subtype(&vm.exc.unicode_encode_error);
    let rep: Value = if is_encode {
        let text: Vec<u32> = value_pystr(&object)
            .map(|s| s.code_points().collect())
            .unwrap_or_default();
        let bad = &text[start.min(text.len())..end.min(text.len())];
        let s: String = match name {
            "ignore" => String::new(),
            "replace" => "?".repeat(bad.len()),
            "backslashreplace" => bad.iter().map(|&c| errors::backslash_escape(c)).collect(),
            "xmlcharrefreplace" => bad.iter().map(|c| format!("&#{c};")).collect(),
            "namereplace" => bad
                .iter()
                .map(
                    |&c| match krait_unicode::name(krait_unicode::Version::Current, c) {
                        Some(n) => format!("\\N{{{n}}}"),
                        None => errors::backslash_escape(c),
                    },
                )
                .collect(),
            "surrogateescape" if bad.iter().all(|c| (0xDC80..=0xDCFF).contains(c)) => {
                let b: Vec<u8> = bad.iter().map(|c| (c - 0xDC00) as u8).collect();
                return Ok(vm.new_tuple(vec![vm.new_bytes(b), Value::Int(end as i64)]));
            }
            "surrogatepass" if bad.iter().all(|c| (0xD800..0xE000).contains(c)) => {
                let mut b = Vec::new();
                for &c in bad {
                    crate::objects::str::push_code_point(&mut b, c);
                }
                return Ok(vm.new_tuple(vec![vm.new_bytes(b), Value::Int(end as i64)]));
            }
            _ => return Err(exc.as_obj().cloned().expect("an exception")),
        };
        vm.new_string(s)
    } else {
        let data = crate::api::bytes_data(&object)
            .map(|b| b.into_owned())
            .unwrap_or_default();
        let bad = &data[start.min(data.len())..end.min(data.len())];
        let cps: Vec<u32> = match name {
            "ignore" => Vec::new(),
            "replace" => vec![0xFFFD],
            "backslashreplace" => bad
                .iter()
                .flat_map(|b| {
                    format!("\\x{b:02x}")
                        .chars()
                        .map(|c| c as u32)
                        .collect::<Vec<_>>()
                })
                .collect(),
            "surrogateescape" if bad.iter().all(|&b| b >= 0x80) => {
                bad.iter().map(|&b| 0xDC00 + b as u32).collect()
            }
            _ => return Err(exc.as_obj().cloned().expect("an exception")),
        };
        vm.new_pystr(PyStr::from_code_points(cps))
    };
    Ok(vm.new_tuple(vec![rep, Value::Int(end as i64)]))
}

const FUNCTIONS: &[F] = &[
    F::new("register", |vm, a| {
        if !vm.is_callable(&a.pos[0]) {
            return Err(vm.type_error("argument must be callable"));
        }
        vm.codecs.search.push(a.pos[0].clone());
        Ok(Value::None)
    })
    .one(),
    F::new("unregister", |vm, a| {
        let f = a.pos[0].clone();
        vm.codecs.search.retain(|g| !g.is(&f));
        vm.codecs.cache.clear();
        Ok(Value::None)
    })
    .one(),
    F::new("lookup", |vm, a| {
        let name = crate::api::str_value(&a.pos[0]).ok_or_else(|| {
            vm.type_error(format!(
                "lookup() argument must be str, not {}",
                vm.type_name(&a.pos[0])
            ))
        })?;
        vm.codec_lookup(&name)
    })
    .one(),
    F::new("_forget_codec", |vm, a| {
        if let Some(name) = crate::api::str_value(&a.pos[0]) {
            vm.codecs.cache.remove(&name.to_ascii_lowercase());
        }
        Ok(Value::None)
    })
    .one(),
    F::new("encode", |vm, a| {
        let encoding = a
            .pos
            .get(1)
            .and_then(crate::api::str_value)
            .unwrap_or_else(|| "utf-8".into());
        let errors = errors_arg(&a, 2);
        let info = vm.codec_lookup(&encoding)?;
        let f = crate::api::tuple_items(&info).unwrap_or_default()[0].clone();
        let e = vm.new_str(&errors);
        let r = vm.call(&f, vec![a.pos[0].clone(), e])?;
        super::codec_output(vm, &r, "encoder")
    })
    .named(&["obj", "encoding", "errors"], 0, 3, 1),
    F::new("decode", |vm, a| {
        let encoding = a
            .pos
            .get(1)
            .and_then(crate::api::str_value)
            .unwrap_or_else(|| "utf-8".into());
        let errors = errors_arg(&a, 2);
        let info = vm.codec_lookup(&encoding)?;
        let f = crate::api::tuple_items(&info).unwrap_or_default()[1].clone();
        let e = vm.new_str(&errors);
        let r = vm.call(&f, vec![a.pos[0].clone(), e])?;
        super::codec_output(vm, &r, "decoder")
    })
    .named(&["obj", "encoding", "errors"], 0, 3, 1),
    F::new("register_error", |vm, a| {
        let name = crate::api::str_value(&a.pos[0])
            .ok_or_else(|| vm.type_error("register_error() argument 1 must be str"))?;
        if !vm.is_callable(&a.pos[1]) {
            return Err(vm.type_error("handler must be callable"));
        }
        vm.codecs.handlers.insert(name, a.pos[1].clone());
        Ok(Value::None)
    })
    .args(2, 2),
    F::new("lookup_error", |vm, a| {
        let name = crate::api::str_value(&a.pos[0])
            .ok_or_else(|| vm.type_error("lookup_error() argument must be str"))?;
        errors::lookup_error(vm, &name)
    })
    .one(),
    handler!("strict_errors", "strict"),
    handler!("ignore_errors", "ignore"),
    handler!("replace_errors", "replace"),
    handler!("backslashreplace_errors", "backslashreplace"),
    handler!("xmlcharrefreplace_errors", "xmlcharrefreplace"),
    handler!("namereplace_errors", "namereplace"),
    handler!("surrogateescape_errors", "surrogateescape"),
    handler!("surrogatepass_errors", "surrogatepass"),
    encoder!("utf_8_encode", unicode::utf8_encode),
    decoder!("utf_8_decode", unicode::utf8_decode),
    encoder!("ascii_encode", |vm, t, e| unicode::onebyte_encode(
        vm, t, e, 0x80
    )),
    F::new("ascii_decode", |vm, a| {
        let data = data_arg(vm, &a.pos[0])?;
        let errors = errors_arg(&a, 1);
        let cps = unicode::ascii_decode(vm, &data, &errors)?;
        Ok(text_result(vm, cps, data.len()))
    })
    .args(1, 3),
    encoder!("latin_1_encode", |vm, t, e| unicode::onebyte_encode(
        vm, t, e, 0x100
    )),
    F::new("latin_1_decode", |vm, a| {
        let data = data_arg(vm, &a.pos[0])?;
        Ok(text_result(vm, unicode::latin1_decode(&data), data.len()))
    })
    .args(1, 3),
    F::new("utf_16_encode", |vm, a| bom_encode(vm, a, false)).args(1, 3),
    encoder!("utf_16_le_encode", |vm, t, e| unicode::utf16_encode(
        vm, t, e, -1
    )),
    encoder!("utf_16_be_encode", |vm, t, e| unicode::utf16_encode(
        vm, t, e, 1
    )),
    decoder!("utf_16_decode", |vm, d, e, l| {
        unicode::utf16_decode(vm, d, e, 0, l).map(|(c, n, _)| (c, n))
    }),
    decoder!("utf_16_le_decode", |vm, d, e, l| {
        unicode::utf16_decode(vm, d, e, -1, l).map(|(c, n, _)| (c, n))
    }),
    decoder!("utf_16_be_decode", |vm, d, e, l| {
        unicode::utf16_decode(vm, d, e, 1, l).map(|(c, n, _)| (c, n))
    }),
    F::new("utf_16_ex_decode", |vm, a| ex_decode(vm, a, false)).args(1, 4),
    F::new("utf_32_encode", |vm, a| bom_encode(vm, a, true)).args(1, 3),
    encoder!("utf_32_le_encode", |vm, t, e| unicode::utf32_encode(
        vm, t, e, -1
    )),
    encoder!("utf_32_be_encode", |vm, t, e| unicode::utf32_encode(
        vm, t, e, 1
    )),
    decoder!("utf_32_decode", |vm, d, e, l| {
        unicode::utf32_decode(vm, d, e, 0, l).map(|(c, n, _)| (c, n))
    }),
    decoder!("utf_32_le_decode", |vm, d, e, l| {
        unicode::utf32_decode(vm, d, e, -1, l).map(|(c, n, _)| (c, n))
    }),
    decoder!("utf_32_be_decode", |vm, d, e, l| {
        unicode::utf32_decode(vm, d, e, 1, l).map(|(c, n, _)| (c, n))
    }),
    F::new("utf_32_ex_decode", |vm, a| ex_decode(vm, a, true)).args(1, 4),
    encoder!("unicode_escape_encode", |_, t, _| Ok(
        escape::unicode_escape_encode(t)
    )),
    F::new("unicode_escape_decode", |vm, a| {
        let data = match value_pystr(&a.pos[0]) {
            Some(s) => s.as_bytes().to_vec(),
            None => data_arg(vm, &a.pos[0])?,
        };
        let errors = errors_arg(&a, 1);
        let cps = escape::unicode_escape_decode(vm, &data, &errors)?;
        Ok(text_result(vm, cps, data.len()))
    })
    .args(1, 3),
    encoder!("raw_unicode_escape_encode", |_, t, _| Ok(
        escape::raw_unicode_escape_encode(t)
    )),
    F::new("raw_unicode_escape_decode", |vm, a| {
        let data = match value_pystr(&a.pos[0]) {
            Some(s) => s.as_bytes().to_vec(),
            None => data_arg(vm, &a.pos[0])?,
        };
        let errors = errors_arg(&a, 1);
        let cps = escape::raw_unicode_escape_decode(vm, &data, &errors)?;
        Ok(text_result(vm, cps, data.len()))
    })
    .args(1, 3),
    F::new("escape_encode", |vm, a| {
        let Some(data) = crate::api::bytes_data(&a.pos[0])
            .filter(|_| matches!(a.pos[0].kind(), Some(crate::object::ObjKind::Bytes(_))))
        else {
            return Err(vm.type_error(format!(
                "escape_encode() argument 1 must be bytes, not {}",
                vm.type_name(&a.pos[0])
            )));
        };
        let n = data.len();
        Ok(bytes_result(vm, escape::escape_encode(&data), n))
    })
    .args(1, 2),
    F::new("escape_decode", |vm, a| {
        let data = match value_pystr(&a.pos[0]) {
            Some(s) => s.as_bytes().to_vec(),
            None => data_arg(vm, &a.pos[0])?,
        };
        let n = data.len();
        let out = escape::escape_decode(vm, &data)?;
        Ok(bytes_result(vm, out, n))
    })
    .args(1, 2),
    F::new("charmap_decode", |vm, a| {
        let data = data_arg(vm, &a.pos[0])?;
        let errors = errors_arg(&a, 1);
        let mapping = a.pos.get(2).cloned().unwrap_or(Value::None);
        let cps = escape::charmap_decode(vm, &data, &errors, &mapping)?;
        Ok(text_result(vm, cps, data.len()))
    })
    .args(1, 3),
    F::new("charmap_encode", |vm, a| {
        let text = text_arg(vm, &a.pos[0], "charmap_encode")?;
        let errors = errors_arg(&a, 1);
        let mapping = a.pos.get(2).cloned().unwrap_or(Value::None);
        let n = text.len();
        let bytes = escape::charmap_encode(vm, &text, &errors, &mapping)?;
        Ok(bytes_result(vm, bytes, n))
    })
    .args(1, 3),
    F::new("charmap_build", |vm, a| {
        let text = text_arg(vm, &a.pos[0], "charmap_build")?;
        let d = vm.new_dict();
        for (i, c) in text.into_iter().enumerate() {
            if c != 0xFFFE {
                vm.setitem(&d, Value::Int(c as i64), Value::Int(i as i64))?;
            }
        }
        Ok(d)
    })
    .one(),
    F::new("readbuffer_encode", |vm, a| {
        let data = match value_pystr(&a.pos[0]) {
            Some(s) => s.as_bytes().to_vec(),
            None => data_arg(vm, &a.pos[0])?,
        };
        let n = data.len();
        Ok(bytes_result(vm, data, n))
    })
    .args(1, 2),
    encoder!("utf_7_encode", |_, t, _| Ok(super::utf7::utf7_encode(t))),
    decoder!("utf_7_decode", super::utf7::utf7_decode),
];
