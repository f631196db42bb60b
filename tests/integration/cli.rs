//! The command line end to end: outputs, formats and exit codes of CLI.md.

use crate::sentences::relaxed;
use crate::support::weekwright;

#[test]
fn generate_on_the_builtin_profile_prints_five_plans_as_yaml() {
    let run = weekwright(&["generate"]).code(0);
    assert_eq!(run.stdout.matches("- rank:").count(), 5, "{}", run.stdout);
    run.stdout_has(&[
        "profile:",
        "searched:",
        "feasible:",
        "plans:",
        "verdict: balanced",
    ]);
}

#[test]
fn generate_json_carries_the_keys_of_cli_md() {
    let out = weekwright(&["generate", "--format", "json", "--top", "2"])
        .code(0)
        .json();
    let plan = &out["plans"][0];
    for key in [
        "rank",
        "score",
        "verdict",
        "repeatable",
        "days",
        "totals",
        "metrics",
        "components",
        "violations",
        "notes",
    ] {
        assert!(plan.get(key).is_some(), "plan lacks {key}");
    }
    assert_eq!(plan["days"].as_array().unwrap().len(), 7);
    assert_eq!(plan["components"].as_array().unwrap().len(), 10);
    assert_eq!(out["plans"].as_array().unwrap().len(), 2);
}

#[test]
fn the_output_is_identical_with_one_and_two_threads() {
    let one = weekwright(&["generate", "--threads", "1", "--format", "json"])
        .code(0)
        .stdout;
    let two = weekwright(&["generate", "--threads", "2", "--format", "json"])
        .code(0)
        .stdout;
    assert_eq!(one, two);
}

#[test]
fn score_with_a_profile_reports_a_percentile() {
    let out = weekwright(&[
        "score",
        "--week",
        "easy,intervals,easy,rest,tempo,easy,long",
        "--profile",
        &crate::support::profile("intermediate-10k.yaml")
            .display()
            .to_string(),
        "--format",
        "json",
    ])
    .code(0)
    .json();
    let p = out["percentile"].as_f64().expect("percentile");
    assert!((0.0..=1.0).contains(&p));
}

#[test]
fn the_table_fits_in_80_columns() {
    let run = weekwright(&[
        "score",
        "--week",
        "moderate,intervals,tempo,easy,moderate,rest,long",
        "--format",
        "table",
    ])
    .code(0);
    for line in run.stdout.lines() {
        assert!(line.chars().count() <= 80, "{line}");
    }
    run.stdout_has(&["Monday", "back_to_back", "distribution"]);
}

#[test]
fn a_week_of_six_days_is_bad_input() {
    weekwright(&["score", "--week", "easy,intervals,easy,rest,tempo,easy"])
        .code(2)
        .stderr_has(&["it has 6 days", "seven sessions"]);
}

#[test]
fn an_unknown_session_lists_the_valid_ids() {
    weekwright(&[
        "score",
        "--week",
        "easy,intervals,easy,rest,tempo,easy,marathonish",
    ])
    .code(2)
    .stderr_has(&["unknown session 'marathonish'", "long_fast", "intervals"]);
}

#[test]
fn malformed_yaml_names_the_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.yaml");
    std::fs::write(&path, "weekly_minutes: 300\nlevel: [intermediate\n").unwrap();
    weekwright(&["generate", "--profile", path.to_str().unwrap()])
        .code(2)
        .stderr_has(&["bad.yaml", "line ", "column "]);
}

#[test]
fn an_unknown_field_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo.yaml");
    std::fs::write(&path, "weekly_minutes: 300\nhard_sesions: 2\n").unwrap();
    weekwright(&["generate", "--profile", path.to_str().unwrap()])
        .code(2)
        .stderr_has(&["typo.yaml", "hard_sesions"]);
}

