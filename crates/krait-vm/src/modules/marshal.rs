//! `marshal`: values to bytes and back in CPython's format (version 4),
//! for the types it covers: `None`, booleans, ints, floats, complex
//! numbers, str, bytes, tuples, lists, dicts, sets, frozensets, `...` and
//! `StopIteration`. Reading understands back-references; writing makes
//! none (CPython decides where to put them by reference counts, so its
//! bytes differ in those flags, and each reads the other's). Code objects
//! are written in Krait's own encoding (the import system's cache
//! format), which only the same build of Krait reads back.

use crate::api::{FunctionDef as F, ModuleDef};
use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

const VERSION: i64 = 4;
const FLAG_REF: u8 = 0x80;
/// How deep containers may nest, as CPython's `MAX_MARSHAL_STACK_DEPTH`.
const MAX_DEPTH: usize = 2000;

pub const MODULE: ModuleDef = ModuleDef {
    name: "marshal",
    doc: Some("This module contains functions that can read and write Python values in\na binary format. The format is specific to Python, but independent of\nmachine architecture issues."),
    functions: &[
        F::new("dumps", |vm, a| {
            let mut out = Vec::new();
            write(vm, &a.pos[0], &mut out, 0)?;
            Ok(vm.new_bytes(out))
        })
        .named(&["value", "version"], 2, 2, 1),
        F::new("dump", |vm, a| {
            let mut out = Vec::new();
            write(vm, &a.pos[0], &mut out, 0)?;
            let b = vm.new_bytes(out);
            vm.call_method(&a.pos[1], "write", vec![b])?;
            Ok(Value::None)
        })
        .named(&["value", "file", "version"], 3, 3, 2),
        F::new("loads", |vm, a| {
            let Some(data) = crate::api::bytes_data(&a.pos[0]).map(|d| d.into_owned()) else {
                let name = vm.type_name(&a.pos[0]);
                return Err(vm.type_error(format!(
                    "a bytes-like object is required, not '{name}'"
                )));
            };
            Reader::new(&data).read_object(vm)
        })
        .one(),
        F::new("load", load).one(),
    ],
    init: Some(|vm, m| {
        crate::api::add_attr(vm, m, "version", Value::Int(VERSION));
        Ok(())
    }),
};

fn load(vm: &mut Vm, a: Args) -> PyResult {
    let data = vm.call_method(&a.pos[0], "read", vec![])?;
    let Some(data) = crate::api::bytes_data(&data).map(|d| d.into_owned()) else {
        return Err(vm.type_error("file.read() returned not bytes"));
    };
    Reader::new(&data).read_object(vm)
}

fn unmarshallable(vm: &Vm) -> Obj {
    vm.value_error("unmarshallable object")
}

fn write_len(vm: &Vm, out: &mut Vec<u8>, n: usize) -> PyResult<()> {
    let n = u32::try_from(n).map_err(|_| vm.value_error("unmarshallable object"))?;
    out.extend_from_slice(&n.to_le_bytes());
    Ok(())
}

fn write(vm: &mut Vm, v: &Value, out: &mut Vec<u8>, depth: usize) -> PyResult<()> {
    if depth > MAX_DEPTH {
        return Err(vm.value_error("object too deeply nested to marshal"));
    }
    match v {
        Value::None => out.push(b'N'),
        Value::Truth(b) => out.push(if *b != 0 { b'T' } else { b'F' }),
        Value::Int(i) => write_int(out, &(*i).into()),
        Value::FloatBits(bits) => {
            out.push(b'g');
            out.extend_from_slice(&bits.to_le_bytes());
        }
        Value::Null => return Err(unmarshallable(vm)),
        Value::Obj(o) => write_obj(vm, o, out, depth)?,
    }
    Ok(())
}

fn write_int(out: &mut Vec<u8>, i: &dashu_int::IBig) {
    if let Ok(small) = i32::try_from(i) {
        out.push(b'i');
        out.extend_from_slice(&small.to_le_bytes());
        return;
    }
    // Base 2**15 digits, least significant first; the sign on the count.
    let (sign, magnitude) = i.clone().into_parts();
    let mut digits = Vec::new();
    let mut m = magnitude;
    let base = dashu_int::UBig::from(1u32 << 15);
    while m > dashu_int::UBig::ZERO {
        let d = u16::try_from(&(&m % &base)).unwrap_or(0);
        digits.push(d);
        m /= &base;
    }
    let count = digits.len() as i32;
    let count = if sign == dashu_int::Sign::Negative {
        -count
    } else {
        count
    };
    out.push(b'l');
    out.extend_from_slice(&count.to_le_bytes());
    for d in digits {
        out.extend_from_slice(&d.to_le_bytes());
    }
}

