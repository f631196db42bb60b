//! Readings of MODEL.md v2 that the 23 vectors do not reach, worked by hand from the text
//! (the arithmetic is in the comments): the minutes rule at its edges, the profile's rest
//! days, the runner's own constraints, and the rhythm's Sunday/Monday charge. They pin the
//! reference where a later comparison with src/ would otherwise have nothing to say.

use crate::reference::catalog::{Goal, Level, Session};
use crate::reference::components::Component;
use crate::reference::profile::{LongRunDay, Profile};
use crate::reference::{Input, Outcome, parse_week, score};

fn run(week: &str, level: Level, goal: Goal, profile: Option<Profile>) -> Outcome {
    let week = parse_week(week).unwrap();
    score(&Input {
        week,
        level,
        goal,
        profile,
    })
}

fn assert_minutes(o: &Outcome, want: [f64; 7]) {
    for d in 0..7 {
        assert!(
            (o.minutes[d] - want[d]).abs() < 1e-9,
            "{:?} != {want:?}",
            o.minutes
        );
    }
}

fn weekly(minutes: f64) -> Profile {
    Profile {
        weekly_minutes: Some(minutes),
        ..Profile::default()
    }
}

#[test]
fn a_small_week_shortens_quality_raises_the_long_run_to_its_floor_and_holds_easy_days_at_twenty() {
    // T* = 150, n = 7 - 2 = 5: the long run is clamp(0.30 x 150 = 45, 75, 135) = 75;
    // intervals work 50 x 0.4 = 20 > 8 % of 150 = 12: 12 / 0.4 = 30 min; tempo 22.5 > 15:
    // 15 / 0.45 = 33.3 min. 150 - 138.3 leaves 5.83 an easy day, below 20: both get 20 and
    // the week has 178.3 min, v = 1.19: `volume` loses all 15 points (§2: "reported as a
    // volume shortfall or excess").
    let profile = Profile {
        min_rest_days: Some(2),
        ..weekly(150.0)
    };
    let o = run(
        "easy,intervals,rest,tempo,easy,rest,long",
        Level::Intermediate,
        Goal::Half,
        Some(profile),
    );
    assert_minutes(&o, [20.0, 30.0, 0.0, 15.0 / 0.45, 20.0, 0.0, 75.0]);
    let t = 20.0 + 30.0 + 15.0 / 0.45 + 20.0 + 75.0;
    assert!((o.metrics.volume_ratio - t / 150.0).abs() < 1e-12);
    assert_eq!(o.lost(Component::Volume), 15.0);
}

#[test]
fn race_and_long_fast_take_no_daniels_cap_and_long_fast_is_back_to_back_with_a_race() {
    // Advanced marathoner, T* = 300, n = 6: long_fast gets the long run's minutes,
    // clamp(0.29 x 300 = 87, 90, 180) = 90; the race its 225 (§2, with or without a
    // profile). 315 > 300: the four easy days sit at their floor of 20.
    let week = "rest,easy,easy,easy,easy,race,long_fast";
    let o = run(week, Level::Advanced, Goal::Marathon, Some(weekly(300.0)));
    assert_minutes(&o, [0.0, 20.0, 20.0, 20.0, 20.0, 225.0, 90.0]);
    // §10: long_fast is quality, so it is back to back with the race the day before; two
    // quality sessions are the advanced default of `hard_sessions`.
    assert_eq!(o.violations, ["back_to_back"]);
    let allowed = Profile {
        allow_back_to_back: true,
        ..weekly(300.0)
    };
    let o = run(week, Level::Advanced, Goal::Marathon, Some(allowed));
    assert!(o.violations.is_empty(), "{:?}", o.violations);
}

#[test]
fn the_profiles_rest_days_count_as_unavailable_for_running_days_and_rhythm() {
    // Monday and Friday must be rest, Thursday is unavailable: 3 unavailable days, so
    // n = 7 - max(1, 3) = 4 and the share cap is 0.40 (§10): the long run is 0.40 x 240 = 96.
    // Tempo work 22.5 <= 24 keeps 50; 240 - 146 = 94 leaves 47 an easy day.
    let mut available = [true; 7];
    available[3] = false;
    let profile = Profile {
        hard_sessions: Some(1),
        available_days: Some(available),
        rest_days: [true, false, false, false, true, false, false],
        ..weekly(240.0)
    };
    let o = run(
        "rest,tempo,easy,rest,rest,easy,long",
        Level::Intermediate,
        Goal::Half,
        Some(profile),
    );
    assert_minutes(&o, [0.0, 50.0, 47.0, 0.0, 0.0, 47.0, 96.0]);
    // Friday's rest follows Thursday's on a day the runner could not have trained, and three
    // rest days are the profile's own: `rhythm` loses nothing; the share is the cap.
    assert_eq!(o.lost(Component::Rhythm), 0.0);
    assert_eq!(o.lost(Component::LongRun), 0.0);
    assert!(o.violations.is_empty(), "{:?}", o.violations);
}

#[test]
fn fixed_avoided_and_capped_days_break_availability() {
    let mut profile = Profile {
        long_run_day: LongRunDay::On(6),
        max_minutes: [Some(30.0), None, None, None, None, None, None],
        ..weekly(300.0)
    };
    profile.fixed[1] = Some(Session::Intervals);
    profile.avoid[3] = vec![Session::Tempo];
    for (week, want) in [
        ("easy,intervals,easy,rest,tempo,easy,long", &[][..]),
        ("easy,hills,easy,rest,tempo,easy,long", &["availability"][..]),
        ("easy,intervals,easy,tempo,rest,easy,long", &["availability"]),
        ("easy:40,intervals,easy,rest,tempo,easy,long", &["availability"]),
        ("easy,intervals,easy,rest,tempo,long,easy", &["long_run"]),
        ("easy,intervals,easy,rest,tempo,long,long", &["long_run"]),
    ] {
        let o = run(week, Level::Intermediate, Goal::Half, Some(profile.clone()));
        assert_eq!(o.violations, want, "{week}");
    }
    // The capped Monday gets 30 when it is an easy day under the minutes rule.
    let o = run(
        "easy,intervals,easy,rest,tempo,easy,long",
        Level::Intermediate,
        Goal::Half,
        Some(profile),
    );
    assert_eq!(o.minutes[0], 30.0);
}

#[test]
fn sunday_and_monday_quality_costs_two_hundredths_unless_long_class() {
    // No profile. Monday's long_fast is long-class: not charged; Tuesday after it is a run
    // other than a recovery run: 0.25; Sunday's tempo: 0.02. Rhythm 0.27 x 10 = 2.7, and the
    // tempo next to the long_fast is back to back (§10).
    let o = run(
        "long_fast,easy,rest,easy,easy,rest,tempo",
        Level::Intermediate,
        Goal::General,
        None,
    );
    assert!((o.lost(Component::Rhythm) - 2.7).abs() < 1e-12);
    assert_eq!(o.violations, ["back_to_back"]);
}
