//! Adjacent string literals and f-strings, turned into `Constant` or
//! `JoinedStr` nodes as CPython 3.11 builds them.
//!
//! In 3.11 an f-string is a single STRING token; its replacement fields are
//! found here and each expression is parsed by a fresh parser over
//! `(expression)`, whose tokens are shifted to where the expression sits in
//! the file. Every part of a `JoinedStr` takes the location of the whole
//! concatenation, and a format spec takes that of its own token, as in CPython.

use super::{expr, PResult, Parser};
use crate::ast::*;
use crate::error::SyntaxError;
use crate::lexer::Lexer;
use crate::literals::{decode_bytes_escapes, decode_str_escapes, split_string_token, StringToken};
use crate::token::{TokKind as T, Token};
use krait_values::text::PyString;

/// CPython's limit on nested format specs (`f"{x:{y:{z}}}"` is too deep).
const MAX_FSTRING_NESTING: u32 = 2;

/// Collects the parts of a `JoinedStr`, merging adjacent literal text.
struct JoinedBuilder {
    values: Vec<Expr>,
    pending: PyString,
    loc: Loc,
}

impl JoinedBuilder {
    fn new(loc: Loc) -> Self {
        JoinedBuilder {
            values: Vec::new(),
            pending: PyString::new(),
            loc,
        }
    }

    fn flush(&mut self, loc: Loc) {
        if !self.pending.is_empty() {
            let text = std::mem::take(&mut self.pending);
            self.values.push(expr(
                ExprKind::Constant {
                    value: Constant::Str(text),
                    kind: None,
                },
                loc,
            ));
        }
    }

    /// Text before a replacement field takes the range of the whole
    /// concatenation.
    fn push_value(&mut self, value: Expr) {
        self.flush(self.loc);
        self.values.push(value);
    }

    /// Text still pending at the end takes the node's own range, which for
    /// a format spec is that of its token.
    fn finish(mut self, loc: Loc) -> Expr {
        self.flush(loc);
        expr(
            ExprKind::JoinedStr {
                values: self.values,
            },
            loc,
        )
    }
}

impl<'src> Parser<'src> {
    /// One or more adjacent string literals.
    pub(crate) fn strings(&mut self) -> PResult<Expr> {
        let first = self.start();
        let mut toks = Vec::new();
        while self.at(T::String) {
            toks.push(self.bump());
        }
        let loc = self.loc_from(&first);
        let pieces: Vec<StringToken> = toks
            .iter()
            .map(|t| split_string_token(self.text(t)))
            .collect();
        let n_bytes = pieces.iter().filter(|p| p.bytes).count();
        if n_bytes != 0 && n_bytes != pieces.len() {
            return Err(self.fstring_error(&toks[0], "cannot mix bytes and nonbytes literals"));
        }
        if n_bytes != 0 {
            let mut out = Vec::new();
            for (t, p) in toks.iter().zip(&pieces) {
                if !p.body.is_ascii() {
                    return Err(
                        self.error_at_token(t, "bytes can only contain ASCII literal characters")
                    );
                }
                if p.raw {
                    out.extend_from_slice(p.body.as_bytes());
                } else {
                    let (bytes, invalid) =
                        decode_bytes_escapes(p.body).map_err(|e| self.fstring_error(t, &e.0))?;
                    out.extend(bytes);
                    if let Some(msg) = invalid {
                        self.warn("DeprecationWarning", msg, super::token_loc(t));
                    }
                }
            }
            return Ok(expr(
                ExprKind::Constant {
                    value: Constant::Bytes(out),
                    kind: None,
                },
                loc,
            ));
        }
        if !pieces.iter().any(|p| p.fstring) {
            let mut out = PyString::new();
            for (t, p) in toks.iter().zip(&pieces) {
                self.decode_plain(t, p.body, p.raw, &mut out)?;
            }
            let kind = pieces[0].u_prefix.then(|| "u".to_owned());
            return Ok(expr(
                ExprKind::Constant {
                    value: Constant::Str(out),
                    kind,
                },
                loc,
            ));
        }
        let mut joined = JoinedBuilder::new(loc);
        for (t, p) in toks.iter().zip(&pieces) {
            if p.fstring {
                let mut i = 0;
                self.fstring_part(t, p, &mut i, 0, &mut joined)?;
            } else {
                let mut text = PyString::new();
                self.decode_plain(t, p.body, p.raw, &mut text)?;
                joined.pending.push_pystr(&text);
            }
        }
        Ok(joined.finish(loc))
    }

    fn decode_plain(
        &mut self,
        t: &Token,
        body: &str,
        raw: bool,
        out: &mut PyString,
    ) -> PResult<()> {
        if raw {
            out.push_str(body);
            return Ok(());
        }
        let invalid = decode_str_escapes(body, out).map_err(|e| self.fstring_error(t, &e.0))?;
        if let Some(msg) = invalid {
            self.warn("DeprecationWarning", msg, super::token_loc(t));
        }
        Ok(())
    }

