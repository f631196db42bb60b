//! The problem the engine solves: a runner's validated rules, targets, catalog and model
//! parameters, built once in the command layer from a profile (and the flags), and the only
//! input of the search, its diagnosis and the block planner.
//!
//! Variants are builder edits on a problem (a race week fixes the race and drops the long
//! run; a diagnosis tries one relaxed rule at a time), never edited copies of a file.

use crate::catalog::{Catalog, Goal, Level, Session};
use crate::minutes::MinutesRule;
use crate::model::{Filters, Judge, LongRunRule, ModelParams, Rules, Start};
use crate::paces::{Fitness, Units};
use crate::profile::{Pattern, Profile};
use crate::week::Day;

/// A runner's week to plan: what the search, the diagnosis and the block planner read.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub(crate) name: String,
    pub(crate) level: Level,
    pub(crate) goal: Goal,
    pub(crate) weekly_minutes: f64,
    pub(crate) current_weekly_minutes: f64,
    pub(crate) rules: Rules,
    pub(crate) cross_training: bool,
    pub(crate) catalog: Catalog,
    pub(crate) params: ModelParams,
    /// The block's build:deload pattern (the level's unless the profile says).
    pub(crate) pattern: Pattern,
    /// The block's single-run limit, when the profile sets one.
    pub(crate) single_run_limit: Option<f64>,
    /// The runner's fitness (the profile's, or `--result`'s), for paces. The search does not
    /// read it: workouts will.
    pub(crate) fitness: Option<Fitness>,
    /// Units of paces and distances.
    pub(crate) units: Units,
    /// The filters at the end of the Sunday before the week, read from history: the week
    /// is judged once from this state, not as a repeated week (`replan`).
    pub(crate) start: Option<Start>,
    /// Days already run this week (`replan`): their real minutes and load.
    pub(crate) done: [Option<Done>; 7],
    /// What the runner ran before a block, read from history: the block starts from it.
    pub(crate) recent: Option<Recent>,
}

/// Days of runs a block's single-run guardrail looks back over.
pub const RECENT_DAYS: usize = 30;

/// The runner's recent training, read from history: where a block starts (docs/model.md,
/// "Planning from history").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Recent {
    /// Fitness F at the start of the block's first day.
    pub fitness: f64,
    /// Fatigue A.
    pub fatigue: f64,
    /// The loads of the three seven-day weeks before, oldest first (the chronic load of
    /// the first week's acwr).
    pub weekly_loads: [f64; 3],
    /// The longest run of each of the 30 days before, oldest first (the single-run
    /// guardrail's window).
    pub runs: [f64; RECENT_DAYS],
}

impl Recent {
    /// The longest run of the 30 days.
    #[must_use]
    pub fn longest_run(&self) -> f64 {
        self.runs.iter().copied().fold(0.0, f64::max)
    }
}

/// A day already run: what the runner did there, as minutes and load (0 and 0 for a day
/// without activity).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Done {
    /// Minutes run and cross-trained.
    pub minutes: f64,
    /// Load: the sum of the activities' loads.
    pub load: f64,
}

impl Problem {
    /// The problem a validated profile states.
    #[must_use]
    pub fn new(profile: &Profile) -> Self {
        Problem {
            name: profile.name.clone(),
            level: profile.level,
            goal: profile.goal,
            weekly_minutes: profile.weekly_minutes,
            current_weekly_minutes: profile.current_weekly_minutes,
            rules: profile.rules.clone(),
            cross_training: profile.cross_training,
            catalog: profile.catalog.clone(),
            params: profile.params,
            pattern: profile
                .block
                .pattern
                .unwrap_or_else(|| Pattern::for_level(profile.level)),
            single_run_limit: profile.block.single_run_limit,
            fitness: profile.fitness,
            units: profile.units,
            start: None,
            done: [None; 7],
            recent: None,
        }
    }

    /// The built-in default runner of CLI.md (an intermediate half-marathoner).
    #[must_use]
    pub fn builtin() -> Self {
        Self::new(&Profile::builtin())
    }

