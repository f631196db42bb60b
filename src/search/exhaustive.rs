//! The whole space of weeks, scored exactly as `score` without a profile scores a week:
//! what `weekwright bench` measures and what the tests check its checksum against.

use rayon::prelude::*;

use crate::catalog::{Catalog, Goal, Level, Session};
use crate::model::kernel::{JudgedClasses, LastDay, Prepared, evaluate_lanes};
use crate::model::{DayTerm, Judge, Sums};

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

/// Score every week whose days take sessions from `ids` (`ids.len()^7` weeks) at catalog
/// minutes for `level`, judged on structure for `goal`, on the current rayon pool.
///
/// Each (session, weekday) term of the kernel is built once, and each (Saturday, Sunday)
/// pair of terms added up once; the enumeration adds one term per day as it descends to
/// Friday, so a prefix shared by many weeks is summed once, and each week costs one
/// `evaluate_lanes` lane, the pairs side by side (in a 13-session space, 169 pairs fill 43
/// chunks of four lanes with 3 left over, where 13 Sundays alone filled 4 chunks with 3
/// left over in each). The work is split over the prefixes of the first two days; each
/// prefix's scores are summed in enumeration order and the prefix sums added in prefix
/// order, so the checksum is the same for any number of threads.
/// Memory is a few kilobytes, whatever the size of the space.
#[must_use]
pub fn score_space(ids: &[Session], level: Level, goal: Goal) -> SpaceScore {
    let catalog = Catalog::default();
    let judge = Judge::structural(goal, level);
    let n = ids.len();
    let terms: [Vec<DayTerm>; 7] = std::array::from_fn(|d| {
        ids.iter()
            .map(|&s| {
                let spec = catalog.spec(s);
                let minutes = if s == Session::Race {
                    catalog.race_minutes(goal, level)
                } else {
                    catalog.minutes(s, level)
                };
                DayTerm::new(&judge, d, s, minutes, spec.rpe, spec.zones)
            })
            .collect()
    });
    let last = LastDay::<LANES>::pairs(&terms[5], &terms[6]);
    let arch = pulp::Arch::new();
    let prep = Prepared::new(&judge);
    let prefixes: Vec<(usize, usize)> = (0..n).flat_map(|a| (0..n).map(move |b| (a, b))).collect();
    let parts: Vec<Part> = prefixes
        .par_iter()
        .map(|&(a, b)| {
            arch.dispatch(Prefix {
                prep: &prep,
                terms: &terms,
                last: &last,
                first: [a, b],
            })
        })
        .collect();
    let mut out = SpaceScore {
        weeks: 0,
        checksum: 0.0,
        best: [Session::Rest; 7],
        best_score: f64::NEG_INFINITY,
    };
    for part in parts {
        out.weeks += part.count;
        out.checksum += part.sum;
        if part.best_score > out.best_score {
            out.best = part.best.map(|i| ids[i]);
            out.best_score = part.best_score;
        }
    }
    out
}

/// What one prefix's weeks add up to.
struct Part {
    sum: f64,
    count: u64,
    best: [usize; 7],
    best_score: f64,
}

/// Weeks scored side by side: four lanes fill an AVX2 register of `f64`. On a CPU with
/// AVX-512, pulp runs the same code compiled for it (its `x86-v4` feature); eight lanes
/// there measured slower than four (more spills), so four it is.
const LANES: usize = 4;

/// The weeks below a prefix of two days, scored on the widest SIMD the CPU offers
/// (`pulp` detects it at run time and compiles `Prefix::with_simd` once per level).
struct Prefix<'a> {
    prep: &'a Prepared,
    terms: &'a [Vec<DayTerm>; 7],
    last: &'a LastDay<LANES>,
    first: [usize; 2],
}

impl pulp::WithSimd for Prefix<'_> {
    type Output = Part;

    #[allow(clippy::inline_always)] // pulp compiles this once per instruction set.
    #[inline(always)]
    fn with_simd<S: pulp::Simd>(self, _simd: S) -> Part {
        let Prefix {
            prep,
            terms,
            last,
            first: [a, b],
        } = self;
        let n6 = terms[6].len();
        let mut part = Part {
            sum: 0.0,
            count: 0,
            best: [a, b, 0, 0, 0, 0, 0],
            best_score: f64::NEG_INFINITY,
        };
        // Sums lane by lane, added up at the end: a fixed order, whatever the threads.
        let mut sums = [0.0; LANES];
        let mut judged = vec![JudgedClasses::default(); last.groups()];
        let weights: Vec<[f64; LANES]> = last
            .chunks
            .iter()
            .map(|chunk| std::array::from_fn(|l| if chunk.keeps(l) { 1.0 } else { 0.0 }))
            .collect();
        let s1 = Sums::EMPTY.with(0, &terms[0][a]).with(1, &terms[1][b]);
        // Days 2 to 4 one by one, each added once to the prefix; Saturday and Sunday in lanes.
        for (i2, t2) in terms[2].iter().enumerate() {
            let s2 = s1.with(2, t2);
            for (i3, t3) in terms[3].iter().enumerate() {
                let s3 = s2.with(3, t3);
                for (i4, t4) in terms[4].iter().enumerate() {
                    let s4 = s3.with(4, t4);
                    last.judge(prep, &s4, &mut judged);
                    for (c, chunk) in last.chunks.iter().enumerate() {
                        let lanes = LastDay::lanes_of(&judged, c);
                        let scores = evaluate_lanes(prep, &s4, chunk, &lanes).score;
                        // A padded lane repeats the chunk's first week, so it never
                        // changes the top; the sums skip it by its weight of 0.
                        let weight = &weights[c];
                        let mut above = false;
                        for l in 0..LANES {
                            sums[l] += scores[l] * weight[l];
                            above |= scores[l] > part.best_score;
                        }
                        // Ties go to the first week in enumeration order.
                        if above {
                            let top = scores.iter().fold(f64::NEG_INFINITY, |t, &x| t.max(x));
                            let l = scores.iter().position(|&x| x == top).unwrap_or(0);
                            let pair = c * LANES + l;
                            part.best = [a, b, i2, i3, i4, pair / n6, pair % n6];
                            part.best_score = top;
                        }
                    }
                }
            }
        }
        part.sum = sums.iter().sum();
        part.count = (terms[2].len() * terms[3].len() * terms[4].len() * terms[5].len() * n6) as u64;
        part
    }
}
