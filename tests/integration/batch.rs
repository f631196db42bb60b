//! `weekwright batch`: many profiles in, one JSON line each out, in input order whatever
//! the number of threads; each result what `generate` (or `block`) prints for the profile
//! alone, each refused profile an error line, and the rest planned.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use serde_json::{Value, json};
use weekwright::commands::generate::document;
use weekwright::problem::Problem;
use weekwright::profile::Profile;

use crate::support::{profile, weekwright, weekwright_in};

/// The lines of a batch's output, each parsed, each checked to be one line of JSON.
fn lines(stdout: &str) -> Vec<Value> {
    assert!(stdout.is_empty() || stdout.ends_with('\n'), "{stdout}");
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line ({e}): {l}")))
        .collect()
}

/// The example profiles of profiles/, in file-name order.
fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

fn name_of(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// What `generate --format json` prints for a profile file, parsed.
fn generate_json(path: &Path, top: &str) -> Value {
    let path = path.to_str().unwrap();
    weekwright(&["generate", "--profile", path, "--format", "json", "--top", top])
        .code(0)
        .json()
}

#[test]
fn batch_over_the_examples_is_generate_for_each_in_order_whatever_the_threads() {
    let dir = profile("");
    let dir = dir.to_str().unwrap();
    let one = weekwright(&["batch", "--profiles", dir, "--threads", "1"])
        .code(0)
        .stderr_has(&["6 planned"]);
    let two = weekwright(&["batch", "--profiles", dir, "--threads", "2"]).code(0);
    assert_eq!(one.stdout, two.stdout, "1 and 2 threads differ");
    let got = lines(&one.stdout);
    let files = examples();
    assert_eq!(got.len(), files.len());
    for (line, file) in got.iter().zip(&files) {
        let keys: Vec<&String> = line.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["source", "result"], "{line}");
        assert_eq!(line["source"], name_of(file).as_str());
        assert_eq!(line["result"], generate_json(file, "5"), "{}", name_of(file));
    }
    // --output holds the same bytes, written atomically.
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("plans.jsonl");
    weekwright(&["batch", "--profiles", dir, "--output", target.to_str().unwrap()])
        .code(0)
        .stderr_has(&["wrote"]);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), one.stdout);
}

#[test]
fn a_folder_with_a_broken_file_plans_the_rest_and_names_the_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["beginner-3-days.yaml", "club-night.yaml"] {
        std::fs::copy(profile(name), dir.path().join(name)).unwrap();
    }
    std::fs::write(dir.path().join("broken.yaml"), "weekly_minutes: lots\n").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a profile\n").unwrap();
    let run = weekwright(&["batch", "--profiles", dir.path().to_str().unwrap(), "--top", "1"])
        .code(2)
        .stderr_has(&["2 planned, 1 bad profile", "skipped 1 entry", "notes.txt"]);
    let got = lines(&run.stdout);
    let sources: Vec<&str> = got.iter().map(|l| l["source"].as_str().unwrap()).collect();
    assert_eq!(
        sources,
        ["beginner-3-days.yaml", "broken.yaml", "club-night.yaml"]
    );
    let broken = &got[1];
    assert_eq!(broken["exit"], 2, "{broken}");
    assert!(broken.get("result").is_none(), "{broken}");
    let error = broken["error"].as_str().unwrap();
    assert!(
        error.contains("broken.yaml: line 1, column 17: field 'weekly_minutes'"),
        "{error}"
    );
    for i in [0, 2] {
        let file = profile(sources[i]);
        assert_eq!(got[i]["result"], generate_json(&file, "1"), "{}", sources[i]);
    }
    // -q keeps the hint about skipped files to itself, not the counts of a failure.
    weekwright(&[
        "-q",
        "batch",
        "--profiles",
        dir.path().to_str().unwrap(),
        "--top",
        "1",
    ])
    .code(2)
    .stderr_has(&["2 planned, 1 bad profile"]);
}

