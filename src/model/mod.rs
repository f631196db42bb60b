//! The stress-recovery model of docs/model.md: a week's loads in, the week's numbers, component
//! scores, violations, verdict and repeatability out. Pure functions, no I/O, no printing.
//!
//! [`assess`] is the one scoring kernel: `score`, `generate`, `block` and `bench` all call
//! it, so there is one copy of the model. It works on fixed-size arrays and never
//! allocates. [`explain`] turns an assessment into the sentences a runner reads.

pub mod explain;
pub mod filters;
pub(crate) mod kernel;
mod parts;

pub use parts::{Component, Constraint, Violations};

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, Goal, Level, Session};
use crate::week::Day;
use filters::Filter;
pub use kernel::DayMarks;
pub(crate) use kernel::{Core, DayTerm, Sums};

/// The constants of docs/model.md that a profile may override (`model:`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ModelParams {
    /// Time constant of fitness (CTL), days. Default 42.
    pub tau_fitness: f64,
    /// Time constant of fatigue (ATL), days. Default 7.
    pub tau_fatigue: f64,
    /// Time constant of short-term leg fatigue, days. Default 2.
    pub tau_legs: f64,
    /// Least share of zone-1 minutes before a week breaks `easy_floor`. Default 0.60.
    pub easy_floor: f64,
    /// Monotony from which a week loses `monotony` points (all 5 at one more). Default 1.5,
    /// Foster's "preferable".
    pub monotony_from: f64,
    /// Monotony above which a week is not repeatable. Default 2.0.
    pub monotony_limit: f64,
    /// Peak fatigue ratio from which a week loses `repeatability` points (all 5 at 0.5
    /// more). Default 1.0.
    pub fatigue_from: f64,
    /// Peak fatigue ratio above which a week is not repeatable. Default 1.3.
    pub fatigue_limit: f64,
    /// Freshness above which a key day is not repeatable. Default 2.2.
    pub freshness_limit: f64,
    /// Points each violation costs. Default 15.
    pub violation_penalty: f64,
    /// Least number of days whose class differs between two plans shown (rest,
    /// easy-family, cross, moderate, each key session by its id). Default 1.
    pub min_distance: u8,
}

impl ModelParams {
    /// A parameter by its name under the profile's `model:` section.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<f64> {
        Some(match name {
            "tau_fitness" => self.tau_fitness,
            "tau_fatigue" => self.tau_fatigue,
            "tau_legs" => self.tau_legs,
            "easy_floor" => self.easy_floor,
            "monotony_from" => self.monotony_from,
            "monotony_limit" => self.monotony_limit,
            "fatigue_from" => self.fatigue_from,
            "fatigue_limit" => self.fatigue_limit,
            "freshness_limit" => self.freshness_limit,
            "violation_penalty" => self.violation_penalty,
            "min_distance" => f64::from(self.min_distance),
            _ => return None,
        })
    }
}

impl Default for ModelParams {
    fn default() -> Self {
        ModelParams {
            tau_fitness: 42.0,
            tau_fatigue: 7.0,
            tau_legs: 2.0,
            easy_floor: 0.60,
            monotony_from: 1.5,
            monotony_limit: 2.0,
            fatigue_from: 1.0,
            fatigue_limit: 1.3,
            freshness_limit: 2.2,
            violation_penalty: 15.0,
            min_distance: 1,
        }
    }
}

/// The three filters built from the parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Filters {
    /// Fitness (CTL).
    pub fitness: Filter,
    /// Fatigue (ATL).
    pub fatigue: Filter,
    /// Short-term leg fatigue.
    pub legs: Filter,
}

impl Filters {
    /// The filters of docs/model.md section 4 with the given time constants.
    #[must_use]
    pub fn new(p: &ModelParams) -> Self {
        Filters {
            fitness: Filter::average(p.tau_fitness),
            fatigue: Filter::average(p.tau_fatigue),
            legs: Filter::impulse(p.tau_legs),
        }
    }
}

/// When the profile wants the long run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LongRunRule {
    /// Exactly one long run, on any day.
    Any,
    /// Exactly one long run, on this day.
    On(Day),
    /// No long run.
    Never,
}

