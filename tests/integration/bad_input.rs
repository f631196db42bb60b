//! A corpus of bad inputs (profile files, week files, WEEK strings, flag sets): each one
//! exits with the code of CLI.md, says what it names (the file, line and column, the field,
//! the allowed range), and never shows a panic or a backtrace, RUST_BACKTRACE=1 or not.
//! Then the atomic `--output` and the reader that stops early.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{LEAKS, Run, weekwright_unchecked};

/// One bad input and what its answer must say.
struct Case {
    /// Names the case in failures, and the file (`{name}.yaml`) when there is one.
    name: &'static str,
    /// Bytes of a file written to a temporary directory; `{file}` in `args` is its path.
    file: Option<Vec<u8>>,
    /// The command line; `{file}` and `{dir}` are replaced.
    args: Vec<String>,
    /// Expected exit code.
    code: i32,
    /// Texts stderr must contain.
    names: Vec<String>,
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(ToString::to_string).collect()
}

/// A profile file given to `generate`: exit 2, the message names the file and `names`.
fn profile(name: &'static str, text: impl Into<Vec<u8>>, names: &[&str]) -> Case {
    Case {
        name,
        file: Some(text.into()),
        args: strings(&["generate", "--profile", "{file}"]),
        code: 2,
        names: strings(names),
    }
}

/// A week file given to `score --week-file`: exit 2, the message names the file.
fn week_file(name: &'static str, text: impl Into<Vec<u8>>, names: &[&str]) -> Case {
    Case {
        name,
        file: Some(text.into()),
        args: strings(&["score", "--week-file", "{file}"]),
        code: 2,
        names: strings(names),
    }
}

/// A WEEK string given to `score --week`: exit 2.
fn week(name: &'static str, text: &str, names: &[&str]) -> Case {
    Case {
        name,
        file: None,
        args: vec!["score".into(), "--week".into(), text.into()],
        code: 2,
        names: strings(names),
    }
}

/// A command line: exit `code`.
fn flags(name: &'static str, args: &[&str], code: i32, names: &[&str]) -> Case {
    Case {
        name,
        file: None,
        args: strings(args),
        code,
        names: strings(names),
    }
}

