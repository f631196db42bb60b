//! Coach weeks as a test set (issue 8, item 7): 360 published weeks of Pfitzinger, Higdon and
//! couch-to-5k plans (tests/data/coach-weeks.txt, a copy of shared/calibration), 261 of them
//! ordinary training weeks. Scored with its own minutes, level and goal, a coach's week
//! should not be `unbalanced`: MODEL.md v2 says none is (v1: 92.0 %), and the product must
//! hold at least 95 %. The reference implementation of v2 (tests/integration/reference, no
//! code of the product) scores the same weeks, which checks how the file is read.
//!
//! In-sample: MODEL.md v2 was calibrated on these weeks, so passing says the product agrees
//! with its calibration, not that it generalises to other coaches.

mod parse;

use std::fmt::Write as _;

use parse::{CoachWeek, Goal, Level};
use serde_json::Value;

use crate::reference;
use crate::support::data;

/// The share of ordinary coach weeks that must not be `unbalanced` (issue 8).
const NOT_UNBALANCED_AT_LEAST: f64 = 0.95;

/// How many of the lowest-scoring unbalanced weeks a failure prints.
const WORST_SHOWN: usize = 12;

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Every week of the file, read by [`parse`].
fn coach_weeks() -> Vec<CoachWeek> {
    let text = std::fs::read_to_string(data("coach-weeks.txt")).expect("tests/data/coach-weeks.txt");
    parse::parse(&text).unwrap_or_else(|e| panic!("coach-weeks.txt: {e}"))
}

/// The 261 ordinary training weeks.
fn ordinary_weeks() -> Vec<CoachWeek> {
    coach_weeks()
        .into_iter()
        .filter(CoachWeek::is_ordinary_training_week)
        .collect()
}

/// The coach's long-run day, `none` without a long run.
fn long_run_day(w: &CoachWeek) -> &'static str {
    match w.long_days().as_slice() {
        [] => "none",
        [d] => DAYS[*d],
        _ => panic!("{}: more than one long run", w.label()),
    }
}

/// The coach's week as a profile: its own minutes, level and goal, and the coach's own
/// constraints (hard sessions, long-run day, rest days, back-to-back quality,
/// cross-training), so that the runner's constraints hold and only the week is judged.
/// With `pinned`, every day is also `fixed` to the coach's session: the week keeps them, so
/// nothing in its score changes (MODEL.md §6 `availability`,
/// [`pinning_every_day_changes_nothing_in_a_coach_weeks_score`]), but the percentile that
/// `score` adds, a search of every week the profile allows, then has one week to rank
/// instead of millions (about 0.9 s a week in a debug build).
fn profile_yaml(w: &CoachWeek, pinned: bool) -> String {
    let minutes: u32 = w.minutes().iter().sum();
    let mut yaml = format!(
        "name: {plan} {week}\nlevel: {level}\ngoal: {goal}\nweekly_minutes: {minutes}\n\
         hard_sessions: {hard}\nlong_run_day: {long}\nmin_rest_days: {rest}\n\
         allow_back_to_back: {b2b}\ncross_training: {cross}\n",
        plan = w.plan,
        week = w.week,
        level = w.level.id(),
        goal = w.goal.id(),
        hard = w.quality_sessions(),
        long = long_run_day(w),
        rest = w.rest_days(),
        b2b = w.has_back_to_back(),
        cross = w.has_cross(),
    );
    if pinned {
        let fixed: Vec<String> = (0..7)
            .map(|d| format!("{}: {}", DAYS[d], w.days[d].session))
            .collect();
        let _ = writeln!(yaml, "fixed: {{{}}}", fixed.join(", "));
    }
    yaml
}

/// One week's verdict, score and violations, whoever scored it.
struct Judged {
    label: String,
    week: String,
    verdict: String,
    score: f64,
    /// Each violation's id and sentence.
    violations: Vec<String>,
    /// The components that lost points: `id -lost`.
    lost: Vec<String>,
}

