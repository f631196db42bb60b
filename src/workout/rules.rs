//! The rules that lay a session's minutes out as steps (docs/model.md, "Workouts"). Each
//! rule takes the session's minutes and its zone shares from the catalog, so the steps'
//! minutes add up to the day's and their minutes in each zone are the model's split; the
//! last step takes what the others leave, so the sum is exact.

use super::{Coach, Kind, Repeat, Run, Step, Target};
use crate::catalog::{Goal, Session};

/// How hard a step is run: it picks the pace range, or the words without paces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Effort {
    /// Easy running (E).
    Easy,
    /// A jog between repeats (E).
    Jog,
    /// Steady: between E and M.
    Steady,
    /// Marathon pace (M).
    Marathon,
    /// Threshold pace (T).
    Threshold,
    /// Interval pace (I).
    Interval,
    /// A hill climb at I effort.
    Hill,
    /// A stride at R pace.
    Stride,
    /// The goal race's pace.
    Race,
    /// Cross-training: an effort, never a pace.
    Cross,
}

impl Effort {
    /// The effort in words and its RPE, when paces are unknown.
    pub(super) fn words(self) -> (&'static str, u8) {
        match self {
            Effort::Easy => ("conversational", 3),
            Effort::Jog => ("easy jog", 2),
            Effort::Steady => ("moderate", 5),
            Effort::Marathon => ("comfortable but purposeful", 6),
            Effort::Threshold => ("comfortably hard", 7),
            Effort::Interval | Effort::Hill => ("hard", 8),
            Effort::Stride => ("fast and relaxed", 7),
            Effort::Race => ("all out for the distance", 9),
            Effort::Cross => ("easy cross-training: bike, swim or elliptical", 3),
        }
    }
}

/// Interval repeats: 3 to 5 minutes (Daniels), 4 when the work allows.
const INTERVAL_REP: [f64; 3] = [3.0, 4.0, 5.0];
/// A jog recovery is this share of the repeat before it: about equal, slightly less.
const INTERVAL_JOG: f64 = 0.75;
/// Threshold work run as one block up to this many minutes; beyond, cruise repeats.
const TEMPO_CONTINUOUS: f64 = 20.0;
/// Cruise repeats of about this many minutes, each followed by a minute's jog.
const CRUISE_REP: f64 = 10.0;
/// The jog after a cruise repeat, minutes.
const CRUISE_JOG: f64 = 1.0;
/// Hill climbs of at most 90 s.
const HILL_CLIMB: f64 = 1.5;
/// The jog down takes this much longer than the climb.
const HILL_JOG: f64 = 1.5;
/// A stride, minutes (20 s), and the jog after it (40 s).
const STRIDE: [f64; 2] = [1.0 / 3.0, 2.0 / 3.0];
/// Daniels' cap on R work: 5 % of the week's minutes.
const R_CAP: f64 = 0.05;
/// A race's warm-up, minutes (the model's race minutes include it).
const RACE_WARMUP: f64 = 20.0;

/// The steps of `session` over `minutes`, with the catalog's zone shares `zones`; `week` is
/// the week's minutes (strides keep within Daniels' R cap of it).
pub(super) fn steps(c: &Coach, session: Session, minutes: f64, zones: [f64; 3], week: f64) -> Vec<Step> {
    let m = minutes;
    // The minutes above zone 1 and the zone they are in.
    let work = m * (zones[1] + zones[2]);
    let zone = if zones[2] > 0.0 { 3 } else { 2 };
    match session {
        Session::Rest => Vec::new(),
        Session::Recovery | Session::Easy | Session::Long => vec![c.step(Kind::Work, m, Effort::Easy, 1)],
        Session::Cross => vec![c.step(Kind::Work, m, Effort::Cross, 1)],
        Session::Strides => strides(c, m, week),
        Session::Moderate => sandwich(c, m, vec![c.step(Kind::Work, work, Effort::Steady, zone)]),
        Session::Marathon => sandwich(c, m, vec![c.step(Kind::Work, work, Effort::Marathon, zone)]),
        Session::LongFast => {
            let easy = vec![c.step(Kind::Work, m - work, Effort::Easy, 1)];
            finish(c, m, easy, Kind::Work, Effort::Marathon, zone)
        }
        Session::Tempo if work <= TEMPO_CONTINUOUS => {
            sandwich(c, m, vec![c.step(Kind::Work, work, Effort::Threshold, zone)])
        }
        Session::Tempo => {
            let n = (work / CRUISE_REP).ceil().max(1.0);
            repeats(c, m, n, work, CRUISE_JOG, (Effort::Threshold, zone))
        }
        Session::Intervals => {
            let n = count(work, INTERVAL_REP);
            repeats(c, m, n, work, INTERVAL_JOG * work / n, (Effort::Interval, zone))
        }
        Session::Hills => {
            let n = (work / HILL_CLIMB).ceil().max(1.0);
            repeats(c, m, n, work, HILL_JOG * work / n, (Effort::Hill, zone))
        }
        Session::Race => race(c, m),
    }
}

/// How many repeats share `work` minutes: as near the ideal length `rep[1]` as the bounds
/// `rep[0]` and `rep[2]` allow; at least one.
fn count(work: f64, rep: [f64; 3]) -> f64 {
    let fewest = (work / rep[2]).ceil();
    let most = (work / rep[0]).floor().max(fewest);
    (work / rep[1]).round().clamp(fewest, most).max(1.0)
}

