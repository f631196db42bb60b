//! MODEL.md v2 §5: the ten components, their points, and the fraction P in [0, 1] each
//! loses. The rule-based components (specificity, sessions, rhythm) are in `rules`.

use super::Case;
use super::metrics::{Metrics, longest_other_run};
use super::minutes::{running_days, share_cap};
use super::rules;

/// The ten components of §5, in its table's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Component {
    Volume,
    Recovery,
    Spacing,
    Distribution,
    Specificity,
    Sessions,
    Monotony,
    Repeatability,
    LongRun,
    Rhythm,
}

impl Component {
    pub const ALL: [Component; 10] = [
        Component::Volume,
        Component::Recovery,
        Component::Spacing,
        Component::Distribution,
        Component::Specificity,
        Component::Sessions,
        Component::Monotony,
        Component::Repeatability,
        Component::LongRun,
        Component::Rhythm,
    ];

    /// The component's id in the vectors and the CLI's output.
    pub fn id(self) -> &'static str {
        match self {
            Component::Volume => "volume",
            Component::Recovery => "recovery",
            Component::Spacing => "spacing",
            Component::Distribution => "distribution",
            Component::Specificity => "specificity",
            Component::Sessions => "sessions",
            Component::Monotony => "monotony",
            Component::Repeatability => "repeatability",
            Component::LongRun => "long_run",
            Component::Rhythm => "rhythm",
        }
    }

    /// §5 points: 15, 15, 15, 10, 10, 5, 5, 5, 10, 10 (100 in all).
    pub fn points(self) -> f64 {
        match self {
            Component::Volume | Component::Recovery | Component::Spacing => 15.0,
            Component::Distribution | Component::Specificity | Component::LongRun | Component::Rhythm => 10.0,
            Component::Sessions | Component::Monotony | Component::Repeatability => 5.0,
        }
    }
}

/// §5: "Each component loses a fraction P in [0, 1] (clamped) of its points".
fn clamp01(p: f64) -> f64 {
    p.clamp(0.0, 1.0)
}

/// The fraction P each component loses, in [`Component::ALL`]'s order.
pub fn fractions(case: &Case, m: &Metrics) -> [f64; 10] {
    Component::ALL.map(|c| {
        clamp01(match c {
            Component::Volume => volume(m),
            Component::Recovery => recovery(m),
            Component::Spacing => spacing(case),
            Component::Distribution => distribution(case, m),
            Component::Specificity => rules::specificity(case),
            Component::Sessions => rules::sessions(case),
            // Foster's "preferable" 1.5 up to the 2.5 that loses all.
            Component::Monotony => (m.monotony - 1.5) / 1.0,
            Component::Repeatability => (m.peak_fatigue_ratio - 1.0) / 0.5,
            Component::LongRun => long_run(case, m),
            Component::Rhythm => rules::rhythm(case),
        })
    })
}

/// `volume`: (abs(v - 1) - 0.05) / 0.10; 1 for an empty week (§4: a week without training
/// minutes loses all of `volume`).
fn volume(m: &Metrics) -> f64 {
    if m.minutes == 0.0 {
        1.0
    } else {
        ((m.volume_ratio - 1.0).abs() - 0.05) / 0.10
    }
}

/// `recovery`: the mean over key days of clamp((rho - 1.5) / 0.7), each day clamped before
/// the mean; 0 without key days.
fn recovery(m: &Metrics) -> f64 {
    let terms: Vec<f64> = m
        .freshness
        .iter()
        .flatten()
        .map(|rho| clamp01((rho - 1.5) / 0.7))
        .collect();
    if terms.is_empty() {
        0.0
    } else {
        terms.iter().sum::<f64>() / terms.len() as f64
    }
}

/// `spacing`: the gap from each key day to the next key day, around the week (7 with one key
/// day); 1 day is needed after a 24 h session, 2 after a 48 h one, 3 after a 72 h one; 0.5 a
/// day short, summed over key days, divided by their number; 0 without key days.
fn spacing(case: &Case) -> f64 {
    let keys: Vec<usize> = (0..7).filter(|&d| case.sessions[d].is_key()).collect();
    if keys.is_empty() {
        return 0.0;
    }
    let short: usize = keys
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let next = keys[(i + 1) % keys.len()];
            let gap = if next > d { next - d } else { next + 7 - d };
            case.sessions[d].days_needed().saturating_sub(gap)
        })
        .sum();
    0.5 * short as f64 / keys.len() as f64
}

/// `distribution`: the worst of (z1min - z1) / 0.10, (z2 - z2max) / 0.10 and
/// (z3 - z3max) / 0.05 for the goal's targets; 1 for an empty week.
fn distribution(case: &Case, m: &Metrics) -> f64 {
    if m.minutes == 0.0 {
        return 1.0;
    }
    let (z1_min, z2_max, z3_max) = case.goal.zone_targets();
    ((z1_min - m.z1) / 0.10)
        .max((m.z2 - z2_max) / 0.10)
        .max((m.z3 - z3_max) / 0.05)
}

/// `long_run`: the max of (long_run_share - cap) / 0.20 and (1.5 - long_ratio) / 0.75; 1 if
/// the goal needs a long run and none is there. The ratio's term is 0 when there is no
/// other run (§4), and both terms are 0 without a long-class session.
fn long_run(case: &Case, m: &Metrics) -> f64 {
    if !case.sessions.iter().any(|s| s.is_long()) {
        return if case.goal.needs_long_run() { 1.0 } else { 0.0 };
    }
    // §5 "Long-run share cap" on the week's T, with the runner's running days (§10: from the
    // profile when there is one, so dropping a run never lowers the cap).
    let cap = share_cap(m.minutes, running_days(&case.sessions, case.level, case.profile));
    let share_term = (m.long_run_share - cap) / 0.20;
    let ratio_term = if longest_other_run(case).is_none() {
        0.0
    } else {
        (1.5 - m.long_ratio) / 0.75
    };
    share_term.max(ratio_term)
}
