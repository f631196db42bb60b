//! The scoring kernel of MODEL.md sections 4 to 7, written so that a week is the sum of its
//! days.
//!
//! Every number the score reads is either a sum over the days of a per-day term or a bit
//! mask over the days:
//! - sums: minutes, load, load squared (monotony is `W / sqrt(7 sum(w^2) - W^2)`), the
//!   minutes of each zone, the long-run minutes, and, because the periodic steady state of
//!   a linear filter is linear in its input, the steady-state fatigue at the end of each
//!   weekday and the leg fatigue at the end of the day before each weekday (the
//!   coefficients are the rows of [`Filter::rows`](super::filters::Filter::rows));
//! - masks: key, quality, long and rest days, days whose session needs three days before
//!   the next key day, days that break the runner's own rules, long runs over the cap.
//!
//! A [`DayTerm`] is what one session on one weekday adds; [`Sums`] adds terms up in day
//! order; [`evaluate`] turns the sums into the score. [`assess`](super::assess) builds the
//! seven terms of a week and calls [`evaluate`]; the enumeration of `bench` adds one term
//! per level of its descent, so a prefix shared by many weeks is summed once, and calls
//! the same [`evaluate`] at every leaf. One model, one copy: both paths add the same terms
//! in the same order and so get the same bits.

// The kernel runs inside a SIMD context chosen at run time (pulp): a function that is not
// inlined into it is compiled without the wider instructions, so inlining here is not a hint.
#![allow(clippy::inline_always)]

mod lanes;

use lanes::fraction;
#[cfg(test)]
use lanes::monotony_of;
pub use lanes::{LastDay, TermLanes, evaluate_lanes};

use super::{Component, Constraint, Judge, LongRunRule, ModelParams, Violations};
use crate::catalog::{Distribution, Session};

/// Slots of the summed vector.
const MINUTES: usize = 0;
const LOAD: usize = 1;
const LOAD_SQ: usize = 2;
const ZONES: usize = 3;
const LONG_MINUTES: usize = 6;
/// Steady-state fatigue at the end of each weekday (7 slots and a zero).
const FATIGUE: usize = 8;
/// Steady-state leg fatigue at the end of the day before each weekday (7 slots and a zero).
const LEGS_BEFORE: usize = 16;
/// Width of the summed vector: three blocks of eight, which vectorise cleanly.
const WIDTH: usize = 24;

/// Bit positions of the masks inside [`Masks`] (one byte each, bit d for weekday d).
const KEY: u32 = 0;
const QUALITY: u32 = 8;
const LONG: u32 = 16;
const REST: u32 = 24;
const NEEDS_THREE: u32 = 32;
const BREAKS_RULES: u32 = 40;
const OVER_LONG_CAP: u32 = 48;

const WEEK: u8 = 0x7f;

/// Seven day masks packed in one word, so adding a day is one `or`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Masks(u64);

impl Masks {
    #[inline(always)]
    fn get(self, at: u32) -> u8 {
        // Each mask is one byte of the word; the truncation picks it.
        (self.0 >> at) as u8
    }
}

/// The days after: bit `d` is set when day `d + 1` (around the week) is in `m`.
#[inline(always)]
fn next(m: u8) -> u8 {
    ((m >> 1) | (m << 6)) & WEEK
}

/// The days before: bit `d` is set when day `d - 1` (around the week) is in `m`.
#[inline(always)]
fn prev(m: u8) -> u8 {
    ((m << 1) | (m >> 6)) & WEEK
}

#[inline(always)]
fn count(m: u8) -> u8 {
    // At most 8.
    m.count_ones() as u8
}

/// What one session on one weekday adds to a week.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DayTerm {
    v: [f64; WIDTH],
    /// `1 / load` on a key day (freshness reads it), else 0.
    inv_load: f64,
    masks: Masks,
}

