//! Phases and their volume factors (docs/model.md section 9): build weeks and a deload week in a
//! 3:1 or 2:1 pattern, each new cycle about 5 % above the last, and with a race two taper
//! weeks aligned so that the race week ends on race day.

use serde::Serialize;

use crate::profile::Pattern;

/// What a week of a block is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Volume builds.
    Build,
    /// Volume eases off for a week so the build is absorbed.
    Deload,
    /// The week before the race week: volume cut, quality kept but shortened.
    Taper,
    /// The last week, ending on race day.
    Race,
}

impl Phase {
    /// The id used in output.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Phase::Build => "build",
            Phase::Deload => "deload",
            Phase::Taper => "taper",
            Phase::Race => "race",
        }
    }

    /// Weeks whose volume and acwr may drop: deload, taper and race.
    #[must_use]
    pub fn is_easing(self) -> bool {
        self != Phase::Build
    }
}

/// How much a new cycle starts above the last: about 5 % in a 3:1 pattern, 10 % in the
/// beginners' 2:1, so that a beginner's volume grows across the block (Higdon's novice and
/// couch-to-5k plans grow 5-10 % a week).
#[must_use]
pub fn cycle_growth(pattern: Pattern) -> f64 {
    if pattern.builds == 2 { 1.10 } else { 1.05 }
}
/// The cycles' growth stops at +25 % over the profile's volume: a long block should not
/// double a runner's week (our reading of "about 5 % above the last").
pub const MAX_GROWTH: f64 = 1.25;
/// Taper and race week volume as shares of the peak (Bosquet 2007: a 41-60 % cut).
pub const TAPER_SHARE: f64 = 0.60;
/// Race week volume as a share of the peak.
pub const RACE_SHARE: f64 = 0.45;
/// A build week may rise at most this much over the last build week before it (or over
/// the runner's current volume) when the schedule ramps up.
pub const RAMP: f64 = 1.10;

/// Factor of the `p`-th build week of a cycle (0-based), before cycle growth.
fn build_factor(pattern: Pattern, p: usize) -> f64 {
    match pattern.builds {
        2 => [1.00, 1.07][p.min(1)],
        _ => 1.00 + 0.05 * p as f64,
    }
}

/// Factor of a deload week, before cycle growth.
fn deload_factor(pattern: Pattern) -> f64 {
    if pattern.builds == 2 { 0.75 } else { 0.70 }
}

/// The phases and nominal volume factors of a block.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    /// Phase of each week.
    pub phases: Vec<Phase>,
    /// Nominal factor of each week.
    pub factors: Vec<f64>,
    /// The highest build factor (taper and race weeks are shares of it).
    pub peak: f64,
    /// The long run each build week plans (the block's progression; `None` where the
    /// week's structure decides: deload, taper and race weeks, or no long run at all).
    pub long_runs: Vec<Option<f64>>,
}