/// The runner's own hard constraints (docs/model.md section 7, the first four), from a profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Rules {
    /// Days the runner can train (a session elsewhere breaks availability).
    pub available: [bool; 7],
    /// Sessions that must stay.
    pub fixed: [Option<Session>; 7],
    /// Sessions not wanted on a day, as bit masks over [`Session::index`].
    pub avoid: [u16; 7],
    /// Per-day caps in minutes.
    pub caps: [Option<f64>; 7],
    /// Exact number of quality sessions.
    pub hard_sessions: u8,
    /// Where the long run goes.
    pub long_run: LongRunRule,
    /// Least number of rest days.
    pub min_rest_days: u8,
    /// Quality sessions on adjacent days allowed.
    pub allow_back_to_back: bool,
}

impl Rules {
    /// Whether `session` may stand on `day` by the day's own rules (availability, fixed,
    /// avoid), before counting constraints.
    #[must_use]
    pub fn allows(&self, day: usize, session: Session) -> bool {
        if let Some(f) = self.fixed[day] {
            return f == session;
        }
        if !self.available[day] {
            return session == Session::Rest;
        }
        self.avoid[day] & (1 << session.index()) == 0
    }

    /// The rest days the runner usually takes: `max(min_rest_days, unavailable days)`
    /// (the profile's `rest_days` are unavailable days).
    #[must_use]
    pub fn usual_rest_days(&self) -> u8 {
        let unavailable = self.available.iter().filter(|&&a| !a).count();
        self.min_rest_days.max(u8::try_from(unavailable).unwrap_or(7))
    }

    /// The runner's running days n: `7 - usual_rest_days` (the long run's share cap reads
    /// them from the profile, so dropping a run never lowers the cap).
    #[must_use]
    pub fn running_days(&self) -> u8 {
        7u8.saturating_sub(self.usual_rest_days())
    }
}

/// Everything scoring needs besides the week: parameters, goal, the runner's volume and
/// rules.
#[derive(Debug, Clone, PartialEq)]
pub struct Judge {
    /// Model constants.
    pub params: ModelParams,
    /// The filters built from `params`.
    pub filters: Filters,
    /// The runner's goal.
    pub goal: Goal,
    /// The runner's level (the long-run cap of a marathoner depends on it).
    pub level: Level,
    /// The weekly minutes the runner is used to; `None` (no profile) judges the week's
    /// volume as the runner's own and its own intensity as C0's.
    pub current_weekly_minutes: Option<f64>,
    /// The week's target factor g (1.0 for a single week; a block sets it).
    pub factor: f64,
    /// The long run's share cap is at least this (a block week's planned long run); 0
    /// otherwise.
    pub long_share_floor: f64,
    /// The runner's hard constraints; `None` judges structure only.
    pub rules: Option<Rules>,
    /// The filters at the end of the Sunday before the week, when the week is judged from
    /// the runner's real state (`replan`: each day's fatigue and legs at the higher of the
    /// week's course from it and the repeated week's); `None` judges the week repeated
    /// forever, by its periodic steady state.
    pub start: Option<Start>,
}

/// The three filters' values at the end of the day before a week's Monday: the real state a
/// week run once starts from (docs/model.md, "Re-planning the current week").
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Start {
    /// Fitness F.
    pub fitness: f64,
    /// Fatigue A.
    pub fatigue: f64,
    /// Leg fatigue H.
    pub legs: f64,
}

impl Judge {
    /// A judge of structure only (no profile), as `score` without `--profile`.
    #[must_use]
    pub fn structural(goal: Goal, level: Level) -> Self {
        let params = ModelParams::default();
        Judge {
            params,
            filters: Filters::new(&params),
            goal,
            level,
            current_weekly_minutes: None,
            factor: 1.0,
            long_share_floor: 0.0,
            rules: None,
            start: None,
        }
    }
}

/// A week reduced to what the model reads: per-day session, minutes, load, and zone minutes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeekLoads {
    /// Sessions, Monday first.
    pub sessions: [Session; 7],
    /// Minutes per day.
    pub minutes: [f64; 7],
    /// Load per day, `sRPE x minutes` (AU).
    pub load: [f64; 7],
    /// Minutes in zones 1, 2, 3 over the week.
    pub zone_minutes: [f64; 3],
    /// Session RPE of each day (load per minute).
    pub rpe: [f64; 7],
    /// Shares of each day's minutes in zones 1, 2, 3.
    pub zone_shares: [[f64; 3]; 7],
    /// Volume target minus planned minutes (0 without a target).
    pub shortfall: f64,
}

