//! The week search: the space a profile allows, enumeration pruned by the hard constraints
//! as it descends, parallel scoring with rayon, a deterministic ranking with diversity, and
//! a typed "no week fits" that says which constraints collide.

mod diagnose;
pub mod exhaustive;

use rayon::prelude::*;

use crate::catalog::Session;
use crate::minutes::MinutesRule;
use crate::model::{Assessment, Judge, LongRunRule, WeekLoads, assess};
use crate::problem::{Done, Problem};
use crate::week::WeekSpec;

pub use crate::error::{NoWeekFits, Relaxation};

/// The sessions each day may hold under a profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Space {
    /// Allowed sessions per day, in catalog order.
    pub options: [Vec<Session>; 7],
}

impl Space {
    /// The space of a profile: generation never places `race` and places `cross` only with
    /// `cross_training: true` (a fixed session is kept whatever it is); days the runner
    /// cannot train hold rest; the long run goes only where the profile allows it, and not
    /// on a day capped below the shortest long run.
    #[must_use]
    pub fn of(problem: &Problem) -> Self {
        let r = &problem.rules;
        let (shortest_long, _) = problem.goal.long_run_range(problem.level);
        let options = std::array::from_fn(|d| {
            if let Some(f) = r.fixed[d] {
                return vec![f];
            }
            Session::ALL
                .into_iter()
                .filter(|&s| s != Session::Race)
                .filter(|&s| s != Session::Cross || problem.cross_training)
                .filter(|&s| r.allows(d, s))
                .filter(|&s| {
                    !s.is_long()
                        || match r.long_run {
                            LongRunRule::Any => r.caps[d].is_none_or(|c| c >= shortest_long),
                            LongRunRule::On(day) => day.index() == d,
                            LongRunRule::Never => false,
                        }
                })
                .collect()
        });
        Space { options }
    }

    /// Number of weeks in the space (every allowed session on every day).
    #[must_use]
    pub fn size(&self) -> u64 {
        self.options.iter().map(|o| o.len() as u64).product()
    }
}

/// A week that met every hard constraint, with what ranks it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// Sessions, Monday first.
    pub sessions: [Session; 7],
    /// Score 0..100.
    pub score: f64,
    /// `|volume_ratio - 1|`: ties break towards 0.
    pub volume_gap: f64,
    /// Peak fatigue ratio: ties break towards lower.
    pub peak_fatigue_ratio: f64,
    /// Repeatable (docs/model.md, "Verdict").
    pub repeatable: bool,
}

/// Scores that agree to nine decimals tie: the same key for both.
fn tie_key(score: f64) -> f64 {
    (score * 1e9).round()
}

impl Candidate {
    /// The ranking of docs/model.md: best score first; scores equal to 1e-9 tie, and ties
    /// break towards the volume ratio closest to 1, then the lower peak fatigue ratio,
    /// then the catalog order of the week. A total order, so the ranking never depends on
    /// thread count.
    #[must_use]
    pub fn rank_cmp(&self, other: &Self) -> std::cmp::Ordering {
        tie_key(other.score)
            .total_cmp(&tie_key(self.score))
            .then(self.volume_gap.total_cmp(&other.volume_gap))
            .then(self.peak_fatigue_ratio.total_cmp(&other.peak_fatigue_ratio))
            .then(self.sessions.cmp(&other.sessions))
    }

    /// Days in which two weeks differ in class (rest, easy-family, cross, moderate, each
    /// key session by its id): renaming an easy day into strides is not an alternative.
    #[must_use]
    pub fn distance(&self, other: &Self) -> usize {
        (0..7)
            .filter(|&d| self.sessions[d].diversity_class() != other.sessions[d].diversity_class())
            .count()
    }
}

/// What scoring a week under a profile needs: the minutes rule and the judge.
#[derive(Debug, Clone)]
pub struct Scorer {
    /// Minutes rule at the week's volume.
    pub rule: MinutesRule,
    /// Judge at the week's factor.
    pub judge: Judge,
    /// Days already run: their real minutes and load replace the rule's and the catalog's.
    pub done: [Option<Done>; 7],
}

impl Scorer {
    /// The scorer of a profile at `factor` times its volume.
    #[must_use]
    pub fn new(problem: &Problem, factor: f64) -> Self {
        Scorer {
            rule: problem.minutes_rule(problem.weekly_minutes * factor),
            judge: problem.judge(factor),
            done: problem.done,
        }
    }

