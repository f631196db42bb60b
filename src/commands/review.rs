//! `weekwright review`: a plan and what was run in; each planned day before today judged
//! (done, missed, changed, extra), the minutes and load of each, planned against done, and
//! compliance (docs/model.md section 4, "Review").

mod plan;

use std::fmt::Write as _;

use jiff::civil::Date;
use serde::Serialize;

use super::{Context, flag_error};
use crate::catalog::Session;
use crate::cli::ReviewArgs;
use crate::error::Result;
use crate::export::{Document, table};
use crate::history::review::{self, Judged, Verdict};
use crate::week::Day;

pub use plan::{Plan, monday_of};

/// A session with its minutes and load: planned, or done.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Side {
    /// The session (done: the closest to the day's largest activity; rest: nothing run).
    pub session: Session,
    /// Minutes.
    pub minutes: f64,
    /// Load.
    pub load: f64,
}

/// One day reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ReviewDay {
    /// Its date.
    pub date: Date,
    /// Its weekday.
    pub day: Day,
    /// What the plan held.
    pub planned: Side,
    /// What was run.
    pub done: Side,
    /// done | missed | changed | extra.
    pub status: Verdict,
    /// Minutes credited towards compliance.
    pub credit: f64,
}

/// Minutes and load.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct Amount {
    /// Minutes.
    pub minutes: f64,
    /// Load.
    pub load: f64,
}

/// Planned and done, summed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct Totals {
    /// Planned.
    pub planned: Amount,
    /// Done.
    pub done: Amount,
}

/// Days by status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Counts {
    /// Done as planned (rest days kept included).
    pub done: usize,
    /// Training planned, nothing run.
    pub missed: usize,
    /// Something else run.
    pub changed: usize,
    /// Run on a planned rest day.
    pub extra: usize,
}

/// A Monday-to-Sunday week of the days reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WeekReview {
    /// Its Monday.
    pub start: Date,
    /// Planned and done.
    #[serde(flatten)]
    pub totals: Totals,
    /// The week's compliance.
    pub compliance: f64,
}

/// What `review` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewOutput {
    /// The plan file.
    pub plan: String,
    /// Today: the days before it are reviewed.
    pub date: Date,
    /// The days reviewed, by date.
    pub days: Vec<ReviewDay>,
    /// Planned and done over the days reviewed.
    pub totals: Totals,
    /// Days by status.
    pub counts: Counts,
    /// The planned minutes run, each day up to its plan, another kind of session at half,
    /// over the planned minutes (0..1).
    pub compliance: f64,
    /// The weeks of the days reviewed.
    pub weeks: Vec<WeekReview>,
    /// Plan days on or after today, not yet reviewed.
    pub upcoming: usize,
    /// What the figures mean.
    pub notes: Vec<String>,
}

fn totals(days: &[Judged]) -> Totals {
    days.iter().fold(Totals::default(), |t, d| Totals {
        planned: Amount {
            minutes: t.planned.minutes + d.planned.minutes,
            load: t.planned.load + d.planned.load,
        },
        done: Amount {
            minutes: t.done.minutes + d.done.minutes,
            load: t.done.load + d.done.load,
        },
    })
}

/// The document of a review.
#[must_use]
pub fn document(plan_name: &str, today: Date, judged: &[Judged], upcoming: usize) -> ReviewOutput {
    let mut counts = Counts::default();
    for d in judged {
        *match d.verdict {
            Verdict::Done => &mut counts.done,
            Verdict::Missed => &mut counts.missed,
            Verdict::Changed => &mut counts.changed,
            Verdict::Extra => &mut counts.extra,
        } += 1;
    }
    let mut weeks: Vec<WeekReview> = Vec::new();
    for chunk in judged.chunk_by(|a, b| monday_of(a.planned.date) == monday_of(b.planned.date)) {
        weeks.push(WeekReview {
            start: monday_of(chunk[0].planned.date),
            totals: totals(chunk),
            compliance: review::compliance(chunk),
        });
    }
    let days = judged
        .iter()
        .map(|d| ReviewDay {
            date: d.planned.date,
            day: Day::ALL[d.planned.date.weekday().to_monday_zero_offset() as usize],
            planned: Side {
                session: d.planned.session,
                minutes: d.planned.minutes,
                load: d.planned.load,
            },
            done: Side {
                session: d.done.session,
                minutes: d.done.minutes,
                load: d.done.load,
            },
            status: d.verdict,
            credit: d.credit,
        })
        .collect();
    let compliance = review::compliance(judged);
    ReviewOutput {
        plan: plan_name.to_string(),
        date: today,
        days,
        totals: totals(judged),
        counts,
        compliance,
        weeks,
        upcoming,
        notes: notes(judged, compliance, upcoming, today),
    }
}

