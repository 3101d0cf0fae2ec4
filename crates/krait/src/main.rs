//! The `krait` command line.
//!
//! `krait FILE [ARGS]`, `krait -c CODE [ARGS]` and `krait -` run a program
//! as `python3` does. `krait ast`, `krait tokens` and `krait dis` show what
//! the front end and the compiler make of it.

use std::io::Write;
use std::process::ExitCode;

mod alloc;
mod options;

use krait_vm::Config;
use options::Action;

/// Python programs allocate and free small objects at a high rate;
/// mimalloc's thread-local size classes do that in far fewer instructions
/// than the system allocator.
#[global_allocator]
static ALLOCATOR: alloc::Mimalloc = alloc::Mimalloc;

const VERSION: &str = "Python 3.11.7 (krait 0.1.0)";

const USAGE: &str = "\
usage: krait [option] ... [-c cmd | -m mod | file | -] [arg] ...
       krait ast [--check] FILE...   print the syntax tree as ast.dump(..., include_attributes=True)
       krait tokens [-e] FILE        print the tokens as python3 -m tokenize does
       krait dis FILE                print the bytecode of a program
Options (and corresponding environment variables):
-b     : set sys.flags.bytes_warning (-bb: 2); Krait issues no BytesWarning yet
-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x
-c cmd : program passed in as string (terminates option list)
-d     : set sys.flags.debug
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-I     : isolate Python from the user's environment (implies -E and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements; also PYTHONOPTIMIZE=x
-OO    : do -O changes and also discard docstrings
-P     : don't prepend a potentially unsafe path to sys.path
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path; also PYTHONNOUSERSITE
-S     : set sys.flags.no_site (Krait does not import site at start-up)
-u     : force the stdout and stderr streams to be unbuffered;
         this option has no effect on stdin; also PYTHONUNBUFFERED=x
-v     : set sys.flags.verbose; Krait does not trace imports yet
-V     : print the Python version number and exit (also --version)
-W arg : warning control; arg is action:message:category:module:lineno
         also PYTHONWARNINGS=arg
-x     : skip first line of source, allowing use of non-Unix forms of #!cmd
-X opt : set implementation-specific option (dev, utf8, int_max_str_digits=N)
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
";

/// The parser recurses once per nesting level; give it room for CPython's
/// nesting limits whatever the platform's main-thread stack size.
const PARSER_STACK: usize = 512 * 1024 * 1024;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // The interpreter's thread ends the process itself: in a child made
    // by `os.fork()` it is the only thread, with no main thread to
    // report its status to.
    let handle = std::thread::Builder::new()
        .stack_size(PARSER_STACK)
        .spawn(move || std::process::exit(run(args).into()))
        .expect("spawn the main thread");
    krait_vm::signals::leave_signals_to_other_threads();
    // Only a panic on the interpreter's thread comes back here.
    let _ = handle.join();
    ExitCode::from(70)
}

fn run(args: Vec<String>) -> u8 {
    match args.first().map(String::as_str) {
        Some("ast") => return ast_command(&args[1..]),
        Some("tokens") => return tokens_command(&args[1..]),
        Some("dis") => return dis_command(&args[1..]),
        _ => {}
    }
    let options = match options::parse(&args, |name| std::env::var(name).ok()) {
        Ok(o) => o,
        Err(refused) => {
            eprint!("{}", refused.message);
            return refused.status;
        }
    };
    let config = &options.config;
    match options.action {
        Action::Help => {
            print!("{USAGE}");
            0
        }
        Action::Version => {
            println!("{VERSION}");
            0
        }
        Action::Code(code, rest) => {
            let mut argv = vec!["-c".to_string()];
            argv.extend(rest);
            run_program(config, code.as_bytes(), "<string>", argv, String::new())
        }
        Action::Module(module, rest) => run_module(config, &module, &rest),
        Action::File(path, rest) => run_file(config, &path, &rest, options.skip_first_line),
        Action::Stdin(rest) => run_stdin(config, rest),
        Action::Interactive => {
            use std::io::IsTerminal;
            if !std::io::stdin().is_terminal() {
                return run_stdin(config, Vec::new());
            }
            eprintln!("krait: the interactive interpreter is not implemented yet");
            2
        }
    }
}

