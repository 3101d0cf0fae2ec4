//! Asynchronous iteration: async generators' awaitables (`__anext__`,
//! `asend`, `athrow`, `aclose`), `anext()` with a default, `aiter()`, and
//! the instructions of `async for` and `async with`.
//!
//! An async generator's frame yields two kinds of values: those of its
//! `yield` expressions, wrapped by `ASYNC_GEN_WRAP`, which complete the
//! awaitable driving it (as StopIteration's value), and those its `await`s
//! pass up, which go through to whoever drives the awaitable (an event
//! loop).

use crate::api::{add_functions, add_methods, FunctionDef};
use crate::object::{GenKind, ObjKind};
use crate::objects::function::Args;
use crate::objects::generator::Sent;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

/// What an awaitable over an async generator does when first driven.
pub enum AsyncOpMode {
    /// `__anext__()` / `asend(v)`: resume with `v`.
    Send(Value),
    /// `athrow(exc)`: raise `exc` at the suspension point.
    Throw(Obj),
    /// `aclose()`: raise GeneratorExit there; a yield is an error.
    Close,
    /// `anext(it, default)`: await `it.__anext__()`, with `default` as the
    /// result once the iterator is exhausted. Holds the inner awaitable
    /// once started.
    Default { default: Value, inner: Value },
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum AsyncOpState {
    Init,
    Iter,
    Closed,
}

/// One `await`able step of an async generator (CPython's
/// `async_generator_asend`/`async_generator_athrow`), or `anext()`'s
/// default-supplying wrapper.
pub struct AsyncOp {
    /// The async generator, or for [`AsyncOpMode::Default`] the iterator.
    pub target: Value,
    pub mode: AsyncOpMode,
    pub state: AsyncOpState,
}

pub fn register(vm: &mut Vm) {
    let ag = vm.types.async_generator.clone();
    add_methods(vm, &ag, ASYNC_GENERATOR);
    for ty in [
        vm.types.async_generator_asend.clone(),
        vm.types.async_generator_athrow.clone(),
        vm.types.anext_awaitable.clone(),
    ] {
        add_methods(vm, &ty, AWAITABLE);
    }
    let b = vm.builtins.clone();
    add_functions(vm, &b, "builtins", BUILTINS);
}

const ASYNC_GENERATOR: &[FunctionDef] = &[
    FunctionDef::unary("__aiter__", |_, a| Ok(a.pos[0].clone())),
    FunctionDef::unary("__anext__", |vm, a| {
        let g = async_gen(vm, &a.pos[0])?;
        Ok(vm.async_op(g, AsyncOpMode::Send(Value::None)))
    }),
    FunctionDef::method("asend", |vm, a| {
        let g = async_gen(vm, &a.pos[0])?;
        Ok(vm.async_op(g, AsyncOpMode::Send(a.pos[1].clone())))
    })
    .one(),
    FunctionDef::method("athrow", |vm, a| {
        let g = async_gen(vm, &a.pos[0])?;
        let exc = crate::objects::generator::thrown_exception(vm, &a.pos[1..])?;
        Ok(vm.async_op(g, AsyncOpMode::Throw(exc)))
    })
    .args(1, 3),
    FunctionDef::method("aclose", |vm, a| {
        let g = async_gen(vm, &a.pos[0])?;
        Ok(vm.async_op(g, AsyncOpMode::Close))
    })
    .no_args(),
];

/// The awaitables an async generator's steps and `anext()` return.
const AWAITABLE: &[FunctionDef] = &[
    FunctionDef::method("send", |vm, a| {
        let op = async_op_obj(vm, &a.pos[0])?;
        let r = vm.async_op_step(&op, a.pos[1].clone(), None);
        sent_result(vm, r)
    })
    .one(),
    FunctionDef::unary("__next__", |vm, a| {
        let op = async_op_obj(vm, &a.pos[0])?;
        let r = vm.async_op_step(&op, Value::None, None);
        sent_result(vm, r)
    }),
    FunctionDef::method("throw", |vm, a| {
        let op = async_op_obj(vm, &a.pos[0])?;
        let exc = crate::objects::generator::thrown_exception(vm, &a.pos[1..])?;
        let r = vm.async_op_step(&op, Value::None, Some(exc));
        sent_result(vm, r)
    })
    .args(1, 3),
    FunctionDef::method("close", |vm, a| {
        let op = async_op_obj(vm, &a.pos[0])?;
        if let ObjKind::AsyncOp(s) = op.kind() {
            s.borrow_mut().state = AsyncOpState::Closed;
        }
        Ok(Value::None)
    })
    .no_args(),
    FunctionDef::unary("__iter__", |_, a| Ok(a.pos[0].clone())),
    FunctionDef::unary("__await__", |_, a| Ok(a.pos[0].clone())),
];

const BUILTINS: &[FunctionDef] = &[
    FunctionDef::new("aiter", builtin_aiter).one(),
    FunctionDef::new("anext", builtin_anext).args(1, 2),
];

fn async_gen(vm: &Vm, v: &Value) -> PyResult<Obj> {
    match v.kind() {
        Some(ObjKind::Generator(g)) if g.borrow().kind == GenKind::AsyncGenerator => {
            Ok(v.as_obj().unwrap().clone())
        }
        _ => Err(vm.type_error("expected an async generator")),
    }
}

fn async_op_obj(vm: &Vm, v: &Value) -> PyResult<Obj> {
    match v.kind() {
        Some(ObjKind::AsyncOp(_)) => Ok(v.as_obj().unwrap().clone()),
        _ => Err(vm.type_error("expected an async generator awaitable")),
    }
}

fn sent_result(vm: &mut Vm, r: PyResult<Sent>) -> PyResult {
    match r? {
        Sent::Yielded(v) => Ok(v),
        Sent::Returned(v) => Err(vm.stop_iteration(v)),
    }
}

/// `aiter(it)`.
fn builtin_aiter(vm: &mut Vm, a: Args) -> PyResult {
    vm.get_aiter(&a.pos[0], AiterCaller::Builtin)
}

/// `anext(it[, default])`.
fn builtin_anext(vm: &mut Vm, a: Args) -> PyResult {
    let it = a.pos[0].clone();
    let cls = vm.class_of(&it).clone();
    let name = vm.intern("__anext__");
    let Some(anext) = vm.lookup_type_obj(&cls, &name) else {
        return Err(vm.type_error(format!(
            "'{}' object is not an async iterator",
            cls.type_name()
        )));
    };
    match a.pos.get(1) {
        None => vm.call_method_value(&anext, it, vec![]),
        Some(default) => {
            let op = AsyncOp {
                target: it,
                mode: AsyncOpMode::Default {
                    default: default.clone(),
                    inner: Value::None,
                },
                state: AsyncOpState::Init,
            };
            let ty = vm.types.anext_awaitable.clone();
            Ok(Value::Obj(Obj::new(
                ty,
                ObjKind::AsyncOp(Box::new(RefCell::new(op))),
            )))
        }
    }
}

/// Who asks for an async iterator: the error messages differ.
#[derive(Clone, Copy)]
pub enum AiterCaller {
    AsyncFor,
    Builtin,
}

impl Vm {
    fn async_op(&mut self, g: Obj, mode: AsyncOpMode) -> Value {
        let ty = match mode {
            AsyncOpMode::Send(_) => self.types.async_generator_asend.clone(),
            _ => self.types.async_generator_athrow.clone(),
        };
        let op = AsyncOp {
            target: Value::Obj(g),
            mode,
            state: AsyncOpState::Init,
        };
        Value::Obj(Obj::new(ty, ObjKind::AsyncOp(Box::new(RefCell::new(op)))))
    }