/// The product's report of the week, through the library's `score` (what `weekwright score
/// --profile P --week W --format json` prints).
fn product_report(w: &CoachWeek, pinned: bool) -> Value {
    let yaml = profile_yaml(w, pinned);
    let profile = weekwright::Profile::from_yaml(&yaml, &w.label())
        .unwrap_or_else(|e| panic!("{}: {e}\n{yaml}", w.label()));
    let week: weekwright::WeekSpec = w
        .week_string()
        .parse()
        .unwrap_or_else(|e| panic!("{}: {e}", w.label()));
    let out = weekwright::score(&weekwright::Problem::new(&profile), &week);
    serde_json::to_value(out).expect("a report serialises")
}

/// The product's judgement, read from the report's keys of CLI.md rather than its types.
fn product(w: &CoachWeek) -> Judged {
    let out = product_report(w, true);
    let list = |key: &str| {
        out[key]
            .as_array()
            .unwrap_or_else(|| panic!("no {key} in {out}"))
            .clone()
    };
    Judged {
        label: w.label(),
        week: w.week_string(),
        verdict: out["verdict"].as_str().expect("a verdict").to_string(),
        score: out["score"].as_f64().expect("a score"),
        violations: list("violations")
            .iter()
            .map(|v| format!("{}: {}", v["id"].as_str().unwrap(), v["why"].as_str().unwrap()))
            .collect(),
        lost: list("components")
            .iter()
            .filter(|c| c["lost"].as_f64().unwrap() > 0.0)
            .map(|c| {
                format!(
                    "{} -{:.1}",
                    c["id"].as_str().unwrap(),
                    c["lost"].as_f64().unwrap()
                )
            })
            .collect(),
    }
}

/// The reference implementation's judgement of the same week (the same whole minutes) with
/// the same profile.
fn reference_v2(w: &CoachWeek) -> Judged {
    use reference::catalog::{Goal as G, Level as L, Session};
    use reference::minutes::Day;
    use reference::profile::{LongRunDay, Profile};
    let minutes = w.minutes();
    let week: [Day; 7] = std::array::from_fn(|d| {
        let session = Session::parse(w.days[d].session).expect("a session id of MODEL.md");
        let minutes = (session != Session::Rest).then_some(f64::from(minutes[d]));
        Day { session, minutes }
    });
    let profile = Profile {
        weekly_minutes: Some(f64::from(minutes.iter().sum::<u32>())),
        hard_sessions: Some(w.quality_sessions()),
        long_run_day: match long_run_day(w) {
            "none" => LongRunDay::NoLongRun,
            day => LongRunDay::On(DAYS.iter().position(|&d| d == day).unwrap()),
        },
        min_rest_days: Some(w.rest_days()),
        allow_back_to_back: w.has_back_to_back(),
        ..Profile::default()
    };
    let level = match w.level {
        Level::Beginner => L::Beginner,
        Level::Intermediate => L::Intermediate,
        Level::Advanced => L::Advanced,
    };
    let goal = match w.goal {
        Goal::FiveK => G::FiveK,
        Goal::Half => G::Half,
        Goal::Marathon => G::Marathon,
    };
    let out = reference::score(&reference::Input {
        week,
        level,
        goal,
        profile: Some(profile),
    });
    let components = reference::components::Component::ALL;
    Judged {
        label: w.label(),
        week: w.week_string(),
        verdict: out.verdict.id().to_string(),
        score: out.score,
        violations: out.violations.iter().map(ToString::to_string).collect(),
        lost: (0..components.len())
            .filter(|&i| out.lost[i] > 0.0)
            .map(|i| format!("{} -{:.1}", components[i].id(), out.lost[i]))
            .collect(),
    }
}