#[test]
fn constraints_that_admit_no_week_exit_3_and_say_what_to_relax() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tight.yaml");
    std::fs::write(
        &path,
        "name: Too tight\nweekly_minutes: 200\navailable_days: [mon, tue, sun]\nhard_sessions: 3\nlong_run_day: sun\nfixed: {tue: tempo}\nmax_minutes: {mon: 40}\n",
    )
    .unwrap();
    // The message says back what the profile asks, field by field (min_rest_days 1 and
    // no back-to-back hard days are the defaults). Of the relaxations only three help: two
    // hard sessions, back-to-back days, or more days; no rest-day count, long-run day,
    // fixed day or cap stands between three days and three hard sessions plus a long run.
    let run = weekwright(&["generate", "--profile", path.to_str().unwrap()]).code(3);
    assert_eq!(
        relaxed(&run.stderr),
        [
            "hard_sessions: 3 -> 2",
            "allow_back_to_back: true",
            "available_days: train on more days than mon, tue, sun"
        ]
    );
    run.stderr_has(&[
            "no week fits",
            "Too tight",
            "the profile asks for: 3 training days (mon, tue, sun); exactly 3 hard sessions; the long run on sun; at least 1 rest day; no hard days back to back; fixed tue tempo; caps mon <= 40 min; 200 minutes a week (used to 200)\n",
            "hard_sessions",
            "relax",
        ]);
    // Without a rest day asked, with back-to-back days allowed, no fixed day and no cap,
    // the message names none of them.
    let path = dir.path().join("two.yaml");
    std::fs::write(
        &path,
        "name: Two days\nweekly_minutes: 200\navailable_days: [mon, sun]\nhard_sessions: 3\nmin_rest_days: 0\nallow_back_to_back: true\n",
    )
    .unwrap();
    weekwright(&["generate", "--profile", path.to_str().unwrap()])
        .code(3)
        .stderr_has(&["the profile asks for: 2 training days (mon, sun); exactly 3 hard sessions; one long run; 200 minutes a week (used to 200)\n"]);
}

#[test]
fn a_volume_far_above_the_runners_base_says_which_base_would_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jump.yaml");
    std::fs::write(
        &path,
        "name: Big jump\nweekly_minutes: 600\ncurrent_weekly_minutes: 30\navailable_days: [tue, thu, sat, sun]\nhard_sessions: 1\n",
    )
    .unwrap();
    // Neither fewer hard sessions nor any volume between 30 and 600 helps: the base does.
    weekwright(&["generate", "--profile", path.to_str().unwrap()])
        .code(3)
        .stderr_has(&[
            "Big jump",
            "exactly 1 hard session;",
            "600 minutes a week (used to 30)",
            "current_weekly_minutes: 30 -> 220",
            "build up to it",
        ]);
}

#[test]
fn catalog_lists_every_session() {
    let out = weekwright(&["catalog", "--format", "json"]).code(0).json();
    assert_eq!(out["sessions"].as_array().unwrap().len(), 13);
}

#[test]
fn a_plan_printed_by_generate_scores_the_same_from_a_week_file() {
    let profile = crate::support::profile("intermediate-10k.yaml");
    let profile = profile.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plans.yaml");
    let yaml = weekwright(&["generate", "--profile", profile, "--top", "1"])
        .code(0)
        .stdout;
    std::fs::write(&path, &yaml).unwrap();
    let plan = weekwright(&["generate", "--profile", profile, "--top", "1", "--format", "json"])
        .code(0)
        .json();
    let out = weekwright(&[
        "score",
        "--week-file",
        path.to_str().unwrap(),
        "--profile",
        profile,
        "--format",
        "json",
    ])
    .code(0)
    .json();
    // The YAML file rounds minutes to hundredths (the model does not round): the same
    // sessions, the same minutes and score to the printed precision.
    let (got, want) = (
        out["days"].as_array().unwrap(),
        plan["plans"][0]["days"].as_array().unwrap(),
    );
    for (g, w) in got.iter().zip(want) {
        assert_eq!(g["session"], w["session"]);
        let (gm, wm) = (g["minutes"].as_f64().unwrap(), w["minutes"].as_f64().unwrap());
        assert!((gm - wm).abs() <= 0.005 + 1e-9, "{gm} vs {wm}");
    }
    let (a, b) = (
        out["score"].as_f64().unwrap(),
        plan["plans"][0]["score"].as_f64().unwrap(),
    );
    assert!((a - b).abs() < 0.01, "{a} vs {b}");
}

