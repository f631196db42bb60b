//! MODEL.md v2 §6: the hard constraints. The first four are the runner's own and apply only
//! with a profile; the last three are structural and always apply. Each broken constraint is
//! reported once, by its id, in the order of §6's table (the vectors list them so, and the
//! score costs 15 points for each).

use super::Case;
use super::catalog::Session;
use super::metrics::Metrics;
use super::profile::{LongRunDay, Profile};

/// §6 `easy_floor`: z1 >= 0.60, a share within 1e-9 under it counting as at it.
pub const EASY_FLOOR: f64 = 0.60;

/// The ids of the broken constraints, in §6's order.
pub fn violations(case: &Case, m: &Metrics) -> Vec<&'static str> {
    let mut broken = Vec::new();
    if let Some(p) = case.profile {
        let runner = [
            ("availability", availability(case, p)),
            ("hard_sessions", m.quality_sessions == p.hard_sessions(case.level)),
            ("long_run", long_run(case, p)),
            ("rest_days", m.rest_days >= p.min_rest_days(case.level)),
        ];
        broken.extend(runner.iter().filter(|(_, kept)| !kept).map(|(id, _)| *id));
    }
    let allow_back_to_back = case.profile.is_some_and(|p| p.allow_back_to_back);
    let structural = [
        ("back_to_back", allow_back_to_back || !back_to_back(case)),
        ("long_run_cap", long_run_cap(case)),
        // §4: a week without training minutes is not judged by `easy_floor`.
        ("easy_floor", m.minutes == 0.0 || m.z1 >= EASY_FLOOR - 1e-9),
    ];
    broken.extend(structural.iter().filter(|(_, kept)| !kept).map(|(id, _)| *id));
    broken
}

/// `availability`: no session on an unavailable day (§10: the profile's `rest_days` are
/// unavailable), fixed sessions kept, per-day caps held.
///
/// Readings: a cap binds every session on its day (§10 names quality and long sessions;
/// easy days stay within it by the minutes rule unless given explicit minutes), and a session
/// that the profile's `avoid` lists for its day breaks `availability` too (CLI.md's `avoid`,
/// "sessions not wanted on a day"; MODEL.md does not name it).
fn availability(case: &Case, p: &Profile) -> bool {
    let trainable = p.trainable();
    (0..7).all(|d| {
        let s = case.sessions[d];
        let on_free_day = s == Session::Rest || trainable[d];
        let fixed_kept = p.fixed[d].is_none_or(|f| f == s);
        let not_avoided = !p.avoid[d].contains(&s);
        let within_cap = p.max_minutes[d].is_none_or(|cap| case.minutes[d] <= cap);
        on_free_day && fixed_kept && not_avoided && within_cap
    })
}

/// `long_run`: exactly one long run (a long-class session: `long` or `long_fast`), on
/// `long_run_day` when given; none with `long_run_day: none`.
fn long_run(case: &Case, p: &Profile) -> bool {
    let long_days: Vec<usize> = (0..7).filter(|&d| case.sessions[d].is_long()).collect();
    match p.long_run_day {
        LongRunDay::Any => long_days.len() == 1,
        LongRunDay::On(day) => long_days == [day],
        LongRunDay::NoLongRun => long_days.is_empty(),
    }
}

/// `back_to_back`: two quality sessions on adjacent days, around the week (§10: `long_fast`
/// is quality; only a plain `long` run is exempt).
fn back_to_back(case: &Case) -> bool {
    (0..7).any(|d| case.sessions[d].is_quality() && case.sessions[(d + 1) % 7].is_quality())
}

/// `long_run_cap`: every long-class session within the goal's cap for the level.
fn long_run_cap(case: &Case) -> bool {
    let cap = case.goal.long_run_cap(case.level);
    (0..7).all(|d| !case.sessions[d].is_long() || case.minutes[d] <= cap)
}
