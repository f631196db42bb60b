//! `weekwright replan` end to end, on histories written here: the week generate printed,
//! run as planned for eight weeks and into this week (re-planning changes nothing), with its
//! Tuesday intervals missed, with a hard Monday, and with heavier days than planned.

use std::fmt::Write as _;

use serde_json::Value;

use crate::support::weekwright;

/// A 10k runner on 300 minutes a week and used to them, two hard sessions, the long run on
/// Sunday, at least one rest day.
const PROFILE: &str = "\
name: Replan runner
level: intermediate
goal: 10k
weekly_minutes: 300
current_weekly_minutes: 300
hard_sessions: 2
long_run_day: sun
min_rest_days: 1
";

/// This week's Monday (2026-03-02 is a Monday) and the eight weeks of history before it.
const MONDAY: (i16, i8, i8) = (2026, 3, 2);
const WEEKS_BEFORE: i64 = 8;

/// Quality sessions (docs/model.md, the catalog's classes).
const QUALITY: [&str; 6] = ["tempo", "intervals", "hills", "marathon", "long_fast", "race"];

fn date(offset: i64) -> String {
    let (y, m, d) = MONDAY;
    let monday = jiff::civil::date(y, m, d);
    monday
        .checked_add(jiff::Span::new().days(offset))
        .unwrap()
        .to_string()
}

/// One planned day as a log line reads it: session, minutes, and load per minute (the
/// runner's RPE for it).
#[derive(Debug, Clone, PartialEq)]
struct Day {
    session: String,
    minutes: f64,
    rpe: f64,
}

fn days_of(plan: &Value) -> Vec<Day> {
    plan["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let minutes = d["minutes"].as_f64().unwrap();
            Day {
                session: d["session"].as_str().unwrap().to_string(),
                minutes,
                rpe: if minutes > 0.0 {
                    d["load"].as_f64().unwrap() / minutes
                } else {
                    0.0
                },
            }
        })
        .collect()
}

/// A runner's YAML log: `week` run every week for the eight weeks before Monday, then
/// `this_week` (Monday first, as far as it goes); rest days are not written.
fn log(week: &[Day], this_week: &[Day]) -> String {
    let mut out = String::new();
    let weeks = (-WEEKS_BEFORE..0).flat_map(|w| {
        week.iter()
            .enumerate()
            .map(move |(d, day)| (7 * w + i64::try_from(d).unwrap(), day))
    });
    let this = this_week
        .iter()
        .enumerate()
        .map(|(d, day)| (i64::try_from(d).unwrap(), day));
    for (offset, day) in weeks.chain(this) {
        if day.session != "rest" {
            let _ = writeln!(
                out,
                "- {{date: {}, session: {}, minutes: {}, rpe: {}}}",
                date(offset),
                day.session,
                day.minutes,
                day.rpe
            );
        }
    }
    out
}

struct Files {
    _dir: tempfile::TempDir,
    profile: String,
    log: String,
}

fn files(log_text: &str) -> Files {
    files_with(PROFILE, log_text)
}

fn files_with(profile_text: &str, log_text: &str) -> Files {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("runner.yaml");
    std::fs::write(&profile, profile_text).unwrap();
    let log = dir.path().join("log.yaml");
    std::fs::write(&log, log_text).unwrap();
    Files {
        profile: profile.to_str().unwrap().to_string(),
        log: log.to_str().unwrap().to_string(),
        _dir: dir,
    }
}

/// The top week `generate` prints for the profile.
fn generated() -> Vec<Day> {
    generated_for(PROFILE)
}