#[test]
fn named_days_score_like_the_plain_form() {
    let plain = weekwright(&[
        "score",
        "--week",
        "easy,intervals,easy,rest,tempo,easy,long",
        "--format",
        "json",
    ])
    .code(0)
    .stdout;
    let named = weekwright(&[
        "score",
        "--week",
        "sun=long,tue=intervals,mon=easy,wed=easy,fri=tempo,sat=easy",
        "--format",
        "json",
    ])
    .code(0)
    .stdout;
    assert_eq!(plain, named);
}

#[test]
fn a_start_date_without_a_calendar_says_it_is_not_used() {
    let profile = crate::support::profile("beginner-3-days.yaml");
    let p = profile.to_str().unwrap();
    weekwright(&["generate", "--profile", p, "--start", "2026-12-07", "--top", "1"])
        .code(0)
        .stderr_has(&["--start", "--format ics", "not used"]);
    let quiet = weekwright(&[
        "-q",
        "generate",
        "--profile",
        p,
        "--start",
        "2026-12-07",
        "--top",
        "1",
    ])
    .code(0);
    assert!(quiet.stderr.is_empty(), "{}", quiet.stderr);
    let ics = weekwright(&[
        "generate",
        "--profile",
        p,
        "--start",
        "2026-12-07",
        "--format",
        "ics",
    ])
    .code(0);
    assert!(ics.stderr.is_empty(), "{}", ics.stderr);
}

/// A `major.minor[.patch]` Rust version as numbers, for comparing.
fn rust_version(text: &str) -> (u64, u64, u64) {
    let mut parts = text.split('.').map(|p| p.parse::<u64>().unwrap_or(0));
    let mut next = || parts.next().unwrap_or(0);
    (next(), next(), next())
}

/// `cargo metadata` of this package with Cargo.lock as it is: from the local cache when
/// every platform's manifests are there, else for this machine's platform alone.
fn locked_metadata() -> serde_json::Value {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let run = |extra: &[&str]| {
        std::process::Command::new(&cargo)
            .args(["metadata", "--format-version", "1", "--locked", "--offline"])
            .args(extra)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("cargo runs")
    };
    let mut out = run(&[]);
    if !out.status.success() {
        let rustc = std::process::Command::new(std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into()))
            .arg("-vV")
            .output()
            .expect("rustc runs");
        let info = String::from_utf8_lossy(&rustc.stdout).into_owned();
        let host = info
            .lines()
            .find_map(|l| l.strip_prefix("host: "))
            .expect("rustc -vV names the host");
        out = run(&["--filter-platform", host]);
    }
    assert!(
        out.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("cargo metadata prints JSON")
}

/// `cargo install --path .` ignores Cargo.lock, so the README says `--locked`; and the
/// rust-version Cargo.toml declares is what the locked dependencies really need, so an
/// older toolchain is told so up front instead of failing inside a dependency.
#[test]
fn the_declared_rust_version_is_what_the_locked_dependencies_need() {
    let meta = locked_metadata();
    let packages = meta["packages"].as_array().expect("packages");
    let resolved: Vec<&str> = meta["resolve"]["nodes"]
        .as_array()
        .expect("resolve")
        .iter()
        .filter_map(|n| n["id"].as_str())
        .collect();
    let ours = packages
        .iter()
        .find(|p| p["name"] == "weekwright")
        .expect("our package");
    let declared = ours["rust_version"]
        .as_str()
        .expect("Cargo.toml sets rust-version");
    let (needed, by) = packages
        .iter()
        .filter(|p| p["name"] != "weekwright")
        .filter(|p| p["id"].as_str().is_some_and(|id| resolved.contains(&id)))
        .filter_map(|p| Some((rust_version(p["rust_version"].as_str()?), p["name"].as_str()?)))
        .max()
        .expect("dependencies declare rust versions");
    assert!(
        rust_version(declared) >= needed,
        "Cargo.toml says rust-version {declared}, but {by} needs {needed:?}"
    );
    assert_eq!(
        rust_version(declared),
        needed,
        "rust-version {declared} is above what the dependencies need ({by}: {needed:?})"
    );
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(
        readme.contains("cargo install --locked --path ."),
        "the README's install line keeps Cargo.lock"
    );
    assert!(
        !readme.contains("cargo install --path ."),
        "an install line ignores Cargo.lock"
    );
}

