//! Compiling source text into code the VM runs, running it in a
//! namespace, and running a program as `__main__` the way CPython does
//! (tracebacks, `SystemExit`, exit status).

use crate::eval::frame::Frame;
use crate::object::{Module, ObjKind};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use krait_compiler::Code;
use std::rc::Rc;

/// What `compile()` is asked to make.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Exec,
    Eval,
    Single,
}

impl Vm {
    /// Parses, checks and compiles source text; syntax errors become
    /// Python SyntaxError exceptions.
    pub fn compile_source(
        &mut self,
        source: &str,
        filename: &str,
        mode: Mode,
    ) -> PyResult<Rc<Code>> {
        let source = krait_syntax::source::normalize_newlines(source);
        let module = self.parse_source(&source, filename, mode)?;
        self.compile_tree(module, filename, &source)
    }

    /// Parses `source` for `mode` (what `ast.parse` returns): the syntax
    /// errors of the parser, not yet those of the compiler.
    pub fn parse_source(
        &mut self,
        source: &str,
        filename: &str,
        mode: Mode,
    ) -> PyResult<krait_syntax::ast::Mod> {
        // CPython's tokenizer reads `\r\n` and `\r` as `\n`, also in text
        // given to `compile()`, `exec()` and `eval()`.
        let source = &*krait_syntax::source::normalize_newlines(source);
        let (parsed, warnings) = match mode {
            Mode::Eval => krait_syntax::parser::parse_expression_with_warnings(
                source.trim_start_matches([' ', '\t']),
            ),
            _ => krait_syntax::parse_module_with_warnings(source),
        };
        // Warnings come first, also when the parse failed.
        self.emit_compile_warnings(&warnings, filename, source)?;
        let module = match parsed {
            Ok(m) => m,
            Err(e) => return Err(self.syntax_error_from(&e, filename, source)),
        };
        Ok(match (mode, module) {
            (Mode::Single, krait_syntax::ast::Mod::Module { body, .. }) => {
                krait_syntax::ast::Mod::Interactive { body }
            }
            (_, m) => m,
        })
    }

    /// Compiles a tree (parsed from `source`, which error messages quote;
    /// empty for a tree built in Python).
    pub fn compile_tree(
        &mut self,
        module: krait_syntax::ast::Mod,
        filename: &str,
        source: &str,
    ) -> PyResult<Rc<Code>> {
        if let Err(e) = krait_syntax::checks::check_module(&module) {
            return Err(self.compiler_error(e, filename, source));
        }
        let code =
            krait_compiler::compile_optimized(&module, filename, self.optimize).map_err(|e| {
                let err = krait_syntax::SyntaxError::at(e.loc, e.msg);
                self.compiler_error(err, filename, source)
            })?;
        let warnings = krait_syntax::checks::compile_warnings(&module);
        self.emit_compile_warnings(&warnings, filename, source)?;
        Ok(code)
    }

    /// Hands the front end's warnings to `warnings.warn_explicit`, located
    /// in `filename`. A warning a filter turns into an error becomes the
    /// SyntaxError CPython raises in its place.
    fn emit_compile_warnings(
        &mut self,
        warnings: &[krait_syntax::Warning],
        filename: &str,
        source: &str,
    ) -> PyResult<()> {
        if warnings.is_empty() {
            return Ok(());
        }
        let module = self.import("warnings")?;
        let warn = self.getattr_str(&module, "warn_explicit")?;
        for w in warnings {
            let category = self
                .exc
                .all
                .iter()
                .find(|(name, _)| name == w.category)
                .map_or_else(|| self.exc.deprecation_warning.clone(), |(_, c)| c.clone());
            let args = vec![
                self.new_string(w.msg.clone()),
                Value::Obj(category.clone()),
                self.new_string(filename.to_owned()),
                Value::Int(i64::from(w.lineno)),
            ];
            if let Err(e) = self.call(&warn, args) {
                if e.class().is_subtype(&category) {
                    return Err(self.syntax_error_from(&w.to_error(), filename, source));
                }
                return Err(e);
            }
        }
        Ok(())
    }

    /// A SyntaxError found while compiling a parsed tree. CPython's
    /// compiler has no source text at hand: it quotes the line from the
    /// file named `filename`, so errors in code compiled from a string
    /// (`<string>`, `<stdin>`) quote none.
    fn compiler_error(
        &mut self,
        mut e: krait_syntax::SyntaxError,
        filename: &str,
        source: &str,
    ) -> Obj {
        if e.text.is_none() {
            let line = std::fs::read(filename).ok().and_then(|bytes| {
                String::from_utf8_lossy(&bytes)
                    .lines()
                    .nth(e.lineno.saturating_sub(1) as usize)
                    .map(|l| format!("{l}\n"))
            });
            e.text = Some(line.unwrap_or_default());
        }
        self.syntax_error_from(&e, filename, source)
    }

