//! `_warnings`: warning filtering, native as CPython's is. `warnings`
//! takes `filters`, `warn` and `warn_explicit` from here and changes the
//! filters through its own functions; each warning is matched against
//! `warnings.filters` (the list `warnings` holds now, which
//! `catch_warnings` swaps), and one that is shown goes to
//! `warnings._showwarnmsg` as a `WarningMessage`.

use crate::api::{FunctionDef as F, ModuleDef};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

pub const MODULE: ModuleDef = ModuleDef {
    name: "_warnings",
    doc: Some("_warnings provides basic warning filtering support.\nIt is a helper module to speed up interpreter start-up."),
    functions: &[
        F::new("warn", |vm, a| {
            let category = a.given(1).cloned().unwrap_or(Value::None);
            let category = category_of(vm, &a.pos[0], &category)?;
            let stacklevel = match a.given(2) {
                Some(v) => vm.ssize_arg(v)?,
                None => 1,
            };
            let source = a.given(3).cloned().unwrap_or(Value::None);
            warn_at(vm, a.pos[0].clone(), category, stacklevel, source)?;
            Ok(Value::None)
        })
        .named(&["message", "category", "stacklevel", "source"], 0, 4, 1),
        F::new("warn_explicit", |vm, a| {
            let arg = |i: usize| a.given(i).cloned().unwrap_or(Value::None);
            let lineno = vm.ssize_arg(&a.pos[3])?;
            let warning = Warning {
                message: arg(0),
                category: arg(1),
                filename: arg(2),
                lineno,
                module: arg(4),
                registry: arg(5),
                source: arg(7),
            };
            let module_globals = arg(6);
            if !module_globals.is_none() {
                let Some(globals) = module_globals
                    .as_obj()
                    .filter(|g| matches!(g.kind(), crate::object::ObjKind::Dict(_)))
                else {
                    return Err(vm.type_error(format!(
                        "module_globals must be a dict, not '{}'",
                        vm.type_name(&module_globals)
                    )));
                };
                // Read (and failing) as CPython reads it, though what
                // shows the warning reads the line from the file.
                loader_source_line(vm, globals, lineno)?;
            }
            warn_explicit(vm, warning)?;
            Ok(Value::None)
        })
        .named(
            &[
                "message",
                "category",
                "filename",
                "lineno",
                "module",
                "registry",
                "module_globals",
                "source",
            ],
            0,
            8,
            4,
        ),
        F::new("_filters_mutated", |vm, _| {
            vm.warnings.version += 1;
            Ok(Value::None)
        })
        .no_args(),
    ],
    init: Some(init),
};

/// What `_warnings` holds for the interpreter: its own filters, default
/// action and once-registry (used while `warnings` is not imported), and
/// the version of the filters, which registries compare.
#[derive(Default)]
pub struct State {
    version: u64,
    filters: Value,
    default_action: Value,
    once_registry: Value,
}

fn exception_class(vm: &Vm, name: &str) -> Value {
    vm.exc
        .all
        .iter()
        .find(|(n, _)| n == name)
        .map_or(Value::None, |(_, c)| Value::Obj(c.clone()))
}