    /// The loads of a week under the minutes rule. A day already run keeps its real
    /// minutes (the rule shares what is left of the week's target among the easy days
    /// still to run) and its real load.
    #[must_use]
    pub fn loads(&self, week: &WeekSpec) -> WeekLoads {
        let mut week = *week;
        for (day, done) in week.0.iter_mut().zip(&self.done) {
            if let Some(done) = done {
                day.minutes = Some(done.minutes);
            }
        }
        let planned = self.rule.apply(&week);
        let mut loads = WeekLoads::new(
            &self.rule.catalog,
            week.sessions(),
            planned.minutes,
            planned.shortfall,
        );
        for (d, done) in self.done.iter().enumerate() {
            if let Some(done) = done.filter(|x| x.minutes > 0.0) {
                loads.load[d] = done.load;
                loads.rpe[d] = done.load / done.minutes;
            }
        }
        loads
    }

    /// Score a week.
    #[must_use]
    pub fn assess(&self, week: &WeekSpec) -> (WeekLoads, Assessment) {
        let loads = self.loads(week);
        let a = assess(&self.judge, &loads);
        (loads, a)
    }
}

/// Counting state as the enumeration descends.
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    quality: u8,
    long: u8,
    rest: u8,
}

/// Bounds for pruning: how many of each kind the days from `d` on can still add.
#[derive(Debug, Clone, Copy)]
struct Reach {
    quality: [u8; 8],
    long: [u8; 8],
    rest: [u8; 8],
}

impl Reach {
    fn of(space: &Space) -> Self {
        let mut r = Reach {
            quality: [0; 8],
            long: [0; 8],
            rest: [0; 8],
        };
        for d in (0..7).rev() {
            let o = &space.options[d];
            r.quality[d] = r.quality[d + 1] + u8::from(o.iter().any(|s| s.is_quality()));
            r.long[d] = r.long[d + 1] + u8::from(o.iter().any(|s| s.is_long()));
            r.rest[d] = r.rest[d + 1] + u8::from(o.contains(&Session::Rest));
        }
        r
    }
}

/// The counting constraints that pruning enforces.
#[derive(Debug, Clone, Copy)]
struct Targets {
    quality: u8,
    long: u8,
    min_rest: u8,
    back_to_back: bool,
}

/// Walks every week of a space that can meet the profile's counting constraints and
/// back-to-back rule, calling `visit` on each complete week. Prefixes that cannot reach the
/// counts are cut before their weeks are built.
struct Walker<'a> {
    space: &'a Space,
    reach: Reach,
    targets: Targets,
}

impl Walker<'_> {
    fn new<'a>(space: &'a Space, problem: &Problem) -> Walker<'a> {
        let r = &problem.rules;
        Walker {
            space,
            reach: Reach::of(space),
            targets: Targets {
                quality: r.hard_sessions,
                long: u8::from(r.long_run != LongRunRule::Never),
                min_rest: r.min_rest_days,
                back_to_back: r.allow_back_to_back,
            },
        }
    }

    fn viable(&self, d: usize, c: Counts) -> bool {
        let t = &self.targets;
        c.quality <= t.quality
            && c.quality + self.reach.quality[d] >= t.quality
            && c.long <= t.long
            && c.long + self.reach.long[d] >= t.long
            && c.rest + self.reach.rest[d] >= t.min_rest
    }

    fn step(&self, week: &[Session; 7], d: usize, s: Session, c: Counts) -> Option<Counts> {
        if !self.targets.back_to_back && s.is_quality() {
            if d > 0 && week[d - 1].is_quality() {
                return None;
            }
            if d == 6 && week[0].is_quality() {
                return None;
            }
        }
        let next = Counts {
            quality: c.quality + u8::from(s.is_quality()),
            long: c.long + u8::from(s.is_long()),
            rest: c.rest + u8::from(s == Session::Rest),
        };
        self.viable(d + 1, next).then_some(next)
    }

    fn walk(&self, week: &mut [Session; 7], d: usize, c: Counts, visit: &mut impl FnMut(&[Session; 7])) {
        if d == 7 {
            visit(week);
            return;
        }
        for &s in &self.space.options[d] {
            if let Some(next) = self.step(week, d, s, c) {
                week[d] = s;
                self.walk(week, d + 1, next, visit);
            }
        }
    }

    /// The prefixes of the first `depth` days that can still meet the counts: the units of
    /// parallel work.
    fn prefixes(&self, depth: usize) -> Vec<([Session; 7], Counts)> {
        let mut out = vec![([Session::Rest; 7], Counts::default())];
        for d in 0..depth {
            let mut next = Vec::new();
            for (week, c) in &out {
                for &s in &self.space.options[d] {
                    if let Some(nc) = self.step(week, d, s, *c) {
                        let mut w = *week;
                        w[d] = s;
                        next.push((w, nc));
                    }
                }
            }
            out = next;
        }
        out
    }
}

