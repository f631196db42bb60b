//! Workouts agree with the model (issue 9): for every example profile, with a race result,
//! every workout of `generate`'s top plans and of a 16-week block to a race adds up to its
//! day's minutes, puts in each zone the model's split of the session, keeps Daniels' caps,
//! jogs its recoveries, and covers the distance its paces give. The zone shares are MODEL.md's
//! catalog table, copied here so that the test does not read them from the code it checks.

use serde_json::Value;

use crate::support::{profile, weekwright};

/// MODEL.md section 1: zones Z1/Z2/Z3 per session.
const ZONES: [(&str, [f64; 3]); 12] = [
    ("recovery", [1.0, 0.0, 0.0]),
    ("easy", [1.0, 0.0, 0.0]),
    ("strides", [1.0, 0.0, 0.0]),
    ("cross", [1.0, 0.0, 0.0]),
    ("moderate", [0.3, 0.7, 0.0]),
    ("long", [1.0, 0.0, 0.0]),
    ("long_fast", [0.75, 0.25, 0.0]),
    ("marathon", [0.4, 0.6, 0.0]),
    ("tempo", [0.55, 0.45, 0.0]),
    ("intervals", [0.6, 0.0, 0.4]),
    ("hills", [0.7, 0.0, 0.3]),
    ("race", [0.4, 0.2, 0.4]),
];

/// The race result every profile is given.
const RESULT: &str = "10k=45:00";

/// The paces of [`RESULT`], seconds per km, as `weekwright paces` prints them.
struct Paces {
    easy: [f64; 2],
    threshold: f64,
    interval: f64,
    repetition: f64,
}

fn paces() -> Paces {
    let doc = weekwright(&["paces", "--result", RESULT, "--format", "json"])
        .code(0)
        .json();
    let p = &doc["paces"];
    Paces {
        easy: [p["easy"][0].as_f64().unwrap(), p["easy"][1].as_f64().unwrap()],
        threshold: p["threshold"].as_f64().unwrap(),
        interval: p["interval"].as_f64().unwrap(),
        repetition: p["repetition"].as_f64().unwrap(),
    }
}

/// Every step run, with how many times: repeats expanded.
fn runs(workout: &Value) -> Vec<(f64, &Value)> {
    let mut out = Vec::new();
    for step in workout["steps"].as_array().unwrap() {
        if step["kind"] == "repeat" {
            let n = step["count"].as_f64().unwrap();
            assert!(n >= 1.0, "{step}");
            out.extend(step["steps"].as_array().unwrap().iter().map(|s| (n, s)));
        } else {
            out.push((1.0, step));
        }
    }
    out
}

/// The middle of a step's pace range, seconds per km; none for an effort target.
fn middle(step: &Value) -> Option<f64> {
    let pace = step["target"]["pace"].as_array()?;
    Some(f64::midpoint(
        pace[0].as_f64().unwrap(),
        pace[1].as_f64().unwrap(),
    ))
}

/// What `day` must satisfy in a week of `week` minutes (Daniels' caps are shares of the
/// week's planned minutes: the profile's weekly minutes times the week's factor, or the
/// minutes it holds where more); `paces` when fitness is known.
/// Returns the day's distance (km) as worked out here.
fn check_day(day: &Value, week: f64, paces: Option<&Paces>) -> f64 {
    let session = day["session"].as_str().unwrap();
    let minutes = day["minutes"].as_f64().unwrap();
    if session == "rest" {
        assert!(
            day.get("workout").is_none() && day.get("distance_km").is_none(),
            "{day}"
        );
        return 0.0;
    }
    let workout = &day["workout"];
    assert!(!workout["summary"].as_str().unwrap().is_empty(), "{day}");
    let runs = runs(workout);
    let total: f64 = runs.iter().map(|(n, s)| n * s["minutes"].as_f64().unwrap()).sum();
    assert!(
        (total - minutes).abs() < 1e-9,
        "minutes {total} != {minutes}: {day}"
    );
    if session != "race" {
        let zones = ZONES.iter().find(|(id, _)| *id == session).unwrap().1;
        for z in 0..3 {
            let got: f64 = runs
                .iter()
                .filter(|(_, s)| s["zone"].as_u64() == Some(z as u64 + 1))
                .map(|(n, s)| n * s["minutes"].as_f64().unwrap())
                .sum();
            let want = zones[z] * minutes;
            assert!((got - want).abs() <= 1.0, "zone {} {got} != {want}: {day}", z + 1);
        }
    }
    for (_, s) in &runs {
        let m = s["minutes"].as_f64().unwrap();
        assert!(m >= 0.0, "{day}");
        if s["kind"] == "recovery" {
            assert_eq!(s["zone"], 1, "recoveries are jogs: {day}");
        }
    }
    if let Some(p) = paces {
        check_paces(day, week, p, &runs)
    } else {
        assert!(runs.iter().all(|(_, s)| s["target"]["rpe"].is_u64()), "{day}");
        assert!(day.get("distance_km").is_none(), "{day}");
        0.0
    }
}

