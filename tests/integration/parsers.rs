//! Properties of the parsers a user's text reaches (the profile, the WEEK syntax, a week
//! file's YAML, count and date flags): whatever the input, a value or a clean error, never
//! a panic; and an error message is short and free of raw control characters.

use proptest::prelude::*;
use weekwright::dates::check_date;
use weekwright::error::count_flag;
use weekwright::profile::Profile;
use weekwright::week::WeekSpec;
use weekwright::yaml::parse_yaml;

/// An error message fit for a terminal: bounded, no control characters but line breaks.
fn assert_clean(message: &str) {
    assert!(!message.is_empty());
    assert!(message.len() < 4000, "{} bytes: {message}", message.len());
    assert!(
        !message.chars().any(|c| c.is_control() && c != '\n'),
        "control characters in {message:?}"
    );
}

/// Pieces that YAML and profiles are made of, so that random documents get past the first
/// character and into the parser's and validator's deeper paths.
fn yaml_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("weekly_minutes".to_string()),
        Just("hard_sessions".to_string()),
        Just("max_minutes".to_string()),
        Just("available_days".to_string()),
        Just("fixed".to_string()),
        Just("avoid".to_string()),
        Just("sessions".to_string()),
        Just("model".to_string()),
        Just("block".to_string()),
        Just("long_run_day".to_string()),
        Just("days".to_string()),
        Just("mon".to_string()),
        Just("wed".to_string()),
        Just("intervals".to_string()),
        Just("rpe".to_string()),
        Just("minutes".to_string()),
        Just(": ".to_string()),
        Just(":".to_string()),
        Just("\n".to_string()),
        Just("\n  ".to_string()),
        Just("- ".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just(", ".to_string()),
        Just("&a ".to_string()),
        Just("*a".to_string()),
        Just("<<: ".to_string()),
        Just("!!str ".to_string()),
        Just("? ".to_string()),
        Just("|\n".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("# ".to_string()),
        Just("---\n".to_string()),
        Just(".nan".to_string()),
        Just("-.inf".to_string()),
        Just("~".to_string()),
        Just("\u{feff}".to_string()),
        Just("\t".to_string()),
        Just("\0".to_string()),
        (0u32..3000).prop_map(|n| n.to_string()),
        (-1e6f64..1e6).prop_map(|f| f.to_string()),
        "[a-z_]{1,12}",
        any::<char>().prop_map(String::from),
    ]
}

fn yaml_text() -> impl Strategy<Value = String> {
    prop::collection::vec(yaml_piece(), 0..60).prop_map(|pieces| pieces.concat())
}

/// A plausible profile with one value swapped for a random piece.
fn near_profile() -> impl Strategy<Value = String> {
    (yaml_piece(), yaml_piece(), 0usize..6).prop_map(|(a, b, at)| {
        let mut lines = [
            "weekly_minutes: 300".to_string(),
            "hard_sessions: 2".to_string(),
            "max_minutes: {wed: 45}".to_string(),
            "available_days: [mon, tue, wed, thu, fri, sat, sun]".to_string(),
            "sessions: {intervals: {minutes: 55, rpe: 8}}".to_string(),
            "long_run_day: sun".to_string(),
        ];
        let (key, _) = lines[at].split_once(": ").unwrap();
        lines[at] = format!("{key}: {a}{b}");
        lines.join("\n") + "\n"
    })
}

fn week_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("easy".to_string()),
        Just("rest".to_string()),
        Just("long".to_string()),
        Just("tempo".to_string()),
        Just("Long Fast".to_string()),
        Just("mon".to_string()),
        Just("Sunday".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just("=".to_string()),
        Just(" ".to_string()),
        Just("-".to_string()),
        (0u32..100_000).prop_map(|n| n.to_string()),
        "[a-z_]{1,8}",
        any::<char>().prop_map(String::from),
    ]
}

