//! History import: each format read right (the FIT SDK's Activity.fit, a FIT file this
//! test writes with its own encoder, a Strava activities.csv with the real repeated
//! columns, a GPX track, YAML and CSV logs), copies counted once, the load mapping's order
//! and anchors, and the filters against the recurrences written out here.

use std::fmt::Write as _;
use std::path::PathBuf;

use jiff::civil::{Date, date};
use weekwright::catalog::{Catalog, Level, Session};
use weekwright::history::load::{self, Basis, HeartRates, Runner};
use weekwright::history::state;
use weekwright::history::{self, Activity, Sport};
use weekwright::model::ModelParams;

use crate::support::data;

fn file(name: &str) -> PathBuf {
    data(&format!("history/{name}"))
}

fn one(name: &str) -> Vec<Activity> {
    history::read_file(&file(name)).unwrap()
}

#[test]
fn the_fit_sdk_activity_reads_its_session_start_duration_distance_and_sport() {
    let a = one("Activity.fit");
    assert_eq!(a.len(), 1);
    let a = &a[0];
    // The session message: start 2012-04-09T21:22:26Z, 13.749 s elapsed, 5.73 m, running.
    assert_eq!(a.start, date(2012, 4, 9).at(21, 22, 26, 0));
    assert!((a.minutes - 13.749 / 60.0).abs() < 1e-9, "{}", a.minutes);
    assert!((a.distance_km.unwrap() - 0.00573).abs() < 1e-9);
    assert_eq!(a.sport, Sport::Running);
    assert_eq!(a.avg_hr, None);
}

#[test]
fn a_fit_file_written_here_reads_its_heart_rate_distance_and_sport() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ride.fit");
    // 2024-01-10 08:00:00 UTC, 75 min, 30.5 km, average heart rate 141, cycling.
    // 2024-01-01T00:00:00Z is 1_704_067_200 s after 1970; nine days and eight hours on.
    let start = 1_704_067_200 + 9 * 86_400 + 8 * 3600;
    let bytes = crate::fit_writer::session_file(start, 4500.0, 30_500.0, 141, 2);
    std::fs::write(&path, bytes).unwrap();
    let a = &history::read_file(&path).unwrap()[0];
    assert_eq!(a.start, date(2024, 1, 10).at(8, 0, 0, 0));
    assert!((a.minutes - 75.0).abs() < 1e-9);
    assert!((a.distance_km.unwrap() - 30.5).abs() < 1e-9);
    assert_eq!(a.avg_hr, Some(141.0));
    assert_eq!(a.sport, Sport::Cycling);
}

#[test]
fn a_strava_export_reads_the_metres_column_its_dates_types_and_exertion() {
    let rows = one("activities.csv");
    assert_eq!(rows.len(), 3);
    let run = &rows[1];
    assert_eq!(run.start, date(2024, 1, 1).at(10, 0, 0, 0));
    assert_eq!(run.minutes, 60.0);
    // The second Distance column, in metres, not the first (display unit).
    assert!((run.distance_km.unwrap() - 10.0205).abs() < 1e-9);
    assert_eq!(run.avg_hr, Some(150.0));
    assert_eq!(run.rpe, None);
    let ride = &rows[2];
    assert_eq!(ride.start, date(2024, 1, 2).at(18, 30, 0, 0));
    assert_eq!(
        (ride.sport, ride.minutes, ride.rpe),
        (Sport::Cycling, 90.0, Some(5.0))
    );
}

#[test]
fn a_gpx_track_reads_its_duration_and_distance_along_the_track() {
    let a = &one("track.gpx")[0];
    assert_eq!(a.start, date(2024, 1, 3).at(7, 0, 0, 0));
    assert_eq!(a.minutes, 15.0);
    // Three steps of 0.01 degree of latitude: 3 x 6371 km x 0.01 x pi / 180.
    let want = 3.0 * 6371.0 * 0.01_f64.to_radians();
    assert!(
        (a.distance_km.unwrap() - want).abs() < 1e-6,
        "{:?}",
        a.distance_km
    );
    assert_eq!(a.avg_hr, None);
}

