//! `weekwright status`: what was run in, the runner's state at the start of today out:
//! fitness, fatigue, form, legs, acwr, the last four weeks, the longest recent run, and
//! what they mean in a sentence a runner reads.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Serialize;

use super::{Context, flag_error, load_profile};
use crate::cli::StatusArgs;
use crate::error::Result;
use crate::export::{Document, table};
use crate::history::state::{self, FULL_HISTORY_DAYS, Status, TraceDay};
use crate::history::{self, History, load::Runner};
use crate::profile::Profile;

/// Seven days of minutes and load.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekOutput {
    /// Its first day.
    pub start: Date,
    /// Minutes run and cross-trained.
    pub minutes: f64,
    /// Load (session RPE x minutes).
    pub load: f64,
}

/// What `status` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusOutput {
    /// Today: the state is at its start (after yesterday).
    pub date: Date,
    /// Fitness F (42-day average of daily load).
    pub fitness: f64,
    /// Fatigue A (7-day average of daily load).
    pub fatigue: f64,
    /// Form: fitness less fatigue.
    pub form: f64,
    /// Leg fatigue H (2-day time constant, cross-training at half impact).
    pub legs: f64,
    /// The last seven days' load over the mean of the three weeks before.
    pub acwr: f64,
    /// The four seven-day weeks that end yesterday, oldest first.
    pub weeks: Vec<WeekOutput>,
    /// The longest run of the last 30 days, minutes.
    pub longest_run_30d: f64,
    /// Days read: from the first day with an activity to yesterday.
    pub days_read: usize,
    /// The first day read.
    pub first_day: Option<Date>,
    /// Minutes a week over the last 28 days.
    pub weekly_minutes_28d: f64,
    /// Mean daily load over the last 28 days.
    pub usual_load: f64,
    /// Activities read (copies counted once).
    pub activities: usize,
    /// What the figures mean.
    pub notes: Vec<String>,
    /// The last [`CHART_DAYS`] days, for `--format svg`.
    #[serde(skip)]
    pub chart: Vec<TraceDay>,
}

/// The document of a status.
#[must_use]
pub fn document(s: &Status, history: &History) -> StatusOutput {
    let f = &s.filters;
    StatusOutput {
        date: s.date,
        fitness: f.fitness,
        fatigue: f.fatigue,
        form: f.fitness - f.fatigue,
        legs: f.legs,
        acwr: s.acwr,
        weeks: s
            .weeks
            .iter()
            .map(|w| WeekOutput {
                start: w.start,
                minutes: w.minutes,
                load: w.load,
            })
            .collect(),
        longest_run_30d: s.longest_run_30d,
        days_read: s.days_read,
        first_day: s.first_day,
        weekly_minutes_28d: s.weekly_minutes_28d,
        usual_load: s.usual_load,
        activities: history.activities.len(),
        notes: notes(s, history),
        chart: Vec::new(),
    }
}

/// The load of an easy 45-minute run (RPE 3): the unit the legs note counts in.
const EASY_RUN_LOAD: f64 = 135.0;

/// What the figures mean, in a runner's words.
#[must_use]
pub fn notes(s: &Status, history: &History) -> Vec<String> {
    let f = &s.filters;
    let form = f.fitness - f.fatigue;
    let mut out = vec![format!(
        "fitness {:.0}: your daily load averaged over about six weeks (42-day time constant); fatigue {:.0}: the same over about a week (7 days)",
        f.fitness, f.fatigue
    )];
    let words = if f.fitness < 1.0 {
        "no training load to speak of in the last weeks"
    } else if crate::dates::whole(s.days_read) < FULL_HISTORY_DAYS {
        "fitness is still building from zero over the few days read, so form reads low"
    } else {
        form_words(form / f.fitness)
    };
    out.push(format!("form {form:+.0}: {words}"));
    out.push(format!(
        "legs {:.0}: about {:.1} easy 45-minute runs' worth of leg fatigue still to clear; it halves in about a day and a half",
        f.legs,
        f.legs / EASY_RUN_LOAD
    ));
    out.push(format!("acwr {:.2}: {}", s.acwr, acwr_words(s.acwr)));
    out.push(format!(
        "longest run of the last 30 days: {:.0} minutes; a block keeps single runs within reach of it",
        s.longest_run_30d
    ));
    if crate::dates::whole(s.days_read) < FULL_HISTORY_DAYS {
        out.push(format!(
            "only {} days read: fitness builds over about six weeks and starts from zero, so with fewer than {FULL_HISTORY_DAYS} days it is underestimated (and form with it)",
            s.days_read
        ));
    }
    let later = history
        .activities
        .iter()
        .filter(|a| a.start.date() >= s.date)
        .count();
    if later > 0 {
        out.push(format!(
            "{later} activities on or after {} are not counted: the state is at the start of that day",
            s.date
        ));
    }
    if history.duplicates > 0 {
        out.push(format!(
            "{} records were copies of another (same start within {} minutes, same duration within {:.0} %) and count once",
            history.duplicates,
            history::SAME_START_MINUTES,
            history::SAME_SHARE * 100.0
        ));
    }
    out
}

fn form_words(share: f64) -> &'static str {
    if share > 0.05 {
        "fresher than your six-week average: a good day for a hard session or a race"
    } else if share >= -0.1 {
        "in balance: training as usual"
    } else if share >= -0.3 {
        "carrying the fatigue of training, as a building week does"
    } else {
        "tired: more fatigue than fitness can absorb; take easy days before the next hard one"
    }
}

