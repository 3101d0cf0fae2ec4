//! `gc`: the garbage collector's interface. Krait frees objects by
//! reference counting; reference cycles are not collected yet (the
//! robustness issue adds a cycle collector), so `collect()` runs pending
//! finalizers and reports that it found nothing to free.

use crate::api::{FunctionDef as F, ModuleDef};
use crate::value::Value;

pub const MODULE: ModuleDef = ModuleDef {
    name: "gc",
    doc: Some("This module provides access to the garbage collector for reference cycles."),
    functions: &[
        F::new("collect", |vm, _| {
            vm.run_finalizers();
            Ok(Value::Int(0))
        })
        .named(&["generation"], 0, 1, 0),
        F::new("enable", |vm, _| {
            vm.gc_enabled = true;
            Ok(Value::None)
        })
        .no_args(),
        F::new("disable", |vm, _| {
            vm.gc_enabled = false;
            Ok(Value::None)
        })
        .no_args(),
        F::new("isenabled", |vm, _| Ok(Value::Bool(vm.gc_enabled))).no_args(),
        F::new("get_threshold", |vm, _| {
            let t = vm.gc_threshold;
            Ok(vm.new_tuple(t.iter().map(|&n| Value::Int(n)).collect()))
        })
        .no_args(),
        F::new("set_threshold", |vm, a| {
            for (i, v) in a.pos.iter().take(3).enumerate() {
                vm.gc_threshold[i] = crate::api::small_int(v)
                    .ok_or_else(|| vm.type_error("an integer is required"))?;
            }
            Ok(Value::None)
        })
        .args(1, 3),
        F::new(
            "get_count",
            |vm, _| Ok(vm.new_tuple(vec![Value::Int(0); 3])),
        )
        .no_args(),
        F::new("is_tracked", |_, a| {
            Ok(Value::Bool(matches!(
                a.pos[0].kind(),
                Some(k) if !matches!(
                    k,
                    crate::object::ObjKind::Str(_)
                        | crate::object::ObjKind::Int(_)
                        | crate::object::ObjKind::Float(_)
                        | crate::object::ObjKind::Bytes(_)
                )
            )))
        })
        .one(),
        F::new("is_finalized", |_, _| Ok(Value::Bool(false))).one(),
        F::new("freeze", |_, _| Ok(Value::None)).no_args(),
        F::new("unfreeze", |_, _| Ok(Value::None)).no_args(),
        F::new("get_freeze_count", |_, _| Ok(Value::Int(0))).no_args(),
        F::new("get_objects", |vm, _| {
            Err(vm.not_implemented_error("gc.get_objects() is not supported by Krait yet"))
        }),
        F::new("get_referrers", |vm, _| {
            Err(vm.not_implemented_error("gc.get_referrers() is not supported by Krait yet"))
        }),
        F::new("get_referents", |vm, _| {
            Err(vm.not_implemented_error("gc.get_referents() is not supported by Krait yet"))
        }),
        F::new("get_stats", |vm, _| {
            let mut gens = Vec::new();
            for _ in 0..3 {
                let d = vm.new_dict();
                for k in ["collections", "collected", "uncollectable"] {
                    let key = vm.new_str(k);
                    vm.setitem(&d, key, Value::Int(0))?;
                }
                gens.push(d);
            }
            Ok(vm.new_list(gens))
        })
        .no_args(),
    ],
    init: Some(|vm, m| {
        for (name, v) in [
            ("DEBUG_STATS", 1),
            ("DEBUG_COLLECTABLE", 2),
            ("DEBUG_UNCOLLECTABLE", 4),
            ("DEBUG_SAVEALL", 32),
            ("DEBUG_LEAK", 38),
        ] {
            crate::api::add_attr(vm, m, name, Value::Int(v));
        }
        for name in ["garbage", "callbacks"] {
            let l = vm.new_list(Vec::new());
            crate::api::add_attr(vm, m, name, l);
        }
        Ok(())
    }),
};
