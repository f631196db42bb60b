//! The three first-order filters of docs/model.md section 4 (fitness, fatigue, legs) and the
//! exact periodic steady state of a week repeated forever.
//!
//! Fitness and fatigue are the Performance Manager Chart's CTL and ATL:
//! `x_t = x_{t-1} e^(-1/tau) + w_t (1 - e^(-1/tau))` (GoldenCheetah src/Metrics/PMCData.cpp;
//! Banister's impulse-response model, Morton, Fitz-Clarke and Banister 1990). Legs is an
//! impulse filter with gain `impact` and a 2-day time constant: short-term leg fatigue.

/// One filter `x_t = a x_{t-1} + b u_t` with `a = exp(-1/tau)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Filter {
    /// Decay per day, `exp(-1/tau)`.
    pub a: f64,
    /// Gain applied to the day's input.
    pub b: f64,
    /// `a^7`: decay over a week.
    pub a7: f64,
    /// `b a^k / (1 - a^7)` for `k` in 0..7: the weight of a day's input `k` days back in
    /// the periodic steady state (see [`Filter::steady_state`]).
    pub steady: [f64; 7],
    /// `rows[j][e]`: the weight of weekday `j`'s input in the steady state at the end of
    /// weekday `e` (`steady[(e - j) mod 7]`), laid out so the kernel reads a row, not a modulo.
    pub rows: [[f64; 7]; 7],
}

impl Filter {
    /// An exponentially weighted average with time constant `tau` days (gain `1 - a`).
    #[must_use]
    pub fn average(tau: f64) -> Self {
        let a = (-1.0 / tau).exp();
        Self::new(a, 1.0 - a)
    }

    /// An impulse filter with time constant `tau` days and gain 1 (the input carries its
    /// own impact factor).
    #[must_use]
    pub fn impulse(tau: f64) -> Self {
        Self::new((-1.0 / tau).exp(), 1.0)
    }

    fn new(a: f64, b: f64) -> Self {
        let a7 = a.powi(7);
        let mut steady = [0.0; 7];
        let mut ak = 1.0;
        for w in &mut steady {
            *w = b * ak / (1.0 - a7);
            ak *= a;
        }
        let rows = std::array::from_fn(|j| std::array::from_fn(|e| steady[(e + 7 - j) % 7]));
        Filter {
            a,
            b,
            a7,
            steady,
            rows,
        }
    }

    /// One day: the value at the end of a day with input `u`.
    #[must_use]
    pub fn step(&self, prev: f64, u: f64) -> f64 {
        self.a * prev + self.b * u
    }

    /// Run one week from `start` (the value at the end of the day before Monday); returns
    /// the value at the end of each day.
    #[must_use]
    pub fn run_week(&self, start: f64, input: &[f64; 7]) -> [f64; 7] {
        let mut out = [0.0; 7];
        let mut x = start;
        for (o, &u) in out.iter_mut().zip(input) {
            x = self.step(x, u);
            *o = x;
        }
        out
    }

    /// The periodic steady state of `input` repeated forever: the value at the end of each
    /// weekday, `x*_d = b / (1 - a^7) sum_{k=0..6} a^k u_{(d-k) mod 7}`.
    ///
    /// Computed as the closed form for Sunday, then one step per day from it; the seventh
    /// step returns to Sunday's value, which is what makes the state periodic.
    #[must_use]
    pub fn steady_state(&self, input: &[f64; 7]) -> [f64; 7] {
        // Sunday: sum_{k} a^k u_{6-k}, accumulated by Horner's rule from Monday.
        let mut acc = 0.0;
        for &u in input {
            acc = acc * self.a + u;
        }
        let sunday = self.b * acc / (1.0 - self.a7);
        self.run_week(sunday, input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steady_state_is_a_fixed_point_of_one_week() {
        let f = Filter::average(7.0);
        let u = [135.0, 375.0, 135.0, 0.0, 325.0, 135.0, 400.0];
        let s = f.steady_state(&u);
        let again = f.run_week(s[6], &u);
        for d in 0..7 {
            assert!((again[d] - s[d]).abs() < 1e-9);
        }
    }

    #[test]
    fn steady_state_mean_of_an_average_filter_is_the_daily_load() {
        let f = Filter::average(42.0);
        let u = [135.0, 375.0, 135.0, 0.0, 325.0, 135.0, 400.0];
        let mean: f64 = f.steady_state(&u).iter().sum::<f64>() / 7.0;
        assert!((mean - 1505.0 / 7.0).abs() < 1e-9);
    }
}