fn read(path: &str) -> Result<Vec<u8>, u8> {
    std::fs::read(path).map_err(|e| {
        eprintln!(
            "krait: can't open file '{path}': [Errno {}] {}",
            e.raw_os_error().unwrap_or(0),
            describe_io_error(&e)
        );
        2
    })
}

fn describe_io_error(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => e.to_string(),
    }
}

/// Prints a SyntaxError as CPython prints it for a script.
fn report(path: &str, bytes: &[u8], source: &str, err: &krait_syntax::SyntaxError) {
    let mut err = err.clone();
    err.msg = err.msg.replace("{filename}", path);
    err.in_chars |= krait_syntax::source::declares_encoding(bytes);
    eprint!("{}", err.render(path, source));
}

fn ast_command(args: &[String]) -> u8 {
    let (check, files): (bool, &[String]) = match args.first().map(String::as_str) {
        Some("--check") => (true, &args[1..]),
        _ => (false, args),
    };
    if files.is_empty() {
        eprintln!("usage: krait ast [--check] FILE...");
        return 2;
    }
    let mut status = 0;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for path in files {
        let bytes = match read(path) {
            Ok(b) => b,
            Err(code) => {
                status = code;
                continue;
            }
        };
        let parsed = krait_syntax::parse_file_bytes(&bytes);
        report_warnings(path, &parsed);
        let too_deep = match &parsed.result {
            Ok(krait_syntax::ast::Mod::Module { body, .. }) => {
                krait_syntax::checks::tree_depth(body) > krait_syntax::checks::MAX_TREE_DEPTH
            }
            _ => false,
        };
        if too_deep {
            // Where CPython's ast.parse gives up, converting the tree.
            eprintln!("RecursionError: maximum recursion depth exceeded during ast construction");
            status = 1;
            continue;
        }
        match &parsed.result {
            Ok(module) => {
                if !check {
                    let mut text = krait_syntax::ast::dump_module(module);
                    text.push('\n');
                    let _ = out.write_all(text.as_bytes());
                }
            }
            Err(err) => {
                let _ = out.flush();
                report(path, &bytes, &parsed.source, err);
                status = 1;
            }
        }
    }
    status
}

fn dis_command(args: &[String]) -> u8 {
    let [path] = args else {
        eprintln!("usage: krait dis FILE");
        return 2;
    };
    let bytes = match read(path) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let parsed = krait_syntax::parse_file_bytes(&bytes);
    report_warnings(path, &parsed);
    let checked = parsed
        .result
        .as_ref()
        .map_err(Clone::clone)
        .and_then(|m| krait_syntax::checks::check_module(m).map(|()| m));
    match checked {
        Ok(module) => match krait_compiler::compile(module, path) {
            Ok(code) => {
                print!("{}", krait_compiler::dis::disassemble(&code));
                0
            }
            Err(e) => {
                eprintln!("SystemError: {} (line {})", e.msg, e.loc.lineno);
                1
            }
        },
        Err(err) => {
            report(path, &bytes, &parsed.source, &err);
            1
        }
    }
}

fn tokens_command(args: &[String]) -> u8 {
    let (exact, files): (bool, &[String]) = match args.first().map(String::as_str) {
        Some("-e") | Some("--exact") => (true, &args[1..]),
        _ => (false, args),
    };
    let [path] = files else {
        eprintln!("usage: krait tokens [-e] FILE");
        return 2;
    };
    let bytes = match read(path) {
        Ok(b) => b,
        Err(code) => return code,
    };
    match krait_syntax::tokenize::token_listing(&bytes, exact) {
        Ok(listing) => {
            print!("{listing}");
            0
        }
        Err((listing, err)) => {
            print!("{listing}");
            let source = krait_syntax::source::decode_source(&bytes).unwrap_or_default();
            report(path, &bytes, &source, &err);
            1
        }
    }
}

/// A program piped on standard input (`krait -` or no arguments).
fn run_stdin(config: &Config, args: Vec<String>) -> u8 {
    use std::io::Read;
    let mut bytes = Vec::new();
    if std::io::stdin().read_to_end(&mut bytes).is_err() {
        eprintln!("krait: can't read standard input");
        return 2;
    }
    let mut argv = vec![if args.is_empty() {
        String::new()
    } else {
        "-".to_string()
    }];
    argv.extend(args);
    run_program(config, &bytes, "<stdin>", argv, String::new())
}

