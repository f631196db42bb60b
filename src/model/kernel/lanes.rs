//! `L` weeks side by side: the weeks that share their first days and differ on the last
//! one or two (Saturday and Sunday), scored together so that each step of the model is one
//! SIMD instruction for `L` weeks.
//! [`evaluate_lanes`] is the one copy of the model's arithmetic (sections 4 to 7).

use super::rules::JudgedClasses;
use super::{
    Component, Constraint, Core, FATIGUE, Judged, LEGS_BEFORE, LOAD, LOAD_SQ, LONG_MINUTES, LONGEST_LONG,
    LONGEST_OTHER, MINUTES, Prepared, Sums, Violations, WIDTH, ZONES,
};
use crate::minutes::share_cap_by_volume;

/// The larger of two numbers that are never NaN: one `maxpd`, where `f64::max` adds the
/// NaN handling the kernel does not need.
#[inline(always)]
pub(super) fn max(a: f64, b: f64) -> f64 {
    if a > b { a } else { b }
}

/// The smaller of two numbers that are never NaN.
#[inline(always)]
pub(super) fn min(a: f64, b: f64) -> f64 {
    if a < b { a } else { b }
}

#[inline(always)]
pub(super) fn fraction(x: f64) -> f64 {
    min(max(x, 0.0), 1.0)
}

/// `fraction((x - start) / width)` of docs/model.md, written with the slope `1 / width` so the
/// kernel multiplies where the spec divides by a constant (the same number to the last bit
/// or two; divisions are the slowest step of the kernel).
#[inline(always)]
fn ramp(x: f64, start: f64, slope: f64) -> f64 {
    fraction((x - start) * slope)
}

/// Foster's monotony from the week's load `W` and sum of squared daily loads:
/// mean / population SD = `W / sqrt(7 sum(w^2) - W^2)`, capped at 10; 0 for an empty week
/// and 10 when every day carries the same load.
#[inline(always)]
#[must_use]
pub fn monotony_of(load: f64, load_sq: f64) -> f64 {
    // Selects, not early returns, so that lanes of weeks vectorise.
    let root = max(7.0 * load_sq - load * load, 0.0).sqrt();
    let m = if 10.0 * root <= load { 10.0 } else { load / root };
    if load == 0.0 { 0.0 } else { m }
}

/// `L` terms of the week's last days side by side (a Saturday's and a Sunday's added up,
/// or a Sunday's alone): the weeks that share their first days and differ on the last, scored
/// together so that the compiler can use one SIMD instruction for the same step of `L`
/// weeks (structure of arrays: slot `k` of lane `l` is `v[k][l]`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TermLanes<const L: usize> {
    pub(super) v: [[f64; L]; WIDTH],
    /// Saturday's and Sunday's `1 / load` on a key day (Saturday's 0 where the lanes hold
    /// Sunday alone: the first days' sums have it).
    pub(super) inv_load: [[f64; L]; 2],
    /// The day's minutes where the running maxima read them.
    pub(super) longest: [[f64; L]; 2],
    /// Lanes that hold a term (the others repeat the first and are to be ignored).
    pub(super) keep: [bool; L],
}

impl<const L: usize> TermLanes<L> {
    /// Whether lane `l` holds a term.
    #[must_use]
    #[inline(always)]
    pub fn keeps(&self, l: usize) -> bool {
        self.keep[l]
    }
}

/// [`Core`] for `L` weeks side by side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CoreLanes<const L: usize> {
    minutes: [f64; L],
    load: [f64; L],
    quality_sessions: [u8; L],
    rest_days: [u8; L],
    zones: [[f64; L]; 3],
    monotony: [f64; L],
    peak_fatigue_ratio: [f64; L],
    volume_ratio: [f64; L],
    long_run_share: [f64; L],
    share_cap: [f64; L],
    long_ratio: [f64; L],
    max_freshness: [f64; L],
    lost: [[f64; L]; Component::COUNT],
    violations: [Violations; L],
    /// Scores, `max(0, 100 - lost - penalty x violations)`.
    pub score: [f64; L],
}

