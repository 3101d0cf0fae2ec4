//! uuencoding, one line at a time (`b2a_uu`, `a2b_uu`), for `uu` and the
//! `uu_codec` codec: a length character, then each 6 bits of data as a
//! character from `' '` up (`` ` `` standing for 0 when asked).

/// The most bytes one uuencoded line holds.
pub const MAX_LINE_BYTES: usize = 45;

/// The character for the 6-bit value `v`.
fn char_for(v: u8, backtick: bool) -> u8 {
    if backtick && v == 0 {
        b'`'
    } else {
        b' ' + v
    }
}

/// One line: the length, the groups of three bytes (the last padded with
/// zeros) as four characters each, and a newline. `data` holds at most
/// [`MAX_LINE_BYTES`].
pub fn encode_line(data: &[u8], backtick: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(2 + data.len().div_ceil(3) * 4);
    out.push(char_for(data.len() as u8, backtick));
    for group in data.chunks(3) {
        let b = |i: usize| group.get(i).copied().unwrap_or(0) as u32;
        let bits = (b(0) << 16) | (b(1) << 8) | b(2);
        for shift in [18, 12, 6, 0] {
            out.push(char_for(((bits >> shift) & 0x3f) as u8, backtick));
        }
    }
    out.push(b'\n');
    out
}

/// Why a line does not decode; the message of `binascii.Error`.
pub type DecodeError = &'static str;

/// The bytes of one line. Characters missing at the end of the line count
/// as zeros, as spaces eaten in transit would; what follows the data may
/// only be padding or the line end.
pub fn decode_line(line: &[u8]) -> Result<Vec<u8>, DecodeError> {
    let (&first, rest) = line.split_first().unwrap_or((&0, &[]));
    let len = (first.wrapping_sub(b' ') & 0x3f) as usize;
    let mut out = Vec::with_capacity(len);
    let mut chars = rest.iter().copied();
    let mut bits: u32 = 0;
    let mut nbits = 0;
    while out.len() < len {
        let value = match chars.next() {
            None | Some(b'\n' | b'\r') => 0,
            // '`' (' ' + 64) is the 0 some encoders write.
            Some(c) if (b' '..=b' ' + 64).contains(&c) => (c - b' ') & 0x3f,
            Some(_) => return Err("Illegal char"),
        };
        bits = (bits << 6) | value as u32;
        nbits += 6;
        if nbits >= 8 {
            nbits -= 8;
            out.push((bits >> nbits) as u8);
            bits &= (1 << nbits) - 1;
        }
    }
    if chars.any(|c| !matches!(c, b' ' | b'`' | b'\n' | b'\r')) {
        return Err("Trailing garbage");
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_round_trips() {
        let line = encode_line(b"Cat", false);
        assert_eq!(line, b"#0V%T\n");
        assert_eq!(decode_line(&line).unwrap(), b"Cat");
    }

    #[test]
    fn backtick_stands_for_zero() {
        assert_eq!(encode_line(b"", true), b"`\n");
        assert_eq!(encode_line(b"\0", true), b"!````\n");
    }

    #[test]
    fn a_short_line_is_padded_and_garbage_refused() {
        assert_eq!(decode_line(b"#").unwrap(), [0, 0, 0]);
        assert_eq!(decode_line(b"!!!!!x"), Err("Trailing garbage"));
        assert_eq!(decode_line(b"!\x01"), Err("Illegal char"));
    }
}
