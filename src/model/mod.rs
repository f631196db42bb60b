//! The stress-recovery model of MODEL.md: a week's loads in, the week's numbers, component
//! scores, violations, verdict and repeatability out. Pure functions, no I/O, no printing.
//!
//! [`assess`] is the one scoring kernel: `score`, `generate`, `block` and `bench` all call
//! it, so there is one copy of the model. It works on fixed-size arrays and never
//! allocates. [`explain`] turns an assessment into the sentences a runner reads.

pub mod explain;
pub mod filters;

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, Goal, Session};
use crate::week::Day;
use filters::Filter;

/// The constants of MODEL.md sections 3 to 7 that a profile may override (`model:`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ModelParams {
    /// Time constant of fitness (CTL), days. Default 42.
    pub tau_fitness: f64,
    /// Time constant of fatigue (ATL), days. Default 7.
    pub tau_fatigue: f64,
    /// Time constant of short-term leg fatigue, days. Default 2.
    pub tau_legs: f64,
    /// Load per minute of a balanced week (about 80 % easy running), AU/min. Default 4.5.
    pub reference_intensity: f64,
    /// Least share of zone-1 minutes before a week breaks `easy_floor`. Default 0.60.
    pub easy_floor: f64,
    /// Monotony above which a week loses points and is not repeatable. Default 2.0.
    pub monotony_limit: f64,
    /// Peak fatigue ratio above which a week loses points and is not repeatable. Default 1.3.
    pub fatigue_limit: f64,
    /// Freshness above which a key day is not repeatable. Default 2.2.
    pub freshness_limit: f64,
    /// Points each violation costs. Default 15.
    pub violation_penalty: f64,
    /// Least number of days in which the emitted plans differ from each other. Default 2.
    pub min_distance: u8,
}

impl Default for ModelParams {
    fn default() -> Self {
        ModelParams {
            tau_fitness: 42.0,
            tau_fatigue: 7.0,
            tau_legs: 2.0,
            reference_intensity: 4.5,
            easy_floor: 0.60,
            monotony_limit: 2.0,
            fatigue_limit: 1.3,
            freshness_limit: 2.2,
            violation_penalty: 15.0,
            min_distance: 2,
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
    /// The filters of MODEL.md section 3 with the given time constants.
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

/// The runner's own hard constraints (MODEL.md section 6, the first four), from a profile.
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
}

/// Everything scoring needs besides the week: parameters, goal, the runner's load and rules.
#[derive(Debug, Clone, PartialEq)]
pub struct Judge {
    /// Model constants.
    pub params: ModelParams,
    /// The filters built from `params`.
    pub filters: Filters,
    /// The runner's goal.
    pub goal: Goal,
    /// The runner's current daily load C0; `None` takes the week's own `W / 7`.
    pub c0: Option<f64>,
    /// The week's target factor g (1.0 for a single week; a block sets it).
    pub factor: f64,
    /// The runner's hard constraints; `None` judges structure only.
    pub rules: Option<Rules>,
}

impl Judge {
    /// A judge of structure only (no profile), as `score` without `--profile`.
    #[must_use]
    pub fn structural(goal: Goal) -> Self {
        let params = ModelParams::default();
        Judge {
            params,
            filters: Filters::new(&params),
            goal,
            c0: None,
            factor: 1.0,
            rules: None,
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
    /// Volume target minus planned minutes (0 without a target).
    pub shortfall: f64,
}

impl WeekLoads {
    /// Loads of a week whose minutes are known.
    #[must_use]
    pub fn new(catalog: &Catalog, sessions: [Session; 7], minutes: [f64; 7], shortfall: f64) -> Self {
        let mut load = [0.0; 7];
        let mut zone_minutes = [0.0; 3];
        for d in 0..7 {
            let spec = catalog.spec(sessions[d]);
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
            shortfall,
        }
    }
}

/// The components of MODEL.md section 5, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Component {
    /// The week asks about as much as the runner is ready for.
    Stress,
    /// Each hard day starts on fresh legs.
    Recovery,
    /// Easy days after hard ones.
    Spacing,
    /// Most running easy, hard running hard, little in between.
    Distribution,
    /// Big days and small days.
    Monotony,
    /// Repeated, fatigue stays within reach.
    Repeatability,
    /// The long run anchors without dominating.
    LongRun,
    /// Rest days spread through the week.
    Rhythm,
}

impl Component {
    /// Every component in the order of MODEL.md.
    pub const ALL: [Component; 8] = [
        Component::Stress,
        Component::Recovery,
        Component::Spacing,
        Component::Distribution,
        Component::Monotony,
        Component::Repeatability,
        Component::LongRun,
        Component::Rhythm,
    ];

    /// Points the component is worth.
    #[must_use]
    pub fn points(self) -> f64 {
        match self {
            Component::Stress | Component::Recovery | Component::Spacing | Component::Distribution => 15.0,
            _ => 10.0,
        }
    }

    /// The id used in output.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Component::Stress => "stress",
            Component::Recovery => "recovery",
            Component::Spacing => "spacing",
            Component::Distribution => "distribution",
            Component::Monotony => "monotony",
            Component::Repeatability => "repeatability",
            Component::LongRun => "long_run",
            Component::Rhythm => "rhythm",
        }
    }
}

/// The hard constraints of MODEL.md section 6.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Constraint {
    /// No session on an unavailable day, fixed sessions kept, avoided sessions absent,
    /// per-day caps held.
    Availability,
    /// Exactly the profile's number of quality sessions.
    HardSessions,
    /// Exactly one long run (on the profile's day), or none.
    LongRun,
    /// At least the profile's number of rest days.
    RestDays,
    /// No two quality sessions on adjacent days.
    BackToBack,
    /// Long run at most 150 minutes (180 for a marathon goal).
    LongRunCap,
    /// At least 60 % of minutes in zone 1.
    EasyFloor,
}

