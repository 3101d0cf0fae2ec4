//! A non-validating XML 1.0 parser that answers as Expat does: the same
//! events in the same order, the same error codes at the same line and
//! column. Input arrives in pieces (`feed`); a construct cut by the end
//! of a piece waits for the next one, and character data is delivered
//! as far as it goes.

use std::collections::HashMap;

/// Expat's error codes (`xml.parsers.expat.errors`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    Syntax = 2,
    NoElements = 3,
    InvalidToken = 4,
    UnclosedToken = 5,
    TagMismatch = 7,
    DuplicateAttribute = 8,
    JunkAfterDocElement = 9,
    UndefinedEntity = 11,
    RecursiveEntityRef = 12,
    AsyncEntity = 13,
    BadCharRef = 14,
    BinaryEntityRef = 15,
    AttributeExternalEntityRef = 16,
    MisplacedXmlPi = 17,
    UnknownEncoding = 18,
    UnclosedCdataSection = 20,
    UnboundPrefix = 27,
    UndeclaringPrefix = 28,
    XmlDecl = 30,
    Finished = 36,
}

/// Where an error happened: code, line (from 1), column (from 0, in
/// characters) and byte offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct XmlError {
    pub code: ErrorCode,
    pub line: usize,
    pub column: usize,
    pub byte: usize,
}

/// An element content model (`ElementDeclHandler`'s second argument):
/// type, quantifier, name, children, as `xml.parsers.expat.model` numbers
/// them.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub kind: u8,
    pub quant: u8,
    pub name: Option<String>,
    pub children: Vec<Model>,
}

/// Line, column and byte offset where an event's markup starts.
pub type Position = (usize, usize, usize);

/// What the parser reports, in document order. `raw` texts are the
/// markup as written, for the default handler when no specific handler
/// takes the event.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    XmlDecl {
        version: Option<String>,
        encoding: Option<String>,
        standalone: i64,
        raw: String,
    },
    StartDoctype {
        name: String,
        system: Option<String>,
        public: Option<String>,
        internal_subset: bool,
        raw: Vec<String>,
    },
    EndDoctype {
        raw: String,
    },
    EntityDecl {
        name: String,
        parameter: bool,
        value: Option<String>,
        system: Option<String>,
        public: Option<String>,
        notation: Option<String>,
    },
    NotationDecl {
        name: String,
        system: Option<String>,
        public: Option<String>,
    },
    ElementDecl {
        name: String,
        model: Model,
    },
    AttlistDecl {
        element: String,
        attribute: String,
        kind: String,
        default: Option<String>,
        required: bool,
    },
    Start {
        name: String,
        attributes: Vec<(String, String)>,
        defaulted: Vec<(String, String)>,
    },
    End {
        name: String,
    },
    StartNamespace {
        prefix: Option<String>,
        uri: Option<String>,
    },
    EndNamespace {
        prefix: Option<String>,
    },
    Text(String),
    Comment(String),
    Pi {
        target: String,
        data: String,
    },
    StartCdata,
    EndCdata,
    /// Markup with no event of its own (white space outside the root).
    Default(String),
    /// A reference to an entity that is not declared where an external
    /// subset could declare it.
    Skipped(String),
    /// A reference to an external parsed entity.
    ExternalEntityRef {
        name: String,
        system: Option<String>,
        public: Option<String>,
    },
    /// The document depends on declarations outside it.
    NotStandalone,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Prolog,
    Content,
    Epilog,
    Done,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Encoding {
    Unknown,
    Utf8,
    Utf16Le,
    Utf16Be,
    Latin1,
}

struct Entity {
    value: Option<String>,
    system: Option<String>,
    public: Option<String>,
    /// Declared with NDATA: may not be referenced.
    unparsed: bool,
}

/// A failed attempt at a construct: more input is needed, or the input
/// is wrong at a character index.
enum Stop {
    More,
    Fail(ErrorCode, usize),
}

type Step<T> = Result<T, Stop>;

pub struct Scanner {
    namespace_separator: Option<char>,
    pub namespace_prefixes: bool,
    encoding: Encoding,
    raw: Vec<u8>,
    text: Vec<char>,
    /// Bytes of input each decoded character took.
    widths: Vec<u8>,
    pos: usize,
    line: usize,
    column: usize,
    byte: usize,
    phase: Phase,
    stack: Vec<String>,
    scopes: Vec<Vec<(Option<String>, Option<String>)>>,
    bindings: HashMap<Option<String>, String>,
    entities: HashMap<String, Entity>,
    attribute_defaults: HashMap<String, Vec<(String, String)>>,
    /// Attributes declared with a type other than CDATA, whose values
    /// are tokens: spaces around and between them are collapsed.
    tokenized_attributes: std::collections::HashSet<(String, String)>,
    external_subset: bool,
    standalone: bool,
    started: bool,
    /// An external parsed entity: content without a root element.
    fragment: bool,
    pub events: Vec<(Event, Position)>,
}

fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic()
        || c == '_'
        || c == ':'
        || matches!(c as u32,
            0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x2FF | 0x370..=0x37D | 0x37F..=0x1FFF
            | 0x200C..=0x200D | 0x2070..=0x218F | 0x2C00..=0x2FEF | 0x3001..=0xD7FF
            | 0xF900..=0xFDCF | 0xFDF0..=0xFFFD | 0x10000..=0xEFFFF)
}

fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || c.is_ascii_digit()
        || c == '-'
        || c == '.'
        || matches!(c as u32, 0xB7 | 0x300..=0x36F | 0x203F..=0x2040)
}

