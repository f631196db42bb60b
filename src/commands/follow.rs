//! Plans that follow the runner: what was run (`--history` and the profile's `history:`),
//! read for `generate`, `block` and `replan`, and the runner's real state from it
//! (docs/model.md, "Planning from history").

use std::path::PathBuf;

use jiff::civil::Date;
use serde::Serialize;

use super::{Context, flag_error};
use crate::cli::HistoryArgs;
use crate::dates::{add_days, days_between};
use crate::error::Result;
use crate::history::load::Runner;
use crate::history::state::{self, FULL_HISTORY_DAYS, Status};
use crate::history::{self, History};
use crate::model::Start;
use crate::problem::{Problem, RECENT_DAYS, Recent};
use crate::profile::Profile;

/// What was read, and the days from the first activity to the day before `today`.
#[derive(Debug, Clone)]
pub struct Followed {
    /// The activities read.
    pub history: History,
    /// Days read, oldest first, each with its minutes, load and closest session.
    pub days: Vec<state::Day>,
    /// The day the plan starts from (history on or after it is not read).
    pub today: Date,
}

/// What a plan's output says about the history it started from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryUsed {
    /// The first day read.
    pub first_day: Date,
    /// The last day read: the day before the state's date.
    pub last_day: Date,
    /// Days read, from the first to the last.
    pub days_read: usize,
    /// Activities read (copies counted once).
    pub activities: usize,
    /// The day whose start the state is at.
    pub state_at: Date,
    /// Fitness F at the start of that day.
    pub fitness: f64,
    /// Fatigue A.
    pub fatigue: f64,
    /// Leg fatigue H.
    pub legs: f64,
    /// Minutes a week over the 28 days before: the runner's current weekly minutes.
    pub weekly_minutes_28d: f64,
    /// Mean daily load over those 28 days: the usual load.
    pub usual_load: f64,
    /// The longest run of the 30 days before, minutes.
    pub longest_run_30d: f64,
    /// What the plan took from it, and what to know about it.
    pub notes: Vec<String>,
}

/// The history paths: the flags', then the profile's.
#[must_use]
pub fn paths(args: &HistoryArgs, profile: &Profile) -> Vec<PathBuf> {
    args.history.iter().chain(&profile.history).cloned().collect()
}

/// Read the history the flags and the profile name, up to the start of `--today` (default:
/// the real date); `None` when neither names any.
///
/// # Errors
/// A path or file that cannot be read or is malformed, or no activity before today (exit 2).
pub fn read(args: &HistoryArgs, profile: &Profile, ctx: &Context) -> Result<Option<Followed>> {
    let paths = paths(args, profile);
    if paths.is_empty() {
        return Ok(None);
    }
    let today = match args.today {
        Some(d) => d,
        None => crate::dates::today()?,
    };
    let history = history::read(&paths)?;
    super::status::report(&history, today, ctx);
    let runner = Runner {
        heart: profile.heart_rates,
        paces: profile.fitness.map(|f| f.paces()),
    };
    let days = state::days(&history, today, &runner, &profile.catalog, profile.level);
    if days.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(flag_error(
            "--history",
            format!(
                "no activity before {today} in {}: plans start from what was run before --today",
                shown.join(", ")
            ),
        ));
    }
    Ok(Some(Followed { history, days, today }))
}

impl Followed {
    /// The days read before `date`.
    #[must_use]
    pub fn before(&self, date: Date) -> &[state::Day] {
        let n = self.days.iter().take_while(|d| d.date < date).count();
        &self.days[..n]
    }

