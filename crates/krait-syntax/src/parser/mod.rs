//! A hand-written recursive-descent parser for the Python 3.11 grammar.
//!
//! The whole token stream is produced first, so the parser can look ahead
//! and backtrack freely by moving an index, as CPython's PEG parser does
//! through its token array. The grammar rules live in `stmt.rs`, `expr.rs`,
//! `pattern.rs` and `args.rs`; string literals and f-strings in `strings.rs`;
//! turning expressions into assignment targets in `targets.rs`.

mod args;
mod expr;
mod pattern;
mod stmt;
mod strings;
mod targets;

use crate::ast::{Expr, ExprKind, Loc, Mod};
use crate::error::{ErrorKind, SyntaxError, Warning};
use crate::lexer::{LexError, Lexer};
use crate::token::{TokKind, Token};

pub type PResult<T> = Result<T, SyntaxError>;

/// How deeply the recursive rules may nest, in units of CPython's parser
/// stack: past this CPython fails with a bare MemoryError. Brackets and
/// blocks are bounded by the tokenizer's own limits; what can recurse
/// without bound is `-x`, `not x`, `a if b else ...`, `a ** ...` and
/// `lambda: ...`, which cost CPython one, one, one, two and two levels.
const MAX_NESTING: u32 = 5967;

pub struct Parser<'src> {
    src: &'src str,
    toks: Vec<Token>,
    pos: usize,
    /// The furthest token looked at: where a generic error is reported.
    furthest: usize,
    lex_error: Option<LexError>,
    depth: u32,
    /// Warnings about literals (invalid escapes), each noted once even
    /// where the grammar reads a literal twice.
    warnings: Vec<Warning>,
}

/// Parses a whole module (`ast.parse(source)`).
pub fn parse_module(src: &str) -> Result<Mod, SyntaxError> {
    parse_module_with_warnings(src).0
}

/// Parses a whole module, also returning the warnings CPython would print
/// while compiling it (they are printed even when parsing fails).
pub fn parse_module_with_warnings(src: &str) -> (Result<Mod, SyntaxError>, Vec<Warning>) {
    let tokens = Lexer::tokenize(src);
    let mut p = Parser::new(src, tokens.tokens, tokens.error);
    let result = p.file();
    let result = p.finish(result);
    (result, p.all_warnings(tokens.warnings))
}

/// Parses a single expression (`ast.parse(source, mode="eval")`).
pub fn parse_expression(src: &str) -> Result<Mod, SyntaxError> {
    parse_expression_with_warnings(src).0
}

/// Parses a single expression, also returning the warnings CPython would
/// print while compiling it.
pub fn parse_expression_with_warnings(src: &str) -> (Result<Mod, SyntaxError>, Vec<Warning>) {
    let tokens = Lexer::tokenize(src);
    let mut p = Parser::new(src, tokens.tokens, tokens.error);
    let result = (|| {
        let body = p.star_expressions()?;
        while p.at(TokKind::Newline) {
            p.bump();
        }
        p.expect(TokKind::EndMarker)?;
        Ok(Mod::Expression {
            body: Box::new(body),
        })
    })();
    let result = p.finish(result);
    (result, p.all_warnings(tokens.warnings))
}

impl<'src> Parser<'src> {
    fn new(src: &'src str, mut toks: Vec<Token>, lex_error: Option<LexError>) -> Self {
        if lex_error.is_some() || toks.is_empty() {
            // A sentinel the grammar never accepts, standing for the point
            // where the tokenizer stopped.
            let (start, lineno, col) = match toks.last() {
                Some(t) => (t.end, t.end_lineno, t.end_col),
                None => (0, 1, 0),
            };
            toks.push(Token {
                kind: TokKind::ErrorToken,
                start,
                end: start,
                lineno,
                col,
                end_lineno: lineno,
                end_col: col,
            });
        }
        Parser {
            src,
            toks,
            pos: 0,
            furthest: 0,
            lex_error,
            depth: 0,
            warnings: Vec::new(),
        }
    }

    /// Notes a warning about the code at `loc`, once.
    fn warn(&mut self, category: &'static str, msg: String, loc: Loc) {
        let w = Warning::at(category, msg, loc);
        if !self.warnings.contains(&w) {
            self.warnings.push(w);
        }
    }

    /// The warnings of the tokenizer and of the parser, in source order.
    fn all_warnings(&mut self, mut lexer: Vec<Warning>) -> Vec<Warning> {
        lexer.append(&mut self.warnings);
        lexer.sort_by_key(|w| (w.lineno, w.col));
        lexer
    }

    /// Decides which error to report when parsing failed, following the
    /// priorities of CPython's `_PyPegen_set_syntax_error`.
    fn finish<T>(&self, result: PResult<T>) -> PResult<T> {
        let err = match result {
            Ok(v) => return Ok(v),
            Err(e) => e,
        };
        let Some(lex) = &self.lex_error else {
            return Err(err);
        };
        let reached_sentinel = self.furthest + 1 >= self.toks.len();
        if let Some((ch, line, col)) = lex.unclosed {
            if reached_sentinel || err.lineno > line {
                return Err(SyntaxError {
                    kind: ErrorKind::SyntaxError,
                    msg: format!("'{}' was never closed", ch as char),
                    lineno: line,
                    col: Some(col),
                    end_lineno: line,
                    end_col: None,
                    text: None,
                    in_chars: false,
                });
            }
            return Err(err);
        }
        if lex.eager || reached_sentinel {
            let mut e = lex.error.clone();
            e.in_chars = true;
            return Err(e);
        }
        Err(err)
    }

