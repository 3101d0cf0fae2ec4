//! The Unicode character database as CPython 3.11 answers it: Unicode
//! 14.0.0 for `str`'s methods and `unicodedata`, and the 3.2.0 view
//! (`unicodedata.ucd_3_2_0`) that IDNA's nameprep is specified against.
//!
//! The tables are generated from CPython 3.11's own answers
//! (`tools/gen_unicodedata.py` writes `tables.rs`), so they are those of
//! 14.0.0 rather than of whatever version the Rust standard library or a
//! crate ships: a character assigned later is unassigned here, as it is
//! in CPython 3.11. Names come from the `unicode_names2` crate, which
//! knows a later version, filtered by the 14.0.0 (or 3.2.0) table of
//! assigned code points.
//!
//! Enumerated properties are found through a two-stage index: the high
//! bits of a code point pick a block of 128 (identical blocks are stored
//! once), the low bits a record in it.

mod case;
mod normalize;
mod tables;

pub use case::{casefold, lower, title, upper, Mapping};
pub use normalize::{normalize, Form};
pub use tables::{BIDI_CLASSES, CATEGORIES, WIDTHS};

/// Which version of the database a function answers from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Version {
    /// Unicode 14.0.0, the module's own functions.
    Current,
    /// Unicode 3.2.0, `ucd_3_2_0`'s methods.
    V3_2,
}

impl Version {
    pub fn number(self) -> &'static str {
        match self {
            Version::Current => "14.0.0",
            Version::V3_2 => "3.2.0",
        }
    }
}

/// The enumerated properties of one code point.
pub struct Record {
    pub category: u8,
    pub bidirectional: u8,
    pub combining: u8,
    pub east_asian_width: u8,
    pub mirrored: bool,
}

pub fn record(version: Version, cp: u32) -> Record {
    let index: &[u16] = match version {
        Version::Current => &tables::INDEX_14,
        Version::V3_2 => &tables::INDEX_3_2,
    };
    let block = index[(cp >> tables::SHIFT) as usize] as usize;
    let low = (cp & ((1 << tables::SHIFT) - 1)) as usize;
    let (category, bidirectional, combining, east_asian_width, mirrored) =
        tables::RECORDS[tables::BLOCKS[(block << tables::SHIFT) | low] as usize];
    Record {
        category,
        bidirectional,
        combining,
        east_asian_width,
        mirrored,
    }
}

/// Whether `cp` is assigned in `version` (its category is not `Cn`).
pub fn assigned(version: Version, cp: u32) -> bool {
    record(version, cp).category != 0
}

pub fn combining(version: Version, cp: u32) -> u8 {
    record(version, cp).combining
}

/// `(decimal, digit, numeric)`, each `None` where the code point has none.
pub fn numeric_values(version: Version, cp: u32) -> (Option<i64>, Option<i64>, Option<f64>) {
    let row = match version {
        Version::V3_2 if !assigned(version, cp) => None,
        Version::V3_2 => find(&tables::NUMERIC_3_2_CHANGES, cp, |r| r.0)
            .or_else(|| find(&tables::NUMERIC_14, cp, |r| r.0)),
        Version::Current => find(&tables::NUMERIC_14, cp, |r| r.0),
    };
    match row {
        Some(&(_, decimal, digit, numeric)) => (
            (decimal >= 0).then_some(decimal as i64),
            (digit >= 0).then_some(digit as i64),
            (numeric != -1.0).then_some(numeric),
        ),
        None => (None, None, None),
    }
}

/// The row of a table sorted by code point that is `cp`'s.
pub(crate) fn find<R>(table: &'static [R], cp: u32, key: fn(&R) -> u32) -> Option<&'static R> {
    let i = table.binary_search_by_key(&cp, key).ok()?;
    Some(&table[i])
}

/// The decomposition mapping as `decomposition()` shows it ("" for none).
pub fn decomposition(version: Version, cp: u32) -> &'static str {
    if version == Version::V3_2 {
        if !assigned(version, cp) {
            return "";
        }
        if let Some((_, text)) = find(&tables::DECOMPOSITIONS_3_2_CHANGES, cp, |r| r.0) {
            return text;
        }
    }
    find(&tables::DECOMPOSITIONS_14, cp, |r| r.0).map_or("", |(_, text)| text)
}

pub fn name(version: Version, cp: u32) -> Option<String> {
    if !assigned(version, cp) {
        return None;
    }
    char::from_u32(cp)
        .and_then(unicode_names2::name)
        .map(|n| n.to_string())
}

/// The longest name `lookup` looks up, as CPython's limit.
const NAME_MAX: usize = 256;