impl Schedule {
    /// The schedule of `weeks` weeks, with or without a race at the end.
    ///
    /// Without a race the pattern runs from the start (3:1: deload in weeks 4, 8, 12).
    /// With a race the last two weeks are taper and race, and the pattern is counted back
    /// from the week before the taper, so that week is a build week (the peak). Build
    /// factors ramp from the runner's current volume (`current`, as a share of the
    /// profile's) by at most +10 % a week.
    #[must_use]
    pub fn new(pattern: Pattern, weeks: usize, race: bool, current: f64) -> Self {
        let cycle = usize::from(pattern.builds) + 1;
        let pre = if race { weeks.saturating_sub(2) } else { weeks };
        let mut phases: Vec<Phase> = (0..pre)
            .map(|i| {
                let pos = if race { pre - 1 - i } else { i };
                if pos % cycle == usize::from(pattern.builds) {
                    Phase::Deload
                } else {
                    Phase::Build
                }
            })
            .collect();
        // A block never opens on a deload: there is nothing to absorb yet.
        if let Some(first) = phases.first_mut() {
            *first = Phase::Build;
        }
        let mut factors = Vec::with_capacity(weeks);
        let (mut c, mut p) = (0i32, 0usize);
        let mut last_build = current;
        for &ph in &phases {
            let growth = cycle_growth(pattern).powi(c).min(MAX_GROWTH);
            if ph == Phase::Deload {
                factors.push(deload_factor(pattern) * growth);
                c += 1;
                p = 0;
            } else {
                let f = (build_factor(pattern, p) * growth).min(last_build * RAMP);
                factors.push(f);
                last_build = f;
                p += 1;
            }
        }
        let peak = phases
            .iter()
            .zip(&factors)
            .filter(|(ph, _)| **ph == Phase::Build)
            .map(|(_, f)| *f)
            .fold(0.0, f64::max);
        let peak = if peak > 0.0 { peak } else { 1.0 };
        if race {
            phases.push(Phase::Taper);
            factors.push(TAPER_SHARE * peak);
            phases.push(Phase::Race);
            factors.push(RACE_SHARE * peak);
        }
        Schedule {
            long_runs: vec![None; phases.len()],
            phases,
            factors,
            peak,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_to_one_builds_seven_percent_then_deloads_to_three_quarters() {
        // By hand, from docs/model.md ("Blocks"): 2:1 builds at 1.00 and 1.07, deloads at
        // 0.75, each cycle 10 % above the last, no week more than 10 % above the build
        // week before it.
        //   week 1: 1.00            week 4: 1.00 x 1.10 = 1.10
        //   week 2: 1.07            week 5: 1.07 x 1.10 = 1.177 (= 1.07 x 1.10)
        //   week 3: 0.75            week 6: 0.75 x 1.10 = 0.825
        let s = Schedule::new(Pattern { builds: 2 }, 6, false, 1.0);
        let want = [1.00, 1.07, 0.75, 1.10, 1.177, 0.825];
        for (k, (got, want)) in s.factors.iter().zip(want).enumerate() {
            assert!((got - want).abs() < 1e-12, "week {}: {got} against {want}", k + 1);
        }
        assert_eq!(s.phases[2], Phase::Deload);
        assert_eq!(s.phases[5], Phase::Deload);
    }

    #[test]
    fn three_to_one_deloads_every_fourth_week() {
        let s = Schedule::new(Pattern { builds: 3 }, 12, false, 1.0);
        let deloads: Vec<usize> = (0..12)
            .filter(|&i| s.phases[i] == Phase::Deload)
            .map(|i| i + 1)
            .collect();
        assert_eq!(deloads, [4, 8, 12]);
        assert_eq!(&s.factors[..4], &[1.0, 1.05, 1.10, 0.70]);
        assert!((s.factors[4] - 1.05).abs() < 1e-12);
    }

    #[test]
    fn a_race_block_ends_taper_race_after_a_build_week() {
        let s = Schedule::new(Pattern { builds: 3 }, 12, true, 1.0);
        assert_eq!(s.phases[9..], [Phase::Build, Phase::Taper, Phase::Race]);
        assert_eq!(s.phases[2], Phase::Deload);
        assert!((s.factors[10] / s.peak - 0.60).abs() < 1e-12);
    }

    #[test]
    fn a_race_block_never_opens_on_a_deload() {
        let s = Schedule::new(Pattern { builds: 3 }, 26, true, 1.0);
        assert_eq!(s.phases[0], Phase::Build);
        assert_eq!(s.phases[4], Phase::Deload);
    }

    #[test]
    fn a_runner_far_below_the_profile_ramps_up_ten_percent_a_week() {
        let s = Schedule::new(Pattern { builds: 3 }, 4, false, 0.5);
        assert!((s.factors[0] - 0.55).abs() < 1e-12);
        assert!((s.factors[1] - 0.605).abs() < 1e-12);
    }

    #[test]
    fn patterns_parse_as_n_to_one() {
        assert_eq!(Pattern::parse("2:1").unwrap().builds, 2);
        assert!(Pattern::parse("3:2").is_err());
        assert!(Pattern::parse("7:1").is_err());
        assert!(Pattern::parse("three").is_err());
    }
}
