//! `weekwright status` end to end: the keys of CLI.md and their values on a history made
//! here (figures worked out in the comments), the profile's heart rates and history:,
//! --output, and every malformed file refused with exit 2 and its name.

use serde_json::Value;

use crate::support::{data, weekwright};

/// A folder with `name` holding `body`; returns the folder and the file's path.
fn file_with(name: &str, body: &[u8]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, body).unwrap();
    let p = path.to_str().unwrap().to_string();
    (dir, p)
}

/// A three-week log: every Tuesday 50 min at RPE 7 (350), every Sunday a long run of 90,
/// 100 then 110 min at RPE 4 (360, 400, 440), and a 60-minute ride at RPE 3 on the second
/// Thursday (180). Today is the Monday after: 2024-01-22.
const LOG: &str = "\
date,session,sport,minutes,rpe
2024-01-02,intervals,,50,7
2024-01-07,long,,90,4
2024-01-09,intervals,,50,7
2024-01-11,,cycling,60,3
2024-01-14,long,,100,4
2024-01-16,intervals,,50,7
2024-01-21,long,,110,4
";

#[test]
fn status_prints_the_keys_of_cli_md_with_their_values() {
    let (_dir, log) = file_with("log.csv", LOG.as_bytes());
    let run = weekwright(&[
        "status",
        "--history",
        &log,
        "--today",
        "2024-01-22",
        "--format",
        "json",
    ])
    .code(0);
    let v = run.json();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    for key in [
        "date",
        "fitness",
        "fatigue",
        "form",
        "legs",
        "acwr",
        "weeks",
        "longest_run_30d",
        "days_read",
        "notes",
    ] {
        assert!(keys.contains(&key), "no {key} in {keys:?}");
    }
    assert_eq!(v["date"], "2024-01-22");
    // 2024-01-02 to 2024-01-21.
    assert_eq!(v["days_read"], 20);
    assert_eq!(v["longest_run_30d"], 110.0);
    let weeks = v["weeks"].as_array().unwrap();
    let week = |i: usize, key: &str| weeks[i][key].as_f64().unwrap();
    // Weeks of seven days ending yesterday: from 12-25 (nothing), 01-01 (350 + 360),
    // 01-08 (350 + 180 + 400), 01-15 (350 + 440).
    assert_eq!(weeks[0]["start"], "2023-12-25");
    assert_eq!(
        [week(0, "load"), week(1, "load"), week(2, "load"), week(3, "load")],
        [0.0, 710.0, 930.0, 790.0]
    );
    assert_eq!(
        [week(1, "minutes"), week(2, "minutes"), week(3, "minutes")],
        [140.0, 210.0, 160.0]
    );
    // acwr = 790 / ((0 + 710 + 930) / 3).
    assert!((v["acwr"].as_f64().unwrap() - 790.0 / (1640.0 / 3.0)).abs() < 1e-12);
    let form = v["fitness"].as_f64().unwrap() - v["fatigue"].as_f64().unwrap();
    assert!((v["form"].as_f64().unwrap() - form).abs() < 1e-12);
    let notes = v["notes"].to_string();
    assert!(
        notes.contains("only 20 days read") && notes.contains("underestimated"),
        "{notes}"
    );
    // At the start of 2024-01-16 the sessions of 01-16 and 01-21 are not yet run.
    let v = weekwright(&[
        "status",
        "--history",
        &log,
        "--today",
        "2024-01-16",
        "--format",
        "json",
    ])
    .json();
    assert_eq!(v["days_read"], 14);
    let notes = v["notes"].to_string();
    assert!(
        notes.contains("2 activities on or after 2024-01-16 are not counted"),
        "{notes}"
    );
}

#[test]
fn status_in_yaml_and_table_reads_as_a_runner_would() {
    let (_dir, log) = file_with("log.csv", LOG.as_bytes());
    weekwright(&["status", "--history", &log, "--today", "2024-01-22"])
        .code(0)
        .stdout_has(&[
            "date: \"2024-01-22\"",
            "days_read: 20",
            "longest_run_30d: 110",
            "notes:",
        ]);
    weekwright(&[
        "status",
        "--history",
        &log,
        "--today",
        "2024-01-22",
        "--format",
        "table",
    ])
    .code(0)
    .stdout_has(&[
        "Status at the start of 2024-01-22",
        "fitness",
        "week from",
        "2024-01-15",
        "acwr",
    ]);
}

