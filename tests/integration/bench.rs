//! `bench` scores every week exactly as the model says: its checksum over a subspace equals
//! the sum of the scores the independent reference implementation of the model
//! (tests/integration/reference, written from the model document alone) gives the same
//! weeks, and its best week is the best the reference finds.

use weekwright::catalog::{Goal, Level, Session};
use weekwright::search::exhaustive::score_space;
use weekwright::week::WeekSpec;

use crate::reference;

use crate::support::weekwright;

/// Every week over `ids`, Monday slowest, as `score` without a profile scores it.
fn scores_of(ids: &[Session], level: Level, goal: Goal) -> Vec<([Session; 7], f64)> {
    let n = ids.len();
    let weeks = n.pow(7);
    (0..weeks)
        .map(|mut k| {
            let mut week = [Session::Rest; 7];
            for d in (0..7).rev() {
                week[d] = ids[k % n];
                k /= n;
            }
            let text: Vec<&str> = week.iter().map(|s| s.id()).collect();
            let input = reference::Input {
                week: reference::parse_week(&text.join(",")).expect("a week"),
                level: reference::catalog::Level::parse(level.id()).expect("a level"),
                goal: reference::catalog::Goal::parse(goal.id()).expect("a goal"),
                profile: None,
            };
            (week, reference::score(&input).score)
        })
        .collect()
}

fn check(ids: &[Session], level: Level, goal: Goal) {
    let scored = scores_of(ids, level, goal);
    let sum: f64 = scored.iter().map(|(_, s)| s).sum();
    let space = score_space(ids, level, goal);
    assert_eq!(space.weeks, scored.len() as u64);
    let rel = (space.checksum - sum).abs() / sum.abs().max(1.0);
    assert!(
        rel <= 1e-9,
        "checksum {} vs summed score {sum} (relative {rel:e})",
        space.checksum
    );
    let best = scored.iter().map(|(_, s)| *s).fold(f64::NEG_INFINITY, f64::max);
    assert!(
        (space.best_score - best).abs() < 1e-9,
        "best {} vs {best}",
        space.best_score
    );
    let first_best = scored.iter().find(|(_, s)| *s == best).map(|(w, _)| *w);
    assert_eq!(
        Some(space.best),
        first_best,
        "ties go to the first week in enumeration order"
    );
}

#[test]
fn the_checksum_is_the_sum_of_score_over_four_sessions() {
    use Session::{Easy, Intervals, Long, Rest};
    check(&[Rest, Easy, Intervals, Long], Level::Intermediate, Goal::Half);
}

#[test]
fn the_checksum_is_the_sum_of_score_with_every_kind_of_key_day() {
    // Five ids: not a multiple of the lane width, so padded lanes must not count.
    use Session::{Cross, Hills, LongFast, Moderate, Tempo};
    check(
        &[Moderate, Tempo, Hills, LongFast, Cross],
        Level::Beginner,
        Goal::TenK,
    );
}

#[test]
fn the_checksum_counts_a_race_at_its_distance_and_every_rule_of_the_week() {
    // A race lasts the goal's minutes for the level (a marathon: 270 for an intermediate),
    // and recovery runs, strides and marathon pace meet the session and rhythm rules.
    use Session::{Marathon, Race, Recovery, Rest, Strides};
    check(
        &[Rest, Recovery, Strides, Marathon, Race],
        Level::Intermediate,
        Goal::Marathon,
    );
}

#[test]
fn bench_prints_the_checksum_of_the_subspace() {
    let v = weekwright(&[
        "bench",
        "--sessions",
        "rest,easy,intervals,long",
        "--threads",
        "2",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    assert_eq!(v["weeks"], 16_384);
    assert_eq!(v["threads"], 2);
    let space = score_space(
        &[Session::Rest, Session::Easy, Session::Intervals, Session::Long],
        Level::Intermediate,
        Goal::Half,
    );
    let checksum = v["checksum"].as_f64().expect("checksum");
    assert!((checksum - space.checksum).abs() <= 1e-9 * space.checksum);
    let best: WeekSpec = v["best"].as_str().expect("best").parse().expect("a WEEK");
    assert_eq!(best.sessions(), space.best);
    for key in ["seconds", "ns_per_week", "weeks_per_second"] {
        assert!(
            v[key].as_f64().is_some_and(|x| x > 0.0),
            "{key} is a positive number"
        );
    }
}

#[test]
fn of_weeks_tied_at_the_top_the_first_in_enumeration_order_is_the_best() {
    // An easy day and a cross-training day load a week alike, so swapping them ties: the
    // reference must find the top shared by several weeks, or this test tests nothing.
    use Session::{Cross, Easy, Long, Rest};
    let ids = [Rest, Easy, Cross, Long];
    let scored = scores_of(&ids, Level::Intermediate, Goal::General);
    let best = scored.iter().map(|(_, s)| *s).fold(f64::NEG_INFINITY, f64::max);
    let tied = scored.iter().filter(|(_, s)| *s == best).count();
    assert!(tied >= 2, "no tie at the top ({tied})");
    check(&ids, Level::Intermediate, Goal::General);
}
