//! The minutes rule of MODEL.md section 2: a week's structure is a choice of session per
//! day, and its minutes follow from the runner's level, goal, volume and caps, so the search
//! stays discrete.

use crate::catalog::{Catalog, Goal, Level, Session};
use crate::week::WeekSpec;

/// What the minutes rule needs to know.
#[derive(Debug, Clone, PartialEq)]
pub struct MinutesRule {
    /// Catalog in force.
    pub catalog: Catalog,
    /// Runner's level (catalog column).
    pub level: Level,
    /// Goal (long-run cap).
    pub goal: Goal,
    /// Target weekly minutes; `None` scores at catalog minutes.
    pub weekly_minutes: Option<f64>,
    /// Per-day caps.
    pub caps: [Option<f64>; 7],
}

/// Minutes of each day and how far the plan falls from the target volume.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlannedMinutes {
    /// Minutes per day, Monday first.
    pub minutes: [f64; 7],
    /// Target minus planned (positive: short of the target, negative: over it); 0 without
    /// a target.
    pub shortfall: f64,
}

/// Least minutes of an easy day (MODEL.md section 2).
pub const EASY_MIN: f64 = 20.0;
/// Most minutes of an easy day (MODEL.md section 2).
pub const EASY_MAX: f64 = 90.0;
/// Shortest long run the rule gives.
pub const LONG_MIN: f64 = 60.0;

impl MinutesRule {
    /// Daniels' cap on the work minutes of one quality session, as a share of the week
    /// (tempo 10 %, intervals and hills 8 %, marathon pace min(20 %, 110 min)).
    fn work_cap(session: Session, weekly: f64) -> Option<f64> {
        match session {
            Session::Tempo => Some(0.10 * weekly),
            Session::Intervals | Session::Hills => Some(0.08 * weekly),
            Session::Marathon => Some((0.20 * weekly).min(110.0)),
            _ => None,
        }
    }

    /// Minutes of the long run in a week of `weekly` minutes:
    /// `clamp(long_share x weekly, 60, cap)`, long_share 0.28 under 6 h, 0.25 above.
    #[must_use]
    pub fn long_minutes(&self, weekly: f64) -> f64 {
        let share = if weekly < 360.0 { 0.28 } else { 0.25 };
        (share * weekly).clamp(LONG_MIN, self.goal.long_run_cap())
    }

    /// Rule minutes of a non-easy session on a day (before easy days share the rest).
    fn fixed_minutes(&self, session: Session, weekly: f64) -> f64 {
        let catalog = self.catalog.minutes(session, self.level);
        if session.is_long() {
            return self.long_minutes(weekly).round();
        }
        if session.is_quality() {
            let zones = self.catalog.spec(session).zones;
            let work_share = zones[1] + zones[2];
            if let Some(cap) = Self::work_cap(session, weekly)
                && work_share > 0.0
            {
                // A hair of slack: 0.08 x 120 / 0.4 is 23.999999999999996 in floating point.
                return catalog.min((cap / work_share + 1e-9).floor());
            }
        }
        catalog
    }

    /// Apply the rule of MODEL.md section 2 to a week.
    ///
    /// Easy-class days share what is left in proportion to their catalog minutes, each
    /// within `[20, min(90, 2 x catalog, cap)]`. Where a bound binds, the remainder is
    /// shared again among the others (water-filling), so a capped Wednesday moves minutes
    /// to the other easy days instead of losing them; what still cannot be placed is
    /// reported as `shortfall`. Every rule-set session also respects the day's cap.
    #[must_use]
    pub fn apply(&self, week: &WeekSpec) -> PlannedMinutes {
        let mut minutes = [0.0; 7];
        let Some(weekly) = self.weekly_minutes else {
            for (i, d) in week.0.iter().enumerate() {
                minutes[i] = d
                    .minutes
                    .unwrap_or_else(|| self.catalog.minutes(d.session, self.level));
            }
            return PlannedMinutes {
                minutes,
                shortfall: 0.0,
            };
        };
        let mut easy = [false; 7];
        for (i, d) in week.0.iter().enumerate() {
            let cap = self.caps[i].map_or(f64::INFINITY, f64::floor);
            match d.minutes {
                Some(m) => minutes[i] = m,
                None if d.session == Session::Rest => {}
                None if d.session.is_easy() => easy[i] = true,
                None => minutes[i] = self.fixed_minutes(d.session, weekly).min(cap),
            }
        }
        let placed: f64 = minutes.iter().sum();
        let left = weekly - placed;
        let mut lo = [0.0; 7];
        let mut hi = [0.0; 7];
        let mut weight = [0.0; 7];
        for i in 0..7 {
            if easy[i] {
                let session = week.0[i].session;
                let cat = self.catalog.minutes(session, self.level);
                let cap = self.caps[i].map_or(f64::INFINITY, f64::floor);
                hi[i] = EASY_MAX.min((2.0 * cat).floor()).min(cap).max(1.0);
                lo[i] = EASY_MIN.min(hi[i]);
                weight[i] = cat.max(1.0);
            }
        }
        let shares = whole_minutes(&water_fill(left, &easy, &weight, &lo, &hi), &easy, &hi);
        for i in 0..7 {
            if easy[i] {
                minutes[i] = shares[i];
            }
        }
        let total: f64 = minutes.iter().sum();
        PlannedMinutes {
            minutes,
            shortfall: weekly - total,
        }
    }
}