impl<const L: usize> CoreLanes<L> {
    /// Lane `l` as a [`Core`].
    #[must_use]
    pub fn lane(&self, l: usize) -> Core {
        Core {
            minutes: self.minutes[l],
            load: self.load[l],
            quality_sessions: self.quality_sessions[l],
            rest_days: self.rest_days[l],
            zones: self.zones.map(|z| z[l]),
            monotony: self.monotony[l],
            peak_fatigue_ratio: self.peak_fatigue_ratio[l],
            volume_ratio: self.volume_ratio[l],
            long_run_share: self.long_run_share[l],
            share_cap: self.share_cap[l],
            long_ratio: self.long_ratio[l],
            max_freshness: self.max_freshness[l],
            lost: self.lost.map(|x| x[l]),
            violations: self.violations[l],
            score: self.score[l],
        }
    }
}

/// Score `L` weeks side by side: docs/model.md, "Weekly quantities" to "Verdict". Week `l` is
/// `first_days` (Monday to Friday, or to Saturday) with the last days' term `last_days[l]`
/// (Saturday and Sunday added up, or Sunday), added to the first days' sums. `judged` is [`LastDay::lanes_of`] the verdicts [`LastDay::judge`] gave `first_days` for the [`LastDay`] that
/// `last_days` belongs to. The one copy of the model's arithmetic; [`evaluate`](super::evaluate) is its one-lane
/// case. Every step is the same for every lane, without branches, so the compiler can
/// turn each into one SIMD instruction for `L` weeks.
#[inline(always)] // Into the SIMD context of its caller (see `search::exhaustive`).
#[must_use]
pub fn evaluate_lanes<const L: usize>(
    prep: &Prepared,
    first_days: &Sums,
    last_days: &TermLanes<L>,
    judged: &JudgedLanes<L>,
) -> CoreLanes<L> {
    let q = Quantities::of(prep, first_days, last_days, judged);
    let lost = lost_points(prep, &q, judged);
    let (violations, score) = verdict(prep, &q, judged, &lost);
    CoreLanes {
        minutes: q.minutes,
        load: q.load,
        quality_sessions: judged.quality,
        rest_days: judged.rests,
        zones: q.zones,
        monotony: q.monotony,
        peak_fatigue_ratio: q.peak_fatigue_ratio,
        volume_ratio: q.volume_ratio,
        long_run_share: q.long_run_share,
        share_cap: q.share_cap,
        long_ratio: q.long_ratio,
        max_freshness: q.max_freshness,
        lost,
        violations,
        score,
    }
}

/// The integer half's verdicts of `L` weeks, one array per field.
#[derive(Debug, Clone, Copy)]
pub struct JudgedLanes<const L: usize> {
    quality: [u8; L],
    rests: [u8; L],
    bits: [u8; L],
    inv_keys: [f64; L],
    spacing: [f64; L],
    specificity: [f64; L],
    sessions: [f64; L],
    rhythm: [f64; L],
    missing_long: [f64; L],
    few_days: [f64; L],
    broken: [f64; L],
}

impl<const L: usize> JudgedLanes<L> {
    /// Lanes `at..at + L` of the classes.
    #[inline(always)]
    pub(super) fn of(j: &JudgedClasses, at: usize) -> Self {
        use std::array::from_fn;
        JudgedLanes {
            quality: from_fn(|l| j.quality[at + l]),
            rests: from_fn(|l| j.rests[at + l]),
            bits: from_fn(|l| j.bits[at + l]),
            inv_keys: from_fn(|l| j.inv_keys[at + l]),
            spacing: from_fn(|l| j.spacing[at + l]),
            specificity: from_fn(|l| j.specificity[at + l]),
            sessions: from_fn(|l| j.sessions[at + l]),
            rhythm: from_fn(|l| j.rhythm[at + l]),
            missing_long: from_fn(|l| j.missing_long[at + l]),
            few_days: from_fn(|l| j.few_days[at + l]),
            broken: from_fn(|l| j.broken[at + l]),
        }
    }
}

impl JudgedLanes<1> {
    /// One week's verdict as one lane.
    #[inline(always)]
    pub(super) fn one(j: &Judged) -> Self {
        JudgedLanes {
            quality: [j.quality],
            rests: [j.rests],
            bits: [j.bits],
            inv_keys: [j.inv_keys],
            spacing: [j.spacing],
            specificity: [j.specificity],
            sessions: [j.sessions],
            rhythm: [j.rhythm],
            missing_long: [j.missing_long],
            few_days: [j.few_days],
            broken: [j.broken],
        }
    }
}