/// Warm-up, `n` rounds of (`work / n` at `effort`, `jog`), cool-down. A jog the minutes
/// cannot hold is shortened; the warm-up is 60 % of the easy minutes left.
fn repeats(c: &Coach, m: f64, n: f64, work: f64, jog: f64, (effort, zone): (Effort, u8)) -> Vec<Step> {
    let rep = work / n;
    let jog = jog.min((m - work).max(0.0) / n);
    let easy = (m - work - n * jog).max(0.0);
    let main = Step::Repeat(Repeat {
        kind: Kind::Repeat,
        count: n as u32,
        steps: vec![
            c.run(Kind::Work, rep, effort, zone),
            c.run(Kind::Recovery, jog, Effort::Jog, 1),
        ],
    });
    let before = vec![c.step(Kind::Warmup, 0.6 * easy, Effort::Easy, 1), main];
    finish(c, m, before, Kind::Cooldown, Effort::Easy, 1)
}

/// Warm-up, the main steps, cool-down: the easy minutes split in half.
fn sandwich(c: &Coach, m: f64, main: Vec<Step>) -> Vec<Step> {
    let easy = (m - total(&main)).max(0.0);
    let mut steps = vec![c.step(Kind::Warmup, easy / 2.0, Effort::Easy, 1)];
    steps.extend(main);
    finish(c, m, steps, Kind::Cooldown, Effort::Easy, 1)
}

/// An easy run with 6 strides (8 from 40 minutes) of 20 s, each followed by a 40 s jog,
/// after three quarters of the easy running; no more than Daniels' R cap of the week allows
/// or half the run holds. Strides count in zone 1, as the model counts them.
fn strides(c: &Coach, m: f64, week: f64) -> Vec<Step> {
    let wanted: f64 = if m >= 40.0 { 8.0 } else { 6.0 };
    let n = wanted
        .min((R_CAP * week / STRIDE[0]).floor())
        .min((m / 2.0).floor())
        .max(0.0);
    if n < 1.0 {
        return vec![c.step(Kind::Work, m, Effort::Easy, 1)];
    }
    let main = Step::Repeat(Repeat {
        kind: Kind::Repeat,
        count: n as u32,
        steps: vec![
            c.run(Kind::Work, STRIDE[0], Effort::Stride, 1),
            c.run(Kind::Recovery, STRIDE[1], Effort::Jog, 1),
        ],
    });
    let easy = (m - n).max(0.0);
    let before = vec![c.step(Kind::Warmup, 0.75 * easy, Effort::Easy, 1), main];
    finish(c, m, before, Kind::Cooldown, Effort::Easy, 1)
}

/// The warm-up (20 minutes, at most half the day), then the race: zone 3 up to the 10k,
/// zone 2 for the half and the marathon. With fitness the race is the goal's distance at
/// its race pace, an easy cool-down taking the minutes it leaves (the warm-up shrinks first
/// when the race takes longer than the minutes the model gives it); without, the race takes
/// the rest of the day.
fn race(c: &Coach, m: f64) -> Vec<Step> {
    let zone = match c.goal {
        Goal::Half | Goal::Marathon => 2,
        Goal::FiveK | Goal::TenK | Goal::General => 3,
    };
    let Some(race) = c.paces.map(|p| p.race_minutes.min(m)) else {
        let warmup = vec![c.step(Kind::Warmup, RACE_WARMUP.min(m / 2.0), Effort::Easy, 1)];
        return finish(c, m, warmup, Kind::Work, Effort::Race, zone);
    };
    let warmup = RACE_WARMUP.min(m - race);
    let steps = vec![
        c.step(Kind::Warmup, warmup, Effort::Easy, 1),
        c.step(Kind::Work, race, Effort::Race, zone),
    ];
    finish(c, m, steps, Kind::Cooldown, Effort::Easy, 1)
}

/// `steps`, then a last step holding the minutes they leave of `m`.
fn finish(c: &Coach, m: f64, mut steps: Vec<Step>, kind: Kind, effort: Effort, zone: u8) -> Vec<Step> {
    let left = (m - total(&steps)).max(0.0);
    steps.push(c.step(kind, left, effort, zone));
    steps
}

/// Minutes of steps, repeats counted.
fn total(steps: &[Step]) -> f64 {
    steps
        .iter()
        .flat_map(Step::runs)
        .map(|(n, r)| f64::from(n) * r.minutes)
        .sum()
}

impl Coach {
    /// A step run once.
    fn step(&self, kind: Kind, minutes: f64, effort: Effort, zone: u8) -> Step {
        Step::Run(self.run(kind, minutes, effort, zone))
    }

    /// A run: its target from the paces (effort words without them), and for I and R
    /// repeats and a race the distance the minutes cover.
    fn run(&self, kind: Kind, minutes: f64, effort: Effort, zone: u8) -> Run {
        let target = self.target(effort);
        let distance_m = match (&target, effort, kind) {
            (Target::Pace { .. }, Effort::Interval | Effort::Stride | Effort::Race, Kind::Work) => {
                Some(super::metres_of(minutes, &target, self.units))
            }
            _ => None,
        };
        Run {
            kind,
            minutes,
            distance_m,
            target,
            zone,
            effort,
        }
    }

    /// The target of an effort: its pace range per km or mile, or its words.
    fn target(&self, effort: Effort) -> Target {
        let range = self.paces.and_then(|p| match effort {
            Effort::Easy | Effort::Jog => Some(p.easy),
            Effort::Steady => Some(p.steady),
            Effort::Marathon => Some(p.marathon),
            Effort::Threshold => Some(p.threshold),
            Effort::Interval | Effort::Hill => Some(p.interval),
            Effort::Stride => Some(p.repetition),
            Effort::Race => Some(p.race),
            Effort::Cross => None,
        });
        if let Some(r) = range {
            Target::Pace {
                pace: r.map(|s| s * self.units.metres() / 1000.0),
            }
        } else {
            let (effort, rpe) = effort.words();
            Target::Effort { effort, rpe }
        }
    }
}
