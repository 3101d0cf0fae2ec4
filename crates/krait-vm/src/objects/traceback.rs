//! Traceback entries and the frames they name, as `exc.__traceback__`
//! and `generator.gi_frame` show them. Frames are snapshots (code, line,
//! globals): running frames live on the VM's stack, not as objects.

use crate::api::{add_getsets, GetSetDef};
use crate::object::ObjKind;
use crate::value::{Obj, Value};
use crate::vm::PyResult;
use crate::vm::Vm;

pub fn register(vm: &mut Vm) {
    let tb = vm.types.traceback.clone();
    add_getsets(vm, &tb, TRACEBACK_ATTRIBUTES);
    let frame = vm.types.frame.clone();
    add_getsets(vm, &frame, FRAME_ATTRIBUTES);
    crate::api::add_methods(vm, &frame, FRAME_METHODS);
}

/// `frame.clear()`: a snapshot holds no running state, so clearing drops
/// the variables it kept.
const FRAME_METHODS: &[crate::api::FunctionDef] =
    &[crate::api::FunctionDef::method("clear", |_, a| {
        let snap = frame(&a.pos[0]);
        *snap.locals.borrow_mut() = Value::None;
        Ok(Value::None)
    })
    .no_args()];

/// A traceback entry's frame, line, instruction offset and next entry.
fn entry(v: &Value) -> (&Value, u32, u32, &std::cell::RefCell<Value>) {
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

/// `tb.tb_next = other`: another traceback or None, without making a
/// loop.
fn set_tb_next(vm: &mut Vm, t: &Value, v: Option<Value>) -> PyResult<()> {
    let Some(v) = v else {
        return Err(vm.type_error("can't delete tb_next attribute"));
    };
    if !v.is_none() && !matches!(v.kind(), Some(ObjKind::Traceback { .. })) {
        let name = vm.type_name(&v);
        return Err(vm.type_error(format!("expected traceback object, got '{name}'")));
    }
    let mut cursor = v.clone();
    while let Some(ObjKind::Traceback { next, .. }) = cursor.kind() {
        if cursor.is(t) {
            return Err(vm.value_error("traceback loop detected"));
        }
        let n = next.borrow().clone();
        cursor = n;
    }
    *entry(t).3.borrow_mut() = v;
    Ok(())
}

const TRACEBACK_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::new("tb_next", |_, t| Ok(entry(t).3.borrow().clone())).settable(set_tb_next),
    GetSetDef::member("tb_frame", |_, t| Ok(entry(t).0.clone())),
    GetSetDef::member("tb_lasti", |_, t| Ok(Value::Int(entry(t).2 as i64))),
    GetSetDef::member("tb_lineno", |_, t| Ok(Value::Int(entry(t).1 as i64))),
];

/// A frame as Python sees it: what it runs, where, and with which
/// namespaces, as it stood when the object was made.
pub struct FrameSnapshot {
    pub code: Value,
    pub lineno: u32,
    pub lasti: u32,
    pub globals: Value,
    /// The locals as a dict: a module or class body's namespace, or made
    /// from `fast` on first read (None where not kept: traceback entries).
    pub locals: std::cell::RefCell<Value>,
    /// A function's local variables as they stood (cells read), in slot
    /// order; the dict is only built if `f_locals` is read.
    pub fast: Vec<Value>,
    /// The caller's frame, or None.
    pub back: Value,
}

fn frame(v: &Value) -> &FrameSnapshot {
    match v.kind() {
        Some(ObjKind::Frame(f)) => f,
        _ => unreachable!("read on frame objects"),
    }
}

const FRAME_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::member("f_code", |_, f| Ok(frame(f).code.clone())),
    GetSetDef::new("f_lineno", |_, f| Ok(Value::Int(frame(f).lineno as i64))),
    GetSetDef::new("f_lasti", |_, f| Ok(Value::Int(frame(f).lasti as i64))),
    GetSetDef::member("f_globals", |_, f| Ok(frame(f).globals.clone())),
    GetSetDef::new("f_locals", |vm, f| {
        let snap = frame(f);
        let known = snap.locals.borrow().clone();
        if !known.is_none() {
            return Ok(known);
        }
        let d = match snap.code.kind() {
            Some(ObjKind::Code(c)) => vm.locals_dict(c, &snap.fast),
            _ => vm.new_dict(),
        };
        *snap.locals.borrow_mut() = d.clone();
        Ok(d)
    }),
    GetSetDef::member("f_builtins", |vm, _| {
        Ok(Value::Obj(vm.builtins_dict.clone()))
    }),
    GetSetDef::new("f_back", |_, f| Ok(frame(f).back.clone())),
    // Krait has no tracing yet: no frame has a trace function.
    GetSetDef::new("f_trace", |_, _| Ok(Value::None)),
];

impl Vm {
    /// The frame `depth` calls below the running one (`sys._getframe`),
    /// with its callers, or None past the outermost.
    pub fn frame_object(&mut self, depth: usize) -> PyResult {
        let n = self.frames.len();
        if depth >= n {
            return Ok(Value::None);
        }
        let mut back = Value::None;
        for index in 0..n - depth {
            let f = &self.frames[index];
            // A function's variables are copied, not yet made a dict.
            let (locals, fast) = if f.locals.is_null() {
                let values = self.stack[f.base..f.base + f.code.nlocalsplus]
                    .iter()
                    .enumerate()
                    .map(|(i, v)| match v.kind() {
                        Some(ObjKind::Cell(c)) if i >= f.code.nlocals => c.borrow().clone(),
                        _ => v.clone(),
                    })
                    .collect();
                (Value::None, values)
            } else {
                (f.locals.clone(), Vec::new())
            };
            let f = &self.frames[index];
            let lasti = f.pc.saturating_sub(1);
            let snapshot = FrameSnapshot {
                code: Value::Obj(Obj::new(
                    self.types.code.clone(),
                    ObjKind::Code(f.code.clone()),
                )),
                lineno: f.line_at(lasti),
                lasti: f.code.lasti(lasti as u32),
                globals: Value::Obj(f.globals.clone()),
                locals: std::cell::RefCell::new(locals),
                fast,
                back,
            };
            back = Value::Obj(Obj::new(
                self.types.frame.clone(),
                ObjKind::Frame(Box::new(snapshot)),
            ));
        }
        Ok(back)
    }
}
