//! A runner's fitness and training paces, from Daniels and Gilbert's equations (PACES.md):
//! VDOT from a race result, the race times a VDOT implies, and the paces E, M, T, I and R.
//!
//! ```
//! use weekwright::paces::{Fitness, Units};
//!
//! let fitness = Fitness::from_result("5k=20:00".parse()?)?;
//! assert!((fitness.vdot() - 49.8062).abs() < 1e-4);
//! let paces = fitness.paces();
//! // Threshold pace: 4:16 per km, 6:52 per mile.
//! assert_eq!(paces.threshold.display(Units::Km), "4:16");
//! assert_eq!(paces.threshold.display(Units::Mi), "6:52");
//! # Ok::<(), weekwright::paces::PaceError>(())
//! ```
//!
//! A pace is the speed at a fraction of VDOT taken as a VO2 (PACES.md): E from 0.7346 (its
//! fast end) to 0.6304 (its slow end), T 0.8799, I 0.9743, single fractions fitted to
//! Daniels' printed tables (the tlgs/vdot analysis) rather than Daniels' own ranges (E 59-74
//! %, T 83-88 %, I 95-100 % of VO2max), so that each pace is one number a workout can target.
//! M is the equivalent marathon's pace, and R is I less 15 s per km (6 s per 400 m).

mod distance;
mod equations;
pub mod records;
mod time;

use serde::Deserialize;

pub use distance::{Distance, MILE_METRES, NAMED as NAMED_DISTANCES};
pub use time::{RaceTime, clock};

use crate::error::shown;
use crate::limits::{RACE_METRES, VDOT};

/// Fractions of VDOT taken as a VO2 for the training paces (PACES.md, fitted to Daniels'
/// printed tables).
pub mod fractions {
    /// E's slow end (easy and recovery running).
    pub const EASY_SLOW: f64 = 0.6304;
    /// E's fast end.
    pub const EASY_FAST: f64 = 0.7346;
    /// T, threshold: tempo runs and cruise intervals.
    pub const THRESHOLD: f64 = 0.8799;
    /// I, interval: VO2max repeats of 3 to 5 minutes.
    pub const INTERVAL: f64 = 0.9743;
}

/// R is I pace less this many seconds per km (6 s per 400 m).
pub const REPETITION_GAIN_PER_KM: f64 = 15.0;

/// Why a fitness cannot be read. Messages say the allowed forms; the caller names the flag
/// or the field.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PaceError {
    /// A distance that is no name and no number with a unit.
    #[error("unknown distance '{text}'{suggestion}: {forms}")]
    Distance {
        /// What was written.
        text: String,
        /// ` (did you mean 'x'?)` or nothing.
        suggestion: String,
        /// The forms allowed.
        forms: String,
    },
    /// A distance outside 1500 m to 42,195 m.
    #[error(
        "{} m is out of range: use a race from {} m to {} km (the equations are fitted to races from 1500 m to the marathon)",
        crate::error::shown(&metres.to_string(), 20), RACE_METRES.start(), RACE_METRES.end() / 1000.0
    )]
    DistanceRange {
        /// The distance given, in metres.
        metres: f64,
    },
    /// A time that does not parse.
    #[error("'{text}' is not a race time: {reason}")]
    Time {
        /// What was written.
        text: String,
        /// What is wrong, and the forms.
        reason: String,
    },
    /// A result that is not `DIST=TIME`.
    #[error("'{text}' is not a race result: write DIST=TIME, such as 10k=42:30 or half=1:35:00")]
    Result {
        /// What was written.
        text: String,
    },
    /// A result faster than the men's world record for its distance ([`records`]).
    #[error(
        "{result} is faster than the world record ({record}): check the distance and the time (mm:ss or h:mm:ss)"
    )]
    WorldRecord {
        /// The result (`10k in 25:00`).
        result: String,
        /// The record, in words.
        record: String,
    },
    /// A VDOT, given or implied by a result, outside 20 to 90.
    #[error("{}", vdot_message(*.vdot, .given.as_deref()))]
    Vdot {
        /// The VDOT.
        vdot: f64,
        /// The result it comes from (`5k in 9:00`), if any.
        given: Option<String>,
    },
}

