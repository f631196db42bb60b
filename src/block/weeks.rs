//! The problems of a block's special weeks, as edits on the runner's problem: the race
//! week, the week before a Monday or Tuesday race, and the taper's shortened sessions.

use crate::catalog::Session;
use crate::minutes::EASY_MIN;
use crate::model::LongRunRule;
use crate::problem::Problem;
use crate::week::Day;

/// The key sessions (quality and long runs) as a mask of the profile's `avoid` lists.
fn key_sessions() -> u16 {
    Session::ALL
        .iter()
        .filter(|s| s.is_key())
        .fold(0, |m, s| m | (1 << s.index()))
}

/// The race week's problem: `race` on race day, no long run (the race is the week's
/// key session), and the race counted among the hard sessions. After a race from Wednesday
/// on the week rests; after a Monday or Tuesday race it runs easy. The week is run once:
/// it is not asked to be repeatable, and the race's hard minutes (a half marathon is 135 of
/// an intermediate's race week) do not break the easy floor.
pub(super) fn race_week_problem(problem: &Problem, race_day: usize) -> Problem {
    let race = Day::ALL[race_day];
    let mut p = problem
        .clone()
        .run_once()
        .with_min_distance(0)
        .with_fixed(race, Some(Session::Race))
        .with_available(race, true)
        .without_avoid_on(race)
        .without_cap_on(race)
        .with_long_run(LongRunRule::Never);
    // After a race from Wednesday on, the week rests. A Monday or Tuesday race leaves a
    // week of nothing but the race, too little easy running for the model's easy floor;
    // there the days after it take easy recovery runs (no hard session, no long run).
    for &day in &Day::ALL[race_day + 1..] {
        p = p.with_fixed(day, None);
        p = if race_day >= 2 {
            p.with_available(day, false)
        } else {
            p.avoiding(day, key_sessions())
        };
    }
    // A fixed hard session too close before the race gives way: the race needs the days
    // before it easy (at least 2; docs/model.md section 6), club night or not.
    for &day in &Day::ALL[..race_day] {
        if problem.rules.fixed[day.index()].is_some_and(Session::is_quality) && race_day - day.index() < 3 {
            p = p.with_fixed(day, None);
        }
    }
    // The race is one hard session. One more fits only if it can stand 2 days before the
    // race without leaning on Monday, the day after the last week's long run: a race from
    // Thursday on.
    let room = if race_day >= 3 { 2 } else { 1 };
    let hard = problem.rules.hard_sessions.clamp(1, room);
    p.with_hard_sessions(hard)
}

/// The problem of a race week at factor `g` of a block peaking at factor `peak`: its
/// quality sessions shortened with the volume, never below half their length or 20
/// minutes (docs/model.md, "Blocks": quality kept but shortened; Bosquet 2007: keep the
/// intensity, cut the volume). The race is the race's length. (A taper week is its build
/// week scaled, every session alike.)
pub(super) fn tapered(problem: &Problem, g: f64, peak: f64) -> Problem {
    // A race week's factor holds the race on top of its running: the running's share of
    // the peak is what the quality follows.
    let race = if problem.rules.fixed.contains(&Some(Session::Race)) {
        problem.catalog.race_minutes(problem.goal, problem.level) / problem.weekly_minutes
    } else {
        0.0
    };
    let scale = ((g - race) / peak).clamp(0.5, 1.0);
    Session::ALL
        .into_iter()
        .filter(|s| s.is_quality() && !s.is_long() && *s != Session::Race)
        .fold(problem.clone(), |p, s| {
            let m = (problem.catalog.minutes(s, problem.level) * scale).max(EASY_MIN);
            p.with_session_minutes(s, m)
        })
}

