//! History that is not what it should be (README, "Bad history"): each case either exits 2
//! with a message naming the file (and the row), or is left out with a warning on stderr
//! naming the file while the rest is read. A named file must read whole; in a folder a
//! file that is not history is skipped; a recorded activity no watch could record is left
//! out; overlapping activities count once; a folder of 10,000 files is read.

use std::path::Path;

use crate::support::{data, weekwright};

/// A good log: one easy run of 40 minutes (load 120) on 2024-01-02.
const GOOD: &str = "- {date: 2024-01-02, session: easy, minutes: 40, rpe: 3}\n";

fn folder_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    for (name, body) in files {
        std::fs::write(dir.path().join(name), body).unwrap();
    }
    dir
}

fn status(path: &Path) -> crate::support::Run {
    weekwright(&[
        "status",
        "--history",
        path.to_str().unwrap(),
        "--today",
        "2024-01-08",
        "--format",
        "json",
    ])
}

/// The last week's load of a status run (the good log's 120 when only it counts).
fn last_week_load(run: &crate::support::Run) -> f64 {
    run.json()["weeks"][3]["load"].as_f64().unwrap()
}

fn fit_sdk_activity() -> Vec<u8> {
    std::fs::read(data("history/Activity.fit")).unwrap()
}

/// A GPX track whose points carry no times.
const NO_TIMES: &[u8] =
    b"<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"x\"><trk><trkseg><trkpt lat=\"1\" lon=\"2\"/><trkpt lat=\"1.01\" lon=\"2\"/></trkseg></trk></gpx>";

/// Garmin Connect's activity list: a CSV, but not one weekwright reads.
const OTHER_CSV: &[u8] =
    b"Activity Type,Date,Title,Distance,Time\nRunning,2024-01-03 07:00:00,Morning Run,10.0,00:50:00\n";

#[test]
fn a_broken_file_named_on_the_command_line_exits_2_naming_it() {
    let fit = fit_sdk_activity();
    let mut garbled = fit.clone();
    for b in &mut garbled[40..200] {
        *b ^= 0x5A;
    }
    let cases: [(&str, &[u8], &str); 5] = [
        ("truncated.fit", &fit[..fit.len() / 2], "FIT"),
        ("garbled.fit", &garbled, "FIT"),
        ("notimes.gpx", NO_TIMES, "without times"),
        ("garmin.csv", OTHER_CSV, "not a history file"),
        ("empty.fit", b"", "empty"),
    ];
    for (name, body, words) in cases {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, body).unwrap();
        let run = status(&path);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert!(
            run.stderr.contains(name) && run.stderr.contains(words),
            "{name}: {}",
            run.stderr
        );
    }
}

#[test]
fn in_a_folder_a_file_that_is_not_history_is_skipped_with_a_warning_naming_it() {
    let fit = fit_sdk_activity();
    let dir = folder_with(&[
        ("truncated.fit", &fit[..fit.len() / 2]),
        ("notimes.gpx", NO_TIMES),
        ("garmin.csv", OTHER_CSV),
    ]);
    let run = status(dir.path()).code(0);
    for (name, why) in [
        ("truncated.fit", "FIT"),
        ("notimes.gpx", "without times"),
        ("garmin.csv", "not a history file"),
    ] {
        assert!(
            run.stderr
                .lines()
                .any(|l| l.contains("skipped") && l.contains(name) && l.contains(why)),
            "{name}: {}",
            run.stderr
        );
    }
    // The good log is still read: its 40 minutes at RPE 3.
    assert_eq!(last_week_load(&run), 120.0);
    // -q keeps the warnings to itself.
    let quiet = weekwright(&[
        "-q",
        "status",
        "--history",
        dir.path().to_str().unwrap(),
        "--today",
        "2024-01-08",
    ])
    .code(0);
    assert_eq!(quiet.stderr, "");
}

#[test]
fn a_file_over_50_mb_exits_2_named_and_is_skipped_in_a_folder() {
    let dir = folder_with(&[]);
    let big = dir.path().join("huge.fit");
    // A sparse file: 51 MB long, nothing written.
    std::fs::File::create(&big)
        .unwrap()
        .set_len(51 * 1024 * 1024)
        .unwrap();
    status(&big).code(2).stderr_has(&["huge.fit", "50 MB"]);
    let run = status(dir.path())
        .code(0)
        .stderr_has(&["skipped", "huge.fit", "50 MB"]);
    assert_eq!(last_week_load(&run), 120.0);
}

#[test]
fn a_log_with_a_bad_entry_exits_2_even_in_a_folder() {
    // A typing mistake in the runner's own log is to be fixed, not skipped.
    let dir = folder_with(&[(
        "typo.csv",
        b"date,session,minutes\n2024-01-03,easy,45\n2024-01-04,easy,fourty\n",
    )]);
    status(dir.path()).code(2).stderr_has(&["typo.csv", "line 3"]);
    let dir = folder_with(&[(
        "long.yaml",
        b"- {date: 2024-01-03, session: easy, minutes: 1800}\n",
    )]);
    status(dir.path()).code(2).stderr_has(&["long.yaml", "24 hours"]);
}

