//! The integer half of the kernel: what a week's day masks decide (counts, the hard
//! constraints that read only which session stands where, spacing, and the rule-made
//! components specificity, sessions and rhythm), worked out for every choice of the
//! last day at once, side by side, for each six-day prefix. Written in whole numbers (hundredths of a component)
//! and popcounts, so that it costs a few dozen instructions a week.

use super::{
    BREAKS_RULES, CROSS, HILLS, INTERVALS, KEY, LONG, LONG_RECOVERY, MARATHON, MODERATE, Masks, NEEDS_THREE,
    OVER_LONG_CAP, Prepared, QUALITY, RECOVERY, REST, STRIDES, SUN_MON, Sums, TEMPO, count, next, prev,
};
use crate::catalog::Session;
use crate::model::{Constraint, Judge};

/// The integer half of the kernel for one week: what its masks decide, with the
/// components that read only counts and masks already turned into fractions.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Judged {
    /// Number of quality sessions.
    pub(super) quality: u8,
    /// Number of rest days.
    pub(super) rests: u8,
    /// Broken constraints but the easy floor (which reads the zone shares).
    pub(super) bits: u8,
    /// 1 over the key sessions, at least 1 (so that recovery's mean is 0 without any).
    pub(super) inv_keys: f64,
    /// Spacing's fraction of its points.
    pub(super) spacing: f64,
    /// Specificity's fraction.
    pub(super) specificity: f64,
    /// The session rules' fraction.
    pub(super) sessions: f64,
    /// Rhythm's fraction.
    pub(super) rhythm: f64,
    /// 1 when the goal wants a long run and there is none, else 0.
    pub(super) missing_long: f64,
    /// 1 when the runner has four running days or fewer (share cap 0.40), else 0.
    pub(super) few_days: f64,
    /// Number of broken constraints in `bits`.
    pub(super) broken: f64,
}

/// Which days each rule of the week's structure marks: the kernel's one decision of each
/// rule, read by the score (`judge_masks`) and by the sentences that explain it (through
/// [`Assessment::marks`](crate::model::Assessment::marks)), so that the two cannot
/// disagree. Bit `d` is weekday `d` (0 = Monday).
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

/// Which days hold a session of one type: the `and` of two masks (one mask twice for a
/// plain type; long and quality for `long_fast`), or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct TypeMask {
    a: u32,
    b: u32,
    on: u8,
}

impl TypeMask {
    /// The days of `session` (`None`: no days).
    pub(super) fn of(session: Option<Session>) -> Self {
        let (a, b) = match session {
            Some(Session::Tempo) => (TEMPO, TEMPO),
            Some(Session::Intervals) => (INTERVALS, INTERVALS),
            Some(Session::Hills) => (HILLS, HILLS),
            Some(Session::Marathon) => (MARATHON, MARATHON),
            Some(Session::LongFast) => (LONG, QUALITY),
            // No other session is a requirement or off-goal (`Goal::needs`).
            _ => (KEY, KEY),
        };
        TypeMask {
            a,
            b,
            on: if session.is_some() { u8::MAX } else { 0 },
        }
    }

    #[inline(always)]
    fn days(self, m: Masks) -> u8 {
        m.get(self.a) & m.get(self.b) & self.on
    }
}

/// A goal's specificity and moderate-run rules, as the kernel reads them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Specific {
    pub(super) first: TypeMask,
    pub(super) second: TypeMask,
    pub(super) off_goal: [TypeMask; 2],
    /// What the first moderate run costs, in hundredths of `sessions`.
    pub(super) first_moderate: i32,
}

impl Specific {
    pub(super) fn of(needs: crate::catalog::Needs) -> Self {
        Specific {
            first: TypeMask::of(needs.first),
            second: TypeMask::of(needs.second),
            off_goal: needs.off_goal.map(TypeMask::of),
            // 0.10 or 0.25.
            first_moderate: (needs.first_moderate * 100.0).round() as i32,
        }
    }
}

/// `n` beyond `allowed`, as a whole number.
#[inline(always)]
fn beyond(n: u8, allowed: u8) -> i32 {
    i32::from(n.saturating_sub(allowed))
}

/// Hundredths, clamped to a whole component, as its fraction.
#[inline(always)]
fn fraction_of(hundredths: i32) -> f64 {
    f64::from(hundredths.clamp(0, 100)) / 100.0
}