impl WeekLoads {
    /// Loads of a week whose minutes are known.
    #[must_use]
    pub fn new(catalog: &Catalog, sessions: [Session; 7], minutes: [f64; 7], shortfall: f64) -> Self {
        let mut load = [0.0; 7];
        let mut zone_minutes = [0.0; 3];
        let mut rpe = [0.0; 7];
        let mut zone_shares = [[0.0; 3]; 7];
        for d in 0..7 {
            let spec = catalog.spec(sessions[d]);
            rpe[d] = spec.rpe;
            zone_shares[d] = spec.zones;
            load[d] = spec.rpe * minutes[d];
            for z in 0..3 {
                zone_minutes[z] += spec.zones[z] * minutes[d];
            }
        }
        WeekLoads {
            sessions,
            minutes,
            load,
            zone_minutes,
            rpe,
            zone_shares,
            shortfall,
        }
    }
}

/// How the week reads overall (docs/model.md section 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// No violation and score >= 80.
    Balanced,
    /// No violation and 60 <= score < 80.
    Watch,
    /// A violation, or score < 60.
    Unbalanced,
}

impl Verdict {
    /// The id used in output.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Balanced => "balanced",
            Verdict::Watch => "watch",
            Verdict::Unbalanced => "unbalanced",
        }
    }
}

/// The weekly quantities of docs/model.md, "Weekly quantities".
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Metrics {
    /// Share of minutes in zone 1.
    pub z1: f64,
    /// Share of minutes in zone 2.
    pub z2: f64,
    /// Share of minutes in zone 3.
    pub z3: f64,
    /// Foster's monotony: mean / population SD of daily load, capped at 10.
    pub monotony: f64,
    /// Foster's strain: W x monotony.
    pub strain: f64,
    /// Highest steady-state fatigue over C0, the runner's usual minutes at this week's
    /// intensity.
    pub peak_fatigue_ratio: f64,
    /// The week's minutes over `g x` the runner's usual weekly minutes.
    pub volume_ratio: f64,
    /// Minutes of long runs over the week's minutes.
    pub long_run_share: f64,
    /// The longest long run over the longest run that is neither long nor quality (0
    /// without a long run, 9 when there is no other run).
    pub long_ratio: f64,
}

/// The steady state of the three filters: value at the end of each weekday.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SteadyState {
    /// Fitness (CTL).
    pub fitness: [f64; 7],
    /// Fatigue (ATL).
    pub fatigue: [f64; 7],
    /// Leg fatigue.
    pub legs: [f64; 7],
}

/// Everything the model says about a week, as numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assessment {
    /// Week's minutes T.
    pub minutes: f64,
    /// Week's load W.
    pub load: f64,
    /// Number of quality sessions.
    pub quality_sessions: u8,
    /// Number of rest days.
    pub rest_days: u8,
    /// Metrics of section 4.
    pub metrics: Metrics,
    /// The repeated week's steady state; with the judge's real start state, the week's
    /// course from it (fatigue: the higher of that and the steady state's, as scored).
    pub state: SteadyState,
    /// The days each structural rule marks, as the score read them.
    pub marks: DayMarks,
    /// The long run's share cap this week was judged by.
    pub long_run_share_cap: f64,
    /// Freshness rho before each key day (`None` on other days).
    pub freshness: [Option<f64>; 7],
    /// Points lost per component, in the order of [`Component::ALL`].
    pub lost: [f64; Component::COUNT],
    /// Broken constraints.
    pub violations: Violations,
    /// `max(0, 100 - lost - penalty x violations)`.
    pub score: f64,
    /// Balanced, watch or unbalanced.
    pub verdict: Verdict,
    /// The week is a repeatable fixed point (section 7).
    pub repeatable: bool,
}

/// For each key day, the gap in days to the next key day around the week (7 with one key
/// day); 0 on other days.
#[must_use]
pub fn key_gaps(sessions: &[Session; 7]) -> [u8; 7] {
    let mut gaps = [0u8; 7];
    for d in 0..7 {
        if !sessions[d].is_key() {
            continue;
        }
        gaps[d] = (1..=7u8)
            .find(|&g| sessions[(d + usize::from(g)) % 7].is_key())
            .unwrap_or(7);
    }
    gaps
}

