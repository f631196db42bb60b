//! MODEL.md v2 §3: the three filters driven by daily load, and the periodic steady state of a
//! week repeated forever, in closed form.

use super::catalog::Session;

/// §3 time constants, in days: fitness (the PMC's CTL), fatigue (ATL), legs.
pub const TAU_FITNESS: f64 = 42.0;
pub const TAU_FATIGUE: f64 = 7.0;
pub const TAU_LEGS: f64 = 2.0;

/// The steady state at the end of each weekday, Monday first.
#[derive(Clone, Debug, PartialEq)]
pub struct SteadyState {
    pub fitness: [f64; 7],
    pub fatigue: [f64; 7],
    pub legs: [f64; 7],
}

/// A filter `x_t = a x_{t-1} + b u_t` with `a = exp(-1/tau)` (§3: "Use exp(-1/tau), not
/// 1/tau").
#[derive(Clone, Copy, Debug)]
pub struct Filter {
    pub a: f64,
    pub b: f64,
}

impl Filter {
    /// Fitness and fatigue: gain `b = 1 - a`, input the daily load.
    pub fn averaging(tau: f64) -> Filter {
        let a = (-1.0 / tau).exp();
        Filter { a, b: 1.0 - a }
    }

    /// Legs: gain 1, input `impact x load`.
    pub fn accumulating(tau: f64) -> Filter {
        Filter {
            a: (-1.0 / tau).exp(),
            b: 1.0,
        }
    }

    /// §3 "Repeated week, exactly": `x*_d = b / (1 - a^7) * sum_{k=0..6} a^k u_{(d-k) mod 7}`.
    pub fn steady(self, input: &[f64; 7]) -> [f64; 7] {
        let scale = self.b / (1.0 - self.a.powi(7));
        std::array::from_fn(|d| {
            let sum: f64 = (0..7)
                .map(|k| self.a.powf(k as f64) * input[(d + 7 - k) % 7])
                .sum();
            scale * sum
        })
    }

    /// §3's recurrence run day by day over one week from `start` (the value before Monday):
    /// the values at the end of each day. The closed form is its fixed point.
    pub fn run_week(self, start: f64, input: &[f64; 7]) -> [f64; 7] {
        let mut x = start;
        input.map(|u| {
            x = self.a * x + self.b * u;
            x
        })
    }
}

/// The three filters' steady state for a week's sessions and daily loads (§3).
pub fn steady_state(sessions: &[Session; 7], load: &[f64; 7]) -> SteadyState {
    // §3: the legs filter's input is impact x w (1 for runs, 0.5 for `cross`).
    let legs_input: [f64; 7] = std::array::from_fn(|d| sessions[d].impact() * load[d]);
    SteadyState {
        fitness: Filter::averaging(TAU_FITNESS).steady(load),
        fatigue: Filter::averaging(TAU_FATIGUE).steady(load),
        legs: Filter::accumulating(TAU_LEGS).steady(&legs_input),
    }
}

/// §3: the value before day `d` is the value at the end of the day before, around the week
/// (Monday's comes from Sunday's).
pub fn before(values: &[f64; 7], day: usize) -> f64 {
    values[(day + 6) % 7]
}
