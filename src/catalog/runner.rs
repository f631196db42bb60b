//! The runner's level and goal: the catalog's minutes column, the defaults of docs/model.md, the
//! goal's intensity distribution and long-run cap. Names read whatever their case.

use super::Session;
use serde::{Deserialize, Serialize};

/// A runner's level: sets catalog minutes and the defaults of docs/model.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, clap::ValueEnum, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// New to structured training.
    Beginner,
    /// Some years of running, races regularly.
    #[default]
    Intermediate,
    /// High volume, experienced.
    Advanced,
}

impl Level {
    /// Column of the catalog's minutes.
    #[must_use]
    pub fn index(self) -> usize {
        self as usize
    }

    /// Default number of quality sessions (docs/model.md section 7).
    #[must_use]
    pub fn default_hard_sessions(self) -> u8 {
        match self {
            Level::Beginner => 1,
            Level::Intermediate | Level::Advanced => 2,
        }
    }

    /// Default minimum number of rest days (docs/model.md section 7).
    #[must_use]
    pub fn default_min_rest_days(self) -> u8 {
        match self {
            Level::Beginner => 2,
            Level::Intermediate => 1,
            Level::Advanced => 0,
        }
    }

    /// The id used in files and output.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Level::Beginner => "beginner",
            Level::Intermediate => "intermediate",
            Level::Advanced => "advanced",
        }
    }
}

/// The runner's goal: sets the intensity distribution and whether a long run is needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, clap::ValueEnum, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Goal {
    /// 5 km.
    #[value(name = "5k")]
    #[serde(rename = "5k")]
    FiveK,
    /// 10 km.
    #[value(name = "10k")]
    #[serde(rename = "10k")]
    TenK,
    /// Half marathon.
    #[default]
    Half,
    /// Marathon.
    Marathon,
    /// General fitness.
    General,
}

/// The ids of the levels, as a profile writes them.
pub(super) const LEVEL_IDS: &[&str] = &["beginner", "intermediate", "advanced"];
/// The ids of the goals, as a profile writes them.
pub(super) const GOAL_IDS: &[&str] = &["5k", "10k", "half", "marathon", "general"];

/// A name of a closed set as a runner writes it in a profile: case does not matter and
/// spaces around are trimmed, as for days and session names (`goal: 10K`, `level: Advanced`).
fn any_case<'de, D: serde::Deserializer<'de>, T: clap::ValueEnum>(
    deserializer: D,
    ids: &'static [&'static str],
) -> Result<T, D::Error> {
    let text = String::deserialize(deserializer)?;
    let name = text.trim();
    // A message of our own (not `unknown_variant`), so that the parser points at the value.
    T::from_str(name, true).map_err(|_| {
        serde::de::Error::custom(format!(
            "unknown value '{}'{}: use one of {}",
            crate::error::shown(name, 60),
            crate::error::suggestion(name, ids),
            ids.join(", ")
        ))
    })
}

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        any_case(deserializer, LEVEL_IDS)
    }
}

impl<'de> Deserialize<'de> for Goal {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        any_case(deserializer, GOAL_IDS)
    }
}

/// Zone targets of a distribution model (docs/model.md section 6).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Distribution {
    /// `pyramidal` or `polarized`.
    pub name: &'static str,
    /// Least share of zone 1.
    pub z1_min: f64,
    /// Largest share of zone 2.
    pub z2_max: f64,
    /// Largest share of zone 3.
    pub z3_max: f64,
}

/// What a goal's race needs of the week's sessions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Needs {
    /// The most specific session: 0.5 of `specificity` when missing from a week with a
    /// quality session.
    pub first: Option<Session>,
    /// The next: 0.25 when missing from a week with two quality sessions or more.
    pub second: Option<Session>,
    /// Sessions the goal does not want: 0.5 each.
    pub off_goal: [Option<Session>; 2],
    /// What the first moderate run costs of `sessions` (the next ones 0.25 each).
    pub first_moderate: f64,
}

/// The midweek workout types whose repeats cost `specificity` 0.25 each.
pub const WORKOUTS: [Session; 4] = [
    Session::Tempo,
    Session::Intervals,
    Session::Hills,
    Session::Marathon,
];

