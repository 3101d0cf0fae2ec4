//! Native functions and methods declared as data: a name, the Rust
//! function, and the parameters it takes. The binder checks the
//! arguments against the declaration with CPython's messages before the
//! function runs, so a function's name and arity are written once.

use crate::objects::function::{Args, BuiltinFunction, NativeFn};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// What a native function accepts, besides a method's receiver. Each
/// form is one of the ways CPython's built-ins take their arguments, and
/// words its errors as they do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Params {
    /// The function checks its own arguments.
    Unchecked,
    /// No arguments (`METH_NOARGS`): "list.clear() takes no arguments
    /// (1 given)".
    NoArgs,
    /// Exactly one positional argument (`METH_O`):
    /// "math.sqrt() takes exactly one argument (2 given)".
    One,
    /// Between `min` and `max` positional arguments, as Argument Clinic
    /// checks positional-only parameters: "atan2 expected 2 arguments,
    /// got 1".
    Range { min: u8, max: u8 },
    /// Between `min` and `max` positional arguments, as `PyArg_ParseTuple`
    /// checks them: "count() takes at least 1 argument (0 given)".
    Tuple { min: u8, max: u8 },
    /// An operator method, which CPython implements as a slot wrapper:
    /// "expected 1 argument, got 0" (with `unpacked`, worded
    /// " expected 2 arguments, got 1", as the wrappers that unpack a
    /// tuple word it), and "wrapper __len__() takes no keyword arguments".
    Wrapper { min: u8, max: u8, unpacked: bool },
    /// Named parameters, as Argument Clinic binds them: the first
    /// `posonly` only by position, at most `positional` by position, the
    /// first `required` required. The function gets one positional
    /// argument per name, `Value::Null` for those not given.
    Named {
        names: &'static [&'static str],
        posonly: u8,
        positional: u8,
        required: u8,
    },
}

/// How a function is bound when looked up on a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FunctionKind {
    /// A module function, or a function in a type's namespace that does
    /// not bind (`__new__`, static methods).
    Plain,
    /// Takes the instance first.
    Method,
    /// Takes the class first (`dict.fromkeys`).
    ClassMethod,
}

/// One entry of a module's or a type's table of functions.
#[derive(Clone, Copy)]
pub struct FunctionDef {
    pub name: &'static str,
    pub func: NativeFn,
    pub params: Params,
    pub kind: FunctionKind,
}

impl FunctionDef {
    /// A plain function that checks its own arguments; narrow it with
    /// [`FunctionDef::no_args`], [`FunctionDef::one`], [`FunctionDef::args`]
    /// or [`FunctionDef::named`].
    pub const fn new(name: &'static str, func: NativeFn) -> FunctionDef {
        FunctionDef {
            name,
            func,
            params: Params::Unchecked,
            kind: FunctionKind::Plain,
        }
    }

    /// A method: the receiver comes first and is not counted.
    pub const fn method(name: &'static str, func: NativeFn) -> FunctionDef {
        FunctionDef {
            kind: FunctionKind::Method,
            ..FunctionDef::new(name, func)
        }
    }

    /// A class method: the class comes first and is not counted.
    pub const fn classmethod(name: &'static str, func: NativeFn) -> FunctionDef {
        FunctionDef {
            kind: FunctionKind::ClassMethod,
            ..FunctionDef::new(name, func)
        }
    }

    pub const fn no_args(self) -> FunctionDef {
        FunctionDef {
            params: Params::NoArgs,
            ..self
        }
    }

    pub const fn one(self) -> FunctionDef {
        FunctionDef {
            params: Params::One,
            ..self
        }
    }

    /// An operator method taking exactly `args` arguments (see
    /// [`Params::Wrapper`]).
    pub const fn wrapper(self, args: u8, unpacked: bool) -> FunctionDef {
        FunctionDef {
            params: Params::Wrapper {
                min: args,
                max: args,
                unpacked,
            },
            ..self
        }
    }

