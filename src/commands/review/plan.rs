//! The plan `review` reads: what `block` prints (weeks of days with a `date`), what
//! `generate` prints (its first plan's week), what `score` prints (one plan's `days`) or a
//! bare list of days, in YAML or JSON (JSON is YAML). Days without a date are put on the
//! week that starts on a given Monday.

use std::path::Path;

use jiff::civil::{Date, Weekday};
use serde_json::{Map, Value};

use crate::catalog::{Catalog, Session};
use crate::dates::add_days;
use crate::error::InputError;
use crate::history::review::Planned;
use crate::limits::MAX_FILE_BYTES;
use crate::week::Day;
use crate::yaml::{parse_yaml, read_limited};

/// A plan's days, by date, and how many plans the file held (generate's output can hold
/// several; the first is read).
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Its days, by date.
    pub days: Vec<Planned>,
    /// Plans in the file.
    pub plans: usize,
}

/// Read a plan file. `monday` dates a week without dates; the catalog gives a day without
/// a load its load (the session's RPE x its minutes).
///
/// # Errors
/// A file that cannot be read, that is not YAML or JSON, or that holds no plan: the
/// message names the file and the day (`days[3].minutes`) and says what to write.
pub fn read(path: &Path, monday: Date, catalog: &Catalog) -> Result<Plan, InputError> {
    let text = read_limited(path, MAX_FILE_BYTES)?;
    let value: Value = parse_yaml(&text, &path.display().to_string())?;
    let bad = |message: String| InputError::Parse {
        path: path.to_path_buf(),
        message,
    };
    let (days, plans) = days_of(&value).map_err(bad)?;
    let days = dated(&days, monday, catalog).map_err(bad)?;
    Ok(Plan { days, plans })
}

/// The day entries of a plan document, each with where it is (`weeks[2].days[3]`).
type Entries<'a> = Vec<(String, &'a Map<String, Value>)>;

fn entries<'a>(list: &'a [Value], at: &str) -> Result<Entries<'a>, String> {
    list.iter()
        .enumerate()
        .map(|(i, d)| {
            let at = format!("{at}days[{i}]");
            d.as_object().map(|o| (at.clone(), o)).ok_or_else(|| {
                format!("{at}: expected a day such as {{date: 2024-01-01, session: easy, minutes: 45}}")
            })
        })
        .collect()
}

fn days_of(value: &Value) -> Result<(Entries<'_>, usize), String> {
    match value {
        Value::Array(days) => Ok((entries(days, "")?, 1)),
        Value::Object(map) => {
            if let Some(Value::Array(weeks)) = map.get("weeks") {
                let mut out = Vec::new();
                for (k, w) in weeks.iter().enumerate() {
                    match w.get("days") {
                        Some(Value::Array(days)) => out.extend(entries(days, &format!("weeks[{k}]."))?),
                        _ => {
                            return Err(format!(
                                "weeks[{k}]: no 'days' list: give a block as `weekwright block` prints it"
                            ));
                        }
                    }
                }
                Ok((out, 1))
            } else if let Some(Value::Array(days)) = map.get("days") {
                Ok((entries(days, "")?, 1))
            } else if let Some(Value::Array(plans)) = map.get("plans") {
                let first = plans
                    .first()
                    .ok_or("the file's plans list is empty: give a plan printed by `weekwright generate`")?;
                match first.get("days") {
                    Some(Value::Array(days)) => Ok((entries(days, "plans[0].")?, plans.len())),
                    _ => Err(
                        "plans[0]: no 'days' list: give a plan as `weekwright generate` prints it"
                            .to_string(),
                    ),
                }
            } else {
                Err("no plan found: give what `weekwright block` prints (weeks with days), what `generate` prints (plans), or a 'days' list of {date or day, session, minutes}".to_string())
            }
        }
        _ => Err("expected a plan: a block's weeks, generate's plans, or a 'days' list".to_string()),
    }
}

/// The days with their dates: each day's own `date`, or, when no day has one, the week
/// from `monday` (each day's `day`, or its place in a list of seven).
fn dated(entries: &Entries<'_>, monday: Date, catalog: &Catalog) -> Result<Vec<Planned>, String> {
    if entries.is_empty() {
        return Err(
            "the plan has no days: give a plan as `weekwright generate` or `block` prints it".to_string(),
        );
    }
    let with_dates = entries.iter().filter(|(_, d)| d.contains_key("date")).count();
    if with_dates != 0 && with_dates != entries.len() {
        let (at, _) = entries
            .iter()
            .find(|(_, d)| !d.contains_key("date"))
            .expect("one without a date");
        return Err(format!(
            "{at}: no date, where other days have one: give every day a date (YYYY-MM-DD), or none"
        ));
    }
    let mut out: Vec<Planned> = Vec::with_capacity(entries.len());
    for (i, (at, d)) in entries.iter().enumerate() {
        let date = if with_dates > 0 {
            match d.get("date") {
                Some(Value::String(s)) => {
                    crate::dates::check_date(s).map_err(|e| format!("{at}.date: {e}"))?
                }
                _ => return Err(format!("{at}.date: expected a date such as 2024-01-01")),
            }
        } else {
            let day: Day = match d.get("day") {
                Some(Value::String(s)) => s.parse().map_err(|e| format!("{at}.day: {e}"))?,
                None if entries.len() == 7 => Day::ALL[i],
                _ => return Err(format!("{at}.day: expected a day such as mon (or a date)")),
            };
            add_days(monday, crate::dates::whole(day.index()))
        };
        let planned = day_of(at, d, date, catalog)?;
        if out.iter().any(|p| p.date == date) {
            return Err(format!("{at}: {date} is planned twice"));
        }
        out.push(planned);
    }
    out.sort_by_key(|p| p.date);
    Ok(out)
}

fn day_of(at: &str, d: &Map<String, Value>, date: Date, catalog: &Catalog) -> Result<Planned, String> {
    let session: Session = match d.get("session") {
        Some(Value::String(s)) => s.parse().map_err(|e: InputError| format!("{at}.session: {e}"))?,
        _ => return Err(format!("{at}.session: expected a session id such as easy")),
    };
    let number = |key: &str| -> Result<Option<f64>, String> {
        match d.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => match n.as_f64() {
                Some(x) if x.is_finite() && x >= 0.0 => Ok(Some(x)),
                _ => Err(format!("{at}.{key}: expected a number of 0 or more")),
            },
            Some(_) => Err(format!("{at}.{key}: expected a number")),
        }
    };
    let minutes = number("minutes")?;
    let minutes = match (session, minutes) {
        (Session::Rest, None | Some(0.0)) => 0.0,
        (Session::Rest, Some(m)) => return Err(format!("{at}.minutes: rest takes no minutes, not {m}")),
        (_, Some(m)) if m > 0.0 && m <= 24.0 * 60.0 => m,
        (_, Some(m)) => return Err(format!("{at}.minutes: {m} is out of range: use above 0 to 1440")),
        (_, None) => {
            return Err(format!(
                "{at}.minutes: expected the planned minutes, such as minutes: 45"
            ));
        }
    };
    let load = number("load")?.unwrap_or_else(|| catalog.spec(session).rpe * minutes);
    Ok(Planned {
        date,
        session,
        minutes,
        load,
    })
}

/// The Monday of `date`'s week.
#[must_use]
pub fn monday_of(date: Date) -> Date {
    add_days(date, -i64::from(date.weekday().to_monday_zero_offset()))
}

/// Whether `date` is a Monday.
#[must_use]
pub fn is_monday(date: Date) -> bool {
    date.weekday() == Weekday::Monday
}
