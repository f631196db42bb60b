//! Daniels and Gilbert's equations (Oxygen Power, 1979), as PACES.md writes them: the
//! oxygen cost of running at a speed, the share of VO2max a runner holds for a race of a
//! given length, VDOT from a result, the speed at a VO2, and the race time a VDOT implies.
//!
//! Units are the equations' own: speed `v` in metres per minute, time `t` in minutes, VO2
//! in ml/kg/min. The constants are PACES.md's to the digit; copies of the equations that
//! circulate with other constants (-4.3 for -4.60) give other numbers.

/// VO2(v) = -4.60 + 0.182258 v + 0.000104 v^2: the oxygen cost (ml/kg/min) of running at
/// `v` metres per minute.
#[must_use]
pub(super) fn oxygen_cost(v: f64) -> f64 {
    -4.60 + 0.182_258 * v + 0.000_104 * v * v
}

/// %max(t) = 0.8 + 0.1894393 e^(-0.012778 t) + 0.2989558 e^(-0.1932605 t): the share of
/// VO2max a runner can hold for `t` minutes (above 1 for races of a few minutes, which
/// draw on anaerobic power too).
#[must_use]
pub(super) fn sustainable_share(t: f64) -> f64 {
    0.8 + 0.189_439_3 * (-0.012_778 * t).exp() + 0.298_955_8 * (-0.193_260_5 * t).exp()
}

/// VDOT = VO2(d / t) / %max(t): the VO2max that running `metres` in `minutes` implies.
#[must_use]
pub(super) fn vdot(metres: f64, minutes: f64) -> f64 {
    oxygen_cost(metres / minutes) / sustainable_share(minutes)
}

/// v(VO2) = (-0.182258 + sqrt(0.182258^2 + 4 x 0.000104 x (VO2 + 4.60))) / 0.000208: the
/// speed in metres per minute whose oxygen cost is `vo2` (the positive root of
/// [`oxygen_cost`]).
#[must_use]
pub(super) fn velocity(vo2: f64) -> f64 {
    (-0.182_258 + (0.182_258_f64.powi(2) + 4.0 * 0.000_104 * (vo2 + 4.60)).sqrt()) / 0.000_208
}

/// Bounds of the race times searched, in minutes: every race of 1500 m to the marathon at
/// a VDOT of 20 to 90 lasts from about 3 minutes to about 7 hours.
const SEARCH_MINUTES: (f64, f64) = (0.5, 1500.0);
/// The bisection stops when the bracket is narrower than this (minutes): 0.06 ms.
const TOLERANCE_MINUTES: f64 = 1e-6;

/// The time in minutes that solves VDOT(`metres`, t) = `target`: the race time the VDOT
/// implies. VDOT falls as t grows (a slower result is a lower VDOT), so bisection on t
/// converges to the one root; the result is within [`TOLERANCE_MINUTES`] of it.
#[must_use]
pub(super) fn race_minutes(metres: f64, target: f64) -> f64 {
    let (mut fast, mut slow) = SEARCH_MINUTES;
    // Some 31 halvings of the 1500 minutes reach the tolerance; 64 bound the loop.
    for _ in 0..64 {
        let mid = 0.5 * (fast + slow);
        if vdot(metres, mid) > target {
            fast = mid;
        } else {
            slow = mid;
        }
        if slow - fast < TOLERANCE_MINUTES {
            break;
        }
    }
    0.5 * (fast + slow)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::{RACE_METRES, VDOT};

    #[test]
    fn velocity_inverts_the_oxygen_cost() {
        for v in [80.0, 150.0, 200.0, 268.0, 350.0, 420.0] {
            assert!((velocity(oxygen_cost(v)) - v).abs() < 1e-9, "{v}");
        }
    }

    #[test]
    fn vdot_falls_as_the_race_gets_slower_over_the_whole_search() {
        // Bisection needs one root: VDOT strictly decreasing in t wherever it can reach
        // the range, for every distance allowed.
        for metres in [*RACE_METRES.start(), 5000.0, 21_097.5, *RACE_METRES.end()] {
            let mut t = SEARCH_MINUTES.0;
            let mut last = vdot(metres, t);
            while t < SEARCH_MINUTES.1 {
                t += 0.01;
                let now = vdot(metres, t);
                assert!(now < last, "{metres} m at {t} min: {now} after {last}");
                last = now;
            }
            assert!(vdot(metres, SEARCH_MINUTES.0) > *VDOT.end());
            assert!(vdot(metres, SEARCH_MINUTES.1) < *VDOT.start());
        }
    }

    #[test]
    fn race_minutes_solves_the_vdot_equation() {
        for metres in [1500.0, 5000.0, 42_195.0] {
            for target in [20.0, 34.9, 50.0, 90.0] {
                let t = race_minutes(metres, target);
                // Within the tolerance of t, VDOT is within a few millionths of target.
                assert!((vdot(metres, t) - target).abs() < 1e-4, "{metres} {target}");
                assert!(vdot(metres, t - 1e-4) > target && vdot(metres, t + 1e-4) < target);
            }
        }
    }
}
