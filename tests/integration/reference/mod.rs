//! A reference implementation of the stress-recovery model, version 2, written from
//! shared/MODEL.md alone (each rule cites its section; §10 "Precise readings" settles what
//! the text leaves open, and the few readings MODEL.md does not settle are marked
//! "Reading:"). It shares no code with src/ (nothing here uses `weekwright`), so that the
//! crate's own implementation of v2 can be checked against it: on the vectors of
//! tests/data/model-vectors.yaml and on random weeks.
//!
//! One week, scored: [`score`] turns a week (a session a day, some with explicit minutes),
//! the runner's level and goal and an optional profile into every number the model reports.

pub mod catalog;
pub mod components;
pub mod constraints;
pub mod filters;
pub mod metrics;
pub mod minutes;
pub mod profile;
pub mod rules;

use catalog::{Goal, Level, Session};
use components::Component;
use filters::SteadyState;
use metrics::Metrics;
use minutes::Day;
use profile::Profile;

/// What is scored: a week, Monday first, the runner's level and goal, and the profile (none:
/// catalog minutes and the structural constraints only, as `weekwright score` without
/// `--profile`).
#[derive(Clone, Debug)]
pub struct Input {
    pub week: [Day; 7],
    pub level: Level,
    pub goal: Goal,
    pub profile: Option<Profile>,
}

/// A planned week as the later sections read it: sessions, minutes (§2) and loads (§1).
pub struct Case<'a> {
    pub sessions: [Session; 7],
    pub minutes: [f64; 7],
    pub load: [f64; 7],
    pub level: Level,
    pub goal: Goal,
    pub profile: Option<&'a Profile>,
}

/// §7 verdicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Balanced,
    Watch,
    Unbalanced,
}

impl Verdict {
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Balanced => "balanced",
            Verdict::Watch => "watch",
            Verdict::Unbalanced => "unbalanced",
        }
    }
}

/// Everything the model reports for one week.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub minutes: [f64; 7],
    pub load: [f64; 7],
    pub metrics: Metrics,
    pub state: SteadyState,
    /// Points lost per component, in [`Component::ALL`]'s order (P x points).
    pub lost: [f64; 10],
    pub violations: Vec<&'static str>,
    pub score: f64,
    pub verdict: Verdict,
    pub repeatable: bool,
}

impl Outcome {
    /// The points a component lost.
    pub fn lost(&self, component: Component) -> f64 {
        self.lost[Component::ALL.iter().position(|&c| c == component).unwrap()]
    }
}

/// §5: each violation costs 15 points.
pub const VIOLATION_POINTS: f64 = 15.0;

/// Score one week under model v2.
pub fn score(input: &Input) -> Outcome {
    let profile = input.profile.as_ref();
    let minutes = minutes::plan(&input.week, input.level, input.goal, profile);
    let sessions = input.week.map(|d| d.session);
    // §1: the load of a session is w = sRPE x minutes.
    let load = std::array::from_fn(|d| sessions[d].srpe() * minutes[d]);
    let case = Case {
        sessions,
        minutes,
        load,
        level: input.level,
        goal: input.goal,
        profile,
    };
    let state = filters::steady_state(&case.sessions, &case.load);
    let metrics = metrics::metrics(&case, &state);
    let p = components::fractions(&case, &metrics);
    let lost = std::array::from_fn(|i| p[i] * Component::ALL[i].points());
    let violations = constraints::violations(&case, &metrics);
    // §5: max(0, 100 - points lost - 15 x number of violations).
    let score = (100.0 - lost.iter().sum::<f64>() - VIOLATION_POINTS * violations.len() as f64).max(0.0);
    let verdict = verdict(score, violations.is_empty());
    let repeatable = repeatable(&metrics, violations.is_empty());
    Outcome {
        minutes,
        load,
        metrics,
        state,
        lost,
        violations,
        score,
        verdict,
        repeatable,
    }
}

/// §7: `balanced` with no violation and a score of 80 or more; `watch` with no violation and
/// 60 <= score < 80; `unbalanced` otherwise.
fn verdict(score: f64, no_violation: bool) -> Verdict {
    match score {
        s if no_violation && s >= 80.0 => Verdict::Balanced,
        s if no_violation && s >= 60.0 => Verdict::Watch,
        _ => Verdict::Unbalanced,
    }
}

/// §7 `repeatable`: no violation, `peak_fatigue_ratio <= 1.3`, `monotony <= 2.0`, and every
/// key day starts with rho <= 2.2.
fn repeatable(m: &Metrics, no_violation: bool) -> bool {
    no_violation
        && m.peak_fatigue_ratio <= 1.3
        && m.monotony <= 2.0
        && m.freshness.iter().flatten().all(|&rho| rho <= 2.2)
}

/// CLI.md's WEEK syntax: seven comma-separated sessions, Monday first, each `id` or
/// `id:minutes` (names as §1 forgives them).
pub fn parse_week(text: &str) -> Result<[Day; 7], String> {
    let days: Vec<Day> = text.split(',').map(parse_day).collect::<Result<_, _>>()?;
    days.try_into()
        .map_err(|d: Vec<Day>| format!("a week has 7 days, {text:?} has {}", d.len()))
}

fn parse_day(text: &str) -> Result<Day, String> {
    let (name, minutes) = match text.split_once(':') {
        Some((name, m)) => {
            let m: f64 = m.trim().parse().map_err(|e| format!("{text:?}: {e}"))?;
            (name, Some(m))
        }
        None => (text, None),
    };
    let session = Session::parse(name).ok_or_else(|| {
        let ids: Vec<&str> = Session::ALL.iter().map(|s| s.id()).collect();
        format!("unknown session {name:?}; the ids are {}", ids.join(", "))
    })?;
    Ok(Day { session, minutes })
}
