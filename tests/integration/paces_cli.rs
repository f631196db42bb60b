//! `weekwright paces` end to end: the keys of CLI.md in each format, the numbers against
//! the independent derivation of `paces::reference`, exit codes and messages, the profile's
//! fitness and units under the flags, --output's atomic write; and `--result` / `--units`
//! on generate, score and block.

use serde_json::Value;

use crate::paces::{reference, seconds_of};
use crate::support::{profile, weekwright};

/// A profile file in a temporary folder.
fn profile_file(dir: &tempfile::TempDir, body: &str) -> String {
    let path = dir.path().join("runner.yaml");
    std::fs::write(&path, format!("weekly_minutes: 300\n{body}\n")).unwrap();
    path.to_str().unwrap().to_string()
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

const PACE_KEYS: [&str; 7] = [
    "easy",
    "marathon",
    "threshold",
    "interval",
    "repetition",
    "interval_400m",
    "repetition_400m",
];

/// The paces document's times and paces the reference expects at `vdot`, in seconds, in
/// the order of CLI.md: 5k, 10k, half, marathon; E fast, E slow, M, T, I, R, I/400, R/400.
fn expected(vdot: f64, per_unit: f64) -> (Vec<f64>, Vec<f64>) {
    let times = [5000.0, 10_000.0, 21_097.5, 42_195.0]
        .iter()
        .map(|&m| reference::seconds(m, vdot))
        .collect();
    let p = reference::paces(vdot);
    let mut paces: Vec<f64> = p.iter().map(|s| s * per_unit / 1000.0).collect();
    paces.extend([p[4] * 0.4, p[5] * 0.4]);
    (times, paces)
}

/// The document's times and paces in the same order, as numbers or as clock strings.
fn flatten(doc: &Value, read: impl Fn(&Value) -> f64) -> (Vec<f64>, Vec<f64>) {
    let e = &doc["equivalent"];
    assert_eq!(keys(e), ["5k", "10k", "half", "marathon"]);
    let times = ["5k", "10k", "half", "marathon"]
        .iter()
        .map(|k| read(&e[k]))
        .collect();
    let p = &doc["paces"];
    assert_eq!(keys(p), PACE_KEYS);
    let easy = p["easy"].as_array().unwrap();
    assert_eq!(easy.len(), 2);
    let mut paces = vec![read(&easy[0]), read(&easy[1])];
    paces.extend(PACE_KEYS[1..].iter().map(|k| read(&p[k])));
    (times, paces)
}

#[test]
fn json_gives_unrounded_seconds_that_match_the_equations() {
    let run = weekwright(&["paces", "--result", "5k=20:00", "--format", "json"]).code(0);
    let doc = run.json();
    assert_eq!(keys(&doc), ["vdot", "equivalent", "paces"]);
    let vdot = reference::vdot(5000.0, 20.0);
    assert!(
        (doc["vdot"].as_f64().unwrap() - vdot).abs() < 1e-9,
        "{}",
        doc["vdot"]
    );
    let (times, paces) = flatten(&doc, |v| v.as_f64().unwrap());
    let (want_times, want_paces) = expected(vdot, 1000.0);
    for (g, w) in times.iter().zip(&want_times) {
        assert!((g - w).abs() < 1e-3, "{g} against {w}");
    }
    for (g, w) in paces.iter().zip(&want_paces) {
        assert!((g - w).abs() < 1e-4, "{g} against {w}");
    }
    // Unrounded: the 5k comes back as 1200 s within a millisecond, not as a whole number.
    assert!(
        times[0] != 1200.0 && (times[0] - 1200.0).abs() < 1e-3,
        "{}",
        times[0]
    );
}

#[test]
fn miles_change_the_paces_per_unit_and_nothing_else() {
    let km = weekwright(&["paces", "--result", "10k=42:30", "--format", "json"])
        .code(0)
        .json();
    let mi = weekwright(&[
        "paces",
        "--result",
        "10k=42:30",
        "--format",
        "json",
        "--units",
        "MI",
    ])
    .code(0)
    .json();
    assert_eq!(km["vdot"], mi["vdot"]);
    assert_eq!(km["equivalent"], mi["equivalent"]);
    let (_, per_km) = flatten(&km, |v| v.as_f64().unwrap());
    let (_, per_mi) = flatten(&mi, |v| v.as_f64().unwrap());
    let (_, want) = expected(reference::vdot(10_000.0, 42.5), 1_609.344);
    for i in 0..per_mi.len() {
        assert!(
            (per_mi[i] - want[i]).abs() < 1e-4,
            "{i}: {} against {}",
            per_mi[i],
            want[i]
        );
        // The 400 m paces are per 400 m whatever the units.
        let factor = if i < 6 { 1.609_344 } else { 1.0 };
        assert!((per_mi[i] - per_km[i] * factor).abs() < 1e-9, "{i}");
    }
}

#[test]
fn yaml_gives_clock_strings_rounded_to_the_second_and_vdot_to_one_decimal() {
    let run = weekwright(&["paces", "--result", "5k=20:00"]).code(0);
    let doc: Value = serde_saphyr::from_str(&run.stdout).unwrap();
    assert_eq!(keys(&doc), ["vdot", "equivalent", "paces"]);
    assert_eq!(doc["vdot"].as_f64(), Some(49.8));
    let (times, paces) = flatten(&doc, |v| {
        let text = v.as_str().unwrap_or_else(|| panic!("not a string: {v}"));
        let ok = text.split(':').count() >= 2 && text.split(':').skip(1).all(|p| p.len() == 2);
        assert!(ok, "{text} is not m:ss or h:mm:ss");
        seconds_of(text)
    });
    let (want_times, want_paces) = expected(reference::vdot(5000.0, 20.0), 1000.0);
    for (g, w) in times
        .iter()
        .chain(&paces)
        .zip(want_times.iter().chain(&want_paces))
    {
        assert_eq!(*g, w.round(), "{g} against {w}");
    }
    // Times under an hour are m:ss, from an hour h:mm:ss; every one is quoted, so YAML 1.1
    // readers do not take 20:00 for the number 1200.
    for line in [
        "  5k: \"20:00\"",
        "  half: \"1:31:50\"",
        "  threshold: \"4:16\"",
        "  - \"4:56\"",
    ] {
        assert!(
            run.stdout.lines().any(|l| l == line),
            "no {line:?} in\n{}",
            run.stdout
        );
    }
}

#[test]
fn the_table_shows_what_yaml_shows() {
    let yaml = weekwright(&["paces", "--result", "half=1:35:00", "--units", "mi"])
        .code(0)
        .stdout;
    let doc: Value = serde_saphyr::from_str(&yaml).unwrap();
    let table = weekwright(&[
        "paces",
        "--result",
        "half=1:35:00",
        "--units",
        "mi",
        "--format",
        "table",
    ])
    .code(0)
    .stdout;
    assert!(
        table.starts_with(&format!("VDOT {} (from half in 1:35:00)", doc["vdot"])),
        "{table}"
    );
    let p = &doc["paces"];
    let easy = format!(
        "{}-{}",
        p["easy"][0].as_str().unwrap(),
        p["easy"][1].as_str().unwrap()
    );
    let row = |name: &str| {
        table
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name}: {table}"))
    };
    assert!(row("E easy").contains(&easy), "{table}");
    assert!(
        row("T threshold").contains(p["threshold"].as_str().unwrap()),
        "{table}"
    );
    let interval = row("I interval");
    assert!(
        interval.contains(p["interval"].as_str().unwrap())
            && interval.contains(p["interval_400m"].as_str().unwrap())
    );
    let repetition = row("R repetition");
    assert!(
        repetition.contains(p["repetition_400m"].as_str().unwrap()),
        "{table}"
    );
    assert!(row("half").contains("1:35:00"), "{table}");
    assert!(table.contains("per mi"), "{table}");
    assert!(table.lines().all(|l| l.chars().count() <= 80), "{table}");
}