impl Constraint {
    /// Every constraint in the order of MODEL.md.
    pub const ALL: [Constraint; 7] = [
        Constraint::Availability,
        Constraint::HardSessions,
        Constraint::LongRun,
        Constraint::RestDays,
        Constraint::BackToBack,
        Constraint::LongRunCap,
        Constraint::EasyFloor,
    ];

    /// The id used in output.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Constraint::Availability => "availability",
            Constraint::HardSessions => "hard_sessions",
            Constraint::LongRun => "long_run",
            Constraint::RestDays => "rest_days",
            Constraint::BackToBack => "back_to_back",
            Constraint::LongRunCap => "long_run_cap",
            Constraint::EasyFloor => "easy_floor",
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of broken constraints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Violations(u8);

impl Violations {
    /// Whether `c` is broken.
    #[must_use]
    pub fn contains(self, c: Constraint) -> bool {
        self.0 & c.bit() != 0
    }

    /// Mark `c` broken.
    pub fn insert(&mut self, c: Constraint) {
        self.0 |= c.bit();
    }

    /// Number of broken constraints.
    #[must_use]
    pub fn len(self) -> u32 {
        self.0.count_ones()
    }

    /// No constraint broken.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The broken constraints in the order of MODEL.md.
    pub fn iter(self) -> impl Iterator<Item = Constraint> {
        Constraint::ALL.into_iter().filter(move |c| self.contains(*c))
    }
}

/// How the week reads overall (MODEL.md section 7).
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

/// The weekly quantities of MODEL.md section 4.
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
    /// Highest steady-state fatigue over the runner's current daily load.
    pub peak_fatigue_ratio: f64,
    /// The week's daily load over the target `g x C0`.
    pub stress_ratio: f64,
    /// Minutes of long runs over the week's minutes.
    pub long_run_share: f64,
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
    /// The repeated week's steady state.
    pub state: SteadyState,
    /// Freshness rho before each key day (`None` on other days).
    pub freshness: [Option<f64>; 7],
    /// Points lost per component, in the order of [`Component::ALL`].
    pub lost: [f64; 8],
    /// Broken constraints.
    pub violations: Violations,
    /// `max(0, 100 - lost - penalty x violations)`.
    pub score: f64,
    /// Balanced, watch or unbalanced.
    pub verdict: Verdict,
    /// The week is a repeatable fixed point (section 7).
    pub repeatable: bool,
}