/// The problem of the week before a race on `race_day` (Monday or Tuesday): no key session
/// on the Sunday, and the long run on any day the runner can train.
pub(super) fn pre_race_problem(problem: &Problem, race_day: usize) -> Problem {
    let mut p = problem
        .clone()
        .with_min_distance(0)
        .avoiding(Day::SUN, key_sessions());
    if problem.rules.fixed[Day::SUN.index()].is_some_and(Session::is_key) {
        p = p.with_fixed(Day::SUN, None);
    }
    if race_day == 1 {
        // Saturday's key session would be three days before a Tuesday race: fine for a
        // long run or tempo, not for intervals or hills the runner still feels.
        p = p.avoiding(
            Day::SAT,
            (1 << Session::Intervals.index()) | (1 << Session::Hills.index()),
        );
    }
    if let LongRunRule::On(_) = problem.rules.long_run {
        p = p.with_long_run(LongRunRule::Any);
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key sessions as docs/model.md section 2 lists them: the quality sessions and the
    /// long runs.
    const KEY: [&str; 7] = [
        "tempo",
        "intervals",
        "hills",
        "marathon",
        "long",
        "long_fast",
        "race",
    ];

    /// Before a Monday or Tuesday race no key session may fall on the Sunday; after a Monday
    /// race the days run easy. Every other session stays allowed there.
    #[test]
    fn the_sunday_before_and_the_days_after_an_early_race_take_no_key_session() {
        let profile =
            crate::profile::Profile::from_yaml("weekly_minutes: 300\n", "weeks").expect("a profile");
        let p = Problem::new(&profile);
        let before = pre_race_problem(&p, 0);
        let race = race_week_problem(&p, 0);
        let mut keys = 0;
        for s in Session::ALL {
            let key = KEY.contains(&s.id());
            keys += usize::from(key);
            assert_eq!(
                before.rules.allows(Day::SUN.index(), s),
                !key,
                "{} on the Sunday",
                s.id()
            );
            for day in 1..7 {
                assert_eq!(
                    race.rules.allows(day, s),
                    !key,
                    "{} on day {day} after the race",
                    s.id()
                );
            }
        }
        assert_eq!(keys, KEY.len(), "a key session the catalog does not have");
    }

    /// A fixed hard session gives way in the race week when it is less than 3 days before
    /// the race (docs/model.md section 6: the race needs the 2 days before it easy); from 3
    /// days on it stays, and a fixed easy day stays whatever its distance. Race on Saturday.
    #[test]
    fn a_fixed_hard_session_gives_way_only_within_two_days_of_the_race() {
        // (The day by index: Wednesday 2, Thursday 3, Friday 4.)
        for (fixed, day, kept) in [
            ("{wed: tempo}", 2, true),
            ("{thu: tempo}", 3, false),
            ("{fri: intervals}", 4, false),
            ("{thu: easy}", 3, true),
            ("{wed: hills, fri: easy}", 4, true),
        ] {
            let yaml = format!("weekly_minutes: 300\nfixed: {fixed}\n");
            let profile = crate::profile::Profile::from_yaml(&yaml, "weeks").expect("a profile");
            let p = Problem::new(&profile);
            let before = p.rules.fixed[day];
            assert!(before.is_some(), "{fixed}");
            let race = race_week_problem(&p, Day::SAT.index());
            let want = if kept { before } else { None };
            assert_eq!(race.rules.fixed[day], want, "{fixed}");
        }
    }

    /// Before a Tuesday race, Saturday (three days out) takes no intervals or hills, which
    /// the runner still feels on race day, but may take a tempo or the long run
    /// (docs/model.md section 9).
    #[test]
    fn the_saturday_before_a_tuesday_race_takes_no_intervals_or_hills() {
        let profile =
            crate::profile::Profile::from_yaml("weekly_minutes: 300\n", "weeks").expect("a profile");
        let p = Problem::new(&profile);
        let sat = Day::SAT.index();
        let rules = pre_race_problem(&p, 1).rules;
        for s in [Session::Intervals, Session::Hills] {
            assert!(!rules.allows(sat, s), "{} on the Saturday", s.id());
        }
        for s in [Session::Tempo, Session::Long, Session::Easy] {
            assert!(rules.allows(sat, s), "{} on the Saturday", s.id());
        }
    }
}
