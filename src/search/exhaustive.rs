//! The whole space of weeks, scored exactly as `score` without a profile scores a week:
//! what `weekwright bench` measures and what the tests check its checksum against.

use rayon::prelude::*;

use crate::catalog::{Catalog, Goal, Level, Session};
use crate::model::{Judge, WeekLoads, assess};

/// The result of scoring every week of a space once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpaceScore {
    /// Weeks scored.
    pub weeks: u64,
    /// Sum of all scores, summed in a fixed order (independent of thread count).
    pub checksum: f64,
    /// The best week (highest score; ties to the first in catalog order).
    pub best: [Session; 7],
    /// Its score.
    pub best_score: f64,
}

/// Per-session constants at catalog minutes: what a day contributes.
#[derive(Debug, Clone, Copy)]
struct DayTable {
    minutes: f64,
}

/// Score every week whose days take sessions from `ids` (`ids.len()^7` weeks) at catalog
/// minutes for `level`, judged on structure for `goal`, on the current rayon pool.
///
/// The work is split over the prefixes of the first two days; each prefix's scores are
/// summed in enumeration order and the prefix sums added in prefix order, so the checksum
/// is the same for any number of threads.
#[must_use]
pub fn score_space(ids: &[Session], level: Level, goal: Goal) -> SpaceScore {
    let catalog = Catalog::default();
    let judge = Judge::structural(goal);
    let n = ids.len();
    let tables: Vec<DayTable> = ids
        .iter()
        .map(|&s| DayTable {
            minutes: catalog.minutes(s, level),
        })
        .collect();
    let prefixes: Vec<(usize, usize)> = (0..n).flat_map(|a| (0..n).map(move |b| (a, b))).collect();
    let parts: Vec<(f64, [Session; 7], f64, u64)> = prefixes
        .par_iter()
        .map(|&(a, b)| {
            let mut sum = 0.0;
            let mut best = ([Session::Rest; 7], f64::NEG_INFINITY);
            let mut count = 0u64;
            let mut idx = [a, b, 0, 0, 0, 0, 0];
            loop {
                let sessions: [Session; 7] = std::array::from_fn(|d| ids[idx[d]]);
                let minutes: [f64; 7] = std::array::from_fn(|d| tables[idx[d]].minutes);
                let loads = WeekLoads::new(&catalog, sessions, minutes, 0.0);
                let score = assess(&judge, &loads).score;
                sum += score;
                count += 1;
                if score > best.1 {
                    best = (sessions, score);
                }
                // Odometer over days 2..6, last day fastest.
                let mut d = 6;
                loop {
                    idx[d] += 1;
                    if idx[d] < n {
                        break;
                    }
                    idx[d] = 0;
                    d -= 1;
                    if d < 2 {
                        return (sum, best.0, best.1, count);
                    }
                }
            }
        })
        .collect();
    let mut out = SpaceScore {
        weeks: 0,
        checksum: 0.0,
        best: [Session::Rest; 7],
        best_score: f64::NEG_INFINITY,
    };
    for (sum, best, best_score, count) in parts {
        out.weeks += count;
        out.checksum += sum;
        if best_score > out.best_score {
            out.best = best;
            out.best_score = best_score;
        }
    }
    out
}