/// The weekly quantities for `L` weeks, and the recovery fractions summed over their key
/// days.
struct Quantities<const L: usize> {
    minutes: [f64; L],
    load: [f64; L],
    zones: [[f64; L]; 3],
    long_run_share: [f64; L],
    share_cap: [f64; L],
    long_ratio: [f64; L],
    monotony: [f64; L],
    peak_fatigue_ratio: [f64; L],
    volume_ratio: [f64; L],
    /// Recovery's fractions, summed over the key days.
    recovery: [f64; L],
    max_freshness: [f64; L],
}

impl<const L: usize> Quantities<L> {
    #[inline(always)]
    fn of(prep: &Prepared, first_days: &Sums, last_days: &TermLanes<L>, judged: &JudgedLanes<L>) -> Self {
        use std::array::from_fn;
        let slot = |k: usize| -> [f64; L] { from_fn(|l| first_days.v[k] + last_days.v[k][l]) };
        let minutes = slot(MINUTES);
        let load = slot(LOAD);
        let load_sq = slot(LOAD_SQ);
        // One division a week for every share: the shares and the volume read the
        // reciprocal of the minutes (score, generate and bench all go through here, so a
        // share prints the same on every path).
        let inv_minutes: [f64; L] = from_fn(|l| if minutes[l] == 0.0 { 0.0 } else { 1.0 / minutes[l] });
        let share = |x: [f64; L]| -> [f64; L] { from_fn(|l| x[l] * inv_minutes[l]) };
        let zones = [share(slot(ZONES)), share(slot(ZONES + 1)), share(slot(ZONES + 2))];
        let long_run_share = share(slot(LONG_MINUTES));
        let monotony: [f64; L] = from_fn(|l| monotony_of(load[l], load_sq[l]));
        let mut peak = slot(FATIGUE);
        for e in 1..7 {
            let fatigue = slot(FATIGUE + e);
            for l in 0..L {
                peak[l] = max(peak[l], fatigue[l]);
            }
        }
        let (peak_fatigue_ratio, volume_ratio) = volume_terms(prep, &minutes, &load, &peak);
        let (recovery, max_freshness) = freshness(first_days, last_days);
        Quantities {
            minutes,
            load,
            zones,
            long_run_share,
            share_cap: from_fn(|l| {
                // Both caps, then a select: every lane takes the same steps.
                let by_volume = share_cap_by_volume(minutes[l]);
                let cap = if judged.few_days[l] == 0.0 {
                    by_volume
                } else {
                    0.40
                };
                max(cap, prep.long_share_floor)
            }),
            long_ratio: long_ratio(first_days, last_days),
            monotony,
            peak_fatigue_ratio,
            volume_ratio,
            recovery,
            max_freshness,
        }
    }
}

/// The peak fatigue ratio (over C0, the usual minutes at this week's intensity: `current x
/// (W / T) / 7`, or `W / 7` without a profile, so `7 x peak x T / (current x W)` or
/// `7 x peak / W`; 0 for a week without load) and the volume ratio (`T / (g x current)`,
/// or `1 / g` without a profile; 0 for an empty week). One division a week.
#[inline(always)]
fn volume_terms<const L: usize>(
    prep: &Prepared,
    minutes: &[f64; L],
    load: &[f64; L],
    peak: &[f64; L],
) -> ([f64; L], [f64; L]) {
    use std::array::from_fn;
    let inv_load: [f64; L] = from_fn(|l| if load[l] == 0.0 { 0.0 } else { 1.0 / load[l] });
    let pfr = from_fn(|l| match prep.current {
        Some(current) => 7.0 * peak[l] * minutes[l] * inv_load[l] / current,
        None => 7.0 * peak[l] * inv_load[l],
    });
    let volume = from_fn(|l| match prep.current {
        Some(_) => minutes[l] * prep.inv_usual,
        None if minutes[l] == 0.0 => 0.0,
        None => prep.inv_factor,
    });
    (pfr, volume)
}

/// The longest long run over the longest run that is neither long nor quality: 9 when
/// there is no other run (an empty week included), else 0 without a long run.
#[inline(always)]
fn long_ratio<const L: usize>(first_days: &Sums, last_days: &TermLanes<L>) -> [f64; L] {
    std::array::from_fn(|l| {
        let long = max(
            first_days.longest[LONGEST_LONG],
            last_days.longest[LONGEST_LONG][l],
        );
        let other = max(
            first_days.longest[LONGEST_OTHER],
            last_days.longest[LONGEST_OTHER][l],
        );
        // Selects rather than branches, so that the lanes share one division.
        let ratio = long / if other == 0.0 { 1.0 } else { other };
        let ratio = if long == 0.0 { 0.0 } else { ratio };
        if other == 0.0 { 9.0 } else { ratio }
    })
}