    /// `problem` with the runner's current weekly minutes from the status: the minutes a
    /// week of the 28 days before its date, or, when fewer days were read, of the days
    /// read (28 days holding 4 of them would read a quarter of the runner's volume); the
    /// profile's when nothing was run. With the note that says which.
    #[must_use]
    pub fn with_current_minutes(&self, problem: Problem, status: &Status) -> (Problem, String) {
        let read = self
            .before(status.date)
            .first()
            .map_or(0, |d| days_between(d.date, status.date));
        let said = problem.current_weekly_minutes();
        if status.weekly_minutes_28d <= 0.0 {
            let note = format!(
                "nothing run in the 28 days before {}: current weekly minutes from the profile ({said:.0})",
                status.date
            );
            return (problem, note);
        }
        let (minutes, over) = if read >= 28 {
            (status.weekly_minutes_28d, "the 28 days".to_string())
        } else {
            // All the days read fall in the 28: their minutes are 4 x the 28 days' weekly ones.
            let days = read.max(1) as f64;
            (
                4.0 * status.weekly_minutes_28d * 7.0 / days,
                format!("the {read} days read"),
            )
        };
        let note = format!(
            "current weekly minutes {minutes:.0}, from {over} before {} (the profile says {said:.0})",
            status.date
        );
        (problem.with_current_weekly_minutes(minutes), note)
    }

    /// The status at the start of `date` (on or before `today`) from the days before it.
    #[must_use]
    pub fn status_at(&self, date: Date, params: &crate::model::ModelParams) -> Status {
        state::status(self.before(date), date, params)
    }

    /// What the output says about the state at the start of `date`, with `notes` added to
    /// the note on days read.
    #[must_use]
    pub fn used(&self, status: &Status, mut notes: Vec<String>) -> HistoryUsed {
        let read = self.before(status.date);
        let first_day = read.first().map_or(status.date, |d| d.date);
        let days_read = usize::try_from(days_between(first_day, status.date).max(0)).unwrap_or(0);
        if crate::dates::whole(days_read) < FULL_HISTORY_DAYS {
            notes.push(format!(
                "only {days_read} days read before {}: fitness builds over about six weeks from zero, so with fewer than {FULL_HISTORY_DAYS} days it is underestimated",
                status.date
            ));
        }
        HistoryUsed {
            first_day,
            last_day: add_days(status.date, -1),
            days_read,
            activities: self.history.activities.len(),
            state_at: status.date,
            fitness: status.filters.fitness,
            fatigue: status.filters.fatigue,
            legs: status.filters.legs,
            weekly_minutes_28d: status.weekly_minutes_28d,
            usual_load: status.usual_load,
            longest_run_30d: status.longest_run_30d,
            notes,
        }
    }
}

/// The filters of a status as the model's start state.
#[must_use]
pub fn start_of(status: &Status) -> Start {
    Start {
        fitness: status.filters.fitness,
        fatigue: status.filters.fatigue,
        legs: status.filters.legs,
    }
}

impl HistoryUsed {
    /// The lines a table shows: what was read and the state, then the notes.
    #[must_use]
    pub fn table(&self, columns: usize) -> String {
        use crate::export::table::{num, wrap};
        let line = format!(
            "From history: {} days read, {} to {}; at the start of {}: fitness {}, fatigue {}, legs {}, {} minutes a week over the last 28 days, longest run of the last 30 days {} minutes.",
            self.days_read,
            self.first_day,
            self.last_day,
            self.state_at,
            num(self.fitness),
            num(self.fatigue),
            num(self.legs),
            num(self.weekly_minutes_28d),
            num(self.longest_run_30d)
        );
        let mut out = wrap(&line, columns, "");
        out.push('\n');
        for note in &self.notes {
            out.push_str(&wrap(&format!("- {note}"), columns, "  "));
            out.push('\n');
        }
        out
    }
}

/// A document with the history it was planned from: the document's own keys and
/// `history`.
#[derive(Debug, Clone, Serialize)]
pub struct WithHistory<D> {
    /// The document.
    #[serde(flatten)]
    pub doc: D,
    /// What was read.
    pub history: HistoryUsed,
}

impl<D: crate::export::Document> crate::export::Document for WithHistory<D> {
    fn table(&self, style: &crate::export::table::Style) -> String {
        let mut out = self.history.table(usize::from(style.columns()));
        out.push('\n');
        out.push_str(&self.doc.table(style));
        out
    }

    fn ics(&self) -> Option<String> {
        self.doc.ics()
    }

    fn svg(&self) -> Option<String> {
        self.doc.svg()
    }
}