/// Daniels' caps per workout, jogs at E, and the distance the paces give.
fn check_paces(day: &Value, week: f64, p: &Paces, runs: &[(f64, &Value)]) -> f64 {
    let at = |pace: f64| -> f64 {
        runs.iter()
            .filter(|(_, s)| s["kind"] == "work" && middle(s).is_some_and(|x| (x - pace).abs() < 1e-6))
            .map(|(n, s)| n * s["minutes"].as_f64().unwrap())
            .sum()
    };
    let session = day["session"].as_str().unwrap();
    if session != "race" {
        assert!(at(p.interval) <= 0.08 * week + 1e-9, "I cap: {day}");
        assert!(at(p.threshold) <= 0.10 * week + 1e-9, "T cap: {day}");
        assert!(at(p.repetition) <= 0.05 * week + 1e-9, "R cap: {day}");
    }
    let easy = f64::midpoint(p.easy[0], p.easy[1]);
    let mut km = 0.0;
    for (n, s) in runs {
        let minutes = s["minutes"].as_f64().unwrap();
        if s["kind"] == "recovery" {
            assert!((middle(s).unwrap() - easy).abs() < 1e-6, "jogs at E: {day}");
        }
        match middle(s) {
            Some(pace) => {
                km += n * minutes * 60.0 / pace;
                if let Some(d) = s["distance_m"].as_f64() {
                    assert!((d - minutes * 60.0 / pace * 1000.0).abs() < 1e-6, "{day}");
                }
            }
            None => assert_eq!(session, "cross", "only cross-training has no pace: {day}"),
        }
    }
    let printed = day["distance_km"].as_f64().unwrap();
    assert!((printed - km).abs() < 1e-9, "distance {printed} != {km}: {day}");
    km
}

/// Check a week's days; with fitness, its printed distance against theirs.
fn check_week(days: &Value, week: f64, distance: &Value, paces: Option<&Paces>) {
    let km: f64 = days
        .as_array()
        .unwrap()
        .iter()
        .map(|d| check_day(d, week, paces))
        .sum();
    match paces {
        Some(_) => assert!((distance.as_f64().unwrap() - km).abs() < 1e-9, "{km}"),
        None => assert!(distance.is_null()),
    }
}

/// The profile's `weekly_minutes`.
fn weekly_minutes(file: &str) -> f64 {
    let text = std::fs::read_to_string(file).unwrap();
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix("weekly_minutes:"))
        .unwrap();
    line.trim().parse().unwrap()
}

fn profiles() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(profile(""))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .map(|p| p.display().to_string())
        .collect();
    names.sort();
    assert!(names.len() >= 6, "{names:?}");
    names
}

#[test]
fn every_workout_of_the_top_plans_agrees_with_the_model() {
    let p = paces();
    for file in profiles() {
        let doc = weekwright(&[
            "generate",
            "--profile",
            &file,
            "--result",
            RESULT,
            "--format",
            "json",
        ])
        .code(0)
        .json();
        for plan in doc["plans"].as_array().unwrap() {
            let totals = &plan["totals"];
            let week = totals["minutes"].as_f64().unwrap().max(weekly_minutes(&file));
            check_week(&plan["days"], week, &totals["distance_km"], Some(&p));
        }
    }
}

#[test]
fn every_workout_of_a_16_week_block_to_a_race_agrees_with_the_model() {
    let p = paces();
    for file in profiles() {
        let args = [
            "block",
            "--profile",
            &file,
            "--start",
            "2027-01-04",
            "--race",
            "2027-04-25",
            "--result",
            RESULT,
            "--format",
            "json",
        ];
        let doc = weekwright(&args).code(0).json();
        let weeks = doc["weeks"].as_array().unwrap();
        assert_eq!(weeks.len(), 16, "{file}");
        for w in weeks {
            let planned = weekly_minutes(&file) * w["factor"].as_f64().unwrap();
            let week = w["minutes"].as_f64().unwrap().max(planned);
            check_week(&w["days"], week, &w["distance_km"], Some(&p));
        }
        let race = weeks[15]["days"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["session"] == "race");
        let race = race.unwrap_or_else(|| panic!("{file}: the last week holds the race"));
        assert_eq!(runs(&race["workout"])[0].1["kind"], "warmup", "{race}");
    }
}

