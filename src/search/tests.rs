//! Unit tests of the search: the walk, the bounded tally and the retry.

use super::*;

/// The bounded search keeps only the best weeks; with a strict `min_distance` the diverse
/// top reads past them and the search runs again. Either way it must give the plans of
/// the whole ranked list.
#[test]
fn keeping_few_weeks_gives_the_plans_of_the_whole_list() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles/intermediate-10k.yaml");
    let profile = crate::profile::Profile::load(&path).expect("an example profile");
    let top = 12;
    let mut retried = 0;
    for min_distance in [2, 4, 5, 6] {
        let problem = Problem::new(&profile).with_min_distance(min_distance);
        let whole = Search {
            keep: usize::MAX / 16,
            ..Search::new(&problem).top(top)
        };
        let few = Search {
            keep: 1,
            ..Search::new(&problem).top(top)
        };
        let expected = whole.run().expect("weeks fit");
        // The first pass keeps 8 x top weeks; count the cases where those alone would
        // give other plans, so that the retry is what makes them right.
        let first = diverse_top(&few.tally(8 * top).best, top, usize::from(min_distance));
        retried += usize::from(first != expected.plans);
        assert_eq!(
            few.run().expect("weeks fit"),
            expected,
            "min_distance {min_distance}"
        );
    }
    assert!(retried > 0, "no case needed the retry");
}

/// A small profile: `days` available, the rest of the week unavailable; the long run on
/// `long_day`, or on any day when it is empty.
fn small_problem(days: &str, hard: u8, min_rest: u8, back_to_back: bool, long_day: &str) -> Problem {
    let mut yaml = format!(
        "name: small\nweekly_minutes: 240\navailable_days: [{days}]\nhard_sessions: {hard}\n\
         min_rest_days: {min_rest}\nallow_back_to_back: {back_to_back}\n"
    );
    if !long_day.is_empty() {
        yaml.push_str("long_run_day: ");
        yaml.push_str(long_day);
        yaml.push('\n');
    }
    Problem::new(&crate::profile::Profile::from_yaml(&yaml, "small").expect("a valid profile"))
}

/// The walk visits exactly the weeks of the space with `hard` quality sessions, one long
/// run (none with `long_run_day: none`), at least `min_rest` rest days and, unless allowed, no two quality days in a row
/// (Sunday to Monday included: the week repeats). Brute force over the space decides it
/// here from those rules, counting with the catalog's classes only.
#[test]
fn the_walk_visits_exactly_the_weeks_that_meet_the_counts() {
    let cases = [
        ("tue, thu, sat, sun", 2, 1, false, "sun"),
        ("mon, tue, wed, sun", 2, 2, false, ""),
        ("mon, tue, wed, sat, sun", 2, 2, true, "sat"),
        ("mon, wed, thu, sun", 1, 4, false, "none"),
        ("mon, tue, thu, fri, sun", 3, 2, false, ""),
    ];
    let mut checked = 0;
    for (days, hard, min_rest, back_to_back, long_day) in cases {
        let problem = small_problem(days, hard, min_rest, back_to_back, long_day);
        let mut walked = par_visit(
            &problem,
            Vec::new,
            |v: &mut Vec<[Session; 7]>, w| v.push(*w),
            |mut a, b| {
                a.extend(b);
                a
            },
        );
        walked.sort_unstable();
        let space = Space::of(&problem);
        let mut expected = Vec::new();
        for i in 0..space.size() {
            let mut rest = i;
            let week: [Session; 7] = std::array::from_fn(|d| {
                let o = &space.options[d];
                let s = o[usize::try_from(rest % o.len() as u64).expect("small")];
                rest /= o.len() as u64;
                s
            });
            let quality = |d: usize| week[d].is_quality();
            let long_runs = usize::from(long_day != "none");
            let in_a_row = (0..7).any(|d| quality(d) && quality((d + 1) % 7));
            if week.iter().filter(|s| s.is_quality()).count() == usize::from(hard)
                && week.iter().filter(|s| s.is_long()).count() == long_runs
                && week.iter().filter(|&&s| s == Session::Rest).count() >= usize::from(min_rest)
                && (back_to_back || !in_a_row)
            {
                expected.push(week);
            }
        }
        expected.sort_unstable();
        assert!(!expected.is_empty(), "{days}: no week meets the counts");
        checked += expected.len();
        assert_eq!(
            walked.len(),
            expected.len(),
            "{days}, {hard} hard, {min_rest} rest"
        );
        assert!(walked == expected, "{days}: the walk visits other weeks");
    }
    assert!(checked > 1000, "only {checked} weeks checked");
}

fn ranked_at(score: f64) -> Candidate {
    Candidate {
        sessions: [Session::Rest; 7],
        score,
        volume_gap: 0.0,
        peak_fatigue_ratio: 1.0,
        repeatable: true,
    }
}

/// The tally holds the best `keep` weeks whatever the order they come in and however many,
/// never more than twice `keep` (memory does not grow with the space), and a final trim
/// leaves exactly those.
#[test]
fn the_tally_keeps_the_best_weeks_whatever_their_order() {
    for keep in [1, 2, 7, 16] {
        for n in [keep, keep + 1, keep + 2, 2 * keep + 1, 10 * keep + 3, 301] {
            let mut tally = Tally::new(keep);
            // Scores 0..n in a scrambled order (37 is prime to every n here but 37 * k).
            let step = if n % 37 == 0 { 41 } else { 37 };
            for i in 0..n {
                tally.push(ranked_at(((i * step) % n) as f64));
                assert!(tally.best.len() < 2 * keep, "the tally grows past 2 x {keep}");
            }
            tally.trim();
            let mut kept: Vec<f64> = tally.best.iter().map(|c| c.score).collect();
            kept.sort_by(|a, b| b.total_cmp(a));
            let want: Vec<f64> = (0..n).rev().take(keep).map(|s| s as f64).collect();
            assert_eq!(kept, want, "keep {keep} of {n}");
        }
    }
}

/// Merging the tallies of the parallel parts keeps the bound and the best weeks.
#[test]
fn merged_tallies_keep_the_best_weeks_within_the_bound() {
    let keep = 5;
    let parts: Vec<Tally> = (0..40)
        .map(|p| {
            let mut t = Tally::new(keep);
            for i in 0..9 {
                t.push(ranked_at(f64::from(i * 40 + p)));
            }
            t
        })
        .collect();
    let mut merged = Tally::new(keep);
    for part in parts {
        merged = merged.merge(part);
        assert!(
            merged.best.len() < 2 * keep,
            "the merged tally grows past 2 x {keep}"
        );
    }
    merged.trim();
    let mut kept: Vec<f64> = merged.best.iter().map(|c| c.score).collect();
    kept.sort_by(|a, b| b.total_cmp(a));
    assert_eq!(kept, [359.0, 358.0, 357.0, 356.0, 355.0]);
}
