//! Unit tests of the block search's per-week candidates.

use super::*;
use std::collections::BTreeSet;

fn problem(yaml: &str) -> Problem {
    Problem::new(&crate::profile::Profile::from_yaml(yaml, "candidates").expect("a valid profile"))
}

/// What `candidates` must keep at one factor, checked from its contract rather than its
/// loop: `per_week` weeks (or every valid one), none with a violation, as many mixes of
/// hard-session types as there are (up to `per_week`), each mix by its best week, the
/// mixes with the best weeks first, and the rest of the places to the best weeks left.
fn check_selection(p: &Problem, structures: &[[Session; 7]], per_week: usize) -> (usize, usize) {
    let judge = block_scorer(p, 1.0, None);
    let mut valid: Vec<ScoredWeek> = structures
        .iter()
        .filter_map(|s| {
            let (loads, a) = judge.assess(&WeekSpec::from_sessions(*s));
            a.violations
                .is_empty()
                .then(|| ScoredWeek::new(1.0, &loads, a.score))
        })
        .collect();
    valid.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.sessions.cmp(&y.sessions)));
    let kept = candidates(p, structures, &[1.0], per_week, (None, None));
    assert_eq!(kept.len(), per_week.min(valid.len()), "per_week {per_week}");
    for c in &kept {
        assert!(
            valid.contains(c),
            "kept a week with a violation: {:?}",
            c.sessions
        );
    }
    let mixes: BTreeSet<u16> = valid.iter().map(|c| c.quality).collect();
    let kept_mixes: BTreeSet<u16> = kept.iter().map(|c| c.quality).collect();
    assert_eq!(kept_mixes.len(), mixes.len().min(per_week), "per_week {per_week}");
    // The best week of a mix stands for it.
    let best_of = |m: u16| valid.iter().find(|c| c.quality == m).expect("a week of the mix");
    for &m in &kept_mixes {
        assert!(kept.contains(best_of(m)), "mix {m:#b} kept without its best week");
    }
    // The mixes kept are those whose best weeks score highest.
    let worst_kept = kept_mixes
        .iter()
        .map(|&m| best_of(m).score)
        .fold(f64::INFINITY, f64::min);
    for &m in mixes.difference(&kept_mixes) {
        assert!(
            best_of(m).score <= worst_kept,
            "mix {m:#b} left out for a worse one"
        );
    }
    // The other places go to the best weeks left.
    let firsts: Vec<&ScoredWeek> = kept_mixes.iter().map(|&m| best_of(m)).collect();
    let others = valid.iter().filter(|c| !firsts.contains(c));
    let worst_other = kept
        .iter()
        .filter(|c| !firsts.contains(c))
        .map(|c| c.score)
        .fold(f64::INFINITY, f64::min);
    for c in others.filter(|c| !kept.contains(c)) {
        assert!(
            c.score <= worst_other,
            "{:?} left out for a worse week",
            c.sessions
        );
    }
    (valid.len(), mixes.len())
}

/// Fewer places than mixes, more places than mixes, and more places than weeks.
#[test]
fn each_week_keeps_the_best_of_each_mix_then_the_best_left() {
    let p = problem("weekly_minutes: 300\ncurrent_weekly_minutes: 300\n");
    let outcome = Search::new(&p).top(1000).run().expect("weeks fit");
    let structures: Vec<[Session; 7]> = outcome.plans.iter().map(|c| c.sessions).collect();
    let (valid, mixes) = check_selection(&p, &structures, 2);
    assert!(mixes > 2, "the case needs more mixes than places ({mixes})");
    let (_, mixes) = check_selection(&p, &structures, mixes + 3);
    assert!(
        valid > mixes + 3,
        "the case needs more weeks than places ({valid})"
    );
    check_selection(&p, &structures, valid + 5);
}