/// The message of [`PaceError::Vdot`].
fn vdot_message(vdot: f64, given: Option<&str>) -> String {
    let (low, high) = (VDOT.start(), VDOT.end());
    let value = if vdot.abs() < 1e6 {
        format!("{vdot:.1}")
    } else {
        format!("{vdot:e}")
    };
    match given {
        Some(result) => format!(
            "{result} gives a VDOT of {value}, out of range: a result must give {low} to {high}; check the distance and the time (mm:ss or h:mm:ss)"
        ),
        None => format!("VDOT {value} is out of range: use {low} to {high}"),
    }
}

/// Units of paces and distances (`units:`, `--units`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, clap::ValueEnum, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Units {
    /// Kilometres: paces per km.
    #[default]
    Km,
    /// Miles: paces per mile.
    Mi,
}

impl Units {
    /// The id used in files and output.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Units::Km => "km",
            Units::Mi => "mi",
        }
    }

    /// Metres in one unit.
    #[must_use]
    pub fn metres(self) -> f64 {
        match self {
            Units::Km => 1000.0,
            Units::Mi => MILE_METRES,
        }
    }
}

impl<'de> Deserialize<'de> for Units {
    /// `km` or `mi`, whatever the case, spaces around trimmed.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        <Units as clap::ValueEnum>::from_str(text.trim(), true).map_err(|_| {
            serde::de::Error::custom(format!(
                "unknown units '{}': use km or mi",
                shown(text.trim(), 40)
            ))
        })
    }
}

/// A pace, in seconds per km (convert with [`Pace::per`] and [`Pace::per_400m`]).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Pace(pub f64);

impl Pace {
    /// The pace of `metres_per_minute`.
    #[must_use]
    pub fn of_speed(metres_per_minute: f64) -> Self {
        Pace(60_000.0 / metres_per_minute)
    }

    /// Seconds per km.
    #[must_use]
    pub fn seconds_per_km(self) -> f64 {
        self.0
    }

    /// Seconds per km or per mile.
    #[must_use]
    pub fn per(self, units: Units) -> f64 {
        self.0 * units.metres() / 1000.0
    }

    /// Seconds per 400 m (a lap of the track).
    #[must_use]
    pub fn per_400m(self) -> f64 {
        self.0 * 0.4
    }

    /// As output shows it: `m:ss` per km or per mile, rounded to the second.
    #[must_use]
    pub fn display(self, units: Units) -> String {
        clock(self.per(units))
    }
}

/// The training paces of a VDOT (PACES.md, "Training paces").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paces {
    /// E, easy: from its fast end to its slow end.
    pub easy: [Pace; 2],
    /// M, marathon: the equivalent marathon's pace.
    pub marathon: Pace,
    /// T, threshold.
    pub threshold: Pace,
    /// I, interval.
    pub interval: Pace,
    /// R, repetition: I less 15 s per km.
    pub repetition: Pace,
}

/// A race result: a distance run in a time.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RaceResult {
    /// The race's distance: 1500m, mile, 3k, 5k, 8k, 10k, 15k, 10mi, half, marathon, or a
    /// number with m, km or mi.
    pub distance: Distance,
    /// The race's time: mm:ss or h:mm:ss.
    pub time: RaceTime,
}

impl std::fmt::Display for RaceResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} in {}", self.distance, self.time)
    }
}

impl std::str::FromStr for RaceResult {
    type Err = PaceError;

    /// `DIST=TIME`: `10k=42:30`, `half = 1:35:00`.
    fn from_str(text: &str) -> Result<Self, PaceError> {
        let (distance, time) = text.split_once('=').ok_or_else(|| PaceError::Result {
            text: shown(text.trim(), 40),
        })?;
        Ok(RaceResult {
            distance: distance.parse()?,
            time: time.parse()?,
        })
    }
}

/// A runner's aerobic fitness: a VDOT, from a race result or given.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fitness {
    vdot: f64,
    result: Option<RaceResult>,
}

impl Fitness {
    /// The fitness a race result implies: VDOT = VO2(d / t) / %max(t).
    ///
    /// # Errors
    /// [`PaceError::Vdot`] when the VDOT falls outside 20 to 90;
    /// [`PaceError::WorldRecord`] when the result beats the men's world record.
    pub fn from_result(result: RaceResult) -> Result<Self, PaceError> {
        let vdot = equations::vdot(result.distance.metres(), result.time.minutes());
        if !(vdot.is_finite() && VDOT.contains(&vdot)) {
            return Err(PaceError::Vdot {
                vdot,
                given: Some(result.to_string()),
            });
        }
        if let Some(record) = records::beaten(result.distance, result.time.seconds()) {
            return Err(PaceError::WorldRecord {
                result: result.to_string(),
                record,
            });
        }
        Ok(Fitness {
            vdot,
            result: Some(result),
        })
    }

