//! `_imp`: what `importlib`'s Python machinery asks of the interpreter.
//! Krait's built-in modules are its native modules; nothing is frozen;
//! C extension modules are found (so that a search stops at them) but
//! never loaded.

use crate::api::{FunctionDef as F, ModuleDef};
use crate::objects::function::Args;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub const MODULE: ModuleDef = ModuleDef {
    name: "_imp",
    doc: Some("(Extremely) low-level import machinery bits as used by importlib."),
    functions: &[
        F::new("lock_held", |_, _| Ok(Value::Bool(false))).no_args(),
        F::new("acquire_lock", |_, _| Ok(Value::None)).no_args(),
        F::new("release_lock", |_, _| Ok(Value::None)).no_args(),
        F::new("is_builtin", is_builtin).one(),
        F::new("create_builtin", create_builtin).one(),
        F::new("exec_builtin", |_, _| Ok(Value::Int(0))).one(),
        F::new("is_frozen", |_, _| Ok(Value::Bool(false))).one(),
        F::new("is_frozen_package", |_, _| Ok(Value::Bool(false))).one(),
        F::new("find_frozen", |_, _| Ok(Value::None)).named(&["name", "withdata"], 1, 1, 1),
        F::new("get_frozen_object", not_frozen).args(1, 2),
        F::new("init_frozen", not_frozen).one(),
        F::new("_frozen_module_names", |vm, _| Ok(vm.new_tuple(vec![]))).no_args(),
        F::new("extension_suffixes", |vm, _| {
            let suffixes = super::extension_suffixes()
                .iter()
                .map(|s| vm.new_str(s))
                .collect();
            Ok(vm.new_list(suffixes))
        })
        .no_args(),
        F::new("create_dynamic", create_dynamic).args(1, 2),
        F::new("exec_dynamic", |_, _| Ok(Value::Int(0))).one(),
        F::new("_fix_co_filename", |_, _| Ok(Value::None)).args(2, 2),
        F::new("source_hash", |vm, _| {
            Err(vm
                .not_implemented_error("_imp.source_hash: hash-based .pyc files are not supported"))
        })
        .named(&["key", "source"], 0, 2, 2),
        F::new("_override_frozen_modules_for_tests", |_, _| Ok(Value::None)).one(),
        F::new("_override_multi_interp_extensions_check", |_, _| {
            Ok(Value::Int(-1))
        })
        .one(),
    ],
    init: Some(|vm, m| {
        let v = vm.new_str("default");
        crate::api::add_attr(vm, m, "check_hash_based_pycs", v);
        Ok(())
    }),
};

fn spec_name(vm: &mut Vm, spec: &Value) -> PyResult<String> {
    let name = vm.getattr_str(spec, "name")?;
    crate::api::str_value(&name).ok_or_else(|| vm.type_error("spec name must be a str"))
}

/// 1 for a native module (CPython answers -1 for those that cannot be
/// initialised twice; none of Krait's are so bound).
fn is_builtin(vm: &mut Vm, a: Args) -> PyResult {
    let name = crate::api::str_value(&a.pos[0]).unwrap_or_default();
    let known = vm.native_module(&name).is_some() || matches!(name.as_str(), "sys" | "builtins");
    Ok(Value::Int(known as i64))
}

/// The native module a spec names: the one already made, or a new one.
fn create_builtin(vm: &mut Vm, a: Args) -> PyResult {
    let name = spec_name(vm, &a.pos[0])?;
    let key = vm.new_str(&name);
    let modules = vm.modules.clone();
    if let Some(m) = crate::objects::dict::get(vm, &modules, &key)? {
        return Ok(m);
    }
    match vm.native_module(&name) {
        Some(def) => Ok(Value::Obj(vm.instantiate_module(def)?)),
        None => Err(vm.new_exception_msg(
            &vm.exc.import_error.clone(),
            &format!("no built-in module named {name}"),
        )),
    }
}

fn create_dynamic(vm: &mut Vm, a: Args) -> PyResult {
    let name = spec_name(vm, &a.pos[0])?;
    let origin = vm.getattr_str(&a.pos[0], "origin")?;
    let file = crate::api::str_value(&origin).unwrap_or_default();
    Err(vm.extension_not_loadable(&name, &file))
}

fn not_frozen(vm: &mut Vm, a: Args) -> PyResult {
    let r = vm.repr(&a.pos[0])?;
    let r = crate::api::str_value(&r).unwrap_or_default();
    let e = vm.new_exception_msg(
        &vm.exc.import_error.clone(),
        &format!("No such frozen object named {r}"),
    );
    Err(e)
}