#[test]
fn without_fitness_workouts_carry_efforts_and_no_distance() {
    for file in profiles() {
        let doc = weekwright(&["generate", "--profile", &file, "--top", "2", "--format", "json"])
            .code(0)
            .json();
        for plan in doc["plans"].as_array().unwrap() {
            let totals = &plan["totals"];
            let week = totals["minutes"].as_f64().unwrap();
            check_week(&plan["days"], week, &totals["distance_km"], None);
        }
    }
}

/// The day of `session` in a `score` document.
fn day_of<'a>(doc: &'a Value, session: &str) -> &'a Value {
    doc["days"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["session"] == session)
        .unwrap_or_else(|| panic!("no {session}"))
}

/// The work steps of a day, with their counts.
fn work(day: &Value) -> Vec<(f64, &Value)> {
    runs(&day["workout"])
        .into_iter()
        .filter(|(_, s)| s["kind"] == "work")
        .collect()
}

fn minutes(step: &Value) -> f64 {
    step["minutes"].as_f64().unwrap()
}

#[test]
fn each_session_is_laid_out_by_its_rule() {
    let week = "intervals:65,tempo:65,hills:45,strides:45,marathon:70,long_fast:100,tempo:40";
    let doc = weekwright(&["score", "--week", week, "--result", RESULT, "--format", "json"])
        .code(0)
        .json();
    let p = paces();
    // Intervals: 3-5 min at I, jogs about as long (three quarters) after each.
    let day = day_of(&doc, "intervals");
    let steps = day["workout"]["steps"].as_array().unwrap();
    let set = steps.iter().find(|s| s["kind"] == "repeat").unwrap();
    let (rep, jog) = (minutes(&set["steps"][0]), minutes(&set["steps"][1]));
    assert!(
        (3.0..=5.0).contains(&rep) && (0.5 * rep..=rep).contains(&jog),
        "{day}"
    );
    assert!(
        (middle(&set["steps"][0]).unwrap() - p.interval).abs() < 1e-6,
        "{day}"
    );
    // Tempo: 65 min holds 29 min at T, as cruise repeats with a minute's jog; 40 min holds
    // 18, one continuous run.
    let tempos: Vec<&Value> = doc["days"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["session"] == "tempo")
        .collect();
    let cruise = &tempos[0]["workout"]["steps"][1];
    assert_eq!(cruise["kind"], "repeat", "{cruise}");
    assert!(
        minutes(&cruise["steps"][0]) <= 15.0 && minutes(&cruise["steps"][1]) == 1.0,
        "{cruise}"
    );
    let steady = work(tempos[1]);
    assert!(
        steady.len() == 1 && steady[0].0 == 1.0 && minutes(steady[0].1) <= 20.0,
        "{}",
        tempos[1]
    );
    assert!((middle(steady[0].1).unwrap() - p.threshold).abs() < 1e-6);
    // Hills: climbs of 60 to 90 s, jogging down.
    let hills = day_of(&doc, "hills");
    let climbs = work(hills);
    assert!(
        climbs
            .iter()
            .all(|(_, s)| (1.0..=1.5).contains(&minutes(s)) && s["zone"] == 3),
        "{hills}"
    );
    // Strides: 6 to 8 of 20 s within an easy run, counted in zone 1, and the summary says so.
    let strides = day_of(&doc, "strides");
    let fast = work(strides);
    assert!(
        fast.iter()
            .all(|(n, s)| (6.0..=8.0).contains(n) && (minutes(s) - 1.0 / 3.0).abs() < 1e-9 && s["zone"] == 1),
        "{strides}"
    );
    assert!(
        strides["workout"]["summary"].as_str().unwrap().contains("zone 1"),
        "{strides}"
    );
    // Marathon pace: one continuous block; the fast-finish long run ends at M.
    let marathon = work(day_of(&doc, "marathon"));
    assert!(marathon.len() == 1 && marathon[0].1["zone"] == 2);
    let long_fast = runs(&day_of(&doc, "long_fast")["workout"]);
    let last = long_fast.last().unwrap().1;
    assert_eq!(middle(last), middle(marathon[0].1), "the long run ends at M");
}

