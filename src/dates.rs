//! Calendar dates as runners type them (YYYY-MM-DD, jiff's civil dates): parsing with
//! messages that say how to write them, Mondays, and day arithmetic for weeks and blocks.

use jiff::civil::{Date, Weekday};
use jiff::{ToSpan, Unit};

use crate::error::shown;

/// Years a date may fall in: a block of up to 104 weeks from any of them stays a real date.
pub const YEARS: std::ops::RangeInclusive<i16> = 1900..=2200;

/// Parse YYYY-MM-DD into a date that exists, saying what is wrong and how to write it: the
/// date flags' parser (clap shows the message after the flag's name) and the profile's.
///
/// # Errors
/// Another shape (`7/12/2026`, `2026-12-07T10:00`), a year outside [`YEARS`], a month past
/// 12, or a day past the end of its month (`2026-02-30`).
pub fn check_date(text: &str) -> Result<jiff::civil::Date, String> {
    let bad = |why: String| {
        format!(
            "'{}' {why}; write the date as YYYY-MM-DD, such as 2026-12-07",
            shown(text, 40)
        )
    };
    let parts: Vec<&str> = text.trim().split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let [year, month, day] = parts.as_slice() else {
        return Err(bad("is not a date".to_string()));
    };
    if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
        return Err(bad("is not a date".to_string()));
    }
    let (Ok(y), Ok(m), Ok(d)) = (year.parse::<i16>(), month.parse::<i8>(), day.parse::<i8>()) else {
        return Err(bad("is not a date".to_string()));
    };
    if !YEARS.contains(&y) {
        return Err(bad(format!(
            "is in {y}; plans are for the years {} to {}",
            YEARS.start(),
            YEARS.end()
        )));
    }
    if !(1..=12).contains(&m) {
        return Err(bad(format!("has month {m}; months run from 01 to 12")));
    }
    let first = jiff::civil::Date::new(y, m, 1).map_err(|e| bad(format!("is not a date ({e})")))?;
    let days = first.days_in_month();
    if !(1..=days).contains(&d) {
        return Err(bad(format!("does not exist: {year}-{month} has {days} days")));
    }
    jiff::civil::Date::new(y, m, d).map_err(|e| bad(format!("is not a date ({e})")))
}

/// The environment variable that sets "today" for reproducible runs and tests (a block's
/// default start, the check that a race is not in the past, a calendar's next Monday).
pub const TODAY_VAR: &str = "WEEKWRIGHT_TODAY";

/// Today's date: [`TODAY_VAR`] when it is set, else the real date in the local time zone.
///
/// # Errors
/// [`TODAY_VAR`] set to something that is not a date (exit 2, naming the variable).
pub fn today() -> Result<Date, crate::error::InputError> {
    match std::env::var(TODAY_VAR) {
        Ok(text) => check_date(&text).map_err(|message| crate::error::InputError::Environment {
            variable: TODAY_VAR,
            message,
        }),
        Err(_) => Ok(jiff::ZonedDateTime::now().date()),
    }
}

/// A date written `YYYY-MM-DD` that exists.
///
/// # Errors
/// A message that says what is wrong and shows the form to use.
pub fn parse_date(text: &str) -> Result<Date, String> {
    check_date(text)
}

/// A date that exists and is a Monday (a block's weeks run Monday to Sunday).
///
/// # Errors
/// A bad date, or one that is not a Monday (the message names the Mondays around it).
pub fn parse_monday(text: &str) -> Result<Date, String> {
    monday(parse_date(text)?)
}

/// `d` if it is a Monday; otherwise a message naming the Mondays around it.
///
/// # Errors
/// `d` is not a Monday.
pub fn monday(d: Date) -> Result<Date, String> {
    if d.weekday() == Weekday::Monday {
        return Ok(d);
    }
    let before = monday_of(d);
    let after = add_days(before, 7);
    Err(format!(
        "{d} is a {:?}; weeks here start on a Monday: use {before} or {after}",
        d.weekday()
    ))
}

/// `d` plus `n` days (blocks stay far inside jiff's range: at most 104 weeks from a date
/// that parsed, so the sum saturates only on nonsense years).
#[must_use]
pub fn add_days(d: Date, n: i64) -> Date {
    d.checked_add(n.days()).unwrap_or(d)
}

/// A count as a day offset (counts here are weeks and days of a block: far below the limit).
#[must_use]
pub fn whole(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Whole days from `a` to `b` (negative when `b` is earlier).
#[must_use]
pub fn days_between(a: Date, b: Date) -> i64 {
    a.until((Unit::Day, b)).map_or(0, |s| i64::from(s.get_days()))
}

/// The Monday of the week holding `d`.
#[must_use]
pub fn monday_of(d: Date) -> Date {
    add_days(d, -i64::from(d.weekday().to_monday_zero_offset()))
}

/// The first Monday after `today` (a week from today when today is a Monday).
#[must_use]
pub fn next_monday(today: Date) -> Date {
    add_days(monday_of(today), 7)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn dates_that_do_not_exist_are_named() {
        let err = parse_date("2027-02-30").unwrap_err();
        assert!(err.contains("does not exist"), "{err}");
        assert!(parse_date("next week").unwrap_err().contains("YYYY-MM-DD"));
        assert_eq!(parse_date("2028-02-29").unwrap(), d("2028-02-29"));
    }

    #[test]
    fn a_start_that_is_not_a_monday_suggests_the_mondays_around_it() {
        let err = parse_monday("2026-12-09").unwrap_err();
        assert!(err.contains("2026-12-07") && err.contains("2026-12-14"), "{err}");
    }

    #[test]
    fn the_next_monday_is_strictly_after_today() {
        assert_eq!(next_monday(d("2026-11-29")), d("2026-11-30"));
        assert_eq!(next_monday(d("2026-11-30")), d("2026-12-07"));
    }
}
