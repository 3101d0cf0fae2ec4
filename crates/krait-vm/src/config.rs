//! How the command line (or a program embedding Krait) configures the
//! interpreter: python3's options, which programs see as `sys.flags`,
//! `sys.warnoptions` and `sys._xoptions`.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// python3's options, as the `krait` command line read them (environment
/// variables included, unless `-E` or `-I` said to ignore them).
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub debug: bool,
    pub inspect: bool,
    pub interactive: bool,
    /// `-O` once: 1; `-OO`: 2.
    pub optimize: u8,
    pub dont_write_bytecode: bool,
    pub no_user_site: bool,
    pub no_site: bool,
    pub ignore_environment: bool,
    pub verbose: u8,
    /// `-b`: 1, `-bb`: 2.
    pub bytes_warning: u8,
    pub quiet: bool,
    pub isolated: bool,
    pub dev_mode: bool,
    pub utf8_mode: bool,
    /// `-P`: the script's directory is not put first on `sys.path`.
    pub safe_path: bool,
    /// Standard output and error write through (`-u`).
    pub unbuffered: bool,
    /// `-X int_max_str_digits=N` (or `PYTHONINTMAXSTRDIGITS`).
    pub int_max_str_digits: Option<usize>,
    /// Warning filters to apply, in order (`PYTHONWARNINGS`, then `-W`).
    pub warnoptions: Vec<String>,
    /// `-X` options, `name` or `name=value`.
    pub xoptions: Vec<String>,
}

impl Vm {
    /// Applies `config`: `sys.flags`, `sys.warnoptions` (with `warnings`
    /// imported to apply them, as CPython does at start-up),
    /// `sys._xoptions`, the optimization level, the int digit limit and
    /// the standard streams' buffering. An error in applying them (a
    /// `-W` option `warnings` cannot import for) is reported, not fatal.
    pub fn configure(&mut self, config: &Config) {
        if let Err(e) = self.apply_config(config) {
            self.write_unraisable(
                &e,
                Some("Exception ignored in applying options"),
                Value::None,
            );
        }
    }

    fn apply_config(&mut self, config: &Config) -> PyResult<()> {
        self.optimize = config.optimize;
        if config.unbuffered {
            self.stdout.set_write_through(true);
            self.stderr.set_write_through(true);
        }
        if let Some(limit) = config.int_max_str_digits {
            krait_syntax::literals::set_int_max_str_digits(limit);
        }
        crate::modules::sys::set_flags(self, config);
        let sys = Value::Obj(self.sys.clone());
        let xoptions = self.new_dict();
        for option in &config.xoptions {
            let (name, value) = match option.split_once('=') {
                Some((n, v)) => (n, self.new_str(v)),
                None => (option.as_str(), Value::Bool(true)),
            };
            let name = self.new_str(name);
            self.setitem(&xoptions, name, value)?;
        }
        self.setattr_str(&sys, "_xoptions", xoptions)?;
        let mut warnoptions = Vec::new();
        if config.dev_mode {
            warnoptions.push(self.new_str("default"));
        }
        warnoptions.extend(config.warnoptions.iter().map(|w| self.new_str(w)));
        let any_warnoptions = !warnoptions.is_empty();
        let warnoptions = self.new_list(warnoptions);
        self.setattr_str(&sys, "warnoptions", warnoptions)?;
        self.setattr_str(
            &sys,
            "dont_write_bytecode",
            Value::Bool(config.dont_write_bytecode),
        )?;
        if any_warnoptions {
            self.import("warnings")?;
        }
        Ok(())
    }
}
