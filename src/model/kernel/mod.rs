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

use super::{Component, Constraint, Judge, LongRunRule, ModelParams, Rules, Violations};
use crate::catalog::{Distribution, Needs, Session, WORKOUTS};

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

/// Sixteen day masks packed in one word, so adding a day is one `or`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Masks(u128);

impl Masks {
    #[inline(always)]
    fn get(self, at: u32) -> u8 {
        // Each mask is one byte of the word; the truncation picks it.
        (self.0 >> at) as u8
    }

    /// The days of `session` (for the sessions the rules count by type).
    #[inline(always)]
    fn of(self, session: Session) -> u8 {
        match session {
            Session::Tempo => self.get(TEMPO),
            Session::Intervals => self.get(INTERVALS),
            Session::Hills => self.get(HILLS),
            Session::Marathon => self.get(MARATHON),
            Session::LongFast => self.get(LONG) & self.get(QUALITY),
            Session::Strides => self.get(STRIDES),
            Session::Moderate => self.get(MODERATE),
            Session::Cross => self.get(CROSS),
            Session::Recovery => self.get(RECOVERY),
            _ => 0,
        }
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
        let (fatigue, legs) = (&judge.filters.fatigue.rows[day], &judge.filters.legs.rows[day]);
        let leg_input = session.impact() * load;
        for e in 0..7 {
            v[FATIGUE + e] = fatigue[e] * load;
            // Legs at the end of the day before `e`.
            v[LEGS_BEFORE + e] = legs[(e + 6) % 7] * leg_input;
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
            masks: Masks(day_flags(judge, day, session, minutes) << day),
        }
    }
}

/// The masks `session` on weekday `day` sets, for Monday (shifted to its day by the
/// caller). A session breaks the runner's day rules on a day that does not allow it or
/// over the day's cap (caps shape the easy days' minutes; a longer session breaks them).
fn day_flags(judge: &Judge, day: usize, session: Session, minutes: f64) -> u128 {
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
    flags
        .iter()
        .filter(|(_, on)| *on)
        .fold(0u128, |m, &(at, _)| m | (1u128 << at))
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
        masks: Masks(0),
    };

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
        inv_load: [week.inv_load[6]],
        longest: [[0.0]; 2],
        class: [0],
        keep: [true],
    };
    let judged = [judge_masks(&prep, week.masks)];
    evaluate_lanes(&prep, week, &lane, &judged).lane(0)
}

/// What the kernel reads from a [`Judge`], prepared once per search rather than once per
/// week: the goal's targets and rules, and the runner's rules as masks, so that every
/// check is the same branch-free step for every week.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prepared {
    params: ModelParams,
    current: Option<f64>,
    factor: f64,
    long_share_floor: f64,
    dist: Distribution,
    needs: Needs,
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
            factor: judge.factor,
            long_share_floor: judge.long_share_floor,
            dist: judge.goal.distribution(),
            needs: judge.goal.needs(),
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

/// The integer half of the kernel for one week: what its masks decide, with the
/// components that read only counts already turned into fractions.
#[derive(Debug, Clone, Copy, Default)]
pub struct Judged {
    /// Number of quality sessions.
    quality: u8,
    /// Number of rest days.
    rests: u8,
    /// Broken constraints but the easy floor (which reads the zone shares).
    bits: u8,
    /// Key sessions, at least 1 (so that dividing by it gives 0 without any).
    keys: f64,
    /// Spacing's fraction of its points.
    spacing: f64,
    /// Specificity's fraction.
    specificity: f64,
    /// The session rules' fraction.
    sessions: f64,
    /// Rhythm's fraction.
    rhythm: f64,
    /// 1 when the goal wants a long run and there is none, else 0.
    missing_long: f64,
    /// 1 when the runner has four running days or fewer (share cap 0.40), else 0.
    few_days: f64,
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
    /// Key days that need two days or more and have the next key day the day after.
    pub next_key_tomorrow: u8,
    /// Key days that need three days and have the next key day within two.
    pub next_key_within_two: u8,
    /// Rest days that follow a rest day on a day the runner could train (rhythm).
    pub stacked_rest: u8,
    /// Days after a long run that hold a run other than a recovery run (rhythm, 0.25).
    pub run_after_long: u8,
    /// Days after a long run that hold a recovery run (rhythm, 0.10).
    pub recovery_after_long: u8,
    /// Quality sessions other than the long run on Sunday or Monday (rhythm, 0.02).
    pub weekend_quality: u8,
    /// Recovery runs that do not follow a key day (sessions).
    pub recovery_out_of_place: u8,
    /// Recovery runs longer than 45 minutes (sessions).
    pub long_recovery: u8,
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
    let (key, quality, long, rest) = (m.get(KEY), m.get(QUALITY), m.get(LONG), m.get(REST));
    let recovery = m.get(RECOVERY);
    // Spacing: a key day needing `n` days before the next key day, with the next one `g`
    // days on, is `n - g` short. Marathon pace needs one day, the others two or three.
    let needs_two = key & !m.get(MARATHON);
    let after_long = prev(long);
    DayMarks {
        breaks_rules: m.get(BREAKS_RULES) & prep.enforce,
        next_key_tomorrow: needs_two & next(key),
        next_key_within_two: key & (next(key) | next(next(key))) & m.get(NEEDS_THREE),
        stacked_rest: rest & prev(rest) & prep.trainable,
        run_after_long: after_long & !(rest | m.get(CROSS) | recovery),
        recovery_after_long: after_long & recovery,
        weekend_quality: quality & !long & SUN_MON,
        recovery_out_of_place: recovery & !prev(key),
        long_recovery: m.get(LONG_RECOVERY),
        back_to_back: quality & next(quality) & prep.back_to_back,
        over_long_cap: m.get(OVER_LONG_CAP),
    }
}