    /// Drives an async generator awaitable one step: `sent` sent in, or
    /// `thrown` raised in. `Returned` completes the awaitable.
    pub fn async_op_step(&mut self, op: &Obj, sent: Value, thrown: Option<Obj>) -> PyResult<Sent> {
        let ObjKind::AsyncOp(cell) = op.kind() else {
            return Err(self.type_error("expected an async generator awaitable"));
        };
        let (target, state) = {
            let s = cell.borrow();
            (s.target.clone(), s.state)
        };
        let is_default = matches!(cell.borrow().mode, AsyncOpMode::Default { .. });
        if is_default {
            return self.anext_default_step(cell, &target, sent, thrown);
        }
        let is_send = matches!(cell.borrow().mode, AsyncOpMode::Send(_));
        if state == AsyncOpState::Closed {
            return Err(self.runtime_error(if is_send {
                "cannot reuse already awaited __anext__()/asend()"
            } else {
                "cannot reuse already awaited aclose()/athrow()"
            }));
        }
        let g = target.as_obj().unwrap().clone();
        let ObjKind::Generator(gs) = g.kind() else {
            return Err(self.type_error("expected an async generator"));
        };
        let close_mode = matches!(cell.borrow().mode, AsyncOpMode::Close);
        let r = if state == AsyncOpState::Init {
            if gs.borrow().running_async {
                cell.borrow_mut().state = AsyncOpState::Closed;
                let what = if is_send {
                    "anext(): asynchronous generator is already running"
                } else if close_mode {
                    "aclose(): asynchronous generator is already running"
                } else {
                    "athrow(): asynchronous generator is already running"
                };
                return Err(self.runtime_error(what));
            }
            if !is_send && gs.borrow().finished {
                cell.borrow_mut().state = AsyncOpState::Closed;
                return Ok(Sent::Returned(Value::None));
            }
            if !is_send && !sent.is_none() {
                return Err(
                    self.runtime_error("can't send non-None value to a just-started coroutine")
                );
            }
            let first = {
                let mut s = cell.borrow_mut();
                s.state = AsyncOpState::Iter;
                std::mem::replace(&mut s.mode, AsyncOpMode::Close)
            };
            gs.borrow_mut().running_async = true;
            match (first, thrown) {
                (_, Some(e)) => self.gen_throw(&g, e),
                (AsyncOpMode::Send(v), None) => {
                    cell.borrow_mut().mode = AsyncOpMode::Send(Value::None);
                    let v = if sent.is_none() { v } else { sent };
                    self.resume_generator(&g, v)
                }
                (AsyncOpMode::Throw(e), None) => {
                    cell.borrow_mut().mode = AsyncOpMode::Throw(e.clone());
                    self.gen_throw(&g, e)
                }
                (_, None) => {
                    let e = self.new_exception(&self.exc.generator_exit.clone(), vec![]);
                    self.gen_throw(&g, e)
                }
            }
        } else {
            match thrown {
                Some(e) => self.gen_throw(&g, e),
                None => self.resume_generator(&g, sent),
            }
        };
        let r = self.unwrap_async_yield(&g, r);
        if close_mode {
            return match r {
                Ok(Sent::Returned(_)) => {
                    // A value yielded while closing.
                    cell.borrow_mut().state = AsyncOpState::Closed;
                    Err(self.runtime_error("async generator ignored GeneratorExit"))
                }
                Ok(Sent::Yielded(v)) => Ok(Sent::Yielded(v)),
                Err(e) => {
                    cell.borrow_mut().state = AsyncOpState::Closed;
                    if e.class().is_subtype(&self.exc.stop_async_iteration)
                        || e.class().is_subtype(&self.exc.generator_exit)
                    {
                        Ok(Sent::Returned(Value::None))
                    } else {
                        Err(e)
                    }
                }
            };
        }
        if !matches!(r, Ok(Sent::Yielded(_))) {
            cell.borrow_mut().state = AsyncOpState::Closed;
        }
        r
    }