/// The filters a fresh interpreter has (a release build's): deprecations
/// shown only for `__main__`, and a few categories ignored.
fn init(vm: &mut Vm, m: &Obj) -> crate::vm::PyResult<()> {
    // Made afresh (`import_fresh_module`), the module shares the state it
    // had, as CPython's does.
    if !vm.warnings.filters.is_none() {
        let state = &vm.warnings;
        let shared = [
            ("filters", state.filters.clone()),
            ("_defaultaction", state.default_action.clone()),
            ("_onceregistry", state.once_registry.clone()),
        ];
        for (name, value) in shared {
            crate::api::add_attr(vm, m, name, value);
        }
        return Ok(());
    }
    let rows = [
        ("default", "DeprecationWarning", Some("__main__")),
        ("ignore", "DeprecationWarning", None),
        ("ignore", "PendingDeprecationWarning", None),
        ("ignore", "ImportWarning", None),
        ("ignore", "ResourceWarning", None),
    ];
    let mut filters = Vec::new();
    for (action, category, module) in rows {
        let action = vm.new_str(action);
        let category = exception_class(vm, category);
        let module = module.map_or(Value::None, |m| vm.new_str(m));
        filters.push(vm.new_tuple(vec![action, Value::None, category, module, Value::Int(0)]));
    }
    let filters = vm.new_list(filters);
    crate::api::add_attr(vm, m, "filters", filters.clone());
    let action = vm.new_str("default");
    crate::api::add_attr(vm, m, "_defaultaction", action.clone());
    let once = vm.new_dict();
    crate::api::add_attr(vm, m, "_onceregistry", once.clone());
    vm.warnings = State {
        version: vm.warnings.version,
        filters,
        default_action: action,
        once_registry: once,
    };
    Ok(())
}

/// The category a warning is given: the message's class when it is a
/// Warning, else `category` (UserWarning when None), which must be a
/// Warning subclass.
fn category_of(vm: &mut Vm, message: &Value, category: &Value) -> PyResult {
    let warning = exception_class(vm, "Warning");
    if vm.isinstance(message, &warning)? {
        return Ok(Value::Obj(vm.class_of(message).clone()));
    }
    let category = if category.is_none() {
        exception_class(vm, "UserWarning")
    } else {
        category.clone()
    };
    let is_type = category.as_obj().is_some_and(|c| c.type_data().is_some());
    if !is_type || !vm.issubclass(&category, &warning)? {
        return Err(vm.type_error(format!(
            "category must be a Warning subclass, not '{}'",
            vm.type_name(&category)
        )));
    }
    Ok(category)
}

/// A warning about to be filtered, with where it is charged to.
struct Warning {
    message: Value,
    category: Value,
    filename: Value,
    lineno: i64,
    module: Value,
    registry: Value,
    source: Value,
}

/// `warnings.warn(message, category, stacklevel, source)`: charged to the
/// Python frame `stacklevel` levels up (frames of `importlib`'s bootstrap
/// skipped past the first, and the Python halves of native modules never
/// counted, as CPython's C code has no frames).
fn warn_at(
    vm: &mut Vm,
    message: Value,
    category: Value,
    stacklevel: i64,
    source: Value,
) -> PyResult<()> {
    let frames: Vec<usize> = (0..vm.frames.len())
        .rev()
        .filter(|&i| {
            !vm.frames[i]
                .code
                .code
                .filename
                .starts_with(crate::eval::frame::NATIVE_SOURCE)
        })
        .collect();
    let internal = |vm: &Vm, i: usize| {
        let name = &vm.frames[i].code.code.filename;
        name.contains("importlib") && name.contains("_bootstrap")
    };
    let mut at = frames.first().copied();
    let mut pos = 0;
    let skip_internal = stacklevel > 0 && at.is_some_and(|i| !internal(vm, i));
    let mut level = stacklevel;
    while level > 1 && at.is_some() {
        level -= 1;
        pos += 1;
        if skip_internal {
            while frames.get(pos).is_some_and(|&i| internal(vm, i)) {
                pos += 1;
            }
        }
        at = frames.get(pos).copied();
    }
    let (globals, filename, lineno) = match at {
        Some(i) => {
            let f = &vm.frames[i];
            let filename = f.code.code.filename.to_string();
            let line = f.line_at(f.pc.saturating_sub(1));
            (
                Value::Obj(f.globals.clone()),
                vm.new_string(filename),
                i64::from(line),
            )
        }
        None => {
            let sys_dict = vm.sys.object().dict().cloned();
            let globals = sys_dict.map_or(Value::None, Value::Obj);
            (globals, vm.new_str("sys"), 1)
        }
    };
    let (registry, module) = match globals.as_obj() {
        Some(g) => {
            let registry = match crate::objects::dict::get_str(g, "__warningregistry__") {
                Some(r) => r,
                None => {
                    let r = vm.new_dict();
                    let key = vm.new_str("__warningregistry__");
                    crate::objects::dict::set(vm, g, key, r.clone())?;
                    r
                }
            };
            let module = match crate::objects::dict::get_str(g, "__name__") {
                Some(m) if m.is_none() || crate::api::str_value(&m).is_some() => m,
                _ => vm.new_str("<string>"),
            };
            (registry, module)
        }
        None => (Value::None, vm.new_str("<string>")),
    };
    warn_explicit(
        vm,
        Warning {
            message,
            category,
            filename,
            lineno,
            module,
            registry,
            source,
        },
    )
}

