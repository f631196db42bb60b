//! A week of seven sessions: days, the WEEK syntax of CLI.md, and the minutes rule of
//! docs/model.md section 3 that turns a structure into minutes.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::catalog::Session;
use crate::error::{InputError, closest, shown};

/// A day of the week, Monday first (index 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(u8);

impl Day {
    /// Monday to Sunday.
    pub const ALL: [Day; 7] = [Day(0), Day(1), Day(2), Day(3), Day(4), Day(5), Day(6)];
    /// Saturday.
    pub const SAT: Day = Day(5);
    /// Sunday.
    pub const SUN: Day = Day(6);

    /// The day at `index` (0 = Monday); `None` above 6.
    #[must_use]
    pub fn new(index: usize) -> Option<Day> {
        u8::try_from(index).ok().filter(|&i| i < 7).map(Day)
    }

    /// 0 = Monday .. 6 = Sunday.
    #[must_use]
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// The short id: `mon` .. `sun`.
    #[must_use]
    pub fn id(self) -> &'static str {
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][self.index()]
    }

    /// The full name: `Monday` .. `Sunday`.
    #[must_use]
    pub fn name(self) -> &'static str {
        [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ][self.index()]
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Day {
    type Err = String;

    /// `mon`, `Mon`, `monday`, `MONDAY` all name Monday.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_lowercase();
        Day::ALL
            .into_iter()
            .find(|d| lower == d.id() || lower == d.name().to_lowercase())
            .ok_or_else(|| {
                let names: Vec<&str> = Day::ALL.iter().flat_map(|d| [d.id(), d.name()]).collect();
                let near = closest(s, &names)
                    .and_then(|n| n.parse::<Day>().ok())
                    .map_or_else(String::new, |d| format!(" (did you mean {}?)", d.id()));
                format!(
                    "unknown day '{}'{near}: use mon, tue, wed, thu, fri, sat or sun",
                    shown(s.trim(), 40)
                )
            })
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for Day {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Day".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A day of the week: mon..sun (full names and capitals accepted).",
            "pattern": "^(?i)(mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$"
        })
    }
}

/// One day of a week as a runner writes it: a session and, optionally, its minutes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DaySpec {
    /// The session.
    pub session: Session,
    /// Explicit minutes (`easy:45`), within [`MINUTES_RANGE`]; `None` lets the minutes
    /// rule decide.
    pub minutes: Option<f64>,
}

impl DaySpec {
    /// A session with rule minutes.
    #[must_use]
    pub fn of(session: Session) -> Self {
        DaySpec {
            session,
            minutes: None,
        }
    }
}

/// Seven days, Monday first.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeekSpec(pub [DaySpec; 7]);

impl WeekSpec {
    /// A week from seven sessions with rule minutes.
    #[must_use]
    pub fn from_sessions(sessions: [Session; 7]) -> Self {
        WeekSpec(sessions.map(DaySpec::of))
    }

    /// The sessions, Monday first.
    #[must_use]
    pub fn sessions(&self) -> [Session; 7] {
        self.0.map(|d| d.session)
    }
}

impl fmt::Display for WeekSpec {
    /// The WEEK syntax, so that output can be pasted back into `score --week`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            f.write_str(d.session.id())?;
            if let Some(m) = d.minutes {
                write!(f, ":{m}")?;
            }
        }
        Ok(())
    }
}

/// Longest WEEK text echoed back in an error.
const ECHO_LIMIT: usize = 80;

fn week_error(week: &str, reason: impl Into<String>) -> InputError {
    InputError::Week {
        week: shown(week, ECHO_LIMIT),
        reason: reason.into(),
    }
}

/// Smallest and largest explicit minutes of a session (CLI.md).
pub const MINUTES_RANGE: std::ops::RangeInclusive<u16> =
    (*crate::limits::SESSION_MINUTES.start() as u16)..=(*crate::limits::SESSION_MINUTES.end() as u16);

fn parse_day_spec(week: &str, item: &str, position: &str) -> Result<DaySpec, InputError> {
    let item = item.trim();
    if item.is_empty() {
        return Err(week_error(
            week,
            format!("{position} is empty: write a session id such as easy, or rest"),
        ));
    }
    let (name, minutes) = match item.split_once(':') {
        Some((name, m)) => (name, Some(m.trim())),
        None => (item, None),
    };
    let session: Session = name
        .parse()
        .map_err(|e: InputError| week_error(week, format!("{position}: {e}")))?;
    let minutes = match minutes {
        None => None,
        Some(m) => {
            if session == Session::Rest {
                return Err(week_error(
                    week,
                    format!("{position}: rest takes no minutes; write just 'rest'"),
                ));
            }
            let value: f64 = m
                .parse()
                .ok()
                .filter(|v| MINUTES_RANGE.contains(v))
                .map(f64::from)
                .ok_or_else(|| {
                    week_error(
                        week,
                        format!(
                            "{position}: minutes '{}' must be a whole number from {} to {}",
                            shown(m, 20),
                            MINUTES_RANGE.start(),
                            MINUTES_RANGE.end()
                        ),
                    )
                })?;
            Some(value)
        }
    };
    Ok(DaySpec { session, minutes })
}

