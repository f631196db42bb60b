//! The pool of week structures a block draws on (docs/model.md section 9 and
//! `block::Pool`): the volume levels it is searched at, and what each level adds.

use crate::block_objective::{RACE, calendar};
use weekwright::block::{Phase, Pool, Settings, template};
use weekwright::problem::Problem;
use weekwright::search::Search;

/// The levels are the profile's own volume (1.0, first) and every week's nominal factor
/// (the template's, race week aside) on a grid of 0.25, each once.
#[test]
fn the_levels_are_the_profiles_volume_and_every_weeks_factor_on_a_quarter_grid() {
    let p = Problem::builtin();
    let cal = calendar(RACE);
    let levels = Pool::levels(&p, &cal);
    assert_eq!(levels.first(), Some(&1.0), "{levels:?}");
    for (i, l) in levels.iter().enumerate() {
        assert!(
            *l >= 0.25 && (l * 4.0 - (l * 4.0).round()).abs() < 1e-12,
            "{l} is not on the grid"
        );
        assert!(
            levels[..i].iter().all(|m| (m - l).abs() > 1e-9),
            "{l} twice in {levels:?}"
        );
    }
    let pool = Pool::search(&p, &[1.0], 1).expect("weeks fit");
    let plain = template(&p, &pool, &cal, &Settings::default()).expect("a template");
    let mut deload_levels = 0;
    for w in plain.weeks.iter().filter(|w| w.phase != Phase::Race) {
        let level = (w.factor * 4.0).round() / 4.0;
        assert!(
            levels.iter().any(|l| (l - level).abs() < 1e-9),
            "week {} at {}: {level} missing from {levels:?}",
            w.week,
            w.factor
        );
        deload_levels += usize::from(level < 1.0);
    }
    assert!(deload_levels > 0, "no week below the profile's volume");
}

/// Each level adds its best weeks that the levels before did not have: the pool holds the
/// engine's top weeks at every level, once each.
#[test]
fn the_pool_holds_the_best_weeks_of_every_level_once() {
    let p = Problem::builtin();
    let (size, levels) = (6, [1.0, 0.5, 0.75, 1.25]);
    let pool = Pool::search(&p, &levels, size).expect("weeks fit");
    let distinct = p.clone().with_min_distance(0);
    for level in levels {
        let top = Search::new(&distinct)
            .factor(level)
            .top(size)
            .run()
            .expect("weeks fit");
        for c in &top.plans {
            assert!(
                pool.weeks.contains(&c.sessions),
                "a top week at {level} is missing: {:?}",
                c.sessions
            );
        }
    }
    for (i, w) in pool.weeks.iter().enumerate() {
        assert!(!pool.weeks[..i].contains(w), "{w:?} twice");
    }
    assert!(pool.weeks.len() > size, "the other levels add no week");
}