    /// A step's result as the awaitable sees it: a wrapped value (the
    /// generator's `yield`) completes it, the generator's end raises
    /// StopAsyncIteration, anything else its `await`s passed up goes on.
    fn unwrap_async_yield(&mut self, g: &Obj, r: PyResult<Sent>) -> PyResult<Sent> {
        let ObjKind::Generator(gs) = g.kind() else {
            return r;
        };
        match r {
            Ok(Sent::Yielded(v)) => match v.kind() {
                Some(ObjKind::AsyncGenValue(inner)) => {
                    gs.borrow_mut().running_async = false;
                    Ok(Sent::Returned(inner.clone()))
                }
                _ => Ok(Sent::Yielded(v)),
            },
            Ok(Sent::Returned(_)) => {
                gs.borrow_mut().running_async = false;
                Err(self.new_exception(&self.exc.stop_async_iteration.clone(), vec![]))
            }
            Err(e) => {
                gs.borrow_mut().running_async = false;
                Err(e)
            }
        }
    }

    /// A step of `anext(it, default)`.
    fn anext_default_step(
        &mut self,
        cell: &RefCell<AsyncOp>,
        it: &Value,
        sent: Value,
        thrown: Option<Obj>,
    ) -> PyResult<Sent> {
        let (default, mut inner) = match &cell.borrow().mode {
            AsyncOpMode::Default { default, inner } => (default.clone(), inner.clone()),
            _ => unreachable!("checked by the caller"),
        };
        if cell.borrow().state == AsyncOpState::Closed {
            return Err(self.runtime_error("cannot reuse already awaited anext()"));
        }
        if cell.borrow().state == AsyncOpState::Init {
            let awaitable = self.call_method(it, "__anext__", vec![])?;
            inner = self.get_awaitable(awaitable)?;
            let mut s = cell.borrow_mut();
            s.state = AsyncOpState::Iter;
            s.mode = AsyncOpMode::Default {
                default: default.clone(),
                inner: inner.clone(),
            };
        }
        let r = match thrown {
            Some(e) => match inner.as_obj().map(|o| o.kind()) {
                Some(ObjKind::Generator(_)) => self.gen_throw(inner.as_obj().unwrap(), e),
                _ => {
                    let ty = Value::Obj(e.class().clone());
                    match self.call_method(&inner, "throw", vec![ty, Value::Obj(e)]) {
                        Ok(v) => Ok(Sent::Yielded(v)),
                        Err(e) if e.class().is_subtype(&self.exc.stop_iteration) => Ok(
                            Sent::Returned(crate::objects::generator::stop_value(self, &e)),
                        ),
                        Err(e) => Err(e),
                    }
                }
            },
            None => self.send_into(&inner, sent),
        };
        match r {
            Ok(Sent::Yielded(v)) => Ok(Sent::Yielded(v)),
            Ok(Sent::Returned(v)) => {
                cell.borrow_mut().state = AsyncOpState::Closed;
                Ok(Sent::Returned(v))
            }
            Err(e) if e.class().is_subtype(&self.exc.stop_async_iteration) => {
                cell.borrow_mut().state = AsyncOpState::Closed;
                Ok(Sent::Returned(default))
            }
            Err(e) => {
                cell.borrow_mut().state = AsyncOpState::Closed;
                Err(e)
            }
        }
    }