impl FromStr for WeekSpec {
    type Err = InputError;

    /// Seven comma-separated sessions, Monday first, each `id` or `id:minutes`; or
    /// `mon=easy,tue=intervals,...` in any order with missing days at rest.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let items: Vec<&str> = s.split(',').collect();
        if s.trim().is_empty() {
            return Err(week_error(
                s,
                "it is empty: write seven sessions, Monday first, such as easy,intervals,easy,rest,tempo,easy,long",
            ));
        }
        let named = items.iter().filter(|i| i.contains('=')).count();
        if named > 0 && named < items.len() {
            return Err(week_error(
                s,
                "mixes 'day=session' items with plain ones: use one form for the whole week",
            ));
        }
        if named > 0 {
            let mut days: [Option<DaySpec>; 7] = [None; 7];
            for item in items {
                let (day, spec) = item.split_once('=').unwrap_or((item, ""));
                let day: Day = day.parse().map_err(|e: String| week_error(s, e))?;
                let spec = parse_day_spec(s, spec, day.name())?;
                if days[day.index()].replace(spec).is_some() {
                    return Err(week_error(
                        s,
                        format!("{} is named twice: name each day once", day.name()),
                    ));
                }
            }
            return Ok(WeekSpec(days.map(|d| d.unwrap_or(DaySpec::of(Session::Rest)))));
        }
        if items.len() != 7 {
            return Err(week_error(
                s,
                format!(
                    "it has {} day{}; a week needs seven sessions, Monday first (use rest for a day off)",
                    items.len(),
                    if items.len() == 1 { "" } else { "s" }
                ),
            ));
        }
        let mut days = [DaySpec::of(Session::Rest); 7];
        for (i, item) in items.iter().enumerate() {
            days[i] = parse_day_spec(s, item, Day::ALL[i].name())?;
        }
        Ok(WeekSpec(days))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_week_parses_monday_first() {
        let w: WeekSpec = "easy,intervals,easy,rest,tempo,easy,long".parse().unwrap();
        assert_eq!(w.0[1].session, Session::Intervals);
        assert_eq!(w.0[6].session, Session::Long);
        assert_eq!(w.to_string(), "easy,intervals,easy,rest,tempo,easy,long");
    }

    #[test]
    fn explicit_minutes_are_kept() {
        let w: WeekSpec = "easy:40,intervals:55,easy:40,rest,tempo:50,easy:40,long:110"
            .parse()
            .unwrap();
        assert_eq!(w.0[1].minutes, Some(55.0));
        assert_eq!(w.0[6].minutes, Some(110.0));
        assert_eq!(w.0[3].minutes, None);
    }

    #[test]
    fn named_days_fill_the_rest_with_rest() {
        let w: WeekSpec = "sun=long,tue=intervals".parse().unwrap();
        assert_eq!(w.0[0].session, Session::Rest);
        assert_eq!(w.0[1].session, Session::Intervals);
        assert_eq!(w.0[6].session, Session::Long);
    }

    #[test]
    fn bad_weeks_say_what_is_wrong() {
        let cases = [
            ("easy,easy,easy,easy,easy,easy", "it has 6 days"),
            ("easy,easy,easy,easy,easy,easy,easy,easy", "it has 8 days"),
            ("easy,easy,easy,easy,easy,easy,jog2", "unknown session 'jog2'"),
            ("easy:0,easy,easy,easy,easy,easy,easy", "from 1 to 600"),
            ("easy:100000,easy,easy,easy,easy,easy,easy", "from 1 to 600"),
            ("easy:4.5,easy,easy,easy,easy,easy,easy", "whole number"),
            ("rest:30,easy,easy,easy,easy,easy,easy", "rest takes no minutes"),
            ("mon=easy,mon=tempo", "Monday is named twice"),
            ("mon=easy,tempo", "mixes"),
            ("", "empty"),
            ("easy,,easy,easy,easy,easy,easy", "Tuesday is empty"),
            ("funday=easy", "unknown day 'funday'"),
        ];
        for (text, want) in cases {
            let err = text.parse::<WeekSpec>().unwrap_err().to_string();
            assert!(err.contains(want), "{text:?}: {err}");
        }
    }
}
