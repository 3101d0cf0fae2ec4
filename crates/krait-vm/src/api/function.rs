//! Native functions and methods declared as data: a name, the Rust
//! function, and the parameters it takes. The binder checks the
//! arguments against the declaration with CPython's messages before the
//! function runs, so a function's name and arity are written once.

use crate::objects::function::{Args, BuiltinFunction, NativeFn};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// What a native function accepts, besides a method's receiver.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Params {
    /// The function checks its own arguments.
    Unchecked,
    /// No arguments: "list.clear() takes no arguments (1 given)".
    NoArgs,
    /// Exactly one positional argument (CPython's `METH_O`):
    /// "math.sqrt() takes exactly one argument (2 given)".
    One,
    /// Between `min` and `max` positional arguments (CPython's
    /// `_PyArg_CheckPositional`): "atan2 expected 2 arguments, got 1".
    Range { min: u8, max: u8 },
    /// An operator method with exactly `args` arguments, which CPython
    /// implements as a slot wrapper: "expected 1 argument, got 0" (with
    /// `unpacked`, worded " expected 2 arguments, got 1", as the wrappers
    /// that unpack a tuple word it).
    Wrapper { args: u8, unpacked: bool },
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
            params: Params::Wrapper { args, unpacked },
            ..self
        }
    }

    pub const fn args(self, min: u8, max: u8) -> FunctionDef {
        FunctionDef {
            params: Params::Range { min, max },
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
            (Some(owner), _) => format!("{}.{}", owner.type_name(), self.name),
            (None, Some(m)) if m != "builtins" => format!("{m}.{}", self.name),
            _ => self.name.to_string(),
        }
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
            Params::Range { min, max } => {
                args.kw.is_empty() && n >= min as usize && n <= max as usize
            }
            Params::Wrapper { args: k, .. } => args.kw.is_empty() && n == k as usize,
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
            let wrapper = match self.params {
                Params::Wrapper { .. } => true,
                Params::Unchecked => is_slot_wrapper(self.name),
                _ => false,
            };
            return vm.type_error(if wrapper {
                format!("wrapper {}() takes no keyword arguments", self.name)
            } else {
                format!("{}() takes no keyword arguments", self.qualified_name())
            });
        }
        let msg = match self.params {
            Params::NoArgs => return crate::eval::call::no_args_error(vm, self, n),
            Params::One => format!(
                "{}() takes exactly one argument ({n} given)",
                self.qualified_name()
            ),
            Params::Range { min, max } => expected_count(self.name, min as usize, max as usize, n),
            Params::Wrapper { args, unpacked } => {
                let name = if unpacked { " " } else { "" };
                let s = if args == 1 { "" } else { "s" };
                format!("{name}expected {args} argument{s}, got {n}")
            }
            Params::Unchecked | Params::Named { .. } => unreachable!("checked elsewhere"),
        };
        vm.type_error(msg)
    }

    /// Binds `Params::Named` arguments: one positional value per name
    /// (`Value::Null` where not given), with Argument Clinic's errors.
    #[cold]
    pub fn bind_named(&self, vm: &Vm, args: Args, skip: usize) -> PyResult<Args> {
        let Params::Named {
            names,
            posonly,
            positional,
            required,
        } = self.params
        else {
            unreachable!("only named parameters")
        };
        let (posonly, positional, required) =
            (posonly as usize, positional as usize, required as usize);
        let name = self.name;
        let Args { pos, kw } = args;
        let n = pos.len() - skip;
        let plural = |k: usize| if k == 1 { "" } else { "s" };
        let minpos = required.min(positional);
        if n > positional {
            return Err(vm.type_error(if positional == 0 {
                format!("{name}() takes no positional arguments")
            } else {
                format!(
                    "{name}() takes {} {positional} positional argument{} ({n} given)",
                    if minpos < positional {
                        "at most"
                    } else {
                        "exactly"
                    },
                    plural(positional)
                )
            }));
        }
        let minposonly = posonly.min(minpos);
        if n < minposonly {
            return Err(vm.type_error(format!(
                "{name}() takes {} {minposonly} positional argument{} ({n} given)",
                if minposonly < positional {
                    "at least"
                } else {
                    "exactly"
                },
                plural(minposonly)
            )));
        }
        let mut out: smallvec::SmallVec<[Value; 6]> = pos;
        out.resize(skip + names.len(), Value::Null);
        let mut kw: Vec<Option<(Obj, Value)>> = kw.into_iter().map(Some).collect();
        for (i, param) in names.iter().enumerate().skip(n.max(posonly)) {
            let given = kw.iter_mut().find(|e| {
                e.as_ref()
                    .is_some_and(|(k, _)| crate::objects::str::str_eq(k, param))
            });
            if let Some((_, v)) = given.and_then(Option::take) {
                out[skip + i] = v;
            }
        }
        if let Some(i) = (0..required).find(|&i| out[skip + i].is_null()) {
            return Err(vm.type_error(format!(
                "{name}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
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

/// Whether CPython implements a built-in type's method of this name as a
/// slot wrapper (most dunders) rather than a method descriptor.
pub(crate) fn is_slot_wrapper(name: &str) -> bool {
    let method_dunder = matches!(
        name,
        "__floor__" | "__ceil__" | "__trunc__" | "__reversed__" | "__complex__"
    );
    name.starts_with("__") && name.ends_with("__") && !method_dunder
}
