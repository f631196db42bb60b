//! Every range a runner's input must fall in (CLI.md), in one place: the profile's
//! validation, the JSON Schema, the parser's messages and the flags all read these, so an
//! allowed value cannot be accepted by one and refused by another.

use std::ops::RangeInclusive;

/// Largest profile or week file read.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// Weekly minutes (`weekly_minutes`, `current_weekly_minutes`).
pub const WEEKLY_MINUTES: RangeInclusive<f64> = 30.0..=2400.0;
/// A day's cap (`max_minutes`).
pub const CAP_MINUTES: RangeInclusive<f64> = 20.0..=600.0;
/// A session's minutes (catalog overrides and WEEK strings).
pub const SESSION_MINUTES: RangeInclusive<f64> = 1.0..=600.0;
/// A session's RPE (catalog overrides).
pub const RPE: RangeInclusive<f64> = 1.0..=10.0;
/// Most hard sessions a week may ask for.
pub const MAX_HARD_SESSIONS: u8 = 4;
/// Most rest days (`min_rest_days`) and most days two plans may be asked to differ in
/// (`model.min_distance`).
pub const MAX_DAYS: u8 = 7;
/// `block.single_run_limit`: a multiple of the longest run of the previous 30 days.
pub const SINGLE_RUN_LIMIT: RangeInclusive<f64> = 1.0..=3.0;
/// Longest profile name, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Most weeks in a block.
pub const MAX_WEEKS: usize = 104;
/// Most profiles one `batch` plans.
pub const MAX_BATCH_PROFILES: usize = 100_000;
/// Largest JSON Lines input of `batch`.
pub const MAX_BATCH_BYTES: u64 = 100 * 1024 * 1024;
/// Longest line of JSON Lines (one profile; a profile file's own limit).
pub const MAX_LINE_BYTES: u64 = MAX_FILE_BYTES;
/// Build weeks per deload week in a block's pattern (`N:1`).
pub const PATTERN_BUILDS: RangeInclusive<u8> = 1..=6;
/// A runner's VDOT (`fitness.vdot`, and the VDOT a race result implies): below 20 is
/// slower than a brisk walk, above 90 faster than every world record.
pub const VDOT: RangeInclusive<f64> = 20.0..=90.0;
/// A race result's distance in metres (`fitness.result.distance`, `--result`): the races
/// Daniels' tables and the equations of PACES.md are fitted to, 1500 m to the marathon.
pub const RACE_METRES: RangeInclusive<f64> = 1500.0..=42195.0;

/// The `model:` overrides a profile may set, with their ranges: validation, the schema and
/// messages read this one table: name, range, unit. `min_distance` is a whole number.
pub const MODEL_PARAMS: [(&str, RangeInclusive<f64>, &str); 11] = [
    ("tau_fitness", 1.0..=365.0, " days"),
    ("tau_fatigue", 1.0..=90.0, " days"),
    ("tau_legs", 0.25..=14.0, " days"),
    ("easy_floor", 0.0..=1.0, ""),
    ("monotony_from", 0.5..=10.0, ""),
    ("monotony_limit", 0.5..=10.0, ""),
    ("fatigue_from", 0.5..=5.0, ""),
    ("fatigue_limit", 0.5..=5.0, ""),
    ("freshness_limit", 0.5..=10.0, ""),
    ("violation_penalty", 0.0..=100.0, ""),
    ("min_distance", 0.0..=MAX_DAYS as f64, " days"),
];

/// Fields earlier versions read that are gone, with what to do instead: the parser's
/// message for an unknown field says so rather than "check the spelling".
pub const REMOVED_FIELDS: [(&str, &str); 1] = [(
    "reference_intensity",
    "model version 1's hidden load target, removed in version 2: the volume component now compares the week's minutes with your current_weekly_minutes (docs/model.md); delete the line",
)];

/// The range and unit of a `model:` override by name.
#[must_use]
pub fn model_param(name: &str) -> Option<(&'static RangeInclusive<f64>, &'static str)> {
    MODEL_PARAMS
        .iter()
        .find(|(n, ..)| *n == name)
        .map(|(_, r, unit)| (r, *unit))
}

/// A range as messages write it: `30 to 2400 minutes`.
#[must_use]
pub fn span(range: &RangeInclusive<f64>, unit: &str) -> String {
    format!("{} to {}{unit}", range.start(), range.end())
}
