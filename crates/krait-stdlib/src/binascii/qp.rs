//! Quoted-printable (RFC 1521), for `quopri` and email: `=XX` for the bytes
//! that need it, `=` at the end of a line for a soft line break, and with
//! `header`, `_` for a space (RFC 1522).

/// The longest encoded line, soft line break included.
const MAX_LINE: usize = 76;

/// The options of `b2a_qp`.
pub struct Options {
    /// Encode every space and tab, not only those ending a line.
    pub quote_tabs: bool,
    /// Line breaks are text (kept as they are), not data (encoded).
    pub is_text: bool,
    /// Encode for a mail header: spaces as `_`.
    pub header: bool,
}

fn hex_digit(v: u8) -> u8 {
    b"0123456789ABCDEF"[(v & 15) as usize]
}

pub fn encode(data: &[u8], o: &Options) -> Vec<u8> {
    // Soft line breaks use the line ending the data uses first.
    let crlf = data
        .iter()
        .position(|&c| c == b'\n')
        .is_some_and(|i| i > 0 && data[i - 1] == b'\r');
    let line_end: &[u8] = if crlf { b"\r\n" } else { b"\n" };
    let mut out = Vec::with_capacity(data.len() * 3 / 2);
    let mut line_len = 0;
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        let next = data.get(i + 1).copied();
        let last = next.is_none();
        let lone_dot = c == b'.' && line_len == 0 && matches!(next, None | Some(b'\n' | b'\r' | 0));
        let quoted = c > 126
            || c == b'='
            || (o.header && c == b'_')
            || lone_dot
            || (!o.is_text && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && last)
            || (c < 33 && c != b'\r' && c != b'\n' && (o.quote_tabs || (c != b'\t' && c != b' ')));
        let line_break = o.is_text && (c == b'\n' || (c == b'\r' && next == Some(b'\n')));
        if quoted {
            if line_len + 3 >= MAX_LINE {
                out.push(b'=');
                out.extend_from_slice(line_end);
                line_len = 0;
            }
            out.extend_from_slice(&[b'=', hex_digit(c >> 4), hex_digit(c)]);
            line_len += 3;
            i += 1;
        } else if line_break {
            // Whitespace ending a line would be lost in transit.
            if let Some(&w @ (b' ' | b'\t')) = out.last() {
                out.pop();
                out.extend_from_slice(&[b'=', hex_digit(w >> 4), hex_digit(w)]);
            }
            out.extend_from_slice(line_end);
            line_len = 0;
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if !last && next != Some(b'\n') && line_len + 1 >= MAX_LINE {
                out.push(b'=');
                out.extend_from_slice(line_end);
                line_len = 0;
            }
            out.push(if o.header && c == b' ' { b'_' } else { c });
            line_len += 1;
            i += 1;
        }
    }
    out
}

pub fn decode(data: &[u8], header: bool) -> Vec<u8> {
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        i += 1;
        if header && c == b'_' {
            out.push(b' ');
            continue;
        }
        if c != b'=' {
            out.push(c);
            continue;
        }
        let Some(&next) = data.get(i) else {
            // A '=' ending the data is a soft line break with no line end.
            break;
        };
        match next {
            b'\n' | b'\r' => {
                // A soft line break: skip to after the line end.
                while i < data.len() && data[i] != b'\n' {
                    i += 1;
                }
                i = (i + 1).min(data.len());
            }
            // "==" from broken encoders stands for '='.
            b'=' => {
                out.push(b'=');
                i += 1;
            }
            _ => match (hex(next), data.get(i + 1).copied().and_then(hex)) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 2;
                }
                _ => out.push(b'='),
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: Options = Options {
        quote_tabs: false,
        is_text: true,
        header: false,
    };

    #[test]
    fn trailing_whitespace_and_equals_are_quoted() {
        assert_eq!(encode(b"a=b \nc", &TEXT), b"a=3Db=20\nc");
    }

    #[test]
    fn long_lines_get_soft_breaks() {
        let out = encode(&[b'x'; 100], &TEXT);
        assert_eq!(&out[75..77], b"=\n");
        assert_eq!(decode(&out, false), vec![b'x'; 100]);
    }

    #[test]
    fn decoding_keeps_what_is_not_an_escape() {
        assert_eq!(decode(b"a=3Db=\nc=zz=", true), b"a=bc=zz");
        assert_eq!(decode(b"a_b", true), b"a b");
    }
}