fn week_text() -> impl Strategy<Value = String> {
    prop::collection::vec(week_piece(), 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_string_gives_a_profile_or_a_clean_error(text in any::<String>()) {
        if let Err(e) = Profile::from_yaml(&text, "p.yaml") {
            assert_clean(&e.to_string());
        }
    }

    #[test]
    fn yaml_like_text_gives_a_profile_or_a_clean_error(text in yaml_text()) {
        if let Err(e) = Profile::from_yaml(&text, "p.yaml") {
            assert_clean(&e.to_string());
        }
    }

    #[test]
    fn a_profile_with_one_bad_value_gives_a_profile_or_a_clean_error(text in near_profile()) {
        if let Err(e) = Profile::from_yaml(&text, "p.yaml") {
            let message = e.to_string();
            assert_clean(&message);
            prop_assert!(message.starts_with("p.yaml"), "{}", message);
        }
    }

    #[test]
    fn bytes_read_as_text_give_a_week_file_value_or_a_clean_error(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
    ) {
        let text = String::from_utf8_lossy(&bytes);
        if let Err(e) = parse_yaml::<serde_json::Value>(&text, "w.yaml") {
            assert_clean(&e.to_string());
        }
        if let Err(e) = Profile::from_yaml(&text, "p.yaml") {
            assert_clean(&e.to_string());
        }
    }

    #[test]
    fn yaml_like_text_gives_a_week_file_value_or_a_clean_error(text in yaml_text()) {
        if let Err(e) = parse_yaml::<serde_json::Value>(&text, "w.yaml") {
            assert_clean(&e.to_string());
        }
    }

    #[test]
    fn any_string_gives_a_week_or_a_clean_error(text in any::<String>()) {
        if let Err(e) = text.parse::<WeekSpec>() {
            assert_clean(&e.to_string());
        }
    }

    #[test]
    fn week_like_text_gives_a_week_or_a_clean_error(text in week_text()) {
        match text.parse::<WeekSpec>() {
            Ok(week) => {
                // What parses prints back as a WEEK that parses to the same week.
                let again: WeekSpec = week.to_string().parse().unwrap();
                prop_assert_eq!(again, week);
            }
            Err(e) => assert_clean(&e.to_string()),
        }
    }

    #[test]
    fn a_count_flag_is_in_range_or_says_the_range(text in "[-+0-9a-z.]{0,25}") {
        match count_flag(&text, 1..=100) {
            Ok(n) => prop_assert!((1..=100).contains(&n)),
            Err(message) => {
                assert_clean(&message);
                prop_assert!(message.contains("1 to 100"), "{}", message);
            }
        }
    }

    #[test]
    fn a_date_flag_is_a_real_date_or_says_how_to_write_one(text in "[0-9]{4}-[0-9]{2}-[0-9]{2}|.{0,12}") {
        match check_date(&text) {
            Ok(date) => prop_assert_eq!(date.to_string(), text.trim()),
            Err(message) => {
                assert_clean(&message);
                prop_assert!(message.contains("YYYY-MM-DD"), "{}", message);
            }
        }
    }
}

/// One rule for every named value a runner types: case does not matter and spaces around
/// are trimmed, for levels and goals as for days, long-run days, session names and the
/// block pattern. Each variant must read exactly as its plain lower-case form.
#[test]
fn every_named_value_is_read_whatever_its_case_and_surrounding_spaces() {
    let base = "weekly_minutes: 300\n";
    let cases: [(&str, &str); 16] = [
        ("level: Advanced", "level: advanced"),
        ("level: ' INTERMEDIATE '", "level: intermediate"),
        ("goal: 10K", "goal: 10k"),
        ("goal: ' 5K '", "goal: 5k"),
        ("goal: Half", "goal: half"),
        ("goal: MARATHON", "goal: marathon"),
        ("goal: General", "goal: general"),
        (
            "available_days: [Monday, ' WED ', SAT]",
            "available_days: [mon, wed, sat]",
        ),
        ("rest_days: [' Thursday ']", "rest_days: [thu]"),
        ("long_run_day: Saturday", "long_run_day: sat"),
        ("long_run_day: ' NONE '", "long_run_day: none"),
        ("max_minutes: {Wednesday: 45}", "max_minutes: {wed: 45}"),
        ("fixed: {TUE: ' Intervals '}", "fixed: {tue: intervals}"),
        ("avoid: {Fri: [HILLS, ' Tempo ']}", "avoid: {fri: [hills, tempo]}"),
        (
            "sessions: {' Intervals ': {minutes: 55}}",
            "sessions: {intervals: {minutes: 55}}",
        ),
        ("block: {pattern: ' 2:1 '}", "block: {pattern: '2:1'}"),
    ];
    let mut failures = Vec::new();
    for (variant, plain) in cases {
        let want = Profile::from_yaml(&format!("{base}{plain}\n"), "plain.yaml")
            .unwrap_or_else(|e| panic!("{plain}: {e}"));
        match Profile::from_yaml(&format!("{base}{variant}\n"), "variant.yaml") {
            Ok(got) if got == want => {}
            Ok(_) => failures.push(format!("{variant}: read differently from {plain}")),
            Err(e) => failures.push(format!("{variant}: {e}")),
        }
    }
    let week: WeekSpec = " Mon = Easy , TUE=Intervals:50 ".parse().unwrap();
    assert_eq!(week, "mon=easy,tue=intervals:50".parse::<WeekSpec>().unwrap());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The same rule for the named values of flags: formats, levels, goals and shells.
#[test]
fn every_named_flag_value_is_read_whatever_its_case_and_surrounding_spaces() {
    use crate::support::weekwright_unchecked;
    let week = "easy,intervals,easy,rest,tempo,easy,long";
    let cases: [&[&str]; 6] = [
        &["score", "--week", week, "--format", "JSON"],
        &["score", "--week", week, "--format", " Table "],
        &["score", "--week", week, "--level", "Advanced", "--goal", "10K"],
        &["catalog", "--level", " BEGINNER ", "--format", "Yaml"],
        &[
            "bench",
            "--sessions",
            "rest,easy",
            "--threads",
            "1",
            "--format",
            "JSON",
        ],
        &["completions", "Bash"],
    ];
    let mut failures = Vec::new();
    for args in cases {
        let run = weekwright_unchecked(args);
        if run.code != 0 {
            failures.push(format!("{args:?}: exit {}: {}", run.code, run.stderr));
        }
    }
    // And the value is the one named, not a default: JSON in any case is JSON.
    let run = weekwright_unchecked(&["score", "--week", week, "--format", "JSON"]);
    if serde_json::from_str::<serde_json::Value>(&run.stdout).is_err() {
        failures.push(format!("--format JSON did not write JSON: {}", run.stdout));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