#[test]
fn a_race_is_a_warm_up_then_the_goals_distance_at_race_pace() {
    let doc = weekwright(&[
        "score",
        "--week",
        "rest,easy,rest,easy,rest,race,rest",
        "--goal",
        "10k",
        "--result",
        "10k=45:00",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    let race = day_of(&doc, "race");
    let runs = runs(&race["workout"]);
    // 70 minutes (an intermediate's 10k, warm-up included): a 20-minute warm-up, the 10k
    // at the result's pace (10k in 45:00 is 270 s per km) and an easy cool-down.
    let kinds: Vec<&str> = runs.iter().map(|(_, s)| s["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["warmup", "work", "cooldown"], "{race}");
    assert_eq!(minutes(runs[0].1), 20.0, "{race}");
    assert!((middle(runs[1].1).unwrap() - 270.0).abs() < 0.01, "{race}");
    assert!((minutes(runs[1].1) - 45.0).abs() < 0.01, "{race}");
    assert!(
        (runs[1].1["distance_m"].as_f64().unwrap() - 10_000.0).abs() < 1.0,
        "{race}"
    );
}

#[test]
fn strides_in_a_small_week_keep_within_daniels_r_cap() {
    // 30 minutes a week allow 1.5 minutes at R: four strides of 20 s, not six.
    let week = "strides:30,rest,rest,rest,rest,rest,rest";
    let doc = weekwright(&["score", "--week", week, "--result", RESULT, "--format", "json"])
        .code(0)
        .json();
    check_week(&doc["days"], 30.0, &doc["totals"]["distance_km"], Some(&paces()));
    let strides = work(day_of(&doc, "strides"));
    assert_eq!(strides[0].0, 4.0, "{doc}");
}

#[test]
fn the_readmes_workouts_example_is_what_the_command_prints() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let command = "$ weekwright generate --profile profiles/intermediate-10k.yaml --result 10k=42:30 --top 1 --format table\n";
    let start = readme.find(command).expect("the README shows workouts") + command.len();
    let shown = &readme[start..start + readme[start..].find("...\n```").unwrap()];
    let file = profile("intermediate-10k.yaml");
    let args = [
        "generate",
        "--profile",
        file.to_str().unwrap(),
        "--result",
        "10k=42:30",
        "--top",
        "1",
        "--format",
        "table",
    ];
    let out = weekwright(&args).code(0).stdout;
    assert!(out.starts_with(shown), "{out}");
}

#[test]
fn a_calendar_event_holds_the_days_workout() {
    let args = [
        "generate",
        "--top",
        "1",
        "--result",
        RESULT,
        "--format",
        "ics",
        "--start",
        "2026-12-07",
    ];
    let ics = weekwright(&args).code(0).stdout.replace("\r\n ", "");
    let json = weekwright(&["generate", "--top", "1", "--result", RESULT, "--format", "json"])
        .code(0)
        .json();
    for day in json["plans"][0]["days"].as_array().unwrap() {
        if let Some(summary) = day["workout"]["summary"].as_str() {
            let escaped = summary.replace(',', "\\,").replace(';', "\\;");
            assert!(
                ics.contains(&format!("DESCRIPTION:{escaped}\\n\\n")),
                "{escaped}\n{ics}"
            );
        }
    }
}

#[test]
fn miles_give_paces_per_mile_and_distances_in_miles() {
    let run = |units: &str| {
        weekwright(&[
            "generate", "--top", "1", "--result", RESULT, "--units", units, "--format", "json",
        ])
        .code(0)
        .json()
    };
    let (km, mi) = (run("km"), run("mi"));
    let (km, mi) = (&km["plans"][0], &mi["plans"][0]);
    let mile = 1.609_344;
    let total = mi["totals"]["distance_mi"].as_f64().unwrap();
    assert!((total * mile - km["totals"]["distance_km"].as_f64().unwrap()).abs() < 1e-9);
    for (a, b) in km["days"]
        .as_array()
        .unwrap()
        .iter()
        .zip(mi["days"].as_array().unwrap())
    {
        assert!(
            b.get("distance_km").is_none() && a.get("distance_mi").is_none(),
            "{b}"
        );
        if a["session"] == "rest" {
            continue;
        }
        let d = b["distance_mi"].as_f64().unwrap() * mile - a["distance_km"].as_f64().unwrap();
        assert!(d.abs() < 1e-9, "{a}\n{b}");
        let (pa, pb) = (middle(runs(&a["workout"])[0].1), middle(runs(&b["workout"])[0].1));
        assert!((pa.unwrap() * mile - pb.unwrap()).abs() < 1e-9, "{a}\n{b}");
        assert!(b["workout"]["summary"].as_str().unwrap().contains("/mi"), "{b}");
    }
}
