//! `status` and `review` on a six-week history made here: a runner's log from Monday
//! 2024-01-01 with intervals on Tuesdays, an easy run on Thursdays and a long run on
//! Sundays, the fourth week missed, a ride, a run longer than planned, and a race on the
//! last Saturday. Every figure is worked out in the comments, the filters by the
//! recurrences written out here (not the crate's), and the status chart is parsed as XML.

use std::fmt::Write as _;

use serde_json::Value;

use crate::support::weekwright;
use weekwright::catalog::Session;
use weekwright::history::review::{Done, Planned, Verdict, judge};

/// The log: `(date, session or sport, minutes, rpe)`. Loads are rpe x minutes.
const LOG: &str = "\
date,session,sport,minutes,rpe
2024-01-02,intervals,,50,7
2024-01-04,easy,,45,3
2024-01-07,long,,90,4
2024-01-09,intervals,,50,7
2024-01-11,easy,,45,3
2024-01-14,long,,100,4
2024-01-16,intervals,,50,7
2024-01-18,easy,,45,3
2024-01-21,long,,90,4
2024-01-30,intervals,,50,7
2024-01-31,,cycling,60,3
2024-02-01,easy,,70,3
2024-02-04,long,,90,4
2024-02-06,intervals,,50,7
2024-02-08,easy,,45,3
2024-02-10,race,,45,9
2024-02-11,easy,,30,3
";

/// Day index from 2024-01-01, load, and leg input (load x impact: 0.5 for the ride).
const LOADS: [(usize, f64, f64); 17] = [
    (1, 350.0, 350.0),
    (3, 135.0, 135.0),
    (6, 360.0, 360.0),
    (8, 350.0, 350.0),
    (10, 135.0, 135.0),
    (13, 400.0, 400.0),
    (15, 350.0, 350.0),
    (17, 135.0, 135.0),
    (20, 360.0, 360.0),
    (29, 350.0, 350.0),
    (30, 180.0, 90.0),
    (31, 210.0, 210.0),
    (34, 360.0, 360.0),
    (36, 350.0, 350.0),
    (38, 135.0, 135.0),
    (40, 405.0, 405.0),
    (41, 90.0, 90.0),
];

/// The six weeks as `block` prints them: each day with a date; Tuesday intervals 50,
/// Thursday easy 45, Sunday long 90, rest between. No loads: the catalog's RPE x minutes,
/// 7.5 x 50 = 375, 3 x 45 = 135, 4 x 90 = 360, 870 a week.
fn plan_yaml() -> String {
    let mut out = String::from("profile: Six weeks\nweeks:\n");
    for w in 0..6 {
        let _ = write!(out, "  - week: {}\n    days:\n", w + 1);
        for d in 0..7 {
            let date = jiff::civil::date(2024, 1, 1)
                .checked_add(jiff::Span::new().days(7 * w + d))
                .unwrap();
            let (session, minutes) = match d {
                1 => ("intervals", 50),
                3 => ("easy", 45),
                6 => ("long", 90),
                _ => ("rest", 0),
            };
            let _ = writeln!(
                out,
                "      - {{date: {date}, session: {session}, minutes: {minutes}}}"
            );
        }
    }
    out
}

struct Files {
    _dir: tempfile::TempDir,
    log: String,
    plan: String,
    dir: std::path::PathBuf,
}

fn files() -> Files {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log.csv");
    let plan = dir.path().join("plan.yaml");
    std::fs::write(&log, LOG).unwrap();
    std::fs::write(&plan, plan_yaml()).unwrap();
    Files {
        log: log.to_str().unwrap().to_string(),
        plan: plan.to_str().unwrap().to_string(),
        dir: dir.path().to_path_buf(),
        _dir: dir,
    }
}

/// The filters after day `days - 1` from 2024-01-01, from zero the day before:
/// `F = aF F + (1 - aF) w`, `A = aA A + (1 - aA) w`, `H = aH H + leg`, `a = exp(-1/tau)`,
/// tau 42, 7, 2.
fn filters(days: usize) -> (f64, f64, f64) {
    let (af, aa, ah) = ((-1.0f64 / 42.0).exp(), (-1.0f64 / 7.0).exp(), (-0.5f64).exp());
    let (mut f, mut a, mut h) = (0.0, 0.0, 0.0);
    for t in 0..days {
        let (w, leg) = LOADS.iter().find(|l| l.0 == t).map_or((0.0, 0.0), |l| (l.1, l.2));
        f = af * f + (1.0 - af) * w;
        a = aa * a + (1.0 - aa) * w;
        h = ah * h + leg;
    }
    (f, a, h)
}