    /// `GET_AITER` and `aiter()`: the object's `__aiter__()`, checked to be
    /// an async iterator.
    pub fn get_aiter(&mut self, v: &Value, caller: AiterCaller) -> PyResult {
        let cls = self.class_of(v).clone();
        let name = self.intern("__aiter__");
        let Some(m) = self.lookup_type_obj(&cls, &name) else {
            return Err(self.type_error(match caller {
                AiterCaller::AsyncFor => format!(
                    "'async for' requires an object with __aiter__ method, got {}",
                    cls.type_name()
                ),
                AiterCaller::Builtin => {
                    format!("'{}' object is not an async iterable", cls.type_name())
                }
            }));
        };
        let it = self.call_method_value(&m, v.clone(), vec![])?;
        let icls = self.class_of(&it).clone();
        let anext = self.intern("__anext__");
        if self.lookup_type_obj(&icls, &anext).is_none() {
            return Err(self.type_error(match caller {
                AiterCaller::AsyncFor => format!(
                    "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                    icls.type_name()
                ),
                AiterCaller::Builtin => format!(
                    "aiter() returned not an async iterator of type '{}'",
                    icls.type_name()
                ),
            }));
        }
        Ok(it)
    }

    /// `GET_ANEXT`: the awaitable for the next step of `async for`.
    pub fn get_anext(&mut self, it: &Value) -> PyResult {
        if let Some(ObjKind::Generator(g)) = it.kind() {
            if g.borrow().kind == GenKind::AsyncGenerator {
                let g = it.as_obj().unwrap().clone();
                return Ok(self.async_op(g, AsyncOpMode::Send(Value::None)));
            }
        }
        let cls = self.class_of(it).clone();
        let name = self.intern("__anext__");
        let Some(m) = self.lookup_type_obj(&cls, &name) else {
            return Err(self.type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                cls.type_name()
            )));
        };
        let next = self.call_method_value(&m, it.clone(), vec![])?;
        let what = self.type_name(&next);
        self.get_awaitable(next).map_err(|e| {
            if !e.class().is(&self.exc.type_error) {
                return e;
            }
            let r = self.type_error(format!(
                "'async for' received an invalid object from __anext__: {what}"
            ));
            crate::objects::exceptions::methods::set_cause(&r, e);
            r
        })
    }

    /// `BEFORE_ASYNC_WITH`: the bound `__aexit__` and the awaitable of
    /// `__aenter__()`.
    pub fn before_async_with(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let cls = self.class_of(mgr).clone();
        let enter_name = self.intern("__aenter__");
        let exit_name = self.intern("__aexit__");
        let Some(enter) = self.lookup_type_obj(&cls, &enter_name) else {
            return Err(self.type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol",
                cls.type_name()
            )));
        };
        let Some(exit) = self.lookup_type_obj(&cls, &exit_name) else {
            return Err(self.type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                cls.type_name()
            )));
        };
        let exit = self.bind_descriptor(&exit, mgr, &cls)?;
        let entered = self.call_method_value(&enter, mgr.clone(), vec![])?;
        Ok((exit, entered))
    }
}
