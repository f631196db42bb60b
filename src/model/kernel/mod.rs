//! The scoring kernel of docs/model.md sections 5 to 8, written so that a week is the sum of its
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
mod last_days;
mod rules;

#[cfg(test)]
use lanes::monotony_of;
pub use lanes::{JudgedLanes, TermLanes, evaluate_lanes};
pub use last_days::LastDay;
pub use rules::{DayMarks, Judged, JudgedClasses, marks};
use rules::{Specific, judge_masks};

use super::{Component, Constraint, Judge, LongRunRule, ModelParams, Rules, Violations};
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

/// Running maxima: the longest long run, and the longest run that is neither long nor
/// quality (the long-run ratio reads both).
const LONGEST_LONG: usize = 0;
const LONGEST_OTHER: usize = 1;

/// Bit positions of the masks inside [`Masks`] (one byte each, bit d for weekday d).
const KEY: u32 = 0;
const QUALITY: u32 = 8;
const LONG: u32 = 16;
const REST: u32 = 24;
const NEEDS_THREE: u32 = 32;
const BREAKS_RULES: u32 = 40;
const OVER_LONG_CAP: u32 = 48;
const RECOVERY: u32 = 56;
/// Recovery runs longer than 45 minutes.
const LONG_RECOVERY: u32 = 64;
const CROSS: u32 = 72;
const STRIDES: u32 = 80;
const MODERATE: u32 = 88;
const TEMPO: u32 = 96;
const INTERVALS: u32 = 104;
const HILLS: u32 = 112;
const MARATHON: u32 = 120;

const WEEK: u8 = 0x7f;
/// Sunday and Monday.
const SUN_MON: u8 = 0b100_0001;

/// Sixteen day masks packed in two words (eight bytes each), so adding a day is two `or`s
/// and reading a mask one shift of one word (a 128-bit shift costs several).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Masks([u64; 2]);

impl Masks {
    const EMPTY: Masks = Masks([0; 2]);

    #[inline(always)]
    fn get(self, at: u32) -> u8 {
        // Each mask is one byte of a word; the truncation picks it.
        (self.0[(at / 64) as usize] >> (at % 64)) as u8
    }

    /// The masks of one session on Monday: the bits of the masks at `flags`.
    fn of(flags: impl Iterator<Item = u32>) -> Self {
        let mut m = Masks::EMPTY;
        for at in flags {
            m.0[(at / 64) as usize] |= 1 << (at % 64);
        }
        m
    }

    /// These masks moved from Monday to weekday `day`.
    fn on(self, day: usize) -> Self {
        Masks(self.0.map(|w| w << day))
    }

    #[inline(always)]
    fn or(self, other: Masks) -> Self {
        Masks([self.0[0] | other.0[0], self.0[1] | other.0[1]])
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
    /// The day's minutes where a running maximum reads them (else 0).
    longest: [f64; 2],
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
        let leg_input = session.impact() * load;
        if judge.start.is_some() {
            open_week(judge, day, load, leg_input, &mut v);
        } else {
            repeated_week(judge, day, load, leg_input, &mut v);
        }
        let key = session.is_key();
        let mut longest = [0.0; 2];
        if session.is_long() {
            longest[LONGEST_LONG] = minutes;
        } else if !key && session != Session::Rest {
            longest[LONGEST_OTHER] = minutes;
        }
        DayTerm {
            v,
            inv_load: if key && load != 0.0 { 1.0 / load } else { 0.0 },
            longest,
            masks: day_flags(judge, day, session, minutes).on(day),
        }
    }
}

/// The filter terms of weekday `day` in the repeated week (its steady state): its load
/// reaches the fatigue at the end of every day and the legs before every day, around the
/// week.
fn repeated_week(judge: &Judge, day: usize, load: f64, leg_input: f64, v: &mut [f64; WIDTH]) {
    let (fatigue, legs) = (&judge.filters.fatigue.rows[day], &judge.filters.legs.rows[day]);
    for e in 0..7 {
        v[FATIGUE + e] = fatigue[e] * load;
        // Legs at the end of the day before `e`.
        v[LEGS_BEFORE + e] = legs[(e + 6) % 7] * leg_input;
    }
}

