//! The tokenizer: decoded source text in, tokens out, following the rules of
//! CPython 3.11's tokenizer (indentation, implicit line joining, number and
//! string shapes) and raising the same errors at the same places.
//!
//! String literals, f-strings included, come out as single `String` tokens;
//! their contents are decoded by the parser (`strings.rs`), as in 3.11.

use crate::error::{ErrorKind, SyntaxError, Warning};
use crate::token::{TokKind, Token};

/// CPython's limit on nested brackets.
const MAX_PAREN_DEPTH: usize = 200;
/// CPython's limit on indentation levels.
const MAX_INDENT_DEPTH: usize = 100;
const TAB_SIZE: u32 = 8;

/// What the tokenizer produced: every token up to the end or up to the first
/// error, and that error.
pub struct Tokens {
    pub tokens: Vec<Token>,
    pub error: Option<LexError>,
    pub warnings: Vec<Warning>,
}

#[derive(Clone, Debug)]
pub struct LexError {
    pub error: SyntaxError,
    /// The tokenizer raised this itself, as CPython's tokenizer does for most
    /// errors; such errors win over a parser error found earlier in the file.
    /// Errors CPython's parser builds from the tokenizer's state (bad dedent,
    /// end of file inside brackets) do not.
    pub eager: bool,
    /// Set when the file ended inside brackets: the innermost open one.
    pub unclosed: Option<(u8, u32, u32)>,
}

pub struct Lexer<'src> {
    src: &'src str,
    bytes: &'src [u8],
    pos: usize,
    lineno: u32,
    line_start: usize,
    /// Indentation stack: the column with tabs to multiples of 8, and with
    /// tabs counted as 1, to detect inconsistent mixing.
    indents: Vec<(u32, u32)>,
    pending_dedents: u32,
    pending_indent: bool,
    at_bol: bool,
    /// Open brackets: the character, its line and its column.
    parens: Vec<(u8, u32, u32)>,
    keep_trivia: bool,
    /// A token other than trivia has been seen on this logical line.
    line_has_tokens: bool,
    finished: bool,
    /// Line and column of the last `\` line continuation, for the error at EOF.
    continuation: bool,
    /// Warnings CPython would print (a number directly followed by a keyword).
    pub warnings: Vec<Warning>,
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b >= 128
}

fn is_ident_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 128
}

impl<'src> Lexer<'src> {
    /// `src` must already be decoded and have `\r\n` and `\r` turned into `\n`.
    pub fn new(src: &'src str) -> Self {
        Lexer {
            src,
            bytes: src.as_bytes(),
            pos: 0,
            lineno: 1,
            line_start: 0,
            indents: vec![(0, 0)],
            pending_dedents: 0,
            pending_indent: false,
            at_bol: true,
            parens: Vec::new(),
            keep_trivia: false,
            line_has_tokens: false,
            finished: false,
            continuation: false,
            warnings: Vec::new(),
        }
    }

    /// Also produce `Comment` and `Nl` tokens, as Python's `tokenize` module does.
    pub fn keep_trivia(mut self, keep: bool) -> Self {
        self.keep_trivia = keep;
        self
    }

    /// Start counting lines at `lineno` (for f-string expressions).
    pub fn starting_at_line(mut self, lineno: u32) -> Self {
        self.lineno = lineno;
        self
    }

    pub fn tokenize(src: &'src str) -> Tokens {
        Lexer::new(src).run()
    }

    pub fn run(mut self) -> Tokens {
        let mut tokens = Vec::with_capacity(self.src.len() / 4 + 8);
        loop {
            match self.next_token() {
                Ok(tok) => {
                    let end = tok.kind == TokKind::EndMarker;
                    tokens.push(tok);
                    if end {
                        return Tokens {
                            tokens,
                            error: None,
                            warnings: self.warnings,
                        };
                    }
                }
                Err(error) => {
                    return Tokens {
                        tokens,
                        error: Some(error),
                        warnings: self.warnings,
                    }
                }
            }
        }
    }

    fn peek(&self) -> u8 {
        self.bytes.get(self.pos).copied().unwrap_or(0)
    }

    fn peek_at(&self, n: usize) -> u8 {
        self.bytes.get(self.pos + n).copied().unwrap_or(0)
    }

