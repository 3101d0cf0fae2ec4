//! SyntaxError and its subclasses, located as CPython locates them, and
//! printed as CPython prints an uncaught one.

use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
        }
    }
}

/// A syntax error. Columns are 0-based UTF-8 byte offsets into the line, as
/// the AST counts them; `col == None` means CPython shows no caret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: ErrorKind,
    pub msg: String,
    pub lineno: u32,
    pub col: Option<u32>,
    pub end_lineno: u32,
    pub end_col: Option<u32>,
}

impl SyntaxError {
    pub fn new(
        msg: impl Into<String>,
        lineno: u32,
        col: u32,
        end_lineno: u32,
        end_col: u32,
    ) -> Self {
        SyntaxError {
            kind: ErrorKind::SyntaxError,
            msg: msg.into(),
            lineno,
            col: Some(col),
            end_lineno,
            end_col: Some(end_col),
        }
    }

    pub fn with_kind(mut self, kind: ErrorKind) -> Self {
        self.kind = kind;
        self
    }

    /// The error's `offset` and `end_offset` attributes: 1-based, counted in
    /// characters as Python counts them.
    pub fn offsets(&self, source: &str) -> (Option<usize>, Option<usize>) {
        let to_chars = |lineno: u32, col: u32| {
            let line = nth_line(source, lineno).unwrap_or("");
            let col = (col as usize).min(line.len());
            let mut col = col;
            while !line.is_char_boundary(col) {
                col -= 1;
            }
            line[..col].chars().count() + 1
        };
        (
            self.col.map(|c| to_chars(self.lineno, c)),
            self.end_col.map(|c| to_chars(self.end_lineno, c)),
        )
    }

    /// The report CPython prints to stderr when a script fails to compile.
    pub fn render(&self, filename: &str, source: &str) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "  File \"{}\", line {}", filename, self.lineno);
        if let Some(line) = nth_line(source, self.lineno) {
            let (offset, end_offset) = self.offsets(source);
            let text = line.trim_start_matches([' ', '\t', '\x0c']);
            let stripped = line.chars().count() - text.chars().count();
            let _ = writeln!(out, "    {}", text.trim_end_matches('\n'));
            if let Some(offset) = offset {
                let len = text.trim_end_matches('\n').chars().count();
                let start = (offset.saturating_sub(1)).saturating_sub(stripped).min(len);
                let mut end = match end_offset {
                    Some(e) if self.end_lineno == self.lineno && e > offset => {
                        e - 1 - stripped.min(e - 1)
                    }
                    _ => start + 1,
                };
                if end <= start {
                    end = start + 1;
                }
                out.push_str("    ");
                for c in text.chars().take(start) {
                    out.push(if c == '\t' || c == '\x0c' { c } else { ' ' });
                }
                for _ in start..end.min(len.max(start + 1)) {
                    out.push('^');
                }
                out.push('\n');
            }
        }
        let _ = writeln!(out, "{}: {}", self.kind.name(), self.msg);
        out
    }
}

/// A warning raised while compiling, such as CPython's
/// `SyntaxWarning: invalid decimal literal` for `1if x else y`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub category: &'static str,
    pub msg: String,
    pub lineno: u32,
}

impl Warning {
    /// The two lines Python's `warnings` module prints for it.
    pub fn render(&self, filename: &str, source: &str) -> String {
        let mut out = format!(
            "{}:{}: {}: {}\n",
            filename, self.lineno, self.category, self.msg
        );
        if let Some(line) = nth_line(source, self.lineno) {
            let text = line.trim();
            if !text.is_empty() {
                let _ = writeln!(out, "  {text}");
            }
        }
        out
    }
}

/// The 1-based line `lineno` of `source`, without its line break.
pub fn nth_line(source: &str, lineno: u32) -> Option<&str> {
    if lineno == 0 {
        return None;
    }
    source.split('\n').nth(lineno as usize - 1)
}
