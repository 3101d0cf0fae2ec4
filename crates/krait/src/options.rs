//! python3's command line: options as CPython reads them (bundled, `-Wd`,
//! `-W d`, `-c` and `-m` ending the options), the environment variables
//! they stand for, and what to run.

use krait_vm::Config;

/// What the command line asks for.
#[derive(Debug, PartialEq)]
pub enum Action {
    Help,
    Version,
    /// `-c CODE`: the code and `sys.argv[1:]`.
    Code(String, Vec<String>),
    /// `-m MODULE`.
    Module(String, Vec<String>),
    /// A script file.
    File(String, Vec<String>),
    /// `-`, or no program with standard input not a terminal.
    Stdin(Vec<String>),
    /// No program, on a terminal.
    Interactive,
}

#[derive(Debug)]
pub struct Options {
    pub config: Config,
    /// `-x`: the script's first line is skipped (its line numbers kept).
    pub skip_first_line: bool,
    pub action: Action,
}

/// A command line that cannot run: what to print, and the exit status.
#[derive(Debug)]
pub struct Refused {
    pub message: String,
    pub status: u8,
}

/// The message, the usage line and the pointer to `-h` (status 2).
fn usage_error(message: &str) -> Refused {
    Refused {
        message: format!(
            "{message}\nusage: krait [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n"
        ),
        status: 2,
    }
}

/// Options that take an argument.
const WITH_ARGUMENT: &[char] = &['c', 'm', 'W', 'X'];
/// Options that stand alone.
const FLAGS: &[char] = &[
    'b', 'B', 'd', 'E', 'h', 'i', 'I', 'O', 'P', 'q', 's', 'S', 'u', 'v', 'V', 'x', '?', 'R',
];

