//! `repr()`, `str()` and `ascii()`: native for the built-in types,
//! `__repr__`/`__str__` for everything else, with recursion guards for
//! self-referential and deeply nested containers.

use crate::object::ObjKind;
use crate::objects::str::value_pystr;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `repr(v)` as a str value.
    pub fn repr(&mut self, v: &Value) -> PyResult {
        match v {
            Value::None => Ok(Value::Obj(self.intern("None"))),
            Value::Truth(b) => Ok(Value::Obj(self.intern(if *b != 0 {
                "True"
            } else {
                "False"
            }))),
            Value::Int(i) => Ok(self.new_string(i.to_string())),
            Value::FloatBits(f) => {
                Ok(self.new_string(crate::objects::float::repr(f64::from_bits(*f))))
            }
            Value::Null => Ok(self.new_str("<NULL>")),
            Value::Obj(o) => match o.class().tdata().slots.get().repr {
                Some(f) => f(self, o),
                // (Only while the built-in types are being made.)
                None => {
                    let s = crate::objects::typeobject::object::default_repr(self, v);
                    Ok(self.new_string(s))
                }
            },
        }
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
            if o.class().is(&self.types.str_) {
                return Ok(v.clone());
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

    /// Starts the repr of container `o`: `false` if its repr is already
    /// being made (a cycle), as CPython's `Py_ReprEnter`. Each `true` must
    /// be followed by [`Vm::repr_leave`].
    pub fn repr_enter(&mut self, o: &Obj) -> bool {
        if self.repr_active.contains(&o.addr()) {
            return false;
        }
        self.repr_active.push(o.addr());
        true
    }

    /// Ends the repr of `o` started by [`Vm::repr_enter`].
    pub fn repr_leave(&mut self, o: &Obj) {
        if let Some(i) = self.repr_active.iter().rposition(|&a| a == o.addr()) {
            self.repr_active.remove(i);
        }
    }

    /// Repr of a container item sequence, guarding against cycles.
    pub fn seq_repr(&mut self, o: &Obj, open: &str, close: &str, items: Vec<Value>) -> PyResult {
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

    pub(crate) fn dict_repr(&mut self, o: &Obj, d: &Obj, open: &str, close: &str) -> PyResult {
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
}
