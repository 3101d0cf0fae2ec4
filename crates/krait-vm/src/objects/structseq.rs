//! Struct sequences: tuples whose items are also named fields
//! (`sys.version_info`, `os.stat_result`, `time.struct_time`).
//!
//! A struct sequence type is a subclass of `tuple` with a member
//! descriptor per field. The first `visible` fields are the tuple's
//! items; the others (`stat_result.st_atime` and the like) are reached by
//! name only and kept in the instance's dict, as CPython keeps them past
//! the tuple's length.

use crate::api::{add_methods, FunctionDef};
use crate::bootstrap::set_attr_str;
use crate::object::ObjKind;
use crate::objects::typeobject::slots::{install, NativeType, Slots};
use crate::objects::typeobject::{Layout, TypeData};
use crate::value::{Obj, Value};
use crate::vm::Vm;

/// A struct sequence type's definition.
pub struct StructSeqDef {
    /// The name as CPython shows it in reprs and messages
    /// (`os.stat_result`); `__name__` is the part after the last dot.
    pub name: &'static str,
    /// `__module__`.
    pub module: &'static str,
    pub doc: Option<&'static str>,
    pub fields: &'static [&'static str],
    /// How many fields are tuple items.
    pub visible: usize,
}

impl Vm {
    /// Makes the struct sequence type `def` describes.
    pub fn new_struct_seq_type(&mut self, def: &StructSeqDef) -> Obj {
        let short = def.name.rsplit('.').next().unwrap_or(def.name);
        let data = TypeData::new(short, Layout::Tuple, false);
        *data.full_name.borrow_mut() = Some(def.name.to_owned());
        *data.slot_names.borrow_mut() = def.fields.iter().map(|f| f.to_string()).collect();
        let cls = Obj::new(self.types.type_.clone(), ObjKind::Type(Box::new(data)));
        let tuple = self.types.tuple.clone();
        crate::bootstrap::set_bases(self, &cls, std::slice::from_ref(&tuple));
        let module = Value::Obj(self.intern(def.module));
        set_attr_str(self, &cls, "__module__", module);
        let doc = def.doc.map_or(Value::None, |d| self.new_str(d));
        set_attr_str(self, &cls, "__doc__", doc);
        for (index, field) in def.fields.iter().enumerate() {
            let member = Value::Obj(Obj::new(
                self.types.member_descriptor.clone(),
                ObjKind::Member {
                    name: field.to_string(),
                    index,
                    owner: cls.clone(),
                },
            ));
            set_attr_str(self, &cls, field, member);
        }
        let n = def.fields.len() as i64;
        set_attr_str(
            self,
            &cls,
            "n_sequence_fields",
            Value::Int(def.visible as i64),
        );
        set_attr_str(self, &cls, "n_fields", Value::Int(n));
        // A name given twice (`stat_result`'s whole-second times) counts
        // as unnamed, as CPython has them.
        let distinct: std::collections::HashSet<&str> = def.fields.iter().copied().collect();
        let unnamed = (def.fields.len() - distinct.len()) as i64;
        set_attr_str(self, &cls, "n_unnamed_fields", Value::Int(unnamed));
        let names: Vec<Value> = def.fields[..def.visible]
            .iter()
            .map(|f| self.new_str(f))
            .collect();
        let names = self.new_tuple(names);
        set_attr_str(self, &cls, "__match_args__", names);
        add_methods(self, &cls, METHODS);
        install::<StructSeqType>(self, &cls);
        crate::objects::typeobject::dunder_slots::refill(&cls);
        cls
    }

    /// An instance of struct sequence type `cls`, one value per field.
    pub fn new_struct_seq(&self, cls: &Obj, mut values: Vec<Value>) -> Value {
        let visible = visible_fields(cls);
        let hidden = values.split_off(visible.min(values.len()));
        let o = Obj::new(cls.clone(), ObjKind::Tuple(values.into_boxed_slice()));
        if !hidden.is_empty() {
            let names = cls.tdata().slot_names.borrow().clone();
            let d = self.new_dict_obj(crate::objects::dict::table::Dict::new());
            for (name, v) in names[visible..].iter().zip(hidden) {
                let key = self.new_str(name);
                crate::objects::dict::set_str_at(&d, key.as_obj().unwrap().clone(), v);
            }
            let _ = o.object().dict_or_init(|| d);
        }
        Value::Obj(o)
    }
}