/// Reads the arguments after the program name; `env` looks up an
/// environment variable.
pub fn parse(args: &[String], env: impl Fn(&str) -> Option<String>) -> Result<Options, Refused> {
    let mut c = Config::default();
    let mut skip_first_line = false;
    let mut unbuffered = false;
    let mut dont_write_bytecode = false;
    let mut command_line_warnings = Vec::new();
    let mut action = None;
    let mut i = 0;
    while i < args.len() && action.is_none() {
        let arg = &args[i];
        i += 1;
        match arg.as_str() {
            "--" => break,
            "--help" | "--help-env" | "--help-xoptions" | "--help-all" => {
                action = Some(Action::Help);
                break;
            }
            "--version" => {
                action = Some(Action::Version);
                break;
            }
            a if a.starts_with("--") => return Err(usage_error(&format!("unknown option {a}"))),
            "-" => {
                i -= 1;
                break;
            }
            a if a.starts_with('-') => {}
            _ => {
                i -= 1;
                break;
            }
        }
        let chars: Vec<char> = arg.chars().skip(1).collect();
        let mut k = 0;
        while k < chars.len() {
            let opt = chars[k];
            k += 1;
            if WITH_ARGUMENT.contains(&opt) {
                let value = if k < chars.len() {
                    let rest: String = chars[k..].iter().collect();
                    k = chars.len();
                    rest
                } else if i < args.len() {
                    i += 1;
                    args[i - 1].clone()
                } else {
                    return Err(usage_error(&format!(
                        "Argument expected for the -{opt} option"
                    )));
                };
                match opt {
                    'c' => action = Some(Action::Code(value, args[i..].to_vec())),
                    'm' => action = Some(Action::Module(value, args[i..].to_vec())),
                    'W' => command_line_warnings.push(value),
                    _ => c.xoptions.push(value),
                }
                if action.is_some() {
                    break;
                }
                continue;
            }
            if !FLAGS.contains(&opt) {
                return Err(usage_error(&format!("Unknown option: -{opt}")));
            }
            match opt {
                'b' => c.bytes_warning = c.bytes_warning.saturating_add(1),
                'B' => dont_write_bytecode = true,
                'd' => c.debug = true,
                'E' => c.ignore_environment = true,
                'h' | '?' => action = Some(Action::Help),
                'i' => {
                    return Err(Refused {
                        message:
                            "krait: -i is not implemented yet (there is no interactive prompt)\n"
                                .into(),
                        status: 2,
                    })
                }
                'I' => {
                    c.isolated = true;
                    c.ignore_environment = true;
                    c.no_user_site = true;
                    c.safe_path = true;
                }
                'O' => c.optimize = c.optimize.saturating_add(1).min(2),
                'P' => c.safe_path = true,
                'q' => c.quiet = true,
                's' => c.no_user_site = true,
                'S' => c.no_site = true,
                'u' => unbuffered = true,
                'v' => c.verbose = c.verbose.saturating_add(1),
                'V' => action = Some(Action::Version),
                'x' => skip_first_line = true,
                // -R: hash randomization, always on.
                _ => {}
            }
            if action.is_some() {
                break;
            }
        }
    }
    let action = match action {
        Some(a) => a,
        None => match args.get(i) {
            Some(a) if a == "-" => Action::Stdin(args[i + 1..].to_vec()),
            Some(file) => Action::File(file.clone(), args[i + 1..].to_vec()),
            None => Action::Interactive,
        },
    };
    // The environment, unless -E or -I said to ignore it.
    let env = |name: &str| {
        if c.ignore_environment {
            None
        } else {
            env(name).filter(|v| !v.is_empty())
        }
    };
    if let Some(w) = env("PYTHONWARNINGS") {
        c.warnoptions.extend(
            w.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
        );
    }
    c.warnoptions.extend(command_line_warnings);
    c.unbuffered = unbuffered || env("PYTHONUNBUFFERED").is_some();
    c.dont_write_bytecode = dont_write_bytecode || env("PYTHONDONTWRITEBYTECODE").is_some();
    c.no_user_site |= env("PYTHONNOUSERSITE").is_some();
    c.safe_path |= env("PYTHONSAFEPATH").is_some();
    if c.optimize == 0 {
        if let Some(level) = env("PYTHONOPTIMIZE") {
            c.optimize = level.parse::<u8>().unwrap_or(1).min(2);
        }
    }
    c.dev_mode = c.xoptions.iter().any(|x| x == "dev") || env("PYTHONDEVMODE").is_some();
    c.utf8_mode = c.xoptions.iter().any(|x| x == "utf8" || x == "utf8=1")
        || env("PYTHONUTF8").as_deref() == Some("1");
    let digits = c
        .xoptions
        .iter()
        .find_map(|x| x.strip_prefix("int_max_str_digits="))
        .map(|v| (v.to_owned(), "-X int_max_str_digits"))
        .or_else(|| env("PYTHONINTMAXSTRDIGITS").map(|v| (v, "PYTHONINTMAXSTRDIGITS")));
    if let Some((value, source)) = digits {
        let min = krait_syntax::literals::MIN_MAX_STR_DIGITS;
        match value.parse::<usize>() {
            Ok(n) if n == 0 || n >= min => c.int_max_str_digits = Some(n),
            _ => {
                return Err(Refused {
                    message: format!(
                        "Fatal Python error: config_init_int_max_str_digits: {source}: invalid limit; must be >= {min} or 0 for unlimited.\n"
                    ),
                    status: 1,
                })
            }
        }
    }
    Ok(Options {
        config: c,
        skip_first_line,
        action,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_args(args: &[&str], env: &[(&str, &str)]) -> Result<Options, Refused> {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        parse(&args, |name| {
            env.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn bundled_options_and_their_arguments() {
        let o = parse_args(&["-Bqc", "print(1)", "a", "-v"], &[]).unwrap();
        assert!(o.config.dont_write_bytecode && o.config.quiet);
        assert_eq!(
            o.action,
            Action::Code("print(1)".into(), vec!["a".into(), "-v".into()])
        );
        let o = parse_args(
            &["-Wd", "-W", "error", "-X", "dev", "-OO", "s.py", "-O"],
            &[],
        )
        .unwrap();
        assert_eq!(o.config.warnoptions, vec!["d", "error"]);
        assert!(o.config.dev_mode);
        assert_eq!(o.config.optimize, 2);
        assert_eq!(o.action, Action::File("s.py".into(), vec!["-O".into()]));
    }

    #[test]
    fn environment_comes_first_unless_ignored() {
        let env = [
            ("PYTHONWARNINGS", "always,error::UserWarning"),
            ("PYTHONUNBUFFERED", "1"),
        ];
        let o = parse_args(&["-W", "once", "-m", "json.tool"], &env).unwrap();
        assert_eq!(
            o.config.warnoptions,
            vec!["always", "error::UserWarning", "once"]
        );
        assert!(o.config.unbuffered);
        assert_eq!(o.action, Action::Module("json.tool".into(), vec![]));
        let o = parse_args(&["-I", "-"], &env).unwrap();
        assert!(o.config.warnoptions.is_empty() && !o.config.unbuffered);
        assert!(o.config.isolated && o.config.safe_path && o.config.no_user_site);
        assert_eq!(o.action, Action::Stdin(vec![]));
    }

    #[test]
    fn errors_are_worded_as_cpython_words_them() {
        let e = parse_args(&["-Q"], &[]).unwrap_err();
        assert!(e.message.starts_with("Unknown option: -Q\nusage: "));
        assert_eq!(e.status, 2);
        let e = parse_args(&["-X"], &[]).unwrap_err();
        assert!(e
            .message
            .starts_with("Argument expected for the -X option\n"));
        let e = parse_args(&["-X", "int_max_str_digits=5"], &[]).unwrap_err();
        assert!(e
            .message
            .contains("invalid limit; must be >= 640 or 0 for unlimited"));
        assert_eq!(e.status, 1);
    }
}