#[test]
fn status_writes_its_output_file_atomically() {
    let (dir, log) = file_with("log.csv", LOG.as_bytes());
    let out = dir.path().join("status.json");
    let out = out.to_str().unwrap();
    weekwright(&[
        "status",
        "--history",
        &log,
        "--today",
        "2024-01-22",
        "--format",
        "json",
        "--output",
        out,
    ])
    .code(0);
    let v: Value = serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    assert_eq!(v["days_read"], 20);
}

#[test]
fn heart_rates_and_history_come_from_the_profile() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("log.yaml"),
        "- {date: 2024-01-20, session: easy, minutes: 60, avg_hr: 160}\n",
    )
    .unwrap();
    let profile = dir.path().join("runner.yaml");
    std::fs::write(
        &profile,
        "weekly_minutes: 300\nmax_hr: 190\nrest_hr: 50\nhistory: [log.yaml]\n",
    )
    .unwrap();
    let v = weekwright(&[
        "status",
        "--profile",
        profile.to_str().unwrap(),
        "--today",
        "2024-01-21",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    // 160 is 110 / 140 = 78.6 % of reserve: RPE 3 + 3 x (0.786 - 0.6) / 0.2 = 5.79.
    let rpe = 3.0 + 3.0 * (110.0 / 140.0 - 0.6) / 0.2;
    assert!(
        (v["weeks"][3]["load"].as_f64().unwrap() - 60.0 * rpe).abs() < 1e-9,
        "{v}"
    );
}

#[test]
fn a_profile_with_max_hr_and_no_rest_hr_is_refused() {
    let history = data("history");
    for (text, words) in [
        (
            &b"weekly_minutes: 300\nmax_hr: 190\n"[..],
            ["rest_hr", "runner.yaml"],
        ),
        (
            &b"weekly_minutes: 300\nmax_hr: 120\nrest_hr: 110\n"[..],
            ["rest_hr", "at least 20 below"],
        ),
    ] {
        let (_dir, profile) = file_with("runner.yaml", text);
        weekwright(&[
            "status",
            "--profile",
            &profile,
            "--history",
            history.to_str().unwrap(),
        ])
        .code(2)
        .stderr_has(&words);
    }
}

#[test]
fn every_malformed_history_file_exits_2_naming_the_file_and_the_line() {
    let fit = std::fs::read(data("history/Activity.fit")).unwrap();
    let cases: Vec<(&str, Vec<u8>, &[&str])> = vec![
        ("truncated.fit", fit[..60].to_vec(), &["truncated.fit", "FIT"]),
        ("nothing.gpx", b"<?xml version=\"1.0\"?><gpx version=\"1.1\"><trk><trkseg><trkpt lat=\"1\" lon=\"2\"/></trkseg></trk></gpx>".to_vec(), &["nothing.gpx", "without times"]),
        ("broken.gpx", b"<gpx version=\"1.1\"><trk><trkseg>".to_vec(), &["broken.gpx", "GPX"]),
        ("activities.csv", b"Activity ID,Activity Date,Elapsed Time\n1,yesterday,60\n".to_vec(), &["activities.csv", "line 2", "yesterday"]),
        ("log.csv", b"date,session,minutes\n2024-01-01,easy,45\n2024-01-02,easy,forty\n".to_vec(), &["log.csv", "line 3"]),
        ("log.yaml", b"- {date: 2024-01-01, session: jogging, minutes: 45}\n".to_vec(), &["log.yaml", "entry 1", "unknown session"]),
        ("long.yaml", b"- {date: 2024-01-01, session: easy, minutes: 1800}\n".to_vec(), &["long.yaml", "24 hours"]),
        ("bad-date.yaml", b"- {date: 2024-02-30, session: easy, minutes: 40}\n".to_vec(), &["bad-date.yaml", "2024-02-30"]),
        ("other.csv", b"name,value\na,1\n".to_vec(), &["other.csv", "not a history file"]),
    ];
    for (name, body, needles) in cases {
        let (_dir, path) = file_with(name, &body);
        let run = weekwright(&["status", "--history", &path, "--today", "2024-03-01"]);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        for n in needles {
            assert!(
                run.stderr.contains(n),
                "{name}: stderr lacks {n:?}: {}",
                run.stderr
            );
        }
    }
}

#[test]
fn status_without_history_or_with_only_future_activities_says_what_to_give() {
    weekwright(&["status"])
        .code(2)
        .stderr_has(&["--history", "no history given"]);
    weekwright(&[
        "status",
        "--history",
        data("history/log.csv").to_str().unwrap(),
        "--today",
        "2024-01-01",
    ])
    .code(2)
    .stderr_has(&["no activity before 2024-01-01"]);
    weekwright(&["status", "--history", "/no/such/folder"])
        .code(2)
        .stderr_has(&["/no/such/folder"]);
}
