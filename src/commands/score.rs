//! `weekwright score`: one week in, its score, every component with its reason, the
//! violations with their days, and its rank among the weeks that fit the profile.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use super::{Context, flag_error, load_profile, with_fitness_flags};
use crate::catalog::{Catalog, Session};
use crate::cli::ScoreArgs;
use crate::error::{InputError, Result};
use crate::export::{Document, table};
use crate::limits::MAX_FILE_BYTES;
use crate::minutes::MinutesRule;
use crate::model::explain::{Report, Target, explain};
use crate::model::{Judge, WeekLoads, assess};
use crate::paces::{Fitness, Units};
use crate::problem::Problem;
use crate::search::{Scorer, Search};
use crate::week::{Day, DaySpec, MINUTES_RANGE, WeekSpec};
use crate::workout::Coach;
use crate::yaml::{parse_yaml, read_limited};

/// What `score` prints: the plan object plus its percentile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreOutput {
    /// The explained week.
    #[serde(flatten)]
    pub report: Report,
    /// Share of the profile's feasible weeks that score lower (with a profile, for a week
    /// that meets its constraints).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percentile: Option<f64>,
}

impl Document for ScoreOutput {
    fn table(&self, style: &table::Style) -> String {
        let mut buf = String::new();
        let mut out = table::report(&mut buf, "Score", &self.report, style);
        if let Some(p) = self.percentile {
            let _ = writeln!(
                out,
                "Better than {:.1} % of the weeks that fit your profile.",
                p * 100.0
            );
        }
        out
    }
}

/// Score a week against a profile: the report and, when the week meets the profile's
/// constraints, its percentile among the feasible weeks.
#[must_use]
pub fn score_with_profile(problem: &Problem, week: &WeekSpec) -> ScoreOutput {
    let scorer = Scorer::new(problem, 1.0);
    let (loads, a) = scorer.assess(week);
    let report = explain(
        &scorer.judge,
        &loads,
        &a,
        Target {
            weekly_minutes: Some(problem.weekly_minutes),
            advise: true,
        },
    )
    .coach(&problem.coach());
    let percentile = a.violations.is_empty().then(|| {
        let (feasible, below) = Search::new(problem).count_below(a.score);
        if feasible == 0 {
            0.0
        } else {
            below as f64 / feasible as f64
        }
    });
    ScoreOutput { report, percentile }
}

/// Score a week on structure alone, at catalog minutes for `level`.
#[must_use]
pub fn score_structural(
    level: crate::catalog::Level,
    goal: crate::catalog::Goal,
    week: &WeekSpec,
) -> ScoreOutput {
    score_structural_paced(level, goal, week, None, Units::Km)
}

/// [`score_structural`], with the workouts' paces and distances from `fitness` in `units`.
#[must_use]
pub fn score_structural_paced(
    level: crate::catalog::Level,
    goal: crate::catalog::Goal,
    week: &WeekSpec,
    fitness: Option<&Fitness>,
    units: Units,
) -> ScoreOutput {
    let catalog = Catalog::default();
    let rule = MinutesRule {
        catalog: catalog.clone(),
        level,
        goal,
        weekly_minutes: None,
        caps: [None; 7],
        running_days: None,
        long_run: None,
    };
    let planned = rule.apply(week);
    let loads = WeekLoads::new(&catalog, week.sessions(), planned.minutes, 0.0);
    let judge = Judge::structural(goal, level);
    let a = assess(&judge, &loads);
    ScoreOutput {
        report: explain(
            &judge,
            &loads,
            &a,
            Target {
                weekly_minutes: None,
                advise: true,
            },
        )
        .coach(&Coach::with(catalog, goal, fitness, units)),
        percentile: None,
    }
}

/// Read `--week-file`: a YAML plan as printed by `generate` or `score` (its `days` list), a
/// `generate` output (its first plan), a bare list of days, or a WEEK string.
///
/// # Errors
/// A file that cannot be read, or that holds none of these.
pub fn read_week_file(path: &Path) -> Result<WeekSpec, InputError> {
    read_week_file_counted(path).map(|(week, _)| week)
}

/// [`read_week_file`], with the number of plans the file holds: more than 1 for a
/// `generate` output of several plans, of which the week is the first.
///
/// # Errors
/// As [`read_week_file`].
pub fn read_week_file_counted(path: &Path) -> Result<(WeekSpec, usize), InputError> {
    let text = read_limited(path, MAX_FILE_BYTES)?;
    let source = path.display().to_string();
    let value: Value = parse_yaml(&text, &source)?;
    let week = week_from_value(&value).map_err(|message| InputError::Parse {
        path: path.to_path_buf(),
        message,
    })?;
    let plans = match value.get("plans") {
        Some(Value::Array(plans)) if value.get("days").is_none() => plans.len(),
        _ => 1,
    };
    Ok((week, plans))
}