/// The top week `generate` prints for a profile.
fn generated_for(profile: &str) -> Vec<Day> {
    let f = files_with(profile, "");
    let v = weekwright(&[
        "generate",
        "--profile",
        &f.profile,
        "--top",
        "1",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    days_of(&v["plans"][0])
}

/// `replan`'s top plan for a history, at the start of `today` (days after Monday).
fn replan(log_text: &str, today: i64) -> Value {
    replan_for(PROFILE, log_text, today)
}

/// `replan`'s top plan for a profile and a history.
fn replan_for(profile: &str, log_text: &str, today: i64) -> Value {
    let f = files_with(profile, log_text);
    let v = weekwright(&[
        "replan",
        "--profile",
        &f.profile,
        "--history",
        &f.log,
        "--today",
        &date(today),
        "--format",
        "json",
    ])
    .code(0)
    .json();
    v["plans"][0].clone()
}

fn is_quality(session: &str) -> bool {
    QUALITY.contains(&session)
}

/// The checks every re-planned week must pass against the profile: dated days, the days
/// before today done and the others not, no violation, two hard sessions in the week
/// (done ones included), never on adjacent days (done and planned days alike), the long
/// run on Sunday, at least one rest day.
fn meets_the_profile(plan: &Value, today: i64) {
    let days = plan["days"].as_array().unwrap();
    for (i, d) in (0..).zip(days) {
        assert_eq!(d["date"].as_str().unwrap(), date(i));
        assert_eq!(d["done"].as_bool().unwrap_or(false), i < today, "day {i}: {d}");
    }
    assert_eq!(plan["violations"].as_array().unwrap().len(), 0, "{plan}");
    let sessions: Vec<&str> = days.iter().map(|d| d["session"].as_str().unwrap()).collect();
    assert_eq!(
        sessions.iter().filter(|s| is_quality(s)).count(),
        2,
        "{sessions:?}"
    );
    for d in 0..6 {
        assert!(
            !(is_quality(sessions[d]) && is_quality(sessions[d + 1])),
            "hard days back to back on days {d} and {}: {sessions:?}",
            d + 1
        );
    }
    assert_eq!(sessions[6], "long", "{sessions:?}");
    assert!(sessions.contains(&"rest"), "{sessions:?}");
}

/// The profile's runner, and runners who train on four or five days, with days they
/// cannot train and a capped day: whatever today is, a week that went as planned re-plans
/// as planned, day by day.
#[test]
fn replanning_what_went_as_planned_gives_the_plan_again_whatever_the_days_and_today() {
    let runners = [
        "",
        "available_days: [tue, wed, fri, sat, sun]\nmax_minutes: {wed: 40}\n",
        "available_days: [tue, thu, sat, sun]\n",
        "available_days: [mon, wed, fri, sun]\n",
        "available_days: [mon, tue, thu, fri, sun]\n",
    ];
    for extra in runners {
        let profile = format!("{PROFILE}{extra}");
        let plan = generated_for(&profile);
        for today in 1..7 {
            let today_offset = i64::try_from(today).unwrap();
            let v = replan_for(&profile, &log(&plan, &plan[..today]), today_offset);
            meets_the_profile(&v, today_offset);
            let again = days_of(&v);
            for d in 0..7 {
                assert_eq!(
                    again[d].session, plan[d].session,
                    "{extra} today {today}, day {d}: {again:?} against {plan:?}"
                );
                assert!(
                    (again[d].minutes - plan[d].minutes).abs() < 1e-9,
                    "{extra} today {today}, day {d}: {again:?} against {plan:?}"
                );
            }
        }
    }
}

#[test]
fn a_missed_tuesday_session_leaves_a_week_that_meets_the_profile() {
    let plan = generated();
    // The plan generate prints for this profile holds intervals on Tuesday: the premise.
    assert_eq!(plan[1].session, "intervals", "{plan:?}");
    // Monday as planned, nothing on Tuesday; today is Wednesday. Tuesday prints as a done
    // rest day, and the two hard sessions still fit in Wednesday to Saturday, apart.
    let v = replan(&log(&plan, &plan[..1]), 2);
    meets_the_profile(&v, 2);
    let tuesday = &v["days"][1];
    assert_eq!(tuesday["session"], "rest");
    assert_eq!(tuesday["minutes"].as_f64().unwrap(), 0.0);
}

#[test]
fn a_hard_monday_keeps_tuesday_easy_and_counts_as_one_of_the_hard_sessions() {
    let plan = generated();
    // The plan has intervals on Tuesday. The runner ran a tempo on Monday instead of
    // resting; today is Tuesday: Tuesday cannot be hard now, and Monday's tempo is one of
    // the week's two hard sessions, so one more is planned.
    let tempo = Day {
        session: "tempo".to_string(),
        minutes: 50.0,
        rpe: 6.5,
    };
    let v = replan(&log(&plan, &[tempo]), 1);
    meets_the_profile(&v, 1);
    assert_eq!(v["days"][0]["session"], "tempo");
    assert!(!is_quality(v["days"][1]["session"].as_str().unwrap()), "{v}");
}

#[test]
fn a_week_run_heavier_than_planned_gets_lighter_remaining_days() {
    let plan = generated();
    let planned_rest: f64 = plan[2..].iter().map(|d| d.minutes).sum();
    // Monday 60 easy minutes where the plan rests, Tuesday 70 minutes of intervals at RPE
    // 8: 130 minutes of the week's 300 already run.
    let heavy = [
        Day {
            session: "easy".to_string(),
            minutes: 60.0,
            rpe: 3.0,
        },
        Day {
            session: "intervals".to_string(),
            minutes: 70.0,
            rpe: 8.0,
        },
    ];
    let v = replan(&log(&plan, &heavy), 2);
    let days = days_of(&v);
    // The done days carry the real minutes and load (60 x 3 = 180, 70 x 8 = 560).
    assert_eq!(v["days"][0]["load"].as_f64().unwrap(), 180.0);
    assert_eq!(v["days"][1]["load"].as_f64().unwrap(), 560.0);
    assert_eq!(days[1].minutes, 70.0);
    // What is left of the week is 300 - 130 = 170 minutes; the minutes rule gives easy days
    // at least 20 minutes, so the rest of the week holds at most 170 + 20 per easy day,
    // well under the 250 or so the plan had left.
    let rest: f64 = days[2..].iter().map(|d| d.minutes).sum();
    let easy_days = days[2..]
        .iter()
        .filter(|d| ["easy", "recovery", "strides"].contains(&d.session.as_str()))
        .count() as f64;
    assert!(
        rest <= 170.0 + 20.0 * easy_days + 1e-9,
        "{rest} minutes left: {days:?}"
    );
    assert!(
        rest < planned_rest - 40.0,
        "{rest} against {planned_rest}: {days:?}"
    );
    // And the hard sessions are still not back to back: Tuesday's intervals, so no hard
    // Wednesday.
    assert!(!is_quality(&days[2].session), "{days:?}");
}

#[test]
fn replan_without_history_is_refused_naming_the_flag() {
    let run = weekwright(&["replan"]).code(2);
    assert!(run.stderr.contains("--history"), "{}", run.stderr);
}

/// A week judged once from a start state: fatigue at the end of each day and the legs
/// before each day follow the recurrences of docs/model.md from the start, with no load
/// wrapping around from Sunday to Monday; the score reads each at the higher of that and
/// the repeated week's steady state (both worked here step by step, the steady state by
/// running the week 200 times from nothing, not with the crate's filters). From this
/// start, fatigue is higher than the steady state's every day and the legs lower, so the
/// week's own course gives the fatigue and the steady state the freshness.
#[test]
fn a_week_from_a_start_state_is_read_at_the_higher_of_its_course_and_its_steady_state() {
    use weekwright::catalog::{Catalog, Goal, Level, Session};
    use weekwright::model::{Judge, Start, WeekLoads, assess};
    let sessions = [
        Session::Rest,
        Session::Intervals,
        Session::Easy,
        Session::Rest,
        Session::Tempo,
        Session::Easy,
        Session::Long,
    ];
    let minutes = [0.0, 50.0, 45.0, 0.0, 50.0, 45.0, 90.0];
    let week = WeekLoads::new(&Catalog::default(), sessions, minutes, 0.0);
    // Loads: intervals 7.5 x 50 = 375, easy 3 x 45 = 135, tempo 6.5 x 50 = 325, long 4 x 90.
    let load = [0.0, 375.0, 135.0, 0.0, 325.0, 135.0, 360.0];
    assert_eq!(week.load, load);
    let start = Start {
        fitness: 150.0,
        fatigue: 240.0,
        legs: 500.0,
    };
    let judge = Judge {
        start: Some(start),
        ..Judge::structural(Goal::TenK, Level::Intermediate)
    };
    let a = assess(&judge, &week);
    // Fatigue: A_t = aA A_(t-1) + (1 - aA) w_t, aA = exp(-1/7); legs before day t:
    // H_t = aH H_(t-1) + w_(t-1) (every session here runs at full impact), aH = exp(-1/2).
    let (aa, ah) = ((-1.0_f64 / 7.0).exp(), (-0.5_f64).exp());
    let course = |fatigue0: f64, legs0: f64, weeks: usize| {
        let (mut fatigue, mut legs) = (fatigue0, legs0);
        let (mut f, mut h) = ([0.0; 7], [0.0; 7]);
        for _ in 0..weeks {
            for d in 0..7 {
                h[d] = legs;
                fatigue = aa * fatigue + (1.0 - aa) * load[d];
                legs = ah * legs + load[d];
                f[d] = fatigue;
            }
        }
        (f, h)
    };
    let (once_fatigue, once_legs) = course(240.0, 500.0, 1);
    let (steady_fatigue, steady_legs) = course(0.0, 0.0, 200);
    for d in 0..7 {
        assert!(once_fatigue[d] > steady_fatigue[d] && once_legs[d] < steady_legs[d]);
        assert!(
            (a.state.fatigue[d] - once_fatigue[d]).abs() < 1e-9,
            "day {d}: {:?}",
            a.state.fatigue
        );
    }
    // Legs before Tuesday's intervals, run once: aH x 500 = 303.27; in the steady state
    // Monday's rest follows Sunday's long run, 381.8: freshness 381.8 / 375 = 1.018.
    assert!((once_legs[1] - ah * 500.0).abs() < 1e-9);
    assert!((steady_legs[1] - 381.8).abs() < 0.05);
    assert!((a.freshness[1].unwrap() - steady_legs[1] / 375.0).abs() < 1e-9);
    assert!((a.freshness[4].unwrap() - steady_legs[4] / 325.0).abs() < 1e-9);
    assert!((a.freshness[6].unwrap() - steady_legs[6] / 360.0).abs() < 1e-9);
    // From legs of 3000 (a very heavy weekend before), the week's own course is the higher
    // before Tuesday and Friday (3000 aH = 1819.6 against 381.8; 3000 aH^4 + 375 aH^2 +
    // 135 aH = 625.9 against 305.0), so freshness reads it there.
    let tired = assess(
        &Judge {
            start: Some(Start {
                legs: 3000.0,
                ..start
            }),
            ..Judge::structural(Goal::TenK, Level::Intermediate)
        },
        &week,
    );
    let (_, tired_legs) = course(240.0, 3000.0, 1);
    for (d, load) in [(1, 375.0), (4, 325.0), (6, 360.0)] {
        let higher = tired_legs[d].max(steady_legs[d]);
        assert!(
            (tired.freshness[d].unwrap() - higher / load).abs() < 1e-9,
            "day {d}"
        );
    }
    assert!(tired_legs[1] > steady_legs[1] && tired_legs[4] > steady_legs[4]);
}

#[test]
fn both_hard_sessions_missed_by_saturday_gives_one_and_says_so() {
    let plan = generated();
    // Monday to Friday run as easy 40-minute days, so both of the plan's hard sessions
    // (Tuesday's intervals and Friday's tempo) are missed; today is Saturday. Saturday and
    // Sunday are left, Sunday holds the long run: one hard session fits, not two, and a
    // note says the week has one instead of two.
    let easy = Day {
        session: "easy".to_string(),
        minutes: 40.0,
        rpe: 3.0,
    };
    let f = files(&log(&plan, &vec![easy; 5]));
    let v = weekwright(&[
        "replan",
        "--profile",
        &f.profile,
        "--history",
        &f.log,
        "--today",
        &date(5),
        "--format",
        "json",
    ])
    .code(0)
    .json();
    let top = &v["plans"][0];
    let sessions: Vec<&str> = top["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["session"].as_str().unwrap())
        .collect();
    assert_eq!(
        sessions.iter().filter(|s| is_quality(s)).count(),
        1,
        "{sessions:?}"
    );
    // The long run stays on Sunday (a long_fast is a long run and a hard session at once).
    assert!(["long", "long_fast"].contains(&sessions[6]), "{sessions:?}");
    let notes = v["history"]["notes"].to_string();
    assert!(
        notes.contains("1 hard sessions this week instead of 2"),
        "{notes}"
    );
}

#[test]
fn a_done_day_is_a_fact_that_the_day_rules_do_not_judge() {
    let plan = generated();
    // The runner caps Mondays at 30 minutes and does not train on Tuesdays, then runs 60
    // minutes on Monday and 40 on Tuesday: the days run stand as run, with no violation,
    // and the rest of the week is still planned.
    let profile =
        format!("{PROFILE}max_minutes: {{mon: 30}}\navailable_days: [mon, wed, thu, fri, sat, sun]\n");
    let ran = [
        Day {
            session: "easy".to_string(),
            minutes: 60.0,
            rpe: 3.0,
        },
        Day {
            session: "easy".to_string(),
            minutes: 40.0,
            rpe: 3.0,
        },
    ];
    let f = files_with(&profile, &log(&plan, &ran));
    let v = weekwright(&[
        "replan",
        "--profile",
        &f.profile,
        "--history",
        &f.log,
        "--today",
        &date(2),
        "--format",
        "json",
    ])
    .code(0)
    .json();
    let top = &v["plans"][0];
    assert_eq!(top["days"][0]["minutes"].as_f64().unwrap(), 60.0);
    assert_eq!(top["days"][1]["minutes"].as_f64().unwrap(), 40.0);
    assert_eq!(top["violations"].as_array().unwrap().len(), 0, "{top}");
}

/// A day run is fixed with what was run, and the day's cap goes, but the runner's
/// availability stays: the usual running days (the long run's share cap and the rhythm read
/// them) do not change because a day the runner does not train on was run, or rested.
#[test]
fn a_done_day_keeps_the_runners_usual_running_days() {
    use weekwright::catalog::Session;
    use weekwright::problem::{Done, Problem};
    use weekwright::week::Day;
    // The built-in runner with Monday and Thursday off (and one rest day at least): five
    // usual running days.
    let problem = Problem::builtin()
        .with_available(Day::ALL[0], false)
        .with_available(Day::ALL[3], false)
        .with_min_rest_days(1);
    assert_eq!(problem.rules().running_days(), 5);
    let run = Done {
        minutes: 40.0,
        load: 120.0,
    };
    let done = problem.with_done(Day::ALL[0], Session::Easy, run);
    assert_eq!(done.rules().running_days(), 5);
    assert!(done.rules().allows(0, Session::Easy));
    assert_eq!(done.rules().caps[0], None);
}

#[test]
fn a_long_run_run_a_day_early_is_not_run_again() {
    let plan = generated();
    // The plan's long run is on Sunday; the runner ran it on Saturday (and the rest of the
    // week as planned); today is Sunday. Saturday keeps the long run, and Sunday gets no
    // second one: one long run in the week.
    let mut ran: Vec<Day> = plan[..5].to_vec();
    ran.push(plan[6].clone());
    let v = replan(&log(&plan, &ran), 6);
    let sessions: Vec<String> = days_of(&v).into_iter().map(|d| d.session).collect();
    assert_eq!(sessions[5], "long", "{sessions:?}");
    assert!(
        !["long", "long_fast"].contains(&sessions[6].as_str()),
        "{sessions:?}"
    );
    assert_eq!(v["violations"].as_array().map_or(0, Vec::len), 0);
}

/// The table marks the days already run: the runner's log in tests/data/review/ has
/// intervals on Tuesday 2024-02-06 and nothing on Monday or Wednesday; re-planned on
/// Thursday, those three days stand as run, and no day from Thursday on says done.
#[test]
fn the_table_marks_the_days_already_run() {
    let run = weekwright(&[
        "replan",
        "--history",
        "tests/data/review/log.csv",
        "--today",
        "2024-02-08",
        "--top",
        "1",
        "--format",
        "table",
    ])
    .code(0);
    let row = |date: &str| {
        run.stdout
            .lines()
            .find(|l| l.starts_with('│') && l.contains(date))
            .unwrap_or_else(|| panic!("no row for {date}:\n{}", run.stdout))
            .to_string()
    };
    assert!(row("2024-02-05").contains("rest (done)"), "{}", row("2024-02-05"));
    assert!(
        row("2024-02-06").contains("intervals (done)"),
        "{}",
        row("2024-02-06")
    );
    assert!(row("2024-02-07").contains("rest (done)"), "{}", row("2024-02-07"));
    for date in ["2024-02-08", "2024-02-09", "2024-02-10", "2024-02-11"] {
        assert!(!row(date).contains("(done)"), "{}", row(date));
    }
}

/// An unbalanced re-planned week does not call itself a week that works. The runner's log in
/// tests/data/review/ re-planned on Sunday 2024-02-11 gives such a week: six days already
/// run, a race on Saturday, and only Sunday's long run left to plan (score 43).
#[test]
fn an_unbalanced_replanned_week_says_so_to_the_end() {
    let v = weekwright(&[
        "replan",
        "--history",
        "tests/data/review/log.csv",
        "--today",
        "2024-02-11",
        "--top",
        "1",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    let plan = &v["plans"][0];
    assert_eq!(plan["verdict"], "unbalanced");
    assert_eq!(plan["repeatable"], true);
    let notes: Vec<&str> = plan["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert!(
        notes.iter().all(|n| !n.contains("signal that it works")),
        "{notes:?}"
    );
    assert!(notes.last().unwrap().contains("unbalanced"), "{notes:?}");
}