fn acwr_words(acwr: f64) -> &'static str {
    if acwr == 0.0 {
        "no load in the three weeks before the last, so no ratio"
    } else if acwr < 0.8 {
        "the last week was lighter than the three before (a deload, or a break)"
    } else if acwr <= 1.3 {
        "the last week was in line with the three before"
    } else if acwr <= 1.5 {
        "the last week was a jump on the three before; keep the next one steady"
    } else {
        "the last week was far above the three before: the zone where injuries follow (Gabbett 2016)"
    }
}

impl Document for StatusOutput {
    fn svg(&self) -> Option<String> {
        Some(crate::export::svg::status::chart(self.date, &self.chart))
    }

    fn table(&self, style: &table::Style) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}",
            style.bold(&format!("Status at the start of {}", self.date))
        );
        let mut t = table::new_table_in(style);
        t.set_header(vec![
            "fitness",
            "fatigue",
            "form",
            "legs",
            "acwr",
            "longest run 30d",
            "days read",
        ]);
        t.add_row(vec![
            table::num(self.fitness),
            table::num(self.fatigue),
            table::num(self.form),
            table::num(self.legs),
            table::num(self.acwr),
            format!("{} min", table::num(self.longest_run_30d)),
            self.days_read.to_string(),
        ]);
        let _ = writeln!(out, "{t}");
        let mut w = table::new_table_in(style);
        w.set_header(vec!["week from", "minutes", "load"]);
        for week in &self.weeks {
            w.add_row(vec![
                week.start.to_string(),
                table::num(week.minutes),
                table::num(week.load),
            ]);
        }
        let _ = writeln!(out, "{w}");
        let width = usize::from(style.columns());
        for note in &self.notes {
            let _ = writeln!(out, "{}", table::wrap(&format!("- {note}"), width, "  "));
        }
        out
    }
}

/// What `status` and `review` read before they judge: the profile, the history, today,
/// and the days run before today.
pub struct Read {
    /// The profile (built in without --profile).
    pub profile: Profile,
    /// The history read.
    pub history: History,
    /// The day whose start the state is at.
    pub today: Date,
    /// The days from the first activity to yesterday (none without an activity before today).
    pub days: Vec<state::Day>,
    /// The history's paths: the flags', then the profile's.
    pub paths: Vec<PathBuf>,
}

/// Warnings printed at most: a folder of bad files says how many more.
const MAX_WARNINGS: usize = 20;

/// Say on stderr what reading the history left out: files that are not history, and the
/// warnings (at most [`MAX_WARNINGS`], then a count), activities on or after `today` among them.
pub(crate) fn report(history: &History, today: Date, ctx: &Context) {
    for skipped in &history.skipped {
        ctx.info(&format!("skipped {} (not a history format)", skipped.display()));
    }
    let later = history::later_than(history, today);
    for w in history.warnings.iter().chain(&later).take(MAX_WARNINGS) {
        ctx.hint(w);
    }
    let more = (history.warnings.len() + usize::from(later.is_some())).saturating_sub(MAX_WARNINGS);
    if more > 0 {
        ctx.hint(&format!("and {more} more warnings like these"));
    }
}

/// Read the profile and the history of `--history` and the profile's `history:`, print what
/// was left out on stderr, and lay out the days before today.
///
/// # Errors
/// No history, a path or file that cannot be read or is malformed, a bad profile or flag
/// (exit 2).
pub fn read(flags: &[PathBuf], profile: Option<&Path>, today: Option<Date>, ctx: &Context) -> Result<Read> {
    let profile = load_profile(profile)?;
    let paths: Vec<PathBuf> = flags.iter().chain(&profile.history).cloned().collect();
    if paths.is_empty() {
        return Err(flag_error(
            "--history",
            "no history given: name FIT files, GPX tracks, a Strava activities.csv, a log, or folders of them, such as --history ~/watch",
        ));
    }
    let today = match today {
        Some(d) => d,
        None => crate::dates::today()?,
    };
    let history = history::read(&paths)?;
    report(&history, today, ctx);
    let runner = Runner {
        heart: profile.heart_rates,
        paces: profile.fitness.map(|f| f.paces()),
    };
    let days = state::days(&history, today, &runner, &profile.catalog, profile.level);
    Ok(Read {
        profile,
        history,
        today,
        days,
        paths,
    })
}

/// Run `status`.
///
/// # Errors
/// As [`read`], no activity before today (exit 2), or output that cannot be written.
pub fn run(args: &StatusArgs, ctx: &Context) -> Result<()> {
    let r = read(&args.history, args.profile.as_deref(), args.today, ctx)?;
    if r.days.is_empty() {
        return Err(flag_error(
            "--history",
            format!(
                "no activity before {} in {}: status reads what was run before today",
                r.today,
                shown(&r.paths)
            ),
        ));
    }
    let status = state::status(&r.days, r.today, &r.profile.params);
    let mut doc = document(&status, &r.history);
    doc.chart = state::trace(&r.days, r.today, CHART_DAYS, &r.profile.params);
    ctx.emit(&doc, args.format, args.output.as_deref(), "status")
}

/// Days the status chart (`--format svg`) draws.
pub const CHART_DAYS: usize = 90;

fn shown(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
