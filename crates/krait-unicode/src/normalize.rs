//! The four normalization forms of Unicode Standard Annex #15 over the
//! module's own tables: full decomposition (canonical, or compatibility
//! for the K forms), canonical ordering of combining marks, and for the C
//! forms canonical composition.

use crate::{assigned, combining, decomposition, find, tables, Version};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Form {
    Nfc,
    Nfd,
    Nfkc,
    Nfkd,
}

impl Form {
    fn compatibility(self) -> bool {
        matches!(self, Form::Nfkc | Form::Nfkd)
    }

    fn composes(self) -> bool {
        matches!(self, Form::Nfc | Form::Nfkc)
    }
}

// Hangul syllables decompose and compose arithmetically.
const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

pub fn normalize(version: Version, form: Form, text: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(text.len());
    for &cp in text {
        decompose(version, form.compatibility(), cp, &mut out);
    }
    order_marks(version, &mut out);
    if form.composes() {
        compose(version, &mut out);
    }
    out
}

fn decompose(version: Version, compatibility: bool, cp: u32, out: &mut Vec<u32>) {
    if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
        let s = cp - S_BASE;
        out.push(L_BASE + s / N_COUNT);
        out.push(V_BASE + (s % N_COUNT) / T_COUNT);
        if !s.is_multiple_of(T_COUNT) {
            out.push(T_BASE + s % T_COUNT);
        }
        return;
    }
    if version == Version::V3_2 {
        if !assigned(version, cp) {
            out.push(cp);
            return;
        }
        if let Some((_, old)) = find(&tables::NORMALIZATION_3_2_CORRECTIONS, cp, |r| r.0) {
            out.extend(code_points(old));
            return;
        }
    }
    let mapping = decomposition(version, cp);
    let (tagged, parts) = match mapping.strip_prefix('<') {
        Some(rest) => (true, rest.split_once('>').map_or("", |(_, parts)| parts)),
        None => (false, mapping),
    };
    if mapping.is_empty() || (tagged && !compatibility) {
        out.push(cp);
        return;
    }
    for part in code_points(parts) {
        decompose(version, compatibility, part, out);
    }
}

fn code_points(text: &'static str) -> impl Iterator<Item = u32> {
    text.split_whitespace()
        .filter_map(|hex| u32::from_str_radix(hex, 16).ok())
}

/// Puts each run of combining marks in the order of their combining
/// classes, keeping the order of marks of the same class (a stable sort,
/// so a long run costs n log n, not n²).
fn order_marks(version: Version, text: &mut [u32]) {
    let mut start = 0;
    while start < text.len() {
        if combining(version, text[start]) == 0 {
            start += 1;
            continue;
        }
        let mut end = start + 1;
        while end < text.len() && combining(version, text[end]) != 0 {
            end += 1;
        }
        if end - start > 1 {
            text[start..end].sort_by_key(|&cp| combining(version, cp));
        }
        start = end;
    }
}

fn compose(version: Version, text: &mut Vec<u32>) {
    let mut out: Vec<u32> = Vec::with_capacity(text.len());
    let mut starter: Option<usize> = None;
    for &cp in text.iter() {
        let class = combining(version, cp);
        if let Some(at) = starter {
            // A mark is blocked from the starter by a mark between them
            // of the same or a higher class (or by any character, for a
            // starter: only adjacent starters compose).
            let blocked =
                out.len() - 1 > at && combining(version, *out.last().expect("not empty")) >= class;
            if !blocked {
                if let Some(composite) = composite(out[at], cp) {
                    out[at] = composite;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(out.len());
        }
        out.push(cp);
    }
    *text = out;
}

fn composite(first: u32, second: u32) -> Option<u32> {
    if (L_BASE..L_BASE + L_COUNT).contains(&first) && (V_BASE..V_BASE + V_COUNT).contains(&second) {
        return Some(S_BASE + ((first - L_BASE) * V_COUNT + (second - V_BASE)) * T_COUNT);
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&first)
        && (first - S_BASE).is_multiple_of(T_COUNT)
        && (T_BASE + 1..T_BASE + T_COUNT).contains(&second)
    {
        return Some(first + (second - T_BASE));
    }
    tables::COMPOSITIONS
        .binary_search_by_key(&(first, second), |&(a, b, _)| (a, b))
        .ok()
        .map(|i| tables::COMPOSITIONS[i].2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(form: Form, text: &str) -> String {
        let cps: Vec<u32> = text.chars().map(|c| c as u32).collect();
        normalize(Version::Current, form, &cps)
            .into_iter()
            .map(|cp| char::from_u32(cp).unwrap())
            .collect()
    }

    #[test]
    fn composes_and_decomposes_accents() {
        assert_eq!(run(Form::Nfd, "\u{e9}"), "e\u{301}");
        assert_eq!(run(Form::Nfc, "e\u{301}"), "\u{e9}");
        assert_eq!(run(Form::Nfkd, "\u{fb01}"), "fi");
        assert_eq!(run(Form::Nfc, "\u{fb01}"), "\u{fb01}");
    }

    #[test]
    fn orders_marks_by_class_and_skips_blocked_ones() {
        // Dot below (220) sorts before dot above (230); then both
        // compose onto the `s` in turn.
        assert_eq!(run(Form::Nfd, "s\u{307}\u{323}"), "s\u{323}\u{307}");
        assert_eq!(run(Form::Nfc, "s\u{307}\u{323}"), "\u{1e69}");
    }

    #[test]
    fn hangul_is_arithmetic() {
        assert_eq!(run(Form::Nfd, "\u{ac01}"), "\u{1100}\u{1161}\u{11a8}");
        assert_eq!(run(Form::Nfc, "\u{1100}\u{1161}\u{11a8}"), "\u{ac01}");
    }
}
