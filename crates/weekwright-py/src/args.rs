//! The functions' arguments other than the profile, checked as the command line checks its
//! flags and with the same words; a message names the argument (`top: 0 is out of range:
//! use a whole number from 1 to 100`) where the command line names its flag.

use std::ops::RangeInclusive;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyString};
use serde_json::Value;
use weekwright::block::calendar::DateArgs;
use weekwright::{Goal, Level};

/// `--top`'s range (CLI.md, "Limits").
pub const TOP: RangeInclusive<u16> = 1..=100;
/// `--threads`' range.
pub const THREADS: RangeInclusive<u16> = 1..=256;
/// `--weeks`' range: a block has at most 104 weeks.
pub const WEEKS: RangeInclusive<u16> = 1..=104;

/// A whole number in `range`, as the command line's count flags take it.
///
/// # Errors
/// `ValueError` with the flag's message when out of range.
pub fn count(name: &str, n: i64, range: RangeInclusive<u16>) -> PyResult<u16> {
    weekwright::error::count_flag(&n.to_string(), range)
        .map_err(|m| PyValueError::new_err(format!("{name}: {m}")))
}

/// A level's name, read as a profile's `level` is (case and spaces do not matter).
///
/// # Errors
/// `ValueError` naming the levels, with a suggestion for a near miss.
pub fn level(name: &str) -> PyResult<Level> {
    serde_json::from_value(Value::String(name.to_owned()))
        .map_err(|e| PyValueError::new_err(format!("level: {e}")))
}

/// A goal's name, read as a profile's `goal` is.
///
/// # Errors
/// `ValueError` naming the goals, with a suggestion for a near miss.
pub fn goal(name: &str) -> PyResult<Goal> {
    serde_json::from_value(Value::String(name.to_owned()))
        .map_err(|e| PyValueError::new_err(format!("goal: {e}")))
}

/// With a profile, the level and goal are the profile's: another given beside it would be
/// ignored, which the command line refuses (`--level` conflicts with `--profile`).
///
/// # Errors
/// `ValueError` when `level` or `goal` is not the default.
pub fn profile_sets_level_and_goal(level: Level, goal: Goal) -> PyResult<()> {
    let conflict = |arg: &str, id: &str| {
        PyValueError::new_err(format!(
            "{arg}: '{id}' cannot be used with a profile: the profile's own {arg} applies; set {arg}: {id} in the profile"
        ))
    };
    if level != Level::default() {
        return Err(conflict("level", level.id()));
    }
    if goal != Goal::default() {
        return Err(conflict("goal", goal.id()));
    }
    Ok(())
}

/// `block`'s date arguments, as its flags give them to the calendar: weeks in range, dates
/// that exist, a start on a Monday.
///
/// # Errors
/// `ValueError` with the flags' messages; `TypeError` for a date that is neither a
/// `datetime.date` nor a string.
pub fn dates(
    weeks: Option<i64>,
    start: Option<&Bound<'_, PyAny>>,
    race: Option<&Bound<'_, PyAny>>,
) -> PyResult<DateArgs> {
    let weeks = weeks.map(|w| count("weeks", w, WEEKS)).transpose()?;
    let checked = |name: &str, obj: &Bound<'_, PyAny>| {
        weekwright::dates::check_date(&date_text(name, obj)?)
            .map_err(|m| PyValueError::new_err(format!("{name}: {m}")))
    };
    let start = start
        .map(|s| {
            weekwright::dates::monday(checked("start", s)?)
                .map_err(|m| PyValueError::new_err(format!("start: {m}")))
        })
        .transpose()?;
    Ok(DateArgs {
        start,
        weeks: weeks.map(usize::from),
        race: race.map(|r| checked("race", r)).transpose()?,
    })
}

/// The text of a date given as `datetime.date` or `"YYYY-MM-DD"`.
fn date_text(name: &str, obj: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(s) = obj.cast::<PyString>() {
        Ok(s.to_cow()?.into_owned())
    } else if obj.is_instance_of::<PyDate>() {
        obj.call_method0("isoformat")?.extract::<String>()
    } else {
        Err(PyTypeError::new_err(format!(
            "{name}: expected a datetime.date or a 'YYYY-MM-DD' string, got {}",
            obj.get_type().name()?
        )))
    }
}

/// `--seed`: 0 when not given.
///
/// # Errors
/// `ValueError` with the flag's message for a negative seed or one past 2**64 - 1.
pub fn seed(seed: Option<i128>) -> PyResult<u64> {
    let Some(n) = seed else {
        return Ok(0);
    };
    u64::try_from(n).map_err(|_| {
        PyValueError::new_err(format!(
            "seed: '{n}' is not a seed: use a whole number from 0 to {}",
            u64::MAX
        ))
    })
}
