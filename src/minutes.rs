//! The minutes rule of docs/model.md section 3: a week's structure is a choice of session per
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
    /// Goal (race minutes, the long run's range).
    pub goal: Goal,
    /// Target weekly minutes T*; `None` scores at catalog minutes.
    pub weekly_minutes: Option<f64>,
    /// Per-day caps (they shape only the easy days' share).
    pub caps: [Option<f64>; 7],
    /// The runner's running days n (from the profile); `None` counts the week's own.
    pub running_days: Option<u8>,
    /// The long run's minutes when a block plans them; `None` follows the rule.
    pub long_run: Option<f64>,
}

/// Minutes of each day and how far the plan falls from the target volume.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlannedMinutes {
    /// Minutes per day, Monday first. Real numbers: the model never rounds them.
    pub minutes: [f64; 7],
    /// Target minus planned (positive: short of the target, negative: over it); 0 without
    /// a target.
    pub shortfall: f64,
}

/// Least minutes of an easy day (docs/model.md, "Minutes").
pub const EASY_MIN: f64 = 20.0;
/// Most minutes of an easy day.
pub const EASY_MAX: f64 = 90.0;
/// Most minutes of a recovery run.
pub const RECOVERY_MAX: f64 = 45.0;

/// The long run's share cap of a week of `minutes` for a runner with `running_days`:
/// 0.30 at 240 minutes or less, falling linearly to 0.22 at 720 or more; 0.40 for a runner
/// on four days or fewer (Daniels; low-frequency plans put 40-50 % in the long run).
#[allow(clippy::inline_always)] // Into the kernel's SIMD context.
#[inline(always)]
#[must_use]
pub fn long_run_share_cap(minutes: f64, running_days: u8) -> f64 {
    if running_days <= 4 {
        0.40
    } else {
        share_cap_by_volume(minutes)
    }
}

/// The share cap of a runner on five days or more: 0.30 at 240 minutes or less, falling
/// linearly to 0.22 at 720 or more.
#[allow(clippy::inline_always)] // Into the kernel's SIMD context.
#[inline(always)]
#[must_use]
pub fn share_cap_by_volume(minutes: f64) -> f64 {
    // Comparisons, not `clamp`: the kernel calls this for every week, and minutes are
    // never NaN.
    let x = (minutes - 240.0) * (1.0 / 480.0);
    let x = if x < 0.0 { 0.0 } else { x };
    0.30 - 0.08 * if x > 1.0 { 1.0 } else { x }
}

/// Daniels' limit on the work minutes (minutes in zones 2 and 3) of one session in a week
/// of `weekly` minutes: tempo 10 %, intervals and hills 8 %, marathon pace min(20 %, 110).
#[must_use]
pub fn work_limit(session: Session, weekly: f64) -> Option<f64> {
    match session {
        Session::Tempo => Some(0.10 * weekly),
        Session::Intervals | Session::Hills => Some(0.08 * weekly),
        Session::Marathon => Some((0.20 * weekly).min(110.0)),
        _ => None,
    }
}

/// The long run of a week of `weekly` minutes for a runner on `running_days`:
/// `clamp(cap(T*, n) x T*, lo, hi)` with the goal's range for the level.
#[must_use]
pub fn long_run_minutes(goal: Goal, level: Level, weekly: f64, running_days: u8) -> f64 {
    let (lo, hi) = goal.long_run_range(level);
    (long_run_share_cap(weekly, running_days) * weekly).clamp(lo, hi)
}

impl MinutesRule {
    /// Minutes of the long run in a week of `weekly` minutes (the block's own when it
    /// plans them).
    #[must_use]
    pub fn long_minutes(&self, weekly: f64, running_days: u8) -> f64 {
        self.long_run
            .unwrap_or_else(|| long_run_minutes(self.goal, self.level, weekly, running_days))
    }