    /// A SyntaxError (or subclass) object for a front-end error.
    pub fn syntax_error_from(
        &mut self,
        e: &krait_syntax::SyntaxError,
        filename: &str,
        source: &str,
    ) -> Obj {
        use krait_syntax::ErrorKind;
        let class = match e.kind {
            ErrorKind::SyntaxError => self.exc.syntax_error.clone(),
            ErrorKind::MemoryError => {
                return self.new_exception(&self.exc.memory_error.clone(), vec![])
            }
            ErrorKind::RecursionError => return self.recursion_error(),
            other => self
                .exc
                .all
                .iter()
                .find(|(n, _)| n == other.name())
                .map(|(_, c)| c.clone())
                .unwrap_or_else(|| self.exc.syntax_error.clone()),
        };
        let msg = e.msg.replace("{filename}", filename);
        let (offset, end_offset) = e.offsets(source);
        let text = match &e.text {
            // An empty text is a compiler error with no line to quote.
            Some(t) if t.is_empty() => None,
            Some(t) => Some(t.clone()),
            None => source
                .lines()
                .nth(e.lineno.saturating_sub(1) as usize)
                .map(|l| format!("{l}\n")),
        };
        let loc = if e.lineno == 0 {
            Value::None
        } else {
            let items = vec![
                self.new_str(filename),
                Value::Int(e.lineno as i64),
                offset.map(|o| Value::Int(o as i64)).unwrap_or(Value::None),
                text.map(|t| self.new_string(t)).unwrap_or(Value::None),
                Value::Int(e.end_lineno as i64),
                end_offset
                    .map(|o| Value::Int(o as i64))
                    .unwrap_or(Value::None),
            ];
            self.new_tuple(items)
        };
        let m = self.new_string(msg);
        let args = if loc.is_none() { vec![m] } else { vec![m, loc] };
        match self.call(&Value::Obj(class), args) {
            Ok(Value::Obj(o)) => o,
            Ok(_) => self.runtime_error("SyntaxError construction failed"),
            Err(err) => err,
        }
    }

    /// Runs module-level code in `globals` (and `locals`, for class-like
    /// namespaces; `globals` itself when `Null`).
    pub fn run_code(&mut self, code: &Rc<Code>, globals: &Obj, locals: Value) -> PyResult {
        let co = self.load_code(code);
        if crate::objects::dict::get_str(globals, "__builtins__").is_none() {
            let k = self.names.builtins.clone();
            let b = Value::Obj(self.builtins.clone());
            crate::objects::dict::set_str(self, globals, k, b);
        }
        let base = self.stack.len();
        self.stack.resize(base + co.nlocalsplus, Value::Null);
        let locals = if locals.is_null() {
            Value::Obj(globals.clone())
        } else {
            locals
        };
        let frame = Frame {
            code: co,
            pc: 0,
            base,
            globals: globals.clone(),
            locals,
            cleanup: base,
            is_entry: true,
            is_init: false,
            binop: None,
            gen: None,
        };
        self.run_frame(frame)
    }

    /// A new module object named `name` with its namespace.
    pub fn new_module(&mut self, name: &str) -> Obj {
        let m = Obj::new(
            self.types.module.clone(),
            ObjKind::Module(Module {
                name: name.to_string(),
            }),
        );
        let d = self.new_dict_obj(crate::objects::dict::table::Dict::new());
        let _ = m.object().dict_or_init(|| d.clone());
        let k = self.names.name.clone();
        let n = self.new_str(name);
        crate::objects::dict::set_str(self, &d, k, n);
        let k = self.names.doc.clone();
        crate::objects::dict::set_str(self, &d, k, Value::None);
        let k = self.intern("__package__");
        crate::objects::dict::set_str(self, &d, k, Value::None);
        let k = self.intern("__spec__");
        crate::objects::dict::set_str(self, &d, k, Value::None);
        let k = self.intern("__loader__");
        crate::objects::dict::set_str(self, &d, k, Value::None);
        m
    }

    /// Runs a program's source as `__main__`; returns the exit status.
    pub fn run_main(&mut self, source: &str, filename: &str) -> i32 {
        match self.compile_source(source, filename, Mode::Exec) {
            Ok(code) => self.run_main_code(&code, filename),
            Err(e) => {
                let status = self.report_uncaught(&e);
                self.stdout.flush();
                status
            }
        }
    }