#[test]
fn json_lines_on_stdin_go_on_past_a_bad_line_and_an_impossible_profile() {
    let good = r#"{"name": "athlete 1", "level": "beginner", "goal": "5k", "weekly_minutes": 150, "available_days": ["tue", "thu", "sat", "sun"]}"#;
    let bad = r#"{"name":"athlete 2","weekly_minutes":5}"#;
    let impossible =
        r#"{"name":"athlete 3","weekly_minutes":300,"hard_sessions":4,"available_days":["mon","tue"]}"#;
    let broken = r#"{"name": "athlete 4", "weekly_minutes": 300,"#;
    let input = format!("{good}\n\n{bad}\n{impossible}\r\n  \n{broken}\n{good}");
    let run = weekwright_in(&["batch", "--top", "2"], Some(&input))
        .code(3)
        .stderr_has(&["2 planned, 2 bad profiles, 1 with no week that fits"]);
    let got = lines(&run.stdout);
    let sources: Vec<&str> = got.iter().map(|l| l["source"].as_str().unwrap()).collect();
    assert_eq!(sources, ["line 1", "line 3", "line 4", "line 6", "line 7"]);
    let errors: Vec<(&str, &Value)> = got[1..4]
        .iter()
        .map(|l| (l["error"].as_str().unwrap(), &l["exit"]))
        .collect();
    assert!(
        errors[0]
            .0
            .starts_with("stdin line 3: field 'weekly_minutes': 5 is out of range"),
        "{}",
        errors[0].0
    );
    assert_eq!(errors[0].1, 2);
    assert!(
        errors[1].0.starts_with("no week fits profile 'athlete 3'"),
        "{}",
        errors[1].0
    );
    assert_eq!(errors[1].1, 3);
    assert!(
        errors[2].0.starts_with("stdin line 6: column 44: not valid JSON"),
        "{}",
        errors[2].0
    );
    assert_eq!(errors[2].1, 2);
    // JSON is YAML: the good line as a profile file is what generate plans.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("athlete-1.yaml");
    std::fs::write(&file, good).unwrap();
    assert_eq!(got[0]["result"], generate_json(&file, "2"));
    assert_eq!(got[4]["result"], got[0]["result"]);
    // `--profiles -` is stdin, and a file is read the same way.
    let dash = weekwright_in(&["batch", "--top", "2", "--profiles", "-"], Some(&input)).code(3);
    assert_eq!(dash.stdout, run.stdout);
    let jsonl = dir.path().join("athletes.jsonl");
    std::fs::write(&jsonl, &input).unwrap();
    let from_file = weekwright(&["batch", "--top", "2", "--profiles", jsonl.to_str().unwrap()]).code(3);
    let first_error = &lines(&from_file.stdout)[1]["error"];
    assert!(
        first_error
            .as_str()
            .unwrap()
            .contains("athletes.jsonl line 3: field 'weekly_minutes'"),
        "{first_error}"
    );
}

#[test]
fn block_on_two_profiles_is_block_for_each() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(profile("club-night.yaml"), dir.path().join("club-night.yaml")).unwrap();
    let beginner = std::fs::read_to_string(profile("beginner-3-days.yaml")).unwrap();
    let to_a_race = dir.path().join("beginner-to-a-race.yaml");
    std::fs::write(
        &to_a_race,
        format!("{beginner}\nblock: {{race_date: 2027-01-31}}\n"),
    )
    .unwrap();
    let run = weekwright(&["batch", "--block", "--profiles", dir.path().to_str().unwrap()]).code(0);
    let got = lines(&run.stdout);
    assert_eq!(got.len(), 2);
    for (line, name) in got.iter().zip(["beginner-to-a-race.yaml", "club-night.yaml"]) {
        assert_eq!(line["source"], name);
        let file = dir.path().join(name);
        let want = weekwright(&["block", "--profile", file.to_str().unwrap(), "--format", "json"])
            .code(0)
            .json();
        assert_eq!(line["result"], want, "{name}");
    }
    assert_eq!(
        got[0]["result"]["weeks"].as_array().unwrap().last().unwrap()["phase"],
        "race"
    );
    // A block plans no list of weeks to cut short.
    weekwright(&[
        "batch",
        "--block",
        "--top",
        "2",
        "--profiles",
        dir.path().to_str().unwrap(),
    ])
    .code(2)
    .stderr_has(&["--top"]);
}