/// The directories of `PYTHONPATH`, which come before the standard
/// library on `sys.path` (unless `-E` or `-I` ignores the environment).
fn python_path(config: &Config) -> Vec<String> {
    if config.ignore_environment {
        return Vec::new();
    }
    std::env::var("PYTHONPATH")
        .map(|p| {
            p.split(':')
                .filter(|d| !d.is_empty())
                .map(absolute)
                .collect()
        })
        .unwrap_or_default()
}

/// Like CPython since 3.9, a script's name is made absolute for its
/// `__file__`, its tracebacks and its warnings.
fn absolute(path: &str) -> String {
    std::path::absolute(path)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| path.to_owned())
}

fn report_warnings(path: &str, parsed: &krait_syntax::ParsedFile) {
    // Python's default filters hide a DeprecationWarning raised outside
    // `__main__`, and compiling a file is outside it.
    for w in parsed
        .warnings
        .iter()
        .filter(|w| w.category != "DeprecationWarning")
    {
        eprint!("{}", w.render(path, &parsed.source));
    }
}

fn run_file(config: &Config, path: &str, args: &[String], skip_first_line: bool) -> u8 {
    let mut bytes = match read(path) {
        Ok(b) => b,
        Err(code) => return code,
    };
    if skip_first_line {
        // `-x`: the first line goes, its newline stays so that line
        // numbers are the file's.
        let end = bytes
            .iter()
            .position(|&b| b == b'\n')
            .unwrap_or(bytes.len());
        bytes.drain(..end);
    }
    let abs = absolute(path);
    let dir = std::path::Path::new(&abs)
        .parent()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut argv = vec![path.to_string()];
    argv.extend(args.iter().cloned());
    run_program(config, &bytes, &abs, argv, dir)
}

/// Runs module `name` as `__main__` (`-m`): `sys.path` starts with the
/// current directory, and `sys.argv[0]` is `-m` until `runpy` puts the
/// module's file there.
fn run_module(config: &Config, name: &str, args: &[String]) -> u8 {
    let cwd = std::env::current_dir()
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut argv = vec!["-m".to_string()];
    argv.extend(args.iter().cloned());
    let mut vm = new_vm(config, argv, cwd);
    let status = vm.run_main_module(name);
    (status & 0xff) as u8
}

/// Compiles and runs a program as `__main__`, reporting syntax errors as
/// CPython does; the exit status is the program's.
fn run_program(
    config: &Config,
    bytes: &[u8],
    filename: &str,
    argv: Vec<String>,
    path0: String,
) -> u8 {
    let parsed = krait_syntax::parse_file_bytes(bytes);
    report_warnings(filename, &parsed);
    let checked = parsed
        .result
        .as_ref()
        .map_err(Clone::clone)
        .and_then(|m| krait_syntax::checks::check_module(m).map(|()| m));
    let code = match checked {
        Ok(module) => match krait_compiler::compile_optimized(module, filename, config.optimize) {
            Ok(code) => {
                for w in krait_syntax::checks::compile_warnings(module) {
                    eprint!("{}", w.render(filename, &parsed.source));
                }
                code
            }
            Err(e) => {
                let err = krait_syntax::SyntaxError::at(e.loc, e.msg);
                report(filename, bytes, &parsed.source, &err);
                return 1;
            }
        },
        Err(err) => {
            report(filename, bytes, &parsed.source, &err);
            return 1;
        }
    };
    let mut vm = new_vm(config, argv, path0);
    let status = vm.run_main_code(&code, filename);
    (status & 0xff) as u8
}

/// An interpreter with the standard library, configured by the command
/// line: `path0` (the script's directory) leads `sys.path` unless `-P`
/// or `-I` says otherwise.
fn new_vm(config: &Config, argv: Vec<String>, path0: String) -> Box<krait_vm::Vm> {
    let mut vm = krait_vm::Vm::new();
    krait_stdlib::install(&mut vm);
    vm.set_stdlib(krait_vm::Stdlib::locate(), python_path(config));
    vm.set_argv(argv, (!config.safe_path).then_some(path0));
    vm.configure(config);
    vm
}
