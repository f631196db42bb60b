//! Planned against done (`weekwright review`; docs/model.md section 4, "Review"): each
//! planned day before today judged done, missed, changed or extra, and compliance, the
//! share of the planned minutes that were run, TrainingPeaks' duration compliance summed
//! over the days with each day capped at its plan.

use jiff::civil::Date;
use serde::Serialize;

use super::state::Day;
use crate::catalog::Session;
use crate::dates::days_between;

/// A day of the plan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Planned {
    /// Its date.
    pub date: Date,
    /// The session.
    pub session: Session,
    /// Minutes (0 on a rest day).
    pub minutes: f64,
    /// Load.
    pub load: f64,
}

/// How a planned day went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// As planned: the same kind of session, its minutes within [`DONE_BAND`] of the plan;
    /// or a planned rest day with nothing run.
    Done,
    /// Training planned, nothing run.
    Missed,
    /// Training planned, something else run: another kind of session, or minutes outside
    /// the band.
    Changed,
    /// Rest planned, something run.
    Extra,
}

/// Done minutes within this share of the planned minutes count as done: TrainingPeaks'
/// green band (80 to 120 % of the planned duration).
pub const DONE_BAND: f64 = 0.2;

/// The share of its minutes a session of another kind earns towards compliance: the
/// minutes were run, but not the stimulus planned.
pub const OTHER_KIND_CREDIT: f64 = 0.5;

/// The kinds of session a review tells apart: a tempo run for intervals is the same kind
/// (quality), an easy run for a long run is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Rest.
    Rest,
    /// `recovery`, `easy`, `strides`.
    Easy,
    /// `cross`.
    Cross,
    /// `moderate`.
    Moderate,
    /// `long`, `long_fast`.
    Long,
    /// `marathon`, `tempo`, `intervals`, `hills`, `race`.
    Quality,
}

impl Kind {
    /// The kind of a session.
    #[must_use]
    pub fn of(s: Session) -> Self {
        match s {
            Session::Rest => Kind::Rest,
            Session::Recovery | Session::Easy | Session::Strides => Kind::Easy,
            Session::Cross => Kind::Cross,
            Session::Moderate => Kind::Moderate,
            Session::Long | Session::LongFast => Kind::Long,
            Session::Marathon | Session::Tempo | Session::Intervals | Session::Hills | Session::Race => {
                Kind::Quality
            }
        }
    }
}

/// What was run on a day: nothing, or the day's minutes, load and closest session.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Done {
    /// The closest session of the day's largest activity (rest: nothing run).
    pub session: Session,
    /// Minutes.
    pub minutes: f64,
    /// Load.
    pub load: f64,
    /// Whether the session's intensity is known (see [`Day::known`]).
    pub known: bool,
}

impl Done {
    /// Nothing run.
    pub const NOTHING: Done = Done {
        session: Session::Rest,
        minutes: 0.0,
        load: 0.0,
        known: true,
    };

    fn of(d: &Day) -> Self {
        Done {
            session: d.session,
            minutes: d.minutes,
            load: d.load,
            known: d.known,
        }
    }
}

/// One planned day judged.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Judged {
    /// The plan's day.
    pub planned: Planned,
    /// What was run.
    pub done: Done,
    /// How it went.
    pub verdict: Verdict,
    /// Minutes credited towards compliance: the minutes run up to the plan's, at
    /// [`OTHER_KIND_CREDIT`] for another kind of session; 0 on a rest day.
    pub credit: f64,
}

/// Whether what was run is the kind of session planned. A run whose intensity is not
/// known (no RPE, heart rate, pace or session name) is judged only as a run.
#[must_use]
pub fn same_kind(planned: Session, done: &Done) -> bool {
    let (p, d) = (Kind::of(planned), Kind::of(done.session));
    if !done.known && d != Kind::Cross {
        return !matches!(p, Kind::Cross | Kind::Rest);
    }
    p == d
}

/// Judge one day.
#[must_use]
pub fn judge(planned: Planned, done: Done) -> Judged {
    let ran = done.minutes > 0.0;
    let (verdict, credit) = if planned.session == Session::Rest {
        (if ran { Verdict::Extra } else { Verdict::Done }, 0.0)
    } else if !ran {
        (Verdict::Missed, 0.0)
    } else {
        let same = same_kind(planned.session, &done);
        let within = (done.minutes - planned.minutes).abs() <= DONE_BAND * planned.minutes;
        let verdict = if same && within {
            Verdict::Done
        } else {
            Verdict::Changed
        };
        let share = if same { 1.0 } else { OTHER_KIND_CREDIT };
        (verdict, share * done.minutes.min(planned.minutes))
    };
    Judged {
        planned,
        done,
        verdict,
        credit,
    }
}

/// Judge the plan's days before `today` against the days run (`days`, consecutive from
/// the first activity, as [`super::state::days`] lays them out).
#[must_use]
pub fn review(plan: &[Planned], days: &[Day], today: Date) -> Vec<Judged> {
    let first = days.first().map(|d| d.date);
    plan.iter()
        .filter(|p| p.date < today)
        .map(|p| {
            let done = first
                .and_then(|f| usize::try_from(days_between(f, p.date)).ok())
                .and_then(|i| days.get(i))
                .filter(|d| d.date == p.date)
                .map_or(Done::NOTHING, Done::of);
            judge(*p, done)
        })
        .collect()
}

/// Compliance of judged days: the minutes credited over the minutes planned; 1 when no
/// training was planned (nothing could be missed).
#[must_use]
pub fn compliance(days: &[Judged]) -> f64 {
    let planned: f64 = days.iter().map(|d| d.planned.minutes).sum();
    let credit: f64 = days.iter().map(|d| d.credit).sum();
    if planned > 0.0 { credit / planned } else { 1.0 }
}
