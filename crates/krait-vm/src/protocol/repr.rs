//! `repr()`, `str()` and `ascii()`: native for the built-in types,
//! `__repr__`/`__str__` for everything else, with recursion guards for
//! self-referential and deeply nested containers.

use crate::object::ObjKind;
use crate::objects::str::value_pystr;
use crate::objects::str::PyStr;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_values::float::float_repr;
use krait_values::text::{write_bytes_repr, write_str_repr};

/// `repr` of a complex number: `(1+2j)`, `1j`, `(-0+1j)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    let part = |x: f64| float_repr(x, false);
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

pub fn str_repr(s: &PyStr) -> String {
    let mut out = String::with_capacity(s.as_bytes().len() + 2);
    write_str_repr(&mut out, s.code_points());
    out
}

pub fn bytes_repr(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len() + 3);
    write_bytes_repr(&mut out, b);
    out
}

impl Vm {
    /// `repr(v)` as a str value.
    pub fn repr(&mut self, v: &Value) -> PyResult {
        match v {
            Value::None => return Ok(Value::Obj(self.intern("None"))),
            Value::Truth(b) => {
                return Ok(Value::Obj(self.intern(if *b != 0 {
                    "True"
                } else {
                    "False"
                })))
            }
            Value::Int(i) => return Ok(self.new_string(i.to_string())),
            Value::FloatBits(f) => {
                return Ok(self.new_string(crate::objects::float::repr(f64::from_bits(*f))))
            }
            Value::Null => return Ok(self.new_str("<NULL>")),
            Value::Obj(o) => {
                if !o.class().tdata().heap {
                    if let Some(r) = self.native_repr(o) {
                        return r;
                    }
                }
            }
        }
        let cls = self.class_of(v).clone();
        let name = self.names.repr.clone();
        let m = self.lookup_type_obj(&cls, &name);
        let r = match m {
            Some(m) => {
                self.enter_recursion(" while getting the repr of an object")?;
                let r = self.call_method_value(&m, v.clone(), vec![]);
                self.leave_recursion();
                r?
            }
            None => {
                let s = crate::objects::typeobject::object::default_repr(self, v);
                self.new_string(s)
            }
        };
        if value_pystr(&r).is_none() {
            return Err(self.type_error(format!(
                "__repr__ returned non-string (type {})",
                self.type_name(&r)
            )));
        }
        Ok(r)
    }

    /// `repr(v)` as Rust text.
    pub fn repr_string(&mut self, v: &Value) -> PyResult<String> {
        let r = self.repr(v)?;
        Ok(value_pystr(&r)
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default())
    }

    /// `str(v)` as Rust text.
    pub fn str_string(&mut self, v: &Value) -> PyResult<String> {
        let r = self.str(v)?;
        Ok(value_pystr(&r)
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default())
    }

    /// `str(v)`.
    pub fn str(&mut self, v: &Value) -> PyResult {
        if let Value::Obj(o) = v {
            if let ObjKind::Str(_) = o.kind() {
                if o.class().is(&self.types.str_) {
                    return Ok(v.clone());
                }
            }
            if !o.class().tdata().heap {
                if let ObjKind::Exception(_) = o.kind() {
                    return crate::objects::exceptions::methods::exception_str(self, o);
                }
            }
        } else {
            return self.repr(v);
        }
        let cls = self.class_of(v).clone();
        let name = self.names.str_.clone();
        let m = self.lookup_type_obj(&cls, &name);
        let r = match m {
            Some(m) => {
                self.enter_recursion(" while getting the str of an object")?;
                let r = self.call_method_value(&m, v.clone(), vec![]);
                self.leave_recursion();
                r?
            }
            None => return self.repr(v),
        };
        if value_pystr(&r).is_none() {
            return Err(self.type_error(format!(
                "__str__ returned non-string (type {})",
                self.type_name(&r)
            )));
        }
        Ok(r)
    }

    /// `ascii(v)`: the repr with non-ASCII characters escaped.
    pub fn ascii(&mut self, v: &Value) -> PyResult {
        let r = self.repr(v)?;
        let Some(s) = value_pystr(&r) else {
            return Ok(r);
        };
        if s.is_ascii() {
            return Ok(r);
        }
        let mut out = String::new();
        for cp in s.code_points() {
            match cp {
                0..=0x7F => out.push(cp as u8 as char),
                0x80..=0xFF => out.push_str(&format!("\\x{cp:02x}")),
                0x100..=0xFFFF => out.push_str(&format!("\\u{cp:04x}")),
                _ => out.push_str(&format!("\\U{cp:08x}")),
            }
        }
        Ok(self.new_string(out))
    }