/// Specificity in hundredths: the goal's first requirement (50 if missing, when the week
/// has a quality session), its second (25, when it has two), 50 for each off-goal session,
/// 25 for each repeat of a midweek workout type.
#[inline(always)]
fn specificity(s: &Specific, m: Masks, quality: u8) -> i32 {
    let missing = |t: TypeMask, k: u8| i32::from(t.on != 0 && quality >= k && t.days(m) == 0);
    let repeats = beyond(count(m.get(TEMPO)), 1)
        + beyond(count(m.get(INTERVALS)), 1)
        + beyond(count(m.get(HILLS)), 1)
        + beyond(count(m.get(MARATHON)), 1);
    50 * missing(s.first, 1)
        + 25 * missing(s.second, 2)
        + 50 * i32::from(count(s.off_goal[0].days(m)) + count(s.off_goal[1].days(m)))
        + 25 * repeats
}

/// The session rules in hundredths: strides and cross-training beyond two days, recovery
/// runs out of place or over 45 minutes, moderate runs (the first 10 for marathon and
/// general goals, 25 otherwise; each next 25).
#[inline(always)]
fn sessions(s: &Specific, m: Masks, marks: &DayMarks) -> i32 {
    let moderate = i32::from(count(m.get(MODERATE)));
    25 * (beyond(count(m.get(STRIDES)), 2) + beyond(count(m.get(CROSS)), 2))
        + 25 * i32::from(count(marks.recovery_out_of_place) + count(marks.long_recovery))
        + 25 * moderate
        + i32::from(moderate > 0) * (s.first_moderate - 25)
}

/// Rhythm in hundredths: stacked rest, rest days beyond the runner's usual, the day after
/// the long run, quality on Sunday or Monday.
#[inline(always)]
fn rhythm(prep: &Prepared, marks: &DayMarks, rests: u8) -> i32 {
    50 * i32::from(count(marks.stacked_rest))
        + 50 * beyond(rests, prep.usual_rest_days)
        + 25 * i32::from(count(marks.run_after_long))
        + 10 * i32::from(count(marks.recovery_after_long))
        + 2 * i32::from(count(marks.weekend_quality))
}

/// The integer half of the kernel for one week: counts, the bits of the constraints that
/// read only which session stands where (everything but the easy floor), and the
/// components that read only counts and masks.
#[inline(always)]
pub(super) fn judge_masks(prep: &Prepared, m: Masks) -> Judged {
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
    let keys = count(key).max(1);
    let short = count(marks.next_key_tomorrow) + count(marks.next_key_within_two);
    let running_days = prep.running_days.unwrap_or(7 - rests);
    Judged {
        quality: quality_n,
        rests,
        bits,
        inv_keys: 1.0 / f64::from(keys),
        spacing: SPACING[usize::from(keys)][usize::from(short.min(14))],
        specificity: fraction_of(specificity(&prep.specific, m, quality_n)),
        sessions: fraction_of(sessions(&prep.specific, m, &marks)),
        rhythm: fraction_of(rhythm(prep, &marks, rests)),
        missing_long: if longs == 0 && prep.needs_long { 1.0 } else { 0.0 },
        few_days: if running_days <= 4 { 1.0 } else { 0.0 },
        broken: f64::from(bits.count_ones()),
    }
}

/// Spacing's fraction for `keys` key days (at least 1) that are `short` days short in all:
/// `clamp(0.5 x short / keys, 0, 1)`, tabulated so that the kernel does not divide.
static SPACING: [[f64; 15]; 8] = spacing_table();

const fn spacing_table() -> [[f64; 15]; 8] {
    let mut t = [[0.0; 15]; 8];
    let mut keys = 1;
    while keys < 8 {
        let mut short = 0;
        while short < 15 {
            let x = 0.5 * short as f64 / keys as f64;
            t[keys][short] = if x > 1.0 { 1.0 } else { x };
            short += 1;
        }
        keys += 1;
    }
    t
}

/// Up to [`CLASSES`] masks of the last day, side by side: `by_type[t][c]` is byte
/// `t` of [`Masks`] (mask `KEY`, `QUALITY`, ... in their order) of class `c`. Judged
/// together by [`judge_classes`], each step one SIMD instruction for every class.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ClassMasks {
    by_type: [[u8; CLASSES]; 16],
}

/// Masks judged side by side (a day has at most 13 sessions, so one group).
pub(super) const CLASSES: usize = 16;