/// The marks of a week from its sums, judged by `judge` (for a report).
#[must_use]
pub fn marks(judge: &Judge, week: &Sums) -> DayMarks {
    day_marks(&Prepared::new(judge), week.masks)
}

/// `cost` for each of `n` beyond `allowed`.
#[inline(always)]
fn beyond(n: u8, allowed: u8, cost: f64) -> f64 {
    cost * f64::from(n.saturating_sub(allowed))
}

/// Specificity's fraction: the goal's first requirement (0.5 if missing, when the week
/// has a quality session), its second (0.25, when it has two), 0.5 for each off-goal
/// session, 0.25 for each repeat of a midweek workout type.
#[inline(always)]
fn specificity(s: &Needs, m: Masks, quality: u8) -> f64 {
    let n = |session: Option<Session>| session.map_or(0, |x| count(m.of(x)));
    let missing = |session: Option<Session>, k: u8| session.is_some() && quality >= k && n(session) == 0;
    let mut p = 0.0;
    if missing(s.first, 1) {
        p += 0.5;
    }
    if missing(s.second, 2) {
        p += 0.25;
    }
    p += 0.5 * f64::from(n(s.off_goal[0]) + n(s.off_goal[1]));
    for workout in WORKOUTS {
        p += beyond(count(m.of(workout)), 1, 0.25);
    }
    fraction(p)
}

/// The session rules' fraction: strides and cross-training beyond two days, recovery runs
/// out of place or over 45 minutes, moderate runs (the first 0.10 for marathon and general
/// goals).
#[inline(always)]
fn sessions(s: &Needs, m: Masks, marks: &DayMarks) -> f64 {
    let moderate = count(m.get(MODERATE));
    let moderate_cost = if moderate == 0 {
        0.0
    } else {
        s.first_moderate + beyond(moderate, 1, 0.25)
    };
    fraction(
        beyond(count(m.get(STRIDES)), 2, 0.25)
            + beyond(count(m.get(CROSS)), 2, 0.25)
            + 0.25 * f64::from(count(marks.recovery_out_of_place) + count(marks.long_recovery))
            + moderate_cost,
    )
}

/// Rhythm's fraction: stacked rest, rest days beyond the runner's usual, the day after the
/// long run, quality on Sunday or Monday.
#[inline(always)]
fn rhythm(prep: &Prepared, marks: &DayMarks, rests: u8) -> f64 {
    fraction(
        0.5 * f64::from(count(marks.stacked_rest))
            + beyond(rests, prep.usual_rest_days, 0.5)
            + 0.25 * f64::from(count(marks.run_after_long))
            + 0.10 * f64::from(count(marks.recovery_after_long))
            + 0.02 * f64::from(count(marks.weekend_quality)),
    )
}

/// The integer half of the kernel for one week: counts, the bits of the constraints that
/// read only which session stands where (everything but the easy floor), and the
/// components that read only counts and masks.
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
    let bits = (own & prep.enforce) | structural;
    let keys = f64::from(count(key)).max(1.0);
    let short = count(marks.next_key_tomorrow) + count(marks.next_key_within_two);
    let running_days = prep.running_days.unwrap_or(7 - rests);
    Judged {
        quality: quality_n,
        rests,
        bits,
        keys,
        spacing: fraction(0.5 * f64::from(short) / keys),
        specificity: specificity(&prep.needs, m, quality_n),
        sessions: sessions(&prep.needs, m, &marks),
        rhythm: rhythm(prep, &marks, rests),
        missing_long: if longs == 0 && prep.needs_long { 1.0 } else { 0.0 },
        few_days: if running_days <= 4 { 1.0 } else { 0.0 },
        broken: f64::from(bits.count_ones()),
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