/// Recovery's fractions summed over the key days, and the highest freshness.
#[inline(always)]
fn freshness<const L: usize>(first_days: &Sums, last_days: &TermLanes<L>) -> ([f64; L], [f64; L]) {
    // Freshness of each key day; 0 elsewhere, where the day's inverse load is 0.
    let mut recovery = [0.0; L];
    let mut max_freshness = [0.0f64; L];
    for d in 0..7 {
        for l in 0..L {
            let legs = first_days.v[LEGS_BEFORE + d] + last_days.v[LEGS_BEFORE + d][l];
            // Saturday's is in the first days' sums or in the lanes, 0 in the other.
            let inv_load = match d {
                6 => last_days.inv_load[1][l],
                5 => first_days.inv_load[5] + last_days.inv_load[0][l],
                _ => first_days.inv_load[d],
            };
            let rho = legs * inv_load;
            recovery[l] += ramp(rho, 1.5, 1.0 / 0.7);
            max_freshness[l] = max(max_freshness[l], rho);
        }
    }
    (recovery, max_freshness)
}

/// Points lost per component, in the order of [`Component::ALL`].
#[inline(always)]
fn lost_points<const L: usize>(
    prep: &Prepared,
    q: &Quantities<L>,
    judged: &JudgedLanes<L>,
) -> [[f64; L]; Component::COUNT] {
    let p = &prep.params;
    let dist = &prep.dist;
    let zones = &q.zones;
    let j = judged;
    let mut lost = [[0.0; L]; Component::COUNT];
    for l in 0..L {
        lost[0][l] = ramp((q.volume_ratio[l] - 1.0).abs(), 0.05, 10.0);
        lost[1][l] = q.recovery[l] * j.inv_keys[l];
        lost[2][l] = j.spacing[l];
        lost[3][l] = fraction(max(
            max(
                (dist.z1_min - zones[0][l]) * 10.0,
                (zones[1][l] - dist.z2_max) * 10.0,
            ),
            (zones[2][l] - dist.z3_max) * 20.0,
        ));
        lost[4][l] = j.specificity[l];
        lost[5][l] = j.sessions[l];
        lost[6][l] = ramp(q.monotony[l], p.monotony_from, 1.0);
        lost[7][l] = ramp(q.peak_fatigue_ratio[l], p.fatigue_from, 2.0);
        // The ratio's term is 0 without a long run (its ratio is 0); a missing long run
        // the goal needs loses it all.
        let ratio = if q.long_ratio[l] == 0.0 {
            0.0
        } else {
            ramp(1.5 - q.long_ratio[l], 0.0, 1.0 / 0.75)
        };
        lost[8][l] = max(
            max(ramp(q.long_run_share[l], q.share_cap[l], 5.0), ratio),
            j.missing_long[l],
        );
        lost[9][l] = j.rhythm[l];
    }
    for (x, c) in lost.iter_mut().zip(Component::ALL) {
        for y in x.iter_mut() {
            *y *= c.points();
        }
    }
    lost
}

/// How far below a floor a share may fall and still stand at it: shares are sums of
/// minutes divided, so a week scaled from one at the floor can land a rounding error under
/// it (docs/model.md, "Hard constraints").
pub(crate) const SHARE_TOLERANCE: f64 = 1e-9;

/// The broken constraints (the easy floor reads the shares, the rest were counted from
/// the masks) and the score.
#[inline(always)]
fn verdict<const L: usize>(
    prep: &Prepared,
    q: &Quantities<L>,
    judged: &JudgedLanes<L>,
    lost: &[[f64; L]; Component::COUNT],
) -> ([Violations; L], [f64; L]) {
    use std::array::from_fn;
    let p = &prep.params;
    let below: [f64; L] = from_fn(|l| {
        if q.minutes[l] > 0.0 && q.zones[0][l] < p.easy_floor - SHARE_TOLERANCE {
            1.0
        } else {
            0.0
        }
    });
    let violations: [Violations; L] =
        from_fn(|l| Violations(judged.bits[l] | (u8::from(below[l] != 0.0) << Constraint::EasyFloor as u8)));
    let score = from_fn(|l| {
        let lost_total: f64 = lost.iter().map(|c| c[l]).sum();
        max(
            100.0 - lost_total - p.violation_penalty * (judged.broken[l] + below[l]),
            0.0,
        )
    });
    (violations, score)
}