impl Goal {
    /// The id used in files and output.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Goal::FiveK => "5k",
            Goal::TenK => "10k",
            Goal::Half => "half",
            Goal::Marathon => "marathon",
            Goal::General => "general",
        }
    }

    /// Pyramidal for half, marathon and general goals; polarized for 5k and 10k
    /// (Seiler and Tonnessen 2009).
    #[must_use]
    pub fn distribution(self) -> Distribution {
        match self {
            Goal::FiveK | Goal::TenK => Distribution {
                name: "polarized",
                z1_min: 0.75,
                z2_max: 0.08,
                z3_max: 0.20,
            },
            Goal::Half | Goal::Marathon | Goal::General => Distribution {
                name: "pyramidal",
                z1_min: 0.75,
                z2_max: 0.20,
                z3_max: 0.08,
            },
        }
    }

    /// The sessions the goal's race needs and the ones it does not (docs/model.md,
    /// "Specificity"): Daniels; Pfitzinger and Latter; Pfitzinger and Douglas; Higdon.
    #[must_use]
    pub fn needs(self) -> Needs {
        let off_short = [Some(Session::Marathon), Some(Session::LongFast)];
        let (first, second, off_goal) = match self {
            Goal::FiveK => (Some(Session::Intervals), Some(Session::Hills), off_short),
            Goal::TenK => (Some(Session::Tempo), Some(Session::Intervals), off_short),
            Goal::Half => (Some(Session::Tempo), Some(Session::LongFast), [None; 2]),
            Goal::Marathon => (Some(Session::Marathon), Some(Session::Tempo), [None; 2]),
            Goal::General => (None, None, [None; 2]),
        };
        let first_moderate = if matches!(self, Goal::Marathon | Goal::General) {
            0.10
        } else {
            0.25
        };
        Needs {
            first,
            second,
            off_goal,
            first_moderate,
        }
    }

    /// The half and marathon goals need a long run; 5k, 10k and general do not.
    #[must_use]
    pub fn needs_long_run(self) -> bool {
        matches!(self, Goal::Half | Goal::Marathon)
    }

    /// Longest allowed long run in minutes, the `long_run_cap` constraint (docs/model.md,
    /// "Hard constraints"): 5k 120, 10k 135, general 150 (Daniels), half 165 (Pfitzinger's
    /// 16-17 miles), marathon 210/200/180 by level (the peak long run of Higdon's and
    /// Pfitzinger's plans at the level's long-run pace).
    #[must_use]
    pub fn long_run_cap(self, level: Level) -> f64 {
        match self {
            Goal::FiveK => 120.0,
            Goal::TenK => 135.0,
            Goal::General => 150.0,
            Goal::Half => 165.0,
            Goal::Marathon => [210.0, 200.0, 180.0][level.index()],
        }
    }

    /// The goal's range `(lo, hi)` for the long run of the minutes rule (docs/model.md,
    /// "Minutes"): lo by goal, hi by goal and level.
    #[must_use]
    pub fn long_run_range(self, level: Level) -> (f64, f64) {
        let (lo, hi) = match self {
            Goal::FiveK => (45.0, [75.0, 90.0, 105.0]),
            Goal::TenK => (60.0, [90.0, 105.0, 120.0]),
            Goal::Half => (75.0, [120.0, 135.0, 150.0]),
            Goal::Marathon => (90.0, [210.0, 180.0, 180.0]),
            Goal::General => (60.0, [90.0, 120.0, 150.0]),
        };
        (lo, hi[level.index()])
    }

    /// Minutes of a `race` for the goal's distance and the runner's level: a typical
    /// finishing time and a 20-minute warm-up (docs/model.md, "Minutes").
    #[must_use]
    pub fn race_minutes(self, level: Level) -> f64 {
        let by_level = match self {
            Goal::FiveK => [55.0, 45.0, 40.0],
            Goal::TenK => [85.0, 70.0, 60.0],
            Goal::Half => [170.0, 135.0, 115.0],
            Goal::Marathon => [330.0, 270.0, 225.0],
            Goal::General => [40.0, 45.0, 50.0],
        };
        by_level[level.index()]
    }
}
