//! ISO 8601 text: the forms `fromisoformat` reads and `isoformat` writes,
//! read as CPython's C parser reads them (ASCII digits only, one
//! separator style per date).

use super::calendar;

/// The byte at `i`, or NUL past the end: the parser reads as if the
/// text were a C string.
fn at(s: &[u8], i: usize) -> u8 {
    s.get(i).copied().unwrap_or(0)
}

/// Exactly `n` ASCII digits at `p`, and the position after them.
fn digits(s: &[u8], p: usize, n: usize) -> Option<(i64, usize)> {
    let mut v = 0;
    for i in 0..n {
        let c = at(s, p + i);
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as i64;
    }
    Some((v, p + n))
}

pub enum IsoError {
    Week,
    Day,
}

/// The calendar date of ISO year, week and weekday.
pub fn iso_to_ymd(year: i64, week: i64, day: i64) -> Result<(i64, i64, i64), IsoError> {
    if (week <= 0 || week >= 53) && !(week == 53 && calendar::has_week_53(year)) {
        return Err(IsoError::Week);
    }
    if !(1..=7).contains(&day) {
        return Err(IsoError::Day);
    }
    let ordinal = calendar::iso_week1_monday(year) + (week - 1) * 7 + day - 1;
    Ok(calendar::ord_to_ymd(ordinal))
}

/// `YYYY-MM-DD`, `YYYYMMDD`, `YYYY-Www[-D]` or `YYYYWww[D]` in the first
/// `len` bytes of `s`.
pub fn parse_date(s: &[u8], len: usize) -> Result<(i64, i64, i64), ()> {
    let (year, mut p) = digits(s, 0, 4).ok_or(())?;
    let dashed = at(s, p) == b'-';
    if dashed {
        p += 1;
    }
    if at(s, p) == b'W' {
        let (week, q) = digits(s, p + 1, 2).ok_or(())?;
        p = q;
        let mut day = 1;
        if p < len {
            if dashed {
                if at(s, p) != b'-' {
                    return Err(());
                }
                p += 1;
            }
            day = digits(s, p, 1).ok_or(())?.0;
        }
        return iso_to_ymd(year, week, day).map_err(|_| ());
    }
    let (month, mut p) = digits(s, p, 2).ok_or(())?;
    if dashed {
        if at(s, p) != b'-' {
            return Err(());
        }
        p += 1;
    }
    let (day, _) = digits(s, p, 2).ok_or(())?;
    Ok((year, month, day))
}

/// Where the date ends in a `datetime.fromisoformat` string.
pub fn find_separator(s: &[u8]) -> Option<usize> {
    let len = s.len();
    if len == 7 {
        return Some(7);
    }
    if at(s, 4) == b'-' {
        if at(s, 5) != b'W' {
            return Some(10);
        }
        if len < 8 {
            return None;
        }
        if len > 8 && at(s, 8) == b'-' {
            if len == 9 {
                return None;
            }
            if len > 10 && at(s, 10).is_ascii_digit() {
                return Some(8);
            }
            return Some(10);
        }
        return Some(8);
    }
    if at(s, 4) == b'W' {
        let mut idx = 7;
        while idx < len && at(s, idx).is_ascii_digit() {
            idx += 1;
        }
        if idx < 9 {
            return Some(idx);
        }
        return Some(if idx % 2 == 0 { 7 } else { 8 });
    }
    Some(8)
}