/// `--help` text with its line breaks folded, to look for a phrase whatever the width.
fn help_of(command: &str) -> String {
    weekwright(&[command, "--help"])
        .code(0)
        .stdout
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A calendar holds one week (five overlapping weeks would not be a plan): with --top N
/// above 1, `--format ics` writes plan 1 and says so on stderr (silent with -q), as
/// `generate --help` documents; without --top there is nothing to say.
#[test]
fn a_calendar_of_the_top_plans_writes_plan_one_and_says_so() {
    let profile = crate::support::profile("beginner-3-days.yaml");
    let p = profile.to_str().unwrap();
    let args = [
        "generate",
        "--profile",
        p,
        "--format",
        "ics",
        "--start",
        "2026-12-07",
        "--top",
        "3",
    ];
    let run = weekwright(&args).code(0).stderr_has(&["--top 3", "plan 1"]);
    assert_eq!(run.stdout.matches("BEGIN:VEVENT").count(), 3, "{}", run.stdout);
    let mut quiet = vec!["-q"];
    quiet.extend(args);
    assert!(weekwright(&quiet).code(0).stderr.is_empty());
    let one = weekwright(&[
        "generate",
        "--profile",
        p,
        "--format",
        "ics",
        "--start",
        "2026-12-07",
        "--top",
        "1",
    ])
    .code(0);
    assert!(one.stderr.is_empty(), "{}", one.stderr);
    assert!(
        help_of("generate").contains("ics writes plan 1"),
        "{}",
        help_of("generate")
    );
}

/// `generate`'s output holds several plans: `score --week-file` scores the first (rank 1)
/// and says so on stderr (silent with -q), as `score --help` documents.
#[test]
fn a_week_file_of_several_plans_scores_the_first_and_says_so() {
    let profile = crate::support::profile("beginner-3-days.yaml");
    let p = profile.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans.yaml");
    let one = dir.path().join("one.yaml");
    std::fs::write(
        &plans,
        weekwright(&["generate", "--profile", p, "--top", "3"])
            .code(0)
            .stdout,
    )
    .unwrap();
    std::fs::write(
        &one,
        weekwright(&["generate", "--profile", p, "--top", "1"])
            .code(0)
            .stdout,
    )
    .unwrap();
    let several = weekwright(&["score", "--week-file", plans.to_str().unwrap()])
        .code(0)
        .stderr_has(&["3 plans", "plan 1"]);
    let single = weekwright(&["score", "--week-file", one.to_str().unwrap()]).code(0);
    assert!(single.stderr.is_empty(), "{}", single.stderr);
    assert_eq!(several.stdout, single.stdout, "the first plan is scored");
    let quiet = weekwright(&["-q", "score", "--week-file", plans.to_str().unwrap()]).code(0);
    assert!(quiet.stderr.is_empty(), "{}", quiet.stderr);
    assert!(
        help_of("score").contains("the first is scored"),
        "{}",
        help_of("score")
    );
}

/// Tables follow the terminal's width, told by COLUMNS when stdout is not a terminal: in 60
/// columns no line of any command's table is wider than 60 (and none is ever wider than
/// the 80 columns of a wide terminal).
#[test]
fn tables_fit_a_60_column_terminal() {
    let profile = crate::support::profile("intermediate-10k.yaml");
    let p = profile.to_str().unwrap();
    let week = "moderate,intervals,tempo,easy,moderate,rest,long";
    let commands: [&[&str]; 6] = [
        &["generate", "--top", "2", "--profile", p],
        &["score", "--week", week],
        &[
            "score",
            "--week",
            "easy,intervals,easy,rest,tempo,easy,long",
            "--profile",
            p,
        ],
        &["catalog"],
        &["bench", "--sessions", "rest,easy,tempo", "--threads", "1"],
        &["block", "--weeks", "5", "--start", "2027-01-04", "--profile", p],
    ];
    let mut failures = Vec::new();
    for (columns, limit) in [("60", 60), ("200", 80)] {
        for args in commands {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_weekwright"))
                .args(args)
                .args(["--format", "table"])
                .env("COLUMNS", columns)
                .env("NO_COLOR", "1")
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let text = String::from_utf8_lossy(&out.stdout);
            for line in text.lines().filter(|l| l.chars().count() > limit) {
                failures.push(format!(
                    "COLUMNS={columns} {args:?}: {} wide: {line}",
                    line.chars().count()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
