//! Full case mappings of single characters (one character may become up
//! to three: `ß` upper-cases to `SS`, `ŉ` title-cases to `ʼN`).

use crate::tables;

/// The code points a character maps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mapping([u32; 3]);

impl Mapping {
    /// The table's mapping of `cp`, itself where it lists none.
    fn of(table: &'static [(u32, [u32; 3])], cp: u32) -> Mapping {
        Mapping::listed(table, cp).unwrap_or(Mapping([cp, 0, 0]))
    }

    fn listed(table: &'static [(u32, [u32; 3])], cp: u32) -> Option<Mapping> {
        crate::find(table, cp, |row| row.0).map(|row| Mapping(row.1))
    }

    /// The mapped code points in order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        // Zero pads the table's rows; U+0000 maps only to itself.
        let len = 1 + self.0[1..].iter().take_while(|&&c| c != 0).count();
        self.0[..len].iter().copied()
    }
}

pub fn lower(cp: u32) -> Mapping {
    Mapping::of(&tables::LOWER_MAP, cp)
}

pub fn upper(cp: u32) -> Mapping {
    Mapping::of(&tables::UPPER_MAP, cp)
}

/// Title case: upper case, but for the few characters the table lists.
pub fn title(cp: u32) -> Mapping {
    Mapping::listed(&tables::TITLE_MAP, cp).unwrap_or_else(|| upper(cp))
}

/// Case folding: lower case, but for the few characters the table lists.
pub fn casefold(cp: u32) -> Mapping {
    Mapping::listed(&tables::FOLD_MAP, cp).unwrap_or_else(|| lower(cp))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(m: Mapping) -> String {
        m.iter().map(|c| char::from_u32(c).unwrap()).collect()
    }

    #[test]
    fn maps_to_one_or_more_characters() {
        assert_eq!(text(upper('a' as u32)), "A");
        assert_eq!(text(upper('\u{df}' as u32)), "SS");
        assert_eq!(text(title('\u{149}' as u32)), "\u{2bc}N");
        assert_eq!(text(lower('\u{130}' as u32)), "i\u{307}");
        assert_eq!(text(casefold('\u{b5}' as u32)), "\u{3bc}");
        assert_eq!(text(lower('x' as u32)), "x");
        assert_eq!(text(lower(0)), "\0");
    }

    #[test]
    fn later_unicode_versions_are_not_consulted() {
        // U+019B gained an uppercase (U+A7DC) in Unicode 16.0.
        assert_eq!(text(upper(0x19B)), "\u{19b}");
    }
}