fn is_xml_char(c: char) -> bool {
    matches!(c as u32, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// A character that cannot be decoded stands for itself as an invalid
/// token (U+FFFF is not an XML character either).
const UNDECODABLE: char = '\u{FFFF}';

impl Scanner {
    pub fn new(namespace_separator: Option<char>, encoding: Option<&str>) -> Result<Scanner, ()> {
        let encoding = match encoding {
            None => Encoding::Unknown,
            Some(e) => encoding_named(e).ok_or(())?,
        };
        Ok(Scanner {
            namespace_separator,
            namespace_prefixes: false,
            encoding,
            raw: Vec::new(),
            text: Vec::new(),
            widths: Vec::new(),
            pos: 0,
            line: 1,
            column: 0,
            byte: 0,
            phase: Phase::Prolog,
            stack: Vec::new(),
            scopes: Vec::new(),
            bindings: HashMap::new(),
            entities: HashMap::new(),
            attribute_defaults: HashMap::new(),
            tokenized_attributes: std::collections::HashSet::new(),
            external_subset: false,
            standalone: false,
            started: false,
            fragment: false,
            events: Vec::new(),
        })
    }

    /// Line, column and byte offset of the parse position.
    pub fn position(&self) -> Position {
        (self.line, self.column, self.byte)
    }

    /// Reports an event at the parse position (the start of the construct
    /// being read).
    fn emit(&mut self, e: Event) {
        let at = self.position();
        self.events.push((e, at));
    }

    /// Line, column and byte offset of character `to`, ahead of the parse
    /// position.
    fn position_at(&self, to: usize) -> Position {
        let (mut line, mut column, mut byte) = self.position();
        for i in self.pos..to.min(self.text.len()) {
            let c = self.text[i];
            byte += self.widths[i] as usize;
            if c == '\n' || (c == '\r' && self.text.get(i + 1) != Some(&'\n')) {
                line += 1;
                column = 0;
            } else if c != '\r' {
                column += 1;
            }
        }
        (line, column, byte)
    }

    /// Reads an external parsed entity rather than a document.
    pub fn set_fragment(&mut self) {
        self.fragment = true;
        self.phase = Phase::Content;
    }

    /// Forces the encoding (str input is handed over as UTF-8).
    pub fn set_encoding(&mut self, e: Encoding) {
        if !self.started {
            self.encoding = e;
        }
    }

    /// Parses as much of the input as has arrived; with `last`, the end of
    /// the input ends the document.
    pub fn feed(&mut self, data: &[u8], last: bool) -> Result<(), XmlError> {
        if self.phase == Phase::Done {
            return Err(self.error_at(ErrorCode::Finished, self.pos));
        }
        self.raw.extend_from_slice(data);
        self.decode(last)?;
        self.started = true;
        loop {
            let before = self.pos;
            match self.step(last) {
                Ok(true) => {}
                Ok(false) => break,
                Err(Stop::More) => {
                    if last {
                        let code = if self.phase == Phase::Prolog && self.text.is_empty() {
                            ErrorCode::NoElements
                        } else {
                            ErrorCode::UnclosedToken
                        };
                        return Err(self.error_at(code, before));
                    }
                    break;
                }
                Err(Stop::Fail(code, at)) => return Err(self.error_at(code, at)),
            }
        }
        if last {
            if self.fragment && self.stack.is_empty() {
                self.phase = Phase::Epilog;
            }
            if self.phase != Phase::Epilog {
                return Err(self.error_at(ErrorCode::NoElements, self.text.len()));
            }
            self.phase = Phase::Done;
        }
        // Keep memory bounded: drop what is parsed.
        if self.pos > 4096 && self.pos * 2 > self.text.len() {
            self.text.drain(..self.pos);
            self.widths.drain(..self.pos);
            self.pos = 0;
        }
        Ok(())
    }

    fn error_at(&mut self, code: ErrorCode, at: usize) -> XmlError {
        self.advance_to(at.min(self.text.len()));
        XmlError {
            code,
            line: self.line,
            column: self.column,
            byte: self.byte,
        }
    }

    /// Moves the parse position forward, counting lines and columns (a
    /// CR LF pair is one line end).
    fn advance_to(&mut self, to: usize) {
        (self.line, self.column, self.byte) = self.position_at(to);
        self.pos = to;
    }

    // ---- decoding ------------------------------------------------------

    fn decode(&mut self, last: bool) -> Result<(), XmlError> {
        if self.encoding == Encoding::Unknown {
            let unfinished_declaration =
                self.raw.starts_with(b"<?xml") && !self.raw.contains(&b'>');
            if (self.raw.len() < 4 || unfinished_declaration) && !last {
                return Ok(());
            }
            self.encoding = self.sniff()?;
        }
        let mut used = 0;
        let raw = std::mem::take(&mut self.raw);
        match self.encoding {
            Encoding::Utf8 | Encoding::Unknown => {
                while used < raw.len() {
                    let b = raw[used];
                    let len = match b {
                        0x00..=0x7F => 1,
                        0xC2..=0xDF => 2,
                        0xE0..=0xEF => 3,
                        0xF0..=0xF4 => 4,
                        _ => 0,
                    };
                    if len == 0 {
                        self.push(UNDECODABLE, 1);
                        used += 1;
                        continue;
                    }
                    if used + len > raw.len() {
                        if last {
                            self.push(UNDECODABLE, (raw.len() - used) as u8);
                            used = raw.len();
                        }
                        break;
                    }
                    match std::str::from_utf8(&raw[used..used + len]) {
                        Ok(s) => self.push(s.chars().next().unwrap_or(UNDECODABLE), len as u8),
                        Err(_) => {
                            self.push(UNDECODABLE, 1);
                            used += 1;
                            continue;
                        }
                    }
                    used += len;
                }
            }
            Encoding::Latin1 => {
                for &b in &raw {
                    self.push(b as char, 1);
                }
                used = raw.len();
            }
            Encoding::Utf16Le | Encoding::Utf16Be => {
                let unit = |i: usize| {
                    let pair = [raw[i], raw[i + 1]];
                    if self.encoding == Encoding::Utf16Le {
                        u16::from_le_bytes(pair)
                    } else {
                        u16::from_be_bytes(pair)
                    }
                };
                let mut out = Vec::new();
                while used + 1 < raw.len() {
                    let u = unit(used);
                    if (0xD800..0xDC00).contains(&u) {
                        if used + 3 >= raw.len() {
                            break;
                        }
                        let low = unit(used + 2);
                        let c = char::decode_utf16([u, low]).next().and_then(Result::ok);
                        out.push((c.unwrap_or(UNDECODABLE), 4));
                        used += 4;
                    } else {
                        let c = char::from_u32(u as u32).unwrap_or(UNDECODABLE);
                        out.push((c, 2));
                        used += 2;
                    }
                }
                for (c, w) in out {
                    self.push(c, w);
                }
            }
        }
        self.raw = raw[used..].to_vec();
        Ok(())
    }

    fn push(&mut self, c: char, width: u8) {
        // A byte order mark at the very start is not content.
        if c == '\u{FEFF}' && self.text.is_empty() && self.byte == 0 && !self.started {
            self.byte += width as usize;
            return;
        }
        self.text.push(c);
        self.widths.push(width);
    }

    /// The encoding from a byte order mark or the XML declaration.
    fn sniff(&self) -> Result<Encoding, XmlError> {
        let r = &self.raw;
        if r.starts_with(&[0xFF, 0xFE]) || r.starts_with(&[b'<', 0]) {
            return Ok(Encoding::Utf16Le);
        }
        if r.starts_with(&[0xFE, 0xFF]) || r.starts_with(&[0, b'<']) {
            return Ok(Encoding::Utf16Be);
        }
        if r.starts_with(b"<?xml") {
            let end = r.iter().position(|&b| b == b'>').unwrap_or(r.len());
            let decl = String::from_utf8_lossy(&r[..end]);
            if let Some(name) = pseudo_attribute(&decl, "encoding") {
                return match encoding_named(&name) {
                    Some(Encoding::Utf16Le | Encoding::Utf16Be) | None => Err(XmlError {
                        code: ErrorCode::UnknownEncoding,
                        line: 1,
                        column: 0,
                        byte: 0,
                    }),
                    Some(e) => Ok(e),
                };
            }
        }
        Ok(Encoding::Utf8)
    }

    // ---- the document --------------------------------------------------

    fn at(&self, i: usize) -> Step<char> {
        self.text.get(i).copied().ok_or(Stop::More)
    }

    fn starts(&self, i: usize, s: &str) -> Step<bool> {
        for (k, c) in s.chars().enumerate() {
            match self.text.get(i + k) {
                None => {
                    // A prefix of `s` up to the end: undecided yet.
                    return Err(Stop::More);
                }
                Some(&d) if d != c => return Ok(false),
                _ => {}
            }
        }
        Ok(true)
    }

    /// One construct from the parse position; false when the input is
    /// used up.
    fn step(&mut self, last: bool) -> Step<bool> {
        let i = self.pos;
        if i >= self.text.len() {
            return Ok(false);
        }
        let c = self.text[i];
        if self.phase == Phase::Content {
            return self.content_step(last).map(|()| true);
        }
        if is_space(c) {
            let mut j = i;
            while j < self.text.len() && is_space(self.text[j]) {
                j += 1;
            }
            if j == self.text.len() && !last {
                // The run may go on; report it whole.
                return Err(Stop::More);
            }
            let ws: String = normalize_newlines(&self.text[i..j]);
            self.emit(Event::Default(ws));
            self.advance_to(j);
            return Ok(true);
        }
        if c != '<' {
            if self.phase == Phase::Epilog {
                return Err(Stop::Fail(ErrorCode::JunkAfterDocElement, i));
            }
            if !is_xml_char(c) {
                return Err(Stop::Fail(ErrorCode::InvalidToken, i));
            }
            // A name where markup belongs is a syntax error, unless what
            // follows it cannot end a token at all.
            let mut j = i;
            while j < self.text.len() && is_name_char(self.text[j]) {
                j += 1;
            }
            if j > i && matches!(self.text.get(j), Some('<' | '&')) {
                return Err(Stop::Fail(ErrorCode::InvalidToken, j));
            }
            return Err(Stop::Fail(ErrorCode::Syntax, i));
        }
        let next = self.at(i + 1)?;
        match next {
            '?' => {
                let end = self.pi(i, true)?;
                self.advance_to(end);
            }
            '!' => {
                if self.starts(i, "<!--")? {
                    let end = self.comment(i)?;
                    self.advance_to(end);
                } else if self.phase == Phase::Prolog && self.starts(i, "<!DOCTYPE")? {
                    let end = self.doctype(i)?;
                    self.advance_to(end);
                } else {
                    let code = if self.phase == Phase::Epilog {
                        ErrorCode::JunkAfterDocElement
                    } else {
                        ErrorCode::Syntax
                    };
                    return Err(Stop::Fail(code, i));
                }
            }
            _ => {
                if self.phase == Phase::Epilog {
                    return Err(Stop::Fail(ErrorCode::JunkAfterDocElement, i));
                }
                self.phase = Phase::Content;
                return self.content_step(last).map(|()| true);
            }
        }
        Ok(true)
    }

    fn name_end(&self, i: usize) -> Step<usize> {
        let c = self.at(i)?;
        if !is_name_start(c) {
            return Err(Stop::Fail(ErrorCode::InvalidToken, i));
        }
        let mut j = i + 1;
        while is_name_char(self.at(j)?) {
            j += 1;
        }
        Ok(j)
    }

    fn skip_space(&self, mut i: usize) -> Step<usize> {
        while is_space(self.at(i)?) {
            i += 1;
        }
        Ok(i)
    }

    fn string(&self, from: usize, to: usize) -> String {
        self.text[from..to].iter().collect()
    }

    /// `<?target data?>` at `i`; the index after it.
    fn pi(&mut self, i: usize, prolog: bool) -> Step<usize> {
        let name_end = self.name_end(i + 2)?;
        let target = self.string(i + 2, name_end);
        if target.eq_ignore_ascii_case("xml") {
            let at_start = i == 0 && self.line == 1 && self.column == 0;
            if target == "xml" && prolog && at_start {
                return self.xml_decl(i, name_end);
            }
            let code = if target == "xml" {
                ErrorCode::MisplacedXmlPi
            } else {
                ErrorCode::InvalidToken
            };
            return Err(Stop::Fail(code, i));
        }
        let mut j = name_end;
        let c = self.at(j)?;
        if !is_space(c) && c != '?' {
            return Err(Stop::Fail(ErrorCode::InvalidToken, j));
        }
        j = self.skip_space(j)?;
        let data_start = j;
        loop {
            let c = self.at(j)?;
            if c == '?' && self.at(j + 1)? == '>' {
                break;
            }
            if !is_xml_char(c) {
                return Err(Stop::Fail(ErrorCode::InvalidToken, j));
            }
            j += 1;
        }
        let data = normalize_newlines(&self.text[data_start..j]);
        self.emit(Event::Pi { target, data });
        Ok(j + 2)
    }

    fn xml_decl(&mut self, i: usize, after_name: usize) -> Step<usize> {
        let mut j = after_name;
        loop {
            if self.at(j)? == '?' && self.at(j + 1)? == '>' {
                break;
            }
            j += 1;
        }
        let body = self.string(after_name, j);
        let raw = self.string(i, j + 2);
        let fail = Stop::Fail(ErrorCode::XmlDecl, i);
        let Some(pairs) = declaration_pairs(&body) else {
            return Err(fail);
        };
        let names: Vec<&str> = pairs.iter().map(|(n, _)| n.as_str()).collect();
        let allowed = [
            vec!["version"],
            vec!["version", "encoding"],
            vec!["version", "standalone"],
            vec!["version", "encoding", "standalone"],
        ];
        let text_declaration =
            self.fragment && (names == ["encoding"] || names == ["version", "encoding"]);
        if !allowed.contains(&names) && !text_declaration {
            return Err(fail);
        }
        let get = |n: &str| pairs.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone());
        let version = get("version");
        let encoding = get("encoding");
        let standalone = match get("standalone").as_deref() {
            None => -1,
            Some("yes") => 1,
            Some("no") => 0,
            Some(_) => return Err(fail),
        };
        self.standalone = standalone == 1;
        self.emit(Event::XmlDecl {
            version,
            encoding,
            standalone,
            raw,
        });
        Ok(j + 2)
    }

    fn comment(&mut self, i: usize) -> Step<usize> {
        let mut j = i + 4;
        loop {
            let c = self.at(j)?;
            if c == '-' && self.at(j + 1)? == '-' {
                if self.at(j + 2)? != '>' {
                    return Err(Stop::Fail(ErrorCode::InvalidToken, j + 2));
                }
                break;
            }
            if !is_xml_char(c) {
                return Err(Stop::Fail(ErrorCode::InvalidToken, j));
            }
            j += 1;
        }
        let data = normalize_newlines(&self.text[i + 4..j]);
        self.emit(Event::Comment(data));
        Ok(j + 3)
    }

    /// A quoted literal at `i`: its text and the index after it.
    fn literal(&self, i: usize) -> Step<(String, usize)> {
        let q = self.at(i)?;
        if q != '"' && q != '\'' {
            return Err(Stop::Fail(ErrorCode::Syntax, i));
        }
        let mut j = i + 1;
        while self.at(j)? != q {
            j += 1;
        }
        Ok((self.string(i + 1, j), j + 1))
    }

    /// `SYSTEM "uri"` or `PUBLIC "id" "uri"` at `i` (after white space).
    fn external_id(
        &self,
        i: usize,
        raw: &mut Vec<String>,
    ) -> Step<(Option<String>, Option<String>, usize)> {
        if self.starts(i, "SYSTEM")? {
            raw.push("SYSTEM".into());
            let j = self.skip_space(i + 6)?;
            let (system, end) = self.literal(j)?;
            raw.push(self.string(j, end));
            return Ok((Some(system), None, end));
        }
        if self.starts(i, "PUBLIC")? {
            raw.push("PUBLIC".into());
            let j = self.skip_space(i + 6)?;
            let (public, end) = self.literal(j)?;
            raw.push(self.string(j, end));
            let k = self.skip_space(end)?;
            let system = if matches!(self.at(k)?, '"' | '\'') {
                let (s, e) = self.literal(k)?;
                raw.push(self.string(k, e));
                return Ok((Some(s), Some(normalize_public_id(&public)), e));
            } else {
                None
            };
            return Ok((system, Some(normalize_public_id(&public)), end));
        }
        Ok((None, None, i))
    }

    fn doctype(&mut self, i: usize) -> Step<usize> {
        let mut raw = vec!["<!DOCTYPE".to_string()];
        let j = self.skip_space(i + 9)?;
        let name_end = self.name_end(j)?;
        let name = self.string(j, name_end);
        raw.push(name.clone());
        let k = self.skip_space(name_end)?;
        let (system, public, mut k) = self.external_id(k, &mut raw)?;
        k = self.skip_space(k)?;
        let mut events: Vec<(Event, Position)> = Vec::new();
        let internal_subset = self.at(k)? == '[';
        let mut entities = Vec::new();
        if internal_subset {
            k = self.internal_subset(k + 1, &mut events, &mut entities)?;
            k = self.skip_space(k)?;
        }
        if self.at(k)? != '>' {
            return Err(Stop::Fail(ErrorCode::Syntax, k));
        }
        self.external_subset |= system.is_some();
        let outside = system.is_some() && !self.standalone;
        if outside {
            self.emit(Event::NotStandalone);
        }
        self.emit(Event::StartDoctype {
            name,
            system,
            public,
            internal_subset,
            raw,
        });
        self.events.extend(events);
        self.emit(Event::EndDoctype { raw: ">".into() });
        for (name, entity) in entities {
            self.entities.entry(name).or_insert(entity);
        }
        Ok(k + 1)
    }

    fn internal_subset(
        &mut self,
        mut k: usize,
        events: &mut Vec<(Event, Position)>,
        entities: &mut Vec<(String, Entity)>,
    ) -> Step<usize> {
        loop {
            k = self.skip_space(k)?;
            let c = self.at(k)?;
            if c == ']' {
                return Ok(k + 1);
            }
            if c == '%' {
                // A parameter entity reference: its declarations may come
                // from outside, as an external subset's may.
                let end = self.name_end(k + 1)?;
                if self.at(end)? != ';' {
                    return Err(Stop::Fail(ErrorCode::InvalidToken, end));
                }
                self.external_subset = true;
                if !self.standalone {
                    events.push((Event::NotStandalone, self.position()));
                }
                k = end + 1;
                continue;
            }
            if c != '<' {
                return Err(Stop::Fail(ErrorCode::Syntax, k));
            }
            if self.starts(k, "<!--")? {
                let saved = self.events.len();
                k = self.comment(k)?;
                events.extend(self.events.drain(saved..));
            } else if self.starts(k, "<?")? {
                let saved = self.events.len();
                k = self.pi(k, false)?;
                events.extend(self.events.drain(saved..));
            } else if self.starts(k, "<!ENTITY")? {
                k = self.entity_decl(k, events, entities)?;
            } else if self.starts(k, "<!NOTATION")? {
                let j = self.skip_space(k + 10)?;
                let e = self.name_end(j)?;
                let name = self.string(j, e);
                let j = self.skip_space(e)?;
                let (system, public, j) = self.external_id(j, &mut Vec::new())?;
                let j = self.skip_space(j)?;
                if self.at(j)? != '>' {
                    return Err(Stop::Fail(ErrorCode::Syntax, j));
                }
                events.push((
                    Event::NotationDecl {
                        name,
                        system,
                        public,
                    },
                    self.position(),
                ));
                k = j + 1;
            } else if self.starts(k, "<!ELEMENT")? {
                let j = self.skip_space(k + 9)?;
                let e = self.name_end(j)?;
                let name = self.string(j, e);
                let j = self.skip_space(e)?;
                let (model, j) = self.content_spec(j)?;
                let j = self.skip_space(j)?;
                if self.at(j)? != '>' {
                    return Err(Stop::Fail(ErrorCode::Syntax, j));
                }
                events.push((Event::ElementDecl { name, model }, self.position()));
                k = j + 1;
            } else if self.starts(k, "<!ATTLIST")? {
                k = self.attlist_decl(k, events)?;
            } else {
                return Err(Stop::Fail(ErrorCode::Syntax, k));
            }
        }
    }

    fn entity_decl(
        &mut self,
        k: usize,
        events: &mut Vec<(Event, Position)>,
        entities: &mut Vec<(String, Entity)>,
    ) -> Step<usize> {
        let mut j = self.skip_space(k + 8)?;
        let parameter = self.at(j)? == '%';
        if parameter {
            j = self.skip_space(j + 1)?;
        }
        let e = self.name_end(j)?;
        let name = self.string(j, e);
        j = self.skip_space(e)?;
        let (mut value, mut system, mut public, mut notation) = (None, None, None, None);
        if matches!(self.at(j)?, '"' | '\'') {
            let (v, end) = self.literal(j)?;
            value = Some(self.expand_char_refs(&v, j)?);
            j = end;
        } else {
            let (s, p, end) = self.external_id(j, &mut Vec::new())?;
            if s.is_none() {
                return Err(Stop::Fail(ErrorCode::Syntax, j));
            }
            system = s;
            public = p;
            j = self.skip_space(end)?;
            if self.starts(j, "NDATA")? {
                let n = self.skip_space(j + 5)?;
                let ne = self.name_end(n)?;
                notation = Some(self.string(n, ne));
                j = ne;
            }
        }
        j = self.skip_space(j)?;
        if self.at(j)? != '>' {
            return Err(Stop::Fail(ErrorCode::Syntax, j));
        }
        if !parameter {
            entities.push((
                name.clone(),
                Entity {
                    value: value.clone(),
                    system: system.clone(),
                    public: public.clone(),
                    unparsed: notation.is_some(),
                },
            ));
        }
        events.push((
            Event::EntityDecl {
                name,
                parameter,
                value,
                system,
                public,
                notation,
            },
            self.position(),
        ));
        Ok(j + 1)
    }

    /// Character references in an entity value are replaced when it is
    /// declared; entity references wait until it is used.
    fn expand_char_refs(&self, v: &str, at: usize) -> Step<String> {
        let mut out = String::new();
        let mut rest = v;
        while let Some(p) = rest.find("&#") {
            out.push_str(&rest[..p]);
            let tail = &rest[p..];
            let end = tail
                .find(';')
                .ok_or(Stop::Fail(ErrorCode::InvalidToken, at))?;
            let c = char_ref(&tail[2..end]).ok_or(Stop::Fail(ErrorCode::BadCharRef, at))?;
            out.push(c);
            rest = &tail[end + 1..];
        }
        out.push_str(rest);
        Ok(out.replace("\r\n", "\n").replace('\r', "\n"))
    }

    fn content_spec(&self, j: usize) -> Step<(Model, usize)> {
        let leaf = |kind: u8| Model {
            kind,
            quant: 0,
            name: None,
            children: vec![],
        };
        if self.starts(j, "EMPTY")? {
            return Ok((leaf(1), j + 5));
        }
        if self.starts(j, "ANY")? {
            return Ok((leaf(2), j + 3));
        }
        if self.at(j)? != '(' {
            return Err(Stop::Fail(ErrorCode::Syntax, j));
        }
        let k = self.skip_space(j + 1)?;
        if self.starts(k, "#PCDATA")? {
            let mut k = self.skip_space(k + 7)?;
            let mut names = Vec::new();
            while self.at(k)? == '|' {
                let n = self.skip_space(k + 1)?;
                let e = self.name_end(n)?;
                names.push(Model {
                    kind: 4,
                    quant: 0,
                    name: Some(self.string(n, e)),
                    children: vec![],
                });
                k = self.skip_space(e)?;
            }
            if self.at(k)? != ')' {
                return Err(Stop::Fail(ErrorCode::Syntax, k));
            }
            let mut k = k + 1;
            let quant = if self.text.get(k) == Some(&'*') {
                k += 1;
                2
            } else {
                0
            };
            let model = Model {
                kind: 3,
                quant,
                name: None,
                children: names,
            };
            return Ok((model, k));
        }
        self.content_group(j)
    }

    /// `(a, (b | c)*, d?)`: a choice or sequence of names and groups.
    fn content_group(&self, j: usize) -> Step<(Model, usize)> {
        let mut children = Vec::new();
        let mut k = self.skip_space(j + 1)?;
        let mut kind = 0;
        loop {
            let (child, end) = if self.at(k)? == '(' {
                self.content_group(k)?
            } else {
                let e = self.name_end(k)?;
                let (quant, end) = self.quantifier(e);
                (
                    Model {
                        kind: 4,
                        quant,
                        name: Some(self.string(k, e)),
                        children: vec![],
                    },
                    end,
                )
            };
            children.push(child);
            k = self.skip_space(end)?;
            match self.at(k)? {
                ')' => break,
                '|' if kind != 6 => kind = 5,
                ',' if kind != 5 => kind = 6,
                _ => return Err(Stop::Fail(ErrorCode::Syntax, k)),
            }
            k = self.skip_space(k + 1)?;
        }
        let (quant, end) = self.quantifier(k + 1);
        let kind = if kind == 0 { 6 } else { kind };
        Ok((
            Model {
                kind,
                quant,
                name: None,
                children,
            },
            end,
        ))
    }

    fn quantifier(&self, k: usize) -> (u8, usize) {
        match self.text.get(k) {
            Some('?') => (1, k + 1),
            Some('*') => (2, k + 1),
            Some('+') => (3, k + 1),
            _ => (0, k),
        }
    }

    /// `( a | b )` at `j` in an attribute type, as Expat reports it (white
    /// space dropped), and the index after it.
    fn enumeration(&self, j: usize) -> Step<(String, usize)> {
        let mut close = j;
        while self.at(close)? != ')' {
            close += 1;
        }
        let group = self.text[j..=close]
            .iter()
            .filter(|c| !is_space(**c))
            .collect();
        Ok((group, close + 1))
    }

    fn attlist_decl(&mut self, k: usize, events: &mut Vec<(Event, Position)>) -> Step<usize> {
        let j = self.skip_space(k + 9)?;
        let e = self.name_end(j)?;
        let element = self.string(j, e);
        let mut j = self.skip_space(e)?;
        while self.at(j)? != '>' {
            let e = self.name_end(j)?;
            let attribute = self.string(j, e);
            j = self.skip_space(e)?;
            let kind = if self.at(j)? == '(' {
                let (group, end) = self.enumeration(j)?;
                j = end;
                group
            } else {
                let te = self.name_end(j)?;
                let mut kind = self.string(j, te);
                const TYPES: [&str; 9] = [
                    "CDATA", "ID", "IDREF", "IDREFS", "ENTITY", "ENTITIES", "NMTOKEN", "NMTOKENS",
                    "NOTATION",
                ];
                if !TYPES.contains(&kind.as_str()) {
                    return Err(Stop::Fail(ErrorCode::Syntax, j));
                }
                j = te;
                if kind == "NOTATION" {
                    j = self.skip_space(j)?;
                    let (group, end) = self.enumeration(j)?;
                    kind = format!("NOTATION{group}");
                    j = end;
                }
                kind
            };
            if kind != "CDATA" {
                self.tokenized_attributes
                    .insert((element.clone(), attribute.clone()));
            }
            j = self.skip_space(j)?;
            let (default, required) = if self.starts(j, "#REQUIRED")? {
                j += 9;
                (None, true)
            } else if self.starts(j, "#IMPLIED")? {
                j += 8;
                (None, false)
            } else {
                let fixed = self.starts(j, "#FIXED")?;
                if fixed {
                    j = self.skip_space(j + 6)?;
                }
                let (v, end) = self.literal(j)?;
                let mut v = self.attribute_value(&v, j + 1)?;
                if kind != "CDATA" {
                    v = v
                        .split(' ')
                        .filter(|t| !t.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ");
                }
                j = end;
                (Some(v), fixed)
            };
            if let Some(d) = &default {
                let list = self.attribute_defaults.entry(element.clone()).or_default();
                if !list.iter().any(|(n, _)| *n == attribute) {
                    list.push((attribute.clone(), d.clone()));
                }
            }
            events.push((
                Event::AttlistDecl {
                    element: element.clone(),
                    attribute,
                    kind,
                    default,
                    required,
                },
                self.position(),
            ));
            j = self.skip_space(j)?;
        }
        Ok(j + 1)
    }

    // ---- content -------------------------------------------------------

    fn content_step(&mut self, last: bool) -> Step<()> {
        let i = self.pos;
        let c = self.text[i];
        match c {
            '<' => {
                let next = self.at(i + 1)?;
                let end = match next {
                    '/' => self.end_tag(i)?,
                    '?' => self.pi(i, self.fragment)?,
                    '!' => {
                        if self.starts(i, "<!--")? {
                            self.comment(i)?
                        } else if self.starts(i, "<![CDATA[")? {
                            self.cdata(i, last)?
                        } else {
                            return Err(Stop::Fail(ErrorCode::InvalidToken, i + 1));
                        }
                    }
                    _ => self.start_tag(i)?,
                };
                self.advance_to(end);
                if self.stack.is_empty() && !self.fragment {
                    self.phase = Phase::Epilog;
                }
                Ok(())
            }
            '&' => {
                let end = self.reference(i, 0)?;
                self.advance_to(end);
                Ok(())
            }
            _ => {
                let end = self.char_data(i, last)?;
                self.advance_to(end);
                Ok(())
            }
        }
    }

    /// A run of character data from `i`: lines are reported one by one,
    /// each line end on its own, as Expat does.
    fn char_data(&mut self, i: usize, last: bool) -> Step<usize> {
        let c = self.text[i];
        if c == '\r' {
            match self.text.get(i + 1) {
                None if !last => return Err(Stop::More),
                Some('\n') => {
                    self.emit(Event::Text("\n".into()));
                    return Ok(i + 2);
                }
                _ => {
                    self.emit(Event::Text("\n".into()));
                    return Ok(i + 1);
                }
            }
        }
        if c == '\n' {
            self.emit(Event::Text("\n".into()));
            return Ok(i + 1);
        }
        let mut j = i;
        while j < self.text.len() {
            let c = self.text[j];
            if matches!(c, '<' | '&' | '\n' | '\r') {
                break;
            }
            if c == ']' && self.text.get(j + 1) == Some(&']') && self.text.get(j + 2) == Some(&'>')
            {
                return Err(Stop::Fail(ErrorCode::InvalidToken, j + 2));
            }
            if c == ']' && j + 2 >= self.text.len() && !last && j > i {
                break;
            }
            if c == ']' && j + 2 >= self.text.len() && !last {
                return Err(Stop::More);
            }
            if !is_xml_char(c) {
                if j > i {
                    break;
                }
                return Err(Stop::Fail(ErrorCode::InvalidToken, j));
            }
            j += 1;
        }
        if j == i {
            return Err(Stop::More);
        }
        self.emit(Event::Text(self.string(i, j)));
        Ok(j)
    }

    fn cdata(&mut self, i: usize, last: bool) -> Step<usize> {
        let start = i + 9;
        let mut j = start;
        loop {
            match self.text.get(j) {
                None => {
                    if last {
                        return Err(Stop::Fail(ErrorCode::UnclosedCdataSection, j));
                    }
                    return Err(Stop::More);
                }
                Some(']') if self.starts(j, "]]>")? => break,
                Some(&c) if !is_xml_char(c) => return Err(Stop::Fail(ErrorCode::InvalidToken, j)),
                _ => j += 1,
            }
        }
        self.emit(Event::StartCdata);
        // Lines one by one, as in character data, each where it starts.
        let mut k = start;
        while k < j {
            let at = self.position_at(k);
            let c = self.text[k];
            if c == '\n' || c == '\r' {
                k += if c == '\r' && self.text.get(k + 1) == Some(&'\n') {
                    2
                } else {
                    1
                };
                self.events.push((Event::Text("\n".into()), at));
                continue;
            }
            let mut e = k;
            while e < j && !matches!(self.text[e], '\n' | '\r') {
                e += 1;
            }
            self.events.push((Event::Text(self.string(k, e)), at));
            k = e;
        }
        let at = self.position_at(j);
        self.events.push((Event::EndCdata, at));
        Ok(j + 3)
    }

    /// `&name;` or `&#N;` in content at `i`; the index after it.
    fn reference(&mut self, i: usize, depth: usize) -> Step<usize> {
        if self.at(i + 1)? == '#' {
            let mut j = i + 2;
            while self.at(j)? != ';' {
                let c = self.text[j];
                if !(c.is_ascii_hexdigit() || c == 'x') {
                    return Err(Stop::Fail(ErrorCode::InvalidToken, j));
                }
                j += 1;
            }
            let digits = self.string(i + 2, j);
            let c = char_ref(&digits).ok_or(Stop::Fail(ErrorCode::BadCharRef, i))?;
            self.emit(Event::Text(c.to_string()));
            return Ok(j + 1);
        }
        let end = self.name_end(i + 1)?;
        if self.at(end)? != ';' {
            return Err(Stop::Fail(ErrorCode::InvalidToken, end));
        }
        let name = self.string(i + 1, end);
        if let Some(c) = predefined_entity(&name) {
            self.emit(Event::Text(c.to_string()));
            return Ok(end + 1);
        }
        self.expand_entity(&name, i, depth, &mut Vec::new())?;
        Ok(end + 1)
    }

    /// The replacement text of a general entity, parsed as content.
    fn expand_entity(
        &mut self,
        name: &str,
        at: usize,
        depth: usize,
        open: &mut Vec<String>,
    ) -> Step<()> {
        let Some(entity) = self.entities.get(name) else {
            if self.external_subset && !self.standalone {
                self.emit(Event::Skipped(name.to_string()));
                return Ok(());
            }
            return Err(Stop::Fail(ErrorCode::UndefinedEntity, at));
        };
        if entity.unparsed {
            return Err(Stop::Fail(ErrorCode::BinaryEntityRef, at));
        }
        let Some(value) = entity.value.clone() else {
            // External entities are the external entity handler's to read.
            let (system, public) = (entity.system.clone(), entity.public.clone());
            let context = self.entity_context(name);
            self.emit(Event::ExternalEntityRef {
                name: context,
                system,
                public,
            });
            return Ok(());
        };
        if open.iter().any(|n| n == name) || depth > 64 {
            return Err(Stop::Fail(ErrorCode::RecursiveEntityRef, at));
        }
        open.push(name.to_string());
        self.parse_replacement_text(&value, at, depth + 1, open)?;
        open.pop();
        Ok(())
    }

    /// Expat's context string for an external entity parser: with
    /// namespaces, the bindings in force (`prefix=uri`, form feeds
    /// between) before the entity's name.
    fn entity_context(&self, name: &str) -> String {
        if self.namespace_separator.is_none() {
            return name.to_string();
        }
        let mut parts = vec!["xml=http://www.w3.org/XML/1998/namespace".to_string()];
        let mut seen = std::collections::HashSet::new();
        for scope in self.scopes.iter().rev() {
            for (prefix, _) in scope.iter().rev() {
                if seen.insert(prefix.clone()) {
                    if let Some(uri) = self.bindings.get(prefix) {
                        parts.push(format!("{}={uri}", prefix.as_deref().unwrap_or("")));
                    }
                }
            }
        }
        parts.push(name.to_string());
        parts.join("\u{c}")
    }

    fn start_tag(&mut self, i: usize) -> Step<usize> {
        let name_end = self.name_end(i + 1).map_err(|e| match e {
            Stop::Fail(_, _) => Stop::Fail(ErrorCode::InvalidToken, i + 1),
            more => more,
        })?;
        let name = self.string(i + 1, name_end);
        let mut attributes: Vec<(String, String)> = Vec::new();
        let mut j = name_end;
        let empty;
        loop {
            let c = self.at(j)?;
            if c == '>' {
                empty = false;
                j += 1;
                break;
            }
            if c == '/' {
                if self.at(j + 1)? != '>' {
                    return Err(Stop::Fail(ErrorCode::InvalidToken, j + 1));
                }
                empty = true;
                j += 2;
                break;
            }
            if !is_space(c) {
                return Err(Stop::Fail(ErrorCode::InvalidToken, j));
            }
            j = self.skip_space(j)?;
            let c = self.at(j)?;
            if c == '>' || c == '/' {
                continue;
            }
            let an_end = self.name_end(j)?;
            let attr = self.string(j, an_end);
            if attributes.iter().any(|(n, _)| *n == attr) {
                return Err(Stop::Fail(ErrorCode::DuplicateAttribute, j));
            }
            let mut k = self.skip_space(an_end)?;
            if self.at(k)? != '=' {
                return Err(Stop::Fail(ErrorCode::InvalidToken, k));
            }
            k = self.skip_space(k + 1)?;
            let q = self.at(k)?;
            if q != '"' && q != '\'' {
                return Err(Stop::Fail(ErrorCode::InvalidToken, k));
            }
            let mut e = k + 1;
            loop {
                let c = self.at(e)?;
                if c == q {
                    break;
                }
                if c == '<' || !is_xml_char(c) {
                    return Err(Stop::Fail(ErrorCode::InvalidToken, e));
                }
                e += 1;
            }
            let raw: String = self.string(k + 1, e);
            let mut value = self.attribute_value(&raw, k + 1)?;
            if self
                .tokenized_attributes
                .contains(&(name.clone(), attr.clone()))
            {
                value = value
                    .split(' ')
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
            }
            attributes.push((attr, value));
            j = e + 1;
            let c = self.at(j)?;
            if !is_space(c) && c != '>' && c != '/' {
                return Err(Stop::Fail(ErrorCode::InvalidToken, j));
            }
        }
        self.open_element(i, name, attributes, empty.then_some(j))?;
        Ok(j)
    }

    /// An attribute value with references replaced and white space made
    /// spaces.
    fn attribute_value(&self, raw: &str, at: usize) -> Step<String> {
        let mut out = String::new();
        let mut chars = raw.char_indices().peekable();
        let mut offset = 0;
        while let Some((p, c)) = chars.next() {
            offset += 1;
            match c {
                '\r' => {
                    if chars.peek().map(|x| x.1) == Some('\n') {
                        chars.next();
                        offset += 1;
                    }
                    out.push(' ');
                }
                '\n' | '\t' => out.push(' '),
                '&' => {
                    let rest = &raw[p + 1..];
                    let end = rest
                        .find(';')
                        .ok_or(Stop::Fail(ErrorCode::InvalidToken, at + offset))?;
                    let r = &rest[..end];
                    if let Some(n) = r.strip_prefix('#') {
                        let c = char_ref(n)
                            .ok_or(Stop::Fail(ErrorCode::BadCharRef, at + offset - 1))?;
                        out.push(c);
                    } else if let Some(c) = predefined_entity(r) {
                        out.push(c);
                    } else {
                        match self.entities.get(r) {
                            Some(Entity { value: Some(v), .. }) => {
                                if v.contains('<') {
                                    return Err(Stop::Fail(
                                        ErrorCode::InvalidToken,
                                        at + offset - 1,
                                    ));
                                }
                                let v = v.clone();
                                out.push_str(&self.attribute_value(&v, at)?);
                            }
                            Some(_) => {
                                return Err(Stop::Fail(
                                    ErrorCode::AttributeExternalEntityRef,
                                    at + offset - 1,
                                ))
                            }
                            None => {
                                return Err(Stop::Fail(ErrorCode::UndefinedEntity, at + offset - 1))
                            }
                        }
                    }
                    for _ in 0..end + 1 {
                        chars.next();
                        offset += 1;
                    }
                }
                _ => out.push(c),
            }
        }
        Ok(out)
    }

    fn open_element(
        &mut self,
        at: usize,
        name: String,
        mut attributes: Vec<(String, String)>,
        empty_until: Option<usize>,
    ) -> Step<()> {
        let mut defaulted: Vec<(String, String)> = self
            .attribute_defaults
            .get(&name)
            .map(|d| {
                d.iter()
                    .filter(|(n, _)| !attributes.iter().any(|(m, _)| m == n))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        let mut qname = name.clone();
        if let Some(sep) = self.namespace_separator {
            // Namespace declarations come out of the attribute list.
            let mut scope = Vec::new();
            let mut all = attributes.clone();
            all.extend(defaulted.iter().cloned());
            for (n, v) in &all {
                let prefix = if n == "xmlns" {
                    None
                } else if let Some(p) = n.strip_prefix("xmlns:") {
                    if v.is_empty() {
                        return Err(Stop::Fail(ErrorCode::UndeclaringPrefix, at));
                    }
                    Some(p.to_string())
                } else {
                    continue;
                };
                // Expat refuses a URI holding the separator: the joined
                // names could not be split again.
                if v.contains(sep) {
                    return Err(Stop::Fail(ErrorCode::Syntax, at));
                }
                let old = if v.is_empty() {
                    self.bindings.remove(&prefix)
                } else {
                    self.bindings.insert(prefix.clone(), v.clone())
                };
                scope.push((prefix.clone(), old));
                self.emit(Event::StartNamespace {
                    prefix,
                    uri: (!v.is_empty()).then(|| v.clone()),
                });
            }
            attributes.retain(|(n, _)| n != "xmlns" && !n.starts_with("xmlns:"));
            defaulted.retain(|(n, _)| n != "xmlns" && !n.starts_with("xmlns:"));
            qname = self
                .expand_name(&name, true, sep)
                .ok_or(Stop::Fail(ErrorCode::UnboundPrefix, at))?;
            for list in [&mut attributes, &mut defaulted] {
                for (n, _) in list.iter_mut() {
                    *n = self
                        .expand_name(n, false, sep)
                        .ok_or(Stop::Fail(ErrorCode::UnboundPrefix, at))?;
                }
            }
            self.scopes.push(scope);
        }
        self.emit(Event::Start {
            name: qname.clone(),
            attributes,
            defaulted,
        });
        if let Some(end) = empty_until {
            // An empty element ends where its tag does.
            let at = self.position_at(end);
            self.close_element(qname, at);
        } else {
            self.stack.push(name);
        }
        Ok(())
    }

    /// `uri<sep>local` (and `<sep>prefix` when asked) for a prefixed name
    /// or, for elements, an unprefixed one under a default namespace.
    fn expand_name(&self, name: &str, element: bool, sep: char) -> Option<String> {
        let (prefix, local) = match name.split_once(':') {
            Some((p, l)) => (Some(p.to_string()), l),
            None => (None, name),
        };
        if prefix.is_none() && !element {
            return Some(name.to_string());
        }
        if prefix.as_deref() == Some("xml") {
            let uri = "http://www.w3.org/XML/1998/namespace";
            return Some(self.joined(uri, local, prefix.as_deref(), sep));
        }
        match self.bindings.get(&prefix) {
            Some(uri) => Some(self.joined(uri, local, prefix.as_deref(), sep)),
            None if prefix.is_none() => Some(name.to_string()),
            None => None,
        }
    }

    fn joined(&self, uri: &str, local: &str, prefix: Option<&str>, sep: char) -> String {
        match prefix {
            Some(p) if self.namespace_prefixes => format!("{uri}{sep}{local}{sep}{p}"),
            _ => format!("{uri}{sep}{local}"),
        }
    }

    fn close_element(&mut self, qname: String, at: Position) {
        self.events.push((Event::End { name: qname }, at));
        if self.namespace_separator.is_some() {
            for (prefix, old) in self.scopes.pop().unwrap_or_default().into_iter().rev() {
                match old {
                    Some(uri) => self.bindings.insert(prefix.clone(), uri),
                    None => self.bindings.remove(&prefix),
                };
                self.emit(Event::EndNamespace { prefix });
            }
        }
    }

    fn end_tag(&mut self, i: usize) -> Step<usize> {
        let name_end = self.name_end(i + 2)?;
        let name = self.string(i + 2, name_end);
        let j = self.skip_space(name_end)?;
        if self.at(j)? != '>' {
            return Err(Stop::Fail(ErrorCode::InvalidToken, j));
        }
        if self.stack.last() != Some(&name) {
            return Err(Stop::Fail(ErrorCode::TagMismatch, i + 2));
        }
        self.stack.pop();
        let qname = match self.namespace_separator {
            Some(sep) => self.expand_name(&name, true, sep).unwrap_or(name),
            None => name,
        };
        let at = self.position();
        self.close_element(qname, at);
        Ok(j + 1)
    }

    /// An entity's replacement text parsed as content, with its own
    /// element stack: elements opened in it must close in it. Its events
    /// are reported at the reference.
    fn parse_replacement_text(
        &mut self,
        value: &str,
        at: usize,
        depth: usize,
        open: &mut Vec<String>,
    ) -> Step<()> {
        let mut inner = Scanner::new(self.namespace_separator, None)
            .map_err(|()| Stop::Fail(ErrorCode::Syntax, at))?;
        inner.namespace_prefixes = self.namespace_prefixes;
        inner.text = value.chars().collect();
        inner.widths = vec![1; inner.text.len()];
        inner.entities = std::mem::take(&mut self.entities);
        inner.bindings = self.bindings.clone();
        inner.attribute_defaults = self.attribute_defaults.clone();
        inner.tokenized_attributes = self.tokenized_attributes.clone();
        inner.external_subset = self.external_subset;
        inner.standalone = self.standalone;
        inner.phase = Phase::Content;
        let mut result = Ok(());
        while inner.pos < inner.text.len() {
            let i = inner.pos;
            let step = if inner.text[i] == '&' {
                // Nested references: keep track of the entities open.
                let r = (|| {
                    if inner.at(i + 1)? != '#' {
                        let end = inner.name_end(i + 1)?;
                        if inner.at(end)? != ';' {
                            return Err(Stop::Fail(ErrorCode::InvalidToken, at));
                        }
                        let name = inner.string(i + 1, end);
                        if predefined_entity(&name).is_none() {
                            inner.expand_entity(&name, i, depth, open)?;
                            return Ok(end + 1);
                        }
                    }
                    inner.reference(i, depth)
                })();
                r.map(|end| inner.advance_to(end))
            } else {
                inner.content_step(true)
            };
            if let Err(e) = step {
                result = Err(match e {
                    Stop::Fail(code, _) => Stop::Fail(code, at),
                    Stop::More => Stop::Fail(ErrorCode::InvalidToken, at),
                });
                break;
            }
        }
        if result.is_ok() && !inner.stack.is_empty() {
            result = Err(Stop::Fail(ErrorCode::AsyncEntity, at));
        }
        self.entities = std::mem::take(&mut inner.entities);
        result?;
        let at = self.position();
        self.events
            .extend(inner.events.drain(..).map(|(e, _)| (e, at)));
        Ok(())
    }
}

fn normalize_newlines(chars: &[char]) -> String {
    let mut out = String::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\r' {
            out.push('\n');
            if chars.get(i + 1) == Some(&'\n') {
                i += 1;
            }
        } else {
            out.push(c);
        }
        i += 1;
    }
    out
}

fn normalize_public_id(id: &str) -> String {
    id.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn predefined_entity(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        _ => return None,
    })
}

/// The character of `&#N;` or `&#xN;` (digits only given), if it is one
/// XML allows.
fn char_ref(digits: &str) -> Option<char> {
    let n = match digits.strip_prefix('x') {
        Some(hex) if !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()) => {
            u32::from_str_radix(hex, 16).ok()?
        }
        _ if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) => {
            digits.parse().ok()?
        }
        _ => return None,
    };
    char::from_u32(n).filter(|c| is_xml_char(*c))
}

