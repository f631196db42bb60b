//! MODEL.md v2 §2, the minutes rule: a week's structure (a session a day, some with explicit
//! minutes) becomes minutes per day. Minutes are real numbers, never rounded (§2).

use super::catalog::{Goal, Level, Session};
use super::profile::Profile;

/// One day of the input week: its session and, when given (`easy:45`), its minutes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Day {
    pub session: Session,
    pub minutes: Option<f64>,
}

/// §5 "Long-run share cap", also §2's `cap(T, n)`: 0.30 at 240 min or less, falling
/// linearly to 0.22 at 720 min or more; 0.40 when the runner has four running days or fewer.
pub fn share_cap(minutes: f64, running_days: usize) -> f64 {
    if running_days <= 4 {
        0.40
    } else {
        0.30 - 0.08 * ((minutes - 240.0) / 480.0).clamp(0.0, 1.0)
    }
}

/// §10 "Running days n": with a profile `7 - max(min_rest_days, unavailable days)`;
/// without one, the week's days that are not rest (a cross-training day counts).
pub fn running_days(sessions: &[Session; 7], level: Level, profile: Option<&Profile>) -> usize {
    match profile {
        Some(p) => p.running_days(level),
        None => sessions.iter().filter(|&&s| s != Session::Rest).count(),
    }
}

/// The minutes of each day under §2, for the profile's `weekly_minutes` T* when there is
/// one (with a profile that has no `weekly_minutes`, as without a profile: catalog minutes).
pub fn plan(week: &[Day; 7], level: Level, goal: Goal, profile: Option<&Profile>) -> [f64; 7] {
    let sessions = week.map(|d| d.session);
    let target = profile.and_then(|p| p.weekly_minutes);
    let n = running_days(&sessions, level, profile);
    let mut minutes = [0.0; 7];
    let mut pool = Vec::new();
    for (d, day) in week.iter().enumerate() {
        match (day.minutes, target) {
            // §2: explicit minutes are kept and count as fixed (§10: also with a profile).
            (Some(m), _) => minutes[d] = m,
            (None, Some(_)) if day.session.is_easy() => {
                let cap = profile.and_then(|p| p.max_minutes[d]);
                pool.push(Slot::new(d, day.session, level, cap));
            }
            (None, _) => minutes[d] = session_minutes(day.session, level, goal, target, n),
        }
    }
    if let Some(t) = target {
        // §10: explicit minutes (and every non-easy day) are subtracted from T* before the
        // easy days share what is left.
        let placed: f64 = minutes.iter().sum();
        for (d, m) in water_fill(t - placed, pool) {
            minutes[d] = m;
        }
    }
    minutes
}

/// The minutes of a session that is not an easy day under water filling: catalog minutes,
/// race minutes by distance, the long run from T*, quality shortened to Daniels' caps.
fn session_minutes(session: Session, level: Level, goal: Goal, target: Option<f64>, n: usize) -> f64 {
    let catalog = session.catalog_minutes(level);
    match (session, target) {
        (Session::Rest, _) => 0.0,
        // §2: race minutes by distance and level, with or without a profile.
        (Session::Race, _) => goal.race_minutes(level),
        // §2: the long run gets clamp(cap(T*, n) x T*, lo, hi); §10: `long_fast` too (its
        // minutes are the long run's).
        (Session::Long | Session::LongFast, Some(t)) => {
            let (lo, hi) = goal.long_run_range(level);
            (share_cap(t, n) * t).clamp(lo, hi)
        }
        (_, Some(t)) => daniels_capped(session, catalog, t),
        // §2/§10: without `weekly_minutes`, catalog minutes and no caps.
        (_, None) => catalog,
    }
}

/// §2 Daniels' caps as §10 reads them: the work minutes (minutes x (z2 + z3)) of tempo stay
/// within 10 % of T*, of intervals and hills within 8 %, of marathon within min(20 %, 110);
/// a session over its cap is cut to exactly `limit / (z2 + z3)`. Other sessions are untouched.
fn daniels_capped(session: Session, minutes: f64, target: f64) -> f64 {
    let limit = match session {
        Session::Tempo => 0.10 * target,
        Session::Intervals | Session::Hills => 0.08 * target,
        Session::Marathon => (0.20 * target).min(110.0),
        _ => return minutes,
    };
    let [_, z2, z3] = session.zones();
    let work = z2 + z3;
    if minutes * work > limit {
        limit / work
    } else {
        minutes
    }
}

/// An easy day in the water-filling pool (§2).
struct Slot {
    day: usize,
    /// Its catalog minutes: the share is in proportion to them.
    weight: f64,
    low: f64,
    top: f64,
}

impl Slot {
    /// §2 bounds: top = the smaller of 90, twice the catalog minutes and the day's cap (and
    /// at most 45 for a recovery run); low = min(20, top).
    fn new(day: usize, session: Session, level: Level, cap: Option<f64>) -> Slot {
        let weight = session.catalog_minutes(level);
        let mut top = (2.0 * weight).min(90.0).min(cap.unwrap_or(f64::INFINITY));
        if session == Session::Recovery {
            top = top.min(45.0);
        }
        Slot {
            day,
            weight,
            low: top.min(20.0),
            top,
        }
    }
}

/// §2 water filling: share `remaining` in proportion to catalog minutes; every day whose
/// share falls outside its bounds is set to the bound and leaves the pool; what is left is
/// shared again among the others, until no share is out of bounds. What cannot be placed
/// stays unplaced (the `volume` component sees it).
///
/// Reading (MODEL.md leaves it open): all the days out of bounds in a round, below and
/// above, are set to their bounds together before the next round.
fn water_fill(mut remaining: f64, mut pool: Vec<Slot>) -> Vec<(usize, f64)> {
    let mut placed = Vec::new();
    while !pool.is_empty() {
        let total: f64 = pool.iter().map(|s| s.weight).sum();
        let shares: Vec<f64> = pool.iter().map(|s| remaining * s.weight / total).collect();
        let before = pool.len();
        let mut inside = Vec::new();
        for (slot, share) in pool.into_iter().zip(shares) {
            if share < slot.low || share > slot.top {
                let bound = if share < slot.low { slot.low } else { slot.top };
                remaining -= bound;
                placed.push((slot.day, bound));
            } else {
                inside.push((slot, share));
            }
        }
        if inside.len() == before {
            // No day out of bounds: the shares stand.
            placed.extend(inside.iter().map(|(slot, share)| (slot.day, *share)));
            break;
        }
        pool = inside.into_iter().map(|(slot, _)| slot).collect();
    }
    placed
}
