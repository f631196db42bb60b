//! MODEL.md v2 §5, the components made of rules ("P summed, then clamped"): `specificity`,
//! `sessions` and `rhythm`, as §10 reads them. The caller clamps.

use super::Case;
use super::catalog::{Goal, Session};

const MON: usize = 0;
const SUN: usize = 6;

/// The day after `day`, around the week (§10: Sunday to Monday too).
fn next(day: usize) -> usize {
    (day + 1) % 7
}

/// The day before `day`, around the week.
fn previous(day: usize) -> usize {
    (day + 6) % 7
}

fn count(case: &Case, session: Session) -> usize {
    case.sessions.iter().filter(|&&s| s == session).count()
}

/// 0.25 for each one beyond `allowed`.
fn beyond(n: usize, allowed: usize, cost: f64) -> f64 {
    cost * n.saturating_sub(allowed) as f64
}

/// §5 specificity table: the goal's 1st and 2nd requirements and its off-goal sessions.
fn requirements(goal: Goal) -> (Option<Session>, Option<Session>, &'static [Session]) {
    const OFF_SHORT: &[Session] = &[Session::Marathon, Session::LongFast];
    match goal {
        Goal::FiveK => (Some(Session::Intervals), Some(Session::Hills), OFF_SHORT),
        Goal::TenK => (Some(Session::Tempo), Some(Session::Intervals), OFF_SHORT),
        Goal::Half => (Some(Session::Tempo), Some(Session::LongFast), &[]),
        Goal::Marathon => (Some(Session::Marathon), Some(Session::Tempo), &[]),
        Goal::General => (None, None, &[]),
    }
}

/// `specificity`: requirement k applies when the week has at least k quality sessions
/// (§10: every quality session counts, `long_fast` and `race` included) and is met by a
/// session of its type anywhere in the week; the 1st costs 0.5 if missing, the 2nd 0.25;
/// 0.5 for each off-goal session; 0.25 for each extra session of the same midweek workout
/// type (tempo, intervals, hills, marathon), on any day.
pub fn specificity(case: &Case) -> f64 {
    let quality = case.sessions.iter().filter(|s| s.is_quality()).count();
    let (first, second, off_goal) = requirements(case.goal);
    let missing = |need: Option<Session>, k: usize| need.is_some_and(|s| quality >= k && count(case, s) == 0);
    let mut p = 0.0;
    if missing(first, 1) {
        p += 0.5;
    }
    if missing(second, 2) {
        p += 0.25;
    }
    p += off_goal.iter().map(|&s| 0.5 * count(case, s) as f64).sum::<f64>();
    let workouts = [
        Session::Tempo,
        Session::Intervals,
        Session::Hills,
        Session::Marathon,
    ];
    p + workouts
        .iter()
        .map(|&s| beyond(count(case, s), 1, 0.25))
        .sum::<f64>()
}

/// `sessions`: 0.25 for each strides day beyond two; 0.25 for each recovery run that does not
/// follow a key day (around the week) and 0.25 for each one longer than 45 minutes; each
/// moderate run 0.25 for 5k, 10k and half, and for marathon and general the first 0.10 and
/// each further one 0.25; 0.25 for each cross-training day beyond two.
pub fn sessions(case: &Case) -> f64 {
    let mut p = beyond(count(case, Session::Strides), 2, 0.25);
    p += beyond(count(case, Session::Cross), 2, 0.25);
    for d in (0..7).filter(|&d| case.sessions[d] == Session::Recovery) {
        if !case.sessions[previous(d)].is_key() {
            p += 0.25;
        }
        if case.minutes[d] > 45.0 {
            p += 0.25;
        }
    }
    let moderate = count(case, Session::Moderate);
    p + match case.goal {
        Goal::FiveK | Goal::TenK | Goal::Half => beyond(moderate, 0, 0.25),
        Goal::Marathon | Goal::General if moderate > 0 => 0.10 + beyond(moderate, 1, 0.25),
        Goal::Marathon | Goal::General => 0.0,
    }
}

/// `rhythm`: 0.5 for each rest day that follows another rest day (around the week) on a
/// day the runner could have trained (§10: available and not in `rest_days`; without a
/// profile, every day); with a profile only, 0.5 for each rest day beyond
/// `max(min_rest_days, unavailable days)`; for each long-class session (§10), the day after
/// it costs 0.25 when it is a run other than a recovery run, 0.10 when it is a recovery run,
/// 0 when it is rest or cross-training; 0.02 for each quality session that is not long-class
/// on a Sunday or Monday.
pub fn rhythm(case: &Case) -> f64 {
    let s = &case.sessions;
    let trainable = case.profile.map_or([true; 7], super::profile::Profile::trainable);
    let stacked = (0..7)
        .filter(|&d| s[d] == Session::Rest && s[previous(d)] == Session::Rest && trainable[d])
        .count();
    let mut p = 0.5 * stacked as f64;
    if let Some(profile) = case.profile {
        let rest = s.iter().filter(|&&x| x == Session::Rest).count();
        p += beyond(rest, profile.usual_rest_days(case.level), 0.5);
    }
    for d in (0..7).filter(|&d| s[d].is_long()) {
        p += match s[next(d)] {
            Session::Rest | Session::Cross => 0.0,
            Session::Recovery => 0.10,
            _ => 0.25,
        };
    }
    let weekend_quality = [SUN, MON]
        .iter()
        .filter(|&&d| s[d].is_quality() && !s[d].is_long())
        .count();
    p + 0.02 * weekend_quality as f64
}
