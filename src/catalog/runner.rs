//! The runner's level and goal: the catalog's minutes column, the defaults of MODEL.md, the
//! goal's intensity distribution and long-run cap. Names read whatever their case.

use serde::{Deserialize, Serialize};

/// A runner's level: sets catalog minutes and the defaults of MODEL.md.
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

    /// Default number of quality sessions (MODEL.md section 6).
    #[must_use]
    pub fn default_hard_sessions(self) -> u8 {
        match self {
            Level::Beginner => 1,
            Level::Intermediate | Level::Advanced => 2,
        }
    }

    /// Default minimum number of rest days (MODEL.md section 6).
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

/// Zone targets of a distribution model (MODEL.md section 5).
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

    /// The half and marathon goals need a long run; 5k, 10k and general do not.
    #[must_use]
    pub fn needs_long_run(self) -> bool {
        matches!(self, Goal::Half | Goal::Marathon)
    }

    /// Longest allowed long run in minutes (Daniels: 150; 180 for a marathon goal).
    #[must_use]
    pub fn long_run_cap(self) -> f64 {
        if self == Goal::Marathon { 180.0 } else { 150.0 }
    }
}
