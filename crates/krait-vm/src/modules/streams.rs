//! `sys.stdin`, `sys.stdout` and `sys.stderr` as Python objects: the
//! `_io.TextIOWrapper` type and its methods, over the buffered output of
//! `stdio` and the process's standard input.

use crate::api::{add_getsets, add_methods, FunctionDef, GetSetDef};
use crate::bootstrap::set_attr_str;
use crate::object::ObjKind;
use crate::objects::typeobject::{Layout, TypeData};
use crate::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// Which standard stream a stream object is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdin = 0,
    Stdout = 1,
    Stderr = 2,
}

/// A stream's binary layer is told from the stream by this offset in the
/// number both carry.
const BUFFER: i64 = 3;

/// A type of the `_io` module the standard streams are instances of.
fn stream_type(vm: &mut Vm, name: &str, methods: &'static [FunctionDef]) -> Obj {
    let t = Obj::new(
        vm.types.type_.clone(),
        ObjKind::Type(Box::new(TypeData::new(name, Layout::Special, false))),
    );
    crate::bootstrap::set_bases(vm, &t, std::slice::from_ref(&vm.types.object));
    *t.tdata().full_name.borrow_mut() = Some(format!("_io.{name}"));
    add_methods(vm, &t, methods);
    t
}

/// Creates the stream types, the three stream objects in `sys` and the
/// binary streams under them.
pub fn register(vm: &mut Vm, sys: &Obj) {
    let text = stream_type(vm, "TextIOWrapper", METHODS);
    add_getsets(vm, &text, TEXT_ATTRIBUTES);
    let reader = stream_type(vm, "BufferedReader", crate::modules::stream_buffers::READER);
    // Unbuffered (PYTHONUNBUFFERED), CPython's binary layer for output is
    // the raw file itself.
    let writer_name = if vm.stdout.write_through() {
        "FileIO"
    } else {
        "BufferedWriter"
    };
    let writer = stream_type(vm, writer_name, crate::modules::stream_buffers::WRITER);
    for t in [&reader, &writer] {
        add_getsets(vm, t, crate::modules::stream_buffers::ATTRIBUTES);
    }
    for (name, which) in [
        ("stdin", Stream::Stdin),
        ("stdout", Stream::Stdout),
        ("stderr", Stream::Stderr),
    ] {
        let o = Obj::new(
            text.clone(),
            ObjKind::Counter(std::cell::Cell::new(which as i64)),
        );
        set_attr_str(vm, sys, name, Value::Obj(o.clone()));
        set_attr_str(vm, sys, &format!("__{name}__"), Value::Obj(o));
        let binary = if which == Stream::Stdin {
            &reader
        } else {
            &writer
        };
        let b = Obj::new(
            binary.clone(),
            ObjKind::Counter(std::cell::Cell::new(which as i64 + BUFFER)),
        );
        vm.std_buffers.push(b);
    }
}

/// The standard stream whose binary layer `v` is, if it is one.
pub fn buffer_stream_of(v: &Value) -> Option<Stream> {
    match v.kind() {
        Some(ObjKind::Counter(c)) => match c.get() - BUFFER {
            0 => Some(Stream::Stdin),
            1 => Some(Stream::Stdout),
            2 => Some(Stream::Stderr),
            _ => None,
        },
        _ => None,
    }
}

fn text_stream(vm: &Vm, v: &Value) -> PyResult<Stream> {
    stream_of(v).ok_or_else(|| vm.type_error("not a standard stream"))
}

/// The names Python gives the standard streams.
pub fn stream_name(which: Stream) -> &'static str {
    match which {
        Stream::Stdin => "<stdin>",
        Stream::Stdout => "<stdout>",
        Stream::Stderr => "<stderr>",
    }
}

/// A standard stream's `mode`, for its text or its binary layer.
pub fn stream_mode(which: Stream, binary: bool) -> &'static str {
    match (which, binary) {
        (Stream::Stdin, false) => "r",
        (Stream::Stdin, true) => "rb",
        (_, false) => "w",
        (_, true) => "wb",
    }
}

