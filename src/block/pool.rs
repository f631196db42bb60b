//! The pool a block draws its weeks from: the week engine's best structures at each volume
//! level the block needs, and the runs of the weeks before the block.

use super::Calendar;
use super::phases::Phase;
use super::search::{factor_options, schedule};
use crate::catalog::Session;
use crate::error::NoWeekFits;
use crate::problem::Problem;
use crate::search::Search;
use crate::week::WeekSpec;

/// The week engine's best structures for a profile, the pool each week draws on, and the
/// runner's recent runs (what the single-run rule starts from).
#[derive(Debug, Clone, PartialEq)]
pub struct Pool {
    /// Structures, best first at the profile's own volume.
    pub weeks: Vec<[Session; 7]>,
    /// Run minutes of each day of that week (the 30 days before the block repeat it).
    pub history_runs: [f64; 7],
    /// Load per minute of that week: the runner's usual daily load, C0, is the usual
    /// minutes at this intensity.
    pub intensity: f64,
}

/// Minutes of a day that count as running for the single-run rule (cross-training and rest
/// do not).
pub(super) fn run_minutes(session: Session, minutes: f64) -> f64 {
    if matches!(session, Session::Rest | Session::Cross) {
        0.0
    } else {
        minutes
    }
}

/// Spacing of the volume levels the week engine is searched at.
const LEVEL_STEP: f64 = 0.25;

impl Pool {
    /// The volume levels a block's weeks need, as factors on the profile's volume: the
    /// profile's own (1.0, first) and every factor of the schedule rounded to a 0.25 grid,
    /// so a deload or taper week draws on structures the engine found at a low volume.
    #[must_use]
    pub fn levels(problem: &Problem, calendar: &Calendar) -> Vec<f64> {
        let schedule = schedule(problem, calendar);
        let mut levels = vec![1.0];
        for (k, phase) in schedule.phases.iter().enumerate() {
            if *phase == Phase::Race {
                continue;
            }
            for f in factor_options(&schedule, k) {
                let level = ((f / LEVEL_STEP).round() * LEVEL_STEP).max(LEVEL_STEP);
                if !levels.iter().any(|l: &f64| (l - level).abs() < 1e-9) {
                    levels.push(level);
                }
            }
        }
        levels
    }

    /// Search the profile's weeks with the week engine at each volume level (`levels[0]`
    /// first, the profile's own) and keep the best `size` of each, without repeats.
    ///
    /// # Errors
    /// [`NoWeekFits`] when no repeatable week fits the profile at the first level; a level
    /// where none fits adds nothing.
    pub fn search(problem: &Problem, levels: &[f64], size: usize) -> Result<Self, NoWeekFits> {
        // Every distinct week is a candidate: diversity is the block's business (variety).
        let p = problem.clone().with_min_distance(0);
        let first = levels.first().copied().unwrap_or(1.0);
        let outcome = Search::new(&p).factor(first).top(size).run()?;
        let mut weeks: Vec<[Session; 7]> = outcome.plans.iter().map(|c| c.sessions).collect();
        for &level in levels.iter().skip(1) {
            if let Ok(o) = Search::new(&p).factor(level).top(size).run() {
                for c in o.plans {
                    if !weeks.contains(&c.sessions) {
                        weeks.push(c.sessions);
                    }
                }
            }
        }
        let rule = problem.minutes_rule(problem.current_weekly_minutes);
        let planned = rule.apply(&WeekSpec::from_sessions(weeks[0]));
        let history_runs: [f64; 7] = std::array::from_fn(|d| run_minutes(weeks[0][d], planned.minutes[d]));
        let (mut minutes, mut load) = (0.0, 0.0);
        for (d, &session) in weeks[0].iter().enumerate() {
            minutes += planned.minutes[d];
            load += planned.minutes[d] * problem.catalog.spec(session).rpe;
        }
        let intensity = if minutes > 0.0 { load / minutes } else { 0.0 };
        Ok(Pool {
            weeks,
            history_runs,
            intensity,
        })
    }
}