type Lanes = [u8; CLASSES];

impl ClassMasks {
    /// Up to [`CLASSES`] masks side by side; the lanes past them judge empty masks.
    ///
    /// # Panics
    /// With more than [`CLASSES`] masks.
    pub(super) fn new(masks: &[Masks]) -> Self {
        assert!(masks.len() <= CLASSES, "at most {CLASSES} masks side by side");
        ClassMasks {
            by_type: std::array::from_fn(|t| {
                std::array::from_fn(|c| masks.get(c).map_or(0, |m| m.get(8 * t as u32)))
            }),
        }
    }
}

#[inline(always)]
fn lanes(f: impl Fn(usize) -> u8) -> Lanes {
    std::array::from_fn(f)
}

#[inline(always)]
fn shorts(f: impl Fn(usize) -> i16) -> [i16; CLASSES] {
    std::array::from_fn(f)
}

#[inline(always)]
fn floats(f: impl Fn(usize) -> f64) -> [f64; CLASSES] {
    std::array::from_fn(f)
}

#[inline(always)]
fn wide(x: Lanes) -> [i16; CLASSES] {
    shorts(|c| i16::from(x[c]))
}

/// `x - allowed`, not below 0.
#[inline(always)]
fn over(x: Lanes, allowed: u8) -> [i16; CLASSES] {
    wide(lanes(|c| x[c].saturating_sub(allowed)))
}

/// The counts of the marks of each class that the integer half reads (day marks of
/// [`day_marks`], counted).
struct ClassMarks {
    short: Lanes,
    stacked: Lanes,
    run_after: Lanes,
    rec_after: Lanes,
    weekend: Lanes,
    out_of_place: Lanes,
    long_rec: Lanes,
    back_to_back: Lanes,
    breaks: Lanes,
}

#[inline(always)]
fn rot_next(x: Lanes) -> Lanes {
    lanes(|c| ((x[c] >> 1) | (x[c] << 6)) & super::WEEK)
}

#[inline(always)]
fn rot_prev(x: Lanes) -> Lanes {
    lanes(|c| ((x[c] << 1) | (x[c] >> 6)) & super::WEEK)
}

#[inline(always)]
fn pop(x: Lanes) -> Lanes {
    lanes(|c| x[c].count_ones() as u8)
}

/// [`day_marks`] for every class, counted.
#[inline(always)]
fn class_marks(prep: &Prepared, m: &[Lanes; 16]) -> ClassMarks {
    let get = |at: u32| m[(at / 8) as usize];
    let (key, quality, long, rest) = (get(KEY), get(QUALITY), get(LONG), get(REST));
    let (recovery, cross, three, marathon) = (get(RECOVERY), get(CROSS), get(NEEDS_THREE), get(MARATHON));
    let (next_key, prev_key) = (rot_next(key), rot_prev(key));
    let (after_long, prev_rest, next_quality) = (rot_prev(long), rot_prev(rest), rot_next(quality));
    let next_next_key = rot_next(next_key);
    let breaks_rules = get(BREAKS_RULES);
    ClassMarks {
        short: lanes(|c| {
            let tomorrow = key[c] & !marathon[c] & next_key[c];
            let within_two = key[c] & (next_key[c] | next_next_key[c]) & three[c];
            (tomorrow.count_ones() + within_two.count_ones()) as u8
        }),
        stacked: pop(lanes(|c| rest[c] & prev_rest[c] & prep.trainable)),
        run_after: pop(lanes(|c| after_long[c] & !(rest[c] | cross[c] | recovery[c]))),
        rec_after: pop(lanes(|c| after_long[c] & recovery[c])),
        weekend: pop(lanes(|c| quality[c] & !long[c] & super::SUN_MON)),
        out_of_place: pop(lanes(|c| recovery[c] & !prev_key[c])),
        long_rec: pop(get(LONG_RECOVERY)),
        back_to_back: lanes(|c| quality[c] & next_quality[c] & prep.back_to_back),
        breaks: lanes(|c| breaks_rules[c] & prep.enforce),
    }
}

