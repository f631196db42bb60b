//! FIT workout files (`--format fit --output DIR`), decoded by an independent decoder
//! (fitparser) and compared, step by step, with the plan's workouts as `--format json`
//! prints them. The FIT numbers expected here are worked out from the profile's units and
//! scales (FIT SDK, Profile.xlsx: duration_time in ms, duration_distance in cm,
//! custom_target_speed_low/high in mm/s), not asked of the code under test: fitparser
//! applies the scales, so a time reads back in seconds, a distance in metres, a speed in
//! m/s.

use std::collections::BTreeSet;
use std::path::Path;

use fitparser::profile::MesgNum;
use fitparser::{FitDataRecord, Value};
use serde_json::Value as Json;

use crate::support::{data, profile, weekwright};

/// A field of a decoded message, by the profile's name (subfields by their own names).
fn field<'a>(r: &'a FitDataRecord, name: &str) -> Option<&'a Value> {
    r.fields()
        .iter()
        .find(|f| f.name() == name)
        .map(fitparser::FitDataField::value)
}

fn num(r: &FitDataRecord, name: &str) -> f64 {
    match field(r, name) {
        Some(Value::Float64(x)) => *x,
        Some(Value::UInt16(x)) => f64::from(*x),
        Some(Value::UInt32(x)) => f64::from(*x),
        Some(Value::UInt8(x) | Value::Enum(x)) => f64::from(*x),
        Some(Value::SInt64(x)) => *x as f64,
        other => panic!("{name}: {other:?} in {r:?}"),
    }
}

fn text(r: &FitDataRecord, name: &str) -> String {
    match field(r, name) {
        Some(Value::String(s)) => s.clone(),
        other => panic!("{name}: {other:?} in {r:?}"),
    }
}

/// One workout_step as the plan's JSON says it must be written (docs/model.md, "Workout
/// files"), in the profile's own units.
#[derive(Debug)]
enum Want {
    /// duration_time (s) or duration_distance (m), the target, the intensity's name.
    Run {
        seconds: Option<f64>,
        metres: Option<f64>,
        /// m/s, slower end first; `None`: open, with this step name.
        speed: Option<[f64; 2]>,
        name: Option<String>,
        intensity: &'static str,
    },
    /// duration_step, repeat_steps.
    Repeat { from: usize, count: u64 },
}

/// The steps a JSON workout must become: each run a step, a repeat its steps then a repeat
/// step; a run under a second left out, and a repeat with nothing left.
fn wanted(workout: &Json, unit_metres: f64, race: bool) -> Vec<Want> {
    let mut out = Vec::new();
    for step in workout["steps"].as_array().unwrap() {
        if step["kind"] == "repeat" {
            let from = out.len();
            for s in step["steps"].as_array().unwrap() {
                out.extend(run(s, unit_metres, false));
            }
            if out.len() > from {
                let count = step["count"].as_u64().unwrap();
                out.push(Want::Repeat { from, count });
            }
        } else {
            out.extend(run(step, unit_metres, race));
        }
    }
    out
}

fn run(s: &Json, unit_metres: f64, race: bool) -> Option<Want> {
    let minutes = s["minutes"].as_f64().unwrap();
    if (minutes * 60_000.0).round() < 1000.0 {
        return None;
    }
    // The race itself, with fitness, ends at its distance; every other step at its time.
    let distance = s["distance_m"].as_f64().filter(|_| race && s["kind"] == "work");
    let target = &s["target"];
    let speed = target["pace"].as_array().map(|p| {
        [
            unit_metres / p[1].as_f64().unwrap(),
            unit_metres / p[0].as_f64().unwrap(),
        ]
    });
    let name = target["effort"]
        .as_str()
        .map(|e| format!("{e}, RPE {}", target["rpe"]));
    let intensity = match s["kind"].as_str().unwrap() {
        "warmup" => "warmup",
        "work" => "active",
        "recovery" => "recovery",
        "cooldown" => "cooldown",
        k => panic!("kind {k}"),
    };
    Some(Want::Run {
        seconds: distance.is_none().then_some(minutes * 60.0),
        metres: distance,
        speed,
        name,
        intensity,
    })
}