/// How many fields of struct sequence type `cls` are tuple items.
fn visible_fields(cls: &Obj) -> usize {
    let d = cls.object().dict().expect("a class namespace");
    crate::objects::dict::get_str(d, "n_sequence_fields")
        .and_then(|v| crate::objects::int::small(&v))
        .unwrap_or(0) as usize
}

/// Field `index` (named `name`) of a struct sequence, for its member
/// descriptor.
pub(crate) fn field(o: &Value, index: usize, name: &str) -> Option<Value> {
    let Some(ObjKind::Tuple(items)) = o.kind() else {
        return None;
    };
    if let Some(v) = items.get(index) {
        return Some(v.clone());
    }
    let d = o.as_obj()?.object().dict()?;
    Some(crate::objects::dict::get_str(d, name).unwrap_or(Value::None))
}

struct StructSeqType;

impl NativeType for StructSeqType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(|vm, o| {
            let cls = o.class().clone();
            let name = cls.type_name();
            let fields = cls.tdata().slot_names.borrow().clone();
            let ObjKind::Tuple(items) = o.kind() else {
                unreachable!("struct sequences are tuples")
            };
            let mut parts = Vec::with_capacity(items.len());
            for (f, v) in fields.iter().zip(items.iter()) {
                parts.push(format!("{f}={}", vm.repr_string(v)?));
            }
            Ok(vm.new_string(format!("{name}({})", parts.join(", "))))
        }),
        ..*<crate::objects::tuple::TupleType as NativeType>::SLOTS
    };
}

const METHODS: &[FunctionDef] = &[
    // `cls(sequence, dict=None)`: the visible fields from the sequence,
    // the others from it or the dict.
    FunctionDef::new("__new__", |vm, a| {
        let cls = a.pos[0].as_obj().cloned().expect("a class");
        let params = crate::api::Params::Named {
            names: &["sequence", "dict"],
            posonly: 0,
            positional: 2,
            required: 1,
        };
        let name = cls.type_name();
        let b = params.bind(vm, &name, a, 1)?;
        let items = vm.iterate(b.given(1).expect("required"))?;
        let fields = cls.tdata().slot_names.borrow().clone();
        let visible = visible_fields(&cls);
        let n = items.len();
        if n < visible || n > fields.len() {
            let (bound, k) = if n < visible {
                ("at least", visible)
            } else {
                ("at most", fields.len())
            };
            let bound = if visible == fields.len() { "a" } else { bound };
            return Err(vm.type_error(format!(
                "{name}() takes {bound} {k}-sequence ({n}-sequence given)"
            )));
        }
        let mut values = items;
        let dict = b.given(2).cloned();
        for f in &fields[n..] {
            let v = match &dict {
                Some(d) if !d.is_none() => {
                    let key = vm.new_str(f);
                    vm.call_method(d, "get", vec![key])?
                }
                _ => Value::None,
            };
            values.push(v);
        }
        Ok(vm.new_struct_seq(&cls, values))
    }),
    FunctionDef::method("__reduce__", |vm, a| {
        let o = a.pos[0].clone();
        let cls = vm.class_of(&o).clone();
        let visible = visible_fields(&cls);
        let fields = cls.tdata().slot_names.borrow().clone();
        let items = crate::eval::tuple_items(&o).to_vec();
        let d = vm.new_dict();
        for (i, f) in fields.iter().enumerate().skip(visible) {
            let v = field(&o, i, f).unwrap_or(Value::None);
            let key = vm.new_str(f);
            vm.setitem(&d, key, v)?;
        }
        let t = vm.new_tuple(items);
        let args = vm.new_tuple(vec![t, d]);
        Ok(vm.new_tuple(vec![Value::Obj(cls), args]))
    })
    .no_args(),
];