/// Days read that a block needs before it starts from them: the 28 days of its first
/// acwr and the 30 days of its single-run guardrail.
pub const FULL_BLOCK_DAYS: i64 = 30;

/// A block's problem from history: the state at the start of the block's first day (or of
/// `--today`, when the block starts later: the days between are not run yet), the weekly
/// minutes of the 28 days before as the current ones, and the three weeks' loads and the
/// 30 days' runs before, where the block's acwr and single-run guardrail look back.
#[must_use]
pub fn for_block(problem: Problem, followed: &Followed, start: Date) -> (Problem, HistoryUsed) {
    let at = start.min(followed.today);
    let status = followed.status_at(at, problem.params());
    let mut notes = Vec::new();
    if at < start {
        notes.push(format!(
            "the block starts on {start}; the state is at the start of {at}, as the days between are not run yet"
        ));
    }
    let (mut problem, note) = followed.with_current_minutes(problem, &status);
    notes.push(note);
    let read = followed.before(at);
    let days_read = read.first().map_or(0, |d| days_between(d.date, at));
    if days_read < FULL_BLOCK_DAYS {
        notes.push(format!(
            "only {days_read} days read before {at}: too few to know the three weeks and 30 days a block looks back over, so the block starts from the profile's usual week at the minutes read"
        ));
    } else if status.longest_run_30d > 0.0 {
        let runs = std::array::from_fn(|j| {
            let date = add_days(at, crate::dates::whole(j) - crate::dates::whole(RECENT_DAYS));
            read.iter()
                .find(|d| d.date == date)
                .map_or(0.0, |d| d.longest_run)
        });
        let w = &status.weeks;
        problem = problem.with_recent(Recent {
            fitness: status.filters.fitness,
            fatigue: status.filters.fatigue,
            weekly_loads: [w[1].load, w[2].load, w[3].load],
            runs,
        });
        notes.push(format!(
            "the block starts from fitness {:.0} and fatigue {:.0}; its first long run is the longest run of the last 30 days ({:.0} minutes) within the goal's peak, and no run goes past the single-run limit over it",
            status.filters.fitness, status.filters.fatigue, status.longest_run_30d
        ));
    } else {
        notes.push(format!(
            "no run in the 30 days before {at}: the block starts from the profile's usual week"
        ));
    }
    let used = followed.used(&status, notes);
    (problem, used)
}

/// `generate`'s problem from history: the weekly minutes of the 28 days before `--today`
/// as the runner's current ones (the week is judged repeated, so the state itself does not
/// enter its score).
#[must_use]
pub fn for_week(problem: Problem, followed: &Followed) -> (Problem, HistoryUsed) {
    let status = followed.status_at(followed.today, problem.params());
    let mut notes = Vec::new();
    let (problem, note) = followed.with_current_minutes(problem, &status);
    notes.push(note);
    let (problem, reach) = within_reach(problem);
    notes.extend(reach);
    let used = followed.used(&status, notes);
    (problem, used)
}

/// How far above the minutes a runner is used to one week may aim: the `volume` component
/// loses nothing within 5 % (docs/model.md, "Planning from history").
pub const REACH: f64 = 1.05;

/// `problem` aiming at no more than [`REACH`] times the minutes a week the runner has
/// been running (read from history), with the note that says so: the profile's
/// `weekly_minutes` far above them asks for a jump that the model scores down, and the
/// best week at that target is the one that runs least (rest days and hard sessions in
/// place of easy running). A block builds back towards the target week by week instead.
#[must_use]
pub fn within_reach(problem: Problem) -> (Problem, Option<String>) {
    let (target, current) = (problem.weekly_minutes(), problem.current_weekly_minutes());
    let reach = (REACH * current).max(*crate::limits::WEEKLY_MINUTES.start());
    if target <= reach {
        return (problem, None);
    }
    let note = format!(
        "this week aims at {reach:.0} minutes, 5 % over the {current:.0} a week you have been running, not the profile's {target:.0}: more at once is a jump (the volume component); weekwright block builds back towards {target:.0} week by week"
    );
    (problem.with_weekly_minutes(reach), Some(note))
}