/// Days fixed in parallel prefixes.
const PREFIX_DAYS: usize = 3;

/// Visit every week of the profile's space that meets its counting constraints, in
/// parallel; `fold` accumulates per task and `reduce` merges (it must be order-independent
/// for the result to be).
pub(crate) fn par_visit<T, F, R>(
    problem: &Problem,
    init: impl Fn() -> T + Sync + Send,
    fold: F,
    reduce: R,
) -> T
where
    T: Send,
    F: Fn(&mut T, &[Session; 7]) + Sync + Send,
    R: Fn(T, T) -> T + Sync + Send,
{
    let space = Space::of(problem);
    let walker = Walker::new(&space, problem);
    walker
        .prefixes(PREFIX_DAYS)
        .into_par_iter()
        .map(|(mut week, counts)| {
            let mut acc = init();
            walker.walk(&mut week, PREFIX_DAYS, counts, &mut |w| fold(&mut acc, w));
            acc
        })
        .reduce(&init, &reduce)
}

/// The result of a search.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Weeks in the space the profile allows.
    pub searched: u64,
    /// Weeks that meet every hard constraint.
    pub feasible: u64,
    /// Of those, the repeatable ones.
    pub repeatable: u64,
    /// The top plans, ranked, at least `min_distance` days apart.
    pub plans: Vec<Candidate>,
}

/// What a part of the space adds up to: the feasible and repeatable counts and the best
/// `keep` repeatable weeks (bounded, so memory does not grow with the space).
struct Tally {
    feasible: u64,
    repeatable: u64,
    best: Vec<Candidate>,
    keep: usize,
}

impl Tally {
    fn new(keep: usize) -> Self {
        Tally {
            feasible: 0,
            repeatable: 0,
            best: Vec::new(),
            keep,
        }
    }

    fn push(&mut self, c: Candidate) {
        self.best.push(c);
        if self.best.len() >= 2 * self.keep {
            self.trim();
        }
    }

    /// Keep the best `keep` in the total order of [`Candidate::rank_cmp`]: which ones
    /// stay never depends on how the space was split.
    fn trim(&mut self) {
        if self.best.len() > self.keep {
            self.best
                .select_nth_unstable_by(self.keep - 1, Candidate::rank_cmp);
            self.best.truncate(self.keep);
        }
    }

    fn merge(mut self, other: Tally) -> Tally {
        self.feasible += other.feasible;
        self.repeatable += other.repeatable;
        self.best.extend(other.best);
        if self.best.len() >= 2 * self.keep {
            self.trim();
        }
        self
    }
}

/// The best repeatable weeks a search keeps at first; a search that needs more (a strict
/// `min_distance` skipping most of them) runs again keeping more.
const KEEP: usize = 2048;

/// The builder in front of the search.
#[derive(Debug, Clone)]
pub struct Search<'a> {
    problem: &'a Problem,
    top: usize,
    factor: f64,
    /// Repeatable weeks kept at first ([`KEEP`]; tests set it small to run the retry).
    keep: usize,
}

impl<'a> Search<'a> {
    /// A search over the profile's space, top 5, at the profile's own volume.
    #[must_use]
    pub fn new(problem: &'a Problem) -> Self {
        Search {
            problem,
            top: 5,
            factor: 1.0,
            keep: KEEP,
        }
    }

    /// How many plans to return.
    #[must_use]
    pub fn top(mut self, top: usize) -> Self {
        self.top = top;
        self
    }

    /// Volume factor g (blocks).
    #[must_use]
    pub fn factor(mut self, factor: f64) -> Self {
        self.factor = factor;
        self
    }