#[test]
fn a_recording_of_30_hours_is_left_out_with_a_warning_naming_the_file_and_row() {
    // A watch left running: a FIT session of 30 hours from 2024-01-03 08:00 UTC.
    let start = 1_704_067_200 + 2 * 86_400 + 8 * 3600;
    let fit = crate::fit_writer::session_file(start, 30.0 * 3600.0, 12_000.0, 120, 1);
    let strava = b"Activity ID,Activity Date,Activity Type,Elapsed Time\n1,\"Jan 4, 2024, 10:00:00 AM\",Run,3000\n2,\"Jan 5, 2024, 10:00:00 AM\",Run,108000\n";
    let dir = folder_with(&[("running.fit", &fit), ("activities.csv", strava)]);
    let run = status(dir.path()).code(0);
    assert!(
        run.stderr
            .lines()
            .any(|l| l.contains("left out") && l.contains("running.fit") && l.contains("1800.0 minutes")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .lines()
            .any(|l| l.contains("left out") && l.contains("activities.csv: row 3")),
        "{}",
        run.stderr
    );
    // The log's 120 and Strava's 50-minute run at the default RPE 3 (150) count.
    assert_eq!(last_week_load(&run), 270.0);
    // Named, the file still reads: its one good row is kept, the other left out.
    let csv = dir.path().join("activities.csv");
    status(&csv).code(0).stderr_has(&["left out", "row 3"]);
}

#[test]
fn activities_dated_after_today_are_left_out_with_a_warning_naming_the_file() {
    let dir = folder_with(&[(
        "future.yaml",
        b"- {date: 2030-06-01, session: easy, minutes: 30}\n",
    )]);
    let run = status(dir.path()).code(0).stderr_has(&[
        "left out 1 activity dated on or after 2024-01-08",
        "future.yaml",
        "2030-06-01",
    ]);
    assert_eq!(last_week_load(&run), 120.0);
}

#[test]
fn overlapping_activities_count_once_the_longer_kept_and_a_warning_names_both() {
    // 10:00 for 60 minutes and 10:30 for 90: 30 minutes at once, not copies (starts 30
    // minutes apart). The 90 minutes count (RPE 3: 270), the 60 do not. 12:00 for 30
    // minutes starts as the 90 end: no overlap (90).
    let strava = b"Activity ID,Activity Date,Activity Type,Elapsed Time\n1,\"Jan 3, 2024, 10:00:00 AM\",Run,3600\n2,\"Jan 3, 2024, 10:30:00 AM\",Run,5400\n3,\"Jan 3, 2024, 12:00:00 PM\",Run,1800\n";
    let dir = folder_with(&[("activities.csv", strava)]);
    let run = status(dir.path()).code(0);
    let line = run
        .stderr
        .lines()
        .find(|l| l.contains("overlaps"))
        .unwrap_or_else(|| panic!("no overlap warning: {}", run.stderr));
    assert!(
        line.contains("activities.csv: row 2") && line.contains("activities.csv: row 3"),
        "{line}"
    );
    assert_eq!(run.stderr.matches("overlaps").count(), 1, "{}", run.stderr);
    assert_eq!(last_week_load(&run), 120.0 + 270.0 + 90.0);
}

#[test]
fn a_folder_of_10000_small_logs_is_read() {
    let dir = tempfile::tempdir().unwrap();
    // One 30-minute easy run a file, on the days from 2015-01-01 on, two files a day.
    let first = jiff::civil::date(2015, 1, 1);
    for i in 0..10_000_i64 {
        let date = first.checked_add(jiff::Span::new().days(i / 2)).unwrap();
        std::fs::write(
            dir.path().join(format!("run-{i:05}.yaml")),
            format!("- {{date: {date}, session: easy, minutes: 30}}\n"),
        )
        .unwrap();
    }
    let started = std::time::Instant::now();
    let run = weekwright(&[
        "status",
        "--history",
        dir.path().to_str().unwrap(),
        "--today",
        "2030-01-01",
        "--format",
        "json",
    ])
    .code(0);
    // Measured, not asserted: README gives the figure.
    eprintln!("10,000 files read in {:.2} s", started.elapsed().as_secs_f64());
    let v = run.json();
    assert_eq!(v["activities"], 10_000);
    // The last file is on 2015-01-01 + 4999 days = 2028-09-08.
    assert_eq!(v["first_day"], "2015-01-01");
}

#[test]
fn a_folder_linked_into_itself_is_read_once_and_many_warnings_are_counted() {
    let dir = folder_with(&[]);
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    // 25 files that are not history: 20 warnings printed, then how many more.
    for i in 0..25 {
        std::fs::write(dir.path().join(format!("other-{i:02}.csv")), OTHER_CSV).unwrap();
    }
    let run = status(dir.path()).code(0);
    assert_eq!(run.stderr.matches("skipped").count(), 20, "{}", run.stderr);
    assert!(run.stderr.contains("and 5 more warnings"), "{}", run.stderr);
    // The good log counts once, not once more through the link.
    assert_eq!(last_week_load(&run), 120.0);
    assert_eq!(run.json()["activities"], 1);
}
