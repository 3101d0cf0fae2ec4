//! Traceback entries and the frames they name, as `exc.__traceback__`
//! and `generator.gi_frame` show them. Frames are snapshots (code, line,
//! globals): running frames live on the VM's stack, not as objects.

use crate::api::{add_getsets, GetSetDef};
use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::Vm;

pub fn register(vm: &mut Vm) {
    let tb = vm.types.traceback.clone();
    add_getsets(vm, &tb, TRACEBACK_ATTRIBUTES);
    let frame = vm.types.frame.clone();
    add_getsets(vm, &frame, FRAME_ATTRIBUTES);
}

/// A traceback entry's frame, line, instruction offset and next entry.
fn entry(v: &Value) -> (&Value, u32, u32, &Value) {
    match v.kind() {
        Some(ObjKind::Traceback {
            frame_code,
            lineno,
            lasti,
            next,
        }) => (frame_code, *lineno, *lasti, next),
        _ => unreachable!("read on traceback objects"),
    }
}

const TRACEBACK_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::new("tb_next", |_, t| Ok(entry(t).3.clone())),
    GetSetDef::member("tb_frame", |_, t| Ok(entry(t).0.clone())),
    GetSetDef::member("tb_lasti", |_, t| Ok(Value::Int(entry(t).2 as i64))),
    GetSetDef::member("tb_lineno", |_, t| Ok(Value::Int(entry(t).1 as i64))),
];

fn frame(v: &Value) -> (&Value, u32, &Value) {
    match v.kind() {
        Some(ObjKind::Frame {
            code,
            lineno,
            globals,
        }) => (code, *lineno, globals),
        _ => unreachable!("read on frame objects"),
    }
}

const FRAME_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::member("f_code", |_, f| Ok(frame(f).0.clone())),
    GetSetDef::new("f_lineno", |_, f| Ok(Value::Int(frame(f).1 as i64))),
    GetSetDef::member("f_globals", |_, f| Ok(frame(f).2.clone())),
    GetSetDef::member("f_builtins", |vm, _| {
        Ok(Value::Obj(vm.builtins_dict.clone()))
    }),
    // The caller is not kept once a frame is snapshotted.
    GetSetDef::new("f_back", |_, _| Ok(Value::None)),
    GetSetDef::new("f_trace", |_, _| Ok(Value::None)),
];
