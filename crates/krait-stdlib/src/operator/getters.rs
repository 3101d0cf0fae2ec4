//! `itemgetter` and `attrgetter`: callables that fetch the same items or
//! attributes from whatever they are given.

use krait_vm::api::{
    self, native_data, Args, FunctionDef as F, NativeType, Obj, PyResult, Slots, TypeDef, Value, Vm,
};

/// The items to fetch.
struct ItemGetter(Vec<Value>);

/// The attributes to fetch, each a dotted path split at its dots.
struct AttrGetter {
    names: Vec<Value>,
    paths: Vec<Vec<Obj>>,
}

struct ItemGetterType;

impl NativeType for ItemGetterType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(|vm, o| getter_repr(vm, o, "itemgetter", &items_of(o).0)),
        call: Some(itemgetter_call),
        ..Slots::NONE
    };
}

struct AttrGetterType;

impl NativeType for AttrGetterType {
    const SLOTS: &'static Slots = &Slots {
        repr: Some(|vm, o| getter_repr(vm, o, "attrgetter", &attrs_of(o).names)),
        call: Some(attrgetter_call),
        ..Slots::NONE
    };
}

const ITEMGETTER_TYPE: TypeDef = TypeDef {
    name: "itemgetter",
    module: "operator",
    doc: Some("itemgetter(item, ...) --> itemgetter object\n\nReturn a callable object that fetches the given item(s) from its operand.\nAfter f = itemgetter(2), the call f(r) returns r[2].\nAfter g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])"),
    methods: &[
        F::new("__new__", itemgetter_new),
        F::method("__reduce__", |vm, a| {
            let o = a.pos[0].as_obj().cloned().expect("an itemgetter");
            let items = vm.new_tuple(items_of(&o).0.clone());
            Ok(vm.new_tuple(vec![Value::Obj(o.class().clone()), items]))
        })
        .no_args(),
    ],
};

const ATTRGETTER_TYPE: TypeDef = TypeDef {
    name: "attrgetter",
    module: "operator",
    doc: Some("attrgetter(attr, ...) --> attrgetter object\n\nReturn a callable object that fetches the given attribute(s) from its operand.\nAfter f = attrgetter('name'), the call f(r) returns r.name.\nAfter g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\nAfter h = attrgetter('name.first', 'name.last'), the call h(r) returns\n(r.name.first, r.name.last)."),
    methods: &[
        F::new("__new__", attrgetter_new),
        F::method("__reduce__", |vm, a| {
            let o = a.pos[0].as_obj().cloned().expect("an attrgetter");
            let names = vm.new_tuple(attrs_of(&o).names.clone());
            Ok(vm.new_tuple(vec![Value::Obj(o.class().clone()), names]))
        })
        .no_args(),
    ],
};

pub fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    let cls = vm.new_native_type::<ItemGetterType>(&ITEMGETTER_TYPE);
    api::add_attr(vm, m, "itemgetter", Value::Obj(cls));
    let cls = vm.new_native_type::<AttrGetterType>(&ATTRGETTER_TYPE);
    api::add_attr(vm, m, "attrgetter", Value::Obj(cls));
    Ok(())
}

fn items_of(o: &Obj) -> &ItemGetter {
    native_data::<ItemGetter>(o).expect("itemgetter methods are on itemgetters")
}

fn attrs_of(o: &Obj) -> &AttrGetter {
    native_data::<AttrGetter>(o).expect("attrgetter methods are on attrgetters")
}

fn no_keywords(vm: &Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{name}() takes no keyword arguments")))
    }
}

fn expected_one(vm: &Vm, name: &str, got: usize) -> krait_vm::api::Obj {
    if got == 0 {
        vm.type_error(format!("{name} expected 1 argument, got 0"))
    } else {
        vm.type_error(format!("{name} expected 1 argument, got {got}"))
    }
}

fn itemgetter_new(vm: &mut Vm, a: Args) -> PyResult {
    no_keywords(vm, &a, "itemgetter")?;
    let cls = a.pos[0].as_obj().cloned().expect("a class");
    let items: Vec<Value> = a.pos[1..].to_vec();
    if items.is_empty() {
        return Err(vm.type_error("itemgetter expected 1 argument, got 0"));
    }
    Ok(vm.new_native(&cls, ItemGetter(items)))
}

fn itemgetter_call(vm: &mut Vm, o: &Obj, a: Args) -> PyResult {
    no_keywords(vm, &a, "itemgetter")?;
    let [obj] = a.pos.as_slice() else {
        return Err(expected_one(vm, "itemgetter", a.pos.len()));
    };
    let items = &items_of(o).0;
    if let [item] = items.as_slice() {
        return vm.getitem(obj, item);
    }
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(vm.getitem(obj, item)?);
    }
    Ok(vm.new_tuple(out))
}

fn attrgetter_new(vm: &mut Vm, a: Args) -> PyResult {
    no_keywords(vm, &a, "attrgetter")?;
    let cls = a.pos[0].as_obj().cloned().expect("a class");
    let names: Vec<Value> = a.pos[1..].to_vec();
    if names.is_empty() {
        return Err(vm.type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut paths = Vec::with_capacity(names.len());
    for n in &names {
        let Some(text) = api::value_pystr(n) else {
            return Err(vm.type_error("attribute name must be a string"));
        };
        let text = text.to_string_lossy().into_owned();
        paths.push(text.split('.').map(|part| vm.intern(part)).collect());
    }
    Ok(vm.new_native(&cls, AttrGetter { names, paths }))
}

fn attrgetter_call(vm: &mut Vm, o: &Obj, a: Args) -> PyResult {
    no_keywords(vm, &a, "attrgetter")?;
    let [obj] = a.pos.as_slice() else {
        return Err(expected_one(vm, "attrgetter", a.pos.len()));
    };
    let paths = &attrs_of(o).paths;
    let fetch = |vm: &mut Vm, path: &[Obj]| -> PyResult {
        let mut v = obj.clone();
        for name in path {
            v = vm.getattr(&v, name)?;
        }
        Ok(v)
    };
    if let [path] = paths.as_slice() {
        return fetch(vm, path);
    }
    let mut out = Vec::with_capacity(paths.len());
    for path in paths {
        out.push(fetch(vm, path)?);
    }
    Ok(vm.new_tuple(out))
}

/// `operator.itemgetter(1, 'a')`; `...` inside when the repr recurses.
fn getter_repr(vm: &mut Vm, o: &Obj, name: &str, args: &[Value]) -> PyResult {
    if !vm.repr_enter(o) {
        return Ok(vm.new_string(format!("operator.{name}(...)")));
    }
    let mut parts = Vec::with_capacity(args.len());
    let mut result = Ok(());
    for v in args {
        match vm.repr_string(v) {
            Ok(r) => parts.push(r),
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    vm.repr_leave(o);
    result?;
    Ok(vm.new_string(format!("operator.{name}({})", parts.join(", "))))
}
