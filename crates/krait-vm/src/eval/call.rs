//! Calling: Python functions (argument binding with CPython's error
//! messages), native functions, bound methods, and classes.

use crate::eval::frame::Frame;
use crate::object::ObjKind;
use crate::objects::function::{Args, Function};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use smallvec::SmallVec;

impl Vm {
    /// Calls any callable with positional arguments.
    pub fn call(&mut self, callable: &Value, args: Vec<Value>) -> PyResult {
        self.call_args(callable, Args::new(args))
    }

    /// Calls any callable.
    pub fn call_args(&mut self, callable: &Value, args: Args) -> PyResult {
        let Value::Obj(o) = callable else {
            return Err(self.not_callable(callable));
        };
        match o.kind() {
            ObjKind::Function(_) => self.call_function(o, args),
            ObjKind::Builtin(b) => {
                let f = b.func;
                if b.receiver.is_null() {
                    check_unbound_receiver(self, b, args.pos.first())?;
                    if b.rebinds_args() {
                        let args = b.bind_named(self, args, b.receiver_count())?;
                        return f(self, args);
                    }
                    b.check_args(self, &args, b.receiver_count())?;
                    f(self, args)
                } else {
                    let mut pos: SmallVec<[Value; 6]> = SmallVec::with_capacity(args.pos.len() + 1);
                    pos.push(b.receiver.clone());
                    pos.extend(args.pos);
                    let args = Args { pos, kw: args.kw };
                    if b.rebinds_args() {
                        let args = b.bind_named(self, args, 1)?;
                        return f(self, args);
                    }
                    b.check_args(self, &args, 1)?;
                    f(self, args)
                }
            }
            ObjKind::BoundMethod { func, receiver } => {
                let mut pos: SmallVec<[Value; 6]> = SmallVec::with_capacity(args.pos.len() + 1);
                pos.push(receiver.clone());
                pos.extend(args.pos);
                let func = func.clone();
                self.call_args(&func, Args { pos, kw: args.kw })
            }
            ObjKind::Type(_) => self.call_type(o, args),
            _ => match o.class().tdata().slots.get().call {
                Some(f) => f(self, o, args),
                None => Err(self.not_callable(callable)),
            },
        }
    }

    pub fn not_callable(&self, v: &Value) -> Obj {
        self.type_error(format!("'{}' object is not callable", self.type_name(v)))
    }

    /// Calls a method found on a type with `receiver` as its first argument.
    pub fn call_method_value(&mut self, m: &Value, receiver: Value, args: Vec<Value>) -> PyResult {
        let mut pos: SmallVec<[Value; 6]> = SmallVec::with_capacity(args.len() + 1);
        pos.push(receiver.clone());
        pos.extend(args);
        match m {
            Value::Obj(o) => match o.kind() {
                ObjKind::Function(_) => self.call_function(
                    o,
                    Args {
                        pos,
                        kw: Vec::new(),
                    },
                ),
                ObjKind::Builtin(b) if b.is_method && b.receiver.is_null() => (b.func)(
                    self,
                    Args {
                        pos,
                        kw: Vec::new(),
                    },
                ),
                _ => {
                    // A descriptor or other callable: bind it first.
                    let cls = self.class_of(&receiver).clone();
                    let bound = self.bind_descriptor(m, &receiver, &cls)?;
                    pos.remove(0);
                    self.call_args(
                        &bound,
                        Args {
                            pos,
                            kw: Vec::new(),
                        },
                    )
                }
            },
            _ => Err(self.not_callable(m)),
        }
    }

    /// Calls the method `name` of `obj` (looked up like an attribute).
    pub fn call_method(&mut self, obj: &Value, name: &str, args: Vec<Value>) -> PyResult {
        let name = self.intern(name);
        let f = self.getattr(obj, &name)?;
        self.call(&f, args)
    }

    /// Runs a Python function to completion (from native code).
    pub fn call_function(&mut self, func: &Obj, args: Args) -> PyResult {
        let base = self.stack.len();
        // Exactly the positional parameters: they become the locals as
        // they are, with no binding to work out.
        if let ObjKind::Function(f) = func.kind() {
            if f.code.simple_args
                && args.kw.is_empty()
                && args.pos.len() == f.code.code.argcount as usize
                && !f.code.code.is_generator_like()
            {
                self.stack.extend(args.pos);
                if self.depth >= self.recursion_limit {
                    self.stack.truncate(base);
                    return Err(self.recursion_error());
                }
                self.push_new_frame(f, base, base);
                return self.run_pushed_frame();
            }
        }
        let frame = self.bind_arguments(func, args, base, base)?;
        if frame.code.code.is_generator_like() {
            return Ok(self.make_generator(frame, func));
        }
        self.run_frame(frame)
    }