    /// An operator method taking between `min` and `max` arguments,
    /// worded as the wrappers that unpack a tuple word it (`__get__`).
    pub const fn wrapper_range(self, min: u8, max: u8) -> FunctionDef {
        FunctionDef {
            params: Params::Wrapper {
                min,
                max,
                unpacked: true,
            },
            ..self
        }
    }

    /// A unary operator method (`__neg__`, `__len__`): a slot wrapper
    /// taking no argument.
    pub const fn unary(name: &'static str, func: NativeFn) -> FunctionDef {
        FunctionDef::method(name, func).wrapper(0, false)
    }

    /// A binary operator method (`__add__`, `__eq__`): a slot wrapper
    /// taking one argument.
    pub const fn binary(name: &'static str, func: NativeFn) -> FunctionDef {
        FunctionDef::method(name, func).wrapper(1, false)
    }

    /// `__pow__`/`__rpow__`: the operand and an optional modulus.
    pub const fn ternary(name: &'static str, func: NativeFn) -> FunctionDef {
        FunctionDef {
            params: Params::Wrapper {
                min: 1,
                max: 2,
                unpacked: true,
            },
            ..FunctionDef::method(name, func)
        }
    }

    /// Between `min` and `max` positional arguments (see [`Params::Range`]).
    pub const fn args(self, min: u8, max: u8) -> FunctionDef {
        FunctionDef {
            params: Params::Range { min, max },
            ..self
        }
    }

    /// Between `min` and `max` positional arguments (see [`Params::Tuple`]).
    pub const fn tuple_args(self, min: u8, max: u8) -> FunctionDef {
        FunctionDef {
            params: Params::Tuple { min, max },
            ..self
        }
    }

    /// Parameters by name; `positional` of them may come by position
    /// (the rest are keyword-only), the first `posonly` only so, and the
    /// first `required` must be given.
    pub const fn named(
        self,
        names: &'static [&'static str],
        posonly: u8,
        positional: u8,
        required: u8,
    ) -> FunctionDef {
        FunctionDef {
            params: Params::Named {
                names,
                posonly,
                positional,
                required,
            },
            ..self
        }
    }
}

impl BuiltinFunction {
    /// How messages name the function: `list.append`, `math.sqrt`, `len`.
    pub fn qualified_name(&self) -> String {
        match (&self.owner, self.module) {
            (Some(owner), _) => format!("{}.{}", owner.short_type_name(), self.name),
            (None, Some(m)) if m != "builtins" => format!("{m}.{}", self.name),
            _ => self.name.to_string(),
        }
    }

    /// How messages about a call name the function: a class method
    /// bound to a class is named after that class (`A.__init_subclass__`),
    /// a method object bound to an instance after the instance's type
    /// (`set().__format__` is `set.__format__`; called straight from the
    /// lookup, as `x.m()` is, it keeps its owner's name).
    pub fn called_name(&self, vm: &Vm, args: &Args) -> String {
        if !self.receiver.is_null() {
            let cls = match &self.receiver {
                Value::Obj(r) if r.type_data().is_some() => r,
                r => vm.class_of(r),
            };
            return format!("{}.{}", cls.short_type_name(), self.name);
        }
        if self.is_classmethod {
            if let Some(Value::Obj(cls)) = args.pos.first() {
                if cls.type_data().is_some() {
                    return format!("{}.{}", cls.short_type_name(), self.name);
                }
            }
        }
        self.qualified_name()
    }

    /// Whether calls rebuild their arguments (`Params::Named`) rather than
    /// only having them checked.
    #[inline(always)]
    pub fn rebinds_args(&self) -> bool {
        matches!(self.params, Params::Named { .. })
    }