/// Round shares to whole minutes without changing their total (largest remainder first,
/// ties to the earlier day), never above `hi`: a runner plans 38 minutes, not 37.88.
fn whole_minutes(shares: &[f64; 7], active: &[bool; 7], hi: &[f64; 7]) -> [f64; 7] {
    let mut out = [0.0; 7];
    let total: f64 = (0..7).filter(|&i| active[i]).map(|i| shares[i]).sum();
    for i in 0..7 {
        if active[i] {
            out[i] = shares[i].floor();
        }
    }
    let mut extra = (total.round() - out.iter().sum::<f64>()).max(0.0);
    let mut order: Vec<usize> = (0..7).filter(|&i| active[i]).collect();
    order.sort_by(|&x, &y| {
        (shares[y] - out[y])
            .total_cmp(&(shares[x] - out[x]))
            .then(x.cmp(&y))
    });
    for i in order {
        if extra < 1.0 {
            break;
        }
        if out[i] + 1.0 <= hi[i] {
            out[i] += 1.0;
            extra -= 1.0;
        }
    }
    out
}

/// Share `amount` among the `active` slots in proportion to `weight`, each within
/// `[lo, hi]`: slots whose proportional share breaks a bound are pinned to it and the rest
/// is shared again among the others. Terminates in at most seven rounds.
fn water_fill(amount: f64, active: &[bool; 7], weight: &[f64; 7], lo: &[f64; 7], hi: &[f64; 7]) -> [f64; 7] {
    let mut out = [0.0; 7];
    let mut free = *active;
    let mut remaining = amount;
    loop {
        let total_w: f64 = (0..7).filter(|&i| free[i]).map(|i| weight[i]).sum();
        if total_w <= 0.0 {
            break;
        }
        let mut pinned = false;
        // Pin the slots whose bound binds in the direction the remainder pushes.
        let proposal: [f64; 7] = std::array::from_fn(|i| {
            if free[i] {
                remaining * weight[i] / total_w
            } else {
                0.0
            }
        });
        for i in 0..7 {
            if !free[i] {
                continue;
            }
            let bound = if proposal[i] < lo[i] {
                Some(lo[i])
            } else if proposal[i] > hi[i] {
                Some(hi[i])
            } else {
                None
            };
            if let Some(b) = bound {
                out[i] = b;
                free[i] = false;
                remaining -= b;
                pinned = true;
            }
        }
        if !pinned {
            for i in 0..7 {
                if free[i] {
                    out[i] = proposal[i];
                }
            }
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(weekly: Option<f64>) -> MinutesRule {
        MinutesRule {
            catalog: Catalog::default(),
            level: Level::Intermediate,
            goal: Goal::Half,
            weekly_minutes: weekly,
            caps: [None; 7],
        }
    }

    #[test]
    fn explicit_minutes_are_kept() {
        let w: WeekSpec = "easy:40,intervals:55,easy:40,rest,tempo:50,easy:40,long:110"
            .parse()
            .unwrap();
        let planned = rule(Some(300.0)).apply(&w);
        assert_eq!(planned.minutes, [40.0, 55.0, 40.0, 0.0, 50.0, 40.0, 110.0]);
    }

    #[test]
    fn without_a_target_every_session_gets_catalog_minutes() {
        let w: WeekSpec = "easy,intervals,easy,rest,tempo,easy,long".parse().unwrap();
        let planned = rule(None).apply(&w);
        assert_eq!(planned.minutes, [45.0, 50.0, 45.0, 0.0, 50.0, 45.0, 100.0]);
        assert_eq!(planned.shortfall, 0.0);
    }

    #[test]
    fn easy_days_share_what_is_left_of_the_target() {
        let w: WeekSpec = "easy,intervals,easy,rest,tempo,easy,long".parse().unwrap();
        let planned = rule(Some(300.0)).apply(&w);
        // long = 0.28 x 300 = 84; intervals 50; tempo 50; left 116 over three easy days,
        // in whole minutes with the total kept.
        assert_eq!(planned.minutes[6], 84.0);
        assert_eq!(
            [planned.minutes[0], planned.minutes[2], planned.minutes[5]],
            [39.0, 39.0, 38.0]
        );
        assert!(planned.shortfall.abs() < 1e-9);
    }

    #[test]
    fn a_capped_easy_day_passes_its_minutes_to_the_others() {
        let mut r = rule(Some(300.0));
        r.caps[0] = Some(20.0);
        let w: WeekSpec = "easy,intervals,easy,rest,tempo,easy,long".parse().unwrap();
        let planned = r.apply(&w);
        assert_eq!(planned.minutes[0], 20.0);
        assert!((planned.minutes[2] - 48.0).abs() < 1e-9);
        assert!(planned.shortfall.abs() < 1e-9);
    }

    #[test]
    fn volume_that_cannot_be_placed_is_reported() {
        let w: WeekSpec = "rest,intervals,rest,rest,tempo,easy,long".parse().unwrap();
        let planned = rule(Some(600.0)).apply(&w);
        assert_eq!(planned.minutes[5], 90.0);
        assert!(planned.shortfall > 0.0);
    }

    #[test]
    fn quality_work_stays_within_daniels_caps() {
        let w: WeekSpec = "easy,tempo,easy,rest,intervals,easy,long".parse().unwrap();
        let planned = rule(Some(150.0)).apply(&w);
        // Tempo work 45 % of minutes at most 10 % of 150: 15 / 0.45 = 33.3, so 33 minutes.
        assert_eq!(planned.minutes[1], 33.0);
        // Intervals work 40 % of minutes at most 8 % of 150: 12 / 0.4 = 30 minutes.
        assert!((planned.minutes[4] - 30.0).abs() < 1e-9);
    }
}
