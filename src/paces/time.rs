//! Race times as runners write them, `mm:ss` or `h:mm:ss` (`42:30`, `1:35:00`, `12:35.36`),
//! and as output shows them: whole seconds, `m:ss` under an hour, `h:mm:ss` from an hour.

use std::fmt;
use std::str::FromStr;

use super::PaceError;
use crate::error::shown;

/// A race time, in seconds (more than zero).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct RaceTime(f64);

impl RaceTime {
    /// A time of `seconds`, which must be finite and above zero.
    ///
    /// # Errors
    /// [`PaceError::Time`] for zero, a negative or a non-finite number.
    pub fn from_seconds(seconds: f64) -> Result<Self, PaceError> {
        if seconds.is_finite() && seconds > 0.0 {
            Ok(RaceTime(seconds))
        } else {
            Err(PaceError::Time {
                text: seconds.to_string(),
                reason: "a race takes more than zero seconds".to_string(),
            })
        }
    }

    /// The time in seconds.
    #[must_use]
    pub fn seconds(self) -> f64 {
        self.0
    }

    /// The time in minutes, as the equations take it.
    #[must_use]
    pub fn minutes(self) -> f64 {
        self.0 / 60.0
    }
}

impl fmt::Display for RaceTime {
    /// Whole seconds: `19:56`, `1:31:31`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&clock(self.0))
    }
}

/// `seconds` rounded to whole seconds and written `m:ss` under an hour, `h:mm:ss` from an
/// hour on (`19:56`, `4:15`, `1:31:31`). The rounding comes first, so 3599.6 s is `1:00:00`.
#[must_use]
pub fn clock(seconds: f64) -> String {
    let total = seconds.round().max(0.0) as u64;
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// What a time may look like, for messages.
const FORMS: &str = "write mm:ss or h:mm:ss, such as 42:30 or 1:35:00 (seconds may have decimals: 12:35.36)";

impl FromStr for RaceTime {
    type Err = PaceError;

    /// `mm:ss` (minutes may pass 59: `95:00`) or `h:mm:ss`; seconds two digits below 60,
    /// with decimals if wanted; spaces around are trimmed.
    fn from_str(text: &str) -> Result<Self, PaceError> {
        let bad = |reason: &str| PaceError::Time {
            text: shown(text.trim(), 40),
            reason: if reason.is_empty() {
                FORMS.to_string()
            } else {
                format!("{reason}; {FORMS}")
            },
        };
        let parts: Vec<&str> = text.trim().split(':').collect();
        let (hours, minutes, seconds) = match parts[..] {
            [m, s] => ("0", m, s),
            [h, m, s] => (h, m, s),
            _ => return Err(bad("")),
        };
        let whole = |p: &str| !p.is_empty() && p.len() <= 6 && p.bytes().all(|b| b.is_ascii_digit());
        let (sec_whole, sec_fraction) = seconds.split_once('.').unwrap_or((seconds, "0"));
        if !(whole(hours) && whole(minutes) && whole(sec_whole) && whole(sec_fraction)) {
            return Err(bad(""));
        }
        if sec_whole.len() != 2 || (parts.len() == 3 && minutes.len() != 2) {
            return Err(bad(
                "minutes and seconds after a colon take two digits (20:05, 1:05:00)",
            ));
        }
        let number = |p: &str| p.parse::<f64>().unwrap_or(f64::NAN);
        let (h, m, s) = (
            number(hours),
            number(minutes),
            number(&format!("{sec_whole}.{sec_fraction}")),
        );
        if s >= 60.0 || (parts.len() == 3 && m >= 60.0) {
            return Err(bad("minutes and seconds after a colon must be below 60"));
        }
        let total = h * 3600.0 + m * 60.0 + s;
        if total <= 0.0 {
            return Err(bad("a race takes more than zero seconds"));
        }
        Ok(RaceTime(total))
    }
}

impl<'de> serde::Deserialize<'de> for RaceTime {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for RaceTime {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RaceTime".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "The race time: mm:ss or h:mm:ss, such as \"42:30\" or \"1:35:00\" (quote it: some YAML readers take 42:30 for a number).",
            "pattern": r"^\s*(?:[0-9]{1,6}:[0-5][0-9]:[0-5][0-9]|[0-9]{1,6}:[0-5][0-9])(?:\.[0-9]{1,6})?\s*$",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_runners_write_them() {
        let cases = [
            ("42:30", 2550.0),
            (" 1:35:00 ", 5700.0),
            ("0:19:56", 1196.0),
            ("95:00", 5700.0),
            ("12:35.36", 755.36),
            ("2:00:35", 7235.0),
            ("3:26.0", 206.0),
        ];
        for (text, seconds) in cases {
            let t: RaceTime = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
            assert!((t.seconds() - seconds).abs() < 1e-9, "{text}: {}", t.seconds());
        }
    }

    #[test]
    fn bad_times_say_the_forms() {
        let cases = [
            ("42", "42:30 or 1:35:00"),
            ("", "42:30 or 1:35:00"),
            ("1:2:3:4", "42:30 or 1:35:00"),
            ("20:5", "two digits"),
            ("1:5:00", "two digits"),
            ("20:75", "below 60"),
            ("1:75:00", "below 60"),
            ("0:00", "more than zero"),
            ("-20:00", "42:30 or 1:35:00"),
            ("20:00pm", "42:30 or 1:35:00"),
            ("20.5:00", "42:30 or 1:35:00"),
            ("1e3:00", "42:30 or 1:35:00"),
            ("20:00.", "42:30 or 1:35:00"),
            ("9999999:00", "42:30 or 1:35:00"),
        ];
        for (text, want) in cases {
            let e = text.parse::<RaceTime>().unwrap_err().to_string();
            assert!(e.contains(want), "{text:?}: {e}");
            assert!(
                e.contains("is not a race time") && e.contains("mm:ss or h:mm:ss"),
                "{text:?}: {e}"
            );
        }
    }

    #[test]
    fn a_time_in_seconds_is_finite_and_above_zero() {
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            let e = RaceTime::from_seconds(bad).unwrap_err().to_string();
            assert!(e.contains("more than zero seconds"), "{bad}: {e}");
        }
        assert_eq!(RaceTime::from_seconds(0.5).map(RaceTime::seconds), Ok(0.5));
    }

    #[test]
    fn clocks_round_to_whole_seconds_and_show_hours_only_when_there_are_any() {
        assert_eq!(clock(1196.02), "19:56");
        assert_eq!(clock(255.5), "4:16");
        assert_eq!(clock(59.4), "0:59");
        assert_eq!(clock(3599.6), "1:00:00");
        assert_eq!(clock(5491.2), "1:31:31");
        assert_eq!(clock(11_439.74), "3:10:40");
        assert_eq!(RaceTime(1200.0).to_string(), "20:00");
    }
}