#[test]
fn yaml_and_csv_logs_read_sessions_sports_and_optional_fields() {
    let y = one("log.yaml");
    assert_eq!(y.len(), 3);
    assert_eq!(
        (y[0].session, y[0].rpe, y[0].minutes),
        (Some(Session::Tempo), Some(7.0), 50.0)
    );
    assert_eq!((y[1].sport, y[1].session), (Sport::Swimming, None));
    assert_eq!(
        (y[2].session, y[2].distance_km, y[2].avg_hr),
        (Some(Session::Long), Some(18.0), Some(140.0))
    );
    let c = one("log.csv");
    assert_eq!(c.len(), 3);
    assert_eq!(c[0].start, date(2024, 1, 7).at(0, 0, 0, 0));
    assert_eq!(
        (c[0].session, c[0].rpe, c[0].avg_hr),
        (Some(Session::Easy), None, None)
    );
    assert_eq!((c[1].sport, c[1].rpe), (Sport::Cycling, Some(4.0)));
    assert_eq!(c[2].distance_km, Some(10.5));
}

#[test]
fn the_watch_and_strava_copies_of_one_run_count_once_and_share_what_each_knows() {
    let h = history::read(&[file("Activity.fit"), file("activities.csv")]).unwrap();
    assert_eq!((h.files, h.duplicates, h.activities.len()), (2, 1, 3));
    let first = &h.activities[0];
    // The FIT record is kept (read first); the Strava copy's Perceived Exertion fills in.
    assert_eq!(first.source, file("Activity.fit").display().to_string());
    assert_eq!(first.rpe, Some(4.0));
    // Read the other way round, still one.
    let h = history::read(&[file("activities.csv"), file("Activity.fit")]).unwrap();
    assert_eq!(h.activities.len(), 3);
}

