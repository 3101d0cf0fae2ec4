//! The token listing printed by `krait tokens`, in the format of
//! `python3 -m tokenize`: positions in characters, comments and
//! non-logical newlines included, an ENCODING token first.

use crate::error::SyntaxError;
use crate::lexer::Lexer;
use crate::token::{TokKind, Token};
use krait_values::text::write_str_repr;
use std::fmt::Write;

/// Lists the tokens of a source file. `exact` prints operator names
/// (`LPAR`) instead of `OP`, as `tokenize -e` does. On a tokenizer error the
/// listing so far is returned with the error.
pub fn token_listing(bytes: &[u8], exact: bool) -> Result<String, (String, SyntaxError)> {
    // tokenize reports a file with a byte-order mark as plain utf-8.
    let encoding = crate::source::declared_encoding(bytes).unwrap_or_else(|| "utf-8".to_owned());
    let crlf = crlf_lines(bytes);
    let text = crate::source::decode_source(bytes).map_err(|e| (String::new(), e))?;
    let mut out = String::new();
    line(&mut out, (0, 0), (0, 0), "ENCODING", &encoding);

    let lines: Vec<&str> = text.split('\n').collect();
    let char_col = |lineno: u32, col: u32| -> usize {
        let l = lines.get(lineno as usize - 1).copied().unwrap_or("");
        let col = col as usize;
        if l.is_ascii() || col > l.len() {
            // Past the end is the line break, one character wide.
            l.chars().count().min(col) + col.saturating_sub(l.len())
        } else {
            l[..col].chars().count()
        }
    };
    // The line number Python's tokenize gives to what follows the last line.
    // It stops reading at an unterminated last line of only whitespace, so
    // the end marker is on that line.
    let last = lines.last().copied().unwrap_or("");
    let partial_blank = !last.is_empty() && last.trim_matches([' ', '\t', '\x0c']).is_empty();
    let eof_line = text.matches('\n').count() as u32
        + u32::from(!text.ends_with('\n') && !text.is_empty() && !partial_blank)
        + 1;

    let mut lexer = Lexer::new(&text).keep_trivia(true);
    loop {
        let tok = match lexer.next_token() {
            Ok(t) => t,
            Err(e) => return Err((out, e.error)),
        };
        let at_end = matches!(tok.kind, TokKind::EndMarker)
            || (tok.kind == TokKind::Dedent && tok.start as usize >= text.len());
        let (start, end) = if at_end {
            ((eof_line, 0), (eof_line, 0))
        } else {
            (
                (tok.lineno, char_col(tok.lineno, tok.col)),
                (tok.end_lineno, char_col(tok.end_lineno, tok.end_col)),
            )
        };
        let mut s = std::borrow::Cow::Borrowed(&text[tok.start as usize..tok.end as usize]);
        let mut end = end;
        // The lexer sees `\r\n` as `\n`; tokenize shows what the file has.
        if !crlf.is_empty() && s.contains('\n') {
            let mut lineno = tok.lineno;
            let mut restored = String::with_capacity(s.len() + 2);
            for c in s.chars() {
                if c == '\n' {
                    if crlf.contains(&lineno) {
                        restored.push('\r');
                        if lineno == tok.end_lineno && matches!(tok.kind, TokKind::Nl) {
                            end.1 += 1;
                        }
                    }
                    lineno += 1;
                }
                restored.push(c);
            }
            s = std::borrow::Cow::Owned(restored);
        }
        let name = type_name(&tok, exact);
        if tok.kind == TokKind::Newline {
            // The lexer gives NEWLINE no width, as CPython's does; tokenize
            // gives it its text's, even one to the empty NEWLINE ending an
            // unterminated line.
            let width = s.chars().count().max(1);
            line(&mut out, start, (start.0, start.1 + width), name, &s);
        } else if tok.kind == TokKind::EndMarker {
            line(&mut out, start, end, name, &s);
            return Ok(out);
        } else {
            line(&mut out, start, end, name, &s);
        }
        if tok.kind == TokKind::Comment && tok.end as usize == text.len() {
            // A comment on an unterminated last line is followed by an empty NL.
            line(&mut out, end, end, "NL", "");
        }
    }
}

/// The (1-based) lines that end in `\r\n` in the file.
fn crlf_lines(bytes: &[u8]) -> std::collections::HashSet<u32> {
    let mut set = std::collections::HashSet::new();
    let mut lineno = 1;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                set.insert(lineno);
                lineno += 1;
                i += 1;
            }
            b'\r' | b'\n' => lineno += 1,
            _ => {}
        }
        i += 1;
    }
    set
}

fn type_name(tok: &Token, exact: bool) -> &'static str {
    match tok.kind {
        k if k.is_keyword() => "NAME",
        k if k.is_operator() => {
            if exact {
                k.exact_name()
            } else {
                "OP"
            }
        }
        k => k.exact_name(),
    }
}

fn line(out: &mut String, start: (u32, usize), end: (u32, usize), name: &str, s: &str) {
    let range = format!("{},{}-{},{}:", start.0, start.1, end.0, end.1);
    let mut repr = String::new();
    write_str_repr(&mut repr, s.chars().map(|c| c as u32));
    let _ = writeln!(out, "{range:<20}{name:<15}{repr:<15}");
}