    fn at_eof(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    fn col_of(&self, pos: usize) -> u32 {
        (pos - self.line_start) as u32
    }

    fn make(&self, kind: TokKind, start: usize, start_line: u32, start_col: u32) -> Token {
        Token {
            kind,
            start: start as u32,
            end: self.pos as u32,
            lineno: start_line,
            col: start_col,
            end_lineno: self.lineno,
            end_col: self.col_of(self.pos),
        }
    }

    /// A token of no width at the current position (DEDENT, ENDMARKER).
    fn empty_token(&self, kind: TokKind) -> Token {
        let col = self.col_of(self.pos);
        Token {
            kind,
            start: self.pos as u32,
            end: self.pos as u32,
            lineno: self.lineno,
            col,
            end_lineno: self.lineno,
            end_col: col,
        }
    }

    fn newline(&mut self) {
        // Called with `pos` just past a '\n'.
        self.lineno += 1;
        self.line_start = self.pos;
    }

    /// An error CPython's tokenizer raises with the caret under the character
    /// just before the current position.
    fn error_here(&self, msg: impl Into<String>) -> LexError {
        let col = self.pos.saturating_sub(1).max(self.line_start);
        let col = self.char_start(col);
        self.error_at(msg, col)
    }

    fn char_start(&self, mut pos: usize) -> usize {
        while pos > self.line_start && !self.src.is_char_boundary(pos) {
            pos -= 1;
        }
        pos
    }

    fn error_at(&self, msg: impl Into<String>, pos: usize) -> LexError {
        let col = self.col_of(pos.max(self.line_start));
        LexError {
            error: SyntaxError::new(msg, self.lineno, col, self.lineno, col),
            eager: true,
            unclosed: None,
        }
    }

    pub fn next_token(&mut self) -> Result<Token, LexError> {
        loop {
            if self.pending_dedents > 0 {
                self.pending_dedents -= 1;
                return Ok(self.empty_token(TokKind::Dedent));
            }
            if self.pending_indent {
                self.pending_indent = false;
                return Ok(Token {
                    kind: TokKind::Indent,
                    start: self.line_start as u32,
                    end: self.pos as u32,
                    lineno: self.lineno,
                    col: 0,
                    end_lineno: self.lineno,
                    end_col: self.col_of(self.pos),
                });
            }
            if self.finished {
                return Ok(self.empty_token(TokKind::EndMarker));
            }
            if self.at_bol {
                self.at_bol = false;
                if let Some(tok) = self.indentation()? {
                    return Ok(tok);
                }
                continue;
            }
            // Skip spaces.
            while matches!(self.peek(), b' ' | b'\t' | b'\x0c') {
                self.pos += 1;
            }
            let start = self.pos;
            let (line, col) = (self.lineno, self.col_of(start));
            if self.at_eof() {
                if self.continuation {
                    return Err(self.error_at("unexpected EOF while parsing", self.pos));
                }
                if self.line_has_tokens && self.parens.is_empty() {
                    // A last line without a line break still ends its statement.
                    self.line_has_tokens = false;
                    return Ok(Token {
                        kind: TokKind::Newline,
                        start: start as u32,
                        end: start as u32,
                        lineno: line,
                        col,
                        end_lineno: line,
                        end_col: col,
                    });
                }
                if !self.parens.is_empty() {
                    let &(ch, pl, pc) = self.parens.last().unwrap();
                    return Err(LexError {
                        error: SyntaxError::new(
                            "unexpected EOF while parsing",
                            line,
                            col,
                            line,
                            col,
                        ),
                        eager: false,
                        unclosed: Some((ch, pl, pc)),
                    });
                }
                // End of input: close every open block.
                self.finished = true;
                self.pending_dedents = (self.indents.len() - 1) as u32;
                self.indents.truncate(1);
                continue;
            }
            let c = self.peek();
            match c {
                b'#' => {
                    while !self.at_eof() && self.peek() != b'\n' {
                        self.pos += 1;
                    }
                    if self.keep_trivia {
                        return Ok(self.make(TokKind::Comment, start, line, col));
                    }
                }
                b'\n' => {
                    self.pos += 1;
                    let logical_end = self.parens.is_empty() && self.line_has_tokens;
                    // As in CPython, a NEWLINE token has no width (errors
                    // pointing at it get a single caret); an NL has one.
                    let tok = Token {
                        kind: if logical_end {
                            TokKind::Newline
                        } else {
                            TokKind::Nl
                        },
                        start: start as u32,
                        end: self.pos as u32,
                        lineno: line,
                        col,
                        end_lineno: line,
                        end_col: if logical_end { col } else { col + 1 },
                    };
                    self.newline();
                    self.continuation = false;
                    if self.parens.is_empty() {
                        self.at_bol = true;
                    }
                    if logical_end {
                        self.line_has_tokens = false;
                        return Ok(tok);
                    }
                    if self.keep_trivia {
                        return Ok(tok);
                    }
                }
                b'\\' => {
                    if self.peek_at(1) != b'\n' {
                        self.pos += 1;
                        let mut error = SyntaxError::new(
                            "unexpected character after line continuation character",
                            line,
                            col + 1,
                            line,
                            col + 1,
                        );
                        error.end_col = None;
                        return Err(LexError {
                            error,
                            eager: false,
                            unclosed: None,
                        });
                    }
                    self.pos += 2;
                    if self.pos >= self.bytes.len() {
                        // Reported on the line of the backslash, just after it.
                        let mut error = SyntaxError::new(
                            "unexpected EOF while parsing",
                            line,
                            col + 1,
                            line,
                            col + 1,
                        );
                        error.end_col = None;
                        return Err(LexError {
                            error,
                            eager: false,
                            unclosed: None,
                        });
                    }
                    self.newline();
                    self.continuation = true;
                }
                _ => {
                    self.continuation = false;
                    self.line_has_tokens = true;
                    return self.token(start, line, col);
                }
            }
        }
    }

    /// Measures a new line's indentation and decides on INDENT/DEDENT tokens.
    /// Blank lines and comment-only lines are skipped (or yield trivia).
    fn indentation(&mut self) -> Result<Option<Token>, LexError> {
        let (mut col, mut altcol) = (0u32, 0u32);
        loop {
            match self.peek() {
                b' ' => {
                    col += 1;
                    altcol += 1;
                }
                b'\t' => {
                    col = (col / TAB_SIZE + 1) * TAB_SIZE;
                    altcol += 1;
                }
                b'\x0c' => {
                    col = 0;
                    altcol = 0;
                }
                _ => break,
            }
            self.pos += 1;
        }
        let c = self.peek();
        let blank = c == b'#' || c == b'\n';
        if blank || !self.parens.is_empty() {
            return Ok(None);
        }
        if self.at_eof() {
            // Dedents at end of file are produced with the end marker.
            return Ok(None);
        }
        let &(cur, curalt) = self.indents.last().unwrap();
        let tab_error = || LexError {
            error: SyntaxError::new(
                "inconsistent use of tabs and spaces in indentation",
                self.lineno,
                0,
                self.lineno,
                0,
            )
            .with_kind(ErrorKind::TabError),
            eager: false,
            unclosed: None,
        };
        if col == cur {
            if altcol != curalt {
                return Err(tab_error());
            }
        } else if col > cur {
            if self.indents.len() >= MAX_INDENT_DEPTH {
                let mut e = self.error_at("too many levels of indentation", self.pos);
                e.error.kind = ErrorKind::IndentationError;
                e.error.col = None;
                e.eager = false;
                return Err(e);
            }
            if altcol <= curalt {
                return Err(tab_error());
            }
            self.indents.push((col, altcol));
            self.pending_indent = true;
        } else {
            while self.indents.len() > 1 && col < self.indents.last().unwrap().0 {
                self.indents.pop();
                self.pending_dedents += 1;
            }
            let &(now, nowalt) = self.indents.last().unwrap();
            if col != now {
                // CPython points past the end of the offending line.
                let line_end = self.src[self.pos..]
                    .find('\n')
                    .map_or(self.src.len(), |i| self.pos + i);
                let col = self.col_of(line_end);
                return Err(LexError {
                    error: SyntaxError::new(
                        "unindent does not match any outer indentation level",
                        self.lineno,
                        col,
                        self.lineno,
                        col,
                    )
                    .with_kind(ErrorKind::IndentationError),
                    eager: false,
                    unclosed: None,
                });
            }
            if altcol != nowalt {
                return Err(tab_error());
            }
        }
        Ok(None)
    }

    fn token(&mut self, start: usize, line: u32, col: u32) -> Result<Token, LexError> {
        let c = self.peek();
        if is_ident_start(c) {
            return self.name_or_string(start, line, col);
        }
        if c.is_ascii_digit() || (c == b'.' && self.peek_at(1).is_ascii_digit()) {
            return self.number(start, line, col);
        }
        if c == b'"' || c == b'\'' {
            return self.string(start, line, col);
        }
        if let Some((kind, len)) = TokKind::operator_at(&self.bytes[self.pos..]) {
            self.pos += len;
            match kind {
                TokKind::LPAR | TokKind::LSQB | TokKind::LBRACE => {
                    if self.parens.len() >= MAX_PAREN_DEPTH {
                        return Err(self.error_here("too many nested parentheses"));
                    }
                    self.parens.push((c, line, col));
                }
                TokKind::RPAR | TokKind::RSQB | TokKind::RBRACE => {
                    let Some((open, open_line, _)) = self.parens.pop() else {
                        return Err(self.error_here(format!("unmatched '{}'", c as char)));
                    };
                    let expected = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if c != expected {
                        let msg = if open_line != line {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                c as char, open as char, open_line
                            )
                        } else {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}'",
                                c as char, open as char
                            )
                        };
                        return Err(self.error_here(msg));
                    }
                }
                _ => {}
            }
            return Ok(self.make(kind, start, line, col));
        }
        // Not the start of any token.
        let ch = self.src[self.pos..].chars().next().unwrap();
        self.pos += ch.len_utf8();
        if (ch as u32) < 0x20 || ch as u32 == 0x7f {
            if ch == '\0' {
                let mut e = self.error_here("source code cannot contain null bytes");
                e.error.col = None;
                return Err(e);
            }
            return Err(self.error_here(format!(
                "invalid non-printable character U+{:04X}",
                ch as u32
            )));
        }
        Ok(self.make(TokKind::ErrorToken, start, line, col))
    }

    fn name_or_string(&mut self, start: usize, line: u32, col: u32) -> Result<Token, LexError> {
        // A string prefix: the legal combinations of b, r, u, f in any case.
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
        loop {
            let c = self.peek().to_ascii_lowercase();
            match c {
                b'b' if !(saw_b || saw_u || saw_f) => saw_b = true,
                b'u' if !(saw_b || saw_u || saw_r || saw_f) => saw_u = true,
                b'r' if !(saw_r || saw_u) => saw_r = true,
                b'f' if !(saw_f || saw_b || saw_u) => saw_f = true,
                _ => break,
            }
            self.pos += 1;
            if matches!(self.peek(), b'"' | b'\'') {
                return self.string(start, line, col);
            }
        }
        let mut ascii = true;
        while is_ident_char(self.peek()) {
            ascii &= self.peek() < 128;
            self.pos += 1;
        }
        if !ascii {
            self.verify_identifier(start)?;
        }
        let text = &self.src[start..self.pos];
        let kind = TokKind::keyword(text).unwrap_or(TokKind::Name);
        Ok(self.make(kind, start, line, col))
    }

    /// Checks a non-ASCII name character by character, as CPython's
    /// tokenizer does: XID_Start (or `_`) followed by XID_Continue, in the
    /// text as written (the parser NFKC-normalises the name afterwards).
    fn verify_identifier(&mut self, start: usize) -> Result<(), LexError> {
        let text = &self.src[start..self.pos];
        let bad = text.char_indices().find(|&(i, c)| {
            if i == 0 {
                !(c == '_' || is_xid_start(c))
            } else {
                !is_xid_continue(c)
            }
        });
        let Some((i, c)) = bad else {
            return Ok(());
        };
        self.pos = start + i + c.len_utf8();
        let msg = if krait_values::text::is_printable(c as u32) {
            format!("invalid character '{}' (U+{:04X})", c, c as u32)
        } else {
            format!("invalid non-printable character U+{:04X}", c as u32)
        };
        Err(self.error_here(msg))
    }

    fn number(&mut self, start: usize, line: u32, col: u32) -> Result<Token, LexError> {
        let c = self.peek();
        if c == b'0' && matches!(self.peek_at(1), b'x' | b'X' | b'o' | b'O' | b'b' | b'B') {
            let (kind, radix): (&str, u32) = match self.peek_at(1) {
                b'x' | b'X' => ("hexadecimal", 16),
                b'o' | b'O' => ("octal", 8),
                _ => ("binary", 2),
            };
            self.pos += 2;
            loop {
                if self.peek() == b'_' {
                    self.pos += 1;
                }
                let d = self.peek();
                if !(d as char).is_digit(radix) {
                    if radix < 10 && d.is_ascii_digit() {
                        self.pos += 1;
                        return Err(self.error_here(format!(
                            "invalid digit '{}' in {} literal",
                            d as char, kind
                        )));
                    }
                    return Err(self.error_here(format!("invalid {kind} literal")));
                }
                while (self.peek() as char).is_digit(radix) {
                    self.pos += 1;
                }
                if self.peek() != b'_' {
                    break;
                }
            }
            if radix < 10 && self.peek().is_ascii_digit() {
                let d = self.peek();
                self.pos += 1;
                return Err(
                    self.error_here(format!("invalid digit '{}' in {} literal", d as char, kind))
                );
            }
            self.verify_end_of_number(kind)?;
            return Ok(self.make(TokKind::Number, start, line, col));
        }
        if c == b'.' {
            // ".5"
            self.pos += 1;
            self.decimal_tail()?;
        } else {
            let leading_zero = c == b'0';
            self.decimal_tail()?;
            let nonzero_after_zero = leading_zero
                && self.src[start..self.pos]
                    .bytes()
                    .any(|b| b != b'0' && b != b'_');
            if self.peek() == b'.' {
                self.pos += 1;
                if self.peek().is_ascii_digit() {
                    self.decimal_tail()?;
                }
            } else if !matches!(self.peek(), b'e' | b'E' | b'j' | b'J') && nonzero_after_zero {
                // 0777: an old-style octal literal.
                let zeros_end = start
                    + self.src[start..self.pos]
                        .bytes()
                        .position(|b| b != b'0' && b != b'_')
                        .unwrap();
                return Err(LexError {
                    error: SyntaxError::new(
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                        line,
                        col,
                        line,
                        self.col_of(zeros_end),
                    ),
                    eager: true,
                    unclosed: None,
                });
            }
        }
        if matches!(self.peek(), b'e' | b'E') {
            let e_pos = self.pos;
            self.pos += 1;
            let mut signed = false;
            if matches!(self.peek(), b'+' | b'-') {
                self.pos += 1;
                signed = true;
            }
            if !self.peek().is_ascii_digit() {
                if signed {
                    return Err(self.error_here("invalid decimal literal"));
                }
                // "1else": the 'e' starts the next token.
                self.pos = e_pos;
                self.verify_end_of_number("decimal")?;
                return Ok(self.make(TokKind::Number, start, line, col));
            }
            self.decimal_tail()?;
        }
        if matches!(self.peek(), b'j' | b'J') {
            self.pos += 1;
            self.verify_end_of_number("imaginary")?;
        } else {
            self.verify_end_of_number("decimal")?;
        }
        Ok(self.make(TokKind::Number, start, line, col))
    }

    /// Digits with single underscores between them.
    fn decimal_tail(&mut self) -> Result<(), LexError> {
        loop {
            while self.peek().is_ascii_digit() {
                self.pos += 1;
            }
            if self.peek() != b'_' {
                return Ok(());
            }
            self.pos += 1;
            if !self.peek().is_ascii_digit() {
                // The caret goes under the underscore.
                return Err(self.error_here("invalid decimal literal"));
            }
        }
    }

    /// A number directly followed by a name is an error, except before the
    /// keywords that can legally follow a number (`1if x else y`).
    fn verify_end_of_number(&mut self, kind: &str) -> Result<(), LexError> {
        let rest = &self.bytes[self.pos..];
        let keyword_follows = ["and", "else", "for", "if", "in", "is", "or", "not"]
            .iter()
            .any(|kw| rest.starts_with(kw.as_bytes()));
        if keyword_follows {
            // As an error, it points at the number's last character.
            let col = self.col_of(self.char_start(self.pos.saturating_sub(1).max(self.line_start)));
            self.warnings.push(Warning {
                category: "SyntaxWarning",
                msg: format!("invalid {kind} literal"),
                lineno: self.lineno,
                col,
                end_lineno: self.lineno,
                end_col: col,
            });
            return Ok(());
        }
        if is_ident_char(self.peek()) && self.peek() < 128 {
            // The caret goes under the last character of the number. A
            // non-ASCII character is left to be reported on its own.
            return Err(self.error_here(format!("invalid {kind} literal")));
        }
        Ok(())
    }

    fn string(&mut self, start: usize, line: u32, col: u32) -> Result<Token, LexError> {
        let quote = self.peek();
        let triple = self.peek_at(1) == quote && self.peek_at(2) == quote;
        let (first_line, first_line_start) = (self.lineno, self.line_start);
        self.pos += if triple { 3 } else { 1 };
        loop {
            if self.at_eof() || (!triple && self.peek() == b'\n') {
                // At the end of the file CPython is still on the last line read.
                let ends_line = self.at_eof() && self.pos > 0 && self.bytes[self.pos - 1] == b'\n';
                let detected = self.lineno - u32::from(ends_line);
                let msg = if triple {
                    format!(
                        "unterminated triple-quoted string literal (detected at line {detected})"
                    )
                } else {
                    format!("unterminated string literal (detected at line {detected})")
                };
                let col = (start - first_line_start) as u32;
                return Err(LexError {
                    error: SyntaxError::new(msg, first_line, col, first_line, col),
                    eager: true,
                    unclosed: None,
                });
            }
            let c = self.peek();
            self.pos += 1;
            if c == quote {
                if !triple {
                    break;
                }
                if self.peek() == quote && self.peek_at(1) == quote {
                    self.pos += 2;
                    break;
                }
            } else if c == b'\\' {
                if self.at_eof() {
                    continue;
                }
                let escaped = self.peek();
                self.pos += 1;
                if escaped == b'\n' {
                    self.newline();
                }
            } else if c == b'\n' {
                self.newline();
            }
        }
        Ok(self.make(TokKind::String, start, line, col))
    }
}