    /// Checks `args` (whose first `skip` values are the receiver) against
    /// the declared parameters, for all but `Params::Named` (see
    /// [`BuiltinFunction::bind_named`]). Borrowing keeps the hot call
    /// paths free of moving the argument list in and out.
    #[inline(always)]
    pub fn check_args(&self, vm: &Vm, args: &Args, skip: usize) -> PyResult<()> {
        let n = args.pos.len().saturating_sub(skip);
        let ok = match self.params {
            Params::Unchecked | Params::Named { .. } => true,
            Params::NoArgs => n == 0 && args.kw.is_empty(),
            Params::One => n == 1 && args.kw.is_empty(),
            Params::Range { min, max }
            | Params::Tuple { min, max }
            | Params::Wrapper { min, max, .. } => {
                args.kw.is_empty() && n >= min as usize && n <= max as usize
            }
        };
        if ok {
            Ok(())
        } else {
            Err(self.arity_error(vm, args, n))
        }
    }

    /// Checks and binds `args` whatever the parameters: `Params::Named`
    /// come back one per name, in declaration order.
    pub fn bind_args(&self, vm: &Vm, args: Args, skip: usize) -> PyResult<Args> {
        if self.rebinds_args() {
            return self.bind_named(vm, args, skip);
        }
        self.check_args(vm, &args, skip)?;
        Ok(args)
    }

    #[cold]
    fn arity_error(&self, vm: &Vm, args: &Args, n: usize) -> Obj {
        if !args.kw.is_empty() {
            // Operator methods are slot wrappers in CPython, named so.
            let wrapper = matches!(self.params, Params::Wrapper { .. });
            return vm.type_error(if wrapper {
                format!("wrapper {}() takes no keyword arguments", self.name)
            } else if let Params::Tuple { .. } = self.params {
                format!("{}() takes no keyword arguments", self.name)
            } else {
                format!(
                    "{}() takes no keyword arguments",
                    self.called_name(vm, args)
                )
            });
        }
        let msg = match self.params {
            Params::NoArgs => return crate::eval::call::no_args_error(vm, self, args, n),
            Params::One => format!(
                "{}() takes exactly one argument ({n} given)",
                self.called_name(vm, args)
            ),
            Params::Range { min, max } => expected_count(self.name, min as usize, max as usize, n),
            Params::Tuple { min, max } => {
                let (min, max) = (min as usize, max as usize);
                let (bound, k) = if min == max {
                    ("exactly", min)
                } else if n < min {
                    ("at least", min)
                } else {
                    ("at most", max)
                };
                let s = if k == 1 { "" } else { "s" };
                format!("{}() takes {bound} {k} argument{s} ({n} given)", self.name)
            }
            Params::Wrapper { min, max, unpacked } => {
                // " expected 1 argument, got 0": the wrappers that unpack
                // a tuple word it with an empty name before the space.
                let msg = expected_count("", min as usize, max as usize, n);
                if unpacked {
                    msg
                } else {
                    msg.trim_start().to_string()
                }
            }
            Params::Unchecked | Params::Named { .. } => unreachable!("checked elsewhere"),
        };
        vm.type_error(msg)
    }

    /// Binds `Params::Named` arguments (see [`Params::bind`]).
    pub fn bind_named(&self, vm: &Vm, args: Args, skip: usize) -> PyResult<Args> {
        self.params.bind(vm, self.name, args, skip)
    }
}

