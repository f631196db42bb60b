//! What a block's search is told (how hard to look, what the objective rewards, the
//! guardrails), what it reports (its objective, term by term) and its progress.

use super::guardrails::Guardrails;

/// How hard the search looks and what the objective rewards.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// Structures taken from the week engine's ranking (the pool each week draws on).
    pub pool: usize,
    /// Candidate structures per week, after re-scoring the pool at the week's volume.
    pub per_week: usize,
    /// Partial blocks kept after each week.
    pub beam: usize,
    /// The guardrails.
    pub guardrails: Guardrails,
    /// Points for a week whose hard sessions are all of other types than the week before's.
    pub variety: f64,
    /// Race-day form as a share of fitness: the window that costs nothing (+5 % to +30 %).
    pub form_window: (f64, f64),
    /// Points lost per unit of race-day form outside the window.
    pub form_cost: f64,
    /// Points lost per training day a taper week drops below the last build week (the
    /// taper keeps frequency: Bosquet 2007).
    pub frequency: f64,
    /// Points lost per unit a week's factor strays from its phase's nominal factor, so the
    /// plan's volumes hold unless a guardrail or race-day form asks otherwise.
    pub off_plan: f64,
    /// Points lost per day a key session near the end of a week is short of the rest it
    /// needs before the next week's first key session (docs/model.md section 6's spacing, read
    /// across the join of two different weeks).
    pub join: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            pool: 64,
            per_week: 16,
            beam: 48,
            guardrails: Guardrails::default(),
            variety: 2.0,
            form_window: (0.05, 0.30),
            form_cost: 100.0,
            off_plan: 20.0,
            frequency: 5.0,
            join: 5.0,
        }
    }
}

/// The objective of a block, term by term.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Objective {
    /// Sum of the weeks' own scores.
    pub scores: f64,
    /// Points lost to soft guardrails (and, in a template, to refused weeks).
    pub guardrails: f64,
    /// Points won by rotating hard-session types.
    pub variety: f64,
    /// Points lost by race-day form outside the window.
    pub race_form: f64,
    /// Points lost by weeks whose volume strays from the phase's nominal factor.
    pub off_plan: f64,
    /// Points lost where a week's last key sessions sit too close to the next week's first.
    pub joins: f64,
    /// Race-day form as a share of fitness, when there is a race.
    pub form_share: Option<f64>,
    /// Weeks that break a hard guardrail (only a template can have them).
    pub refused: usize,
}

impl Objective {
    /// The total the search maximises.
    #[must_use]
    pub fn total(&self) -> f64 {
        self.scores - self.guardrails + self.variety - self.race_form - self.off_plan - self.joins
    }
}

/// Progress of a block's search, for a progress bar: `done` weeks of `total` are planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// Weeks planned.
    pub done: usize,
    /// Weeks in the block.
    pub total: usize,
}
