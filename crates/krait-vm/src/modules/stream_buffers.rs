//! The binary layer of the standard streams (`sys.stdout.buffer`...):
//! bytes written go to the same buffered output as the text layer's, so
//! the two interleave in the order they were written; bytes read come
//! from the same standard input.

use crate::api::{FunctionDef, GetSetDef};
use crate::modules::streams::{buffer_stream_of, stream_mode, stream_name, Stream};
use crate::objects::function::Args;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use std::io::{BufRead, IsTerminal, Read};

fn stream(vm: &Vm, v: &Value) -> PyResult<Stream> {
    buffer_stream_of(v).ok_or_else(|| vm.type_error("not a standard stream's buffer"))
}

fn fileno(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(stream(vm, &a.pos[0])? as i64))
}

fn isatty(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Bool(match stream(vm, &a.pos[0])? {
        Stream::Stdin => std::io::stdin().is_terminal(),
        Stream::Stdout => std::io::stdout().is_terminal(),
        Stream::Stderr => std::io::stderr().is_terminal(),
    }))
}

fn flush(vm: &mut Vm, a: Args) -> PyResult {
    match stream(vm, &a.pos[0])? {
        Stream::Stdout => vm.stdout.flush(),
        Stream::Stderr => vm.stderr.flush(),
        Stream::Stdin => {}
    }
    Ok(Value::None)
}

fn write(vm: &mut Vm, a: Args) -> PyResult {
    let which = stream(vm, &a.pos[0])?;
    let data = crate::objects::bytes::bytes_of(vm, &a.pos[1])?;
    match which {
        Stream::Stderr => vm.stderr.write(&data),
        _ => vm.stdout.write(&data),
    }
    Ok(Value::Int(data.len() as i64))
}

/// A `size` argument: `None` (or negative) for everything.
fn size(vm: &mut Vm, a: &Args) -> PyResult<Option<usize>> {
    match a.pos.get(1) {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => Ok(vm.ssize_arg(v)?.try_into().ok()),
    }
}

/// Reads from standard input until `done` says stop (it sees each byte)
/// or the input ends, running signal handlers when a read is interrupted.
fn read_stdin(vm: &mut Vm, mut done: impl FnMut(&[u8]) -> bool) -> PyResult<Vec<u8>> {
    vm.stdout.flush();
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    let mut out = Vec::new();
    loop {
        let buf = match lock.fill_buf() {
            Ok(b) if !b.is_empty() => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                vm.check_signals()?;
                continue;
            }
            _ => break,
        };
        out.push(buf[0]);
        lock.consume(1);
        if done(&out) {
            break;
        }
    }
    Ok(out)
}

fn read(vm: &mut Vm, a: Args) -> PyResult {
    let data = match size(vm, &a)? {
        None => {
            vm.stdout.flush();
            let mut all = Vec::new();
            let _ = std::io::stdin().lock().read_to_end(&mut all);
            all
        }
        Some(0) => Vec::new(),
        Some(n) => read_stdin(vm, |got| got.len() >= n)?,
    };
    Ok(vm.new_bytes(data))
}

fn readline(vm: &mut Vm, a: Args) -> PyResult {
    let limit = size(vm, &a)?;
    if limit == Some(0) {
        return Ok(vm.new_bytes(Vec::new()));
    }
    let line = read_stdin(vm, |got| {
        got.last() == Some(&b'\n') || limit.is_some_and(|n| got.len() >= n)
    })?;
    Ok(vm.new_bytes(line))
}

fn readlines(vm: &mut Vm, _: Args) -> PyResult {
    let mut lines = Vec::new();
    loop {
        let line = read_stdin(vm, |got| got.last() == Some(&b'\n'))?;
        if line.is_empty() {
            break;
        }
        lines.push(vm.new_bytes(line));
    }
    Ok(vm.new_list(lines))
}

/// `sys.stdin.buffer`.
pub const READER: &[FunctionDef] = &[
    FunctionDef::method("read", read).args(0, 1),
    FunctionDef::method("read1", read).args(0, 1),
    FunctionDef::method("readline", readline).args(0, 1),
    FunctionDef::method("readlines", readlines).args(0, 1),
    FunctionDef::method("fileno", fileno).no_args(),
    FunctionDef::method("isatty", isatty).no_args(),
    FunctionDef::method("flush", flush).no_args(),
    FunctionDef::method("readable", |_, _| Ok(Value::Bool(true))).no_args(),
    FunctionDef::method("writable", |_, _| Ok(Value::Bool(false))).no_args(),
    FunctionDef::method("seekable", |_, _| Ok(Value::Bool(false))).no_args(),
];

/// `sys.stdout.buffer` and `sys.stderr.buffer`.
pub const WRITER: &[FunctionDef] = &[
    FunctionDef::method("write", write).one(),
    FunctionDef::method("fileno", fileno).no_args(),
    FunctionDef::method("isatty", isatty).no_args(),
    FunctionDef::method("flush", flush).no_args(),
    FunctionDef::method("readable", |_, _| Ok(Value::Bool(false))).no_args(),
    FunctionDef::method("writable", |_, _| Ok(Value::Bool(true))).no_args(),
    FunctionDef::method("seekable", |_, _| Ok(Value::Bool(false))).no_args(),
];

pub const ATTRIBUTES: &[GetSetDef] = &[
    GetSetDef::new("name", |vm, v| {
        let which = stream(vm, v)?;
        Ok(vm.new_str(stream_name(which)))
    }),
    GetSetDef::new("mode", |vm, v| {
        let which = stream(vm, v)?;
        Ok(vm.new_str(stream_mode(which, true)))
    }),
    GetSetDef::new("closed", |vm, v| {
        stream(vm, v)?;
        Ok(Value::Bool(false))
    }),
];