impl DayTerm {
    /// The term of `session` on weekday `day` (0 = Monday) for `minutes` at `rpe`, with
    /// the zone shares of the session, judged by `judge` (its filters, its goal's long-run
    /// cap and, when present, the runner's rules).
    #[must_use]
    #[inline]
    pub fn new(judge: &Judge, day: usize, session: Session, minutes: f64, rpe: f64, zones: [f64; 3]) -> Self {
        let load = rpe * minutes;
        let mut v = [0.0; WIDTH];
        v[MINUTES] = minutes;
        v[LOAD] = load;
        v[LOAD_SQ] = load * load;
        for z in 0..3 {
            v[ZONES + z] = zones[z] * minutes;
        }
        if session.is_long() {
            v[LONG_MINUTES] = minutes;
        }
        let (fatigue, legs) = (&judge.filters.fatigue.rows[day], &judge.filters.legs.rows[day]);
        let leg_input = session.impact() * load;
        for e in 0..7 {
            v[FATIGUE + e] = fatigue[e] * load;
            // Legs at the end of the day before `e`.
            v[LEGS_BEFORE + e] = legs[(e + 6) % 7] * leg_input;
        }
        let key = session.is_key();
        let mut breaks = false;
        if let Some(r) = &judge.rules {
            let over_cap = r.caps[day].is_some_and(|c| minutes > c + 1e-9);
            breaks = !r.allows(day, session) || over_cap;
        }
        let flags = [
            (KEY, key),
            (QUALITY, session.is_quality()),
            (LONG, session.is_long()),
            (REST, session == Session::Rest),
            (NEEDS_THREE, session.gap_days() >= 3),
            (BREAKS_RULES, breaks),
            (
                OVER_LONG_CAP,
                session.is_long() && minutes > judge.goal.long_run_cap() + 1e-9,
            ),
        ];
        let masks = flags
            .iter()
            .filter(|(_, on)| *on)
            .fold(0u64, |m, &(at, _)| m | (1u64 << (at + day as u32)));
        DayTerm {
            v,
            inv_load: if key && load != 0.0 { 1.0 / load } else { 0.0 },
            masks: Masks(masks),
        }
    }
}

/// The sums of a week's days so far.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sums {
    v: [f64; WIDTH],
    inv_load: [f64; 8],
    masks: Masks,
}

impl Default for Sums {
    fn default() -> Self {
        Sums::EMPTY
    }
}

impl Sums {
    /// No day yet.
    pub const EMPTY: Sums = Sums {
        v: [0.0; WIDTH],
        inv_load: [0.0; 8],
        masks: Masks(0),
    };

    /// Add weekday `day`'s term. Days are added Monday first, each once.
    #[inline(always)]
    pub fn push(&mut self, day: usize, term: &DayTerm) {
        for (s, t) in self.v.iter_mut().zip(&term.v) {
            *s += t;
        }
        self.inv_load[day] = term.inv_load;
        self.masks.0 |= term.masks.0;
    }

    /// These sums with weekday `day`'s term added.
    #[inline(always)]
    #[must_use]
    pub fn with(&self, day: usize, term: &DayTerm) -> Sums {
        let mut s = *self;
        s.push(day, term);
        s
    }

    /// Steady-state fatigue at the end of each weekday.
    #[must_use]
    pub fn fatigue(&self) -> [f64; 7] {
        std::array::from_fn(|d| self.v[FATIGUE + d])
    }

    /// Freshness of each key day: leg fatigue at the end of the day before over the day's
    /// load (`None` on other days).
    #[must_use]
    pub fn freshness(&self) -> [Option<f64>; 7] {
        let key = self.masks.get(KEY);
        std::array::from_fn(|d| (key & (1 << d) != 0).then(|| self.v[LEGS_BEFORE + d] * self.inv_load[d]))
    }
}

/// The score and the numbers behind it, as [`evaluate`] finds them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Core {
    /// Week's minutes T.
    pub minutes: f64,
    /// Week's load W.
    pub load: f64,
    /// Number of quality sessions.
    pub quality_sessions: u8,
    /// Number of rest days.
    pub rest_days: u8,
    /// Shares of minutes in zones 1, 2, 3.
    pub zones: [f64; 3],
    /// Foster's monotony, capped at 10.
    pub monotony: f64,
    /// Highest steady-state fatigue over C0.
    pub peak_fatigue_ratio: f64,
    /// Daily load over `g x C0`.
    pub stress_ratio: f64,
    /// Long-run minutes over the week's minutes.
    pub long_run_share: f64,
    /// Highest freshness of a key day (0 without key days).
    pub max_freshness: f64,
    /// Points lost per component, in the order of [`Component::ALL`].
    pub lost: [f64; 8],
    /// Broken constraints.
    pub violations: Violations,
    /// `max(0, 100 - lost - penalty x violations)`.
    pub score: f64,
}