/// The error handler of a standard stream, as CPython picks it: stderr
/// escapes what it cannot encode; stdin and stdout take the handler
/// PYTHONIOENCODING names, else pass undecodable bytes through as
/// surrogates in the C locale and its UTF-8 variants (what the
/// environment's LC_CTYPE resolves to, or C if it names no installed
/// locale), and are strict elsewhere.
pub fn error_handler(which: Stream) -> &'static str {
    static HANDLER: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();
    if which == Stream::Stderr {
        return "backslashreplace";
    }
    HANDLER.get_or_init(|| {
        // PYTHONIOENCODING=encoding[:errors] names the handler, or makes
        // it strict by naming only an encoding.
        if let Some(setting) = std::env::var_os("PYTHONIOENCODING") {
            let setting = setting.to_string_lossy().into_owned();
            let (encoding, errors) = setting.split_once(':').unwrap_or((&setting, ""));
            match errors {
                "surrogateescape" => return "surrogateescape",
                "strict" => return "strict",
                "replace" => return "replace",
                "ignore" => return "ignore",
                "backslashreplace" => return "backslashreplace",
                "xmlcharrefreplace" => return "xmlcharrefreplace",
                "namereplace" => return "namereplace",
                "surrogatepass" => return "surrogatepass",
                _ if !encoding.is_empty() => return "strict",
                _ => {}
            }
        }
        let locale = environment_ctype_locale();
        match locale.as_str() {
            "C" | "POSIX" | "C.UTF-8" | "C.utf8" | "UTF-8" => "surrogateescape",
            _ => "strict",
        }
    })
}

/// The LC_CTYPE locale the environment selects, asked of the C library
/// (which falls back to C for a locale that is not installed); the
/// process's own locale is left as it was.
fn environment_ctype_locale() -> String {
    // SAFETY: setlocale is called on the interpreter's thread before any
    // other thread could use the C locale; the previous locale's name is
    // copied before the second call and restored after it.
    unsafe {
        let previous = libc::setlocale(libc::LC_CTYPE, std::ptr::null());
        let previous = (!previous.is_null()).then(|| std::ffi::CStr::from_ptr(previous).to_owned());
        let chosen = libc::setlocale(libc::LC_CTYPE, c"".as_ptr());
        let name = if chosen.is_null() {
            "C".to_owned()
        } else {
            std::ffi::CStr::from_ptr(chosen)
                .to_string_lossy()
                .into_owned()
        };
        if let Some(previous) = previous {
            libc::setlocale(libc::LC_CTYPE, previous.as_ptr());
        }
        name
    }
}

/// What the text layer tells about itself: UTF-8, with the error handlers
/// and buffering CPython gives its standard streams.
const TEXT_ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::new("buffer", |vm, v| {
        let which = text_stream(vm, v)?;
        Ok(Value::Obj(vm.std_buffers[which as usize].clone()))
    }),
    GetSetDef::new("encoding", |vm, v| {
        text_stream(vm, v)?;
        Ok(vm.new_str("utf-8"))
    }),
    GetSetDef::new("errors", |vm, v| {
        let which = text_stream(vm, v)?;
        Ok(vm.new_str(error_handler(which)))
    }),
    GetSetDef::new("name", |vm, v| {
        let which = text_stream(vm, v)?;
        Ok(vm.new_str(stream_name(which)))
    }),
    GetSetDef::new("mode", |vm, v| {
        let which = text_stream(vm, v)?;
        Ok(vm.new_str(stream_mode(which, false)))
    }),
    GetSetDef::new("line_buffering", |vm, v| {
        Ok(Value::Bool(match text_stream(vm, v)? {
            Stream::Stdin => false,
            Stream::Stdout => vm.stdout.line_buffered(),
            Stream::Stderr => vm.stderr.line_buffered(),
        }))
    }),
    GetSetDef::new("write_through", |vm, v| {
        Ok(Value::Bool(match text_stream(vm, v)? {
            Stream::Stdin => false,
            Stream::Stdout => vm.stdout.write_through(),
            Stream::Stderr => vm.stderr.write_through(),
        }))
    }),
    GetSetDef::new("closed", |vm, v| {
        text_stream(vm, v)?;
        Ok(Value::Bool(false))
    }),
    GetSetDef::new("newlines", |vm, v| {
        text_stream(vm, v)?;
        Ok(Value::None)
    }),
];

