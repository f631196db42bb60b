//! The guardrails between weeks (docs/model.md section 9): volume jumps, the acute:chronic
//! workload ratio, and the single-run rule. A guardrail either costs points (a soft limit)
//! or refuses the week (a hard limit).
//!
//! Sources: weekly jumps above 30 % (Nielsen 2014); acwr 0.8 to 1.3 and the 1.5 danger
//! zone (Gabbett 2016, with its weaknesses: Lolli 2019, Impellizzeri 2020); a run more than
//! 10 % longer than the longest of the last 30 days (Frandsen 2025, 5,205 runners).

use super::Phase;

/// The limits, with the points a soft limit costs per unit beyond it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Guardrails {
    /// Volume over the last build week above which a week costs points (1.10).
    pub volume_soft: f64,
    /// Volume over the last build week above which a week is refused (1.30).
    pub volume_hard: f64,
    /// acwr above which a week costs points (1.3).
    pub acwr_soft: f64,
    /// acwr above which a week is refused (1.5).
    pub acwr_hard: f64,
    /// acwr below which a build week costs points (0.8); deload, taper and race weeks may
    /// drop below it.
    pub acwr_low: f64,
    /// A run may be at most this multiple of the longest run of the previous 30 days (1.10).
    pub single_run: f64,
    /// Points lost per unit beyond a soft limit (100: a week 5 % over costs 5 points).
    pub cost_per_unit: f64,
}

impl Default for Guardrails {
    fn default() -> Self {
        Guardrails {
            volume_soft: 1.10,
            volume_hard: 1.30,
            acwr_soft: 1.3,
            acwr_hard: 1.5,
            acwr_low: 0.8,
            single_run: 1.10,
            cost_per_unit: 100.0,
        }
    }
}

/// Days of history the single-run rule looks back on.
pub const RUN_WINDOW: usize = 30;

impl Guardrails {
    /// Points a week's volume costs against the last build week (`ratio` = minutes over the
    /// last build week's); `None` when refused.
    #[must_use]
    pub fn volume_cost(&self, ratio: f64) -> Option<f64> {
        if ratio > self.volume_hard + 1e-9 {
            None
        } else {
            Some(self.cost_per_unit * (ratio - self.volume_soft).max(0.0))
        }
    }

    /// Points a week's acwr costs in its phase; `None` when refused.
    #[must_use]
    pub fn acwr_cost(&self, acwr: f64, phase: Phase) -> Option<f64> {
        if acwr > self.acwr_hard + 1e-9 {
            return None;
        }
        let high = (acwr - self.acwr_soft).max(0.0);
        let low = if phase.is_easing() {
            0.0
        } else {
            (self.acwr_low - acwr).max(0.0)
        };
        Some(self.cost_per_unit * (high + low))
    }

    /// Whether a run of `minutes` is allowed after a longest run of `longest` minutes in
    /// the previous 30 days (Frandsen 2025: at most 10 % longer). Minutes are real numbers;
    /// the 1e-9 absorbs the rounding of `1.1 x longest`.
    #[must_use]
    pub fn run_allowed(&self, minutes: f64, longest: f64) -> bool {
        minutes <= self.single_run * longest + 1e-9
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_limits_cost_and_hard_limits_refuse() {
        let g = Guardrails::default();
        assert_eq!(g.volume_cost(1.05), Some(0.0));
        assert!((g.volume_cost(1.15).unwrap() - 5.0).abs() < 1e-9);
        assert_eq!(g.volume_cost(1.31), None);
        assert_eq!(g.acwr_cost(1.2, Phase::Build), Some(0.0));
        assert!(g.acwr_cost(1.4, Phase::Build).unwrap() > 9.9);
        assert_eq!(g.acwr_cost(1.6, Phase::Deload), None);
        assert!(g.acwr_cost(0.7, Phase::Build).unwrap() > 9.9);
        assert_eq!(g.acwr_cost(0.7, Phase::Deload), Some(0.0));
    }

    /// A hard limit refuses only above it: a week at 1.30 of the last build week, or at
    /// acwr 1.5, costs its 20 points and is kept.
    #[test]
    fn hard_limits_hold_at_their_value_and_refuse_above() {
        let g = Guardrails::default();
        assert!((g.volume_cost(1.30).expect("1.30 is allowed") - 20.0).abs() < 1e-9);
        assert_eq!(g.volume_cost(1.300_001), None);
        for phase in [Phase::Build, Phase::Deload] {
            assert!((g.acwr_cost(1.5, phase).expect("1.5 is allowed") - 20.0).abs() < 1e-9);
            assert_eq!(g.acwr_cost(1.500_001, phase), None);
        }
    }

    #[test]
    fn a_run_may_grow_ten_percent_over_the_longest_of_the_month() {
        let g = Guardrails::default();
        assert!(g.run_allowed(92.4, 84.0));
        assert!(!g.run_allowed(92.41, 84.0));
    }
}