/// A runner who logs each run's RPE and also gives the watch's files: the log's entry and
/// the watch's record of one run are one activity (the same day and sport, minutes within
/// 10 %), the record's minutes and heart rate with the log's session and RPE. A log entry
/// of another length, or of another sport, that day is another activity.
#[test]
fn a_log_entry_and_the_watchs_record_of_one_run_count_once() {
    let dir = tempfile::tempdir().unwrap();
    // 2024-01-10 07:00 UTC (2024-01-01T00:00:00Z is 1_704_067_200 s after 1970): a run of
    // 52 minutes, 10 km, average heart rate 150; and a ride of 40 minutes that evening.
    let day = 1_704_067_200 + 9 * 86_400;
    let run = crate::fit_writer::session_file(day + 7 * 3600, 52.0 * 60.0, 10_000.0, 150, 1);
    let ride = crate::fit_writer::session_file(day + 18 * 3600, 40.0 * 60.0, 15_000.0, 120, 2);
    std::fs::write(dir.path().join("run.fit"), run).unwrap();
    std::fs::write(dir.path().join("ride.fit"), ride).unwrap();
    // The log: the same run as 50 minutes of tempo at RPE 7 (within 10 % of 52), a
    // 20-minute easy run that evening (not the watch's), and 40 minutes of swimming (not
    // the ride: another sport).
    let log = dir.path().join("log.yaml");
    std::fs::write(
        &log,
        "- {date: 2024-01-10, session: tempo, minutes: 50, rpe: 7}\n\
         - {date: 2024-01-10, session: easy, minutes: 20}\n\
         - {date: 2024-01-10, sport: swimming, minutes: 40}\n",
    )
    .unwrap();
    let h = history::read(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(
        (h.files, h.activities.len(), h.duplicates),
        (3, 4, 1),
        "{:#?}",
        h.activities
    );
    let runs: Vec<&Activity> = h
        .activities
        .iter()
        .filter(|a| a.sport == Sport::Running)
        .collect();
    assert_eq!(runs.len(), 2, "{runs:#?}");
    let watched = runs.iter().find(|a| a.timed).unwrap();
    assert_eq!(
        (watched.minutes, watched.avg_hr, watched.session, watched.rpe),
        (52.0, Some(150.0), Some(Session::Tempo), Some(7.0))
    );
    let logged = runs.iter().find(|a| !a.timed).unwrap();
    assert_eq!((logged.minutes, logged.session), (20.0, Some(Session::Easy)));
    assert_eq!(
        h.activities.iter().filter(|a| a.sport != Sport::Running).count(),
        2
    );
}

#[test]
fn a_folder_reads_every_format_in_it() {
    let h = history::read(&[data("history")]).unwrap();
    // 1 FIT + 3 Strava (1 a copy) + 1 GPX + 3 YAML + 3 CSV.
    assert_eq!((h.files, h.activities.len(), h.duplicates), (5, 10, 1));
}

fn activity(minutes: f64, sport: Sport) -> Activity {
    Activity {
        source: "test".into(),
        start: date(2024, 1, 1).at(0, 0, 0, 0),
        timed: false,
        minutes,
        sport,
        session: None,
        distance_km: None,
        avg_hr: None,
        rpe: None,
    }
}

#[test]
fn load_takes_rpe_then_heart_rate_then_pace_then_the_default() {
    let heart = HeartRates {
        max: 190.0,
        rest: 50.0,
    };
    let fitness = weekwright::paces::Fitness::from_vdot(50.0).unwrap();
    let runner = Runner {
        heart: Some(heart),
        paces: Some(fitness.paces()),
    };
    let mut a = activity(60.0, Sport::Running);
    a.distance_km = Some(10.0);
    a.avg_hr = Some(50.0 + 0.86 * 140.0);
    a.rpe = Some(5.0);
    let l = load::of(&a, &runner);
    assert_eq!((l.rpe, l.load, l.impact, l.basis), (5.0, 300.0, 1.0, Basis::Rpe));
    a.rpe = None;
    let l = load::of(&a, &runner);
    // 86 % of heart-rate reserve is tempo's point: RPE 6.5.
    assert_eq!(l.basis, Basis::HeartRate);
    assert!((l.rpe - 6.5).abs() < 1e-9 && (l.load - 390.0).abs() < 1e-9);
    a.avg_hr = None;
    // At the runner's threshold pace the RPE is tempo's.
    a.minutes = fitness.paces().threshold.seconds_per_km() / 60.0 * 10.0;
    let l = load::of(&a, &runner);
    assert_eq!(l.basis, Basis::Pace);
    assert!((l.rpe - 6.5).abs() < 1e-9, "{}", l.rpe);
    let l = load::of(&a, &Runner::default());
    assert_eq!((l.rpe, l.basis), (3.0, Basis::Default));
}

#[test]
fn heart_rate_reserve_maps_through_its_anchors_linearly() {
    let heart = HeartRates {
        max: 200.0,
        rest: 50.0,
    };
    let at = |share: f64| load::rpe_from_heart_rate(50.0 + share * 150.0, heart);
    assert!((at(0.6) - 3.0).abs() < 1e-9);
    assert!(
        (at(0.7) - 4.5).abs() < 1e-9,
        "halfway from easy (3) to marathon (6)"
    );
    assert!((at(0.2) - 1.0).abs() < 1e-9 && (at(1.1) - 9.0).abs() < 1e-9);
}

#[test]
fn other_sports_are_cross_training_at_half_the_leg_impact() {
    let l = load::of(&activity(60.0, Sport::Cycling), &Runner::default());
    assert_eq!((l.load, l.impact), (180.0, 0.5));
    let catalog = Catalog::default();
    let a = activity(60.0, Sport::Swimming);
    assert_eq!(
        load::closest_session(&a, &l, &catalog, Level::Intermediate),
        Session::Cross
    );
    let run = activity(100.0, Sport::Running);
    let mut l = load::of(&run, &Runner::default());
    l.rpe = 4.0;
    assert_eq!(
        load::closest_session(&run, &l, &catalog, Level::Intermediate),
        Session::Long
    );
}

/// A log of `(days after 2024-01-01, minutes, rpe, sport)` written to a temporary folder.
fn log_history(entries: &[(i64, f64, f64, &str)]) -> (tempfile::TempDir, history::History) {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("date,sport,minutes,rpe\n");
    for &(day, minutes, rpe, sport) in entries {
        let d = date(2024, 1, 1) + jiff::Span::new().days(day);
        let _ = writeln!(text, "{d},{sport},{minutes},{rpe}");
    }
    let path = dir.path().join("log.csv");
    std::fs::write(&path, text).unwrap();
    let h = history::read(&[path]).unwrap();
    (dir, h)
}

fn state_at(h: &history::History, today: Date) -> state::Status {
    let days = state::days(
        h,
        today,
        &Runner::default(),
        &Catalog::default(),
        Level::Intermediate,
    );
    state::status(&days, today, &ModelParams::default())
}

#[test]
fn the_state_equals_the_recurrences_written_out_day_by_day() {
    // Day 0: run 60 min RPE 5 (300); day 2: ride 90 min RPE 4 (360, legs 180); day 3 two
    // runs (45 x 3 = 135, 30 x 7 = 210); day 9: run 100 min RPE 4 (400). Today: day 12.
    let entries = [
        (0, 60.0, 5.0, "run"),
        (2, 90.0, 4.0, "cycling"),
        (3, 45.0, 3.0, "run"),
        (3, 30.0, 7.0, "run"),
        (9, 100.0, 4.0, "run"),
    ];
    let (_dir, h) = log_history(&entries);
    let mut w = [0.0; 12];
    let mut legs_in = [0.0; 12];
    for &(day, minutes, rpe, sport) in &entries {
        let impact = if sport == "run" { 1.0 } else { 0.5 };
        w[day as usize] += minutes * rpe;
        legs_in[day as usize] += impact * minutes * rpe;
    }
    let (af, aa, ah) = (
        (-1.0_f64 / 42.0).exp(),
        (-1.0_f64 / 7.0).exp(),
        (-1.0_f64 / 2.0).exp(),
    );
    let (mut f, mut a, mut l) = (0.0, 0.0, 0.0);
    for t in 0..12 {
        f = af * f + (1.0 - af) * w[t];
        a = aa * a + (1.0 - aa) * w[t];
        l = ah * l + legs_in[t];
    }
    let s = state_at(&h, date(2024, 1, 13));
    assert_eq!(s.days_read, 12);
    assert!((s.filters.fitness - f).abs() < 1e-9, "{} {f}", s.filters.fitness);
    assert!((s.filters.fatigue - a).abs() < 1e-9);
    assert!((s.filters.legs - l).abs() < 1e-9);
    // Weeks end yesterday (day 11): days 5..11 hold 400, days -2..4 hold 1005.
    assert_eq!((s.weeks[3].load, s.weeks[3].minutes), (400.0, 100.0));
    assert_eq!(s.weeks[2].load, 1005.0);
    assert!((s.acwr - 400.0 / (1005.0 / 3.0)).abs() < 1e-12);
    assert_eq!(s.longest_run_30d, 100.0);
    assert_eq!(s.weekly_minutes_28d, 325.0 / 4.0);
}

#[test]
fn activities_on_or_after_today_are_not_yet_in_the_state() {
    let (_dir, h) = log_history(&[(0, 60.0, 5.0, "run"), (5, 60.0, 5.0, "run")]);
    let s = state_at(&h, date(2024, 1, 6));
    assert_eq!(s.days_read, 5);
    assert_eq!(s.weeks[3].load, 300.0);
}

#[test]
fn the_same_week_for_26_weeks_reaches_the_closed_form_steady_state() {
    // Mon 50 min RPE 3, Tue 40 x 7.5, Thu 60 cross x 3, Sat 45 x 6.5, Sun 100 x 4.
    let week = [
        (0, 50.0, 3.0, "run"),
        (1, 40.0, 7.5, "run"),
        (3, 60.0, 3.0, "cycling"),
        (5, 45.0, 6.5, "run"),
        (6, 100.0, 4.0, "run"),
    ];
    let entries: Vec<_> = (0..26)
        .flat_map(|k| week.iter().map(move |&(d, m, r, s)| (7 * k + d, m, r, s)))
        .collect();
    let (_dir, h) = log_history(&entries);
    let s = state_at(&h, date(2024, 1, 1) + jiff::Span::new().days(26 * 7));
    let mut u = [0.0; 7];
    let mut legs = [0.0; 7];
    for &(d, m, r, sport) in &week {
        u[d as usize] = m * r;
        legs[d as usize] = m * r * if sport == "run" { 1.0 } else { 0.5 };
    }
    // x*_Sun = b / (1 - a^7) * sum_k a^k u_(6-k) (MODEL.md section 3).
    let closed = |tau: f64, gain: Option<f64>, input: &[f64; 7]| {
        let a = (-1.0 / tau).exp();
        let b = gain.unwrap_or(1.0 - a);
        b / (1.0 - a.powi(7)) * (0..7).map(|k| a.powi(k) * input[6 - k as usize]).sum::<f64>()
    };
    // From zero, the end of week K is exactly x* (1 - a^(7K)): x_end(k) = a^7 x_end(k-1) + c
    // and x* = a^7 x* + c. With K = 26 fatigue and legs are at x* to 1e-9.
    let from_zero = |tau: f64| 1.0 - (-182.0 / tau).exp();
    let near = |got: f64, want: f64| (got - want).abs() <= 1e-9 * want;
    assert!(
        near(s.filters.fitness, closed(42.0, None, &u) * from_zero(42.0)),
        "{}",
        s.filters.fitness
    );
    assert!(near(s.filters.fatigue, closed(7.0, None, &u)));
    assert!(near(s.filters.legs, closed(2.0, Some(1.0), &legs)));
}

#[test]
fn copies_need_a_close_start_and_a_close_duration_and_a_time() {
    let at = |minute: i8, minutes: f64| {
        let mut a = activity(minutes, Sport::Running);
        a.start = date(2024, 1, 1).at(7, minute, 0, 0);
        a.timed = true;
        a
    };
    let count = |xs: Vec<Activity>| history::dedup(xs).len();
    assert_eq!(
        count(vec![at(0, 60.0), at(4, 64.0)]),
        1,
        "4 min apart, 64 within 10 % of 60"
    );
    assert_eq!(
        count(vec![at(0, 60.0), at(0, 50.0)]),
        2,
        "50 is more than 10 % off 60"
    );
    assert_eq!(count(vec![at(0, 60.0), at(6, 60.0)]), 2, "6 minutes apart");
    // A log gives the day, not the time: two logged runs on one day are two runs.
    assert_eq!(
        count(vec![
            activity(45.0, Sport::Running),
            activity(45.0, Sport::Running)
        ]),
        2
    );
}

#[test]
fn the_longest_run_looks_back_30_days_and_rides_are_not_runs() {
    // Day 0 (31 days before today): 150 min; day 1 (30 days before): 120; day 20: a 200-min ride.
    let (_dir, h) = log_history(&[
        (0, 150.0, 4.0, "run"),
        (1, 120.0, 4.0, "run"),
        (20, 200.0, 3.0, "cycling"),
    ]);
    let s = state_at(&h, date(2024, 2, 1));
    assert_eq!(s.longest_run_30d, 120.0);
    // The last 28 days (from day 3) hold the ride only: 200 minutes over 4 weeks.
    assert_eq!((s.weekly_minutes_28d, s.usual_load), (50.0, 600.0 / 28.0));
}