    /// Repr of a container item sequence, guarding against cycles.
    fn seq_repr(&mut self, o: &Obj, open: &str, close: &str, items: Vec<Value>) -> PyResult {
        if self.repr_active.contains(&o.addr()) {
            return Ok(self.new_string(format!("{open}...{close}")));
        }
        self.enter_recursion(" while getting the repr of an object")?;
        self.repr_active.push(o.addr());
        let r = (|| {
            let mut out = String::from(open);
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&self.repr_string(item)?);
            }
            out.push_str(close);
            Ok(out)
        })();
        self.repr_active.pop();
        self.leave_recursion();
        r.map(|s| self.new_string(s))
    }

    fn dict_repr(&mut self, o: &Obj, d: &Obj, open: &str, close: &str) -> PyResult {
        if self.repr_active.contains(&o.addr()) {
            return Ok(self.new_str("{...}"));
        }
        let entries: Vec<(Value, Value)> = crate::objects::dict::dict_cell(d)
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect();
        self.enter_recursion(" while getting the repr of an object")?;
        self.repr_active.push(o.addr());
        let r = (|| {
            let mut out = String::from(open);
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&self.repr_string(k)?);
                out.push_str(": ");
                out.push_str(&self.repr_string(v)?);
            }
            out.push_str(close);
            Ok(out)
        })();
        self.repr_active.pop();
        self.leave_recursion();
        r.map(|s| self.new_string(s))
    }

    /// The repr of a built-in object by payload, or `None` to use
    /// `__repr__`.
    pub fn native_repr(&mut self, o: &Obj) -> Option<PyResult> {
        let s = match o.kind() {
            ObjKind::Str(s) => str_repr(s),
            ObjKind::Int(b) => {
                return Some(
                    crate::objects::int::methods::int_to_decimal(self, b)
                        .map(|s| self.new_string(s)),
                )
            }
            ObjKind::Float(f) => crate::objects::float::repr(*f),
            ObjKind::Complex(re, im) => complex_repr(*re, *im),
            ObjKind::Bytes(b) => bytes_repr(b),
            ObjKind::ByteArray(b) => format!("bytearray({})", bytes_repr(&b.borrow())),
            ObjKind::List(l) => {
                let items = l.borrow().clone();
                return Some(self.seq_repr(o, "[", "]", items));
            }
            // Tuple subclasses of the runtime (struct sequences) have
            // their own `__repr__`; classes defined in Python inherit
            // tuple's.
            ObjKind::Tuple(_) if !o.class().is(&self.types.tuple) && !o.class().tdata().heap => {
                return None
            }
            ObjKind::Tuple(t) => {
                if t.len() == 1 {
                    let items = t.to_vec();
                    return Some(self.seq_repr(o, "(", ",)", items));
                }
                let items = t.to_vec();
                return Some(self.seq_repr(o, "(", ")", items));
            }
            ObjKind::Dict(_) => return Some(self.dict_repr(o, o, "{", "}")),
            ObjKind::Set(_) | ObjKind::FrozenSet(_) => {
                let items: Vec<Value> = crate::objects::set::with_table(o, |t| {
                    t.iter().map(|(_, v)| v.clone()).collect()
                })
                .unwrap_or_default();
                let frozen = matches!(o.kind(), ObjKind::FrozenSet(_));
                let name = o.class().tdata().name.borrow().clone();
                if items.is_empty() {
                    format!("{name}()")
                } else if frozen || !o.class().is(&self.types.set) {
                    let open = format!("{name}({{");
                    return Some(self.seq_repr(o, &open, "})", items));
                } else {
                    return Some(self.seq_repr(o, "{", "}", items));
                }
            }
            ObjKind::Range { .. } => crate::objects::range::repr(o),
            ObjKind::Slice { start, stop, step } => {
                let (a, b, c) = (start.clone(), stop.clone(), step.clone());
                let r = (|| -> PyResult<String> {
                    Ok(format!(
                        "slice({}, {}, {})",
                        self.repr_string(&a)?,
                        self.repr_string(&b)?,
                        self.repr_string(&c)?
                    ))
                })();
                return Some(r.map(|s| self.new_string(s)));
            }
            ObjKind::Type(_) => crate::objects::typeobject::class::type_repr_string(self, o),
            ObjKind::Module(m) => {
                let file = o
                    .object()
                    .dict()
                    .and_then(|d| crate::objects::dict::get_str(d, "__file__"));
                match file.as_ref().and_then(value_pystr) {
                    Some(f) => format!("<module '{}' from '{}'>", m.name, f.to_string_lossy()),
                    None => format!("<module '{}' (built-in)>", m.name),
                }
            }
            ObjKind::Function(f) => {
                format!(
                    "<function {} at {:#x}>",
                    crate::eval::call::qualname(f),
                    o.addr()
                )
            }
            ObjKind::Builtin(b) => {
                if b.receiver.is_null() {
                    match &b.owner {
                        Some(owner) if b.is_method || b.is_classmethod => format!(
                            "<method '{}' of '{}' objects>",
                            b.name,
                            owner.tdata().name.borrow()
                        ),
                        _ => format!("<built-in function {}>", b.name),
                    }
                } else {
                    let recv = b.receiver.clone();
                    match &recv {
                        Value::Obj(r) if matches!(r.kind(), ObjKind::Module(_)) => {
                            format!("<built-in function {}>", b.name)
                        }
                        Value::Obj(r) if r.type_data().is_some() => format!(
                            "<built-in method {} of type object at {:#x}>",
                            b.name,
                            r.addr()
                        ),
                        _ => format!(
                            "<built-in method {} of {} object at {:#x}>",
                            b.name,
                            self.type_name(&recv),
                            match &recv {
                                Value::Obj(r) => r.addr(),
                                _ => 0,
                            }
                        ),
                    }
                }
            }
            ObjKind::BoundMethod { func, receiver } => {
                let (func, receiver) = (func.clone(), receiver.clone());
                let r = (|| -> PyResult<String> {
                    let qn = self.intern("__qualname__");
                    let name = match self.getattr(&func, &qn) {
                        Ok(n) => self.str_string(&n)?,
                        Err(_) => "?".into(),
                    };
                    Ok(format!(
                        "<bound method {} of {}>",
                        name,
                        self.repr_string(&receiver)?
                    ))
                })();
                return Some(r.map(|s| self.new_string(s)));
            }
            ObjKind::Code(c) => format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.code.name,
                o.addr(),
                c.code.filename,
                c.code.first_lineno
            ),
            ObjKind::Cell(c) => {
                let v = c.borrow().clone();
                match v {
                    Value::Null => format!("<cell at {:#x}: empty>", o.addr()),
                    v => format!(
                        "<cell at {:#x}: {} object at {:#x}>",
                        o.addr(),
                        self.type_name(&v),
                        v.as_obj().map(|x| x.addr()).unwrap_or(0)
                    ),
                }
            }
            ObjKind::Generator(g) => {
                let g = g.borrow();
                let what = match g.kind {
                    crate::object::GenKind::Generator => "generator",
                    crate::object::GenKind::Coroutine => "coroutine",
                    crate::object::GenKind::AsyncGenerator => "async_generator",
                };
                format!("<{what} object {} at {:#x}>", g.qualname, o.addr())
            }
            ObjKind::Exception(_) => {
                return Some(crate::objects::exceptions::methods::exception_repr(self, o))
            }
            ObjKind::NotImplemented => "NotImplemented".into(),
            ObjKind::Ellipsis => "Ellipsis".into(),
            ObjKind::DictView { dict, what } => {
                let name = ["dict_keys", "dict_values", "dict_items"][*what as usize];
                let items: Vec<Value> = {
                    let d = crate::objects::dict::dict_cell(dict).borrow();
                    d.iter()
                        .map(|e| match what {
                            0 => e.key.clone(),
                            1 => e.value.clone(),
                            _ => Value::Null,
                        })
                        .collect()
                };
                let items = if *what == 2 {
                    let d = crate::objects::dict::dict_cell(dict)
                        .borrow()
                        .iter()
                        .map(|e| (e.key.clone(), e.value.clone()))
                        .collect::<Vec<_>>();
                    d.into_iter()
                        .map(|(k, v)| self.new_tuple(vec![k, v]))
                        .collect()
                } else {
                    items
                };
                let open = format!("{name}([");
                return Some(self.seq_repr(o, &open, "])", items));
            }
            ObjKind::MappingProxy(c) => {
                let d = c.object().dict()?.clone();
                return Some(self.dict_repr(o, &d, "mappingproxy({", "})"));
            }
            ObjKind::Member { name, owner, .. } => format!(
                "<member '{}' of '{}' objects>",
                name,
                owner.tdata().name.borrow()
            ),
            _ => return None,
        };
        Some(Ok(self.new_string(s)))
    }
}
