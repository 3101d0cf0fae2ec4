//! The `krait` command line.
//!
//! `krait FILE [ARGS]`, `krait -c CODE [ARGS]` and `krait -` run a program
//! as `python3` does. `krait ast`, `krait tokens` and `krait dis` show what
//! the front end and the compiler make of it.

use std::io::Write;
use std::process::ExitCode;

mod alloc;

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
Options:
-c cmd         program passed in as string
-h, --help     print this help message and exit
-m mod         run library module as a script (terminates option list)
-V, --version  print the Python version number and exit
file           program read from script file
-              program read from stdin
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
    // Options CPython accepts that change nothing here.
    let args: Vec<String> = {
        let mut rest = args.as_slice();
        while let Some(a) = rest.first() {
            if matches!(
                a.as_str(),
                "-u" | "-B" | "-S" | "-E" | "-s" | "-I" | "-O" | "-OO" | "-q" | "-b"
            ) {
                rest = &rest[1..];
            } else if matches!(a.as_str(), "-X" | "-W") && rest.len() > 1 {
                rest = &rest[2..];
            } else {
                break;
            }
        }
        rest.to_vec()
    };
    let Some(first) = args.first() else {
        use std::io::IsTerminal;
        if !std::io::stdin().is_terminal() {
            return run_stdin(Vec::new());
        }
        eprintln!("krait: the interactive interpreter is not implemented yet");
        return 2;
    };
    match first.as_str() {
        "-h" | "--help" => {
            print!("{USAGE}");
            0
        }
        "-V" | "--version" => {
            println!("{VERSION}");
            0
        }
        "ast" => ast_command(&args[1..]),
        "tokens" => tokens_command(&args[1..]),
        "dis" => dis_command(&args[1..]),
        "-c" => match args.get(1) {
            Some(code) => {
                let mut argv = vec!["-c".to_string()];
                argv.extend(args[2..].iter().cloned());
                run_program(code.as_bytes(), "<string>", argv, String::new())
            }
            None => {
                eprintln!("Argument expected for the -c option\n{USAGE}");
                2
            }
        },
        "-m" => match args.get(1) {
            Some(module) => run_module(module, &args[2..]),
            None => {
                eprintln!("Argument expected for the -m option\n{USAGE}");
                2
            }
        },
        "-" => run_stdin(args[1..].to_vec()),
        path if !path.starts_with('-') => run_file(path, &args[1..]),
        other => {
            eprintln!("unknown option {other}\n{USAGE}");
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
fn run_stdin(args: Vec<String>) -> u8 {
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
    run_program(&bytes, "<stdin>", argv, String::new())
}

/// The directories of `PYTHONPATH`, which come before the standard
/// library on `sys.path`.
fn python_path() -> Vec<String> {
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

fn run_file(path: &str, args: &[String]) -> u8 {
    let bytes = match read(path) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let abs = absolute(path);
    let dir = std::path::Path::new(&abs)
        .parent()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut argv = vec![path.to_string()];
    argv.extend(args.iter().cloned());
    run_program(&bytes, &abs, argv, dir)
}

/// Runs module `name` as `__main__` (`-m`): `sys.path` starts with the
/// current directory, and `sys.argv[0]` is `-m` until `runpy` puts the
/// module's file there.
fn run_module(name: &str, args: &[String]) -> u8 {
    let cwd = std::env::current_dir()
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut argv = vec!["-m".to_string()];
    argv.extend(args.iter().cloned());
    let mut vm = krait_vm::Vm::new();
    krait_stdlib::install(&mut vm);
    vm.set_stdlib(krait_vm::Stdlib::locate(), python_path());
    vm.set_argv(argv, Some(cwd));
    let status = vm.run_main_module(name);
    (status & 0xff) as u8
}

/// Compiles and runs a program as `__main__`, reporting syntax errors as
/// CPython does; the exit status is the program's.
fn run_program(bytes: &[u8], filename: &str, argv: Vec<String>, path0: String) -> u8 {
    let parsed = krait_syntax::parse_file_bytes(bytes);
    report_warnings(filename, &parsed);
    let checked = parsed
        .result
        .as_ref()
        .map_err(Clone::clone)
        .and_then(|m| krait_syntax::checks::check_module(m).map(|()| m));
    let code = match checked {
        Ok(module) => match krait_compiler::compile(module, filename) {
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
    let mut vm = krait_vm::Vm::new();
    krait_stdlib::install(&mut vm);
    vm.set_stdlib(krait_vm::Stdlib::locate(), python_path());
    vm.set_argv(argv, Some(path0));
    let status = vm.run_main_code(&code, filename);
    (status & 0xff) as u8
}