#[test]
fn without_fitness_paces_exits_2_and_says_how_to_give_one() {
    weekwright(&["paces"]).code(2).stderr_has(&[
        "--result 10k=42:30",
        "--profile FILE",
        "fitness: {vdot: 48.5}",
    ]);
    let dir = tempfile::tempdir().unwrap();
    let file = profile_file(&dir, "name: no race yet");
    weekwright(&["paces", "--profile", &file])
        .code(2)
        .stderr_has(&["--result 10k=42:30", &format!("a fitness: section in {file}")]);
}

#[test]
fn bad_results_and_units_exit_2_with_the_flag_and_the_forms() {
    let cases = [
        ("10k", "DIST=TIME"),
        ("10k=42", "mm:ss or h:mm:ss"),
        ("10k=42:75", "below 60"),
        ("ultra=5:00:00", "1500m, mile, 3k, 5k"),
        ("400m=0:50", "1500 m to 42.195 km"),
        (
            "5k=9:00",
            "VDOT of 126.1, out of range: a result must give 20 to 90",
        ),
        ("marathon=8:00:00", "20 to 90"),
    ];
    for command in ["paces", "generate", "score", "block"] {
        for (value, want) in cases {
            let mut args = vec![command, "--result", value];
            if command == "score" {
                args.extend(["--week", "easy,intervals,easy,rest,tempo,easy,long"]);
            }
            weekwright(&args).code(2).stderr_has(&["--result", want]);
        }
        weekwright(&[command, "--units", "miles"])
            .code(2)
            .stderr_has(&["--units", "km", "mi"]);
    }
}