fn notes(judged: &[Judged], compliance: f64, upcoming: usize, today: Date) -> Vec<String> {
    let mut out = vec![format!(
        "compliance {:.0} %: of the planned minutes, the share run, each day counted up to its plan and another kind of session at half (TrainingPeaks' compliance by duration)",
        compliance * 100.0
    )];
    let named = |v: Verdict| -> Vec<String> {
        judged
            .iter()
            .filter(|d| d.verdict == v)
            .map(|d| format!("{} {}", d.planned.date, d.planned.session))
            .collect()
    };
    let missed = named(Verdict::Missed);
    if !missed.is_empty() {
        out.push(format!("missed: {}", missed.join(", ")));
    }
    let unknown = judged
        .iter()
        .filter(|d| d.done.minutes > 0.0 && !d.done.known)
        .count();
    if unknown > 0 {
        out.push(format!(
            "{unknown} of the days run had no RPE, heart rate or pace to tell the session by: each is judged only as a run (give the log's session or rpe, or the profile's max_hr and rest_hr)"
        ));
    }
    if upcoming > 0 {
        out.push(format!(
            "{upcoming} planned days from {today} on are still to come and not reviewed"
        ));
    }
    out
}

impl Document for ReviewOutput {
    fn table(&self, style: &table::Style) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}",
            style.bold(&format!("Review of {} before {}", self.plan, self.date))
        );
        let mut t = table::new_table_in(style);
        t.set_header(vec![
            "date", "planned", "min", "load", "done", "min", "load", "status",
        ]);
        for d in &self.days {
            t.add_row(vec![
                format!("{} {}", d.day.id(), d.date),
                d.planned.session.id().to_string(),
                table::num(d.planned.minutes),
                table::num(d.planned.load),
                d.done.session.id().to_string(),
                table::num(d.done.minutes),
                table::num(d.done.load),
                verdict_id(d.status).to_string(),
            ]);
        }
        let (p, d) = (self.totals.planned, self.totals.done);
        t.add_row(vec![
            "total".to_string(),
            String::new(),
            table::num(p.minutes),
            table::num(p.load),
            String::new(),
            table::num(d.minutes),
            table::num(d.load),
            format!("{:.0} %", self.compliance * 100.0),
        ]);
        let _ = writeln!(out, "{t}");
        if self.weeks.len() > 1 {
            let mut w = table::new_table_in(style);
            w.set_header(vec![
                "week from",
                "planned min",
                "done min",
                "planned load",
                "done load",
                "compliance",
            ]);
            for week in &self.weeks {
                let (p, d) = (week.totals.planned, week.totals.done);
                w.add_row(vec![
                    week.start.to_string(),
                    table::num(p.minutes),
                    table::num(d.minutes),
                    table::num(p.load),
                    table::num(d.load),
                    format!("{:.0} %", week.compliance * 100.0),
                ]);
            }
            let _ = writeln!(out, "{w}");
        }
        let c = self.counts;
        let _ = writeln!(
            out,
            "done {}, missed {}, changed {}, extra {}; compliance {:.2}",
            c.done, c.missed, c.changed, c.extra, self.compliance
        );
        let width = usize::from(style.columns());
        for note in &self.notes {
            let _ = writeln!(out, "{}", table::wrap(&format!("- {note}"), width, "  "));
        }
        out
    }
}

fn verdict_id(v: Verdict) -> &'static str {
    match v {
        Verdict::Done => "done",
        Verdict::Missed => "missed",
        Verdict::Changed => "changed",
        Verdict::Extra => "extra",
    }
}

/// Run `review`.
///
/// # Errors
/// A plan or history that cannot be read, a bad profile or flag, a --start that is not a
/// Monday, or a plan with no day before today (exit 2); output that cannot be written.
pub fn run(args: &ReviewArgs, ctx: &Context) -> Result<()> {
    if let Some(start) = args.start
        && !plan::is_monday(start)
    {
        return Err(flag_error(
            "--start",
            format!(
                "{start} is a {:?}: give the Monday the plan's week starts on",
                start.weekday()
            ),
        ));
    }
    let read = super::status::read(&args.history, args.profile.as_deref(), args.today, ctx)?;
    let today = read.today;
    let monday = args.start.unwrap_or_else(|| monday_of(today));
    let plan = plan::read(&args.plan, monday, &read.profile.catalog)?;
    if plan.plans > 1 {
        ctx.hint(&format!(
            "{} holds {} plans: the first is reviewed",
            args.plan.display(),
            plan.plans
        ));
    }
    let judged = review::review(&plan.days, &read.days, today);
    if judged.is_empty() {
        let first = plan.days.first().map_or(today, |d| d.date);
        return Err(flag_error(
            "--today",
            format!(
                "the plan starts on {first}, so no planned day comes before {today}: review looks back at days already past (give --today after {first}, or --start for the Monday of a week without dates)"
            ),
        ));
    }
    let upcoming = plan.days.len() - judged.len();
    let doc = document(&args.plan.display().to_string(), today, &judged, upcoming);
    ctx.emit(&doc, args.format, args.output.as_deref(), "review")
}