    // ---- token access -------------------------------------------------

    fn tok(&self) -> &Token {
        &self.toks[self.pos]
    }

    fn kind(&mut self) -> TokKind {
        if self.pos > self.furthest {
            self.furthest = self.pos;
        }
        self.toks[self.pos].kind
    }

    fn peek_kind(&mut self, n: usize) -> TokKind {
        let i = (self.pos + n).min(self.toks.len() - 1);
        if i > self.furthest {
            self.furthest = i;
        }
        self.toks[i].kind
    }

    fn at(&mut self, kind: TokKind) -> bool {
        self.kind() == kind
    }

    fn bump(&mut self) -> Token {
        let t = self.toks[self.pos];
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        t
    }

    fn eat(&mut self, kind: TokKind) -> bool {
        if self.at(kind) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, kind: TokKind) -> PResult<Token> {
        if self.at(kind) {
            Ok(self.bump())
        } else {
            Err(self.invalid_syntax())
        }
    }

    fn text(&self, t: &Token) -> &'src str {
        &self.src[t.start as usize..t.end as usize]
    }

    /// Whether the current token is the name `word` (a soft keyword).
    fn at_soft_keyword(&mut self, word: &str) -> bool {
        self.at(TokKind::Name) && self.text(&self.toks[self.pos]) == word
    }

    fn name(&mut self) -> PResult<(String, Loc)> {
        if !self.at(TokKind::Name) {
            return Err(self.invalid_syntax());
        }
        let t = self.bump();
        Ok((self.identifier(&t), token_loc(&t)))
    }

    /// An identifier's text, NFKC-normalised as PEP 3131 requires.
    fn identifier(&self, t: &Token) -> String {
        let text = self.text(t);
        if text.is_ascii() {
            text.to_owned()
        } else {
            krait_unicode::nfkc(text)
        }
    }

    /// The location of the current token's start.
    fn start(&mut self) -> Token {
        self.kind();
        self.toks[self.pos]
    }

    /// A location from the start of `start` to the end of the last token consumed.
    fn loc_from(&self, start: &Token) -> Loc {
        let last = &self.toks[self.pos.saturating_sub(1)];
        let last = if self.pos == 0 { start } else { last };
        Loc {
            lineno: start.lineno,
            col_offset: start.col,
            end_lineno: last.end_lineno,
            end_col_offset: last.end_col,
        }
    }

    /// Where a compound statement ends: at the last token consumed that is
    /// not a NEWLINE, INDENT or DEDENT (so a trailing `;` counts).
    fn block_end(&self) -> Loc {
        let mut i = self.pos;
        while i > 0 {
            i -= 1;
            let t = &self.toks[i];
            if !matches!(t.kind, TokKind::Newline | TokKind::Indent | TokKind::Dedent) {
                return token_loc(t);
            }
        }
        Loc::default()
    }

    /// The index of the token that starts at `loc`.
    fn token_index_at(&self, loc: Loc) -> Option<usize> {
        let key = (loc.lineno, loc.col_offset);
        let mut i = self.toks.partition_point(|t| (t.lineno, t.col) < key);
        // A DEDENT shares its position with the token after it.
        while self.toks.get(i)?.kind == TokKind::Dedent {
            i += 1;
        }
        ((self.toks[i].lineno, self.toks[i].col) == key).then_some(i)
    }

    fn prev(&self) -> &Token {
        &self.toks[self.pos - 1]
    }

    // ---- errors -------------------------------------------------------

    fn invalid_syntax(&mut self) -> SyntaxError {
        let t = self.toks[self.furthest.max(self.pos)];
        self.error_at_token(&t, "invalid syntax")
    }

    fn error_at_token(&self, t: &Token, msg: impl Into<String>) -> SyntaxError {
        SyntaxError::new(msg, t.lineno, t.col, t.end_lineno, t.end_col)
    }

    fn error_at_loc(&self, loc: Loc, msg: impl Into<String>) -> SyntaxError {
        SyntaxError::at(loc, msg)
    }

    /// Enters a recursive rule costing `levels` of CPython's parser stack.
    fn nest(&mut self, levels: u32) -> PResult<()> {
        self.depth += levels;
        if self.depth > MAX_NESTING {
            return Err(SyntaxError::unlocated(ErrorKind::MemoryError, ""));
        }
        Ok(())
    }

    fn unnest(&mut self, levels: u32) {
        self.depth -= levels;
    }

    // ---- the start rule -------------------------------------------------

    fn file(&mut self) -> PResult<Mod> {
        let mut body = Vec::new();
        loop {
            match self.kind() {
                TokKind::EndMarker => break,
                TokKind::Newline => {
                    self.bump();
                }
                _ => self.statement(&mut body)?,
            }
        }
        Ok(Mod::Module {
            body,
            type_ignores: Vec::new(),
        })
    }
}

pub(crate) fn token_loc(t: &Token) -> Loc {
    Loc {
        lineno: t.lineno,
        col_offset: t.col,
        end_lineno: t.end_lineno,
        end_col_offset: t.end_col,
    }
}

pub(crate) fn expr(kind: ExprKind, loc: Loc) -> Expr {
    Expr { kind, loc }
}
