//! Standard output and error: buffered like CPython's (line-buffered on a
//! terminal, block-buffered otherwise; stderr is never held back long).

use std::io::{IsTerminal, Write};

pub struct Output {
    buf: Vec<u8>,
    line_buffered: bool,
    is_err: bool,
}

impl Output {
    pub fn stdout() -> Output {
        Output {
            buf: Vec::with_capacity(8192),
            line_buffered: std::io::stdout().is_terminal(),
            is_err: false,
        }
    }

    pub fn stderr() -> Output {
        Output {
            buf: Vec::new(),
            line_buffered: true,
            is_err: true,
        }
    }

    pub fn write(&mut self, s: &[u8]) {
        self.buf.extend_from_slice(s);
        if self.buf.len() >= 8192 || (self.line_buffered && s.contains(&b'\n')) {
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
