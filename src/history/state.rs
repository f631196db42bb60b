//! The runner's state from what was run: the days read, each with its minutes, load, leg
//! input and closest session; the model's three filters run over them day by day with the
//! exact recurrences of docs/model.md section 4, from zero on the day before the first day read
//! to the start of today; and the figures of `weekwright status`.

use jiff::civil::Date;

use super::History;
use super::load::{self, Runner};
use crate::catalog::{Catalog, Level, Session};
use crate::dates::{add_days, days_between, whole};
use crate::model::ModelParams;
use crate::model::filters::Filter;

/// Days of history that fitness (tau 42 days) needs before it is not underestimated.
pub const FULL_HISTORY_DAYS: i64 = 42;

/// One day read.
#[derive(Debug, Clone, PartialEq)]
pub struct Day {
    /// The date.
    pub date: Date,
    /// Minutes of every activity that day.
    pub minutes: f64,
    /// Load: the sum of the activities' loads.
    pub load: f64,
    /// The legs filter's input: each activity's load x its impact.
    pub leg_load: f64,
    /// Minutes of the longest run that day (0 without a run).
    pub longest_run: f64,
    /// The catalog session of the day's largest load (rest without activity).
    pub session: Session,
    /// Whether that session's intensity is known: the log names it, or its RPE comes from
    /// the runner, heart rate or pace (not the default), or it is cross-training.
    pub known: bool,
}

/// The filters' values at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Filters {
    /// Fitness F (tau 42 d).
    pub fitness: f64,
    /// Fatigue A (tau 7 d).
    pub fatigue: f64,
    /// Legs H (tau 2 d, gain 1).
    pub legs: f64,
}

/// The days from the first activity to the day before `today`, activities on or after
/// `today` left out (they have not happened by the start of today).
#[must_use]
pub fn days(history: &History, today: Date, runner: &Runner, catalog: &Catalog, level: Level) -> Vec<Day> {
    let past: Vec<_> = history
        .activities
        .iter()
        .filter(|a| a.start.date() < today)
        .collect();
    let Some(first) = past.iter().map(|a| a.start.date()).min() else {
        return Vec::new();
    };
    let n = days_between(first, today).max(0) as usize;
    let mut out: Vec<Day> = (0..n)
        .map(|i| Day {
            date: add_days(first, whole(i)),
            minutes: 0.0,
            load: 0.0,
            leg_load: 0.0,
            longest_run: 0.0,
            session: Session::Rest,
            known: true,
        })
        .collect();
    let mut biggest = vec![0.0_f64; n];
    for a in past {
        let i = days_between(first, a.start.date()) as usize;
        let l = load::of(a, runner);
        let day = &mut out[i];
        day.minutes += a.minutes;
        day.load += l.load;
        day.leg_load += l.impact * l.load;
        if a.sport.is_running() {
            day.longest_run = day.longest_run.max(a.minutes);
        }
        if l.load > biggest[i] || day.session == Session::Rest {
            biggest[i] = l.load;
            day.session = load::closest_session(a, &l, catalog, level);
            day.known = a.session.is_some() || l.basis != load::Basis::Default || !a.sport.is_running();
        }
    }
    out
}

/// The filters after every day of `days`, from zero on the day before the first:
/// `F_t = aF F_(t-1) + (1 - aF) w_t`, `A_t = aA A_(t-1) + (1 - aA) w_t`,
/// `H_t = aH H_(t-1) + impact_t w_t`, with `a = exp(-1/tau)`.
#[must_use]
pub fn run(days: &[Day], params: &ModelParams) -> Filters {
    let f = Filter::average(params.tau_fitness);
    let a = Filter::average(params.tau_fatigue);
    let h = Filter::impulse(params.tau_legs);
    days.iter().fold(Filters::default(), |s, d| Filters {
        fitness: f.step(s.fitness, d.load),
        fatigue: a.step(s.fatigue, d.load),
        legs: h.step(s.legs, d.leg_load),
    })
}

/// Seven days' minutes and load.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Week {
    /// Its first day.
    pub start: Date,
    /// Minutes.
    pub minutes: f64,
    /// Load.
    pub load: f64,
}

/// Everything `weekwright status` reports.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    /// Today: the state is at its start.
    pub date: Date,
    /// The filters at the start of today.
    pub filters: Filters,
    /// The last seven days' load over the mean of the three weeks before (0 when they are 0).
    pub acwr: f64,
    /// The four seven-day weeks that end yesterday, oldest first.
    pub weeks: [Week; 4],
    /// The longest single run of the last 30 days, minutes.
    pub longest_run_30d: f64,
    /// Minutes a week over the last 28 days (what `current_weekly_minutes` means).
    pub weekly_minutes_28d: f64,
    /// Mean daily load over the last 28 days: the usual load (C0's meaning).
    pub usual_load: f64,
    /// Days read: from the first day with an activity to yesterday.
    pub days_read: usize,
    /// The first day read, when any.
    pub first_day: Option<Date>,
}

/// The status at the start of `today` from the days read.
#[must_use]
pub fn status(days: &[Day], today: Date, params: &ModelParams) -> Status {
    let in_range = |from: i64, to: i64| {
        days.iter().filter(move |d| {
            let back = days_between(d.date, today);
            (from..=to).contains(&back)
        })
    };
    let weeks: [Week; 4] = std::array::from_fn(|k| {
        let to = 7 * (4 - whole(k));
        Week {
            start: add_days(today, -to),
            minutes: in_range(to - 6, to).fold(0.0, |s, d| s + d.minutes),
            load: in_range(to - 6, to).fold(0.0, |s, d| s + d.load),
        }
    });
    let before = (weeks[0].load + weeks[1].load + weeks[2].load) / 3.0;
    Status {
        date: today,
        filters: run(days, params),
        acwr: if before > 0.0 { weeks[3].load / before } else { 0.0 },
        weeks,
        longest_run_30d: in_range(1, 30).map(|d| d.longest_run).fold(0.0, f64::max),
        weekly_minutes_28d: in_range(1, 28).fold(0.0, |s, d| s + d.minutes) / 4.0,
        usual_load: in_range(1, 28).fold(0.0, |s, d| s + d.load) / 28.0,
        days_read: days.len(),
        first_day: days.first().map(|d| d.date),
    }
}

/// One day of a trace: its load and the filters at its end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TraceDay {
    /// The date.
    pub date: Date,
    /// The day's load.
    pub load: f64,
    /// The filters after the day.
    pub filters: Filters,
}

/// The `n` days before `today`, oldest first, each with its load and the filters at its
/// end, run as [`run`] runs them (zero before the first day read, so a day before it has
/// no load and filters at zero).
#[must_use]
pub fn trace(days: &[Day], today: Date, n: usize, params: &ModelParams) -> Vec<TraceDay> {
    let f = Filter::average(params.tau_fitness);
    let a = Filter::average(params.tau_fatigue);
    let h = Filter::impulse(params.tau_legs);
    let first = add_days(today, -whole(n));
    let mut out: Vec<TraceDay> = (0..n)
        .map(|i| TraceDay {
            date: add_days(first, whole(i)),
            load: 0.0,
            filters: Filters::default(),
        })
        .collect();
    let mut s = Filters::default();
    for d in days {
        s = Filters {
            fitness: f.step(s.fitness, d.load),
            fatigue: a.step(s.fatigue, d.load),
            legs: h.step(s.legs, d.leg_load),
        };
        let back = days_between(first, d.date);
        if let Some(t) = usize::try_from(back).ok().and_then(|i| out.get_mut(i)) {
            t.load = d.load;
            t.filters = s;
        }
    }
    out
}