    /// Fold every feasible week of the space (one that meets every hard constraint) with
    /// its assessment, in parallel; `reduce` merges and must be order-independent. The one
    /// walk that the search, its counts and the percentile share.
    fn fold_feasible<T, F, R>(&self, init: impl Fn() -> T + Sync + Send, fold: F, reduce: R) -> T
    where
        T: Send,
        F: Fn(&mut T, &[Session; 7], &Assessment) + Sync + Send,
        R: Fn(T, T) -> T + Sync + Send,
    {
        let scorer = Scorer::new(self.problem, self.factor);
        par_visit(
            self.problem,
            init,
            |t, sessions| {
                let (_, a) = scorer.assess(&WeekSpec::from_sessions(*sessions));
                if a.violations.is_empty() {
                    fold(t, sessions, &a);
                }
            },
            reduce,
        )
    }

    /// The feasible and repeatable counts and the best `keep` repeatable weeks, ranked.
    fn tally(&self, keep: usize) -> Tally {
        let mut tally = self.fold_feasible(
            || Tally::new(keep),
            |t, sessions, a| {
                t.feasible += 1;
                if a.repeatable {
                    t.repeatable += 1;
                    t.push(candidate(sessions, a));
                }
            },
            Tally::merge,
        );
        tally.trim();
        tally.best.sort_unstable_by(Candidate::rank_cmp);
        tally
    }

    /// Run the search. It is exhaustive: every week of the space is either cut by a
    /// counting constraint or scored.
    ///
    /// Only the best repeatable weeks are kept, not all of them: the diverse top reads the
    /// ranked list from the top and stops when it has its plans, so when it stops inside
    /// the kept part the answer is the one the whole list gives. When it would read past
    /// the kept part, the search runs once more keeping every repeatable week.
    ///
    /// # Errors
    /// [`NoWeekFits`] when no week meets every constraint or none of those is repeatable,
    /// with the constraints that collide and what to relax.
    pub fn run(&self) -> Result<Outcome, NoWeekFits> {
        let searched = Space::of(self.problem).size();
        let min_distance = usize::from(self.problem.params.min_distance);
        let mut keep = self.keep.max(8 * self.top).max(1);
        loop {
            let tally = self.tally(keep);
            if tally.best.is_empty() {
                return Err(diagnose::no_week_fits(self.problem, tally.feasible));
            }
            let plans = diverse_top(&tally.best, self.top, min_distance);
            let complete = tally.repeatable <= keep as u64;
            if plans.len() == self.top || complete {
                return Ok(Outcome {
                    searched,
                    feasible: tally.feasible,
                    repeatable: tally.repeatable,
                    plans,
                });
            }
            // Rare (a strict min_distance): keep them all, so the space is scanned twice at most.
            keep = usize::try_from(tally.repeatable).unwrap_or(usize::MAX);
        }
    }

    /// Count the feasible weeks and those scoring below `score` (for a percentile).
    #[must_use]
    pub fn count_below(&self, score: f64) -> (u64, u64) {
        self.fold_feasible(
            || (0u64, 0u64),
            |t, _, a| {
                t.0 += 1;
                t.1 += u64::from(a.score < score);
            },
            |a, b| (a.0 + b.0, a.1 + b.1),
        )
    }

    /// Number of repeatable weeks (the diagnosis of a failed search tries variants).
    #[must_use]
    pub(crate) fn count_repeatable(&self) -> u64 {
        self.fold_feasible(|| 0u64, |t, _, a| *t += u64::from(a.repeatable), |a, b| a + b)
    }
}

fn candidate(sessions: &[Session; 7], a: &Assessment) -> Candidate {
    Candidate {
        sessions: *sessions,
        score: a.score,
        volume_gap: (a.metrics.volume_ratio - 1.0).abs(),
        peak_fatigue_ratio: a.metrics.peak_fatigue_ratio,
        repeatable: a.repeatable,
    }
}

/// Greedy diversity over a ranked list: take the best, then each next week that differs
/// in at least `min_distance` days from every week taken, until `top`.
#[must_use]
pub fn diverse_top(ranked: &[Candidate], top: usize, min_distance: usize) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::with_capacity(top);
    for c in ranked {
        if out.len() == top {
            break;
        }
        if out.iter().all(|o| o.distance(c) >= min_distance) {
            out.push(*c);
        }
    }
    out
}

#[cfg(test)]
mod tests;