    /// A fitness given as a VDOT.
    ///
    /// # Errors
    /// [`PaceError::Vdot`] outside 20 to 90.
    pub fn from_vdot(vdot: f64) -> Result<Self, PaceError> {
        if !(vdot.is_finite() && VDOT.contains(&vdot)) {
            return Err(PaceError::Vdot { vdot, given: None });
        }
        Ok(Fitness { vdot, result: None })
    }

    /// The VDOT.
    #[must_use]
    pub fn vdot(&self) -> f64 {
        self.vdot
    }

    /// The race result the VDOT comes from, if it was given as one.
    #[must_use]
    pub fn result(&self) -> Option<RaceResult> {
        self.result
    }

    /// The time this fitness runs `distance` in: the t that solves VDOT(d, t) = VDOT, to
    /// well under a millisecond.
    #[must_use]
    pub fn race_time(&self, distance: Distance) -> RaceTime {
        RaceTime::from_seconds(60.0 * equations::race_minutes(distance.metres(), self.vdot))
            .unwrap_or_else(|_| unreachable!("a race at a VDOT of 20 to 90 takes minutes"))
    }

    /// The pace at `fraction` of VDOT taken as a VO2.
    fn pace_at(&self, fraction: f64) -> Pace {
        Pace::of_speed(equations::velocity(fraction * self.vdot))
    }

    /// The training paces E, M, T, I and R.
    #[must_use]
    pub fn paces(&self) -> Paces {
        let marathon = self.race_time(Distance::MARATHON).seconds() / (Distance::MARATHON.metres() / 1000.0);
        let interval = self.pace_at(fractions::INTERVAL);
        Paces {
            easy: [
                self.pace_at(fractions::EASY_FAST),
                self.pace_at(fractions::EASY_SLOW),
            ],
            marathon: Pace(marathon),
            threshold: self.pace_at(fractions::THRESHOLD),
            interval,
            repetition: Pace(interval.0 - REPETITION_GAIN_PER_KM),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_gives_the_vdot_of_paces_md() {
        let f = Fitness::from_result("5k=27:00".parse().unwrap()).unwrap();
        assert!((f.vdot() - 34.963_219_66).abs() < 1e-8, "{}", f.vdot());
        assert_eq!(f.result().unwrap().to_string(), "5k in 27:00");
    }

    #[test]
    fn results_and_vdots_out_of_range_say_the_range_and_what_to_check() {
        let e = Fitness::from_result("5k=9:00".parse().unwrap())
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("5k in 9:00 gives a VDOT of 1"), "{e}");
        assert!(e.contains("20 to 90") && e.contains("mm:ss"), "{e}");
        let e = Fitness::from_result("marathon=9:00:00".parse().unwrap()).unwrap_err();
        assert!(e.to_string().contains("20 to 90"), "{e}");
        for v in [19.9, 90.1, f64::NAN, f64::INFINITY] {
            let e = Fitness::from_vdot(v).unwrap_err().to_string();
            assert!(e.contains("use 20 to 90"), "{v}: {e}");
        }
        assert!(Fitness::from_vdot(20.0).is_ok() && Fitness::from_vdot(90.0).is_ok());
    }

    #[test]
    fn a_result_is_dist_equals_time() {
        let r: RaceResult = " half = 1:35:00 ".parse().unwrap();
        assert_eq!((r.distance, r.time.seconds()), (Distance::HALF, 5700.0));
        let e = "10k 42:30".parse::<RaceResult>().unwrap_err().to_string();
        assert!(e.contains("DIST=TIME"), "{e}");
        assert!(
            "10k="
                .parse::<RaceResult>()
                .unwrap_err()
                .to_string()
                .contains("mm:ss")
        );
        assert!(
            "=42:30"
                .parse::<RaceResult>()
                .unwrap_err()
                .to_string()
                .contains("10mi")
        );
    }

    #[test]
    fn units_read_whatever_the_case() {
        let u: Units = serde_json::from_str("\" MI \"").unwrap();
        assert_eq!(u, Units::Mi);
        let e = serde_json::from_str::<Units>("\"miles\"")
            .unwrap_err()
            .to_string();
        assert!(e.contains("use km or mi"), "{e}");
    }
}
