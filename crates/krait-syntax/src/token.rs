//! Token kinds and the token record the tokenizer hands to the parser.

/// A token: its kind and where it lies, both as byte offsets into the
/// (decoded, newline-normalised) source and as line/column pairs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokKind,
    pub start: u32,
    pub end: u32,
    pub lineno: u32,
    pub col: u32,
    pub end_lineno: u32,
    pub end_col: u32,
}

macro_rules! define_tokens {
    (
        keywords { $($kw:ident = $kwtext:literal,)* }
        operators { $($op:ident = $optext:literal,)* }
    ) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum TokKind {
            EndMarker,
            Name,
            Number,
            String,
            Newline,
            Indent,
            Dedent,
            /// A comment; only produced when the tokenizer keeps trivia.
            Comment,
            /// A line break that does not end a logical line; trivia only.
            Nl,
            /// A character that starts no token (`$`, `?`, a lone `!`).
            ErrorToken,
            $($kw,)*
            $($op,)*
        }

        impl TokKind {
            /// The keyword a name spells, if any (soft keywords excluded).
            pub fn keyword(name: &str) -> Option<TokKind> {
                match name {
                    $($kwtext => Some(TokKind::$kw),)*
                    _ => None,
                }
            }

            pub fn is_keyword(self) -> bool {
                matches!(self, $(TokKind::$kw)|*)
            }

            /// The fixed text of a keyword or operator token.
            pub fn text(self) -> Option<&'static str> {
                match self {
                    $(TokKind::$kw => Some($kwtext),)*
                    $(TokKind::$op => Some($optext),)*
                    _ => None,
                }
            }

            /// The name Python's `token` module gives this kind, as
            /// `tokenize -e` prints it.
            pub fn exact_name(self) -> &'static str {
                match self {
                    TokKind::EndMarker => "ENDMARKER",
                    TokKind::Name => "NAME",
                    TokKind::Number => "NUMBER",
                    TokKind::String => "STRING",
                    TokKind::Newline => "NEWLINE",
                    TokKind::Indent => "INDENT",
                    TokKind::Dedent => "DEDENT",
                    TokKind::Comment => "COMMENT",
                    TokKind::Nl => "NL",
                    TokKind::ErrorToken => "ERRORTOKEN",
                    $(TokKind::$kw => "NAME",)*
                    $(TokKind::$op => stringify!($op),)*
                }
            }

            pub fn is_operator(self) -> bool {
                matches!(self, $(TokKind::$op)|*)
            }
        }
    };
}

define_tokens! {
    keywords {
        False = "False",
        None = "None",
        True = "True",
        And = "and",
        As = "as",
        Assert = "assert",
        Async = "async",
        Await = "await",
        Break = "break",
        Class = "class",
        Continue = "continue",
        Def = "def",
        Del = "del",
        Elif = "elif",
        Else = "else",
        Except = "except",
        Finally = "finally",
        For = "for",
        From = "from",
        Global = "global",
        If = "if",
        Import = "import",
        In = "in",
        Is = "is",
        Lambda = "lambda",
        Nonlocal = "nonlocal",
        Not = "not",
        Or = "or",
        Pass = "pass",
        Raise = "raise",
        Return = "return",
        Try = "try",
        While = "while",
        With = "with",
        Yield = "yield",
    }
    operators {
        LPAR = "(",
        RPAR = ")",
        LSQB = "[",
        RSQB = "]",
        COLON = ":",
        COMMA = ",",
        SEMI = ";",
        PLUS = "+",
        MINUS = "-",
        STAR = "*",
        SLASH = "/",
        VBAR = "|",
        AMPER = "&",
        LESS = "<",
        GREATER = ">",
        EQUAL = "=",
        DOT = ".",
        PERCENT = "%",
        LBRACE = "{",
        RBRACE = "}",
        EQEQUAL = "==",
        NOTEQUAL = "!=",
        LESSEQUAL = "<=",
        GREATEREQUAL = ">=",
        TILDE = "~",
        CIRCUMFLEX = "^",
        LEFTSHIFT = "<<",
        RIGHTSHIFT = ">>",
        DOUBLESTAR = "**",
        PLUSEQUAL = "+=",
        MINEQUAL = "-=",
        STAREQUAL = "*=",
        SLASHEQUAL = "/=",
        PERCENTEQUAL = "%=",
        AMPEREQUAL = "&=",
        VBAREQUAL = "|=",
        CIRCUMFLEXEQUAL = "^=",
        LEFTSHIFTEQUAL = "<<=",
        RIGHTSHIFTEQUAL = ">>=",
        DOUBLESTAREQUAL = "**=",
        DOUBLESLASH = "//",
        DOUBLESLASHEQUAL = "//=",
        AT = "@",
        ATEQUAL = "@=",
        RARROW = "->",
        ELLIPSIS = "...",
        COLONEQUAL = ":=",
    }
}

