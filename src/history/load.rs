//! The load of a done activity (docs/model.md, "Load of a done activity"): session-RPE x
//! minutes (Foster 2001), the RPE taken, in this order, from the runner's own rating, from
//! heart-rate reserve (Karvonen 1957) against Daniels' heart rates of the training paces,
//! from pace against the runner's training paces (Daniels), or from the sport's default;
//! and the catalog session the activity is closest to.

use serde::Serialize;

use super::{Activity, Sport};
use crate::catalog::{Catalog, Level, Session};
use crate::paces::Paces;

/// Where an activity's RPE comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The runner's own session RPE.
    Rpe,
    /// Average heart rate as a share of heart-rate reserve.
    HeartRate,
    /// Average pace against the runner's training paces.
    Pace,
    /// The sport's default: an easy run, or easy cross-training.
    Default,
}

/// The runner's heart rates: the profile's `max_hr` and `rest_hr`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeartRates {
    /// Maximum heart rate, beats a minute.
    pub max: f64,
    /// Resting heart rate, beats a minute.
    pub rest: f64,
}

/// What the load mapping knows about the runner.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Runner {
    /// Heart rates, for the heart-rate mapping.
    pub heart: Option<HeartRates>,
    /// Training paces, for the pace mapping (a known fitness).
    pub paces: Option<Paces>,
}

/// An activity's load.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Load {
    /// Session RPE used (CR-10).
    pub rpe: f64,
    /// Load: RPE x minutes.
    pub load: f64,
    /// Leg impact: 1 for running, 0.5 for cross-training (docs/model.md section 4).
    pub impact: f64,
    /// Where the RPE comes from.
    pub basis: Basis,
}

/// The RPE of an easy run and of easy cross-training (the catalog's `easy` and `cross`):
/// what an activity with nothing else known counts as.
pub const DEFAULT_RPE: f64 = 3.0;

/// Heart-rate reserve (a share, `(hr - rest) / (max - rest)`) against session RPE:
/// Daniels' heart rates of the paces (E 65-79 %, M 80-90 %, T 88-92 %, I 98-100 % of
/// maximum, converted to reserve at max 190 and rest 50) put on the catalog's RPE of the
/// session run at each pace: recovery 2, easy 3, marathon 6, tempo 6.5, intervals 7.5, a
/// race at maximum 9. Between points the RPE is linear; below the first it is 1, above
/// the last 9.
pub const HRR_TO_RPE: [(f64, f64); 7] = [
    (0.30, 1.0),
    (0.50, 2.0),
    (0.60, 3.0),
    (0.80, 6.0),
    (0.86, 6.5),
    (0.95, 7.5),
    (1.00, 9.0),
];

/// Piecewise-linear interpolation through `points` (x increasing), flat outside.
#[must_use]
pub fn interpolate(points: &[(f64, f64)], x: f64) -> f64 {
    let (first, last) = (points[0], points[points.len() - 1]);
    if x <= first.0 {
        return first.1;
    }
    if x >= last.0 {
        return last.1;
    }
    let i = points.iter().position(|p| p.0 > x).unwrap_or(points.len() - 1);
    let ((x0, y0), (x1, y1)) = (points[i - 1], points[i]);
    y0 + (y1 - y0) * (x - x0) / (x1 - x0)
}

/// RPE from an average heart rate.
#[must_use]
pub fn rpe_from_heart_rate(hr: f64, heart: HeartRates) -> f64 {
    interpolate(&HRR_TO_RPE, (hr - heart.rest) / (heart.max - heart.rest))
}

/// RPE from an average pace (minutes per km) against the training paces: speed is mapped
/// through the slow end of E (3; 10 % slower than it: 2), M (6), T (6.5), I (7.5) and R (9).
#[must_use]
pub fn rpe_from_pace(minutes_per_km: f64, paces: &Paces) -> f64 {
    let speed = |seconds_per_km: f64| 60.0 / seconds_per_km;
    let slow_easy = paces.easy[1].seconds_per_km();
    let points = [
        (speed(slow_easy * 1.1), 2.0),
        (speed(slow_easy), 3.0),
        (speed(paces.marathon.seconds_per_km()), 6.0),
        (speed(paces.threshold.seconds_per_km()), 6.5),
        (speed(paces.interval.seconds_per_km()), 7.5),
        (speed(paces.repetition.seconds_per_km()), 9.0),
    ];
    interpolate(&points, 1.0 / minutes_per_km)
}

/// The load of an activity: its RPE by the first basis that applies, times its minutes.
#[must_use]
pub fn of(a: &Activity, runner: &Runner) -> Load {
    let impact = if a.sport.is_running() {
        1.0
    } else {
        Session::Cross.impact()
    };
    let pace = a
        .distance_km
        .filter(|&d| d > 0.0 && a.sport.is_running())
        .zip(runner.paces.as_ref())
        .map(|(d, p)| rpe_from_pace(a.minutes / d, p));
    let (rpe, basis) = if let Some(r) = a.rpe {
        (r, Basis::Rpe)
    } else if let Some((hr, heart)) = a.avg_hr.zip(runner.heart) {
        (rpe_from_heart_rate(hr, heart), Basis::HeartRate)
    } else if let Some(r) = pace {
        (r, Basis::Pace)
    } else {
        (DEFAULT_RPE, Basis::Default)
    };
    Load {
        rpe,
        load: rpe * a.minutes,
        impact,
        basis,
    }
}

/// The catalog session closest to a done activity: the one the runner named; `cross` for
/// any other sport; else the running session nearest in (RPE, minutes), one RPE point
/// weighing as much as 30 minutes (never `rest`, `cross` or `race` below RPE 8.5).
#[must_use]
pub fn closest_session(a: &Activity, load: &Load, catalog: &Catalog, level: Level) -> Session {
    if let Some(s) = a.session {
        return s;
    }
    if a.sport != Sport::Running {
        return Session::Cross;
    }
    let candidates = Session::ALL
        .into_iter()
        .filter(|&s| !matches!(s, Session::Rest | Session::Cross) && (s != Session::Race || load.rpe >= 8.5));
    let distance = |s: Session| {
        let spec = catalog.spec(s);
        (load.rpe - spec.rpe).abs() + (a.minutes - catalog.minutes(s, level)).abs() / 30.0
    };
    candidates
        .min_by(|&x, &y| distance(x).total_cmp(&distance(y)))
        .unwrap_or(Session::Easy)
}