/// XID_Start and XID_Continue as Unicode 14.0.0 has them, the version
/// Python 3.11's identifiers follow.
fn is_xid_start(c: char) -> bool {
    krait_unicode::is_xid_start(c as u32)
}

fn is_xid_continue(c: char) -> bool {
    krait_unicode::is_xid_continue(c as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<TokKind> {
        let t = Lexer::tokenize(src);
        assert!(t.error.is_none(), "{:?}", t.error);
        t.tokens.iter().map(|t| t.kind).collect()
    }

    fn error(src: &str) -> String {
        Lexer::tokenize(src).error.expect("an error").error.msg
    }

    #[test]
    fn indentation_produces_indent_and_dedent() {
        use TokKind::*;
        assert_eq!(
            kinds("if x:\n    y\nz\n"),
            [If, Name, COLON, Newline, Indent, Name, Newline, Dedent, Name, Newline, EndMarker]
        );
    }

    #[test]
    fn brackets_join_lines() {
        use TokKind::*;
        assert_eq!(
            kinds("(a,\n b)\n"),
            [LPAR, Name, COMMA, Name, RPAR, Newline, EndMarker]
        );
    }

    #[test]
    fn number_errors() {
        assert!(error("0777\n").starts_with("leading zeros"));
        assert_eq!(error("1__0\n"), "invalid decimal literal");
        assert_eq!(error("1_\n"), "invalid decimal literal");
        assert_eq!(error("0x\n"), "invalid hexadecimal literal");
        assert_eq!(error("0b2\n"), "invalid digit '2' in binary literal");
        assert_eq!(error("0o8\n"), "invalid digit '8' in octal literal");
        assert_eq!(error("1abc\n"), "invalid decimal literal");
    }

    #[test]
    fn keyword_after_number_is_allowed() {
        use TokKind::*;
        assert_eq!(kinds("1if x else 2\n")[..2], [Number, If]);
    }

    #[test]
    fn unterminated_strings() {
        assert_eq!(
            error("x = 'abc\n"),
            "unterminated string literal (detected at line 1)"
        );
        assert_eq!(
            error("x = '''abc\n\n"),
            "unterminated triple-quoted string literal (detected at line 2)"
        );
    }

    #[test]
    fn mismatched_brackets() {
        assert_eq!(
            error("(]\n"),
            "closing parenthesis ']' does not match opening parenthesis '('"
        );
        assert_eq!(error(")\n"), "unmatched ')'");
    }
}
