//! The token listing printed by `krait tokens`, in the format of
//! `python3 -m tokenize`: positions in characters, comments and
//! non-logical newlines included, an ENCODING token first.

use crate::error::SyntaxError;
use crate::lexer::Lexer;
use crate::pystring::write_str_repr;
use crate::token::{TokKind, Token};
use std::fmt::Write;

/// Lists the tokens of a source file. `exact` prints operator names
/// (`LPAR`) instead of `OP`, as `tokenize -e` does. On a tokenizer error the
/// listing so far is returned with the error.
pub fn token_listing(bytes: &[u8], exact: bool) -> Result<String, (String, SyntaxError)> {
    let encoding = if bytes.starts_with(b"\xEF\xBB\xBF") {
        "utf-8-sig".to_owned()
    } else {
        declared_encoding(bytes).unwrap_or_else(|| "utf-8".to_owned())
    };
    let text = crate::source::decode_source(bytes).map_err(|e| (String::new(), e))?;
    let mut out = String::new();
    line(&mut out, (0, 0), (0, 0), "ENCODING", &encoding);

    let lines: Vec<&str> = text.split('\n').collect();
    let char_col = |lineno: u32, col: u32| -> usize {
        let l = lines.get(lineno as usize - 1).copied().unwrap_or("");
        if l.is_ascii() {
            col as usize
        } else {
            let col = (col as usize).min(l.len());
            l[..col].chars().count()
        }
    };
    // The line number Python's tokenize gives to what follows the last line.
    let eof_line = text.matches('\n').count() as u32
        + u32::from(!text.ends_with('\n') && !text.is_empty())
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
        let s = &text[tok.start as usize..tok.end as usize];
        let name = type_name(&tok, exact);
        if tok.kind == TokKind::Newline {
            // The lexer gives NEWLINE no width, as CPython's does; tokenize
            // gives it one, even to the empty one ending an unterminated line.
            line(&mut out, start, (start.0, start.1 + 1), name, s);
        } else if tok.kind == TokKind::EndMarker {
            implicit_final_newline(&mut out, &text, &lines);
            line(&mut out, start, end, name, s);
            return Ok(out);
        } else {
            line(&mut out, start, end, name, s);
        }
        if tok.kind == TokKind::Comment && tok.end as usize == text.len() {
            // A comment on an unterminated last line is followed by an empty NL.
            line(&mut out, end, end, "NL", "");
        }
    }
}

/// Python's tokenize ends a file whose last line holds only spaces, and no
/// line break, with an empty NEWLINE; Krait's lexer sees nothing there.
fn implicit_final_newline(out: &mut String, text: &str, lines: &[&str]) {
    if text.is_empty() || text.ends_with('\n') {
        return;
    }
    let last = lines.last().copied().unwrap_or("");
    if last.trim().is_empty() && !last.is_empty() {
        let lnum = lines.len();
        let len = last.chars().count();
        line(
            out,
            (lnum as u32, len),
            (lnum as u32, len + 1),
            "NEWLINE",
            "",
        );
    }
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

/// The encoding name Python's `tokenize.detect_encoding` reports.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).into_owned();
    for (i, l) in text.split('\n').take(2).enumerate() {
        let t = l.trim_start_matches([' ', '\t', '\x0c']);
        if !t.starts_with('#') {
            if i == 0 && t.trim().is_empty() {
                continue;
            }
            return None;
        }
        if let Some(pos) = t.find("coding") {
            let rest = &t[pos + 6..];
            if let Some(rest) = rest.strip_prefix([':', '=']) {
                let name: String = rest
                    .trim_start_matches([' ', '\t'])
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                    .collect();
                if !name.is_empty() {
                    return Some(python_encoding_name(&name));
                }
            }
        }
    }
    None
}

fn python_encoding_name(name: &str) -> String {
    let enc: String = name
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if enc == "utf-8" || enc.starts_with("utf-8-") {
        "utf-8".into()
    } else if ["latin-1", "iso-8859-1", "iso-latin-1"]
        .iter()
        .any(|p| enc == *p || enc.starts_with(&format!("{p}-")))
    {
        "iso-8859-1".into()
    } else {
        name.to_owned()
    }
}