/// `reconfigure(*, encoding, errors, newline, line_buffering,
/// write_through)`: buffering changes; the encoding stays UTF-8 and the
/// error handlers stay CPython's defaults.
fn reconfigure(vm: &mut Vm, a: crate::objects::function::Args) -> PyResult {
    let which = text_stream(vm, &a.pos[0])?;
    if a.pos.len() > 1 {
        return Err(vm.type_error("reconfigure() takes no positional arguments"));
    }
    for (key, value) in &a.kw {
        let key = crate::api::str_value(&Value::Obj(key.clone())).unwrap_or_default();
        if value.is_none() {
            continue;
        }
        match key.as_str() {
            "line_buffering" => {
                let on = vm.truthy(value)?;
                match which {
                    Stream::Stdout => vm.stdout.set_line_buffered(on),
                    Stream::Stderr => vm.stderr.set_line_buffered(on),
                    Stream::Stdin => {}
                }
            }
            "write_through" => {
                let on = vm.truthy(value)?;
                match which {
                    Stream::Stdout => vm.stdout.set_write_through(on),
                    Stream::Stderr => vm.stderr.set_write_through(on),
                    Stream::Stdin => {}
                }
            }
            "encoding" => {
                let name = crate::api::str_value(value).unwrap_or_default();
                let normal = name.to_ascii_lowercase().replace('_', "-");
                if !matches!(normal.as_str(), "utf-8" | "utf8") {
                    return Err(vm.not_implemented_error(format!(
                        "Krait's standard streams are UTF-8; reconfigure(encoding={name:?}) is not supported yet"
                    )));
                }
            }
            "errors" | "newline" => {
                return Err(vm.not_implemented_error(format!(
                    "reconfigure({key}=...) on a standard stream is not supported by Krait yet"
                )));
            }
            other => {
                return Err(vm.type_error(format!(
                    "'{other}' is an invalid keyword argument for reconfigure()"
                )));
            }
        }
    }
    Ok(Value::None)
}

const METHODS: &[FunctionDef] = &[
    FunctionDef::method("reconfigure", reconfigure),
    FunctionDef::method("__enter__", |_, a| Ok(a.pos[0].clone())).no_args(),
    // The standard streams stay open after a `with` block (CPython closes
    // them); what was written is flushed.
    FunctionDef::method("__exit__", |vm, a| {
        match stream_of(&a.pos[0]) {
            Some(Stream::Stderr) => vm.stderr.flush(),
            _ => vm.stdout.flush(),
        }
        Ok(Value::None)
    })
    .tuple_args(0, 3),
    FunctionDef::method("write", |vm, a| {
        let Some(s) = crate::objects::str::value_pystr(&a.pos[1]) else {
            return Err(vm.type_error(format!(
                "write() argument must be str, not {}",
                vm.type_name(&a.pos[1])
            )));
        };
        let n = s.len();
        let which = stream_of(&a.pos[0]).unwrap_or(Stream::Stdout);
        let bytes = match s.as_str() {
            Some(text) => std::borrow::Cow::Borrowed(text.as_bytes()),
            None => {
                let b = vm.encode_text(s, "utf-8", error_handler(which))?;
                std::borrow::Cow::Owned(
                    crate::api::bytes_data(&b)
                        .map(|b| b.into_owned())
                        .unwrap_or_default(),
                )
            }
        };
        match which {
            Stream::Stderr => vm.stderr.write(&bytes),
            _ => vm.stdout.write(&bytes),
        }
        Ok(Value::Int(n as i64))
    })
    .one(),
    FunctionDef::method("flush", |vm, a| {
        match stream_of(&a.pos[0]) {
            Some(Stream::Stderr) => vm.stderr.flush(),
            _ => vm.stdout.flush(),
        }
        Ok(Value::None)
    })
    .no_args(),
    FunctionDef::method("readline", |vm, a| {
        let limit = size_arg(vm, a.pos.get(1))?;
        let line = read_stdin_line(vm, limit)?;
        Ok(vm.new_string(line))
    })
    .args(0, 1),
    FunctionDef::method("read", |vm, a| {
        use std::io::Read;
        vm.stdout.flush();
        let mut s = String::new();
        match size_arg(vm, a.pos.get(1))? {
            None => {
                let _ = std::io::stdin().read_to_string(&mut s);
            }
            Some(n) => {
                // Characters, read one at a time through the shared buffer.
                for _ in 0..n {
                    let c = read_stdin_line(vm, Some(1))?;
                    if c.is_empty() {
                        break;
                    }
                    s.push_str(&c);
                }
            }
        }
        Ok(vm.new_string(s))
    })
    .args(0, 1),
    FunctionDef::method("readlines", |vm, _| {
        let mut lines = Vec::new();
        loop {
            let line = read_stdin_line(vm, None)?;
            if line.is_empty() {
                break;
            }
            lines.push(vm.new_string(line));
        }
        Ok(vm.new_list(lines))
    })
    .args(0, 1),
    FunctionDef::unary("__iter__", |_, a| Ok(a.pos[0].clone())),
    FunctionDef::unary("__next__", |vm, _| {
        let line = read_stdin_line(vm, None)?;
        if line.is_empty() {
            return Err(vm.stop_iteration(Value::None));
        }
        Ok(vm.new_string(line))
    }),
    FunctionDef::method("writelines", |vm, a| {
        let file = a.pos[0].clone();
        for line in vm.iterate(&a.pos[1])? {
            let Some(s) = crate::objects::str::value_pystr(&line) else {
                return Err(vm.type_error(format!(
                    "write() argument must be str, not {}",
                    vm.type_name(&line)
                )));
            };
            let text = s.to_string_lossy().into_owned();
            vm.write_to(&file, &text)?;
        }
        Ok(Value::None)
    })
    .one(),
    FunctionDef::method("fileno", |_, a| {
        Ok(Value::Int(match stream_of(&a.pos[0]) {
            Some(Stream::Stdin) => 0,
            Some(Stream::Stderr) => 2,
            _ => 1,
        }))
    })
    .no_args(),
    FunctionDef::method("readable", |_, a| {
        Ok(Value::Bool(matches!(
            stream_of(&a.pos[0]),
            Some(Stream::Stdin)
        )))
    })
    .no_args(),
    FunctionDef::method("writable", |_, a| {
        Ok(Value::Bool(!matches!(
            stream_of(&a.pos[0]),
            Some(Stream::Stdin)
        )))
    })
    .no_args(),
    FunctionDef::method("isatty", |_, a| {
        use std::io::IsTerminal;
        Ok(Value::Bool(match stream_of(&a.pos[0]) {
            Some(Stream::Stdin) => std::io::stdin().is_terminal(),
            Some(Stream::Stderr) => std::io::stderr().is_terminal(),
            _ => std::io::stdout().is_terminal(),
        }))
    })
    .no_args(),
];

