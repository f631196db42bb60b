//! The profile file of CLI.md: strict serde types (an unknown field is an error), the
//! defaults of MODEL.md, and validation into the domain types the engine reads.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, Goal, Level, Session};
use crate::error::{InputError, shown};
use crate::limits::{
    CAP_MINUTES, MAX_DAYS, MAX_FILE_BYTES, MAX_HARD_SESSIONS, MAX_NAME_CHARS, MAX_WEEKS, MODEL_PARAMS,
    PATTERN_BUILDS, RPE, SESSION_MINUTES, SINGLE_RUN_LIMIT, WEEKLY_MINUTES,
};
use crate::minutes::LONG_MIN;
use crate::model::{LongRunRule, ModelParams, Rules};
use crate::week::Day;
use crate::yaml::{has_no_content, parse_yaml, read_limited};

/// `long_run_day`: a day, or `none` for a week without a long run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LongRunDay {
    /// The long run goes on this day.
    Day(Day),
    /// No long run.
    None,
}

impl<'de> Deserialize<'de> for LongRunDay {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        if s.trim().eq_ignore_ascii_case("none") {
            return Ok(LongRunDay::None);
        }
        s.parse()
            .map(LongRunDay::Day)
            .map_err(|e: String| serde::de::Error::custom(format!("{e}, or none for no long run")))
    }
}

impl schemars::JsonSchema for LongRunDay {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "LongRunDay".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "The long run's day (mon..sun), or none for a week without a long run.",
        })
    }
}

/// A catalog override: `sessions: {intervals: {minutes: 55, rpe: 8}}`.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionOverride {
    /// Minutes of the session at every level (1 to 600).
    #[schemars(range(min = *SESSION_MINUTES.start(), max = *SESSION_MINUTES.end()))]
    pub minutes: Option<f64>,
    /// Session RPE, load per minute (1 to 10).
    #[schemars(range(min = *RPE.start(), max = *RPE.end()))]
    pub rpe: Option<f64>,
}

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
fn check_block(source: &str, block: &BlockSection) -> Result<BlockDefaults, InputError> {
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

/// The profile file as written. Every field but `weekly_minutes` has a default.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "weekwright profile",
    description = "A runner's constraints for weekwright."
)]
pub struct ProfileFile {
    /// Shown in the output (at most 200 characters).
    #[schemars(length(max = MAX_NAME_CHARS))]
    pub name: Option<String>,
    /// beginner | intermediate | advanced (default intermediate).
    pub level: Option<Level>,
    /// 5k | 10k | half | marathon | general (default half).
    pub goal: Option<Goal>,
    /// Target volume for the week in minutes (30 to 2400). Required.
    #[schemars(range(min = *WEEKLY_MINUTES.start(), max = *WEEKLY_MINUTES.end()))]
    pub weekly_minutes: f64,
    /// Recent average weekly minutes (30 to 2400; default: weekly_minutes).
    #[schemars(range(min = *WEEKLY_MINUTES.start(), max = *WEEKLY_MINUTES.end()))]
    pub current_weekly_minutes: Option<f64>,
    /// Days the runner can train (default: every day).
    pub available_days: Option<Vec<Day>>,
    /// Quality sessions a week, long run not counted (0 to 4; default by level: 1, 2, 2).
    #[schemars(range(max = MAX_HARD_SESSIONS))]
    pub hard_sessions: Option<u8>,
    /// The long run's day; omitted: the search picks; none: no long run.
    pub long_run_day: Option<LongRunDay>,
    /// Least number of rest days (0 to 7; default by level: 2, 1, 0).
    #[schemars(range(max = 7))]
    pub min_rest_days: Option<u8>,
    /// Days that must be rest.
    pub rest_days: Option<Vec<Day>>,
    /// Per-day time caps in minutes (20 to 600).
    pub max_minutes: Option<BTreeMap<Day, f64>>,
    /// Sessions that must stay, such as a club night: `{tue: intervals}`.
    pub fixed: Option<BTreeMap<Day, String>>,
    /// Sessions not wanted on a day: `{fri: [intervals, hills]}`.
    pub avoid: Option<BTreeMap<Day, Vec<String>>>,
    /// Allow quality sessions on adjacent days (default false).
    pub allow_back_to_back: Option<bool>,
    /// Easy days may be cross-training (default false).
    pub cross_training: Option<bool>,
    /// Catalog overrides by session id: `{intervals: {minutes: 55, rpe: 8}}`.
    pub sessions: Option<BTreeMap<String, SessionOverride>>,
    /// Model constant overrides (MODEL.md).
    pub model: Option<ModelParams>,
    /// Defaults for `weekwright block`.
    pub block: Option<BlockSection>,
}

