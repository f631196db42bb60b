//! Multi-week planning (docs/model.md section 9): phases, guardrails, and the block search.
//!
//! A block is a sequence of weeks. Each week is a structure from the week engine
//! ([`crate::search`]) at that week's volume, scaled by a factor g on the runner's volume and
//! scored by the same kernel ([`crate::model::assess`]) with that g. The model's state
//! (fitness and fatigue) runs on from week to week, day by day, from the runner's
//! current load. [`plan`] searches the block with a seeded beam search; [`template`] gives
//! the plain template (the best week repeated with the phase factors) for comparison.

pub mod calendar;
mod guardrails;
mod phases;
mod planner;
mod pool;
mod search;
mod settings;
mod weeks;

use serde::Serialize;

use crate::catalog::Session;
use crate::model::explain::DayOut;

pub use crate::profile::Pattern;
pub use calendar::{Calendar, DateArgs};
pub use guardrails::Guardrails;
pub use phases::{Phase, Schedule};
pub use pool::Pool;
pub use search::{plan, plan_with_pool, template};
pub use settings::{Objective, Settings, Step};

/// One week of a block as printed (CLI.md `block`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlockWeek {
    /// 1 for the first week.
    pub week: usize,
    /// build, deload, taper or race.
    pub phase: Phase,
    /// The week's Monday (YYYY-MM-DD in yaml and json).
    pub start: jiff::civil::Date,
    /// Volume factor g on the runner's weekly minutes.
    pub factor: f64,
    /// Planned minutes.
    pub minutes: f64,
    /// The week's distance (`distance_km` or `distance_mi`), when the runner's fitness is
    /// known.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub distance: Option<crate::workout::Reach>,
    /// The week's long run in minutes (0 without one): the block's progression.
    pub long_run: f64,
    /// Load W (AU).
    pub load: f64,
    /// Acute:chronic workload ratio, W over the mean of the three weeks before (the runner's
    /// current load stands in for weeks before the block).
    pub acwr: f64,
    /// Fitness (CTL) at the week's end.
    pub fitness: f64,
    /// Fatigue (ATL) at the week's end.
    pub fatigue: f64,
    /// Form, fitness minus fatigue, at the week's end.
    pub form: f64,
    /// The week's own score (0..100) from the week model at its factor.
    pub score: f64,
    /// Seven days, Monday first, each with its date.
    pub days: Vec<DayOut>,
}

/// The state of the model at the end of one day of the block (for charts).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DayState {
    /// Fitness (CTL).
    pub fitness: f64,
    /// Fatigue (ATL).
    pub fatigue: f64,
}

/// A planned block: what `weekwright block` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    /// Profile name.
    pub profile: String,
    /// The seed of the search's tie-breaks.
    pub seed: u64,
    /// The weeks, in order.
    pub weeks: Vec<BlockWeek>,
    /// The dates.
    #[serde(skip)]
    pub calendar: Calendar,
    /// The model's state at the end of each day, from the first Monday.
    #[serde(skip)]
    pub trace: Vec<DayState>,
    /// The objective the search reached, term by term.
    #[serde(skip)]
    pub objective: Objective,
}

impl Block {
    /// Every training day (any session but rest), in date order, with its week.
    pub fn training_days(&self) -> impl Iterator<Item = (&BlockWeek, &DayOut)> {
        self.weeks.iter().flat_map(|w| {
            w.days
                .iter()
                .filter(|d| d.session != Session::Rest)
                .map(move |d| (w, d))
        })
    }
}