/// Decode `bytes` and check its messages against the JSON day; the number of steps.
fn check_file(bytes: &[u8], day: &Json, unit_metres: f64, at: &str) -> usize {
    let records = fitparser::from_bytes(bytes).unwrap_or_else(|e| panic!("{at}: {e}"));
    let kinds: Vec<MesgNum> = records.iter().map(FitDataRecord::kind).collect();
    assert_eq!(kinds[..2], [MesgNum::FileId, MesgNum::Workout], "{at}");
    assert!(kinds[2..].iter().all(|k| *k == MesgNum::WorkoutStep), "{at}");
    assert_eq!(text(&records[0], "type"), "workout", "{at}");
    // Created at the day's midnight UTC, so the same plan gives the same bytes.
    let date: jiff::civil::Date = day["date"].as_str().unwrap().parse().unwrap();
    let midnight = date.duration_since(jiff::civil::date(1970, 1, 1)).as_secs();
    match field(&records[0], "time_created") {
        Some(Value::Timestamp(t)) => assert_eq!(t.timestamp(), midnight, "{at}"),
        other => panic!("{at}: time_created {other:?}"),
    }
    assert!(field(&records[0], "serial_number").is_some(), "{at}");
    let session = day["session"].as_str().unwrap();
    let workout = &records[1];
    let sport = if session == "cross" { "generic" } else { "running" };
    assert_eq!(text(workout, "sport"), sport, "{at}");
    let day_name = day["day"].as_str().unwrap();
    let title = format!(
        "{}{} {} {:.0}'",
        day_name[..1].to_uppercase(),
        &day_name[1..],
        session.replace('_', " "),
        day["minutes"].as_f64().unwrap()
    );
    assert_eq!(text(workout, "wkt_name"), title, "{at}");
    let want = wanted(&day["workout"], unit_metres, session == "race");
    let steps = &records[2..];
    assert_eq!(num(workout, "num_valid_steps") as usize, want.len(), "{at}");
    assert_eq!(steps.len(), want.len(), "{at}: {want:?}");
    for (i, (got, want)) in steps.iter().zip(&want).enumerate() {
        let at = format!("{at} step {i}: {want:?} {got:?}");
        assert_eq!(num(got, "message_index") as usize, i, "{at}");
        check_step(got, want, &at);
    }
    want.len()
}

fn check_step(got: &FitDataRecord, want: &Want, at: &str) {
    match want {
        Want::Repeat { from, count } => {
            assert_eq!(text(got, "duration_type"), "repeat_until_steps_cmplt", "{at}");
            assert_eq!(num(got, "duration_step") as usize, *from, "{at}");
            assert_eq!(num(got, "repeat_steps") as u64, *count, "{at}");
            // As the FIT SDK's example repeat step: no target of its own, active.
            assert_eq!(text(got, "target_type"), "open", "{at}");
            assert_eq!(text(got, "intensity"), "active", "{at}");
        }
        Want::Run {
            seconds,
            metres,
            speed,
            name,
            intensity,
        } => {
            assert_eq!(text(got, "intensity"), *intensity, "{at}");
            if let Some(s) = seconds {
                assert_eq!(text(got, "duration_type"), "time", "{at}");
                // ms as FIT keeps them: the rounding is half a ms at most.
                assert!((num(got, "duration_time") - s).abs() <= 0.0005 + 1e-9, "{at}");
            }
            if let Some(m) = metres {
                assert_eq!(text(got, "duration_type"), "distance", "{at}");
                assert!((num(got, "duration_distance") - m).abs() <= 0.005 + 1e-9, "{at}");
            }
            if let Some([low, high]) = speed {
                assert_eq!(text(got, "target_type"), "speed", "{at}");
                assert_eq!(num(got, "target_speed_zone"), 0.0, "{at}");
                assert!(
                    (num(got, "custom_target_speed_low") - low).abs() <= 0.0005 + 1e-9,
                    "{at}"
                );
                assert!(
                    (num(got, "custom_target_speed_high") - high).abs() <= 0.0005 + 1e-9,
                    "{at}"
                );
                assert!(low < high, "{at}");
                assert!(field(got, "wkt_step_name").is_none(), "{at}");
            } else {
                assert_eq!(text(got, "target_type"), "open", "{at}");
                assert!(field(got, "custom_target_speed_low").is_none(), "{at}");
                assert_eq!(text(got, "wkt_step_name"), *name.as_ref().unwrap(), "{at}");
            }
        }
    }
}