/// Score a week from the sums of its seven days: MODEL.md sections 4 to 7 (the one-lane
/// case of [`evaluate_lanes`], with the whole week in the sums and nothing left for the
/// lane: adding the lane's zeros leaves every sum as it is, to the bit).
#[must_use]
pub fn evaluate(judge: &Judge, week: &Sums) -> Core {
    let prep = Prepared::new(judge);
    let lane = TermLanes {
        v: [[0.0]; WIDTH],
        inv_load: [week.inv_load[6]],
        class: [0],
        keep: [true],
    };
    let judged = [judge_masks(&prep, week.masks)];
    evaluate_lanes(&prep, week, &lane, &judged).lane(0)
}

/// What the kernel reads from a [`Judge`], prepared once per search rather than once per
/// week: the goal's distribution targets, and the runner's rules as masks, so that every
/// check is the same branch-free step for every week.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prepared {
    params: ModelParams,
    c0: Option<f64>,
    factor: f64,
    dist: Distribution,
    needs_long: bool,
    /// Days the runner can train (rest on the others is not a stacked rest).
    trainable: u8,
    /// All ones when the runner's own rules apply, 0 when only structure is judged.
    enforce: u8,
    hard_sessions: u8,
    /// The profile wants no long run.
    no_long: bool,
    /// Days the one long run may stand on.
    long_days: u8,
    min_rest_days: u8,
    /// Days on which back-to-back quality counts (none when the profile allows it).
    back_to_back: u8,
}

impl Prepared {
    /// Prepare `judge` for the kernel.
    #[must_use]
    pub fn new(judge: &Judge) -> Self {
        let r = judge.rules.as_ref();
        let (no_long, long_days) = match r.map(|r| r.long_run) {
            Some(LongRunRule::Never) => (true, 0),
            Some(LongRunRule::On(day)) => (false, 1 << day.index()),
            Some(LongRunRule::Any) | None => (false, WEEK),
        };
        Prepared {
            params: judge.params,
            c0: judge.c0,
            factor: judge.factor,
            dist: judge.goal.distribution(),
            needs_long: judge.goal.needs_long_run(),
            trainable: r.map_or(WEEK, |r| {
                (0..7).filter(|&d| r.available[d]).fold(0, |m, d| m | (1 << d))
            }),
            enforce: if r.is_some() { u8::MAX } else { 0 },
            hard_sessions: r.map_or(0, |r| r.hard_sessions),
            no_long,
            long_days,
            min_rest_days: r.map_or(0, |r| r.min_rest_days),
            back_to_back: if r.is_some_and(|r| r.allow_back_to_back) {
                0
            } else {
                WEEK
            },
        }
    }
}

/// The integer half of the kernel for one week: what its masks decide, with the
/// components that read only counts already turned into fractions.
#[derive(Debug, Clone, Copy, Default)]
pub struct Judged {
    counts: Counts,
    /// Broken constraints but the easy floor (which reads the zone shares).
    bits: u8,
    /// Key sessions, at least 1 (so that dividing by it gives the spec's 0 without any).
    keys: f64,
    /// Spacing's fraction of its points.
    spacing: f64,
    /// Stacked rest's fraction of its points.
    stacked: f64,
    /// 1 when the goal wants a long run and there is none, else 0.
    missing_long: f64,
    /// Number of broken constraints in `bits`.
    broken: f64,
}

/// Which days each rule of the week's structure marks: the kernel's one decision of each
/// rule, read by the score (`judge_masks`) and by the sentences that explain it (through
/// [`Assessment::marks`](super::Assessment::marks)), so that the two cannot disagree. Bit
/// `d` is weekday `d` (0 = Monday).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayMarks {
    /// Days that break the runner's own day rules: unavailable, fixed, avoided or capped.
    pub breaks_rules: u8,
    /// Key days whose next key day is the day after (every key session needs two days).
    pub next_key_tomorrow: u8,
    /// Key days that need three days and have the next key day within two.
    pub next_key_within_two: u8,
    /// Rest days that follow a rest day on a day the runner could train (rhythm).
    pub stacked_rest: u8,
    /// First days of two quality days in a row, where the profile does not allow them.
    pub back_to_back: u8,
    /// Long runs over the goal's long-run cap.
    pub over_long_cap: u8,
}

impl DayMarks {
    /// Key days followed by the next key day sooner than they need: what spacing costs.
    #[must_use]
    pub fn short_of_space(&self) -> u8 {
        self.next_key_tomorrow | self.next_key_within_two
    }

    /// Whether weekday `d` is in `mask`.
    #[must_use]
    pub fn has(mask: u8, d: usize) -> bool {
        mask & (1 << d) != 0
    }
}