/// The filter terms of weekday `day` in a week run once from a start state (the judge's
/// `start`; [`Sums::at_start`] adds the start's own share): its load reaches the fatigue at
/// the end of that day and the days after, `b a^(e - day)`, and the legs before the days
/// after it, `a^(e - 1 - day)`; nothing wraps around to the week's first days.
fn open_week(judge: &Judge, day: usize, load: f64, leg_input: f64, v: &mut [f64; WIDTH]) {
    let (fatigue, legs) = (&judge.filters.fatigue, &judge.filters.legs);
    for e in day..7 {
        v[FATIGUE + e] = fatigue.b * fatigue.a.powi(whole(e - day)) * load;
    }
    for e in day + 1..7 {
        v[LEGS_BEFORE + e] = legs.b * legs.a.powi(whole(e - 1 - day)) * leg_input;
    }
}

/// A weekday difference (0 to 6) as a power.
fn whole(days: usize) -> i32 {
    i32::try_from(days).unwrap_or(i32::MAX)
}

/// The masks `session` on weekday `day` sets, for Monday (shifted to its day by the
/// caller). A session breaks the runner's day rules on a day that does not allow it or
/// over the day's cap (caps shape the easy days' minutes; a longer session breaks them).
fn day_flags(judge: &Judge, day: usize, session: Session, minutes: f64) -> Masks {
    let breaks = judge.rules.as_ref().is_some_and(|r| {
        let over_cap = r.caps[day].is_some_and(|c| minutes > c + 1e-9);
        !r.allows(day, session) || over_cap
    });
    let flags = [
        (KEY, session.is_key()),
        (QUALITY, session.is_quality()),
        (LONG, session.is_long()),
        (REST, session == Session::Rest),
        (NEEDS_THREE, session.gap_days() >= 3),
        (BREAKS_RULES, breaks),
        (
            OVER_LONG_CAP,
            session.is_long() && minutes > judge.goal.long_run_cap(judge.level) + 1e-9,
        ),
        (RECOVERY, session == Session::Recovery),
        (
            LONG_RECOVERY,
            session == Session::Recovery && minutes > crate::minutes::RECOVERY_MAX + 1e-9,
        ),
        (CROSS, session == Session::Cross),
        (STRIDES, session == Session::Strides),
        (MODERATE, session == Session::Moderate),
        (TEMPO, session == Session::Tempo),
        (INTERVALS, session == Session::Intervals),
        (HILLS, session == Session::Hills),
        (MARATHON, session == Session::Marathon),
    ];
    Masks::of(flags.iter().filter(|(_, on)| *on).map(|&(at, _)| at))
}