    /// Parses f-string text from `*i` in the token's body: literal text and
    /// replacement fields, up to the end (top level) or to the `}` that ends
    /// a format spec (nested level).
    fn fstring_part(
        &mut self,
        t: &Token,
        p: &StringToken,
        i: &mut usize,
        level: u32,
        out: &mut JoinedBuilder,
    ) -> PResult<()> {
        let body = p.body;
        let b = body.as_bytes();
        loop {
            // Literal text up to a single brace.
            let lit_start = *i;
            let lit_end;
            let mut doubled = false;
            loop {
                if *i >= b.len() {
                    lit_end = *i;
                    break;
                }
                let ch = b[*i];
                *i += 1;
                if !p.raw && ch == b'\\' && *i < b.len() {
                    let next = b[*i];
                    if next == b'{' || next == b'}' {
                        // Braces cannot be escaped: the backslash stays
                        // literal and the brace opens or closes a field.
                        continue;
                    }
                    *i += 1;
                    if next == b'N' && b.get(*i) == Some(&b'{') {
                        while *i < b.len() && b[*i] != b'}' {
                            *i += 1;
                        }
                        *i = (*i + 1).min(b.len());
                    }
                    continue;
                }
                if ch == b'{' || ch == b'}' {
                    if level == 0 {
                        if b.get(*i) == Some(&ch) {
                            lit_end = *i;
                            *i += 1;
                            doubled = true;
                            break;
                        }
                        if ch == b'}' {
                            return Err(
                                self.fstring_error(t, "f-string: single '}' is not allowed")
                            );
                        }
                    }
                    *i -= 1;
                    lit_end = *i;
                    break;
                }
            }
            if lit_end > lit_start {
                let text = &body[lit_start..lit_end];
                let mut decoded = PyString::new();
                let trailing = text.len() - text.trim_end_matches('\\').len();
                if !p.raw && trailing % 2 == 1 {
                    // The backslash before a brace (`\{`) is kept as text.
                    self.decode_plain(t, &text[..text.len() - 1], false, &mut decoded)?;
                    decoded.push_str("\\");
                    if b.get(lit_end) == Some(&b'{') {
                        let msg = "invalid escape sequence '\\{'".to_owned();
                        self.warn("DeprecationWarning", msg, super::token_loc(t));
                    }
                } else {
                    self.decode_plain(t, text, p.raw, &mut decoded)?;
                }
                out.pending.push_pystr(&decoded);
            }
            if doubled {
                continue;
            }
            if *i >= b.len() || b[*i] == b'}' {
                return Ok(());
            }
            // A replacement field.
            self.fstring_field(t, p, i, level, out)?;
        }
    }

    /// Errors in string literals point where CPython's parser was when it
    /// decoded them: at the token after the last string.
    fn fstring_error(&self, _t: &Token, msg: &str) -> SyntaxError {
        self.error_at_token(self.tok(), msg)
    }

    /// One `{expression[=][!conversion][:format_spec]}`, `*i` at the `{`.
    fn fstring_field(
        &mut self,
        t: &Token,
        p: &StringToken,
        i: &mut usize,
        level: u32,
        out: &mut JoinedBuilder,
    ) -> PResult<()> {
        let body = p.body;
        let b = body.as_bytes();
        if level >= MAX_FSTRING_NESTING {
            return Err(self.fstring_error(t, "f-string: expressions nested too deeply"));
        }
        let brace = *i;
        *i += 1;
        let expr_start = *i;
        let mut quote: u8 = 0;
        let mut triple = false;
        let mut stack: Vec<u8> = Vec::new();
        while *i < b.len() {
            let ch = b[*i];
            if ch == b'\\' {
                return Err(
                    self.fstring_error(t, "f-string expression part cannot include a backslash")
                );
            }
            if quote != 0 {
                if ch == quote {
                    if triple {
                        if *i + 2 < b.len() && b[*i + 1] == ch && b[*i + 2] == ch {
                            *i += 3;
                            quote = 0;
                            continue;
                        }
                    } else {
                        quote = 0;
                    }
                }
            } else if ch == b'\'' || ch == b'"' {
                if *i + 2 < b.len() && b[*i + 1] == ch && b[*i + 2] == ch {
                    triple = true;
                    *i += 2;
                } else {
                    triple = false;
                }
                quote = ch;
            } else if matches!(ch, b'[' | b'{' | b'(') {
                if stack.len() >= 200 {
                    return Err(self.fstring_error(t, "f-string: too many nested parenthesis"));
                }
                stack.push(ch);
            } else if ch == b'#' {
                return Err(self.fstring_error(t, "f-string expression part cannot include '#'"));
            } else if stack.is_empty() && matches!(ch, b'!' | b':' | b'}' | b'=' | b'<' | b'>') {
                let next = b.get(*i + 1).copied().unwrap_or(0);
                if next == b'=' && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                    *i += 2;
                    continue;
                }
                if ch != b'<' && ch != b'>' {
                    break;
                }
            } else if matches!(ch, b']' | b'}' | b')') {
                let Some(open) = stack.pop() else {
                    return Err(
                        self.fstring_error(t, &format!("f-string: unmatched '{}'", ch as char))
                    );
                };
                let matches = matches!((open, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                if !matches {
                    return Err(self.fstring_error(
                        t,
                        &format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            ch as char, open as char
                        ),
                    ));
                }
            }
            *i += 1;
        }
        let expr_end = *i;
        if quote != 0 {
            return Err(self.fstring_error(t, "f-string: unterminated string"));
        }
        if let Some(&open) = stack.last() {
            return Err(self.fstring_error(t, &format!("f-string: unmatched '{}'", open as char)));
        }
        if *i >= b.len() {
            return Err(self.fstring_error(t, "f-string: expecting '}'"));
        }
        let value = self.fstring_expression(t, p, brace, expr_start, expr_end)?;

        let mut debug_text = None;
        if b[*i] == b'=' {
            *i += 1;
            while *i < b.len() && b[*i].is_ascii_whitespace() {
                *i += 1;
            }
            if *i >= b.len() {
                return Err(self.fstring_error(t, "f-string: expecting '}'"));
            }
            debug_text = Some(&body[expr_start..*i]);
        }
        let mut conversion = -1;
        if b[*i] == b'!' {
            *i += 1;
            if *i >= b.len() {
                return Err(self.fstring_error(t, "f-string: expecting '}'"));
            }
            let c = b[*i];
            *i += 1;
            if !matches!(c, b's' | b'r' | b'a') {
                return Err(self.fstring_error(
                    t,
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                ));
            }
            conversion = c as i32;
        }
        let mut format_spec = None;
        if *i < b.len() && b[*i] == b':' {
            *i += 1;
            if *i >= b.len() {
                return Err(self.fstring_error(t, "f-string: expecting '}'"));
            }
            let mut spec = JoinedBuilder::new(out.loc);
            self.fstring_part(t, p, i, level + 1, &mut spec)?;
            format_spec = Some(Box::new(spec.finish(super::token_loc(t))));
        }
        if *i >= b.len() || b[*i] != b'}' {
            return Err(self.fstring_error(t, "f-string: expecting '}'"));
        }
        *i += 1;
        if debug_text.is_some() && format_spec.is_none() && conversion == -1 {
            conversion = b'r' as i32;
        }
        if let Some(text) = debug_text {
            out.pending.push_str(text);
        }
        out.push_value(expr(
            ExprKind::FormattedValue {
                value: Box::new(value),
                conversion,
                format_spec,
            },
            out.loc,
        ));
        Ok(())
    }