/// Specificity and the session rules in hundredths, for every class.
#[inline(always)]
fn class_points(prep: &Prepared, m: &[Lanes; 16], marks: &ClassMarks) -> ([i16; CLASSES], [i16; CLASSES]) {
    let get = |at: u32| m[(at / 8) as usize];
    let s = &prep.specific;
    let type_days = |t: TypeMask| {
        let (a, b) = (get(t.a), get(t.b));
        pop(lanes(|c| a[c] & b[c] & t.on))
    };
    let quality = pop(get(QUALITY));
    let (first, second) = (type_days(s.first), type_days(s.second));
    let (off, off2) = (type_days(s.off_goal[0]), type_days(s.off_goal[1]));
    let (t, i, h, mp) = (
        over(pop(get(TEMPO)), 1),
        over(pop(get(INTERVALS)), 1),
        over(pop(get(HILLS)), 1),
        over(pop(get(MARATHON)), 1),
    );
    let (first_on, second_on) = (i16::from(s.first.on != 0), i16::from(s.second.on != 0));
    let spec = shorts(|c| {
        let missing1 = first_on * i16::from(quality[c] >= 1 && first[c] == 0);
        let missing2 = second_on * i16::from(quality[c] >= 2 && second[c] == 0);
        50 * missing1 + 25 * missing2 + 50 * i16::from(off[c] + off2[c]) + 25 * (t[c] + i[c] + h[c] + mp[c])
    });
    let moderate = wide(pop(get(MODERATE)));
    let (strides_over, cross_over) = (over(pop(get(STRIDES)), 2), over(pop(get(CROSS)), 2));
    let first_moderate = s.first_moderate as i16;
    let sessions = shorts(|c| {
        25 * (strides_over[c] + cross_over[c])
            + 25 * i16::from(marks.out_of_place[c] + marks.long_rec[c])
            + 25 * moderate[c]
            + i16::from(moderate[c] > 0) * (first_moderate - 25)
    });
    (spec, sessions)
}

/// [`judge_masks`] of `six_days` completed by each class of `classes`, every step done for
/// all classes at once (structure of arrays, so the compiler vectorises it); the same
/// numbers as [`judge_masks`] for each, which a test checks.
#[inline(always)]
pub(super) fn judge_classes(prep: &Prepared, six_days: Masks, classes: &ClassMasks, out: &mut JudgedClasses) {
    let m: [Lanes; 16] = std::array::from_fn(|t| {
        let p = six_days.get(8 * t as u32);
        lanes(|c| p | classes.by_type[t][c])
    });
    let get = |at: u32| m[(at / 8) as usize];
    let marks = class_marks(prep, &m);
    let (spec, sessions) = class_points(prep, &m, &marks);
    let (quality, long) = (get(QUALITY), get(LONG));
    let (quality_n, rests, longs, keys) = (pop(quality), pop(get(REST)), pop(long), pop(get(KEY)));
    let rest_over = over(rests, prep.usual_rest_days);
    let rhythm = shorts(|c| {
        50 * i16::from(marks.stacked[c])
            + 50 * rest_over[c]
            + 25 * i16::from(marks.run_after[c])
            + 10 * i16::from(marks.rec_after[c])
            + 2 * i16::from(marks.weekend[c])
    });
    let over_cap = get(OVER_LONG_CAP);
    let (no_long, some_long) = (u8::from(prep.no_long), u8::from(!prep.no_long));
    // Bits, not branches: every class takes the same steps.
    let bits = lanes(|c| {
        let on_its_day = u8::from(long[c] & prep.long_days != 0);
        let long_ok =
            (no_long & u8::from(longs[c] == 0)) | (some_long & u8::from(longs[c] == 1) & on_its_day);
        let own = (u8::from(quality_n[c] != prep.hard_sessions) << Constraint::HardSessions as u8)
            | ((1 ^ long_ok) << Constraint::LongRun as u8)
            | (u8::from(rests[c] < prep.min_rest_days) << Constraint::RestDays as u8);
        let structural = (u8::from(marks.breaks[c] != 0) << Constraint::Availability as u8)
            | (u8::from(marks.back_to_back[c] != 0) << Constraint::BackToBack as u8)
            | (u8::from(over_cap[c] != 0) << Constraint::LongRunCap as u8);
        (own & prep.enforce) | structural
    });
    let keys = floats(|c| f64::from(keys[c].max(1)));
    let hundredths = |x: [i16; CLASSES]| floats(|c| f64::from(x[c].clamp(0, 100)) / 100.0);
    let flag = |x: [bool; CLASSES]| floats(|c| if x[c] { 1.0 } else { 0.0 });
    // Whole registers throughout: the lanes of the float half read these arrays as they are.
    *out = JudgedClasses {
        quality: quality_n,
        rests,
        bits,
        inv_keys: floats(|c| 1.0 / keys[c]),
        // The same arithmetic as the spacing table.
        spacing: floats(|c| (0.5 * f64::from(marks.short[c].min(14)) / keys[c]).min(1.0)),
        specificity: hundredths(spec),
        sessions: hundredths(sessions),
        rhythm: hundredths(rhythm),
        missing_long: flag(std::array::from_fn(|c| longs[c] == 0 && prep.needs_long)),
        few_days: flag(std::array::from_fn(|c| {
            prep.running_days.unwrap_or(7 - rests[c]) <= 4
        })),
        broken: floats(|c| f64::from(bits[c].count_ones())),
    };
}

