//! Standard output and error: buffered like CPython's (line-buffered on a
//! terminal, block-buffered otherwise; stderr is never held back long).

use std::io::{IsTerminal, Write};

pub struct Output {
    buf: Vec<u8>,
    line_buffered: bool,
    /// Every write goes out at once (`PYTHONUNBUFFERED`, `-u`).
    write_through: bool,
    is_err: bool,
}

/// Whether `PYTHONUNBUFFERED` asks for unbuffered standard streams.
fn unbuffered() -> bool {
    std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty())
}

impl Output {
    pub fn stdout() -> Output {
        let write_through = unbuffered();
        Output {
            buf: Vec::with_capacity(8192),
            line_buffered: !write_through && std::io::stdout().is_terminal(),
            write_through,
            is_err: false,
        }
    }

    pub fn stderr() -> Output {
        let write_through = unbuffered();
        Output {
            buf: Vec::new(),
            line_buffered: !write_through,
            write_through,
            is_err: true,
        }
    }

    pub fn write_through(&self) -> bool {
        self.write_through
    }

    /// Makes every write go out at once (`reconfigure(write_through=)`).
    pub fn set_write_through(&mut self, on: bool) {
        self.write_through = on;
    }

    pub fn line_buffered(&self) -> bool {
        self.line_buffered
    }

    /// Makes writes flush at each newline (`reconfigure(line_buffering=)`).
    pub fn set_line_buffered(&mut self, on: bool) {
        self.line_buffered = on;
    }

    pub fn write(&mut self, s: &[u8]) {
        self.buf.extend_from_slice(s);
        if self.write_through
            || self.buf.len() >= 8192
            || (self.line_buffered && s.contains(&b'\n'))
        {
            self.flush();
        }
    }

    pub fn flush(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        let r = if self.is_err {
            std::io::stderr().write_all(&self.buf)
        } else {
            let mut out = std::io::stdout().lock();
            out.write_all(&self.buf).and_then(|()| out.flush())
        };
        // A closed pipe is not an error the program can act on here.
        let _ = r;
        self.buf.clear();
    }
}