/// The share not `unbalanced`, and the unbalanced weeks' description, lowest score first.
fn not_unbalanced(judged: &[Judged]) -> (f64, String) {
    let mut bad: Vec<&Judged> = judged.iter().filter(|j| j.verdict == "unbalanced").collect();
    bad.sort_by(|a, b| a.score.total_cmp(&b.score));
    let share = 1.0 - bad.len() as f64 / judged.len() as f64;
    let mut text = format!(
        "{} of {} weeks not unbalanced ({:.1} %); the {} lowest unbalanced:\n",
        judged.len() - bad.len(),
        judged.len(),
        100.0 * share,
        bad.len().min(WORST_SHOWN)
    );
    for j in bad.iter().take(WORST_SHOWN) {
        let _ = writeln!(
            text,
            "  {} score {:.1}\n    {}\n    violations: {}\n    lost: {}",
            j.label,
            j.score,
            j.week,
            j.violations.join("; "),
            j.lost.join(", ")
        );
    }
    (share, text)
}

#[test]
fn the_coach_weeks_file_holds_360_weeks_and_261_ordinary_training_weeks() {
    let weeks = coach_weeks();
    assert_eq!(weeks.len(), 360);
    // Calibration README: ordinary = no race, no run-walk, no double. 62 weeks have a race,
    // 8 run-walk and 33 a double: 95 weeks in all.
    let plain: Vec<&CoachWeek> = weeks
        .iter()
        .filter(|w| w.has_no_race_run_walk_or_double())
        .collect();
    assert_eq!(plain.len(), 265);
    // Four Pfitzinger half-marathon weeks have two long runs (Thursday `L`, Sunday `L-T`);
    // the recovery figure takes weeks with at most one, and so does the 261.
    let two_long: Vec<String> = plain
        .iter()
        .filter(|w| w.long_days().len() > 1)
        .map(|w| w.label())
        .collect();
    assert_eq!(two_long.len(), 4, "{two_long:#?}");
    assert!(
        two_long.iter().all(|l| l.starts_with("tt:half_pfitzinger_12_")),
        "{two_long:#?}"
    );
    assert_eq!(ordinary_weeks().len(), 261);
}

#[test]
fn the_reference_model_v2_finds_every_ordinary_coach_week_not_unbalanced() {
    // MODEL.md, "Changes from v1": "coach weeks not unbalanced with their own minutes:
    // 92.0 % -> 100 %". A week misread (a wrong session, pace, level or goal) would show here.
    let judged: Vec<Judged> = ordinary_weeks().iter().map(reference_v2).collect();
    let (share, text) = not_unbalanced(&judged);
    println!("reference v2: {text}");
    assert_eq!(share, 1.0, "{text}");
}

#[test]
fn at_least_95_percent_of_the_ordinary_coach_weeks_are_not_unbalanced_with_their_own_minutes() {
    let judged: Vec<Judged> = ordinary_weeks().iter().map(product).collect();
    let (share, text) = not_unbalanced(&judged);
    println!("product: {text}");
    assert!(share >= NOT_UNBALANCED_AT_LEAST, "{text}");
}

#[test]
fn pinning_every_day_changes_nothing_in_a_coach_weeks_score() {
    // The first ordinary weeks have small spaces (three rest days), so the unpinned
    // percentile's search stays quick.
    for w in ordinary_weeks().iter().take(3) {
        let mut pinned = product_report(w, true);
        let mut free = product_report(w, false);
        for report in [&mut pinned, &mut free] {
            report.as_object_mut().unwrap().remove("percentile");
        }
        assert_eq!(pinned, free, "{}", w.label());
    }
}