    /// The runner's name, as output shows it.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The runner's level.
    #[must_use]
    pub fn level(&self) -> Level {
        self.level
    }

    /// The runner's goal.
    #[must_use]
    pub fn goal(&self) -> Goal {
        self.goal
    }

    /// The weekly minutes the plan aims at.
    #[must_use]
    pub fn weekly_minutes(&self) -> f64 {
        self.weekly_minutes
    }

    /// The weekly minutes the runner is used to.
    #[must_use]
    pub fn current_weekly_minutes(&self) -> f64 {
        self.current_weekly_minutes
    }

    /// The runner's own hard constraints.
    #[must_use]
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// The session catalog, with the profile's overrides.
    #[must_use]
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The model's parameters.
    #[must_use]
    pub fn params(&self) -> &ModelParams {
        &self.params
    }

    /// What lays the days' sessions out as workouts: the catalog, the goal, the fitness and
    /// the units of this problem.
    #[must_use]
    pub fn coach(&self) -> crate::workout::Coach {
        crate::workout::Coach::with(self.catalog().clone(), self.goal(), self.fitness(), self.units())
    }

    /// The runner's fitness, when the profile or `--result` gave one.
    #[must_use]
    pub fn fitness(&self) -> Option<&Fitness> {
        self.fitness.as_ref()
    }

    /// Units of paces and distances.
    #[must_use]
    pub fn units(&self) -> Units {
        self.units
    }

    /// The days already run this week, Monday first.
    #[must_use]
    pub fn done(&self) -> &[Option<Done>; 7] {
        &self.done
    }

    /// A judge for a week at `factor` times the runner's volume.
    #[must_use]
    pub(crate) fn judge(&self, factor: f64) -> Judge {
        Judge {
            params: self.params,
            filters: Filters::new(&self.params),
            goal: self.goal,
            level: self.level,
            current_weekly_minutes: Some(self.current_weekly_minutes),
            factor,
            long_share_floor: 0.0,
            rules: Some(self.rules.clone()),
            start: self.start,
        }
    }

    /// The minutes rule at `weekly` minutes.
    #[must_use]
    pub(crate) fn minutes_rule(&self, weekly: f64) -> MinutesRule {
        MinutesRule {
            catalog: self.catalog.clone(),
            level: self.level,
            goal: self.goal,
            weekly_minutes: Some(weekly),
            caps: self.rules.caps,
            running_days: Some(self.rules.running_days()),
            long_run: None,
        }
    }

    // Builder edits: each returns the problem with one rule changed.

    /// The runner's fitness is `fitness` (a `--result` over the profile's).
    #[must_use]
    pub fn with_fitness(mut self, fitness: Fitness) -> Self {
        self.fitness = Some(fitness);
        self
    }

    /// Paces and distances in `units`.
    #[must_use]
    pub fn with_units(mut self, units: Units) -> Self {
        self.units = units;
        self
    }

    /// Aim at `minutes` a week.
    #[must_use]
    pub fn with_weekly_minutes(mut self, minutes: f64) -> Self {
        self.weekly_minutes = minutes;
        self
    }

    /// A runner used to `minutes` a week.
    #[must_use]
    pub fn with_current_weekly_minutes(mut self, minutes: f64) -> Self {
        self.current_weekly_minutes = minutes;
        self
    }

    /// Exactly `n` quality sessions.
    #[must_use]
    pub fn with_hard_sessions(mut self, n: u8) -> Self {
        self.rules.hard_sessions = n;
        self
    }

    /// At least `n` rest days.
    #[must_use]
    pub fn with_min_rest_days(mut self, n: u8) -> Self {
        self.rules.min_rest_days = n;
        self
    }

    /// The long run where `rule` says.
    #[must_use]
    pub fn with_long_run(mut self, rule: LongRunRule) -> Self {
        self.rules.long_run = rule;
        self
    }

    /// Quality sessions on adjacent days allowed or not.
    #[must_use]
    pub fn with_back_to_back(mut self, allowed: bool) -> Self {
        self.rules.allow_back_to_back = allowed;
        self
    }