    /// Runs compiled code as `__main__`; returns the exit status.
    pub fn run_main_code(&mut self, code: &Rc<Code>, filename: &str) -> i32 {
        let globals = self.new_main_module(Some(filename).filter(|f| !f.starts_with('<')));
        let status = match self.run_code(code, &globals, Value::Null) {
            Ok(_) => 0,
            Err(e) => self.report_uncaught(&e),
        };
        self.finish_main(&globals, status)
    }

    /// Runs module `name` as `__main__`, as `python3 -m name` does: through
    /// `runpy._run_module_as_main`, which finds it on `sys.path`, sets
    /// `sys.argv[0]` to its file and runs it in `__main__`'s namespace
    /// (a package's `__main__` submodule for a package).
    pub fn run_main_module(&mut self, name: &str) -> i32 {
        let globals = self.new_main_module(None);
        let run = (|| {
            let runpy = self.import("runpy")?;
            let f = self.getattr_str(&runpy, "_run_module_as_main")?;
            let name = self.new_str(name);
            self.call(&f, vec![name])
        })();
        let status = match run {
            Ok(_) => 0,
            Err(e) => self.report_uncaught(&e),
        };
        self.finish_main(&globals, status)
    }

    /// Makes the `__main__` module (with `__file__` when there is a file)
    /// and returns its namespace.
    fn new_main_module(&mut self, filename: Option<&str>) -> Obj {
        let main = self.new_module("__main__");
        let globals = main.object().dict().unwrap().clone();
        if let Some(filename) = filename {
            let k = self.names.file.clone();
            let f = self.new_str(filename);
            crate::objects::dict::set_str(self, &globals, k, f);
        }
        let k = self.names.builtins.clone();
        let b = Value::Obj(self.builtins.clone());
        crate::objects::dict::set_str(self, &globals, k, b);
        let key = self.new_str("__main__");
        let _ = crate::objects::dict::set(self, &self.modules.clone(), key, Value::Obj(main));
        globals
    }

    /// What follows the main program: threads joined, `atexit`, the
    /// namespace released, the streams flushed; returns `status`.
    fn finish_main(&mut self, globals: &Obj, status: i32) -> i32 {
        self.join_threads_at_exit();
        self.run_atexit();
        self.run_finalizers();
        self.clear_main_namespace(globals);
        self.stdout.flush();
        self.stderr.flush();
        status
    }

    /// At exit, the main module's names are released in order, as when
    /// CPython frees the module, so that suspended generators they held
    /// are closed and unawaited coroutines reported, in that order.
    fn clear_main_namespace(&mut self, globals: &Obj) {
        let n = crate::objects::dict::dict_cell(globals)
            .borrow()
            .entries_len();
        for pos in 0..n {
            let old = {
                let mut d = crate::objects::dict::dict_cell(globals).borrow_mut();
                if pos >= d.entries_len() {
                    break;
                }
                if d.entry(pos).key.is_null() {
                    continue;
                }
                std::mem::replace(d.value_at_mut(pos), Value::None)
            };
            drop(old);
            self.run_finalizers();
        }
    }

    /// Prints an uncaught exception (or handles SystemExit); the exit
    /// status.
    pub fn report_uncaught(&mut self, e: &Obj) -> i32 {
        self.stdout.flush();
        if e.class().is_subtype(&self.exc.system_exit) {
            return self.system_exit_status(e);
        }
        // Through `sys.excepthook`, which writes to `sys.stderr`, as
        // CPython reports it (a program may have replaced either).
        let hook = self.sys_attr("excepthook");
        let default = self.sys_attr("__excepthook__");
        let custom = !hook.is(&default) && !hook.is_none();
        if custom {
            let tb = self
                .getattr_str(&Value::Obj(e.clone()), "__traceback__")
                .unwrap_or(Value::None);
            let args = vec![Value::Obj(e.class().clone()), Value::Obj(e.clone()), tb];
            if let Err(hook_error) = self.call(&hook, args) {
                let mut text = String::from("Error in sys.excepthook:\n");
                text.push_str(&self.format_exception(&hook_error));
                text.push_str("\nOriginal exception was:\n");
                text.push_str(&self.format_exception(e));
                self.stderr.write(text.as_bytes());
            }
        } else {
            let text = self.format_exception(e);
            self.write_to_sys_stderr(&text);
        }
        self.stderr.flush();
        1
    }

    fn system_exit_status(&mut self, e: &Obj) -> i32 {
        let key = self.intern("code");
        let code = e
            .object()
            .dict()
            .and_then(|d| crate::objects::dict::get_str_obj(d, &key))
            .unwrap_or(Value::None);
        match &code {
            Value::None => 0,
            Value::Int(i) => *i as i32,
            Value::Truth(b) => *b as i32,
            other => {
                let s = self.str_string(other).unwrap_or_default();
                self.stderr.write(format!("{s}\n").as_bytes());
                self.stderr.flush();
                1
            }
        }
    }
}
