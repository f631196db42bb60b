//! MODEL.md v2 §4: the weekly quantities reported for every scored week, with §4's edge cases
//! ("so that every implementation agrees").

use super::Case;
use super::catalog::Session;
use super::filters::{SteadyState, before};

/// §4 `long_ratio` when the week has no other run (recovery, easy, strides, cross or
/// moderate).
pub const LONG_RATIO_WITHOUT_OTHER_RUN: f64 = 9.0;

/// §4 monotony's cap (Foster).
pub const MONOTONY_CAP: f64 = 10.0;

/// The week's §4 quantities.
#[derive(Clone, Debug, PartialEq)]
pub struct Metrics {
    /// T, the week's minutes.
    pub minutes: f64,
    /// W, the week's load.
    pub load: f64,
    pub quality_sessions: usize,
    pub rest_days: usize,
    pub z1: f64,
    pub z2: f64,
    pub z3: f64,
    pub monotony: f64,
    pub strain: f64,
    pub volume_ratio: f64,
    /// C0, the fatigue reference.
    pub c0: f64,
    pub peak_fatigue_ratio: f64,
    /// rho_d before each key day, `None` on the other days.
    pub freshness: [Option<f64>; 7],
    pub long_run_share: f64,
    pub long_ratio: f64,
}

impl Metrics {
    /// A §4 quantity by the name the vectors give it (`None` for a name §4 does not have).
    pub fn named(&self, name: &str) -> Option<f64> {
        Some(match name {
            "minutes" => self.minutes,
            "load" => self.load,
            "quality_sessions" => self.quality_sessions as f64,
            "rest_days" => self.rest_days as f64,
            "z1" => self.z1,
            "z2" => self.z2,
            "z3" => self.z3,
            "monotony" => self.monotony,
            "strain" => self.strain,
            "volume_ratio" => self.volume_ratio,
            "c0" => self.c0,
            "peak_fatigue_ratio" => self.peak_fatigue_ratio,
            "long_run_share" => self.long_run_share,
            "long_ratio" => self.long_ratio,
            _ => return None,
        })
    }
}

/// §4 edge case: "a ratio whose denominator is 0 is 0".
pub fn ratio(numerator: f64, denominator: f64) -> f64 {
    if denominator == 0.0 {
        0.0
    } else {
        numerator / denominator
    }
}

/// The §4 quantities of a planned week and its steady state.
pub fn metrics(case: &Case, state: &SteadyState) -> Metrics {
    let t: f64 = case.minutes.iter().sum();
    let w: f64 = case.load.iter().sum();
    let zone = |i: usize| {
        let m: f64 = (0..7)
            .map(|d| case.minutes[d] * case.sessions[d].zones()[i])
            .sum();
        ratio(m, t)
    };
    let monotony = monotony(&case.load);
    let current = case.profile.and_then(super::profile::Profile::current);
    // §4: the week's target factor g is 1.0 for a single week (only a block sets it).
    let g = 1.0;
    let (volume_ratio, c0) = match current {
        Some(c) => (ratio(t, g * c), c * ratio(w, t) / 7.0),
        // Without a profile v = 1/g (0 for an empty week) and C0 = W/7. Reading: a profile
        // with neither `weekly_minutes` nor `current_weekly_minutes` is read the same way.
        None => (if t == 0.0 { 0.0 } else { 1.0 / g }, w / 7.0),
    };
    let peak = state.fatigue.iter().copied().fold(0.0, f64::max);
    let freshness = std::array::from_fn(|d| {
        case.sessions[d]
            .is_key()
            .then(|| ratio(before(&state.legs, d), case.load[d]))
    });
    let long_minutes: f64 = (0..7)
        .filter(|&d| case.sessions[d].is_long())
        .map(|d| case.minutes[d])
        .sum();
    Metrics {
        minutes: t,
        load: w,
        quality_sessions: case.sessions.iter().filter(|s| s.is_quality()).count(),
        rest_days: case.sessions.iter().filter(|&&s| s == Session::Rest).count(),
        z1: zone(0),
        z2: zone(1),
        z3: zone(2),
        monotony,
        strain: w * monotony,
        volume_ratio,
        c0,
        peak_fatigue_ratio: ratio(peak, c0),
        freshness,
        long_run_share: ratio(long_minutes, t),
        long_ratio: long_ratio(case),
    }
}

/// §4 monotony: mean(w) / SD(w) over the 7 days, rest days included, population SD, capped at
/// 10; 0 when every day's load is 0, 10 when it is the same non-zero value every day.
pub fn monotony(load: &[f64; 7]) -> f64 {
    let mean = load.iter().sum::<f64>() / 7.0;
    let variance = load.iter().map(|w| (w - mean).powi(2)).sum::<f64>() / 7.0;
    let sd = variance.sqrt();
    if mean == 0.0 {
        0.0
    } else if sd == 0.0 {
        MONOTONY_CAP
    } else {
        (mean / sd).min(MONOTONY_CAP)
    }
}

/// The longest session of a kind, `None` when the week has none.
fn longest(case: &Case, keep: impl Fn(Session) -> bool) -> Option<f64> {
    (0..7)
        .filter(|&d| keep(case.sessions[d]))
        .map(|d| case.minutes[d])
        .reduce(f64::max)
}

/// §4: the longest session that is neither rest, long-class nor quality (recovery, easy,
/// strides, cross or moderate): `long_ratio`'s denominator.
pub fn longest_other_run(case: &Case) -> Option<f64> {
    longest(case, |s| s != Session::Rest && !s.is_long() && !s.is_quality())
}

/// §4 `long_ratio`: the longest long-class session over [`longest_other_run`]; 9 when there
/// is no such other run, 0 when there is no long-class session.
///
/// Reading: a week with neither (the empty week) is reported as 9, as the vectors have it:
/// §4's edge-case list ("reported as 9 when there is no other run") is read before its
/// "With no long-class session it is 0". Both give the `long_run` term 0.
pub fn long_ratio(case: &Case) -> f64 {
    match (longest(case, Session::is_long), longest_other_run(case)) {
        (_, None) => LONG_RATIO_WITHOUT_OTHER_RUN,
        (None, Some(_)) => 0.0,
        (Some(long), Some(other)) => ratio(long, other),
    }
}
