//! `BaseExceptionGroup` and `ExceptionGroup`: construction with CPython's
//! checks, `message` and `exceptions`, and `split`/`subgroup`/`derive`.

use crate::api::{add_methods, FunctionDef};
use crate::object::ObjKind;
use crate::objects::function::Args;
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::collections::HashSet;

pub fn register(vm: &mut Vm) {
    let beg = vm.exc.base_exception_group.clone();
    add_methods(vm, &beg, METHODS);
}

const METHODS: &[FunctionDef] = &[
    FunctionDef::new("__new__", group_new),
    FunctionDef::method("__init__", |_, _| Ok(Value::None)),
    FunctionDef::unary("__str__", group_str),
    FunctionDef::method("derive", |vm, a| {
        let this = receiver(vm, &a)?;
        derive(vm, &this, a.pos[1].clone())
    })
    .one(),
    FunctionDef::method("split", |vm, a| {
        let this = receiver(vm, &a)?;
        let (m, r) = split(vm, &this, &Cond::Python(&a.pos[1]))?;
        let pair = vec![m.unwrap_or(Value::None), r.unwrap_or(Value::None)];
        Ok(vm.new_tuple(pair))
    })
    .one(),
    FunctionDef::method("subgroup", |vm, a| {
        let this = receiver(vm, &a)?;
        Ok(split(vm, &this, &Cond::Python(&a.pos[1]))?
            .0
            .unwrap_or(Value::None))
    })
    .one(),
];

