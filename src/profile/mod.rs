//! The profile file of CLI.md: strict serde types (an unknown field is an error), the
//! defaults of docs/model.md, and validation into the domain types the engine reads.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, Goal, Level};
use crate::error::InputError;
use crate::history::load::HeartRates;
use crate::limits::{
    MAX_FILE_BYTES, MAX_HARD_SESSIONS, MAX_NAME_CHARS, RPE, SESSION_MINUTES, WEEKLY_MINUTES,
};
use crate::model::{ModelParams, Rules};
use crate::paces::{Fitness, Units};
use crate::week::Day;
use crate::yaml::{has_no_content, parse_yaml, parse_yaml_line, read_limited};

mod block;
mod fitness;
mod heart;
mod validate;

pub use block::{BlockDefaults, BlockSection, Pattern};
pub use fitness::FitnessSection;
use validate::validate;

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
    /// Quality sessions a week (0 to 4; default by level: 1, 2, 2): tempo, intervals, hills,
    /// marathon pace, races, and a fast-finish long run (long_fast), which is both the long
    /// run and a hard session. A plain long run is not counted. Example: 2 with a long_fast
    /// on Sunday is one midweek workout plus the long_fast.
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
    /// Model constant overrides (docs/model.md).
    pub model: Option<ModelParams>,
    /// Defaults for `weekwright block`.
    pub block: Option<BlockSection>,
    /// The runner's fitness, for paces: a recent race result or a VDOT (`--result` on the
    /// command line overrides it).
    pub fitness: Option<FitnessSection>,
    /// km | mi: units of paces and distances (default km).
    pub units: Option<Units>,
    /// Maximum heart rate (100 to 240), for the load of activities with a heart rate but no
    /// RPE. Give it with rest_hr.
    #[schemars(range(min = *heart::MAX_HR.start(), max = *heart::MAX_HR.end()))]
    pub max_hr: Option<f64>,
    /// Resting heart rate (25 to 120, at least 20 below max_hr). Give it with max_hr.
    #[schemars(range(min = *heart::REST_HR.start(), max = *heart::REST_HR.end()))]
    pub rest_hr: Option<f64>,
    /// What was run: files or folders (FIT, GPX, a Strava activities.csv, a log), read by
    /// `status` with the --history paths; relative paths from the profile's folder.
    pub history: Option<Vec<PathBuf>>,
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
    /// The runner's fitness, when the profile gives one.
    pub fitness: Option<Fitness>,
    /// Units of paces and distances.
    pub units: Units,
    /// Maximum and resting heart rate, when the profile gives them.
    pub heart_rates: Option<HeartRates>,
    /// The `history:` paths (relative ones joined to the profile file's folder).
    pub history: Vec<PathBuf>,
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
        let mut profile = Self::from_yaml(&text, &path.display().to_string())?;
        profile.history = heart::history_paths(Some(std::mem::take(&mut profile.history)), Some(path));
        Ok(profile)
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

    /// Parse and validate one line of JSON Lines: a JSON object with the profile file's
    /// fields. JSON is YAML, so after a check that the line is one JSON object the line
    /// goes through the profile file's own parser and validation, with the same messages.
    /// `source` names the line in messages (`profiles.jsonl line 7`), `line` is its number.
    ///
    /// # Errors
    /// A line that is not one JSON object (with the column), or anything a profile file
    /// is refused for.
    pub fn from_json_line(text: &str, source: &str, line: usize) -> Result<Self, InputError> {
        check_json_object(text, source)?;
        let file: ProfileFile = parse_yaml_line(text, source, line)?;
        validate(file, source)
    }
}

/// A line that holds one JSON object, or a message with the column and what to write.
fn check_json_object(text: &str, source: &str) -> Result<(), InputError> {
    const EXAMPLE: &str = r#"{"name": "athlete 42", "weekly_minutes": 300}"#;
    let refuse = |message: String| InputError::Parse {
        path: source.into(),
        message,
    };
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        let said = e.to_string();
        let place = format!(" at line {} column {}", e.line(), e.column());
        // serde_json counts bytes; messages count characters, as the YAML parser's do.
        let column = text
            .get(..e.column().saturating_sub(1))
            .map_or(e.column(), |before| before.chars().count() + 1);
        return Err(refuse(format!(
            "column {column}: not valid JSON ({}): each line holds one JSON object, such as {EXAMPLE}",
            crate::error::shown(said.strip_suffix(&place).unwrap_or(&said), 200)
        )));
    }
    if !text.trim_start().starts_with('{') {
        return Err(refuse(format!(
            "expected a JSON object with the profile file's fields, such as {EXAMPLE}"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::shown;
    use crate::model::LongRunRule;

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
