//! `sys.stdin`, `sys.stdout` and `sys.stderr` as Python objects: the
//! `_io.TextIOWrapper` type and its methods, over the buffered output of
//! `stdio` and the process's standard input.

use crate::api::{add_methods, FunctionDef};
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

/// Creates the stream type and the three stream objects in `sys`.
pub fn register(vm: &mut Vm, sys: &Obj) {
    let stream_type = Obj::new(
        vm.types.type_.clone(),
        ObjKind::Type(Box::new(TypeData::new(
            "TextIOWrapper",
            Layout::Special,
            false,
        ))),
    );
    crate::bootstrap::set_bases(vm, &stream_type, std::slice::from_ref(&vm.types.object));
    *stream_type.tdata().full_name.borrow_mut() = Some("_io.TextIOWrapper".into());
    add_methods(vm, &stream_type, METHODS);
    for (name, which) in [
        ("stdin", Stream::Stdin),
        ("stdout", Stream::Stdout),
        ("stderr", Stream::Stderr),
    ] {
        let o = Obj::new(
            stream_type.clone(),
            ObjKind::Counter(std::cell::Cell::new(which as i64)),
        );
        set_attr_str(vm, sys, name, Value::Obj(o.clone()));
        set_attr_str(vm, sys, &format!("__{name}__"), Value::Obj(o));
    }
}

const METHODS: &[FunctionDef] = &[
    FunctionDef::method("write", |vm, a| {
        let Some(s) = crate::objects::str::value_pystr(&a.pos[1]) else {
            return Err(vm.type_error(format!(
                "write() argument must be str, not {}",
                vm.type_name(&a.pos[1])
            )));
        };
        let n = s.len();
        let text = s.to_string_lossy().into_owned();
        match stream_of(&a.pos[0]) {
            Some(Stream::Stderr) => vm.stderr.write(text.as_bytes()),
            _ => vm.stdout.write(text.as_bytes()),
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