/// Check every file in `dir` against the training days of the JSON days: one file a
/// training day, named by its date, weekday and session, and nothing else. The steps
/// written, in all.
fn check_dir(dir: &Path, days: &[&Json], unit_metres: f64) -> usize {
    let mut names = BTreeSet::new();
    let mut steps = 0;
    for day in days.iter().filter(|d| d["session"] != "rest") {
        let name = format!(
            "{}-{}-{}.fit",
            day["date"].as_str().unwrap(),
            day["day"].as_str().unwrap(),
            day["session"].as_str().unwrap()
        );
        let bytes = std::fs::read(dir.join(&name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        steps += check_file(&bytes, day, unit_metres, &name);
        names.insert(name);
    }
    let found: BTreeSet<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(found, names);
    steps
}

/// The days of a block's JSON, in order.
fn block_days(json: &Json) -> Vec<&Json> {
    json["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|w| w["days"].as_array().unwrap())
        .collect()
}

/// `args` run as JSON and as FIT files into a new directory `out` under a temporary one.
fn both(args: &[&str]) -> (Json, tempfile::TempDir) {
    let json = weekwright(&[args, &["--format", "json"]].concat()).code(0).json();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let run = weekwright(&[args, &["--format", "fit", "--output", out.to_str().unwrap()]].concat()).code(0);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(run.stderr.contains("workout files to"), "{}", run.stderr);
    (json, tmp)
}

#[test]
fn a_block_to_a_race_with_paces_round_trips_through_fitparser() {
    let (json, tmp) = both(&[
        "block",
        "--race",
        "2027-03-21",
        "--weeks",
        "16",
        "--result",
        "half=1:45:00",
    ]);
    let days = block_days(&json);
    let steps = check_dir(&tmp.path().join("out"), &days, 1000.0);
    // Every kind of step occurs: speeds, a race run to its distance, repeats.
    let all: Vec<&Json> = days.iter().filter_map(|d| d["workout"].get("steps")).collect();
    let text = serde_json::to_string(&all).unwrap();
    for needle in [
        "\"pace\"",
        "\"repeat\"",
        "\"distance_m\"",
        "\"warmup\"",
        "\"recovery\"",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
    assert!(days.iter().any(|d| d["session"] == "race"));
    assert!(steps > 100, "{steps}");
}

#[test]
fn a_block_without_fitness_has_open_targets_named_by_effort() {
    let (json, tmp) = both(&["block", "--weeks", "12"]);
    let days = block_days(&json);
    check_dir(&tmp.path().join("out"), &days, 1000.0);
    let text = json.to_string();
    assert!(text.contains("\"effort\"") && !text.contains("\"pace\""));
}

#[test]
fn generate_writes_plan_one_in_miles_from_start() {
    let p = profile("beginner-3-days.yaml");
    let args = [
        "generate",
        "--profile",
        p.to_str().unwrap(),
        "--result",
        "10k=45:00",
        "--units",
        "mi",
        "--start",
        "2026-12-07",
    ];
    let (json, tmp) = both(&args);
    // Plan 1's days, dated from --start (generate's JSON has no dates).
    let mut days: Vec<Json> = json["plans"][0]["days"].as_array().unwrap().clone();
    for (i, d) in days.iter_mut().enumerate() {
        d["date"] = Json::from(format!("2026-12-{:02}", 7 + i));
    }
    let days: Vec<&Json> = days.iter().collect();
    // Paces per mile: a mile is 1609.344 m.
    check_dir(&tmp.path().join("out"), &days, 1609.344);
}

/// The layout of the FIT SDK's own example workouts (copied into tests/data/fit):
/// file_id, workout, workout_steps with a repeat step that names the step to go back to and
/// the count, and custom target ranges as zone 0 with low and high, as ours.
#[test]
fn the_sdk_example_workout_has_the_layout_we_write() {
    let bytes = std::fs::read(data("fit/WorkoutRepeatSteps.fit")).unwrap();
    let records = fitparser::from_bytes(&bytes).unwrap();
    let kinds: Vec<MesgNum> = records.iter().map(FitDataRecord::kind).collect();
    assert_eq!(kinds[..2], [MesgNum::FileId, MesgNum::Workout]);
    assert_eq!(text(&records[0], "type"), "workout");
    let repeat = records
        .iter()
        .find(|r| {
            field(r, "duration_type").is_some_and(|v| *v == Value::String("repeat_until_steps_cmplt".into()))
        })
        .unwrap();
    assert!(field(repeat, "duration_step").is_some() && field(repeat, "repeat_steps").is_some());
    assert_eq!(text(repeat, "target_type"), "open");
    assert_eq!(text(repeat, "intensity"), "active");
    // A custom range: zone 0, the range in custom_target_value_low/high.
    let bytes = std::fs::read(data("fit/WorkoutCustomTargetValues.fit")).unwrap();
    let records = fitparser::from_bytes(&bytes).unwrap();
    let warmup = &records[2];
    assert_eq!(num(warmup, "target_hr_zone"), 0.0);
    assert!(field(warmup, "custom_target_heart_rate_low").is_some());
    assert!(field(warmup, "custom_target_heart_rate_high").is_some());
}

#[test]
fn fit_output_needs_a_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("plan.fit");
    std::fs::write(&file, b"mine").unwrap();
    for cmd in ["generate", "block"] {
        weekwright(&[cmd, "--format", "fit"])
            .code(2)
            .stderr_has(&["--output", "add --output DIR"]);
        weekwright(&[cmd, "--format", "fit", "--output", file.to_str().unwrap()])
            .code(2)
            .stderr_has(&["plan.fit", "is a file, not a directory"]);
        let deep = tmp.path().join("no/such/dir");
        weekwright(&[cmd, "--format", "fit", "--output", deep.to_str().unwrap()])
            .code(2)
            .stderr_has(&["does not exist"]);
    }
    assert_eq!(std::fs::read(&file).unwrap(), b"mine");
    weekwright(&[
        "score",
        "--week",
        "easy,intervals,easy,rest,tempo,easy,long",
        "--format",
        "fit",
    ])
    .code(2)
    .stderr_has(&["'fit'", "possible values: yaml, json, table"]);
}

/// Into a directory that exists (a watch's GARMIN/NewFiles), the plan's files are written
/// and replace files of the same names; other files stay. The same plan gives the same
/// bytes.
#[test]
fn an_existing_directory_keeps_its_other_files() {
    let tmp = tempfile::tempdir().unwrap();
    let (fresh, dir) = (tmp.path().join("fresh"), tmp.path().join("watch"));
    let p = profile("beginner-3-days.yaml");
    let args = [
        "generate",
        "--profile",
        p.to_str().unwrap(),
        "--start",
        "2026-12-07",
        "--format",
        "fit",
        "--output",
    ];
    weekwright(&[&args[..], &[fresh.to_str().unwrap()]].concat()).code(0);
    let names = |d: &Path| -> BTreeSet<String> {
        std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    let planned = names(&fresh);
    // --top above 1 writes plan 1 all the same, and says so.
    let top = weekwright(&[&args[..], &[fresh.to_str().unwrap(), "--top", "3"]].concat()).code(0);
    assert!(
        top.stderr
            .contains("--top 3 with --format fit writes plan 1 only"),
        "{}",
        top.stderr
    );
    assert_eq!(names(&fresh), planned);
    // A beginner runs three days a week.
    assert_eq!(planned.len(), 3, "{planned:?}");
    let first = planned.first().unwrap().clone();
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join(&first), b"old").unwrap();
    std::fs::write(dir.join("other.fit"), b"keep").unwrap();
    weekwright(&[&args[..], &[dir.to_str().unwrap()]].concat()).code(0);
    let mut want = planned.clone();
    want.insert("other.fit".to_string());
    assert_eq!(names(&dir), want);
    assert_eq!(std::fs::read(dir.join("other.fit")).unwrap(), b"keep");
    for n in &planned {
        assert_eq!(
            std::fs::read(dir.join(n)).unwrap(),
            std::fs::read(fresh.join(n)).unwrap(),
            "{n}"
        );
    }
}

/// The README's example ("Workouts on a watch"): its command writes the files it lists.
#[test]
fn the_readmes_example_writes_the_files_it_lists() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let section = &readme[readme.find("### Workouts on a watch").unwrap()..];
    let listing = &section[section.find("$ ls watch\n").unwrap() + 11..];
    let listed: BTreeSet<String> = listing[..listing.find("```").unwrap()]
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("watch");
    let p = profile("intermediate-10k.yaml");
    let run = weekwright(&[
        "generate",
        "--profile",
        p.to_str().unwrap(),
        "--result",
        "10k=42:30",
        "--start",
        "2026-12-07",
        "--format",
        "fit",
        "--output",
        out.to_str().unwrap(),
    ])
    .code(0);
    assert!(
        section.contains(&format!("wrote {} workout files", listed.len())),
        "{listed:?}"
    );
    assert!(
        run.stderr
            .contains(&format!("wrote {} workout files", listed.len())),
        "{}",
        run.stderr
    );
    let written: BTreeSet<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written, listed);
    // Tuesday's name on the watch, as the README gives it.
    let bytes = std::fs::read(out.join("2026-12-08-tue-intervals.fit")).unwrap();
    let records = fitparser::from_bytes(&bytes).unwrap();
    assert_eq!(text(&records[1], "wkt_name"), "Tue intervals 50'");
    assert!(section.contains("`Tue intervals 50'`"));
}