/// The `name="value"` pairs of an XML declaration, separated by XML
/// white space; None when it does not read as such pairs.
fn declaration_pairs(body: &str) -> Option<Vec<(String, String)>> {
    let xml_space = |c: char| matches!(c, ' ' | '\t' | '\r' | '\n');
    let mut pairs = Vec::new();
    let mut rest = body;
    loop {
        let trimmed = rest.trim_start_matches(xml_space);
        if trimmed.is_empty() {
            return Some(pairs);
        }
        if trimmed.len() == rest.len() {
            return None;
        }
        let name_len = trimmed
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(trimmed.len());
        let name = &trimmed[..name_len];
        let after = trimmed[name_len..].trim_start_matches(xml_space);
        let after = after.strip_prefix('=')?.trim_start_matches(xml_space);
        let q = after.chars().next().filter(|q| *q == '"' || *q == '\'')?;
        let end = after[1..].find(q)? + 1;
        pairs.push((name.to_string(), after[1..end].to_string()));
        rest = &after[end + 1..];
    }
}

/// `name="value"` inside an XML declaration.
fn pseudo_attribute(decl: &str, name: &str) -> Option<String> {
    let mut rest = decl;
    while let Some(p) = rest.find(name) {
        let before_ok = p == 0 || rest[..p].ends_with(|c: char| c.is_ascii_whitespace());
        let after = rest[p + name.len()..].trim_start();
        if before_ok {
            if let Some(after) = after.strip_prefix('=') {
                let after = after.trim_start();
                let q = after.chars().next()?;
                if q == '"' || q == '\'' {
                    let body = &after[1..];
                    let end = body.find(q)?;
                    return Some(body[..end].to_string());
                }
            }
        }
        rest = &rest[p + name.len()..];
    }
    None
}

