//! The proleptic Gregorian calendar as `datetime` counts it: day 1 is
//! 0001-01-01, and the ISO week calendar on top.

pub const MIN_YEAR: i64 = 1;
pub const MAX_YEAR: i64 = 9999;
/// The ordinal of 9999-12-31.
pub const MAX_ORDINAL: i64 = 3_652_059;

const DAYS_BEFORE_MONTH: [i64; 13] = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

pub fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

pub fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn days_before_year(year: i64) -> i64 {
    let y = year - 1;
    y * 365 + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400)
}

fn days_before_month(year: i64, month: i64) -> i64 {
    DAYS_BEFORE_MONTH[month as usize] + i64::from(month > 2 && is_leap(year))
}

/// The ordinal of a valid date.
pub fn ymd_to_ord(year: i64, month: i64, day: i64) -> i64 {
    days_before_year(year) + days_before_month(year, month) + day
}

/// The date of an ordinal (any ordinal; years outside 1..9999 come out
/// as the arithmetic says, for the caller to reject).
pub fn ord_to_ymd(ordinal: i64) -> (i64, i64, i64) {
    const DI400Y: i64 = 146_097;
    const DI100Y: i64 = 36_524;
    const DI4Y: i64 = 1_461;
    let n = ordinal - 1;
    let (n400, n) = (n.div_euclid(DI400Y), n.rem_euclid(DI400Y));
    let mut year = n400 * 400 + 1;
    let (n100, n) = (n / DI100Y, n % DI100Y);
    let (n4, n) = (n / DI4Y, n % DI4Y);
    let (n1, n) = (n / 365, n % 365);
    year += n100 * 100 + n4 * 4 + n1;
    if n1 == 4 || n100 == 4 {
        return (year - 1, 12, 31);
    }
    let leap = n1 == 3 && (n4 != 24 || n100 == 3);
    let mut month = (n + 50) >> 5;
    let mut preceding = DAYS_BEFORE_MONTH[month as usize] + i64::from(month > 2 && leap);
    if preceding > n {
        month -= 1;
        preceding -= days_in_month_leap(month, leap);
    }
    (year, month, n - preceding + 1)
}

fn days_in_month_leap(month: i64, leap: bool) -> i64 {
    if month == 2 && leap {
        29
    } else if month == 2 {
        28
    } else {
        days_in_month(1, month)
    }
}

/// Monday is 0.
pub fn weekday(year: i64, month: i64, day: i64) -> i64 {
    (ymd_to_ord(year, month, day) + 6) % 7
}

/// The day of the year, 1-based.
pub fn day_of_year(year: i64, month: i64, day: i64) -> i64 {
    days_before_month(year, month) + day
}

/// The ordinal of the Monday starting ISO week 1 of `year`.
pub fn iso_week1_monday(year: i64) -> i64 {
    let first = days_before_year(year) + 1;
    let first_weekday = (first + 6) % 7;
    let mut monday = first - first_weekday;
    if first_weekday > 3 {
        monday += 7;
    }
    monday
}

/// (ISO year, week, weekday 1..7) of a valid date.
pub fn iso_calendar(year: i64, month: i64, day: i64) -> (i64, i64, i64) {
    let ordinal = ymd_to_ord(year, month, day);
    let mut iso_year = year;
    let mut week1 = iso_week1_monday(year);
    let mut offset = ordinal - week1;
    if offset < 0 {
        iso_year -= 1;
        week1 = iso_week1_monday(iso_year);
        offset = ordinal - week1;
    } else if offset >= 52 * 7 && ordinal >= iso_week1_monday(year + 1) {
        iso_year += 1;
        offset = ordinal - iso_week1_monday(iso_year);
    }
    (iso_year, offset / 7 + 1, offset % 7 + 1)
}

/// Whether ISO `year` has a week 53.
pub fn has_week_53(year: i64) -> bool {
    let first = weekday(year, 1, 1);
    first == 3 || (first == 2 && is_leap(year))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_round_trip_over_the_whole_range() {
        let mut ordinal = 1;
        for year in 1..=9999 {
            for month in 1..=12 {
                for day in 1..=days_in_month(year, month) {
                    assert_eq!(ymd_to_ord(year, month, day), ordinal);
                    assert_eq!(ord_to_ymd(ordinal), (year, month, day));
                    ordinal += 1;
                }
            }
        }
        assert_eq!(ordinal - 1, MAX_ORDINAL);
    }

    #[test]
    fn iso_weeks_match_known_dates() {
        assert_eq!(iso_calendar(2004, 1, 1), (2004, 1, 4));
        assert_eq!(iso_calendar(2005, 1, 1), (2004, 53, 6));
        assert_eq!(iso_calendar(2008, 12, 29), (2009, 1, 1));
        assert_eq!(iso_calendar(2003, 12, 30), (2004, 1, 2));
        assert_eq!(weekday(2002, 3, 1), 4);
        assert!(has_week_53(2004) && !has_week_53(2005));
    }
}