fn receiver(vm: &Vm, a: &Args) -> PyResult<Obj> {
    match &a.pos[0] {
        Value::Obj(o) if o.class().is_subtype(&vm.exc.base_exception_group) => Ok(o.clone()),
        v => Err(vm.type_error(format!(
            "descriptor requires a 'BaseExceptionGroup' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

fn is_exception(vm: &Vm, v: &Value) -> bool {
    matches!(v, Value::Obj(o) if o.class().is_subtype(&vm.exc.base_exception))
}

/// `BaseExceptionGroup(message, exceptions)`: an `ExceptionGroup` when
/// every member is an `Exception`.
fn group_new(vm: &mut Vm, a: Args) -> PyResult {
    let Some(Value::Obj(mut cls)) = a.pos.first().cloned() else {
        return Err(vm.type_error("BaseExceptionGroup.__new__(X): X is not a type object"));
    };
    if !a.kw.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", cls.type_name())));
    }
    let n = a.pos.len() - 1;
    if n != 2 {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({n} given)"
        )));
    }
    let (message, seq) = (a.pos[1].clone(), a.pos[2].clone());
    if crate::objects::str::value_pystr(&message).is_none() {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            vm.arg_type_name(&message)
        )));
    }
    if !matches!(seq.kind(), Some(ObjKind::List(_) | ObjKind::Tuple(_))) {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let items = vm.iterate(&seq)?;
    if items.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    for (i, e) in items.iter().enumerate() {
        if !is_exception(vm, e) {
            return Err(vm.value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
    }
    let all_exceptions = items
        .iter()
        .all(|e| vm.class_of(e).is_subtype(&vm.exc.exception));
    if cls.is(&vm.exc.base_exception_group) {
        if all_exceptions {
            cls = vm.exc.exception_group.clone();
        }
    } else if cls.is_subtype(&vm.exc.exception) && !all_exceptions {
        return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
    }
    let obj = crate::objects::typeobject::object::alloc_instance(vm, &cls);
    let Value::Obj(o) = &obj else {
        return Ok(obj);
    };
    if let Some(d) = crate::objects::exceptions::methods::exc_data(o) {
        d.borrow_mut().args = vm.new_tuple(vec![message.clone(), seq]);
    }
    let excs = vm.new_tuple(items);
    crate::bootstrap::set_attr_str(vm, o, "message", message);
    crate::bootstrap::set_attr_str(vm, o, "exceptions", excs);
    Ok(obj)
}

fn attr(vm: &mut Vm, o: &Obj, name: &str) -> PyResult {
    let key = vm.intern(name);
    vm.getattr(&Value::Obj(o.clone()), &key)
}

fn members(vm: &mut Vm, o: &Obj) -> PyResult<Vec<Value>> {
    let excs = attr(vm, o, "exceptions")?;
    Ok(crate::eval::tuple_items(&excs))
}

/// "message (N sub-exceptions)".
fn group_str(vm: &mut Vm, a: Args) -> PyResult {
    let this = receiver(vm, &a)?;
    let message = attr(vm, &this, "message")?;
    let n = members(vm, &this)?.len();
    let text = crate::objects::str::value_pystr(&message)
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let plural = if n == 1 { "" } else { "s" };
    Ok(vm.new_string(format!("{text} ({n} sub-exception{plural})")))
}

/// `eg.derive(excs)`: a group of the same message around other members.
fn derive(vm: &mut Vm, eg: &Obj, excs: Value) -> PyResult {
    let message = attr(vm, eg, "message")?;
    let cls = Value::Obj(vm.exc.base_exception_group.clone());
    vm.call(&cls, vec![message, excs])
}

/// `derive`, then the original's traceback, cause, context and notes.
fn derive_and_copy(vm: &mut Vm, eg: &Obj, excs: Vec<Value>) -> PyResult {
    let list = vm.new_list(excs);
    let new = derive(vm, eg, list)?;
    if let (Some(src), Some(dst)) = (
        crate::objects::exceptions::methods::exc_data(eg),
        new.as_obj()
            .and_then(crate::objects::exceptions::methods::exc_data),
    ) {
        let s = src.borrow();
        let mut d = dst.borrow_mut();
        d.traceback = s.traceback.clone();
        d.cause = s.cause.clone();
        d.context = s.context.clone();
        d.suppress_context = s.suppress_context;
        d.notes = s.notes.clone();
    }
    Ok(new)
}

/// What `split` keeps: members meeting a condition given from Python (a
/// type, a tuple of types, or a predicate), or the leaves with the given
/// identities (`except*` working out what was re-raised).
enum Cond<'a> {
    Python(&'a Value),
    Leaves(&'a HashSet<usize>),
}

/// Whether `exc` meets a split condition.
fn matches(vm: &mut Vm, exc: &Value, cond: &Cond) -> PyResult<bool> {
    let cond = match cond {
        Cond::Python(v) => *v,
        Cond::Leaves(ids) => {
            let is_group = vm.class_of(exc).is_subtype(&vm.exc.base_exception_group);
            return Ok(!is_group && exc.as_obj().is_some_and(|o| ids.contains(&o.addr())));
        }
    };
    let is_type = |v: &Value| matches!(v.kind(), Some(ObjKind::Type(_)));
    let types: Option<Vec<Value>> = match cond.kind() {
        Some(ObjKind::Type(_)) => Some(vec![cond.clone()]),
        Some(ObjKind::Tuple(t)) if t.iter().all(is_type) => Some(t.to_vec()),
        _ => None,
    };
    match types {
        Some(types) => {
            let cls = vm.class_of(exc).clone();
            Ok(types
                .iter()
                .any(|t| t.as_obj().is_some_and(|t| cls.is_subtype(t))))
        }
        None if vm.is_callable(cond) => {
            let r = vm.call(cond, vec![exc.clone()])?;
            vm.truthy(&r)
        }
        None => {
            Err(vm.type_error("expected a function, exception type or tuple of exception types"))
        }
    }
}

/// The parts of `exc` that meet `cond` and the rest, as groups shaped
/// like the original (None for an empty part).
fn split(vm: &mut Vm, exc: &Obj, cond: &Cond) -> PyResult<(Option<Value>, Option<Value>)> {
    let v = Value::Obj(exc.clone());
    if matches(vm, &v, cond)? {
        return Ok((Some(v), None));
    }
    if !exc.class().is_subtype(&vm.exc.base_exception_group) {
        return Ok((None, Some(v)));
    }
    let (mut hit, mut miss) = (Vec::new(), Vec::new());
    for member in members(vm, exc)? {
        let Value::Obj(m) = &member else { continue };
        let (h, r) = split(vm, m, cond)?;
        hit.extend(h);
        miss.extend(r);
    }
    let hit = if hit.is_empty() {
        None
    } else {
        Some(derive_and_copy(vm, exc, hit)?)
    };
    let miss = if miss.is_empty() {
        None
    } else {
        Some(derive_and_copy(vm, exc, miss)?)
    };
    Ok((hit, miss))
}

/// The identities of the exceptions that are not groups inside `exc`
/// (`exc` itself when it is not a group).
fn collect_leaves(vm: &mut Vm, exc: &Value, out: &mut HashSet<usize>) -> PyResult<()> {
    let Some(o) = exc.as_obj() else { return Ok(()) };
    if !o.class().is_subtype(&vm.exc.base_exception_group) {
        out.insert(o.addr());
        return Ok(());
    }
    for m in members(vm, o)? {
        collect_leaves(vm, &m, out)?;
    }
    Ok(())
}

/// Whether two exceptions carry the same traceback, cause, context and
/// notes: a part of the caught group re-raised (split copies these),
/// rather than a new exception raised by an `except*` clause.
fn same_metadata(a: &Obj, b: &Obj) -> bool {
    let (Some(a), Some(b)) = (
        crate::objects::exceptions::methods::exc_data(a),
        crate::objects::exceptions::methods::exc_data(b),
    ) else {
        return false;
    };
    let (a, b) = (a.borrow(), b.borrow());
    a.cause.is(&b.cause)
        && a.context.is(&b.context)
        && a.notes.is(&b.notes)
        && a.traceback.len() == b.traceback.len()
        && a.traceback
            .iter()
            .zip(&b.traceback)
            .all(|(x, y)| std::rc::Rc::ptr_eq(&x.code, &y.code) && x.pc == y.pc)
}

impl Vm {
    /// `CHECK_EG_MATCH`: checks the `except*` clause's type, then splits
    /// `exc` by it. None when nothing matches; otherwise the matching part
    /// (a lone exception wrapped in a group) and the rest.
    pub fn except_star_match(
        &mut self,
        exc: &Value,
        ty: &Value,
    ) -> PyResult<Option<(Value, Value)>> {
        let types = match ty.kind() {
            Some(ObjKind::Tuple(t)) => t.to_vec(),
            _ => vec![ty.clone()],
        };
        for t in &types {
            let Some(t) = t.as_obj().filter(|t| t.type_data().is_some()) else {
                continue;
            };
            if t.is_subtype(&self.exc.base_exception_group) {
                return Err(self.type_error(
                    "catching ExceptionGroup with except* is not allowed. Use except instead.",
                ));
            }
        }
        let Some(eo) = exc.as_obj().cloned() else {
            return Ok(None);
        };
        let is_group = eo.class().is_subtype(&self.exc.base_exception_group);
        if self.exception_matches(exc, ty)? {
            if is_group {
                return Ok(Some((exc.clone(), Value::None)));
            }
            // A lone exception is handled as a group of one, keeping its
            // traceback.
            let cls = Value::Obj(self.exc.base_exception_group.clone());
            let message = self.new_string(String::new());
            let members = self.new_tuple(vec![exc.clone()]);
            let group = self.call(&cls, vec![message, members])?;
            if let (Some(src), Some(dst)) = (
                crate::objects::exceptions::methods::exc_data(&eo),
                group
                    .as_obj()
                    .and_then(crate::objects::exceptions::methods::exc_data),
            ) {
                dst.borrow_mut().traceback = src.borrow().traceback.clone();
            }
            return Ok(Some((group, Value::None)));
        }
        if !is_group {
            return Ok(None);
        }
        match split(self, &eo, &Cond::Python(ty))? {
            (Some(m), rest) => Ok(Some((m, rest.unwrap_or(Value::None)))),
            (None, _) => Ok(None),
        }
    }

    /// `PREP_RERAISE_STAR`: what leaves a `try`/`except*` statement, given
    /// the caught exception `orig` and `excs` (what the clauses raised,
    /// then the unhandled rest; Nones skipped): None, or one exception to
    /// raise. Re-raised parts of `orig` go back together, shaped like
    /// `orig`; new exceptions join them in a new group.
    pub fn prep_reraise_star(&mut self, orig: &Value, excs: &Value) -> PyResult {
        let excs = match excs.kind() {
            Some(ObjKind::List(l)) => l.borrow().clone(),
            _ => Vec::new(),
        };
        let Some(orig_obj) = orig.as_obj().cloned() else {
            return Ok(Value::None);
        };
        if !orig_obj.class().is_subtype(&self.exc.base_exception_group) {
            // A lone exception was wrapped: one clause at most ran.
            return Ok(excs.into_iter().next().unwrap_or(Value::None));
        }
        let mut raised = Vec::new();
        let mut reraised = HashSet::new();
        for e in excs {
            let Some(eo) = e.as_obj() else { continue };
            if same_metadata(eo, &orig_obj) {
                collect_leaves(self, &e, &mut reraised)?;
            } else {
                raised.push(e);
            }
        }
        let kept = if reraised.is_empty() {
            None
        } else {
            split(self, &orig_obj, &Cond::Leaves(&reraised))?.0
        };
        if raised.is_empty() {
            return Ok(kept.unwrap_or(Value::None));
        }
        raised.extend(kept);
        if raised.len() == 1 {
            return Ok(raised.pop().unwrap());
        }
        let cls = Value::Obj(self.exc.base_exception_group.clone());
        let message = self.new_string(String::new());
        let list = self.new_list(raised);
        self.call(&cls, vec![message, list])
    }
}
