//! The modules that live inside the VM: `builtins`, `sys`, the standard
//! streams, and the modules bound up with the object model (`_weakref`).

pub(crate) mod ast;
pub(crate) mod atexit;
pub(crate) mod builtins;
pub(crate) mod gc;
pub(crate) mod marshal;
pub(crate) mod stdio;
pub mod stdlib_path;
pub(crate) mod stream_buffers;
pub(crate) mod streams;
pub(crate) mod symtable;
pub(crate) mod sys;
pub(crate) mod warnings;

/// The native modules every VM has, whatever else is registered.
pub(crate) const CORE_MODULES: &[&crate::api::ModuleDef] = &[
    &crate::objects::weakref::MODULE,
    &crate::codecs::module::MODULE,
    &ast::MODULE,
    &crate::import::imp::MODULE,
    &warnings::MODULE,
    &marshal::MODULE,
    &atexit::MODULE,
    &gc::MODULE,
    &symtable::MODULE,
];

/// The attributes every module has, for the two modules the VM makes
/// before it can make modules the usual way.
pub(crate) fn set_module_identity(vm: &mut crate::Vm, m: &crate::value::Obj, name: &str) {
    use crate::bootstrap::set_attr_str;
    use crate::value::Value;
    let n = vm.new_str(name);
    set_attr_str(vm, m, "__name__", n);
    let empty = vm.new_str("");
    set_attr_str(vm, m, "__package__", empty);
    set_attr_str(vm, m, "__spec__", Value::None);
    set_attr_str(vm, m, "__loader__", Value::None);
}