fn write_obj(vm: &mut Vm, o: &Obj, out: &mut Vec<u8>, depth: usize) -> PyResult<()> {
    let exact = |t: &Obj| o.class().is(t);
    let types = &vm.types;
    match o.kind() {
        ObjKind::Ellipsis => out.push(b'.'),
        _ if o.is(&vm.exc.stop_iteration) => out.push(b'S'),
        ObjKind::Int(i) if exact(&types.int) => write_int(out, i),
        ObjKind::Float(f) if exact(&types.float) => {
            out.push(b'g');
            out.extend_from_slice(&f.to_le_bytes());
        }
        ObjKind::Complex(re, im) if exact(&types.complex) => {
            out.push(b'y');
            out.extend_from_slice(&re.to_le_bytes());
            out.extend_from_slice(&im.to_le_bytes());
        }
        ObjKind::Str(s) if exact(&types.str_) => {
            let bytes = s.as_bytes();
            if s.is_ascii() && bytes.len() < 256 {
                out.push(b'z');
                out.push(bytes.len() as u8);
            } else if s.is_ascii() {
                out.push(b'a');
                write_len(vm, out, bytes.len())?;
            } else {
                // WTF-8 is UTF-8 with surrogates written as CPython's
                // "surrogatepass" writes them.
                out.push(b'u');
                write_len(vm, out, bytes.len())?;
            }
            out.extend_from_slice(bytes);
        }
        ObjKind::Bytes(_) | ObjKind::ByteArray(_) | ObjKind::MemoryView(_) => {
            let data = match crate::api::bytes_data(&Value::Obj(o.clone())) {
                Some(d) => d.into_owned(),
                None => {
                    let v = vm.call(
                        &Value::Obj(vm.types.bytes.clone()),
                        vec![Value::Obj(o.clone())],
                    )?;
                    crate::api::bytes_data(&v)
                        .map(|d| d.into_owned())
                        .unwrap_or_default()
                }
            };
            out.push(b's');
            write_len(vm, out, data.len())?;
            out.extend_from_slice(&data);
        }
        ObjKind::Code(c) => out.extend_from_slice(&crate::import::marshal_code(&c.code)),
        ObjKind::Tuple(items) if exact(&types.tuple) => {
            if items.len() < 256 {
                out.push(b')');
                out.push(items.len() as u8);
            } else {
                out.push(b'(');
                write_len(vm, out, items.len())?;
            }
            for item in items.iter() {
                write(vm, item, out, depth + 1)?;
            }
        }
        ObjKind::List(items) if exact(&types.list) => {
            let items = items.borrow().clone();
            out.push(b'[');
            write_len(vm, out, items.len())?;
            for item in items {
                write(vm, &item, out, depth + 1)?;
            }
        }
        ObjKind::Dict(_) if exact(&types.dict) => {
            out.push(b'{');
            let pairs: Vec<(Value, Value)> = crate::objects::dict::dict_cell(o)
                .borrow()
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect();
            for (k, v) in pairs {
                write(vm, &k, out, depth + 1)?;
                write(vm, &v, out, depth + 1)?;
            }
            out.push(b'0');
        }
        ObjKind::Set(_) | ObjKind::FrozenSet(_) if exact(&types.set) || exact(&types.frozenset) => {
            let items = vm.iterate(&Value::Obj(o.clone()))?;
            out.push(if matches!(o.kind(), ObjKind::Set(_)) {
                b'<'
            } else {
                b'>'
            });
            write_len(vm, out, items.len())?;
            for item in items {
                write(vm, &item, out, depth + 1)?;
            }
        }
        _ => return Err(unmarshallable(vm)),
    }
    Ok(())
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    /// Objects flagged for reference, by index.
    refs: Vec<Value>,
    depth: usize,
}

impl<'a> Reader<'a> {
    fn new(data: &'a [u8]) -> Self {
        Reader {
            data,
            pos: 0,
            refs: Vec::new(),
            depth: 0,
        }
    }

    fn bad(vm: &Vm, what: &str) -> Obj {
        vm.value_error(format!("bad marshal data ({what})"))
    }