/// The marks of a week's masks under prepared rules.
#[inline(always)]
fn day_marks(prep: &Prepared, m: Masks) -> DayMarks {
    let (key, quality, rest) = (m.get(KEY), m.get(QUALITY), m.get(REST));
    // Spacing: a key day needing `n` days before the next key day, with the next one `g`
    // days on, is `n - g` short. Every key session needs at least 2.
    let gap_one = key & next(key);
    let gap_two = key & (next(key) | next(next(key)));
    DayMarks {
        breaks_rules: m.get(BREAKS_RULES) & prep.enforce,
        next_key_tomorrow: gap_one,
        next_key_within_two: gap_two & m.get(NEEDS_THREE),
        stacked_rest: rest & prev(rest) & prep.trainable,
        back_to_back: quality & next(quality) & prep.back_to_back,
        over_long_cap: m.get(OVER_LONG_CAP),
    }
}

/// The marks of a week from its sums, judged by `judge` (for a report).
#[must_use]
pub fn marks(judge: &Judge, week: &Sums) -> DayMarks {
    day_marks(&Prepared::new(judge), week.masks)
}

/// The long run's share cap of MODEL.md section 5 for a week of `minutes`.
#[inline(always)]
#[must_use]
pub fn long_run_share_cap(minutes: f64) -> f64 {
    if minutes < 360.0 { 0.30 } else { 0.25 }
}

/// The integer half of the kernel for one week: counts, the bits of the constraints that
/// read only which session stands where (everything but the easy floor), and the
/// components that read only counts.
#[inline(always)]
fn judge_masks(prep: &Prepared, m: Masks) -> Judged {
    let (key, quality, long, rest) = (m.get(KEY), m.get(QUALITY), m.get(LONG), m.get(REST));
    let marks = day_marks(prep, m);
    let (quality_n, rests, longs) = (count(quality), count(rest), count(long));
    let long_ok = if prep.no_long {
        longs == 0
    } else {
        longs == 1 && long & prep.long_days != 0
    };
    let own = (u8::from(quality_n != prep.hard_sessions) << Constraint::HardSessions as u8)
        | (u8::from(!long_ok) << Constraint::LongRun as u8)
        | (u8::from(rests < prep.min_rest_days) << Constraint::RestDays as u8);
    let structural = (u8::from(marks.breaks_rules != 0) << Constraint::Availability as u8)
        | (u8::from(marks.back_to_back != 0) << Constraint::BackToBack as u8)
        | (u8::from(marks.over_long_cap != 0) << Constraint::LongRunCap as u8);
    let counts = Counts {
        keys: count(key),
        short: count(marks.next_key_tomorrow) + count(marks.next_key_within_two),
        longs,
        stacked: count(marks.stacked_rest),
        quality: quality_n,
        rests,
    };
    let bits = (own & prep.enforce) | structural;
    let keys = f64::from(counts.keys).max(1.0);
    Judged {
        counts,
        bits,
        keys,
        spacing: fraction(0.5 * f64::from(counts.short) / keys),
        stacked: fraction(0.5 * f64::from(counts.stacked)),
        missing_long: if counts.longs == 0 && prep.needs_long {
            1.0
        } else {
            0.0
        },
        broken: f64::from(bits.count_ones()),
    }
}

/// What the masks of a week count.
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    keys: u8,
    short: u8,
    longs: u8,
    stacked: u8,
    quality: u8,
    rests: u8,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_rotate_around_the_week() {
        assert_eq!(next(0b000_0001), 0b100_0000, "Monday is the day after Sunday");
        assert_eq!(prev(0b100_0000), 0b000_0001, "Sunday is the day before Monday");
        assert_eq!(next(0b000_0110), 0b000_0011);
    }

    #[test]
    fn monotony_matches_the_textbook_formula() {
        let w = [135.0, 375.0, 135.0, 0.0, 325.0, 135.0, 400.0];
        let sum: f64 = w.iter().sum();
        let mean = sum / 7.0;
        let sd = (w.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / 7.0).sqrt();
        let sq: f64 = w.iter().map(|x| x * x).sum();
        assert!((monotony_of(sum, sq) - mean / sd).abs() < 1e-12);
        assert!((monotony_of(700.0, 7.0 * 100.0 * 100.0) - 10.0).abs() < f64::EPSILON);
        assert!(monotony_of(0.0, 0.0).abs() < f64::EPSILON);
    }
}