    /// Creates the frame for a call of `func`, binding the arguments into
    /// local slots pushed at `base` (the stack must be `base` long).
    pub fn bind_and_push(
        &mut self,
        func: &Obj,
        args: Args,
        base: usize,
        cleanup: usize,
    ) -> PyResult<()> {
        let ObjKind::Function(f) = func.kind() else {
            unreachable!("bind_arguments on a non-function")
        };
        let code = f.code.clone();
        let c = &code.code;
        let argcount = c.argcount as usize;
        let posonly = c.posonlyargcount as usize;
        let kwonly = c.kwonlyargcount as usize;
        use krait_compiler::code::flags;
        let has_varargs = c.flags & flags::VARARGS != 0;
        let has_varkw = c.flags & flags::VARKEYWORDS != 0;
        debug_assert_eq!(self.stack.len(), base);
        self.stack.resize(base + code.nlocalsplus, Value::Null);
        let nargs = args.pos.len();
        let Args { pos, kw } = args;
        let mut extra = Vec::new();
        for (i, v) in pos.into_iter().enumerate() {
            if i < argcount {
                self.stack[base + i] = v;
            } else {
                extra.push(v);
            }
        }
        let mut slot = argcount + kwonly;
        if has_varargs {
            self.stack[base + slot] = self.new_tuple(std::mem::take(&mut extra));
            slot += 1;
        } else if !extra.is_empty() {
            self.stack.truncate(cleanup);
            let msg = too_many_positional(f, &code, &kw, nargs);
            return Err(self.type_error(msg));
        }
        let kwargs_dict = if has_varkw {
            let d = self.new_dict();
            self.stack[base + slot] = d.clone();
            d.as_obj().cloned()
        } else {
            None
        };
        let mut posonly_as_kw: Vec<String> = Vec::new();
        for (k, v) in kw {
            let idx = code.varnames[..argcount + kwonly].iter().position(|n| {
                n.is(&k) || crate::objects::str::as_pystr(n) == crate::objects::str::as_pystr(&k)
            });
            match idx {
                Some(i) if i >= posonly => {
                    if !self.stack[base + i].is_null() {
                        self.stack.truncate(cleanup);
                        return Err(self.type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            qualname(f),
                            crate::objects::str::text(&k)
                        )));
                    }
                    self.stack[base + i] = v;
                }
                _ => match &kwargs_dict {
                    Some(d) => {
                        if idx.is_some() {
                            // Positional-only names go to **kwargs.
                        }
                        crate::objects::dict::set(self, d, Value::Obj(k), v)?;
                    }
                    None => {
                        if idx.is_some() {
                            posonly_as_kw.push(crate::objects::str::text(&k).into_owned());
                            continue;
                        }
                        self.stack.truncate(cleanup);
                        return Err(self.type_error(format!(
                            "{}() got an unexpected keyword argument '{}'",
                            qualname(f),
                            crate::objects::str::text(&k)
                        )));
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            self.stack.truncate(cleanup);
            return Err(self.type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                qualname(f),
                posonly_as_kw.join(", ")
            )));
        }
        // Defaults for missing positional parameters.
        if nargs < argcount {
            let defaults = f.defaults.borrow().clone();
            let dvals: &[Value] = match defaults.kind() {
                Some(ObjKind::Tuple(items)) => items,
                _ => &[],
            };
            let first_default = argcount - dvals.len();
            let mut missing = Vec::new();
            for i in nargs..argcount {
                if self.stack[base + i].is_null() {
                    if i >= first_default {
                        self.stack[base + i] = dvals[i - first_default].clone();
                    } else {
                        missing.push(crate::objects::str::text(&code.varnames[i]).into_owned());
                    }
                }
            }
            if !missing.is_empty() {
                self.stack.truncate(cleanup);
                return Err(self.type_error(missing_message(&qualname(f), &missing, "positional")));
            }
        }
        if kwonly > 0 {
            self.fill_kwonly_defaults(f, &code, base, cleanup)?;
        }
        self.push_new_frame(f, base, cleanup);
        Ok(())
    }

    /// [`Vm::bind_and_push`], with the frame handed back instead of pushed.
    pub fn bind_arguments(
        &mut self,
        func: &Obj,
        args: Args,
        base: usize,
        cleanup: usize,
    ) -> PyResult<Frame> {
        self.bind_and_push(func, args, base, cleanup)?;
        self.depth -= 1;
        Ok(self.frames.pop().expect("the frame just pushed"))
    }

    /// Pushes the defaults that complete `nargs` positional arguments (the
    /// last ones on the stack) to all of `f`'s positional parameters;
    /// false, pushing nothing, if the defaults do not reach.
    pub fn push_defaults(&mut self, f: &Function, nargs: usize) -> bool {
        let argcount = f.code.code.argcount as usize;
        let defaults = f.defaults.borrow();
        let Some(ObjKind::Tuple(dvals)) = defaults.kind() else {
            return false;
        };
        let Some(first_default) = argcount.checked_sub(dvals.len()) else {
            return false;
        };
        if nargs < first_default || nargs > argcount {
            return false;
        }
        self.stack
            .extend(dvals[nargs - first_default..].iter().cloned());
        true
    }

    /// Pushes the frame for a function whose arguments are already in their
    /// slots from `base` (built in the frame stack, not moved there).
    pub fn push_new_frame(&mut self, f: &Function, base: usize, cleanup: usize) {
        self.init_locals(f, base);
        self.depth += 1;
        self.frames.push(Frame::for_call(f, base, cleanup));
    }

    /// The frame for a function whose arguments are already in their slots
    /// from `base`.
    pub fn new_frame(&mut self, f: &Function, base: usize, cleanup: usize) -> Frame {
        self.init_locals(f, base);
        Frame::for_call(f, base, cleanup)
    }

    /// The local slots after the arguments at `base`: unbound, but cells
    /// made (holding the argument for a parameter that is also a cell) and
    /// the closure's cells copied.
    fn init_locals(&mut self, f: &Function, base: usize) {
        let code = &f.code;
        let c = &code.code;
        if self.stack.len() < base + code.nlocalsplus {
            self.stack.resize(base + code.nlocalsplus, Value::Null);
        }
        let nl = c.varnames.len();
        for (i, arg) in c.cell2arg.iter().enumerate() {
            let init = match arg {
                Some(a) => std::mem::replace(&mut self.stack[base + *a as usize], Value::Null),
                None => Value::Null,
            };
            self.stack[base + nl + i] = Value::Obj(Obj::new(
                self.types.cell.clone(),
                ObjKind::Cell(std::cell::RefCell::new(init)),
            ));
        }
        let nc = c.cellvars.len();
        for (i, cell) in f.closure.iter().enumerate() {
            self.stack[base + nl + nc + i] = cell.clone();
        }
    }
}