fn week_from_value(value: &Value) -> std::result::Result<WeekSpec, String> {
    match value {
        Value::String(s) => s.parse().map_err(|e: InputError| e.to_string()),
        Value::Array(days) => week_from_days(days),
        Value::Object(map) => {
            if let Some(Value::Array(days)) = map.get("days") {
                week_from_days(days)
            } else if let Some(Value::Array(plans)) = map.get("plans") {
                plans
                    .first()
                    .ok_or_else(|| {
                        "the file's plans list is empty: give a plan printed by `weekwright generate`"
                            .to_string()
                    })
                    .and_then(week_from_value)
            } else {
                Err("no 'days' list found: give a plan as printed by `weekwright generate` (a 'days' list of {day, session, minutes}) or a WEEK string".to_string())
            }
        }
        _ => Err("expected a plan with a 'days' list, or a WEEK string".to_string()),
    }
}

fn week_from_days(days: &[Value]) -> std::result::Result<WeekSpec, String> {
    if days.is_empty() {
        return Err(
            "the 'days' list is empty: list the week's days as `weekwright generate` prints them (days not named are rest)"
                .to_string(),
        );
    }
    let mut week: [Option<DaySpec>; 7] = [None; 7];
    for (i, entry) in days.iter().enumerate() {
        let at = format!("days[{i}]");
        let obj = entry.as_object().ok_or_else(|| {
            format!("{at}: expected a day such as {{day: mon, session: easy, minutes: 45}}")
        })?;
        let day: Day = match obj.get("day") {
            Some(Value::String(s)) => s.parse().map_err(|e| format!("{at}.day: {e}"))?,
            None if days.len() == 7 => Day::ALL[i],
            _ => return Err(format!("{at}.day: expected a day such as mon")),
        };
        let session: Session = match obj.get("session") {
            Some(Value::String(s)) => s.parse().map_err(|e: InputError| format!("{at}.session: {e}"))?,
            _ => return Err(format!("{at}.session: expected a session id such as easy")),
        };
        let minutes = match obj.get("minutes") {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) if session == Session::Rest && n.as_f64() == Some(0.0) => None,
            Some(Value::Number(n)) => {
                let m = n.as_f64().unwrap_or(f64::NAN);
                let range = f64::from(*MINUTES_RANGE.start())..=f64::from(*MINUTES_RANGE.end());
                if session == Session::Rest || !range.contains(&m) {
                    return Err(format!(
                        "{at}.minutes: {m} is out of range: use {} to {} (rest takes none)",
                        MINUTES_RANGE.start(),
                        MINUTES_RANGE.end()
                    ));
                }
                Some(m)
            }
            Some(_) => return Err(format!("{at}.minutes: expected a number")),
        };
        if week[day.index()].replace(DaySpec { session, minutes }).is_some() {
            return Err(format!("{at}: {} is named twice", day.name()));
        }
    }
    Ok(WeekSpec(week.map(|d| d.unwrap_or(DaySpec::of(Session::Rest)))))
}

/// Run `score`.
///
/// # Errors
/// Bad input (exit 2) or output that cannot be written.
pub fn run(args: &ScoreArgs, ctx: &Context) -> Result<()> {
    let week: WeekSpec = match (&args.week, &args.week_file) {
        (Some(w), _) => w.parse()?,
        (None, Some(path)) => {
            let (week, plans) = read_week_file_counted(path)?;
            if plans > 1 {
                ctx.hint(&format!(
                    "{} holds {plans} plans; plan 1 is scored (to score another, save it alone, such as with generate --top 1)",
                    path.display()
                ));
            }
            week
        }
        (None, None) => return Err(flag_error("--week", "give --week WEEK or --week-file FILE")),
    };
    let doc = match &args.profile {
        Some(_) => {
            let problem = Problem::new(&load_profile(args.profile.as_deref())?);
            score_with_profile(&with_fitness_flags(problem, &args.fitness, ctx), &week)
        }
        None => score_structural_paced(
            args.level.unwrap_or_default(),
            args.goal.unwrap_or_default(),
            &week,
            args.fitness.result.as_ref(),
            args.fitness.units.unwrap_or_default(),
        ),
    };
    ctx.emit(&doc, args.format, args.out.output.as_deref(), "score")
}