/// A ratio whose denominator is 0 is 0 (MODEL.md section 4).
fn ratio(num: f64, den: f64) -> f64 {
    if den == 0.0 { 0.0 } else { num / den }
}

fn fraction(x: f64) -> f64 {
    x.clamp(0.0, 1.0)
}

/// Foster's monotony of seven daily loads: mean / population SD, capped at 10; 0 when
/// every load is 0 and 10 when they are all equal and non-zero.
#[must_use]
pub fn monotony(load: &[f64; 7]) -> f64 {
    let sum: f64 = load.iter().sum();
    if sum == 0.0 {
        return 0.0;
    }
    let mean = sum / 7.0;
    let var = load.iter().map(|w| (w - mean) * (w - mean)).sum::<f64>() / 7.0;
    let sd = var.sqrt();
    if sd * 10.0 <= mean { 10.0 } else { mean / sd }
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

/// Score one week: MODEL.md sections 4 to 7.
#[must_use]
#[allow(clippy::too_many_lines)] // One pass over the model, in the order of the spec.
pub fn assess(judge: &Judge, week: &WeekLoads) -> Assessment {
    let p = &judge.params;
    let s = &week.sessions;
    let minutes: f64 = week.minutes.iter().sum();
    let load: f64 = week.load.iter().sum();

    let mut leg_input = [0.0; 7];
    for d in 0..7 {
        leg_input[d] = s[d].impact() * week.load[d];
    }
    let state = SteadyState {
        fitness: judge.filters.fitness.steady_state(&week.load),
        fatigue: judge.filters.fatigue.steady_state(&week.load),
        legs: judge.filters.legs.steady_state(&leg_input),
    };

    // Section 4.
    let z = week.zone_minutes;
    let (z1, z2, z3) = (ratio(z[0], minutes), ratio(z[1], minutes), ratio(z[2], minutes));
    let mono = monotony(&week.load);
    let c0 = judge.c0.unwrap_or(load / 7.0);
    let peak_fatigue = state.fatigue.iter().copied().fold(0.0, f64::max);
    let peak_fatigue_ratio = ratio(peak_fatigue, c0);
    let stress_ratio = ratio(load / 7.0, judge.factor * c0);
    let mut long_minutes = 0.0;
    let mut longs = 0u8;
    let mut quality = 0u8;
    let mut rests = 0u8;
    for d in 0..7 {
        if s[d].is_long() {
            long_minutes += week.minutes[d];
            longs += 1;
        }
        quality += u8::from(s[d].is_quality());
        rests += u8::from(s[d] == Session::Rest);
    }
    let long_run_share = ratio(long_minutes, minutes);
    let mut freshness = [None; 7];
    for d in 0..7 {
        if s[d].is_key() {
            freshness[d] = Some(ratio(state.legs[(d + 6) % 7], week.load[d]));
        }
    }
    let metrics = Metrics {
        z1,
        z2,
        z3,
        monotony: mono,
        strain: load * mono,
        peak_fatigue_ratio,
        stress_ratio,
        long_run_share,
    };

    // Section 5.
    let mut lost = [0.0; 8];
    lost[0] = fraction(((stress_ratio - 1.0).abs() - 0.05) / 0.10);
    let gaps = key_gaps(s);
    let (mut keys, mut rec, mut short) = (0u32, 0.0, 0.0);
    for d in 0..7 {
        if let Some(rho) = freshness[d] {
            keys += 1;
            rec += fraction((rho - 1.5) / 0.7);
            short += f64::from(s[d].gap_days().saturating_sub(gaps[d]));
        }
    }
    if keys > 0 {
        lost[1] = rec / f64::from(keys);
        lost[2] = fraction(0.5 * short / f64::from(keys));
    }
    let dist = judge.goal.distribution();
    lost[3] = fraction(
        ((dist.z1_min - z1) / 0.10)
            .max((z2 - dist.z2_max) / 0.10)
            .max((z3 - dist.z3_max) / 0.05),
    );
    lost[4] = fraction((mono - p.monotony_limit) / 0.5);
    lost[5] = fraction((peak_fatigue_ratio - p.fatigue_limit) / 0.2);
    lost[6] = if longs == 0 && judge.goal.needs_long_run() {
        1.0
    } else {
        let cap = if minutes < 360.0 { 0.30 } else { 0.25 };
        fraction((long_run_share - cap) / 0.20)
    };
    let trainable = |d: usize| judge.rules.as_ref().is_none_or(|r| r.available[d]);
    let stacked = (0..7)
        .filter(|&d| s[d] == Session::Rest && s[(d + 6) % 7] == Session::Rest && trainable(d))
        .count();
    #[allow(clippy::cast_precision_loss)] // At most 7.
    {
        lost[7] = fraction(0.5 * stacked as f64);
    }
    for (l, c) in lost.iter_mut().zip(Component::ALL) {
        *l *= c.points();
    }

    // Section 6.
    let violations = violations(judge, week, quality, longs, rests, z1, minutes);

    // Section 7.
    let lost_total: f64 = lost.iter().sum();
    let score = (100.0 - lost_total - p.violation_penalty * f64::from(violations.len())).max(0.0);
    let verdict = if !violations.is_empty() || score < 60.0 {
        Verdict::Unbalanced
    } else if score >= 80.0 {
        Verdict::Balanced
    } else {
        Verdict::Watch
    };
    let repeatable = violations.is_empty()
        && peak_fatigue_ratio <= p.fatigue_limit
        && mono <= p.monotony_limit
        && freshness.iter().flatten().all(|&rho| rho <= p.freshness_limit);
    Assessment {
        minutes,
        load,
        quality_sessions: quality,
        rest_days: rests,
        metrics,
        state,
        freshness,
        lost,
        violations,
        score,
        verdict,
        repeatable,
    }
}

fn violations(
    judge: &Judge,
    week: &WeekLoads,
    quality: u8,
    longs: u8,
    rests: u8,
    z1: f64,
    minutes: f64,
) -> Violations {
    let s = &week.sessions;
    let mut v = Violations::default();
    let mut allow_b2b = false;
    if let Some(r) = &judge.rules {
        allow_b2b = r.allow_back_to_back;
        let over_cap = |d: usize| r.caps[d].is_some_and(|c| week.minutes[d] > c + 1e-9);
        if (0..7).any(|d| !r.allows(d, s[d]) || over_cap(d)) {
            v.insert(Constraint::Availability);
        }
        if quality != r.hard_sessions {
            v.insert(Constraint::HardSessions);
        }
        let long_ok = match r.long_run {
            LongRunRule::Any => longs == 1,
            LongRunRule::On(day) => longs == 1 && s[day.index()].is_long(),
            LongRunRule::Never => longs == 0,
        };
        if !long_ok {
            v.insert(Constraint::LongRun);
        }
        if rests < r.min_rest_days {
            v.insert(Constraint::RestDays);
        }
    }
    if !allow_b2b && (0..7).any(|d| s[d].is_quality() && s[(d + 1) % 7].is_quality()) {
        v.insert(Constraint::BackToBack);
    }
    let cap = judge.goal.long_run_cap();
    if (0..7).any(|d| s[d].is_long() && week.minutes[d] > cap + 1e-9) {
        v.insert(Constraint::LongRunCap);
    }
    if minutes > 0.0 && z1 < judge.params.easy_floor {
        v.insert(Constraint::EasyFloor);
    }
    v
}