/// The standard stream a value is, if it is one.
/// A `size` argument of `read`/`readline`: None for all.
fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match vm.index_i64(v)? {
            Some(n) if n < 0 => Ok(None),
            Some(n) => Ok(Some(n as usize)),
            None => Err(vm.type_error(format!(
                "argument should be integer or None, not '{}'",
                vm.type_name(v)
            ))),
        },
    }
}

/// The next line of standard input (with its newline; empty at the end),
/// at most `limit` characters of it.
fn read_stdin_line(vm: &mut Vm, limit: Option<usize>) -> PyResult<String> {
    use std::io::BufRead;
    vm.stdout.flush();
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    let mut bytes = Vec::new();
    let mut chars = 0;
    loop {
        let buf = match lock.fill_buf() {
            Ok(b) if !b.is_empty() => b,
            // A signal interrupted the read: its handler runs (Ctrl-C
            // raises KeyboardInterrupt here), then the read goes on.
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                vm.check_signals()?;
                continue;
            }
            _ => break,
        };
        let b = buf[0];
        lock.consume(1);
        bytes.push(b);
        // Count characters by their first byte.
        if b & 0xC0 != 0x80 {
            chars += 1;
        }
        if b == b'\n' {
            break;
        }
        if limit.is_some_and(|l| chars >= l) {
            // Finish the character just started.
            while let Ok(buf) = lock.fill_buf() {
                if buf.is_empty() || buf[0] & 0xC0 != 0x80 {
                    break;
                }
                bytes.push(buf[0]);
                lock.consume(1);
            }
            break;
        }
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

pub fn stream_of(v: &Value) -> Option<Stream> {
    match v.kind() {
        Some(ObjKind::Counter(c)) => match c.get() {
            0 => Some(Stream::Stdin),
            1 => Some(Stream::Stdout),
            2 => Some(Stream::Stderr),
            _ => None,
        },
        _ => None,
    }
}