#[test]
fn coach_codes_read_as_the_calibration_readme_says() {
    let weeks = coach_weeks();
    let by_label = |plan: &str, week: &str| {
        weeks
            .iter()
            .find(|w| w.plan == plan && w.week == week)
            .unwrap_or_else(|| panic!("no {plan} {week}"))
    };
    // (plan, week, level, goal, WEEK string): miles x 9.5 (intermediate), x 8.5 (advanced),
    // x 10.5 (beginner); codes without miles at the catalog's minutes for the level.
    let cases = [
        (
            "tt:base_pfitzinger_30",
            "w01/10",
            Level::Intermediate,
            Goal::Half,
            "rest,easy:38,rest,easy:29,easy:29,rest,long:57",
        ),
        (
            "tt:marathon_pfitzinger_18_85",
            "w01/18",
            Level::Advanced,
            Goal::Marathon,
            "",
        ),
        (
            "ch:higdon_half3",
            "w02/12",
            Level::Intermediate,
            Goal::Half,
            "rest,easy:38,cross:45,tempo:50,rest,long:57,cross:45",
        ),
        (
            "tt:marathon_higdon_advanced_2",
            "w01/18",
            Level::Advanced,
            Goal::Marathon,
            "easy:26,hills:55,easy:26,tempo:65,rest,marathon:43,long:85",
        ),
        (
            "ch:c25k_rbp",
            "w01/8",
            Level::Beginner,
            Goal::FiveK,
            "easy:30,rest,easy:30,rest,easy:30,rest,rest",
        ),
        ("ch:higdon_nov_half1", "w01/12", Level::Beginner, Goal::Half, ""),
    ];
    for (plan, week, level, goal, want) in cases {
        let w = by_label(plan, week);
        assert_eq!((w.level, w.goal), (level, goal), "{}", w.label());
        if !want.is_empty() {
            assert_eq!(w.week_string(), want, "{}", w.label());
        }
    }
    // A double counts both runs; a race week is not ordinary.
    let double = by_label("tt:half_pfitzinger_12_84", "w05/12");
    assert_eq!((double.days[4].miles, double.days[4].double), (Some(8.0), true));
    assert_eq!(double.days[6].session, "long_fast");
    assert!(!double.is_ordinary_training_week());
}

#[test]
fn every_plan_of_the_file_has_the_level_and_goal_the_readme_gives_it() {
    use Goal::{FiveK, Half, Marathon};
    use Level::{Advanced, Beginner, Intermediate};
    let plans = [
        ("ch:c25k_rbp", Beginner, FiveK),
        ("tt:five_couch", Beginner, FiveK),
        ("ch:higdon_nov_half1", Beginner, Half),
        ("ch:higdon_nov_half2", Beginner, Half),
        ("tt:marathon_higdon_novice_1", Beginner, Marathon),
        ("tt:marathon_higdon_novice_2", Beginner, Marathon),
        ("ch:higdon_senior_mara", Beginner, Marathon),
        ("ch:higdon_half3", Intermediate, Half),
        ("ch:higdon_int_half1", Intermediate, Half),
        ("ch:higdon_int_half2", Intermediate, Half),
        ("ch:higdon_mara3", Intermediate, Marathon),
        ("tt:base_pfitzinger_30", Intermediate, Half),
        ("tt:base_pfitzinger_45", Intermediate, Half),
        ("tt:base_pfitzinger_60", Intermediate, Half),
        ("tt:half_pfitzinger_12_63", Intermediate, Half),
        ("tt:marathon_higdon_intermediate_1", Intermediate, Marathon),
        ("tt:marathon_higdon_intermediate_2", Intermediate, Marathon),
        ("tt:marathon_pfitzinger_12_55", Intermediate, Marathon),
        ("tt:marathon_pfitzinger_18_55", Intermediate, Marathon),
        ("tt:half_pfitzinger_12_84", Advanced, Half),
        ("tt:marathon_higdon_advanced_1", Advanced, Marathon),
        ("tt:marathon_higdon_advanced_2", Advanced, Marathon),
        ("tt:marathon_pfitzinger_12_70", Advanced, Marathon),
        ("tt:marathon_pfitzinger_12_85", Advanced, Marathon),
        ("tt:marathon_pfitzinger_18_70", Advanced, Marathon),
        ("tt:marathon_pfitzinger_18_85", Advanced, Marathon),
    ];
    let weeks = coach_weeks();
    for w in &weeks {
        let (_, level, goal) = plans
            .iter()
            .find(|(p, ..)| *p == w.plan)
            .unwrap_or_else(|| panic!("{}: a plan this test does not list", w.label()));
        assert_eq!((w.level, w.goal), (*level, *goal), "{}", w.label());
    }
    for (plan, ..) in plans {
        assert!(weeks.iter().any(|w| w.plan == plan), "{plan} is not in the file");
    }
}
