//! The profile's `block:` section: defaults for `weekwright block` (weeks, pattern, dates,
//! the single-run limit), checked and parsed once.

use serde::{Deserialize, Serialize};

use super::validate::{check_range, field_err};
use crate::catalog::Level;
use crate::error::InputError;
use crate::limits::{MAX_WEEKS, PATTERN_BUILDS, SINGLE_RUN_LIMIT};

/// The `block:` section: defaults for `weekwright block`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BlockSection {
    /// Number of weeks (1 to 104).
    #[schemars(range(min = 1, max = MAX_WEEKS))]
    pub weeks: Option<u32>,
    /// Build:deload pattern, such as "3:1" or "2:1" (default: 2:1 for beginners, else 3:1).
    pub pattern: Option<String>,
    /// First Monday of the block, YYYY-MM-DD.
    #[schemars(extend("format" = "date"))]
    pub start: Option<String>,
    /// Race day, YYYY-MM-DD, after the start.
    #[schemars(extend("format" = "date"))]
    pub race_date: Option<String>,
    /// Longest run allowed, as a multiple of the longest run of the previous 30 days (1.0 to
    /// 3.0; default 1.10, the single-run rule). Raise it to relax the rule.
    pub single_run_limit: Option<f64>,
}

/// A block's rhythm of build and deload weeks, from `block.pattern`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pattern {
    /// Build weeks before each deload week (1 to 6).
    pub builds: u8,
}

impl Pattern {
    /// `3:1` for intermediate and advanced runners, `2:1` for beginners.
    #[must_use]
    pub fn for_level(level: Level) -> Self {
        Pattern {
            builds: if level == Level::Beginner { 2 } else { 3 },
        }
    }

    /// Parse `N:1` with N from 1 to 6.
    ///
    /// # Errors
    /// A message that shows the form to use.
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad =
            || format!("'{text}' is not a pattern: write build:deload weeks as 3:1 or 2:1 (1:1 to 6:1)");
        let (b, d) = text.trim().split_once(':').ok_or_else(bad)?;
        let builds: u8 = b.trim().parse().map_err(|_| bad())?;
        if d.trim() != "1" || !PATTERN_BUILDS.contains(&builds) {
            return Err(bad());
        }
        Ok(Pattern { builds })
    }
}

/// The `block:` section checked and parsed: what `weekwright block` reads.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct BlockDefaults {
    /// Number of weeks.
    pub weeks: Option<usize>,
    /// Build:deload pattern (default: the level's).
    pub pattern: Option<Pattern>,
    /// First Monday of the block.
    pub start: Option<jiff::civil::Date>,
    /// Race day, after the start.
    pub race: Option<jiff::civil::Date>,
    /// Longest run allowed, as a multiple of the longest of the previous 30 days.
    pub single_run_limit: Option<f64>,
}

/// Check and parse the `block:` section: weeks in range, a pattern `N:1`, dates that exist,
/// a start on a Monday, a race after the start, and weeks that agree with both dates.
pub(super) fn check_block(source: &str, block: &BlockSection) -> Result<BlockDefaults, InputError> {
    if let Some(w) = block.weeks
        && !(1..=MAX_WEEKS as u32).contains(&w)
    {
        return Err(field_err(
            source,
            "block.weeks",
            format!("{w} is out of range: use 1 to {MAX_WEEKS}"),
        ));
    }
    let pattern = block
        .pattern
        .as_deref()
        .map(|p| Pattern::parse(p).map_err(|m| field_err(source, "block.pattern", m)))
        .transpose()?;
    let start = block
        .start
        .as_deref()
        .map(|s| crate::dates::parse_monday(s).map_err(|m| field_err(source, "block.start", m)))
        .transpose()?;
    let race = block
        .race_date
        .as_deref()
        .map(|s| crate::dates::parse_date(s).map_err(|m| field_err(source, "block.race_date", m)))
        .transpose()?;
    if let (Some(start), Some(race)) = (start, race)
        && race <= start
    {
        return Err(field_err(
            source,
            "block.race_date",
            format!("{race} is not after the block's start {start}: give a later race or an earlier start"),
        ));
    }
    // The dates settle the weeks, as they do on the command line (`--weeks` with `--start`
    // and `--race`): a count that disagrees with them is a contradiction, not a default.
    if let (Some(w), Some(start), Some(race)) = (block.weeks, start, race) {
        let weeks = crate::dates::days_between(start, race) / 7 + 1;
        if i64::from(w) != weeks {
            return Err(field_err(
                source,
                "block.weeks",
                format!(
                    "{w} weeks contradict block.start {start} and block.race_date {race}, which make a block of {weeks} weeks (the race falls in week {weeks}): set block.weeks to {weeks}, or remove it and let the dates set the weeks"
                ),
            ));
        }
    }
    if let Some(limit) = block.single_run_limit {
        check_range(source, "block.single_run_limit", limit, &SINGLE_RUN_LIMIT, "")?;
    }
    Ok(BlockDefaults {
        weeks: block.weeks.map(|w| w as usize),
        pattern,
        start,
        race,
        single_run_limit: block.single_run_limit,
    })
}
