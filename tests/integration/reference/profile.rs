//! The runner's profile as CLI.md's profile file defines it (the fields the model reads),
//! with the defaults of CLI.md and MODEL.md v2 §6, and the counts that §2, §5 and §10 derive
//! from it.

use super::catalog::{Level, Session};

/// Weekday ids, Monday first (CLI.md: `mon`..`sun`, full names and capitals accepted).
pub const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A day name as CLI.md accepts it: `mon` or `monday`, in any case.
pub fn parse_day(text: &str) -> Option<usize> {
    const FULL: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let name = text.trim().to_ascii_lowercase();
    (0..7).find(|&d| DAYS[d] == name || FULL[d] == name)
}

/// CLI.md `long_run_day`: omitted (the search picks the day), a day, or `none`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LongRunDay {
    #[default]
    Any,
    On(usize),
    NoLongRun,
}

/// The profile fields the model reads. `None` and empty fields take their defaults.
#[derive(Clone, Debug, Default)]
pub struct Profile {
    /// `weekly_minutes`: T*, the week's target volume (§2). Without it, catalog minutes.
    pub weekly_minutes: Option<f64>,
    /// `current_weekly_minutes` (default: `weekly_minutes`, CLI.md).
    pub current_weekly_minutes: Option<f64>,
    /// `hard_sessions` (default B 1, I 2, A 2, §6).
    pub hard_sessions: Option<usize>,
    pub long_run_day: LongRunDay,
    /// `min_rest_days` (default B 2, I 1, A 0, §6).
    pub min_rest_days: Option<usize>,
    /// `available_days` (default: every day).
    pub available_days: Option<[bool; 7]>,
    /// `rest_days`: days that must be rest.
    pub rest_days: [bool; 7],
    /// `max_minutes`: per-day time caps.
    pub max_minutes: [Option<f64>; 7],
    /// `fixed`: the session that must stay on a day.
    pub fixed: [Option<Session>; 7],
    /// `avoid`: sessions not wanted on a day.
    pub avoid: [Vec<Session>; 7],
    /// `allow_back_to_back` (default false).
    pub allow_back_to_back: bool,
}

impl Profile {
    /// The usual minutes that `volume_ratio` and C0 compare with (§4): the profile's
    /// `current_weekly_minutes`, else its `weekly_minutes`.
    pub fn current(&self) -> Option<f64> {
        self.current_weekly_minutes.or(self.weekly_minutes)
    }

    /// §6 `hard_sessions`, with the level's default.
    pub fn hard_sessions(&self, level: Level) -> usize {
        self.hard_sessions.unwrap_or([1, 2, 2][level.column()])
    }

    /// §6 `rest_days`: `min_rest_days`, with the level's default.
    pub fn min_rest_days(&self, level: Level) -> usize {
        self.min_rest_days.unwrap_or([2, 1, 0][level.column()])
    }

    /// §10 "A day the runner could have trained": available and not in `rest_days`.
    pub fn trainable(&self) -> [bool; 7] {
        let available = self.available_days.unwrap_or([true; 7]);
        std::array::from_fn(|d| available[d] && !self.rest_days[d])
    }

    /// The number of unavailable days, the profile's `rest_days` counted as unavailable
    /// (§10 "Running days n").
    pub fn unavailable_days(&self) -> usize {
        self.trainable().iter().filter(|&&t| !t).count()
    }

    /// The rest days the profile implies: `max(min_rest_days, unavailable days)` (§2, §5
    /// rhythm).
    pub fn usual_rest_days(&self, level: Level) -> usize {
        self.min_rest_days(level).max(self.unavailable_days())
    }

    /// §2 / §10: the runner's running days n = `7 - max(min_rest_days, unavailable days)`.
    pub fn running_days(&self, level: Level) -> usize {
        7usize.saturating_sub(self.usual_rest_days(level))
    }
}
