//! SyntaxError and its subclasses, located as CPython locates them, and
//! printed as CPython prints an uncaught one.

use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// CPython's parser runs out of its own stack on deeply nested input.
    MemoryError,
    /// The tree is too deep for CPython's compiler or AST conversion.
    RecursionError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
            ErrorKind::MemoryError => "MemoryError",
            ErrorKind::RecursionError => "RecursionError",
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
    /// The line to show instead of the file's (an f-string expression's
    /// errors show the `(expression)` CPython parsed).
    pub text: Option<String>,
    /// Whether CPython reports this error's offsets in characters. Its
    /// tokenizer does; its parser and compiler report a script's errors in
    /// bytes, unless the file declares its encoding.
    pub in_chars: bool,
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
            text: None,
            in_chars: false,
        }
    }

    /// An error spanning an AST location.
    pub fn at(loc: crate::ast::Loc, msg: impl Into<String>) -> Self {
        SyntaxError::new(
            msg,
            loc.lineno,
            loc.col_offset,
            loc.end_lineno,
            loc.end_col_offset,
        )
    }

    /// An error without a location, such as MemoryError or RecursionError.
    pub fn unlocated(kind: ErrorKind, msg: impl Into<String>) -> Self {
        SyntaxError {
            kind,
            msg: msg.into(),
            lineno: 0,
            col: None,
            end_lineno: 0,
            end_col: None,
            text: None,
            in_chars: false,
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
            if !self.in_chars {
                return col as usize + 1;
            }
            let line = match &self.text {
                Some(t) => t.as_str(),
                None => nth_line(source, lineno).unwrap_or(""),
            };
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

    /// The report CPython prints to stderr when a script fails to compile:
    /// the file and line, the source line without its indentation, and a
    /// caret line. As in CPython, SyntaxError's subclasses get a single
    /// caret, a range spanning lines extends to the end of the first one,
    /// and an error without a location prints its message alone.
    pub fn render(&self, filename: &str, source: &str) -> String {
        let mut out = String::new();
        if matches!(
            self.kind,
            ErrorKind::MemoryError | ErrorKind::RecursionError
        ) {
            if self.msg.is_empty() {
                let _ = writeln!(out, "{}", self.kind.name());
            } else {
                let _ = writeln!(out, "{}: {}", self.kind.name(), self.msg);
            }
            return out;
        }
        if self.lineno == 0 {
            let _ = writeln!(out, "{}: {}", self.kind.name(), self.msg);
            return out;
        }
        let _ = writeln!(out, "  File \"{}\", line {}", filename, self.lineno);
        let line = match &self.text {
            Some(t) => Some(t.as_str()),
            None => nth_line(source, self.lineno),
        };
        if let Some(line) = line {
            let has_newline = self.text.is_some()
                || source.len() > line.len() && {
                    let start = line.as_ptr() as usize - source.as_ptr() as usize;
                    source.as_bytes().get(start + line.len()) == Some(&b'\n')
                };
            // Python's `text` attribute: the line with its line break.
            let text_len = line.chars().count() as i64 + i64::from(has_newline);
            let (offset, end_offset) = self.offsets(source);
            let mut offset = offset.map(|o| o as i64).unwrap_or(-1);
            let mut end_offset = match (self.kind, end_offset) {
                (ErrorKind::SyntaxError, Some(e)) => e as i64,
                _ => -1,
            };
            if self.kind == ErrorKind::SyntaxError && self.end_lineno > self.lineno {
                end_offset = text_len;
            }
            if end_offset > text_len + 1 {
                end_offset = text_len + 1;
            }
            let carets = if end_offset > 0 && end_offset > offset {
                end_offset - offset
            } else {
                1
            };
            offset -= 1;
            // CPython prints the line as a C string: it ends at a NUL.
            let line = line.split('\0').next().unwrap_or("");
            let text = line.trim_start_matches([' ', '\t', '\x0c']);
            offset -= (line.len() - text.len()) as i64;
            let len = text.chars().count() as i64;
            if offset > len {
                offset = len;
            }
            let _ = writeln!(out, "    {text}");
            if offset >= 0 {
                out.push_str("    ");
                for _ in 0..offset {
                    out.push(' ');
                }
                for _ in 0..carets {
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
    /// Where the SyntaxError goes when a filter turns the warning into an
    /// error: the 0-based column and the end of the code warned about.
    pub col: u32,
    pub end_lineno: u32,
    pub end_col: u32,
}

impl Warning {
    /// A warning about the code at `loc`.
    pub fn at(category: &'static str, msg: impl Into<String>, loc: crate::ast::Loc) -> Self {
        Warning {
            category,
            msg: msg.into(),
            lineno: loc.lineno,
            col: loc.col_offset,
            end_lineno: loc.end_lineno,
            end_col: loc.end_col_offset,
        }
    }

    /// The SyntaxError CPython raises in its place when a warnings filter
    /// makes it an error.
    pub fn to_error(&self) -> SyntaxError {
        SyntaxError::new(
            self.msg.clone(),
            self.lineno,
            self.col,
            self.end_lineno,
            self.end_col,
        )
    }

    /// The two lines Python's `warnings` module prints for it.
    pub fn render(&self, filename: &str, source: &str) -> String {
        let mut out = format!(
            "{}:{}: {}: {}\n",
            filename, self.lineno, self.category, self.msg
        );
        // Like Python's `linecache`, no source line for `<string>` and
        // `<stdin>` programs.
        if filename.starts_with('<') {
            return out;
        }
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

#[cfg(test)]
mod tests {
    use super::Warning;

    fn warning() -> Warning {
        Warning {
            category: "SyntaxWarning",
            msg: "invalid hexadecimal literal".into(),
            lineno: 1,
            col: 4,
            end_lineno: 1,
            end_col: 7,
        }
    }

    /// A file's warning shows its source line, as Python's `warnings`
    /// module prints it.
    #[test]
    fn file_warnings_show_the_line() {
        assert_eq!(
            warning().render("/tmp/x.py", "x = 0x1for\n"),
            "/tmp/x.py:1: SyntaxWarning: invalid hexadecimal literal\n  x = 0x1for\n"
        );
    }

    /// `-c` and stdin programs have no source `linecache` can read.
    #[test]
    fn string_programs_show_no_line() {
        assert_eq!(
            warning().render("<string>", "x = 0x1for\n"),
            "<string>:1: SyntaxWarning: invalid hexadecimal literal\n"
        );
    }
}