fn tuple_len(v: &Value) -> usize {
    match v {
        Value::Obj(o) => match o.kind() {
            ObjKind::Tuple(t) => t.len(),
            _ => 0,
        },
        _ => 0,
    }
}

pub fn qualname(f: &Function) -> String {
    match &*f.qualname.borrow() {
        Value::Obj(o) => crate::objects::str::text(o).into_owned(),
        _ => String::new(),
    }
}

/// "f() missing 2 required positional arguments: 'a' and 'b'"
fn missing_message(func: &str, names: &[String], kind: &str) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    format!(
        "{}() missing {} required {} argument{}: {}",
        func,
        names.len(),
        kind,
        if names.len() == 1 { "" } else { "s" },
        list
    )
}

/// A built-in method taken from its class and called directly
/// (`list.append(x, 1)`): its first argument must be an instance of that
/// class, which the method's code relies on.
pub(crate) fn check_unbound_receiver(
    vm: &Vm,
    b: &crate::objects::function::BuiltinFunction,
    first: Option<&Value>,
) -> PyResult<()> {
    if b.is_classmethod {
        return Ok(());
    }
    let Some(owner) = &b.owner else {
        return Ok(());
    };
    if !b.is_method {
        return if b.name == "__new__" {
            check_new_class(vm, owner, first)
        } else {
            Ok(())
        };
    }
    let name = b.name;
    // Slot wrappers and method descriptors word these differently.
    let wrapper = matches!(b.params, crate::api::Params::Wrapper { .. });
    match first {
        None => Err(vm.type_error(if wrapper {
            format!(
                "descriptor '{name}' of '{}' object needs an argument",
                owner.type_name()
            )
        } else {
            format!(
                "unbound method {}.{name}() needs an argument",
                owner.type_name()
            )
        })),
        Some(v) if !vm.class_of(v).is_subtype(owner) => {
            let owner_name = owner.type_name();
            let got = vm.type_name(v);
            Err(vm.type_error(if wrapper {
                format!("descriptor '{name}' requires a '{owner_name}' object but received a '{got}'")
            } else {
                format!("descriptor '{name}' for '{owner_name}' objects doesn't apply to a '{got}' object")
            }))
        }
        Some(_) => Ok(()),
    }
}