/// The encodings the parser reads itself.
pub fn encoding_named(name: &str) -> Option<Encoding> {
    match name.to_ascii_lowercase().replace('_', "-").as_str() {
        "utf-8" | "utf8" => Some(Encoding::Utf8),
        "iso-8859-1" | "latin-1" | "latin1" | "iso8859-1" => Some(Encoding::Latin1),
        "us-ascii" | "ascii" => Some(Encoding::Utf8),
        "utf-16" => Some(Encoding::Utf16Le),
        "utf-16le" => Some(Encoding::Utf16Le),
        "utf-16be" => Some(Encoding::Utf16Be),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(doc: &str) -> Result<Vec<Event>, XmlError> {
        let mut s = Scanner::new(None, None).unwrap();
        s.feed(doc.as_bytes(), true)?;
        Ok(s.events.into_iter().map(|(e, _)| e).collect())
    }

    #[test]
    fn elements_text_and_references() {
        let events = parse("<a x='1 &amp; 2'>t&lt;<b/></a>").unwrap();
        assert_eq!(
            events[0],
            Event::Start {
                name: "a".into(),
                attributes: vec![("x".into(), "1 & 2".into())],
                defaulted: vec![]
            }
        );
        assert_eq!(events[1], Event::Text("t".into()));
        assert_eq!(events[2], Event::Text("<".into()));
    }

    #[test]
    fn errors_point_where_expat_points() {
        let err = |doc: &str| parse(doc).unwrap_err();
        assert_eq!(err("<a></b>").column, 5);
        assert_eq!(err("<a></b>").code, ErrorCode::TagMismatch);
        assert_eq!(err("<a>\n<b>\n</c></a>").line, 3);
        assert_eq!(err("<a/><b/>").code, ErrorCode::JunkAfterDocElement);
        assert_eq!(err("").code, ErrorCode::NoElements);
    }

    #[test]
    fn pieces_may_split_anywhere() {
        let doc = "<?xml version='1.0'?><root a='1'><c>text</c><!-- x --></root>";
        let whole = parse(doc).unwrap();
        for cut in 0..doc.len() {
            let mut s = Scanner::new(None, None).unwrap();
            s.feed(&doc.as_bytes()[..cut], false).unwrap();
            s.feed(&doc.as_bytes()[cut..], true).unwrap();
            let joined: Vec<Event> = s.events.into_iter().map(|(e, _)| e).collect();
            let text = |e: &[Event]| {
                e.iter()
                    .map(|e| match e {
                        Event::Text(t) => t.clone(),
                        other => format!("{other:?}"),
                    })
                    .collect::<String>()
            };
            assert_eq!(text(&joined), text(&whole), "cut at {cut}");
        }
    }
}