/// A profile that names its history (`history:`) is planned from it in a batch as
/// `generate` and `block` plan it alone: the same JSON, with the `history` part that says
/// which days were read. Without it, the 28 days of 30-minute runs and an hour on Sundays
/// (6 x 30 + 60 = 240 minutes a week) would not replace the profile's current 400.
#[test]
fn a_profiles_history_is_read_in_a_batch_as_alone() {
    let dir = tempfile::tempdir().unwrap();
    // Today fixed (the day after the log's last day) for the batch and the commands alike.
    let today = jiff::civil::date(2026, 3, 2);
    let at_today = |args: &[&str]| -> String {
        let out = assert_cmd::Command::cargo_bin("weekwright")
            .expect("binary built")
            .args(args)
            .env("WEEKWRIGHT_TODAY", today.to_string())
            .output()
            .expect("runs");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let mut log = String::new();
    for back in 1..=35 {
        let day = today.checked_sub(jiff::Span::new().days(back)).unwrap();
        let (session, minutes) = if day.weekday() == jiff::civil::Weekday::Sunday {
            ("long", 60)
        } else {
            ("easy", 30)
        };
        writeln!(
            log,
            "- {{date: {day}, session: {session}, minutes: {minutes}, rpe: 3}}"
        )
        .unwrap();
    }
    let log_path = dir.path().join("log.yaml");
    std::fs::write(&log_path, log).unwrap();
    let profiles = dir.path().join("profiles");
    std::fs::create_dir(&profiles).unwrap();
    let file = profiles.join("logged.yaml");
    std::fs::write(
        &file,
        format!(
            "name: Logged runner\nlevel: beginner\ngoal: 5k\nweekly_minutes: 220\ncurrent_weekly_minutes: 400\nhard_sessions: 1\navailable_days: [tue, thu, sat, sun]\nlong_run_day: sun\nhistory: [{}]\n",
            log_path.display()
        ),
    )
    .unwrap();
    let file = file.to_str().unwrap();
    for (flags, alone) in [
        (vec![], vec!["generate", "--profile", file, "--format", "json"]),
        (
            vec!["--block"],
            vec!["block", "--profile", file, "--format", "json"],
        ),
    ] {
        let mut args = vec!["batch", "--profiles", profiles.to_str().unwrap()];
        args.extend(flags);
        let got = lines(&at_today(&args));
        let want: Value = serde_json::from_str(&at_today(&alone)).unwrap();
        assert_eq!(got[0]["result"], want, "{alone:?}");
        let history = &want["history"];
        assert!(history.is_object(), "{want}");
        assert_eq!(history["weekly_minutes_28d"], 240.0, "{history}");
    }
}

/// A small random profile that is valid: 3 or 4 training days, so that its search is quick
/// even in a debug build (a thousand of them are planned twice and searched once more).
fn random_profile(rng: &mut StdRng, i: usize) -> Value {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let days = loop {
        let mask: u8 = rng.random_range(0..128);
        if (3..=4).contains(&mask.count_ones()) {
            break (0..7)
                .filter(|d| mask >> d & 1 == 1)
                .map(|d| DAYS[d])
                .collect::<Vec<_>>();
        }
    };
    let level = ["beginner", "intermediate", "advanced"][rng.random_range(0..3)];
    let goal = ["5k", "10k", "half", "marathon", "general"][rng.random_range(0..5)];
    json!({
        "name": format!("athlete {i}"),
        "level": level,
        "goal": goal,
        "weekly_minutes": rng.random_range(12..=45) * 10,
        "available_days": days,
        "hard_sessions": rng.random_range(0..=2),
    })
}

/// A thousand generated athletes (issue 12, "Done when"): in input order, each line the
/// library's `generate` of its profile or the same refusal, and the same bytes on one
/// thread as on two.
#[test]
fn a_thousand_random_profiles_are_planned_in_input_order_whatever_the_threads() {
    let mut rng = StdRng::seed_from_u64(12);
    let profiles: Vec<Value> = (1..=1000).map(|i| random_profile(&mut rng, i)).collect();
    let input: String = profiles.iter().map(|p| p.to_string() + "\n").collect();
    let run = weekwright_in(&["batch", "--threads", "2", "--top", "2"], Some(&input));
    let one = weekwright_in(&["batch", "--threads", "1", "--top", "2"], Some(&input));
    assert!(one.stdout == run.stdout, "one thread and two give the same lines");
    let got = lines(&run.stdout);
    assert_eq!(got.len(), profiles.len());
    let mut planned = 0;
    for (i, (line, p)) in got.iter().zip(&profiles).enumerate() {
        assert_eq!(line["source"], format!("line {}", i + 1));
        // The library's generate on the same profile: the same document, or the same refusal.
        let profile = Profile::from_yaml(&p.to_string(), "p").unwrap();
        match document(&Problem::new(&profile), 2) {
            Ok((doc, _)) => {
                assert_eq!(line["result"], serde_json::to_value(&doc).unwrap(), "{p}");
                planned += 1;
            }
            Err(e) => {
                assert_eq!(line["exit"], e.exit_code(), "{p}");
                assert_eq!(line["error"], e.to_string(), "{p}");
            }
        }
    }
    assert!(planned >= 750, "{planned} of 1000 planned");
    let want = if planned == 1000 { 0 } else { 3 };
    assert_eq!(run.code, want, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("{planned} planned")),
        "{}",
        run.stderr
    );
}

