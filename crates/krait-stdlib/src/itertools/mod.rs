//! `itertools`: the iterator building blocks, each a type whose instances
//! hold their state as a Rust value. Callbacks into Python (a predicate,
//! the next item of an input) run with no borrow of that state held, so a
//! callback that touches the iterator again cannot corrupt it.

mod combinatorics;
mod grouping;
mod pickling;
mod simple;

use krait_vm::api::{
    add_attr, native_data, ModuleDef, NativeType, Obj, PyResult, TypeDef, Value, Vm,
};

pub const MODULE: ModuleDef = ModuleDef {
    name: "itertools",
    doc: Some(
        "Functional tools for creating and using iterators.\n\n\
         Infinite iterators:\n\
         count(start=0, step=1) --> start, start+step, start+2*step, ...\n\
         cycle(p) --> p0, p1, ... plast, p0, p1, ...\n\
         repeat(elem [,n]) --> elem, elem, elem, ... endlessly or up to n times\n",
    ),
    functions: &[grouping::TEE],
    init: Some(init),
};

fn init(vm: &mut Vm, m: &Obj) -> PyResult<()> {
    simple::add_types(vm, m);
    combinatorics::add_types(vm, m);
    grouping::add_types(vm, m);
    Ok(())
}

/// Makes the type `T` described by `def`, which classes defined in
/// Python may derive from, and puts it in the module.
fn add_type<T: NativeType>(vm: &mut Vm, m: &Obj, def: &TypeDef) -> Obj {
    let cls = vm.new_native_base_type::<T>(def);
    add_attr(vm, m, def.name, Value::Obj(cls.clone()));
    cls
}

/// The same for a helper type that cannot be subclassed (`_grouper`).
fn add_final_type<T: NativeType>(vm: &mut Vm, m: &Obj, def: &TypeDef) -> Obj {
    let cls = vm.new_native_type::<T>(def);
    add_attr(vm, m, def.name, Value::Obj(cls.clone()));
    cls
}

/// The state of an instance of an itertools type.
fn state<T: 'static>(o: &Obj) -> &T {
    native_data::<T>(o).expect("itertools slots are installed on their own types")
}

/// The class a `__new__` was called for.
fn class_arg(a: &krait_vm::api::Args) -> Obj {
    a.pos[0]
        .as_obj()
        .cloned()
        .expect("__new__ receives its class")
}

/// Refuses keyword arguments, in CPython's words for a type, unless the
/// class is a subclass with an `__init__` of its own to take them.
fn no_keywords(vm: &mut Vm, a: &krait_vm::api::Args, name: &str) -> PyResult<()> {
    let mut own_init = || {
        let cls = class_arg(a);
        let object = vm.types.object.clone();
        match (
            vm.lookup_type(&cls, "__init__"),
            vm.lookup_type(&object, "__init__"),
        ) {
            (Some(mine), Some(base)) => !mine.is(&base),
            _ => false,
        }
    };
    if a.kw.is_empty() || own_init() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// Checks the number of positional arguments after the class, worded as
/// CPython's `PyArg_UnpackTuple`.
fn arity(vm: &Vm, a: &krait_vm::api::Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = a.pos.len() - 1;
    if n < min {
        let bound = if min == max { "" } else { "at least " };
        let s = if min == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("{name} expected {bound}{min} argument{s}, got {n}")));
    }
    if n > max {
        let bound = if min == max { "" } else { "at most " };
        let s = if max == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("{name} expected {bound}{max} argument{s}, got {n}")));
    }
    Ok(())
}
