//! `weekwright generate`: profile in, the top repeatable plans out.

use std::fmt::Write as _;

use serde::Serialize;

use super::{Context, flag_error, load_profile, with_fitness_flags};
use crate::cli::{GenerateArgs, HistoryArgs};
use crate::error::Result;
use crate::export::{Document, Format, fit, ics, table};
use crate::model::explain::{Report, Target, explain};
use crate::problem::Problem;
use crate::profile::Profile;
use crate::search::{Outcome, Scorer, Search};
use crate::week::WeekSpec;

/// One ranked plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// 1 for the best.
    pub rank: usize,
    /// The explained week.
    #[serde(flatten)]
    pub report: Report,
}

/// What `generate` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GenerateOutput {
    /// Profile name.
    pub profile: String,
    /// Weeks in the space the profile allows.
    pub searched: u64,
    /// Weeks that meet every hard constraint.
    pub feasible: u64,
    /// The history the plans start from (`--history`), and what was taken from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<super::follow::HistoryUsed>,
    /// The top plans.
    pub plans: Vec<Plan>,
    /// The Monday the top week is put on for a calendar or workout files (`--format ics`,
    /// `--format fit`).
    #[serde(skip)]
    pub calendar: Option<jiff::civil::Date>,
}

impl Document for GenerateOutput {
    fn ics(&self) -> Option<String> {
        let monday = self.calendar?;
        let top = self.plans.first()?;
        Some(ics::week_calendar(&self.profile, monday, &top.report.days))
    }

    fn fit_files(&self) -> Option<Vec<(String, Vec<u8>)>> {
        let monday = self.calendar?;
        let top = self.plans.first()?;
        let files =
            top.report.days.iter().enumerate().filter_map(|(i, d)| {
                fit::day_file(d, crate::dates::add_days(monday, crate::dates::whole(i)))
            });
        Some(files.collect())
    }

    fn table(&self, style: &table::Style) -> String {
        let mut out = String::new();
        let columns = usize::from(style.columns());
        let _ = writeln!(
            out,
            "{}\n{}\n",
            style.bold(&table::wrap(&self.profile, columns, "")),
            table::wrap(
                &format!(
                    "{} weeks searched, {} meet every constraint; the top {}:",
                    self.searched,
                    self.feasible,
                    self.plans.len()
                ),
                columns,
                ""
            )
        );
        if let Some(h) = &self.history {
            let _ = writeln!(out, "{}", h.table(columns));
        }
        let mut buf = String::new();
        for p in &self.plans {
            out.push_str(&table::report(
                &mut buf,
                &format!("#{}", p.rank),
                &p.report,
                style,
            ));
            out.push('\n');
        }
        out
    }
}

/// Search the profile's weeks and explain the top plans.
///
/// # Errors
/// [`crate::search::NoWeekFits`] when nothing fits.
pub fn plans(problem: &Problem, top: usize) -> Result<(Outcome, Vec<Plan>)> {
    let outcome = Search::new(problem).top(top).run()?;
    let scorer = Scorer::new(problem, 1.0);
    let target = Target {
        weekly_minutes: Some(problem.weekly_minutes),
        advise: false,
    };
    let coach = problem.coach();
    let plans = outcome
        .plans
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (loads, a) = scorer.assess(&WeekSpec::from_sessions(c.sessions));
            Plan {
                rank: i + 1,
                report: explain(&scorer.judge, &loads, &a, target).coach(&coach),
            }
        })
        .collect();
    Ok((outcome, plans))
}

/// `generate`'s document for a problem, without a calendar: the top plans and the counts
/// (`batch` prints the same), and the outcome of the search.
///
/// # Errors
/// [`crate::search::NoWeekFits`] when nothing fits.
pub fn document(problem: &Problem, top: usize) -> Result<(GenerateOutput, Outcome)> {
    let (outcome, plans) = plans(problem, top)?;
    let doc = GenerateOutput {
        profile: problem.name.clone(),
        searched: outcome.searched,
        feasible: outcome.feasible,
        history: None,
        plans,
        calendar: None,
    };
    Ok((doc, outcome))
}

/// Plans `generate` prints without `--top`.
pub const DEFAULT_TOP: u16 = 5;

/// What `generate --format json` prints for `profile` alone, its `history:` read as
/// `--history` reads it (as of today; what it leaves out not printed): the library path of
/// `batch` and the Python package.
///
/// # Errors
/// A history that cannot be read (exit 2), or no week fits (exit 3).
pub fn for_profile(profile: &Profile, top: usize) -> Result<GenerateOutput> {
    let problem = Problem::new(profile);
    let (problem, history) = match super::follow::read(&HistoryArgs::default(), profile, &Context::QUIET)? {
        Some(followed) => {
            let (p, used) = super::follow::for_week(problem, &followed);
            (p, Some(used))
        }
        None => (problem, None),
    };
    let (mut doc, _) = document(&problem, top)?;
    doc.history = history;
    Ok(doc)
}

/// Run `generate`.
///
/// # Errors
/// Bad input (exit 2), no week fits (exit 3), or output that cannot be written.
pub fn run(args: &GenerateArgs, ctx: &Context) -> Result<()> {
    let dated = matches!(args.format, Format::Ics | Format::Fit);
    if args.start.is_some() && !dated {
        ctx.hint(
            "--start dates the calendar of --format ics and the files of --format fit; other formats have no dates, so it is not used",
        );
    }
    if args.format == Format::Fit {
        crate::export::dir::check_dir(args.out.output.as_deref(), "fit")?;
    }
    let profile = load_profile(args.profile.as_deref())?;
    let problem = with_fitness_flags(Problem::new(&profile), &args.fitness, ctx);
    let (problem, history) = match super::follow::read(&args.history, &profile, ctx)? {
        Some(followed) => {
            let (p, used) = super::follow::for_week(problem, &followed);
            (p, Some(used))
        }
        None => (problem, None),
    };
    let start = args
        .start
        .map(|d| crate::dates::monday(d).map_err(|m| flag_error("--start", m)))
        .transpose()?;
    if let Some(n) = args.top.filter(|&n| n > 1 && dated) {
        let why = if args.format == Format::Fit {
            "a watch runs one week"
        } else {
            "a calendar holds one week"
        };
        ctx.hint(&format!(
            "--top {n} with --format {} writes plan 1 only: {why}; use yaml, json or table to see {n} plans",
            args.format.id()
        ));
    }
    let (mut doc, outcome) = document(&problem, usize::from(args.top.unwrap_or(DEFAULT_TOP)))?;
    doc.history = history;
    ctx.info(&format!(
        "{}: {} weeks in the space, {} feasible, {} repeatable",
        problem.name, outcome.searched, outcome.feasible, outcome.repeatable
    ));
    // The top week on the calendar or the watch, from --start or the next Monday.
    doc.calendar = match (dated, start) {
        (true, Some(start)) => Some(start),
        (true, None) => Some(crate::dates::next_monday(crate::dates::today()?)),
        (false, _) => None,
    };
    ctx.emit(&doc, args.format, args.out.output.as_deref(), "generate")
}