impl TokKind {
    /// The operator spelled by the longest prefix of `s`, with its length.
    pub fn operator_at(s: &[u8]) -> Option<(TokKind, usize)> {
        use TokKind as K;
        let c0 = *s.first()?;
        let c1 = s.get(1).copied().unwrap_or(0);
        let c2 = s.get(2).copied().unwrap_or(0);
        let three = match (c0, c1, c2) {
            (b'*', b'*', b'=') => Some(K::DOUBLESTAREQUAL),
            (b'/', b'/', b'=') => Some(K::DOUBLESLASHEQUAL),
            (b'<', b'<', b'=') => Some(K::LEFTSHIFTEQUAL),
            (b'>', b'>', b'=') => Some(K::RIGHTSHIFTEQUAL),
            (b'.', b'.', b'.') => Some(K::ELLIPSIS),
            _ => None,
        };
        if let Some(k) = three {
            return Some((k, 3));
        }
        let two = match (c0, c1) {
            (b'=', b'=') => Some(K::EQEQUAL),
            (b'!', b'=') => Some(K::NOTEQUAL),
            (b'<', b'>') => Some(K::NOTEQUAL),
            (b'<', b'=') => Some(K::LESSEQUAL),
            (b'>', b'=') => Some(K::GREATEREQUAL),
            (b'<', b'<') => Some(K::LEFTSHIFT),
            (b'>', b'>') => Some(K::RIGHTSHIFT),
            (b'*', b'*') => Some(K::DOUBLESTAR),
            (b'+', b'=') => Some(K::PLUSEQUAL),
            (b'-', b'=') => Some(K::MINEQUAL),
            (b'*', b'=') => Some(K::STAREQUAL),
            (b'/', b'=') => Some(K::SLASHEQUAL),
            (b'%', b'=') => Some(K::PERCENTEQUAL),
            (b'&', b'=') => Some(K::AMPEREQUAL),
            (b'|', b'=') => Some(K::VBAREQUAL),
            (b'^', b'=') => Some(K::CIRCUMFLEXEQUAL),
            (b'/', b'/') => Some(K::DOUBLESLASH),
            (b'@', b'=') => Some(K::ATEQUAL),
            (b'-', b'>') => Some(K::RARROW),
            (b':', b'=') => Some(K::COLONEQUAL),
            _ => None,
        };
        if let Some(k) = two {
            return Some((k, 2));
        }
        let one = match c0 {
            b'(' => K::LPAR,
            b')' => K::RPAR,
            b'[' => K::LSQB,
            b']' => K::RSQB,
            b':' => K::COLON,
            b',' => K::COMMA,
            b';' => K::SEMI,
            b'+' => K::PLUS,
            b'-' => K::MINUS,
            b'*' => K::STAR,
            b'/' => K::SLASH,
            b'|' => K::VBAR,
            b'&' => K::AMPER,
            b'<' => K::LESS,
            b'>' => K::GREATER,
            b'=' => K::EQUAL,
            b'.' => K::DOT,
            b'%' => K::PERCENT,
            b'{' => K::LBRACE,
            b'}' => K::RBRACE,
            b'~' => K::TILDE,
            b'^' => K::CIRCUMFLEX,
            b'@' => K::AT,
            _ => return None,
        };
        Some((one, 1))
    }
}