    /// Parses the expression of a replacement field, placing its nodes where
    /// the expression stands in the file.
    fn fstring_expression(
        &mut self,
        t: &Token,
        p: &StringToken,
        brace: usize,
        start: usize,
        end: usize,
    ) -> PResult<Expr> {
        let text = &p.body[start..end];
        if text
            .bytes()
            .all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'))
        {
            let msg = match p.body.as_bytes().get(end) {
                Some(&stop) if stop != b'}' => {
                    format!("f-string: expression required before '{}'", stop as char)
                }
                _ => "f-string: empty expression not allowed".to_owned(),
            };
            return Err(self.fstring_error(t, &msg));
        }
        // Where the `{` stands: lines into the token, and its column.
        let token_text = self.text(t);
        let brace_in_token = p.body_offset + brace;
        let before = &token_text[..brace_in_token];
        let lines = before.bytes().filter(|&c| c == b'\n').count() as u32;
        let newline_after_brace = text
            .bytes()
            .take_while(|&c| c != b'}')
            .find(|&c| !matches!(c, b' ' | b'\t' | b'\x0c'))
            .is_none_or(|c| c == b'\n');
        let cols = if newline_after_brace {
            0
        } else {
            match before.rfind('\n') {
                Some(nl) => (brace_in_token - nl - 1) as u32,
                None => brace_in_token as u32,
            }
        };
        let start_col = if lines != 0 { cols } else { t.col + cols };
        let first_line = t.lineno + lines;

        let source = format!("({text})");
        let tokens = Lexer::tokenize(&source);
        let mut toks = tokens.tokens;
        for tok in &mut toks {
            if tok.end_lineno == 1 {
                tok.col += start_col;
                tok.end_col += start_col;
            }
            tok.lineno += first_line - 1;
            tok.end_lineno += first_line - 1;
        }
        let mut sub = Parser::new(&source, toks, tokens.error);
        let result = (|| {
            let e = sub.star_expressions()?;
            if !matches!(sub.kind(), T::Newline | T::EndMarker) {
                return Err(sub.invalid_syntax());
            }
            Ok(e)
        })();
        sub.finish(result).map_err(|mut e| {
            if !e.msg.starts_with("f-string") {
                e.msg = format!("f-string: {}", e.msg);
            }
            // CPython shows the `(expression)` it parsed, with columns
            // counted in it rather than in the file.
            if e.lineno != 0 {
                let sub_line = e.lineno.saturating_sub(first_line) as usize;
                e.text = source.split('\n').nth(sub_line).map(str::to_owned);
                if e.lineno == first_line {
                    e.col = e.col.map(|c| c.saturating_sub(start_col));
                }
                if e.end_lineno == first_line {
                    e.end_col = e.end_col.map(|c| c.saturating_sub(start_col));
                }
            }
            e
        })
    }
}