    fn take(&mut self, vm: &Vm, n: usize) -> PyResult<&'a [u8]> {
        if self.data.len() - self.pos < n {
            return Err(vm.new_exception_msg(&vm.exc.eof_error.clone(), "marshal data too short"));
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn u32(&mut self, vm: &Vm) -> PyResult<u32> {
        let b = self.take(vm, 4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn len(&mut self, vm: &Vm) -> PyResult<usize> {
        let n = self.u32(vm)? as i32;
        if n < 0 {
            return Err(Self::bad(vm, "size out of range"));
        }
        Ok(n as usize)
    }

    fn f64(&mut self, vm: &Vm) -> PyResult<f64> {
        let b = self.take(vm, 8)?;
        Ok(f64::from_le_bytes(b.try_into().expect("eight bytes")))
    }

    fn read_object(&mut self, vm: &mut Vm) -> PyResult {
        if self.pos >= self.data.len() {
            return Err(
                vm.new_exception_msg(&vm.exc.eof_error.clone(), "EOF read where object expected")
            );
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(vm.value_error("recursion limit exceeded"));
        }
        let code = self.data[self.pos];
        self.pos += 1;
        let flagged = code & FLAG_REF != 0;
        let slot = if flagged {
            self.refs.push(Value::None);
            Some(self.refs.len() - 1)
        } else {
            None
        };
        let v = self.read_body(vm, code & !FLAG_REF, slot)?;
        if let Some(i) = slot {
            self.refs[i] = v.clone();
        }
        self.depth -= 1;
        Ok(v)
    }

    fn text(&mut self, vm: &mut Vm, n: usize) -> PyResult {
        let bytes = self.take(vm, n)?.to_vec();
        match String::from_utf8(bytes.clone()) {
            Ok(s) => Ok(vm.new_string(s)),
            Err(_) => Ok(vm.new_pystr(crate::objects::str::PyStr::from_wtf8(bytes))),
        }
    }

    fn items(&mut self, vm: &mut Vm, n: usize) -> PyResult<Vec<Value>> {
        (0..n).map(|_| self.read_object(vm)).collect()
    }

    fn read_body(&mut self, vm: &mut Vm, code: u8, slot: Option<usize>) -> PyResult {
        Ok(match code {
            b'0' => return Err(Self::bad(vm, "NULL object in marshal data for object")),
            b'N' => Value::None,
            b'F' => Value::Bool(false),
            b'T' => Value::Bool(true),
            b'.' => Value::Obj(vm.ellipsis.clone()),
            b'S' => Value::Obj(vm.exc.stop_iteration.clone()),
            b'i' => Value::Int(self.u32(vm)? as i32 as i64),
            b'l' => {
                let count = self.u32(vm)? as i32;
                let mut magnitude = dashu_int::UBig::ZERO;
                let digits = self.take(vm, count.unsigned_abs() as usize * 2)?;
                for pair in digits.chunks(2).rev() {
                    let d = u16::from_le_bytes([pair[0], pair[1]]);
                    if d >= 1 << 15 {
                        return Err(Self::bad(vm, "digit out of range in long"));
                    }
                    magnitude = (magnitude << 15) + dashu_int::UBig::from(d);
                }
                let mut i = dashu_int::IBig::from(magnitude);
                if count < 0 {
                    i = -i;
                }
                vm.new_int(i)
            }
            b'g' => {
                let f = self.f64(vm)?;
                vm.new_float(f)
            }
            b'y' => {
                let (re, im) = (self.f64(vm)?, self.f64(vm)?);
                Value::Obj(Obj::new(vm.types.complex.clone(), ObjKind::Complex(re, im)))
            }
            b'f' | b'x' => {
                return Err(Self::bad(
                    vm,
                    "text floats of marshal version 0 are not supported",
                ))
            }
            b's' => {
                let n = self.len(vm)?;
                let b = self.take(vm, n)?.to_vec();
                vm.new_bytes(b)
            }
            b'u' | b't' | b'a' | b'A' => {
                let n = self.len(vm)?;
                self.text(vm, n)?
            }
            b'z' | b'Z' => {
                let n = self.take(vm, 1)?[0] as usize;
                self.text(vm, n)?
            }
            b')' => {
                let n = self.take(vm, 1)?[0] as usize;
                let items = self.items(vm, n)?;
                vm.new_tuple(items)
            }
            b'(' => {
                let n = self.len(vm)?;
                let items = self.items(vm, n)?;
                vm.new_tuple(items)
            }
            b'[' => {
                let n = self.len(vm)?;
                let list = vm.new_list(Vec::new());
                if let Some(i) = slot {
                    self.refs[i] = list.clone();
                }
                let items = self.items(vm, n)?;
                if let Some(ObjKind::List(l)) = list.kind() {
                    *l.borrow_mut() = items;
                }
                list
            }
            b'{' => {
                let d = vm.new_dict();
                if let Some(i) = slot {
                    self.refs[i] = d.clone();
                }
                let dict = d.as_obj().expect("a dict").clone();
                loop {
                    if self.data.get(self.pos) == Some(&b'0') {
                        self.pos += 1;
                        break;
                    }
                    let k = self.read_object(vm)?;
                    let v = self.read_object(vm)?;
                    crate::objects::dict::set(vm, &dict, k, v)?;
                }
                d
            }
            b'<' | b'>' => {
                let n = self.len(vm)?;
                let items = self.items(vm, n)?;
                let table = crate::objects::set::table_from(vm, items)?;
                Value::Obj(crate::objects::set::new_set_obj(vm, table, code == b'>'))
            }
            b'r' => {
                let i = self.u32(vm)? as usize;
                match self.refs.get(i) {
                    Some(v) => v.clone(),
                    None => return Err(Self::bad(vm, "invalid reference")),
                }
            }
            b'c' => {
                // Code this build of Krait wrote (another build's, or
                // CPython's, is refused).
                let Some((code, used)) = crate::import::unmarshal_code(&self.data[self.pos..])
                else {
                    return Err(Self::bad(
                        vm,
                        "code object from another build of Krait, or damaged",
                    ));
                };
                self.pos += used;
                vm.new_code_object(&code)
            }
            _ => return Err(Self::bad(vm, "unknown type code")),
        })
    }
}