#[test]
fn a_profiles_fitness_and_units_are_used_and_the_flags_win() {
    let dir = tempfile::tempdir().unwrap();
    let file = profile_file(&dir, "fitness: {vdot: 50}\nunits: mi");
    let doc = weekwright(&["paces", "--profile", &file, "--format", "json"])
        .code(0)
        .json();
    assert_eq!(doc["vdot"].as_f64(), Some(50.0));
    let (_, paces) = flatten(&doc, |v| v.as_f64().unwrap());
    assert!(
        (paces[3] - reference::paces(50.0)[3] * 1.609_344).abs() < 1e-4,
        "per mile"
    );
    let flags = [
        "paces",
        "--profile",
        &file,
        "--format",
        "json",
        "--result",
        "5k=20:00",
        "--units",
        "km",
    ];
    let doc = weekwright(&flags).code(0).json();
    assert!((doc["vdot"].as_f64().unwrap() - reference::vdot(5000.0, 20.0)).abs() < 1e-9);
    let (_, paces) = flatten(&doc, |v| v.as_f64().unwrap());
    assert!(
        (paces[3] - reference::paces(doc["vdot"].as_f64().unwrap())[3]).abs() < 1e-4,
        "per km"
    );
    let bad = profile_file(&dir, "fitness: {vdot: 95}");
    weekwright(&["paces", "--profile", &bad, "--result", "5k=20:00"])
        .code(2)
        .stderr_has(&["field 'fitness.vdot'", "20 to 90"]);
}

#[test]
fn output_is_written_atomically_and_a_failed_run_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("paces.json");
    let path = out.to_str().unwrap();
    let stdout = weekwright(&["paces", "--result", "5k=20:00", "--format", "json"])
        .code(0)
        .stdout;
    weekwright(&[
        "paces", "--result", "5k=20:00", "--format", "json", "--output", path,
    ])
    .code(0)
    .stderr_has(&["wrote"]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), stdout);
    weekwright(&["paces", "--format", "json", "--output", path]).code(2);
    weekwright(&["paces", "--result", "5k=9:00", "--output", path]).code(2);
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        stdout,
        "the file is untouched"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["paces.json"], "no temporary file is left");
    let missing = dir.path().join("no/such/dir/paces.yaml");
    weekwright(&[
        "paces",
        "--result",
        "5k=20:00",
        "--output",
        missing.to_str().unwrap(),
    ])
    .code(2)
    .stderr_has(&["does not exist"]);
}

#[test]
fn generate_score_and_block_take_the_fitness_flags_and_change_only_workouts_and_distances() {
    let club = profile("club-night.yaml");
    let club = club.to_str().unwrap();
    let week = "easy,intervals,easy,rest,tempo,easy,long";
    let commands: [&[&str]; 5] = [
        &["generate", "--top", "2", "--format", "json"],
        &["generate", "--profile", club, "--top", "1", "--format", "json"],
        &["score", "--week", week, "--format", "json"],
        &["score", "--week", week, "--profile", club, "--format", "json"],
        &[
            "block",
            "--weeks",
            "2",
            "--start",
            "2026-12-07",
            "--format",
            "json",
        ],
    ];
    for args in commands {
        let plain = json(&weekwright(args).code(0).stdout);
        let mut with = args.to_vec();
        with.extend(["--result", "10k=42:30", "--units", "mi"]);
        let paced = json(&weekwright(&with).code(0).stdout);
        // The fitness flags add paces to the workouts and distances in miles; nothing else.
        assert_ne!(paced, plain, "{args:?}");
        assert_eq!(without_workouts(paced), without_workouts(plain), "{args:?}");
    }
    weekwright(&[
        "-v", "generate", "--top", "1", "--result", "5k=20:00", "--units", "mi",
    ])
    .code(0)
    .stderr_has(&["fitness: VDOT 49.8 from 5k in 20:00; paces in mi"]);
    let dir = tempfile::tempdir().unwrap();
    let file = profile_file(&dir, "fitness: {vdot: 50}");
    weekwright(&[
        "-v",
        "block",
        "--profile",
        &file,
        "--weeks",
        "1",
        "--start",
        "2026-12-07",
    ])
    .code(0)
    .stderr_has(&["fitness: VDOT 50.0; paces in km"]);
}

#[test]
fn the_readmes_paces_example_is_what_the_command_prints() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let command = "$ weekwright paces --result 10k=42:30 --format table\n";
    let start = readme.find(command).expect("the README shows paces") + command.len();
    let shown = &readme[start..start + readme[start..].find("```").unwrap()];
    let args: Vec<&str> = command[2..].split_whitespace().skip(1).collect();
    assert_eq!(weekwright(&args).code(0).stdout, shown);
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}

/// A document without its workouts and distances.
fn without_workouts(mut v: serde_json::Value) -> serde_json::Value {
    match &mut v {
        serde_json::Value::Object(map) => {
            for key in ["workout", "distance_km", "distance_mi"] {
                map.remove(key);
            }
            for item in map.values_mut() {
                *item = without_workouts(item.take());
            }
        }
        serde_json::Value::Array(items) => {
            for item in items.iter_mut() {
                *item = without_workouts(item.take());
            }
        }
        _ => {}
    }
    v
}