    /// A week that is run once, not repeated (a race week): judged by its score, not asked
    /// to be repeatable (monotony, peak fatigue and freshness limits lifted to their
    /// ranges' ends), and the race's own hard minutes do not break the easy floor.
    #[must_use]
    pub fn run_once(mut self) -> Self {
        self.params.monotony_limit = 10.0;
        self.params.fatigue_limit = 5.0;
        self.params.freshness_limit = 10.0;
        self.params.easy_floor = 0.0;
        self
    }

    /// A week judged without the repeatability limits (monotony, peak fatigue, freshness
    /// lifted to their ranges' ends): a week run once whose days already run may break
    /// them.
    #[must_use]
    pub fn without_repeat_limits(mut self) -> Self {
        self.params.monotony_limit = 10.0;
        self.params.fatigue_limit = 5.0;
        self.params.freshness_limit = 10.0;
        self
    }

    /// Plans that differ in at least `days` days.
    #[must_use]
    pub fn with_min_distance(mut self, days: u8) -> Self {
        self.params.min_distance = days;
        self
    }

    /// `session` fixed on `day` (`None`: the day is free again).
    #[must_use]
    pub fn with_fixed(mut self, day: Day, session: Option<Session>) -> Self {
        self.rules.fixed[day.index()] = session;
        self
    }

    /// The week is run once from `start`, the real state at the end of the Sunday before.
    #[must_use]
    pub fn with_start(mut self, start: Start) -> Self {
        self.start = Some(start);
        self
    }

    /// `day` already run: `session` (the closest catalog session, or rest) fixed there with
    /// the real `done` minutes and load. What was run is a fact, so the runner's day rules
    /// do not judge it: a fixed session is allowed whatever the day's availability and
    /// avoided sessions say, and the day's cap goes. Availability itself stays as the
    /// profile says, as the runner's usual running days (the minutes rule's and the
    /// rhythm's) read it.
    #[must_use]
    pub fn with_done(mut self, day: Day, session: Session, done: Done) -> Self {
        let d = day.index();
        self.rules.fixed[d] = Some(session);
        self.rules.caps[d] = None;
        self.done[d] = Some(done);
        self
    }

    /// A block that starts from `recent`, the runner's real training before it.
    #[must_use]
    pub fn with_recent(mut self, recent: Recent) -> Self {
        self.recent = Some(recent);
        self
    }

    /// No fixed session on any day.
    #[must_use]
    pub fn without_fixed(mut self) -> Self {
        self.rules.fixed = [None; 7];
        self
    }

    /// `day` available for training or not.
    #[must_use]
    pub fn with_available(mut self, day: Day, available: bool) -> Self {
        self.rules.available[day.index()] = available;
        self
    }

    /// Every day available.
    #[must_use]
    pub fn with_every_day_available(mut self) -> Self {
        self.rules.available = [true; 7];
        self
    }

    /// The sessions of `mask` (bits of [`Session::index`]) avoided on `day` too.
    #[must_use]
    pub fn avoiding(mut self, day: Day, mask: u16) -> Self {
        self.rules.avoid[day.index()] |= mask;
        self
    }

    /// Nothing avoided on `day`.
    #[must_use]
    pub fn without_avoid_on(mut self, day: Day) -> Self {
        self.rules.avoid[day.index()] = 0;
        self
    }

    /// Nothing avoided on any day.
    #[must_use]
    pub fn without_avoid(mut self) -> Self {
        self.rules.avoid = [0; 7];
        self
    }

    /// No cap on `day`.
    #[must_use]
    pub fn without_cap_on(mut self, day: Day) -> Self {
        self.rules.caps[day.index()] = None;
        self
    }

    /// No per-day caps.
    #[must_use]
    pub fn without_caps(mut self) -> Self {
        self.rules.caps = [None; 7];
        self
    }

    /// `session` lasts `minutes` at every level.
    #[must_use]
    pub fn with_session_minutes(mut self, session: Session, minutes: f64) -> Self {
        self.catalog.set(session, None, Some(minutes));
        self
    }
}