/// `HH[:MM[:SS[.fff[fff]]]]` (or without colons) from `p` up to `end`:
/// the fields, and whether text is left over before `end`.
fn hh_mm_ss_ff(s: &[u8], mut p: usize, end: usize) -> Result<([i64; 4], bool), ()> {
    let mut vals = [0i64; 4];
    let mut colons = true;
    for i in 0..3 {
        let (v, q) = digits(s, p, 2).ok_or(())?;
        vals[i] = v;
        let c = at(s, q);
        p = q + 1;
        if i == 0 {
            colons = c == b':';
        }
        if p >= end {
            return Ok((vals, c != 0));
        } else if colons && c == b':' {
            continue;
        } else if c == b'.' || c == b',' {
            break;
        } else if !colons {
            p -= 1;
        } else {
            return Err(());
        }
    }
    let remains = end.saturating_sub(p);
    let n = remains.min(6);
    if n == 0 {
        return Err(());
    }
    let (mut us, q) = digits(s, p, n).ok_or(())?;
    const SCALE: [i64; 5] = [100_000, 10_000, 1_000, 100, 10];
    if n < 6 {
        us *= SCALE[n - 1];
    }
    vals[3] = us;
    let mut q = q;
    while at(s, q).is_ascii_digit() {
        q += 1;
    }
    Ok((vals, at(s, q) != 0))
}

/// A parsed time: hours, minutes, seconds, microseconds, and the offset
/// (seconds, microseconds) when one was given.
pub struct TimeParts {
    pub fields: [i64; 4],
    pub offset: Option<(i64, i64)>,
}

/// The time part of an ISO string, with an optional `Z` or `±HH[:MM...]`.
pub fn parse_time(s: &[u8]) -> Result<TimeParts, ()> {
    let end = s.len();
    let mut tz = 0;
    loop {
        let c = at(s, tz);
        if c == b'Z' || c == b'+' || c == b'-' {
            break;
        }
        tz += 1;
        if tz >= end {
            break;
        }
    }
    let (fields, rest) = hh_mm_ss_ff(s, 0, tz)?;
    if tz >= end {
        if rest {
            return Err(());
        }
        return Ok(TimeParts {
            fields,
            offset: None,
        });
    }
    if at(s, tz) == b'Z' {
        if at(s, tz + 1) != 0 {
            return Err(());
        }
        return Ok(TimeParts {
            fields,
            offset: Some((0, 0)),
        });
    }
    let sign = if at(s, tz) == b'-' { -1 } else { 1 };
    let (off, rest) = hh_mm_ss_ff(s, tz + 1, end)?;
    if rest {
        return Err(());
    }
    Ok(TimeParts {
        fields,
        offset: Some((sign * (off[0] * 3600 + off[1] * 60 + off[2]), sign * off[3])),
    })
}

/// `HH:MM:SS[.ffffff]` as `isoformat(timespec=...)` writes it; `None` for
/// an unknown timespec.
pub fn format_time(h: i64, m: i64, s: i64, us: i64, timespec: &str) -> Option<String> {
    Some(match timespec {
        "auto" if us != 0 => format!("{h:02}:{m:02}:{s:02}.{us:06}"),
        "auto" | "seconds" => format!("{h:02}:{m:02}:{s:02}"),
        "hours" => format!("{h:02}"),
        "minutes" => format!("{h:02}:{m:02}"),
        "milliseconds" => format!("{h:02}:{m:02}:{s:02}.{:03}", us / 1000),
        "microseconds" => format!("{h:02}:{m:02}:{s:02}.{us:06}"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_form() {
        assert_eq!(parse_date(b"2020-01-02", 10), Ok((2020, 1, 2)));
        assert_eq!(parse_date(b"20200102", 8), Ok((2020, 1, 2)));
        assert_eq!(parse_date(b"2004-W01-4", 10), Ok((2004, 1, 1)));
        assert_eq!(parse_date(b"2004W01", 7), Ok((2003, 12, 29)));
        assert!(parse_date(b"2020-0102", 9).is_err());
    }

    #[test]
    fn times_with_fractions_and_offsets() {
        let t = parse_time(b"12:30:45.5+01:00").ok().unwrap();
        assert_eq!(t.fields, [12, 30, 45, 500_000]);
        assert_eq!(t.offset, Some((3600, 0)));
        let t = parse_time(b"1230").ok().unwrap();
        assert_eq!(t.fields, [12, 30, 0, 0]);
        assert!(parse_time(b"12:30:").is_err());
        assert!(parse_time(b"12:3").is_err());
    }
}