impl Params {
    /// Binds `Params::Named` arguments: one positional value per name
    /// (`Value::Null` where not given), checked in the order Argument
    /// Clinic checks them, with its messages.
    /// `name` is the function's name in messages; the first `skip`
    /// positional values (a receiver, a class) are passed through.
    pub fn bind(&self, vm: &Vm, name: &str, args: Args, skip: usize) -> PyResult<Args> {
        let Params::Named {
            names,
            posonly,
            positional,
            required,
        } = *self
        else {
            unreachable!("only named parameters")
        };
        let (posonly, maxpos, required) =
            (posonly as usize, positional as usize, required as usize);
        let Args { pos, kw } = args;
        let n = pos.len() - skip;
        let plural = |k: usize| if k == 1 { "" } else { "s" };
        let maxargs = names.len();
        let minpos = required.min(maxpos);
        // Required keyword-only parameters end where the required ones do.
        let reqlimit = if required > maxpos { required } else { minpos };
        if n + kw.len() > maxargs {
            let keyword = if n == 0 { "keyword " } else { "" };
            return Err(vm.type_error(format!(
                "{name}() takes at most {maxargs} {keyword}argument{} ({} given)",
                plural(maxargs),
                n + kw.len()
            )));
        }
        if n > maxpos {
            return Err(vm.type_error(if maxpos == 0 {
                format!("{name}() takes no positional arguments")
            } else {
                let bound = if minpos < maxpos {
                    "at most"
                } else {
                    "exactly"
                };
                format!(
                    "{name}() takes {bound} {maxpos} positional argument{} ({n} given)",
                    plural(maxpos)
                )
            }));
        }
        let minposonly = posonly.min(minpos);
        if n < minposonly {
            let bound = if minposonly < maxpos {
                "at least"
            } else {
                "exactly"
            };
            return Err(vm.type_error(format!(
                "{name}() takes {bound} {minposonly} positional argument{} ({n} given)",
                plural(minposonly)
            )));
        }
        let mut out: smallvec::SmallVec<[Value; 6]> = pos;
        out.resize(skip + maxargs, Value::Null);
        // The common call: everything by position, nothing required missing.
        if kw.is_empty() && n >= reqlimit {
            return Ok(Args {
                pos: out,
                kw: Vec::new(),
            });
        }
        let mut kw: Vec<Option<(Obj, Value)>> = kw.into_iter().map(Some).collect();
        let mut left = kw.len();
        for (i, param) in names.iter().enumerate().skip(n.max(posonly)) {
            if left == 0 && i >= reqlimit {
                break;
            }
            let given = kw.iter_mut().find(|e| {
                e.as_ref()
                    .is_some_and(|(k, _)| crate::objects::str::str_eq(k, param))
            });
            if let Some((_, v)) = given.and_then(Option::take) {
                out[skip + i] = v;
                left -= 1;
            } else if i < minpos || (maxpos <= i && i < reqlimit) {
                return Err(vm.type_error(format!(
                    "{name}() missing required argument '{param}' (pos {})",
                    i + 1
                )));
            }
        }
        if let Some((k, _)) = kw.into_iter().flatten().next() {
            let key = crate::objects::str::text(&k);
            return Err(vm.type_error(match names.iter().position(|p| *p == key) {
                Some(i) if i >= posonly && i < n => {
                    format!(
                        "argument for {name}() given by name ('{key}') and position ({})",
                        i + 1
                    )
                }
                _ => format!("'{key}' is an invalid keyword argument for {name}()"),
            }));
        }
        Ok(Args {
            pos: out,
            kw: Vec::new(),
        })
    }
}

/// Checks the positional arguments after the first `skip` (a receiver,
/// a class) of a function that checks its own: "set expected at most 1
/// argument, got 2", and "set() takes no keyword arguments".
pub fn check_positional(
    vm: &Vm,
    args: &Args,
    name: &str,
    skip: usize,
    min: usize,
    max: usize,
) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.pos.len().saturating_sub(skip);
    if n < min || n > max {
        return Err(vm.type_error(expected_count(name, min, max, n)));
    }
    Ok(())
}

/// "name expected 2 arguments, got 1" and its at-least/at-most forms.
pub(crate) fn expected_count(name: &str, min: usize, max: usize, n: usize) -> String {
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if min == max {
        format!("{name} expected {min} argument{}, got {n}", plural(min))
    } else if n < min {
        format!(
            "{name} expected at least {min} argument{}, got {n}",
            plural(min)
        )
    } else {
        format!(
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        )
    }
}