/// A validated profile: what the engine reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// Name shown in output.
    pub name: String,
    /// Level.
    pub level: Level,
    /// Goal.
    pub goal: Goal,
    /// Target weekly minutes.
    pub weekly_minutes: f64,
    /// Recent weekly minutes.
    pub current_weekly_minutes: f64,
    /// Hard constraints.
    pub rules: Rules,
    /// Easy days may be cross-training.
    pub cross_training: bool,
    /// Catalog with overrides.
    pub catalog: Catalog,
    /// Model constants.
    pub params: ModelParams,
    /// Block defaults.
    pub block: BlockDefaults,
}

/// The built-in default profile of CLI.md.
pub const DEFAULT_PROFILE_YAML: &str = "\
name: Intermediate half-marathon runner (built-in default)
level: intermediate
goal: half
weekly_minutes: 300
hard_sessions: 2
long_run_day: sun
min_rest_days: 1
";

/// Where the built-in default is said to come from in messages.
pub const DEFAULT_SOURCE: &str = "built-in default profile";

impl Profile {
    /// The built-in default: an intermediate half-marathon runner, any day, at least one
    /// rest day, two hard sessions, long run on Sunday, 300 minutes a week.
    ///
    /// # Panics
    /// Never: the text is a constant that a unit test parses.
    #[must_use]
    pub fn builtin() -> Self {
        Self::from_yaml(DEFAULT_PROFILE_YAML, DEFAULT_SOURCE).expect("the built-in profile is valid")
    }

    /// Read and validate a profile file.
    ///
    /// # Errors
    /// A file that cannot be read, is over 1 MiB, is not UTF-8, is not valid YAML for a
    /// profile, or holds a value out of range.
    pub fn load(path: &Path) -> Result<Self, InputError> {
        let text = read_limited(path, MAX_FILE_BYTES)?;
        Self::from_yaml(&text, &path.display().to_string())
    }

    /// Parse and validate profile text; `source` names it in messages.
    ///
    /// # Errors
    /// Invalid YAML (with line and column), an unknown field, or a value out of range.
    pub fn from_yaml(text: &str, source: &str) -> Result<Self, InputError> {
        if has_no_content(text) {
            return Err(InputError::Parse {
                path: source.into(),
                message: "the file is empty (or only comments): a profile needs at least weekly_minutes, such as weekly_minutes: 300".to_string(),
            });
        }
        let file: ProfileFile = parse_yaml(text, source)?;
        validate(file, source)
    }
}

/// A number as a message shows it: 1e300 as `1e300`, not three hundred digits.
fn number(v: f64) -> String {
    if v.is_finite() && v.abs() >= 1e9 {
        format!("{v:e}")
    } else {
        v.to_string()
    }
}

fn field_err(source: &str, field: impl Into<String>, message: impl Into<String>) -> InputError {
    InputError::Field {
        source_name: source.to_string(),
        field: field.into(),
        message: message.into(),
    }
}

fn check_range(
    source: &str,
    field: &str,
    value: f64,
    range: &std::ops::RangeInclusive<f64>,
    unit: &str,
) -> Result<f64, InputError> {
    if value.is_finite() && range.contains(&value) {
        Ok(value)
    } else {
        Err(field_err(
            source,
            field,
            format!(
                "{} is out of range: use {} to {}{unit}",
                number(value),
                range.start(),
                range.end()
            ),
        ))
    }
}

fn parse_session(source: &str, field: &str, name: &str) -> Result<Session, InputError> {
    name.parse::<Session>()
        .map_err(|e| field_err(source, field, e.to_string()))
}