/// Score one week: docs/model.md sections 5 to 8.
///
/// The score comes from the kernel (`kernel::evaluate`) that `generate` and `bench` use;
/// this adds what a report shows: the steady state of each filter day by day and the
/// freshness of each key day, the verdict and repeatability.
#[must_use]
pub fn assess(judge: &Judge, week: &WeekLoads) -> Assessment {
    let mut sums = Sums::at_start(judge);
    for d in 0..7 {
        let term = DayTerm::new(
            judge,
            d,
            week.sessions[d],
            week.minutes[d],
            week.rpe[d],
            week.zone_shares[d],
        );
        sums.push(d, &term);
    }
    let mut leg_input = [0.0; 7];
    for d in 0..7 {
        leg_input[d] = week.sessions[d].impact() * week.load[d];
    }
    let f = &judge.filters;
    let state = match judge.start {
        None => SteadyState {
            fitness: f.fitness.steady_state(&week.load),
            fatigue: sums.fatigue(),
            legs: f.legs.steady_state(&leg_input),
        },
        Some(start) => {
            // The score reads each day's fatigue and legs at the higher of the week's
            // course from the start and the repeated week's; the fatigue reported is what
            // it read, fitness and legs the week's course.
            sums.raise_to_repeated(judge, &week.load, &leg_input);
            SteadyState {
                fitness: f.fitness.run_week(start.fitness, &week.load),
                fatigue: sums.fatigue(),
                legs: f.legs.run_week(start.legs, &leg_input),
            }
        }
    };
    let core = kernel::evaluate(judge, &sums);
    Assessment::from_core(judge, &core, state, sums.freshness(), kernel::marks(judge, &sums))
}

impl Assessment {
    /// The assessment of a week from the kernel's numbers: verdict and repeatability
    /// (docs/model.md section 8) added.
    #[must_use]
    pub(crate) fn from_core(
        judge: &Judge,
        core: &Core,
        state: SteadyState,
        freshness: [Option<f64>; 7],
        marks: DayMarks,
    ) -> Self {
        let p = &judge.params;
        let verdict = if !core.violations.is_empty() || core.score < 60.0 {
            Verdict::Unbalanced
        } else if core.score >= 80.0 {
            Verdict::Balanced
        } else {
            Verdict::Watch
        };
        let repeatable = core.violations.is_empty()
            && core.peak_fatigue_ratio <= p.fatigue_limit
            && core.monotony <= p.monotony_limit
            && core.max_freshness <= p.freshness_limit;
        Assessment {
            minutes: core.minutes,
            load: core.load,
            quality_sessions: core.quality_sessions,
            rest_days: core.rest_days,
            metrics: Metrics {
                z1: core.zones[0],
                z2: core.zones[1],
                z3: core.zones[2],
                monotony: core.monotony,
                strain: core.load * core.monotony,
                peak_fatigue_ratio: core.peak_fatigue_ratio,
                volume_ratio: core.volume_ratio,
                long_run_share: core.long_run_share,
                long_ratio: core.long_ratio,
            },
            state,
            marks,
            long_run_share_cap: core.share_cap,
            freshness,
            lost: core.lost,
            violations: core.violations,
            score: core.score,
            verdict,
            repeatable,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Goal, Level};

    /// docs/model.md, "Verdict": balanced from 80 with no violation, watch from 60 up to
    /// 80, unbalanced below 60 or with any violation; the thresholds belong to the upper
    /// band.
    #[test]
    fn the_verdict_bands_start_at_60_and_80() {
        let judge = Judge::structural(Goal::Half, Level::Intermediate);
        let base = kernel::evaluate(&judge, &Sums::EMPTY);
        let verdict = |score: f64, violations: Violations| {
            let mut core = base;
            core.score = score;
            core.violations = violations;
            let state = SteadyState {
                fitness: [0.0; 7],
                fatigue: [0.0; 7],
                legs: [0.0; 7],
            };
            Assessment::from_core(&judge, &core, state, [None; 7], DayMarks::default()).verdict
        };
        let none = Violations::default();
        assert_eq!(verdict(59.999, none), Verdict::Unbalanced);
        assert_eq!(verdict(60.0, none), Verdict::Watch);
        assert_eq!(verdict(79.999, none), Verdict::Watch);
        assert_eq!(verdict(80.0, none), Verdict::Balanced);
        let mut broken = Violations::default();
        broken.insert(Constraint::BackToBack);
        assert_eq!(verdict(95.0, broken), Verdict::Unbalanced);
    }
}