/// The attribute `name` of the `warnings` module, when it is imported.
fn warnings_attr(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let modules = vm.modules.clone();
    let key = vm.new_str("warnings");
    let Some(warnings) = crate::objects::dict::get(vm, &modules, &key)? else {
        return Ok(None);
    };
    match vm.getattr_str(&warnings, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.class().is_subtype(&vm.exc.attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// What `warnings.warn_explicit` does: filter the warning, then raise
/// it, show it, or let it pass.
fn warn_explicit(vm: &mut Vm, w: Warning) -> PyResult<()> {
    let module = if w.module.is_none() {
        let name = crate::api::str_value(&w.filename).unwrap_or_default();
        let name = if name.is_empty() {
            "<unknown>".to_string()
        } else if name.len() >= 3 && name[name.len() - 3..].eq_ignore_ascii_case(".py") {
            name[..name.len() - 3].to_string()
        } else {
            name
        };
        vm.new_string(name)
    } else {
        w.module.clone()
    };
    let registry = match &w.registry {
        Value::None => None,
        Value::Obj(r) if matches!(r.kind(), crate::object::ObjKind::Dict(_)) => Some(r.clone()),
        _ => return Err(vm.type_error("'registry' must be a dict or None")),
    };
    let warning_class = exception_class(vm, "Warning");
    let (text, category, message) = if vm.isinstance(&w.message, &warning_class)? {
        let text = vm.str(&w.message)?;
        (text, Value::Obj(vm.class_of(&w.message).clone()), w.message)
    } else {
        let text = w.message.clone();
        let message = vm.call(&w.category, vec![w.message])?;
        (text, w.category, message)
    };
    let lineno = Value::Int(w.lineno);
    let key = vm.new_tuple(vec![text.clone(), category.clone(), lineno.clone()]);
    if let Some(r) = &registry {
        if already_warned(vm, r, &key)? {
            return Ok(());
        }
    }
    let action = matching_action(vm, &text, &category, &module, w.lineno)?;
    let action_name = crate::api::str_value(&action).unwrap_or_default();
    match action_name.as_str() {
        "ignore" => return Ok(()),
        "error" => {
            return Err(match message {
                Value::Obj(e) if crate::objects::exceptions::methods::exc_data(&e).is_some() => e,
                other => vm.type_error(format!(
                    "exceptions must derive from BaseException, not {}",
                    vm.type_name(&other)
                )),
            })
        }
        "once" => {
            if let Some(r) = &registry {
                crate::objects::dict::set(vm, r, key.clone(), Value::Bool(true))?;
            }
            let once = match warnings_attr(vm, "onceregistry")? {
                Some(Value::Obj(o)) if matches!(o.kind(), crate::object::ObjKind::Dict(_)) => o,
                Some(_) => return Err(vm.type_error("_warnings.onceregistry must be a dict")),
                None => match &vm.warnings.once_registry {
                    Value::Obj(o) => o.clone(),
                    _ => return Ok(()),
                },
            };
            let once_key = vm.new_tuple(vec![text.clone(), category.clone()]);
            if already_warned(vm, &once, &once_key)? {
                return Ok(());
            }
            crate::objects::dict::set(vm, &once, once_key, Value::Bool(true))?;
        }
        "always" => {}
        "module" => {
            if let Some(r) = &registry {
                crate::objects::dict::set(vm, r, key.clone(), Value::Bool(true))?;
                let alt = vm.new_tuple(vec![text.clone(), category.clone(), Value::Int(0)]);
                if already_warned(vm, r, &alt)? {
                    return Ok(());
                }
                crate::objects::dict::set(vm, r, alt, Value::Bool(true))?;
            }
        }
        "default" => {
            if let Some(r) = &registry {
                crate::objects::dict::set(vm, r, key.clone(), Value::Bool(true))?;
            }
        }
        _ => {
            let shown = vm.repr_string(&action)?;
            return Err(vm.runtime_error(format!(
                "Unrecognized action ({shown}) in warnings.filters:\n {shown}"
            )));
        }
    }
    show(vm, message, category, w.filename, lineno, &text, w.source)
}

/// Line `lineno` of a module's source as its loader gives it
/// (`__loader__.get_source(__name__)`); None when there is no loader or
/// no source.
fn loader_source_line(vm: &mut Vm, globals: &Obj, lineno: i64) -> PyResult<Option<String>> {
    let (Some(loader), Some(name)) = (
        crate::objects::dict::get_str(globals, "__loader__"),
        crate::objects::dict::get_str(globals, "__name__"),
    ) else {
        return Ok(None);
    };
    let get_source = match vm.getattr_str(&loader, "get_source") {
        Ok(f) => f,
        Err(e) if e.class().is_subtype(&vm.exc.attribute_error) => return Ok(None),
        Err(e) => return Err(e),
    };
    let source = vm.call(&get_source, vec![name])?;
    if source.is_none() {
        return Ok(None);
    }
    let Some(text) = crate::objects::str::value_pystr(&source) else {
        return Err(vm.type_error("get_source() must return a str"));
    };
    // str's own splitlines, whatever a subclass defines.
    let text = text.to_string_lossy().into_owned();
    let line = usize::try_from(lineno - 1)
        .ok()
        .and_then(|i| text.lines().nth(i).map(str::to_owned));
    match line {
        Some(l) => Ok(Some(l)),
        None => Err(vm.new_exception_msg(&vm.exc.index_error.clone(), "list index out of range")),
    }
}

/// Whether `key` is in the registry, which is emptied first when the
/// filters changed since it was last used.
fn already_warned(vm: &mut Vm, registry: &Obj, key: &Value) -> PyResult<bool> {
    let version_key = vm.new_str("version");
    let version = Value::Int(vm.warnings.version as i64);
    let current = crate::objects::dict::get(vm, registry, &version_key)?;
    if !current.is_some_and(|v| matches!((&v, &version), (Value::Int(a), Value::Int(b)) if a == b))
    {
        vm.call_method(&Value::Obj(registry.clone()), "clear", Vec::new())?;
        crate::objects::dict::set(vm, registry, version_key, version)?;
        return Ok(false);
    }
    match crate::objects::dict::get(vm, registry, key)? {
        Some(v) => vm.truthy(&v),
        None => Ok(false),
    }
}

/// The action of the first filter that matches, or the default action.
fn matching_action(
    vm: &mut Vm,
    text: &Value,
    category: &Value,
    module: &Value,
    lineno: i64,
) -> PyResult {
    let filters = match warnings_attr(vm, "filters")? {
        Some(f) => f,
        None => vm.warnings.filters.clone(),
    };
    let Some(items) = crate::api::list_items(&filters) else {
        return Err(vm.value_error("_warnings.filters must be a list"));
    };
    for (i, item) in items.iter().enumerate() {
        let fields = crate::api::tuple_items(item).and_then(|t| <[Value; 5]>::try_from(t).ok());
        let Some([action, msg, cat, mod_, ln]) = fields else {
            return Err(vm.value_error(format!("_warnings.filters item {i} isn't a 5-tuple")));
        };
        if !matches_pattern(vm, &msg, text)? {
            continue;
        }
        if !vm.issubclass(category, &cat)? {
            continue;
        }
        if !matches_pattern(vm, &mod_, module)? {
            continue;
        }
        let ln = vm.ssize_arg(&ln)?;
        if ln == 0 || ln == lineno {
            return Ok(action);
        }
    }
    match warnings_attr(vm, "defaultaction")? {
        Some(a) if crate::api::str_value(&a).is_some() => Ok(a),
        Some(_) => Err(vm.type_error("_warnings.defaultaction must be a string")),
        None => Ok(vm.warnings.default_action.clone()),
    }
}

/// A filter's pattern: None matches anything, a plain str (the default
/// filters' `'__main__'`) only itself, else its `match(text)`.
fn matches_pattern(vm: &mut Vm, pattern: &Value, text: &Value) -> PyResult<bool> {
    if pattern.is_none() {
        return Ok(true);
    }
    if vm.class_of(pattern).is(&vm.types.str_) {
        return vm.eq(pattern, text);
    }
    let found = vm.call_method(pattern, "match", vec![text.clone()])?;
    vm.truthy(&found)
}

/// Hands the warning to `warnings._showwarnmsg`, or writes it to
/// `sys.stderr` itself when `warnings` has no `_showwarnmsg`.
fn show(
    vm: &mut Vm,
    message: Value,
    category: Value,
    filename: Value,
    lineno: Value,
    text: &Value,
    source: Value,
) -> PyResult<()> {
    if !source.is_none() {
        // Only `warnings` can say where the source was allocated.
        vm.import("warnings")?;
    }
    let Some(show_fn) = warnings_attr(vm, "_showwarnmsg")? else {
        return write_warning(vm, &category, &filename, &lineno, text);
    };
    if !vm.is_callable(&show_fn) {
        return Err(vm.type_error("warnings._showwarnmsg() must be set to a callable"));
    }
    let Some(message_class) = warnings_attr(vm, "WarningMessage")? else {
        return Err(vm.runtime_error("unable to get warnings.WarningMessage"));
    };
    let msg = vm.call(
        &message_class,
        vec![
            message,
            category,
            filename,
            lineno,
            Value::None,
            Value::None,
            source,
        ],
    )?;
    vm.call(&show_fn, vec![msg])?;
    Ok(())
}

/// `FILE:LINE: Category: text` and the source line, to `sys.stderr`.
fn write_warning(
    vm: &mut Vm,
    category: &Value,
    filename: &Value,
    lineno: &Value,
    text: &Value,
) -> PyResult<()> {
    let name = vm.getattr_str(category, "__name__")?;
    let text = vm.str(text)?;
    let file = crate::api::str_value(filename).unwrap_or_default();
    let line = crate::api::small_int(lineno).unwrap_or(0);
    let mut out = format!(
        "{file}:{line}: {}: {}\n",
        crate::api::str_value(&name).unwrap_or_default(),
        crate::api::str_value(&text).unwrap_or_default()
    );
    if let Some(src) = vm.source_line(&file, u32::try_from(line).unwrap_or(0)) {
        out.push_str(&format!("  {}\n", src.trim()));
    }
    let stderr = vm.getattr_str(&Value::Obj(vm.sys.clone()), "stderr")?;
    if stderr.is_none() {
        return Ok(());
    }
    let out = vm.new_string(out);
    vm.call_method(&stderr, "write", vec![out])?;
    Ok(())
}

impl Vm {
    /// `warnings.warn(message, category)` on behalf of native code, with
    /// the warning located at the Python line that called it; an error
    /// when a filter turns the warning into one.
    pub fn warn(&mut self, category: &Obj, message: &str) -> PyResult<()> {
        let message = self.new_string(message.to_string());
        warn_at(self, message, Value::Obj(category.clone()), 1, Value::None)
    }

    /// The same, with the object the warning is about (`source`, shown
    /// with where it was allocated when `tracemalloc` knows).
    pub fn warn_with_source(
        &mut self,
        category: &Obj,
        message: &str,
        source: Value,
    ) -> PyResult<()> {
        let message = self.new_string(message.to_string());
        warn_at(self, message, Value::Obj(category.clone()), 1, source)
    }
}