/// The character (or, in 14.0.0, named sequence) called `name`, or the
/// message of the KeyError.
pub fn lookup(version: Version, name: &str) -> Result<String, String> {
    if name.len() > NAME_MAX {
        return Err("name too long".into());
    }
    if version == Version::Current {
        let upper = name.to_ascii_uppercase();
        if let Ok(i) = tables::NAMED_SEQUENCES.binary_search_by_key(&upper.as_str(), |r| r.0) {
            return Ok(tables::NAMED_SEQUENCES[i].1.to_string());
        }
    }
    match find_character(version, name) {
        Some(c) => Ok(c.to_string()),
        None => Err(format!("undefined character name '{name}'")),
    }
}

/// The character a `\N{...}` escape names: by its 14.0.0 name or alias,
/// in any case (named sequences are not characters).
pub fn character(name: &str) -> Option<char> {
    if name.len() > NAME_MAX {
        return None;
    }
    find_character(Version::Current, name)
}

fn find_character(version: Version, name: &str) -> Option<char> {
    let upper = name.to_ascii_uppercase();
    let c = unicode_names2::character(&upper)?;
    let real_name = unicode_names2::name(c).map(|n| n.to_string());
    let is_name = real_name.as_deref() == Some(upper.as_str());
    // The names made of a prefix and a number are matched exactly, in
    // capitals, as CPython matches them.
    let arithmetic = ["HANGUL SYLLABLE ", "CJK UNIFIED IDEOGRAPH-"];
    if is_name && arithmetic.iter().any(|p| upper.starts_with(p)) && name != upper {
        return None;
    }
    // An alias: 3.2.0 has none, and some came after 14.0.0.
    if !is_name && (version == Version::V3_2 || tables::LATER_ALIASES.contains(&upper.as_str())) {
        return None;
    }
    // A unified ideograph's name is looked up arithmetically, against
    // 14.0.0's ranges whichever the version, as CPython does.
    let in_version = if upper.starts_with("CJK UNIFIED IDEOGRAPH-") {
        assigned(Version::Current, c as u32)
    } else {
        assigned(version, c as u32)
    };
    in_version.then_some(c)
}

/// NFKC of text without lone surrogates (identifiers, PEP 3131).
pub fn nfkc(text: &str) -> String {
    let cps: Vec<u32> = text.chars().map(u32::from).collect();
    normalize(Version::Current, Form::Nfkc, &cps)
        .into_iter()
        .filter_map(char::from_u32)
        .collect()
}

/// The decimal digit value of `cp` in 14.0.0 (what `int()` and `float()`
/// read non-ASCII digits by).
pub fn decimal_value(cp: u32) -> Option<u32> {
    numeric_values(Version::Current, cp).0.map(|d| d as u32)
}

fn flags(cp: u32) -> u16 {
    if cp > 0x10FFFF {
        return 0;
    }
    let block = tables::CHAR_INDEX[(cp >> tables::SHIFT) as usize] as usize;
    let low = (cp & ((1 << tables::SHIFT) - 1)) as usize;
    tables::CHAR_FLAGS[tables::CHAR_BLOCKS[(block << tables::SHIFT) | low] as usize]
}

macro_rules! flag_tests {
    ($($(#[$doc:meta])* $name:ident => $flag:ident,)*) => {
        $(
            $(#[$doc])*
            #[inline]
            pub fn $name(cp: u32) -> bool {
                flags(cp) & tables::$flag != 0
            }
        )*
    };
}

flag_tests! {
    /// `str.isalpha()` of one character: categories Lu, Ll, Lt, Lm, Lo.
    is_alpha => ALPHA,
    /// `str.isdecimal()`: a decimal digit (category Nd).
    is_decimal => DECIMAL,
    /// `str.isdigit()`: a digit value (decimals, superscripts, ...).
    is_digit => DIGIT,
    /// `str.isnumeric()`: any numeric value.
    is_numeric => NUMERIC,
    /// The Lowercase property.
    is_lower => LOWER,
    /// The Uppercase property.
    is_upper => UPPER,
    /// Category Lt.
    is_title => TITLE,
    /// `str.isspace()`: bidirectional class WS, B or S, or category Zs.
    is_space => SPACE,
    /// `str.isprintable()`, which `repr()` follows too.
    is_printable => PRINTABLE,
    /// XID_Start, what an identifier may begin with (besides `_`).
    is_xid_start => XID_START,
    /// XID_Continue, what the rest of an identifier may be.
    is_xid_continue => XID_CONTINUE,
    /// The Cased property (Lowercase, Uppercase or Lt).
    is_cased => CASED,
    /// The Case_Ignorable property (what a final sigma looks past).
    is_case_ignorable => CASE_IGNORABLE,
}

/// `str.isalnum()` of one character.
pub fn is_alnum(cp: u32) -> bool {
    flags(cp) & (tables::ALPHA | tables::DECIMAL | tables::DIGIT | tables::NUMERIC) != 0
}