fn close(v: &Value, want: f64) {
    let got = v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"));
    assert!((got - want).abs() < 1e-9, "{got} against {want}");
}

#[test]
fn status_after_six_weeks_is_the_recurrences_and_the_weeks_by_hand() {
    let f = files();
    let v = weekwright(&[
        "status",
        "--history",
        &f.log,
        "--today",
        "2024-02-12",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    // 2024-02-12 is day 42: the state after days 0 to 41.
    let (fit, fat, legs) = filters(42);
    close(&v["fitness"], fit);
    close(&v["fatigue"], fat);
    close(&v["legs"], legs);
    close(&v["form"], fit - fat);
    // From the first activity, 01-02, to 02-11.
    assert_eq!(v["days_read"], 41);
    // Seven-day weeks ending 02-11: from 01-15 (350 + 135 + 360 = 845), 01-22 (missed: 0),
    // 01-29 (350 + 180 + 210 + 360 = 1100) and 02-05 (350 + 135 + 405 + 90 = 980).
    let loads: Vec<f64> = (0..4).map(|k| v["weeks"][k]["load"].as_f64().unwrap()).collect();
    assert_eq!(loads, [845.0, 0.0, 1100.0, 980.0]);
    assert_eq!(v["weeks"][0]["start"], "2024-01-15");
    // acwr = 980 / ((845 + 0 + 1100) / 3) = 1.5116.
    close(&v["acwr"], 980.0 / (1945.0 / 3.0));
    // The 30 days back from 02-11 reach 01-13: the 100-minute long run of 01-14.
    close(&v["longest_run_30d"], 100.0);
    // Minutes of the last 28 days: 185 + 0 + 270 + 170 = 625, a week 156.25.
    close(&v["weekly_minutes_28d"], 156.25);
}

/// The polyline of `class` as (x, y) points.
fn points(doc: &roxmltree::Document, class: &str) -> Vec<(f64, f64)> {
    let line = doc
        .descendants()
        .find(|n| n.has_tag_name("polyline") && n.attribute("class") == Some(class))
        .unwrap_or_else(|| panic!("no {class} line"));
    line.attribute("points")
        .unwrap()
        .split_whitespace()
        .map(|p| {
            let (x, y) = p.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect()
}

#[test]
fn the_status_chart_is_well_formed_svg_of_90_days_with_bars_and_lines() {
    let f = files();
    let run = weekwright(&[
        "status",
        "--history",
        &f.log,
        "--today",
        "2024-02-12",
        "--format",
        "svg",
    ])
    .code(0);
    let doc = roxmltree::Document::parse(&run.stdout).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
    // One bar per day with load: the 17 days of the log, all within the 90 days from
    // 2023-11-14 to 2024-02-11.
    let bars: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("class") == Some("load"))
        .map(|n| {
            n.descendants()
                .find(|t| t.has_tag_name("title"))
                .unwrap()
                .text()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(bars.len(), 17, "{bars:?}");
    assert_eq!(bars[0], "2024-01-02: load 350");
    assert!(bars.contains(&"2024-02-10: load 405".to_string()), "{bars:?}");
    // Three lines, a point a day for 90 days, left to right.
    for class in ["fitness", "fatigue", "form"] {
        let pts = points(&doc, class);
        assert_eq!(pts.len(), 90, "{class}");
        assert!(pts.windows(2).all(|w| w[1].0 > w[0].0), "{class}");
    }
    // Before the first activity (the first 49 days) fitness is 0: flat on the axis; then
    // it rises (a smaller y is higher on the page).
    let fit = points(&doc, "fitness");
    assert!(fit[..49].iter().all(|p| p.1 == fit[0].1));
    assert!(fit[89].1 < fit[0].1);
    let text = run.stdout;
    assert!(text.contains("Status at the start of 2024-02-12"));
    // Mondays are dated: 2023-11-20 is the first in the 90 days.
    assert!(text.contains(">20 Nov<") && text.contains(">5 Feb<"), "{text}");
    // yaml is still the default, and table, for the same run.
    weekwright(&["status", "--history", &f.log, "--today", "2024-02-12"])
        .code(0)
        .stdout_has(&["fitness:"]);
}

/// Review of the six weeks by hand. Per week the plan holds 185 minutes on three days.
/// W1, W3: as planned (credit 185 each). W2: the long run 100 for 90, 11 % over: done,
/// credited 90 (185). W4: nothing run: three days missed (0). W5: the easy run 70 for 45,
/// 56 % over: changed, credited 45 (185); the ride on the rest Wednesday: extra. W6: the
/// race on the rest Saturday: extra; the long run replaced by an easy 30: another kind,
/// changed, credited 30 x 0.5 = 15 (50 + 45 + 15 = 110). Compliance = (4 x 185 + 110) /
/// (6 x 185) = 850 / 1110.
#[test]
fn review_of_the_six_weeks_judges_each_day_and_its_compliance_by_hand() {
    let f = files();
    let v = weekwright(&[
        "review",
        "--plan",
        &f.plan,
        "--history",
        &f.log,
        "--today",
        "2024-02-12",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    let days = v["days"].as_array().unwrap();
    assert_eq!(days.len(), 42);
    let status = |date: &str| {
        days.iter()
            .find(|d| d["date"] == date)
            .unwrap_or_else(|| panic!("no {date}"))["status"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(status("2024-01-01"), "done");
    assert_eq!(status("2024-01-14"), "done");
    for d in ["2024-01-23", "2024-01-25", "2024-01-28"] {
        assert_eq!(status(d), "missed", "{d}");
    }
    assert_eq!(status("2024-01-31"), "extra");
    assert_eq!(status("2024-02-01"), "changed");
    assert_eq!(status("2024-02-10"), "extra");
    assert_eq!(status("2024-02-11"), "changed");
    // 18 training days: 13 done, 3 missed, 2 changed; 24 rest days: 22 kept, 2 extra.
    assert_eq!(
        v["counts"],
        serde_json::json!({"done": 35, "missed": 3, "changed": 2, "extra": 2})
    );
    close(&v["compliance"], 850.0 / 1110.0);
    let sat = days.iter().find(|d| d["date"] == "2024-02-10").unwrap();
    assert_eq!(sat["done"]["session"], "race");
    close(&sat["done"]["load"], 405.0);
    let sun = days.iter().find(|d| d["date"] == "2024-02-11").unwrap();
    assert_eq!(
        (
            sun["planned"]["session"].as_str(),
            sun["done"]["session"].as_str()
        ),
        (Some("long"), Some("easy"))
    );
    close(&sun["credit"], 15.0);
    // Planned: 6 x 185 = 1110 min, 6 x 870 = 5220. Done: 185 + 195 + 185 + 0 + 270 + 170 =
    // 1005 min; 845 + 885 + 845 + 0 + 1100 + 980 = 4655.
    close(&v["totals"]["planned"]["minutes"], 1110.0);
    close(&v["totals"]["planned"]["load"], 5220.0);
    close(&v["totals"]["done"]["minutes"], 1005.0);
    close(&v["totals"]["done"]["load"], 4655.0);
    let weeks: Vec<f64> = v["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["compliance"].as_f64().unwrap())
        .collect();
    assert_eq!(weeks.len(), 6);
    assert_eq!(&weeks[..5], &[1.0, 1.0, 1.0, 0.0, 1.0]);
    close(&v["weeks"][5]["compliance"], 110.0 / 185.0);
    assert_eq!(v["upcoming"], 0);
}

#[test]
fn review_midweek_looks_only_at_the_days_before_today() {
    let f = files();
    // Before Thursday 2024-02-08: 38 days; W6's Monday to Wednesday kept (50 of 50).
    // Compliance (4 x 185 + 50) / (5 x 185 + 50) = 790 / 975.
    let v = weekwright(&[
        "review",
        "--plan",
        &f.plan,
        "--history",
        &f.log,
        "--today",
        "2024-02-08",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    assert_eq!(v["days"].as_array().unwrap().len(), 38);
    assert_eq!(v["upcoming"], 4);
    close(&v["compliance"], 790.0 / 975.0);
    assert!(
        v["notes"]
            .to_string()
            .contains("4 planned days from 2024-02-08 on"),
        "{}",
        v["notes"]
    );
}

#[test]
fn a_generate_week_is_put_on_start_or_on_the_monday_of_today() {
    let f = files();
    let week = f.dir.join("week.yaml");
    std::fs::write(
        &week,
        "plans:\n  - rank: 1\n    days:\n      - {day: mon, session: rest, minutes: 0}\n      - {day: tue, session: intervals, minutes: 50}\n      - {day: wed, session: rest}\n      - {day: thu, session: easy, minutes: 45}\n      - {day: fri, session: rest}\n      - {day: sat, session: rest}\n      - {day: sun, session: long, minutes: 90}\n  - rank: 2\n    days: []\n",
    )
    .unwrap();
    let week = week.to_str().unwrap();
    // On 2024-02-05: W6, compliance 110 / 185 as above; the file's two plans: a hint.
    let run = weekwright(&[
        "review",
        "--plan",
        week,
        "--start",
        "2024-02-05",
        "--history",
        &f.log,
        "--today",
        "2024-02-12",
        "--format",
        "json",
    ])
    .code(0)
    .stderr_has(&["holds 2 plans: the first is reviewed"]);
    close(&run.json()["compliance"], 110.0 / 185.0);
    // Without --start, on Sunday 2024-02-11: the week of 02-05, Monday to Saturday: all
    // 95 planned minutes run; the race is extra; Sunday is to come.
    let v = weekwright(&[
        "review",
        "--plan",
        week,
        "--history",
        &f.log,
        "--today",
        "2024-02-11",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    close(&v["compliance"], 1.0);
    assert_eq!(v["counts"]["extra"], 1);
    assert_eq!(v["upcoming"], 1);
    // On Monday 2024-02-12 its own week has not begun: nothing to review.
    weekwright(&[
        "review",
        "--plan",
        week,
        "--history",
        &f.log,
        "--today",
        "2024-02-12",
    ])
    .code(2)
    .stderr_has(&["--today", "no planned day comes before 2024-02-12", "--start"]);
    weekwright(&[
        "review",
        "--plan",
        week,
        "--start",
        "2024-02-06",
        "--history",
        &f.log,
    ])
    .code(2)
    .stderr_has(&["--start", "2024-02-06", "Monday"]);
}

#[test]
fn a_json_plan_reads_as_its_yaml_and_the_table_shows_the_totals() {
    let f = files();
    let yaml: Value = serde_saphyr::from_str(&plan_yaml()).unwrap();
    let json = f.dir.join("plan.json");
    std::fs::write(&json, serde_json::to_string_pretty(&yaml).unwrap()).unwrap();
    let v = weekwright(&[
        "review",
        "--plan",
        json.to_str().unwrap(),
        "--history",
        &f.log,
        "--today",
        "2024-02-12",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    close(&v["compliance"], 850.0 / 1110.0);
    weekwright(&[
        "review",
        "--plan",
        &f.plan,
        "--history",
        &f.log,
        "--today",
        "2024-02-12",
        "--format",
        "table",
    ])
    .code(0)
    .stdout_has(&["Review of", "missed", "changed", "extra", "1110", "1005", "77 %"]);
}

#[test]
fn a_bad_plan_exits_2_naming_the_file_and_the_day() {
    let f = files();
    let cases: [(&str, &str, &[&str]); 7] = [
        (
            "minutes.yaml",
            "days:\n  - {date: 2024-01-02, session: easy}\n",
            &["minutes.yaml", "days[0].minutes"],
        ),
        (
            "session.yaml",
            "days:\n  - {date: 2024-01-02, session: jogging, minutes: 30}\n",
            &["session.yaml", "days[0].session", "jogging"],
        ),
        (
            "mixed.yaml",
            "days:\n  - {date: 2024-01-02, session: easy, minutes: 30}\n  - {day: wed, session: easy, minutes: 30}\n",
            &["mixed.yaml", "days[1]", "no date"],
        ),
        (
            "twice.yaml",
            "days:\n  - {date: 2024-01-02, session: easy, minutes: 30}\n  - {date: 2024-01-02, session: easy, minutes: 30}\n",
            &["twice.yaml", "planned twice"],
        ),
        ("other.yaml", "hello: 1\n", &["other.yaml", "no plan found"]),
        (
            "date.yaml",
            "weeks:\n  - days:\n      - {date: 2024-02-30, session: easy, minutes: 30}\n",
            &["date.yaml", "weeks[0].days[0].date", "2024-02-30"],
        ),
        ("broken.json", "{\"days\": [", &["broken.json"]),
    ];
    for (name, body, needles) in cases {
        let path = f.dir.join(name);
        std::fs::write(&path, body).unwrap();
        let run = weekwright(&[
            "review",
            "--plan",
            path.to_str().unwrap(),
            "--history",
            &f.log,
            "--today",
            "2024-02-12",
        ]);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        for n in needles {
            assert!(
                run.stderr.contains(n),
                "{name}: stderr lacks {n:?}: {}",
                run.stderr
            );
        }
    }
    weekwright(&["review", "--plan", "/no/such/plan.yaml", "--history", &f.log])
        .code(2)
        .stderr_has(&["/no/such/plan.yaml"]);
}

fn planned(session: Session, minutes: f64) -> Planned {
    Planned {
        date: jiff::civil::date(2024, 1, 2),
        session,
        minutes,
        load: 0.0,
    }
}

fn done(session: Session, minutes: f64, known: bool) -> Done {
    Done {
        session,
        minutes,
        load: 0.0,
        known,
    }
}

#[test]
fn the_done_band_is_80_to_120_percent_and_kinds_are_told_apart() {
    let p = planned(Session::Tempo, 50.0);
    // 40 and 60 minutes are 80 % and 120 % of 50: done; 39.5 and 60.5 are not.
    for (m, want) in [
        (40.0, Verdict::Done),
        (60.0, Verdict::Done),
        (39.5, Verdict::Changed),
        (60.5, Verdict::Changed),
    ] {
        assert_eq!(judge(p, done(Session::Tempo, m, true)).verdict, want, "{m}");
    }
    // Intervals for tempo: both quality, done. A long run for tempo: changed, half credit.
    assert_eq!(
        judge(p, done(Session::Intervals, 50.0, true)).verdict,
        Verdict::Done
    );
    let j = judge(p, done(Session::Long, 80.0, true));
    assert_eq!((j.verdict, j.credit), (Verdict::Changed, 25.0));
    // A run of unknown intensity is judged as a run: done for tempo, changed for cross.
    assert_eq!(judge(p, done(Session::Easy, 50.0, false)).verdict, Verdict::Done);
    let cross = planned(Session::Cross, 50.0);
    assert_eq!(
        judge(cross, done(Session::Easy, 50.0, false)).verdict,
        Verdict::Changed
    );
    // Rest kept is done with no credit; missed has none either.
    let j = judge(planned(Session::Rest, 0.0), Done::NOTHING);
    assert_eq!((j.verdict, j.credit), (Verdict::Done, 0.0));
    assert_eq!(judge(p, Done::NOTHING).verdict, Verdict::Missed);
}

#[test]
fn the_readme_example_is_what_review_prints() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("$ weekwright review --plan tests/data/review/week.yaml")
        .expect("the README's review example");
    let block = &readme[start..];
    let body = &block
        [block.find("--format table\n").unwrap() + "--format table\n".len()..block.find("```").unwrap()];
    let data = |name: &str| {
        crate::support::data(&format!("review/{name}"))
            .to_str()
            .unwrap()
            .to_string()
    };
    let run = assert_cmd::Command::cargo_bin("weekwright")
        .unwrap()
        .args([
            "review",
            "--plan",
            &data("week.yaml"),
            "--start",
            "2024-02-05",
            "--history",
            &data("log.csv"),
            "--today",
            "2024-02-12",
            "--format",
            "table",
        ])
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .output()
        .unwrap();
    let out = String::from_utf8(run.stdout).unwrap();
    // The README shows the path as typed from the repository.
    let out = out.replace(&data("week.yaml"), "tests/data/review/week.yaml");
    assert_eq!(out, body);
}