#[test]
fn the_limits_of_a_batch_are_clear() {
    let good = r#"{"weekly_minutes": 150, "level": "beginner", "available_days": ["tue", "thu", "sat"]}"#;
    // A line over 1 MiB is refused alone; the rest are planned.
    let long = format!(
        r#"{{"name": "{}", "weekly_minutes": 150}}"#,
        "x".repeat(1024 * 1024)
    );
    let run = weekwright_in(
        &["batch", "--top", "1"],
        Some(&format!("{good}\n{long}\n{good}\n")),
    )
    .code(2);
    let got = lines(&run.stdout);
    assert_eq!(got.len(), 3);
    let error = got[1]["error"].as_str().unwrap();
    let want = format!(
        "stdin line 2: the line is 1.0 MiB ({} bytes), over the limit of 1 MiB",
        long.len()
    );
    assert!(error.starts_with(&want), "{error}");
    // More than 100,000 profiles: refused before any is planned.
    let many = format!("{good}\n").repeat(100_001);
    let run = weekwright_in(&["batch"], Some(&many))
        .code(2)
        .stderr_has(&["more than 100000 profiles"]);
    assert!(run.stdout.is_empty());
    // A file over 100 MiB: refused from its size, without reading it.
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.jsonl");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(100 * 1024 * 1024 + 1)
        .unwrap();
    weekwright(&["batch", "--profiles", big.to_str().unwrap()])
        .code(2)
        .stderr_has(&["big.jsonl", "104857601 bytes), over the limit of 100 MiB"]);
    // Nothing to plan is bad input, as is a YAML file where a folder or JSON Lines goes.
    weekwright_in(&["batch"], Some("\n  \n"))
        .code(2)
        .stderr_has(&["stdin holds no profile"]);
    let one = profile("club-night.yaml");
    weekwright(&["batch", "--profiles", one.to_str().unwrap()])
        .code(2)
        .stderr_has(&["is a YAML file", "generate --profile"]);
}