    /// Rule minutes of a session that does not share the easy days' pool.
    fn set_minutes(&self, session: Session, weekly: f64, running_days: u8) -> f64 {
        let catalog = self.catalog.minutes(session, self.level);
        match session {
            Session::Rest => 0.0,
            Session::Race => self.catalog.race_minutes(self.goal, self.level),
            Session::Long | Session::LongFast => self.long_minutes(weekly, running_days),
            _ => {
                let [_, z2, z3] = self.catalog.spec(session).zones;
                match work_limit(session, weekly) {
                    // Cut to exactly the limit, never rounded.
                    Some(limit) if catalog * (z2 + z3) > limit => limit / (z2 + z3),
                    _ => catalog,
                }
            }
        }
    }

    /// Apply the minutes rule to a week (docs/model.md, "Minutes").
    ///
    /// Quality sessions get their catalog minutes within Daniels' caps, a race its
    /// distance's minutes, the long run its share of T* within the goal's range, moderate
    /// runs their catalog minutes; easy-class days share what is left by water filling,
    /// each within `[min(20, top), top]`, `top = min(90, 2 x catalog, the day's cap)` (45
    /// at most for a recovery run). What cannot be placed is `shortfall`. Explicit minutes
    /// are kept. Without a target every session gets its catalog minutes (a race its
    /// distance's).
    #[must_use]
    pub fn apply(&self, week: &WeekSpec) -> PlannedMinutes {
        let mut minutes = [0.0; 7];
        let Some(weekly) = self.weekly_minutes else {
            for (i, d) in week.0.iter().enumerate() {
                minutes[i] = d.minutes.unwrap_or_else(|| match d.session {
                    Session::Race => self.catalog.race_minutes(self.goal, self.level),
                    s => self.catalog.minutes(s, self.level),
                });
            }
            return PlannedMinutes {
                minutes,
                shortfall: 0.0,
            };
        };
        let n = self.running_days.unwrap_or_else(|| {
            // Without a profile: the week's days that are not rest.
            u8::try_from(week.0.iter().filter(|d| d.session != Session::Rest).count()).unwrap_or(7)
        });
        let mut pool = [None; 7];
        for (i, d) in week.0.iter().enumerate() {
            match d.minutes {
                Some(m) => minutes[i] = m,
                None if d.session.is_easy() => pool[i] = Some(self.slot(i, d.session)),
                None => minutes[i] = self.set_minutes(d.session, weekly, n),
            }
        }
        let placed: f64 = minutes.iter().sum();
        let shares = water_fill(weekly - placed, &pool);
        for i in 0..7 {
            if pool[i].is_some() {
                minutes[i] = shares[i];
            }
        }
        let total: f64 = minutes.iter().sum();
        PlannedMinutes {
            minutes,
            shortfall: weekly - total,
        }
    }

    /// The bounds and weight of an easy day in the pool.
    fn slot(&self, day: usize, session: Session) -> Slot {
        let weight = self.catalog.minutes(session, self.level);
        let mut top = EASY_MAX
            .min(2.0 * weight)
            .min(self.caps[day].unwrap_or(f64::INFINITY));
        if session == Session::Recovery {
            top = top.min(RECOVERY_MAX);
        }
        Slot {
            weight,
            low: EASY_MIN.min(top),
            top,
        }
    }
}

/// An easy day in the water-filling pool: its share is in proportion to `weight` (its
/// catalog minutes), within `[low, top]`.
#[derive(Debug, Clone, Copy)]
struct Slot {
    weight: f64,
    low: f64,
    top: f64,
}