/// Run every case and report each one that fails, by name, with both streams.
fn check(cases: &[Case]) {
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for case in cases {
        let file = dir.path().join(format!("{}.yaml", case.name));
        if let Some(bytes) = &case.file {
            std::fs::write(&file, bytes).unwrap();
        }
        let args: Vec<String> = case
            .args
            .iter()
            .map(|a| {
                a.replace("{file}", file.to_str().unwrap())
                    .replace("{dir}", dir.path().to_str().unwrap())
            })
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = weekwright_unchecked(&args);
        let mut wrong = Vec::new();
        if run.code != case.code {
            wrong.push(format!("exit code {} (want {})", run.code, case.code));
        }
        let mut names = case.names.clone();
        if case.file.is_some() && case.code == 2 {
            names.push(format!("{}.yaml", case.name));
        }
        for n in &names {
            if !run.stderr.contains(n.as_str()) {
                wrong.push(format!("stderr lacks {n:?}"));
            }
        }
        wrong.extend(leaks(&run));
        if !wrong.is_empty() {
            failures.push(format!(
                "case {}: {}\n  args: {args:?}\n  stdout: {}\n  stderr: {}",
                case.name,
                wrong.join("; "),
                crop(&run.stdout),
                crop(&run.stderr)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// What no answer may contain: panic or backtrace text, raw control characters that could
/// garble a terminal, or pages of echoed input; and an error prints nothing on stdout.
fn leaks(run: &Run) -> Vec<String> {
    let mut wrong = Vec::new();
    for bad in LEAKS {
        if run.stderr.contains(bad) {
            wrong.push(format!("stderr leaks {bad:?}"));
        }
    }
    if run.stderr.chars().any(|c| c.is_control() && c != '\n') {
        wrong.push("stderr holds raw control characters".to_string());
    }
    if run.stderr.len() > 4000 {
        wrong.push(format!("stderr is {} bytes long", run.stderr.len()));
    }
    if run.code != 0 && !run.stdout.is_empty() {
        wrong.push("an error printed on stdout".to_string());
    }
    if run.stderr.trim().is_empty() {
        wrong.push("stderr says nothing".to_string());
    }
    wrong
}

fn crop(text: &str) -> String {
    text.chars().take(600).collect()
}

/// Billion laughs: ten levels of nine aliases each, 10^9 strings if expanded.
fn alias_bomb() -> String {
    let mut out = String::from("x:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..10u8 {
        let prev = char::from(b'a' + level - 1);
        let cur = char::from(b'a' + level);
        let refs = vec![format!("*{prev}"); 9].join(", ");
        let _ = writeln!(out, "  {cur}: &{cur} [{refs}]");
    }
    out.push_str("days: *j\n");
    out
}

#[test]
#[allow(clippy::too_many_lines)] // A table of cases.
fn bad_profile_values_name_the_field_and_the_allowed_range() {
    check(&[
        profile(
            "huge_volume",
            "weekly_minutes: 1e12\n",
            &["field 'weekly_minutes'", "30 to 2400"],
        ),
        profile(
            "nan_volume",
            "weekly_minutes: .nan\n",
            &["field 'weekly_minutes'", "NaN", "30 to 2400"],
        ),
        profile(
            "negative_volume",
            "weekly_minutes: -5\n",
            &["'weekly_minutes'", "-5", "30 to 2400"],
        ),
        profile(
            "zero_volume",
            "weekly_minutes: 0\n",
            &["'weekly_minutes'", "30 to 2400"],
        ),
        profile(
            "infinite_volume",
            "weekly_minutes: .inf\n",
            &["'weekly_minutes'", "30 to 2400"],
        ),
        profile(
            "text_volume",
            "weekly_minutes: lots\n",
            &[
                "line 1, column 17",
                "field 'weekly_minutes'",
                "expected a number from 30 to 2400",
            ],
        ),
        profile(
            "current_volume",
            "weekly_minutes: 300\ncurrent_weekly_minutes: 5000\n",
            &["field 'current_weekly_minutes'", "30 to 2400"],
        ),
        profile(
            "no_volume",
            "level: beginner\n",
            &["'weekly_minutes' is missing", "weekly_minutes: 300"],
        ),
        profile(
            "hard_sessions_300",
            "weekly_minutes: 300\nhard_sessions: 300\n",
            &["line 2, column 16", "field 'hard_sessions'", "0 to 4"],
        ),
        profile(
            "hard_sessions_negative",
            "weekly_minutes: 300\nhard_sessions: -1\n",
            &["line 2, column 16", "field 'hard_sessions'", "0 to 4"],
        ),
        profile(
            "hard_sessions_9",
            "weekly_minutes: 300\nhard_sessions: 9\n",
            &["'hard_sessions'", "0 to 4"],
        ),
        profile(
            "rest_days_fraction",
            "weekly_minutes: 300\nmin_rest_days: 2.5\n",
            &["line 2, column 16", "field 'min_rest_days'", "0 to 7"],
        ),
        profile(
            "cap_too_small",
            "weekly_minutes: 300\nmax_minutes: {wed: 5}\n",
            &["field 'max_minutes.wed'", "20 to 600"],
        ),
        profile(
            "cap_not_a_number",
            "weekly_minutes: 300\nmax_minutes:\n  wed: lots\n",
            &["line 3, column 8", "field 'max_minutes.wed'", "20 to 600"],
        ),
        profile(
            "rpe_11",
            "weekly_minutes: 300\nsessions: {intervals: {rpe: 11}}\n",
            &["field 'sessions.intervals.rpe'", "1 to 10"],
        ),
        profile(
            "override_minutes_0",
            "weekly_minutes: 300\nsessions: {tempo: {minutes: 0}}\n",
            &["field 'sessions.tempo.minutes'", "1 to 600"],
        ),
        profile(
            "long_name",
            format!("weekly_minutes: 300\nname: {}\n", "n".repeat(201)),
            &["field 'name'", "201 characters", "at most 200"],
        ),
        profile(
            "name_with_escape_codes",
            "weekly_minutes: 300\nname: \"Ann\\e[2J\"\n",
            &["field 'name'", "control character", "plain text"],
        ),
        profile(
            "model_constant",
            "weekly_minutes: 300\nmodel: {tau_fatigue: 0}\n",
            &["field 'model.tau_fatigue'", "1 to 90"],
        ),
        profile(
            "fixed_on_a_rest_day",
            "weekly_minutes: 300\nrest_days: [tue]\nfixed: {tue: intervals}\n",
            &["field 'fixed.tue'", "remove one"],
        ),
        profile(
            "unknown_session",
            "weekly_minutes: 300\nfixed: {tue: jogging}\n",
            &["field 'fixed.tue'", "unknown session 'jogging'", "intervals"],
        ),
        profile(
            "unknown_level",
            "weekly_minutes: 300\nlevel: expert\n",
            &[
                "line 2, column 8",
                "field 'level'",
                "beginner, intermediate, advanced",
            ],
        ),
        profile(
            "unknown_day",
            "weekly_minutes: 300\nlong_run_day: funday\n",
            &["line 2, column 15", "field 'long_run_day'", "funday", "mon, tue"],
        ),
        profile(
            "unknown_day_in_a_list",
            "weekly_minutes: 300\navailable_days:\n  - mon\n  - funday\n",
            &["line 4, column 5", "field 'available_days'", "funday"],
        ),
        profile(
            "no_available_day",
            "weekly_minutes: 300\navailable_days: []\n",
            &["field 'available_days'", "no day is available"],
        ),
        profile(
            "a_list_where_a_value_goes",
            "weekly_minutes: 300\nfixed: {tue: [intervals]}\n",
            &["line 2, column 14", "field 'fixed.tue'", "not a list"],
        ),
        profile(
            "not_true_or_false",
            "weekly_minutes: 300\nallow_back_to_back: maybe\n",
            &["field 'allow_back_to_back'", "true or false"],
        ),
    ]);
}

#[test]
fn malformed_profile_files_name_the_file_line_and_column() {
    check(&[
        profile(
            "typo_field",
            "weekly_minutes: 300\nweekly_minutez: 3\n",
            &[
                "line 2, column 1",
                "unknown field 'weekly_minutez'",
                "did you mean 'weekly_minutes'",
            ],
        ),
        profile(
            "duplicate_key",
            "weekly_minutes: 300\nweekly_minutes: 200\n",
            &["line 2, column 1", "duplicate key 'weekly_minutes'"],
        ),
        profile(
            "duplicate_day",
            "weekly_minutes: 300\nmax_minutes: {wed: 45, wed: 50}\n",
            &["line 2, column 24", "duplicate key 'wed'"],
        ),
        profile(
            "unclosed_bracket",
            "weekly_minutes: 300\nlevel: [intermediate\n",
            &["line ", "column "],
        ),
        profile(
            "tab_indentation",
            "weekly_minutes: 300\nmodel:\n\ttau_legs: 2\n",
            &["line 3, column 2", "indent with spaces, not tabs"],
        ),
        profile(
            "unclosed_quote",
            "weekly_minutes: 300\nname: \"Ann\n",
            &["line 2", "unclosed quote", "quotes are closed"],
        ),
        profile("empty", "", &["empty", "weekly_minutes: 300"]),
        profile("only_comments", "# weekly_minutes: 300\n\n", &["empty"]),
        profile(
            "two_documents",
            "weekly_minutes: 300\n---\nweekly_minutes: 200\n",
            &["line 3, column 1", "more than one YAML document"],
        ),
        profile(
            "a_list_not_a_mapping",
            "- weekly_minutes\n- 300\n",
            &["line 1, column 1", "expected a mapping"],
        ),
        profile(
            "latin1",
            b"weekly_minutes: 300\nname: caf\xe9\n".to_vec(),
            &["line 2, column 10", "0xE9", "not UTF-8", "save the file as UTF-8"],
        ),
        profile(
            "utf16",
            b"\xff\xfew\x00e\x00e\x00k\x00".to_vec(),
            &["UTF-16", "UTF-8"],
        ),
        profile(
            "binary",
            (0..=255u8).cycle().take(4096).collect::<Vec<u8>>(),
            &["not UTF-8"],
        ),
        profile(
            "nul_bytes",
            b"weekly_minutes: 300\n\x00\x00\n".to_vec(),
            &["line 2, column 1"],
        ),
    ]);
}

#[test]
fn hostile_yaml_ends_in_a_clear_error_quickly() {
    let start = Instant::now();
    check(&[
        profile(
            "over_1_mib",
            format!("weekly_minutes: 300\nname: {}\n", "x".repeat(2_000_000)),
            &["1.9 MiB", "over the limit of 1 MiB"],
        ),
        profile(
            "scalar_of_900_kb",
            format!("weekly_minutes: 300\nname: \"{}\"\n", "x".repeat(900_000)),
            &["field 'name'", "900000 characters", "at most 200"],
        ),
        profile(
            "key_of_900_kb",
            format!("weekly_minutes: 300\n{}: 1\n", "k".repeat(900_000)),
            &["line 2, column 1"],
        ),
        profile(
            "alias_bomb_in_a_profile",
            format!(
                "weekly_minutes: 300\nmodel:\n{}",
                alias_bomb().replace("x:\n", "")
            ),
            &["line 3"],
        ),
        week_file("empty_days", "days: []\n", &["'days' list is empty"]),
        week_file(
            "alias_bomb",
            alias_bomb(),
            &["too large or too complex", "anchors"],
        ),
        week_file(
            "flow_nesting_10000",
            format!("days: {}{}\n", "[".repeat(10_000), "]".repeat(10_000)),
            &["line 1", "nested deeper than 32 levels"],
        ),
        week_file(
            "block_nesting_10000",
            format!("days:\n  {}x\n", "- ".repeat(10_000)),
            &["line 2", "nested deeper than 32 levels"],
        ),
        week_file(
            "many_values",
            format!("days: [{}]\n", vec!["0"; 300_000].join(",")),
            &["too large or too complex", "more than 200000 values"],
        ),
        week_file(
            "no_days",
            "plan: easy\n",
            &["no 'days' list", "weekwright generate"],
        ),
        week_file(
            "days_that_are_not_days",
            "days: [1, 2, 3]\n",
            &["days[0]", "{day: mon, session: easy, minutes: 45}"],
        ),
        week_file(
            "duplicate_key_in_a_plan",
            "days:\n  - {day: mon, day: tue, session: easy}\n",
            &["line 2", "duplicate key 'day'"],
        ),
    ]);
    let took = start.elapsed();
    assert!(took < Duration::from_secs(30), "hostile inputs took {took:?}");
}

#[test]
fn bad_weeks_say_which_day_and_the_allowed_minutes() {
    check(&[
        week(
            "zero_minutes",
            "easy,intervals,easy,rest,tempo:0,easy,long",
            &["bad WEEK", "Friday", "'0'", "1 to 600"],
        ),
        week(
            "huge_minutes",
            "easy:100000,intervals,easy,rest,tempo,easy,long",
            &["Monday", "'100000'", "1 to 600"],
        ),
        week(
            "fractional_minutes",
            "easy:4.5,intervals,easy,rest,tempo,easy,long",
            &["Monday", "whole number"],
        ),
        week(
            "negative_minutes",
            "easy,intervals:-5,easy,rest,tempo,easy,long",
            &["Tuesday", "1 to 600"],
        ),
        week(
            "six_days",
            "easy,intervals,easy,rest,tempo,easy",
            &["it has 6 days", "seven sessions"],
        ),
        week("empty", "", &["it is empty", "seven sessions"]),
        week(
            "unknown_session",
            "easy,intervals,easy,rest,tempo,easy,marathonish",
            &["Sunday", "unknown session 'marathonish'", "long_fast"],
        ),
        week(
            "typo_session",
            "easy,intervls,easy,rest,tempo,easy,long",
            &[
                "Tuesday",
                "unknown session 'intervls'",
                "did you mean 'intervals'",
            ],
        ),
        week(
            "typo_day",
            "tuseday=easy",
            &["unknown day 'tuseday'", "did you mean tue"],
        ),
        week(
            "rest_with_minutes",
            "rest:30,intervals,easy,rest,tempo,easy,long",
            &["Monday", "rest takes no minutes"],
        ),
        week(
            "day_named_twice",
            "mon=easy,Monday=tempo",
            &["Monday is named twice"],
        ),
        week("mixed_forms", "mon=easy,tempo", &["mixes"]),
        week("unknown_day", "funday=easy", &["unknown day 'funday'"]),
        week(
            "escape_codes",
            "easy\u{1b}[31m,intervals,easy,rest,tempo,easy,long",
            &["unknown session", "\\u{1b}"],
        ),
        week(
            "a_hundred_kilobytes",
            &"x".repeat(100_000),
            &["it has 1 day", "..."],
        ),
    ]);
}

#[test]
#[allow(clippy::too_many_lines)] // A table of cases.
fn bad_flags_name_the_flag_and_the_allowed_range() {
    check(&[
        flags("top_0", &["generate", "--top", "0"], 2, &["--top", "1 to 100"]),
        flags(
            "top_1e20",
            &["generate", "--top", "1e20"],
            2,
            &["--top", "1 to 100"],
        ),
        flags(
            "top_20_digits",
            &["generate", "--top", "100000000000000000000"],
            2,
            &["--top", "1 to 100"],
        ),
        flags(
            "top_negative",
            &["generate", "--top", "-1"],
            2,
            &["--top", "1 to 100"],
        ),
        flags(
            "threads_0",
            &["generate", "--threads", "0"],
            2,
            &["--threads", "1 to 256"],
        ),
        flags(
            "bench_threads_300",
            &["bench", "--threads", "300"],
            2,
            &["--threads", "1 to 256"],
        ),
        flags(
            "start_that_does_not_exist",
            &["generate", "--start", "2026-02-30"],
            2,
            &["--start", "2026-02 has 28 days", "YYYY-MM-DD"],
        ),
        flags(
            "start_month_13",
            &["generate", "--start", "2026-13-01"],
            2,
            &["--start", "month 13", "YYYY-MM-DD"],
        ),
        flags(
            "block_start_at_the_end_of_the_calendar",
            &["block", "--start", "9999-12-27", "--weeks", "2"],
            2,
            &["--start", "1900 to 2200"],
        ),
        flags(
            "race_in_a_year_out_of_range",
            &["block", "--race", "1066-10-14"],
            2,
            &["--race", "1900 to 2200"],
        ),
        flags(
            "seed_too_large",
            &["block", "--seed", "18446744073709551616"],
            2,
            &["--seed", "0 to 18446744073709551615"],
        ),
        flags(
            "race_too_close_for_a_block",
            &[
                "block",
                "--start",
                "2026-12-07",
                "--weeks",
                "2",
                "--race",
                "2026-12-10",
            ],
            2,
            &["--race", "at least 3 weeks", "start earlier"],
        ),
        flags(
            "start_not_a_date",
            &["generate", "--start", "next monday"],
            2,
            &["--start", "YYYY-MM-DD"],
        ),
        flags(
            "output_in_a_missing_directory",
            &["generate", "--top", "1", "--output", "{dir}/missing/plans.yaml"],
            2,
            &["missing/plans.yaml", "does not exist", "create it"],
        ),
        flags(
            "output_is_a_directory",
            &["generate", "--top", "1", "--output", "{dir}"],
            2,
            &["is a directory", "file name"],
        ),
        flags(
            "profile_is_a_directory",
            &["generate", "--profile", "{dir}"],
            2,
            &["cannot read", "is a directory"],
        ),
        flags(
            "profile_is_missing",
            &["generate", "--profile", "{dir}/nope.yaml"],
            2,
            &["nope.yaml", "no such file"],
        ),
        flags(
            "week_file_is_a_directory",
            &["score", "--week-file", "{dir}"],
            2,
            &["is a directory"],
        ),
        flags(
            "format_generate_lacks",
            &["generate", "--format", "svg"],
            2,
            &["--format", "'svg'", "possible values: yaml, json, table, ics"],
        ),
        // The men's 10k record is 26:11 (Cheptegei, 2020); 26:00 gives a VDOT of about 86,
        // inside 20 to 90, so only the record refuses it.
        flags(
            "result_faster_than_the_world_record",
            &["paces", "--result", "10k=26:00"],
            2,
            &[
                "--result",
                "10k in 26:00",
                "faster than the world record (10k 26:11",
            ],
        ),
        // 12 km lies between the 10k and half records: 31:37 on the log-log line.
        flags(
            "result_faster_than_the_world_record_between_records",
            &["generate", "--result", "12km=31:00"],
            2,
            &[
                "--result",
                "faster than the world record (31:37 for 12 km",
                "10k record",
            ],
        ),
        profile(
            "profile_result_faster_than_the_world_record",
            "weekly_minutes: 300\nfitness:\n  result: {distance: 5k, time: \"12:20\"}\n",
            &["fitness.result", "faster than the world record (5k 12:35.36"],
        ),
        flags(
            "format_fit_without_output",
            &["block", "--format", "fit"],
            2,
            &["--output", "add --output DIR"],
        ),
        Case {
            name: "format_fit_into_a_file",
            file: Some(b"mine".to_vec()),
            args: strings(&["generate", "--format", "fit", "--output", "{file}"]),
            code: 2,
            names: strings(&["is a file, not a directory", "give a directory"]),
        },
        flags(
            "format_bench_lacks",
            &["bench", "--format", "ics"],
            2,
            &["--format", "'ics'", "possible values: yaml, json, table"],
        ),
        flags(
            "sessions_with_a_hole",
            &["bench", "--sessions", "easy,,tempo"],
            2,
            &["--sessions", "item 2 is empty"],
        ),
        flags(
            "sessions_twice",
            &["bench", "--sessions", "easy,easy"],
            2,
            &["--sessions", "listed twice"],
        ),
        flags(
            "unknown_level",
            &["catalog", "--level", "expert"],
            2,
            &["expert", "beginner"],
        ),
        flags("no_week", &["score"], 2, &["--week"]),
    ]);
}

#[test]
fn constraints_that_admit_no_week_exit_3() {
    check(&[Case {
        name: "too_tight",
        file: Some(
            b"name: Too tight\nweekly_minutes: 200\navailable_days: [mon, tue, sun]\nhard_sessions: 3\nlong_run_day: sun\n"
                .to_vec(),
        ),
        args: strings(&["generate", "--profile", "{file}"]),
        code: 3,
        names: strings(&["no week fits", "relax"]),
    }]);
}

const TIGHT: &str = "name: Too tight\nweekly_minutes: 200\navailable_days: [mon, tue, sun]\nhard_sessions: 3\nlong_run_day: sun\n";

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_failed_run_leaves_an_existing_output_file_untouched_and_no_temporary_file() {
    let inputs = tempfile::tempdir().unwrap();
    let tight = inputs.path().join("tight.yaml");
    std::fs::write(&tight, TIGHT).unwrap();
    let bad = inputs.path().join("bad.yaml");
    std::fs::write(&bad, "weekly_minutes: 1e12\n").unwrap();

    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("plans.yaml");
    let precious = b"# last week's plans, kept by hand\nplans: []\n".to_vec();
    std::fs::write(&out, &precious).unwrap();
    let out_arg = out.to_str().unwrap();

    for (profile, code) in [(&tight, 3), (&bad, 2)] {
        let run = weekwright_unchecked(&[
            "generate",
            "--profile",
            profile.to_str().unwrap(),
            "--output",
            out_arg,
        ]);
        assert_eq!(run.code, code, "{}", run.stderr);
        assert!(leaks(&run).is_empty(), "{:?}", leaks(&run));
        assert_eq!(std::fs::read(&out).unwrap(), precious, "the file changed");
        assert_eq!(
            listing(out_dir.path()),
            ["plans.yaml"],
            "a temporary file was left"
        );
    }
}

#[test]
fn a_successful_run_replaces_the_output_whole_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plans.json");
    std::fs::write(&out, "old").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let run = weekwright_unchecked(&[
        "generate",
        "--top",
        "1",
        "--format",
        "json",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(written["plans"].as_array().unwrap().len(), 1);
    assert_eq!(listing(dir.path()), ["plans.json"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640, "the replaced file's mode is kept");
    }
}

/// Start `weekwright args`, read one line of its output, close the pipe, and return how it
/// ended. The output is well over a pipe buffer (64 KiB), so the writes after the close
/// fail: the program must end quietly and successfully, as `| head -n 1` expects.
fn read_one_line_then_close(args: &[&str]) -> (std::process::ExitStatus, String, String) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("weekwright"))
        .args(args)
        .env("RUST_BACKTRACE", "1")
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    drop(reader);
    let out = child.wait_with_output().unwrap();
    (
        out.status,
        line,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_reader_that_stops_early_gets_no_broken_pipe_error() {
    for format in ["yaml", "table", "json"] {
        let (status, line, stderr) =
            read_one_line_then_close(&["generate", "--top", "100", "--format", format]);
        assert!(!line.is_empty(), "{format}: no first line");
        assert!(status.success(), "{format}: {status:?}, stderr: {stderr}");
        assert_eq!(stderr, "", "{format}: stderr");
    }
}

#[cfg(unix)]
#[test]
fn an_output_through_a_symbolic_link_replaces_the_file_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("real")).unwrap();
    let real = dir.path().join("real/plans.yaml");
    std::fs::write(&real, "old").unwrap();
    let link = dir.path().join("plans.yaml");
    std::os::unix::fs::symlink("real/plans.yaml", &link).unwrap();
    let run = weekwright_unchecked(&["generate", "--top", "1", "--output", link.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(std::fs::read_to_string(&real).unwrap().starts_with("profile:"));
    assert_eq!(listing(dir.path()), ["plans.yaml", "real"]);
    assert_eq!(listing(&dir.path().join("real")), ["plans.yaml"]);
}

#[test]
fn an_error_with_nobody_reading_stderr_still_exits_2_and_does_not_abort() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, "weekly_minutes: 1e12\n").unwrap();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("weekwright"))
        .args(["generate", "--profile", bad.to_str().unwrap()])
        .env("RUST_BACKTRACE", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    // Close the only reader of stderr before the error is written: the write fails
    // (EPIPE), and a failing eprintln! would panic inside the panic hook and abort.
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(2), "{status:?}");
}

#[cfg(unix)]
#[test]
fn a_read_only_output_file_is_refused_and_left_as_it_was() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plans.yaml");
    std::fs::write(&out, "kept").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o444)).unwrap();
    let run = weekwright_unchecked(&["generate", "--top", "1", "--output", out.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("plans.yaml") && run.stderr.contains("read-only"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "kept");
    assert_eq!(listing(dir.path()), ["plans.yaml"]);
}

/// A file of `dir` with a modification time `age` ago.
fn aged_file(dir: &Path, name: &str, age: Duration) {
    let path = dir.join(name);
    std::fs::write(&path, "half a plan").unwrap();
    let when = std::time::SystemTime::now() - age;
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(when)
        .unwrap();
}

/// A run killed (SIGKILL) between creating its temporary file and renaming it leaves the
/// file behind. The next run that writes the same target removes such leftovers: only
/// files of its own naming for that target, only old ones whose process is gone; a
/// concurrent run's file (its process alive, or too young to tell), another target's and
/// names it does not know are left alone.
#[test]
fn a_run_removes_the_stale_temporary_files_of_its_target_and_nothing_else() {
    let dead = {
        let mut child = Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    };
    let alive = std::process::id();
    let hour = Duration::from_secs(3600);
    let dir = tempfile::tempdir().unwrap();
    let stale = format!(".weekwright-plans.yaml.{dead}.Ab3xYz.tmp");
    let keep = [
        format!(".weekwright-plans.yaml.{alive}.Qw9eRt.tmp"),
        format!(".weekwright-other.yaml.{dead}.Zx8cVb.tmp"),
        ".weekwright-Gh5jKl.tmp".to_string(),
        format!("plans.yaml.{dead}.Ab3xYz.tmp"),
    ];
    aged_file(dir.path(), &stale, hour);
    for name in &keep {
        aged_file(dir.path(), name, hour);
    }
    let young = format!(".weekwright-plans.yaml.{dead}.Mn2bVc.tmp");
    aged_file(dir.path(), &young, Duration::from_secs(5));

    let out = dir.path().join("plans.yaml");
    let run = weekwright_unchecked(&["generate", "--top", "1", "--output", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut want: Vec<String> = keep.to_vec();
    want.extend([young, "plans.yaml".to_string()]);
    want.sort();
    assert_eq!(listing(dir.path()), want, "{stale} should be gone, and only it");
}

/// Output that cannot be written (a full disk) is neither a bug (1) nor bad input (2): the
/// same failure exits 4 whether it happens on stdout or through --output, and the README
/// and the man page list that code.
#[test]
fn a_full_disk_exits_4_on_stdout_and_through_output_alike() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("weekwright");
    let to_stdout = Command::new(&bin)
        .args(["generate", "--top", "1"])
        .stdout(std::fs::File::options().write(true).open("/dev/full").unwrap())
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap();
    let through_output = Command::new(&bin)
        .args(["generate", "--top", "1", "--output", "/dev/full"])
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap();
    for (how, out) in [("stdout", to_stdout), ("--output", through_output)] {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(4), "{how}: {stderr}");
        assert!(stderr.contains("cannot write"), "{how}: {stderr}");
        assert!(!LEAKS.iter().any(|l| stderr.contains(l)), "{how}: {stderr}");
    }
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(readme.contains("| 4 |"), "the README's exit codes lack 4");
    let man = weekwright_unchecked(&["man"]).stdout;
    assert!(man.contains("\\fB4\\fR"), "the man page's EXIT STATUS lacks 4");
}

/// A day that must be rest and must not be rest is a contradiction, refused naming both
/// fields, as a fixed session on a rest day already was.
#[test]
fn avoiding_rest_on_a_day_that_must_be_rest_is_refused_naming_both_fields() {
    check(&[
        profile(
            "avoid_rest_on_a_rest_day",
            "weekly_minutes: 300\nrest_days: [wed]\navoid: {wed: [rest]}\n",
            &["avoid.wed", "rest_days", "Wednesday"],
        ),
        profile(
            "avoid_off_on_a_day_off",
            "weekly_minutes: 300\navailable_days: [mon, tue, thu, fri, sat, sun]\navoid: {wed: [easy, off]}\n",
            &["avoid.wed", "available_days", "Wednesday"],
        ),
    ]);
}

/// A long-run day capped below the shortest long run (60 minutes) would plan a 30-minute
/// "long run": a contradiction, refused naming both fields and the goal's shortest long run
/// (75 minutes for the default half, 45 for a 5k: docs/model.md, "Minutes").
#[test]
fn a_long_run_day_capped_below_the_shortest_long_run_is_refused_naming_both_fields() {
    check(&[
        profile(
            "long_run_day_capped",
            "weekly_minutes: 300\nlong_run_day: sun\nmax_minutes: {sun: 30}\n",
            &["long_run_day", "max_minutes.sun", "75"],
        ),
        profile(
            "long_run_day_capped_just_below",
            "weekly_minutes: 300\nlong_run_day: Saturday\nmax_minutes: {sat: 74.5}\n",
            &["long_run_day", "max_minutes.sat", "75"],
        ),
        profile(
            "fixed_long_run_capped",
            "weekly_minutes: 300\ngoal: 5k\nfixed: {sat: long_fast}\nmax_minutes: {sat: 44}\n",
            &["fixed.sat", "max_minutes.sat", "45"],
        ),
    ]);
}

/// A `model:` override that model version 2 removed is refused saying so and what to do,
/// not "check the spelling".
#[test]
fn a_removed_model_override_is_refused_saying_it_was_removed() {
    check(&[profile(
        "reference_intensity",
        "weekly_minutes: 300\nmodel: {reference_intensity: 6.0}\n",
        &[
            "reference_intensity",
            "removed in version 2",
            "delete the line",
            "line 2",
        ],
    )]);
}