/// A method that takes no arguments called with some (`n` besides the
/// receiver): CPython's wording for slot wrappers and for methods.
pub(crate) fn no_args_error(
    vm: &Vm,
    b: &crate::objects::function::BuiltinFunction,
    args: &crate::objects::function::Args,
    n: usize,
) -> Obj {
    vm.type_error(format!(
        "{}() takes no arguments ({n} given)",
        b.called_name(vm, args)
    ))
}

/// `T.__new__(cls, ...)` of a built-in type: `cls` must be a subtype of
/// `T`.
fn check_new_class(vm: &Vm, owner: &Obj, first: Option<&Value>) -> PyResult<()> {
    let t = owner.type_name();
    match first {
        None => Err(vm.type_error(format!("{t}.__new__(): not enough arguments"))),
        Some(Value::Obj(c)) if c.type_data().is_some() => {
            if c.is_subtype(owner) {
                Ok(())
            } else {
                let c = c.type_name();
                Err(vm.type_error(format!("{t}.__new__({c}): {c} is not a subtype of {t}")))
            }
        }
        Some(v) => Err(vm.type_error(format!(
            "{t}.__new__(X): X is not a type object ({})",
            vm.type_name(v)
        ))),
    }
}

/// "f() takes 2 positional arguments but 3 were given", with the
/// keyword-only arguments given counted as CPython counts them.
#[cold]
fn too_many_positional(
    f: &crate::objects::function::Function,
    code: &crate::objects::code::CodeObject,
    kw: &[(Obj, Value)],
    nargs: usize,
) -> String {
    let c = &code.code;
    let argcount = c.argcount as usize;
    let kwonly = c.kwonlyargcount as usize;
    let defaults = tuple_len(&f.defaults.borrow());
    let given_kw = kw
        .iter()
        .filter(|(k, _)| {
            code.varnames[argcount..argcount + kwonly]
                .iter()
                .any(|n| crate::objects::str::as_pystr(n) == crate::objects::str::as_pystr(k))
        })
        .count();
    let takes = if defaults > 0 {
        format!("from {} to {}", argcount - defaults, argcount)
    } else {
        argcount.to_string()
    };
    let plural = if argcount == 1 && defaults == 0 {
        ""
    } else {
        "s"
    };
    let kw_part = if given_kw > 0 {
        format!(
            " positional argument{} (and {} keyword-only argument{})",
            if nargs == 1 { "" } else { "s" },
            given_kw,
            if given_kw == 1 { "" } else { "s" }
        )
    } else {
        String::new()
    };
    let msg = if kw_part.is_empty() {
        format!(
            "{}() takes {} positional argument{} but {} {} given",
            qualname(f),
            takes,
            plural,
            nargs,
            if nargs == 1 { "was" } else { "were" }
        )
    } else {
        format!(
            "{}() takes {} positional argument{} but {}{} were given",
            qualname(f),
            takes,
            plural,
            nargs,
            kw_part
        )
    };
    msg
}

impl Vm {
    /// Keyword-only parameters not given take their defaults; a missing
    /// one without a default is an error.
    fn fill_kwonly_defaults(
        &mut self,
        f: &crate::objects::function::Function,
        code: &crate::objects::code::CodeObject,
        base: usize,
        cleanup: usize,
    ) -> PyResult<()> {
        let argcount = code.code.argcount as usize;
        let kwonly = code.code.kwonlyargcount as usize;
        let kwdefaults = f.kwdefaults.borrow().clone();
        let mut missing = Vec::new();
        for i in argcount..argcount + kwonly {
            if self.stack[base + i].is_null() {
                let name = code.varnames[i].clone();
                let d = match &kwdefaults {
                    Value::Obj(d) if matches!(d.kind(), ObjKind::Dict(_)) => {
                        crate::objects::dict::get_str_obj(d, &name)
                    }
                    _ => None,
                };
                match d {
                    Some(v) => self.stack[base + i] = v,
                    None => missing.push(crate::objects::str::text(&name).into_owned()),
                }
            }
        }
        if !missing.is_empty() {
            self.stack.truncate(cleanup);
            return Err(self.type_error(missing_message(&qualname(f), &missing, "keyword-only")));
        }
        Ok(())
    }
}