/// The sums of a week's days so far.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sums {
    v: [f64; WIDTH],
    inv_load: [f64; 8],
    longest: [f64; 2],
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
        longest: [0.0; 2],
        masks: Masks::EMPTY,
    };

    /// The sums a week starts from: nothing for a repeated week; for a week run once from
    /// the judge's `start`, the start's share of the fatigue at the end of each day,
    /// `a^(e + 1) A0`, and of the legs before each day, `a^e H0`.
    #[must_use]
    pub fn at_start(judge: &Judge) -> Sums {
        let mut sums = Sums::EMPTY;
        if let Some(start) = judge.start {
            let (fatigue, legs) = (&judge.filters.fatigue, &judge.filters.legs);
            for e in 0..7 {
                sums.v[FATIGUE + e] = fatigue.a.powi(whole(e + 1)) * start.fatigue;
                sums.v[LEGS_BEFORE + e] = legs.a.powi(whole(e)) * start.legs;
            }
        }
        sums
    }

    /// A week run once from the judge's start, read as docs/model.md's "Re-planning the
    /// current week" reads it: each day's fatigue and the legs before each day raised to
    /// the repeated week's where those are higher. `load` and `leg_input` are the week's
    /// loads and their impact on the legs, Monday first.
    pub fn raise_to_repeated(&mut self, judge: &Judge, load: &[f64; 7], leg_input: &[f64; 7]) {
        let mut kept = [0.0; WIDTH];
        for d in 0..7 {
            let mut v = [0.0; WIDTH];
            repeated_week(judge, d, load[d], leg_input[d], &mut v);
            for (k, x) in kept.iter_mut().zip(v) {
                *k += x;
            }
        }
        for c in FATIGUE..FATIGUE + 7 {
            self.v[c] = self.v[c].max(kept[c]);
        }
        for c in LEGS_BEFORE..LEGS_BEFORE + 7 {
            self.v[c] = self.v[c].max(kept[c]);
        }
    }

    /// Add weekday `day`'s term. Days are added Monday first, each once.
    #[inline(always)]
    pub fn push(&mut self, day: usize, term: &DayTerm) {
        for (s, t) in self.v.iter_mut().zip(&term.v) {
            *s += t;
        }
        self.inv_load[day] = term.inv_load;
        for (s, t) in self.longest.iter_mut().zip(&term.longest) {
            *s = s.max(*t);
        }
        self.masks = self.masks.or(term.masks);
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
    /// Minutes over `g x` the usual weekly minutes.
    pub volume_ratio: f64,
    /// Long-run minutes over the week's minutes.
    pub long_run_share: f64,
    /// The long run's share cap the week was judged by.
    pub share_cap: f64,
    /// Longest long run over the longest other run that is not quality.
    pub long_ratio: f64,
    /// Highest freshness of a key day (0 without key days).
    pub max_freshness: f64,
    /// Points lost per component, in the order of [`Component::ALL`].
    pub lost: [f64; Component::COUNT],
    /// Broken constraints.
    pub violations: Violations,
    /// `max(0, 100 - lost - penalty x violations)`.
    pub score: f64,
}

/// Score a week from the sums of its seven days (the one-lane case of
/// [`evaluate_lanes`], with the whole week in the sums and nothing left for the lane:
/// adding the lane's zeros leaves every sum as it is, to the bit).
#[must_use]
pub fn evaluate(judge: &Judge, week: &Sums) -> Core {
    let prep = Prepared::new(judge);
    let lane = TermLanes {
        v: [[0.0]; WIDTH],
        inv_load: [[0.0], [week.inv_load[6]]],
        longest: [[0.0]; 2],
        keep: [true],
    };
    let judged = JudgedLanes::one(&judge_masks(&prep, week.masks));
    evaluate_lanes(&prep, week, &lane, &judged).lane(0)
}

/// What the kernel reads from a [`Judge`], prepared once per search rather than once per
/// week: the goal's targets and rules, and the runner's rules as masks, so that every
/// check is the same branch-free step for every week.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prepared {
    params: ModelParams,
    current: Option<f64>,
    /// `1 / (g x current)`: the volume ratio is the week's minutes times it (0 without a
    /// profile).
    inv_usual: f64,
    /// `1 / g`: the volume ratio of a week without a profile.
    inv_factor: f64,
    long_share_floor: f64,
    dist: Distribution,
    specific: Specific,
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
    /// The rest days the runner usually takes (a profile's; 7 without one, so that no
    /// rest day is extra).
    usual_rest_days: u8,
    /// The runner's running days (a profile's; `None` counts the week's own).
    running_days: Option<u8>,
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
            current: judge.current_weekly_minutes,
            inv_usual: judge
                .current_weekly_minutes
                .map_or(0.0, |c| 1.0 / (judge.factor * c)),
            inv_factor: 1.0 / judge.factor,
            long_share_floor: judge.long_share_floor,
            dist: judge.goal.distribution(),
            specific: Specific::of(judge.goal.needs()),
            needs_long: judge.goal.needs_long_run(),
            trainable: r.map_or(WEEK, |r| {
                (0..7).filter(|&d| r.available[d]).fold(0, |m, d| m | (1 << d))
            }),
            enforce: if r.is_some() { u8::MAX } else { 0 },
            hard_sessions: r.map_or(0, |r| r.hard_sessions),
            no_long,
            long_days,
            min_rest_days: r.map_or(0, |r| r.min_rest_days),
            usual_rest_days: r.map_or(7, Rules::usual_rest_days),
            running_days: r.map(Rules::running_days),
            back_to_back: if r.is_some_and(|r| r.allow_back_to_back) {
                0
            } else {
                WEEK
            },
        }
    }
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