/// The verdicts of [`judge_classes`], one array per field of [`Judged`]: `x[c]` is class
/// `c`'s.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct JudgedClasses {
    pub(super) quality: Lanes,
    pub(super) rests: Lanes,
    pub(super) bits: Lanes,
    pub(super) inv_keys: [f64; CLASSES],
    pub(super) spacing: [f64; CLASSES],
    pub(super) specificity: [f64; CLASSES],
    pub(super) sessions: [f64; CLASSES],
    pub(super) rhythm: [f64; CLASSES],
    pub(super) missing_long: [f64; CLASSES],
    pub(super) few_days: [f64; CLASSES],
    pub(super) broken: [f64; CLASSES],
}

impl JudgedClasses {
    /// Class `c`'s verdict.
    #[cfg(test)]
    fn class(&self, c: usize) -> Judged {
        Judged {
            quality: self.quality[c],
            rests: self.rests[c],
            bits: self.bits[c],
            inv_keys: self.inv_keys[c],
            spacing: self.spacing[c],
            specificity: self.specificity[c],
            sessions: self.sessions[c],
            rhythm: self.rhythm[c],
            missing_long: self.missing_long[c],
            few_days: self.few_days[c],
            broken: self.broken[c],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Goal, Level};
    use crate::model::{Judge, LongRunRule, Rules};
    use crate::week::Day;

    /// A small deterministic generator (xorshift), so the test needs no seed plumbing.
    struct Bits(u64);

    impl Bits {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        /// Masks whose day bits are those of days 0..7 in `days`.
        fn masks(&mut self, days: u8) -> Masks {
            let spread =
                |w: u64| (0..8).fold(0u64, |acc, t| acc | ((w >> (8 * t)) & u64::from(days)) << (8 * t));
            Masks([spread(self.next()), spread(self.next())])
        }
    }

    fn judges() -> Vec<Judge> {
        let mut out = Vec::new();
        for goal in [Goal::FiveK, Goal::TenK, Goal::Half, Goal::Marathon, Goal::General] {
            out.push(Judge::structural(goal, Level::Intermediate));
            let mut j = Judge::structural(goal, Level::Beginner);
            j.rules = Some(Rules {
                available: [true, true, false, true, true, true, true],
                fixed: [None; 7],
                avoid: [0; 7],
                caps: [None; 7],
                hard_sessions: 2,
                // A runner without a long run too: its rule reads the count the other way.
                long_run: if goal == Goal::Half {
                    LongRunRule::Never
                } else {
                    LongRunRule::On(Day::SUN)
                },
                min_rest_days: 2,
                allow_back_to_back: goal == Goal::General,
            });
            out.push(j);
        }
        out
    }

    #[test]
    fn judging_classes_side_by_side_gives_each_the_judgement_of_its_own_masks() {
        let mut bits = Bits(0x9e37_79b9_7f4a_7c15);
        for judge in judges() {
            let prep = Prepared::new(&judge);
            for _ in 0..400 {
                let six = bits.masks(0b011_1111);
                let n = 1 + (bits.next() % 16) as usize;
                let sundays: Vec<Masks> = (0..n).map(|_| bits.masks(0b100_0000)).collect();
                let classes = ClassMasks::new(&sundays);
                let mut out = JudgedClasses::default();
                judge_classes(&prep, six, &classes, &mut out);
                for (c, sunday) in sundays.iter().enumerate() {
                    assert_eq!(out.class(c), judge_masks(&prep, six.or(*sunday)), "class {c}");
                }
            }
        }
    }
}
