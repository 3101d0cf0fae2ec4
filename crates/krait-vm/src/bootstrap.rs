//! Start-up: gives every built-in type its base classes, MRO and
//! namespace, creates the exception classes, and fills the namespaces
//! and the `builtins` and `sys` modules.

use crate::object::ObjKind;
use crate::objects::dict::table::Dict;
use crate::value::{Obj, Value};
use crate::vm::Vm;
use std::cell::RefCell;

fn new_namespace(vm: &Vm) -> Obj {
    Obj::new(
        vm.types.dict.clone(),
        ObjKind::Dict(Box::new(RefCell::new(Dict::new()))),
    )
}

/// Sets a built-in type's bases and MRO and gives it a namespace.
pub fn set_bases(vm: &Vm, ty: &Obj, bases: &[Obj]) {
    let t = ty.tdata();
    *t.bases.borrow_mut() = bases.to_vec();
    for base in bases {
        base.tdata()
            .subclasses
            .borrow_mut()
            .push(std::rc::Rc::downgrade(&ty.0));
    }
    let mro = crate::objects::typeobject::c3_mro(ty, bases).unwrap_or_else(|_| vec![ty.clone()]);
    *t.mro.borrow_mut() = mro;
    if let Some(base) = bases.first() {
        crate::objects::typeobject::slots::inherit_from_base(ty, base);
    }
    ty.object().dict_or_init(|| new_namespace(vm));
}

pub fn init_types(vm: &mut Vm) {
    let object = vm.types.object.clone();
    set_bases(vm, &object, &[]);
    let t = &vm.types;
    let simple: Vec<Obj> = vec![
        t.type_.clone(),
        t.none.clone(),
        t.int.clone(),
        t.float.clone(),
        t.complex.clone(),
        t.str_.clone(),
        t.bytes.clone(),
        t.bytearray.clone(),
        t.tuple.clone(),
        t.list.clone(),
        t.dict.clone(),
        t.set.clone(),
        t.frozenset.clone(),
        t.range.clone(),
        t.slice.clone(),
        t.function.clone(),
        t.builtin_function.clone(),
        t.method.clone(),
        t.code.clone(),
        t.cell.clone(),
        t.module.clone(),
        t.generator.clone(),
        t.coroutine.clone(),
        t.async_generator.clone(),
        t.async_generator_asend.clone(),
        t.async_generator_athrow.clone(),
        t.async_generator_wrapped_value.clone(),
        t.anext_awaitable.clone(),
        t.memoryview.clone(),
        t.property.clone(),
        t.classmethod.clone(),
        t.staticmethod.clone(),
        t.super_.clone(),
        t.not_implemented_type.clone(),
        t.ellipsis_type.clone(),
        t.list_iterator.clone(),
        t.tuple_iterator.clone(),
        t.str_iterator.clone(),
        t.range_iterator.clone(),
        t.longrange_iterator.clone(),
        t.dict_keyiterator.clone(),
        t.dict_valueiterator.clone(),
        t.dict_itemiterator.clone(),
        t.set_iterator.clone(),
        t.callable_iterator.clone(),
        t.generic_alias_iterator.clone(),
        t.iterator.clone(),
        t.reversed.clone(),
        t.enumerate.clone(),
        t.zip.clone(),
        t.map.clone(),
        t.filter.clone(),
        t.dict_keys.clone(),
        t.dict_values.clone(),
        t.dict_items.clone(),
        t.mappingproxy.clone(),
        t.simple_namespace.clone(),
        t.weakref.clone(),
        t.weakproxy.clone(),
        t.weakcallableproxy.clone(),
        t.traceback.clone(),
        t.frame.clone(),
        t.member_descriptor.clone(),
        t.getset_descriptor.clone(),
        t.generic_alias.clone(),
        t.union_type.clone(),
    ];
    for ty in &simple {
        set_bases(vm, ty, std::slice::from_ref(&object));
    }
    let (bool_, int) = (vm.types.bool_.clone(), vm.types.int.clone());
    set_bases(vm, &bool_, &[int]);
    // Exception classes.
    let type_ = vm.types.type_.clone();
    let ns_vm: &Vm = vm;
    let exc = crate::objects::exceptions::ExcTypes::create(
        |name, bases| {
            let c = crate::objects::exceptions::exception_class(&type_, name);
            set_bases(ns_vm, &c, bases);
            c
        },
        &object,
    );
    // Built-in classes answer `__module__` through `type`'s descriptor
    // (from their full name), not from their dict, so their instances
    // have no `__module__`, as in CPython.
    vm.exc = exc;
    crate::objects::typeobject::object::register(vm);
    crate::objects::typeobject::class::register(vm);
    crate::objects::typeobject::super_::register(vm);
    crate::objects::union::register(vm);
    crate::objects::traceback::register(vm);
    crate::objects::weakref::register(vm);
    crate::objects::namespace::register(vm);
    crate::objects::int::methods::register(vm);
    crate::objects::float::methods::register(vm);
    crate::objects::str::methods::register(vm);
    crate::objects::bytes::register(vm);
    crate::objects::bytes::methods::register(vm);
    crate::objects::exceptions::group::register(vm);
    crate::objects::list::register(vm);
    crate::objects::tuple::register(vm);
    crate::objects::dict::methods::register(vm);
    crate::objects::set::methods::register(vm);
    crate::objects::function::register(vm);
    crate::objects::range::register(vm);
    crate::objects::slice::register(vm);
    crate::objects::descr::register(vm);
    crate::objects::iterators::register(vm);
    crate::objects::generic_alias::register(vm);
    crate::objects::mappingproxy::register(vm);
    crate::objects::module::register(vm);
    crate::objects::code::register(vm);
    crate::objects::singletons::register(vm);
    crate::objects::complex::register(vm);
    crate::objects::exceptions::methods::register(vm);
    crate::objects::generator::register(vm);
    crate::objects::asyncgen::register(vm);
    crate::objects::bytes::memoryview::register(vm);
    crate::modules::builtins::register(vm);
    crate::modules::sys::register(vm);
    // Every built-in type's slots for the protocols its dunders implement
    // as plain methods.
    crate::objects::typeobject::dunder_slots::refill(&object);
}

/// Puts a value in a type's (or module's) namespace.
pub fn set_attr_str(vm: &mut Vm, o: &Obj, name: &str, value: Value) {
    let key = vm.intern(name);
    let d = o.object().dict_or_init(|| new_namespace(vm)).clone();
    crate::objects::dict::set_str(vm, &d, key, value);
    vm.type_modified(o);
}
