//! From numbers to reasons: the report of one week, with a sentence per component, the
//! days behind each violation, and notes in the language of the article the product grew
//! from ("Friday's tempo comes two days after Tuesday's intervals", not "spacing 0.5").

mod components;
mod notes;
mod rules;
mod violations;

use serde::Serialize;

use super::{Assessment, Component, Constraint, DayMarks, Judge, Metrics, Verdict, WeekLoads};
use crate::catalog::Session;
use crate::week::Day;
use crate::workout::{Coach, Reach, Workout};

/// One day of a plan as printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayOut {
    /// Weekday.
    pub day: Day,
    /// Calendar date, in blocks and calendars.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<jiff::civil::Date>,
    /// Session id.
    pub session: Session,
    /// Minutes.
    pub minutes: f64,
    /// Load (sRPE x minutes).
    pub load: f64,
    /// The distance of the day's workout (`distance_km` or `distance_mi`), when the runner's
    /// fitness is known.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub distance: Option<Reach>,
    /// The day's workout; none on a rest day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workout: Option<Workout>,
    /// Already run (`replan`): the session closest to what was run there, or rest where
    /// nothing was, with the real minutes and load. Left out of output when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub done: bool,
}

/// Totals of a week.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Totals {
    /// Minutes.
    pub minutes: f64,
    /// Load.
    pub load: f64,
    /// Quality sessions.
    pub quality_sessions: u8,
    /// Rest days.
    pub rest_days: u8,
    /// The week's distance (`distance_km` or `distance_mi`), when the runner's fitness is
    /// known.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub distance: Option<Reach>,
}

/// One component's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComponentOut {
    /// Component id.
    pub id: Component,
    /// Points the component is worth.
    pub points: f64,
    /// Points lost.
    pub lost: f64,
    /// One sentence: why.
    pub why: String,
}

/// One broken constraint.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ViolationOut {
    /// Constraint id.
    pub id: Constraint,
    /// The days involved.
    pub days: Vec<Day>,
    /// One sentence: what is broken and how to mend it.
    pub why: String,
}

/// The explained result of scoring one week: the plan object of CLI.md.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// 0..100.
    pub score: f64,
    /// Balanced, watch or unbalanced.
    pub verdict: Verdict,
    /// A repeatable fixed point of the model.
    pub repeatable: bool,
    /// Seven days, Monday first.
    pub days: Vec<DayOut>,
    /// Totals.
    pub totals: Totals,
    /// Metrics of docs/model.md section 5.
    pub metrics: Metrics,
    /// Every component, in the order of docs/model.md section 6.
    pub components: Vec<ComponentOut>,
    /// Broken constraints.
    pub violations: Vec<ViolationOut>,
    /// What a runner should read.
    pub notes: Vec<String>,
    /// Points each violation costs (the table shows them, so its lines add up to the score).
    #[serde(skip)]
    pub violation_penalty: f64,
}

/// What every sentence reads: the judge, the week, its assessment and the runner's target.
#[derive(Debug, Clone, Copy)]
struct Facts<'a> {
    judge: &'a Judge,
    week: &'a WeekLoads,
    a: &'a Assessment,
    target: Target,
}

/// Facts about the runner that sentences mention, and whose week it is.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Target {
    /// Target weekly minutes, if the profile gives one.
    pub weekly_minutes: Option<f64>,
    /// The runner brought this week (`score`): notes may say what to change. A week the
    /// engine chose (`generate`, `block`) is the best the runner's constraints allow, so
    /// its notes say what it costs and never ask for a change.
    pub advise: bool,
}

/// "Monday", "Monday and Friday", "Monday, Tuesday and Friday".
#[must_use]
pub fn list_days(days: &[Day]) -> String {
    join_and(&days.iter().map(|d| d.name().to_string()).collect::<Vec<_>>())
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The verb ending that agrees with a session as a subject: "Friday's tempo comes", but
/// "Monday's intervals come" and "Tuesday's hill repeats come".
fn s_of(session: Session) -> &'static str {
    if session.prose().ends_with('s') { "" } else { "s" }
}

fn possessive(day: Day, session: Session) -> String {
    format!("{}'s {}", day.name(), session.prose())
}

/// The days of a mask of [`DayMarks`], Monday first.
fn days_in(mask: u8) -> Vec<Day> {
    Day::ALL
        .into_iter()
        .filter(|d| DayMarks::has(mask, d.index()))
        .collect()
}

fn pct(x: f64) -> String {
    format!("{:.0} %", x * 100.0)
}

fn days_word(n: u8) -> &'static str {
    match n {
        1 => "one day",
        2 => "two days",
        3 => "three days",
        4 => "four days",
        5 => "five days",
        6 => "six days",
        _ => "a week",
    }
}

/// Explain an assessment for a runner (the days' workouts come after: [`Report::coach`]).
#[must_use]
pub fn explain(judge: &Judge, week: &WeekLoads, a: &Assessment, target: Target) -> Report {
    let facts = Facts {
        judge,
        week,
        a,
        target,
    };
    let days = Day::ALL
        .iter()
        .map(|&d| DayOut {
            day: d,
            date: None,
            session: week.sessions[d.index()],
            minutes: week.minutes[d.index()],
            load: week.load[d.index()],
            distance: None,
            workout: None,
            done: false,
        })
        .collect();
    let components = Component::ALL
        .iter()
        .enumerate()
        .map(|(i, &c)| ComponentOut {
            id: c,
            points: c.points(),
            lost: a.lost[i],
            why: components::why(c, &facts),
        })
        .collect();
    let violations = a
        .violations
        .iter()
        .map(|c| violations::violation(c, &facts))
        .collect();
    Report {
        score: a.score,
        verdict: a.verdict,
        repeatable: a.repeatable,
        days,
        totals: Totals {
            minutes: a.minutes,
            load: a.load,
            quality_sessions: a.quality_sessions,
            rest_days: a.rest_days,
            distance: None,
        },
        metrics: a.metrics,
        components,
        violations,
        notes: notes::notes(&facts),
        violation_penalty: judge.params.violation_penalty,
    }
}

/// What fills the days strictly between `from` and `to` (around the week), in words.
fn between(s: &[Session; 7], from: usize, to: usize) -> &'static str {
    let days: Vec<Session> = (1..7).map(|k| s[(from + k) % 7]).collect();
    let span = (to + 7 - from) % 7;
    let inner = &days[..span.saturating_sub(1)];
    if inner.contains(&Session::Moderate) {
        "a grey-zone moderate run"
    } else if inner.iter().all(|&x| x == Session::Rest) {
        "rest"
    } else {
        "easy running"
    }
}

/// The key day before `d` around the week, if any other.
fn previous_key(s: &[Session; 7], d: usize) -> Option<usize> {
    (1..7).map(|k| (d + 7 - k) % 7).find(|&e| s[e].is_key())
}

impl Report {
    /// Put the coach's workouts on the training days, and the week's distance in the totals.
    #[must_use]
    pub fn coach(mut self, coach: &Coach) -> Self {
        self.totals.distance = attach(coach, &mut self.days);
        self
    }
}

/// Put the coach's workout (and, with fitness, a distance) on each training day; the week's
/// distance, with fitness. Strides keep within Daniels' R cap of the days' minutes.
pub fn attach(coach: &Coach, days: &mut [DayOut]) -> Option<Reach> {
    let week: f64 = days.iter().map(|d| d.minutes).sum();
    for d in days.iter_mut() {
        (d.workout, d.distance) = coach.day(d.session, d.minutes, week);
    }
    coach.week_distance(days.iter().map(|d| d.distance))
}