/// Share `amount` among the slots in proportion to their weights: every slot whose share
/// falls outside its bounds is set to the bound and leaves the pool, and what is left is
/// shared again among the others, until no share is out of bounds. At most seven rounds.
fn water_fill(amount: f64, pool: &[Option<Slot>; 7]) -> [f64; 7] {
    let mut out = [0.0; 7];
    let mut free = pool.map(|s| s.is_some());
    let mut remaining = amount;
    loop {
        let total: f64 = (0..7)
            .filter(|&i| free[i])
            .filter_map(|i| pool[i])
            .map(|s| s.weight)
            .sum();
        if total <= 0.0 {
            break;
        }
        let mut pinned = false;
        let mut freed = remaining;
        for i in 0..7 {
            let (true, Some(slot)) = (free[i], pool[i]) else {
                continue;
            };
            let share = remaining * slot.weight / total;
            let bound = if share < slot.low {
                slot.low
            } else if share > slot.top {
                slot.top
            } else {
                out[i] = share;
                continue;
            };
            out[i] = bound;
            free[i] = false;
            freed -= bound;
            pinned = true;
        }
        if !pinned {
            break;
        }
        remaining = freed;
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
            running_days: None,
            long_run: None,
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
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
    fn without_a_target_every_session_gets_catalog_minutes_and_a_race_its_distance() {
        let w: WeekSpec = "easy,intervals,easy,rest,tempo,easy,long".parse().unwrap();
        let planned = rule(None).apply(&w);
        assert_eq!(planned.minutes, [45.0, 50.0, 45.0, 0.0, 50.0, 45.0, 100.0]);
        assert_eq!(planned.shortfall, 0.0);
        let race: WeekSpec = "easy,rest,rest,rest,rest,rest,race".parse().unwrap();
        // An intermediate half-marathoner's race: 115 minutes and a 20-minute warm-up.
        assert_eq!(rule(None).apply(&race).minutes[6], 135.0);
    }

    #[test]
    fn easy_days_share_what_is_left_of_the_target_unrounded() {
        let w: WeekSpec = "easy,intervals,easy,rest,tempo,easy,long".parse().unwrap();
        let planned = rule(Some(300.0)).apply(&w);
        // Six running days, cap 0.30 - 0.08 x 60 / 480 = 0.29, long 87 within [75, 135];
        // intervals and tempo keep 50 (work 20 <= 24 and 22.5 <= 30); 113 left for three
        // easy days of equal weight.
        assert!(close(planned.minutes[6], 87.0));
        for d in [0, 2, 5] {
            assert!(close(planned.minutes[d], 113.0 / 3.0), "{:?}", planned.minutes);
        }
        assert!(planned.shortfall.abs() < 1e-9);
    }

    #[test]
    fn a_capped_easy_day_passes_its_minutes_to_the_others() {
        let mut r = rule(Some(300.0));
        r.caps[0] = Some(20.0);
        let w: WeekSpec = "easy,intervals,easy,rest,tempo,easy,long".parse().unwrap();
        let planned = r.apply(&w);
        assert_eq!(planned.minutes[0], 20.0);
        assert!(close(planned.minutes[2], 46.5));
        assert!(planned.shortfall.abs() < 1e-9);
    }

    #[test]
    fn a_recovery_run_stays_within_45_minutes() {
        let w: WeekSpec = "recovery,intervals,easy,rest,tempo,easy,long".parse().unwrap();
        let planned = rule(Some(500.0)).apply(&w);
        assert_eq!(planned.minutes[0], 45.0);
    }

    #[test]
    fn volume_that_cannot_be_placed_is_reported() {
        let w: WeekSpec = "rest,intervals,rest,rest,tempo,easy,long".parse().unwrap();
        let planned = rule(Some(600.0)).apply(&w);
        // Four running days: share cap 0.40, 240 minutes held to the half's 135.
        assert_eq!(planned.minutes[6], 135.0);
        assert_eq!(planned.minutes[5], 90.0);
        assert!(close(planned.shortfall, 600.0 - 135.0 - 100.0 - 90.0));
    }

    #[test]
    fn quality_work_is_cut_to_exactly_daniels_caps() {
        let w: WeekSpec = "easy,tempo,easy,rest,intervals,easy,long".parse().unwrap();
        let planned = rule(Some(150.0)).apply(&w);
        // Tempo work 45 % of minutes, at most 10 % of 150: 15 / 0.45 minutes.
        assert!(close(planned.minutes[1], 15.0 / 0.45));
        // Intervals work 40 % of minutes, at most 8 % of 150: 12 / 0.4 = 30 minutes.
        assert!(close(planned.minutes[4], 30.0));
    }

    #[test]
    fn the_share_cap_falls_with_volume_and_is_040_on_four_days() {
        assert!(close(long_run_share_cap(240.0, 6), 0.30));
        assert!(close(long_run_share_cap(480.0, 6), 0.26));
        assert!(close(long_run_share_cap(900.0, 5), 0.22));
        assert!(close(long_run_share_cap(900.0, 4), 0.40));
    }
}