fn check_params(source: &str, p: &ModelParams) -> Result<(), InputError> {
    for (name, range, unit) in &MODEL_PARAMS {
        let value = p.get(name).unwrap_or(f64::NAN);
        check_range(source, &format!("model.{name}"), value, range, unit)?;
    }
    Ok(())
}

#[allow(clippy::too_many_lines)] // One field after the other, in the file's order.
fn validate(f: ProfileFile, source: &str) -> Result<Profile, InputError> {
    let name = f.name.unwrap_or_else(|| "unnamed runner".to_string());
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(field_err(
            source,
            "name",
            format!(
                "it has {} characters; use at most {MAX_NAME_CHARS}",
                name.chars().count()
            ),
        ));
    }
    if let Some(c) = name.chars().find(|c| c.is_control()) {
        return Err(field_err(
            source,
            "name",
            format!(
                "it holds the control character {}; the name is printed on terminals: use plain text on one line",
                c.escape_default()
            ),
        ));
    }
    let level = f.level.unwrap_or_default();
    let goal = f.goal.unwrap_or_default();
    let weekly = check_range(
        source,
        "weekly_minutes",
        f.weekly_minutes,
        &WEEKLY_MINUTES,
        " minutes",
    )?;
    let current = match f.current_weekly_minutes {
        Some(c) => check_range(source, "current_weekly_minutes", c, &WEEKLY_MINUTES, " minutes")?,
        None => weekly,
    };

    let mut available = [f.available_days.is_none(); 7];
    for d in f.available_days.iter().flatten() {
        available[d.index()] = true;
    }
    if !available.iter().any(|&a| a) {
        return Err(field_err(
            source,
            "available_days",
            "no day is available; list the days you can train, such as [mon, wed, sat]",
        ));
    }
    for d in f.rest_days.iter().flatten() {
        available[d.index()] = false;
    }

    let mut caps = [None; 7];
    for (d, &cap) in f.max_minutes.iter().flatten() {
        caps[d.index()] = Some(check_range(
            source,
            &format!("max_minutes.{d}"),
            cap,
            &CAP_MINUTES,
            " minutes",
        )?);
    }

    let mut catalog = Catalog::default();
    for (id, o) in f.sessions.iter().flatten() {
        let field = format!("sessions.{}", shown(id, 40));
        let session = parse_session(source, &field, id)?;
        if session == Session::Rest {
            return Err(field_err(source, field, "rest has no minutes or RPE to override"));
        }
        let minutes = o
            .minutes
            .map(|m| {
                check_range(
                    source,
                    &format!("{field}.minutes"),
                    m,
                    &SESSION_MINUTES,
                    " minutes",
                )
            })
            .transpose()?;
        let rpe = o
            .rpe
            .map(|r| check_range(source, &format!("{field}.rpe"), r, &RPE, ""))
            .transpose()?;
        catalog.set(session, rpe, minutes);
    }

    let mut fixed = [None; 7];
    for (d, name) in f.fixed.iter().flatten() {
        let field = format!("fixed.{d}");
        let session = parse_session(source, &field, name)?;
        if session != Session::Rest && !available[d.index()] {
            return Err(field_err(
                source,
                field,
                format!(
                    "{} is fixed as {session} but is not a training day (available_days or rest_days); remove one of the two",
                    d.name()
                ),
            ));
        }
        fixed[d.index()] = Some(session);
    }

    let mut avoid = [0u16; 7];
    for (d, names) in f.avoid.iter().flatten() {
        for name in names {
            let field = format!("avoid.{d}");
            let session = parse_session(source, &field, name)?;
            // A day that is not a training day must be rest: it cannot avoid it too.
            if session == Session::Rest && !available[d.index()] {
                let why = if f.rest_days.iter().flatten().any(|r| r == d) {
                    "rest_days makes it a rest day"
                } else {
                    "it is not in available_days, so it is a rest day"
                };
                return Err(field_err(
                    source,
                    field,
                    format!("{} avoids rest, but {why}; remove one of the two", d.name()),
                ));
            }
            if fixed[d.index()] == Some(session) {
                return Err(field_err(
                    source,
                    field,
                    format!("{} fixes {session} and avoids it too; keep one", d.name()),
                ));
            }
            avoid[d.index()] |= 1 << session.index();
        }
    }

    let hard_sessions = f.hard_sessions.unwrap_or_else(|| level.default_hard_sessions());
    if hard_sessions > MAX_HARD_SESSIONS {
        return Err(field_err(
            source,
            "hard_sessions",
            format!("{hard_sessions} is out of range: use 0 to {MAX_HARD_SESSIONS}"),
        ));
    }
    let min_rest_days = f.min_rest_days.unwrap_or_else(|| level.default_min_rest_days());
    if min_rest_days > MAX_DAYS {
        return Err(field_err(
            source,
            "min_rest_days",
            format!("{min_rest_days} is out of range: use 0 to {MAX_DAYS}"),
        ));
    }
    let long_run = match f.long_run_day {
        None => LongRunRule::Any,
        Some(LongRunDay::None) => LongRunRule::Never,
        Some(LongRunDay::Day(d)) => LongRunRule::On(d),
    };
    // A day that must hold the long run cannot be capped below the shortest long run the
    // minutes rule gives: its "long run" would be a short easy run.
    for d in Day::ALL {
        let Some(cap) = caps[d.index()].filter(|c| c.floor() < LONG_MIN) else {
            continue;
        };
        let field = if long_run == LongRunRule::On(d) {
            "long_run_day".to_string()
        } else if fixed[d.index()].is_some_and(Session::is_long) {
            format!("fixed.{d}")
        } else {
            continue;
        };
        return Err(field_err(
            source,
            &field,
            format!(
                "{} holds the long run, but max_minutes.{d} caps the day at {} minutes, below the shortest long run ({LONG_MIN} minutes); raise the cap to at least {LONG_MIN} or put the long run on another day",
                d.name(),
                number(cap)
            ),
        ));
    }
    let params = f.model.unwrap_or_default();
    check_params(source, &params)?;
    let block = check_block(source, &f.block.unwrap_or_default())?;

    Ok(Profile {
        name,
        level,
        goal,
        weekly_minutes: weekly,
        current_weekly_minutes: current,
        rules: Rules {
            available,
            fixed,
            avoid,
            caps,
            hard_sessions,
            long_run,
            min_rest_days,
            allow_back_to_back: f.allow_back_to_back.unwrap_or(false),
        },
        cross_training: f.cross_training.unwrap_or(false),
        catalog,
        params,
        block,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_profile_is_valid_and_as_cli_md_says() {
        let p = Profile::builtin();
        assert_eq!(p.level, Level::Intermediate);
        assert_eq!(p.goal, Goal::Half);
        assert_eq!(p.weekly_minutes, 300.0);
        assert_eq!(p.rules.hard_sessions, 2);
        assert_eq!(p.rules.min_rest_days, 1);
        assert_eq!(p.rules.long_run, LongRunRule::On("sun".parse().unwrap()));
        assert!(p.rules.available.iter().all(|&a| a));
    }

    #[test]
    fn defaults_follow_the_level() {
        let p = Profile::from_yaml("weekly_minutes: 150\nlevel: beginner\n", "t").unwrap();
        assert_eq!(p.rules.hard_sessions, 1);
        assert_eq!(p.rules.min_rest_days, 2);
        let p = Profile::from_yaml("weekly_minutes: 500\nlevel: advanced\n", "t").unwrap();
        assert_eq!(p.rules.min_rest_days, 0);
    }

    #[test]
    fn bad_profiles_name_the_field_and_the_fix() {
        let cases = [
            ("weekly_minutes: 1e12\n", "weekly_minutes"),
            ("weekly_minutes: .nan\n", "out of range"),
            ("weekly_minutes: -5\n", "30 to 2400"),
            ("weekly_minutes: 300\nhard_sessions: 9\n", "hard_sessions"),
            ("weekly_minutes: 300\nmax_minutes: {wed: 5}\n", "max_minutes.wed"),
            ("weekly_minutes: 300\nfixed: {tue: jogging}\n", "fixed.tue"),
            (
                "weekly_minutes: 300\nsessions: {intervals: {rpe: 11}}\n",
                "sessions.intervals.rpe",
            ),
            ("weekly_minutes: 300\nweekly_minutez: 3\n", "weekly_minutez"),
            ("weekly_minutes: 300\navailable_days: [funday]\n", "funday"),
            ("weekly_minutes: 300\nweekly_minutes: 200\n", "duplicate"),
            ("level: beginner\n", "weekly_minutes"),
            (
                "weekly_minutes: 300\nrest_days: [tue]\nfixed: {tue: intervals}\n",
                "fixed.tue",
            ),
            (
                "weekly_minutes: 300\nmodel: {tau_fatigue: 0}\n",
                "model.tau_fatigue",
            ),
            ("", "empty"),
        ];
        for (text, want) in cases {
            let err = Profile::from_yaml(text, "p.yaml").unwrap_err().to_string();
            assert!(
                err.to_lowercase().contains(&want.to_lowercase()),
                "{text:?}: {err}"
            );
        }
    }

    #[test]
    fn a_parse_error_names_the_field_it_points_into() {
        let cases = [
            (
                "weekly_minutes: abc\n",
                "line 1, column 17: field 'weekly_minutes'",
            ),
            (
                "weekly_minutes: 300\nhard_sessions: 300\n",
                "field 'hard_sessions': expected a whole number from 0 to 4",
            ),
            (
                "weekly_minutes: 300\nmin_rest_days: -2\n",
                "field 'min_rest_days': expected a whole number from 0 to 7",
            ),
            (
                "weekly_minutes: 300\nmax_minutes:\n  wed: lots\n",
                "field 'max_minutes.wed'",
            ),
            (
                "weekly_minutes: 300\nsessions: {tempo: {minutes: 50, rpe: x}}\n",
                "field 'sessions.tempo.rpe'",
            ),
            (
                "weekly_minutes: 300\navailable_days:\n  - mon\n  - funday\n",
                "field 'available_days'",
            ),
            (
                "weekly_minutes: 300\nhard_sessions: two\n",
                "field 'hard_sessions'",
            ),
        ];
        for (text, want) in cases {
            let err = Profile::from_yaml(text, "p.yaml").unwrap_err().to_string();
            assert!(err.contains(want), "{text:?}: {err}");
        }
    }

    #[test]
    fn shown_text_is_short_and_free_of_control_characters() {
        assert_eq!(shown("ab\u{1b}[31m", 10), "ab\\u{1b}[31m");
        assert_eq!(shown(&"x".repeat(100), 3), "xxx...");
    }

    #[test]
    fn malformed_yaml_reports_line_and_column() {
        let err = Profile::from_yaml("weekly_minutes: 300\nlevel: [beginner\n", "p.yaml")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("p.yaml: line "), "{err}");
        assert!(err.contains("column"), "{err}");
    }

    #[test]
    fn a_flow_mapping_over_several_lines_names_the_field_it_points_into() {
        let cases = [
            (
                "{weekly_minutes: 300, fixed: {tue: easy,\n wed: easy}, cross_training: 0}\n",
                "field 'cross_training'",
            ),
            (
                "{weekly_minutes: 300, fixed: {tue: easy,\n wed: easy}, max_minutes: {wed: 45,\n thu: lots}}\n",
                "field 'max_minutes.thu'",
            ),
            (
                "{weekly_minutes: 300, sessions: {tempo: {minutes: 50,\n rpe: x}}}\n",
                "field 'sessions.tempo.rpe'",
            ),
            (
                "weekly_minutes: 300\nmax_minutes: {wed: 45, # caps, for: lunch\n  thu: 50,\n  fri: lots}\n",
                "field 'max_minutes.fri'",
            ),
            (
                "weekly_minutes: 300\nmodel: {tau_fitness: 42,\n  tau_fatigue: 7}\ncross_training: 0\n",
                "field 'cross_training'",
            ),
            (
                "weekly_minutes: 300\nblock:\n  single_run_limit: 1.2\n  weeks: {a: 1,\n    b: 2}\n",
                "field 'block.weeks'",
            ),
        ];
        for (text, want) in cases {
            let err = Profile::from_yaml(text, "p.yaml").unwrap_err().to_string();
            assert!(err.contains(want), "{text:?}: {err}");
        }
    }
}
