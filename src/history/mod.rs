//! What the runner has run: activities read from FIT files, a Strava bulk export's
//! `activities.csv`, GPX tracks and the runner's own log (YAML or CSV), each format told
//! from the file's content; duplicates (the same activity from the watch and from Strava)
//! counted once. [`load`] gives each activity its load, [`state`] runs the model's filters
//! over the days read.

mod files;
mod fit;
mod gpx;
pub mod load;
mod log;
pub mod review;
pub mod state;
mod strava;

use std::path::PathBuf;

use jiff::civil::DateTime;

use crate::catalog::Session;

/// The largest file read (a long FIT file with one record a second is a few MB).
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Two records closer than this in start time, and with durations within [`SAME_SHARE`],
/// are the same activity (a watch's FIT file and its Strava copy).
pub const SAME_START_MINUTES: i64 = 5;

/// Largest relative difference in duration between two records of the same activity.
pub const SAME_SHARE: f64 = 0.1;

/// The sport of an activity, as far as load and the legs are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sport {
    /// Running, on any surface (trail, track, treadmill).
    Running,
    /// Cycling, indoor or out.
    Cycling,
    /// Swimming.
    Swimming,
    /// Anything else (walking, rowing, elliptical, strength): cross-training.
    Other,
}

impl Sport {
    /// The sport a name means: FIT's sport names, Strava's activity types, a log's words.
    #[must_use]
    pub fn from_name(name: &str) -> Self {
        let n = name.trim().to_lowercase().replace([' ', '-', '_'], "");
        if n.contains("run") || n == "jog" || n == "treadmill" {
            Sport::Running
        } else if n.contains("ride") || n.contains("cycl") || n.contains("bik") {
            Sport::Cycling
        } else if n.contains("swim") {
            Sport::Swimming
        } else {
            Sport::Other
        }
    }

    /// Whether it counts as running (leg impact 1) rather than cross-training (0.5).
    #[must_use]
    pub fn is_running(self) -> bool {
        self == Sport::Running
    }
}

/// One activity as read, before its load is worked out.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    /// The file it was read from (and the row, for CSV files).
    pub source: String,
    /// When it started (UTC for FIT, GPX and Strava; the log's own date at midnight).
    pub start: DateTime,
    /// Whether the start time is known to the minute (a log gives only the day).
    pub timed: bool,
    /// Elapsed minutes.
    pub minutes: f64,
    /// The sport.
    pub sport: Sport,
    /// The session the runner named (a log's `session`).
    pub session: Option<Session>,
    /// Distance in km.
    pub distance_km: Option<f64>,
    /// Average heart rate, beats a minute.
    pub avg_hr: Option<f64>,
    /// Session RPE (CR-10, 0 to 10).
    pub rpe: Option<f64>,
}

/// The activities read from every path, duplicates removed, oldest first, and the files
/// a folder held that were not read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    /// Activities, by start time.
    pub activities: Vec<Activity>,
    /// Files read.
    pub files: usize,
    /// Records dropped as copies of another.
    pub duplicates: usize,
    /// Files in folders skipped because their extension is not one of the formats.
    pub skipped: Vec<PathBuf>,
    /// What was left out and why, naming the file (and the row): files in folders that
    /// are not history or cannot be read, recorded activities no watch could record, and
    /// activities that overlap another. The commands print them on stderr.
    pub warnings: Vec<String>,
}

pub use files::{read, read_file};

/// Activities by start time with copies removed: two timed records that start within
/// [`SAME_START_MINUTES`] of each other and last within [`SAME_SHARE`] of each other are one
/// activity; the first read is kept, with what only the copy knew (RPE, heart rate,
/// distance) filled in. A log entry and a timed record of one run are one activity too
/// (`merge_log_entries`).
#[must_use]
pub fn dedup(mut activities: Vec<Activity>) -> Vec<Activity> {
    activities.sort_by_key(|a| a.start);
    let mut kept: Vec<Activity> = Vec::with_capacity(activities.len());
    for a in activities {
        let copy_of = kept
            .iter_mut()
            .rev()
            .take_while(|k| close_in_start(k, &a))
            .find(|k| same(k, &a));
        match copy_of {
            Some(k) => {
                k.rpe = k.rpe.or(a.rpe);
                k.avg_hr = k.avg_hr.or(a.avg_hr);
                k.distance_km = k.distance_km.or(a.distance_km);
                k.session = k.session.or(a.session);
            }
            None => kept.push(a),
        }
    }
    merge_log_entries(kept)
}

/// A runner's log entry and a device's record of one run: a log entry (untimed, dated only)
/// is the same activity as a timed record of the same day and sport whose minutes are
/// within [`SAME_SHARE`] of it (a runner who logs each run's RPE and also gives the watch's
/// folder). The record is kept, with what only the log knew (the session named, the RPE,
/// distance and heart rate) filled in; each record takes one log entry at most, the
/// closest in minutes.
fn merge_log_entries(activities: Vec<Activity>) -> Vec<Activity> {
    let (mut timed, entries): (Vec<Activity>, Vec<Activity>) = activities.into_iter().partition(|a| a.timed);
    let mut taken = vec![false; timed.len()];
    let mut out = Vec::with_capacity(timed.len() + entries.len());
    for entry in entries {
        let twin = (0..timed.len())
            .filter(|&i| !taken[i] && same_day_and_sport(&timed[i], &entry))
            .min_by(|&i, &j| {
                let gap = |k: usize| (timed[k].minutes - entry.minutes).abs();
                gap(i).total_cmp(&gap(j))
            });
        match twin {
            Some(i) => {
                taken[i] = true;
                let record = &mut timed[i];
                record.session = record.session.or(entry.session);
                record.rpe = record.rpe.or(entry.rpe);
                record.distance_km = record.distance_km.or(entry.distance_km);
                record.avg_hr = record.avg_hr.or(entry.avg_hr);
            }
            None => out.push(entry),
        }
    }
    out.extend(timed);
    // Stable: a log's entries stay before the day's timed records, as read.
    out.sort_by_key(|a| a.start);
    out
}

/// A log entry and a timed record on the same date, of the same sport, lasting within
/// [`SAME_SHARE`] of each other.
fn same_day_and_sport(record: &Activity, entry: &Activity) -> bool {
    let longer = record.minutes.max(entry.minutes);
    record.start.date() == entry.start.date()
        && record.sport == entry.sport
        && (record.minutes - entry.minutes).abs() <= SAME_SHARE * longer
}

/// An activity that starts more than [`OVERLAP_MINUTES`] before a timed activity ends
/// overlaps it: no one runs two activities at once, so the time would count twice (two
/// devices on one run, an export of the same run with another start). Of two overlapping
/// activities the longer is kept; the other is left out with a warning naming both sources.
/// Untimed log entries never overlap (a log gives only the day).
#[must_use]
pub fn drop_overlaps(activities: Vec<Activity>) -> (Vec<Activity>, Vec<String>) {
    let mut kept: Vec<Activity> = Vec::with_capacity(activities.len());
    let mut warnings = Vec::new();
    // The kept timed activity that ends last so far.
    let mut last: Option<usize> = None;
    for a in activities {
        if !a.timed {
            kept.push(a);
            continue;
        }
        let Some(i) = last.filter(|&i| overlap_minutes(&kept[i], &a) > OVERLAP_MINUTES) else {
            if last.is_none_or(|i| end(&a) > end(&kept[i])) {
                last = Some(kept.len());
            }
            kept.push(a);
            continue;
        };
        let (long, short) = if a.minutes > kept[i].minutes {
            let short = std::mem::replace(&mut kept[i], a);
            (&kept[i], short)
        } else {
            (&kept[i], a)
        };
        warnings.push(format!(
            "left out {} ({} min from {}): it overlaps {} ({} min from {}), and the longer counts",
            short.source,
            short.minutes.round(),
            short.start,
            long.source,
            long.minutes.round(),
            long.start
        ));
    }
    (kept, warnings)
}

/// Minutes of overlap tolerated between two activities (clocks a little apart, a watch
/// stopped a moment after the next activity started).
pub const OVERLAP_MINUTES: f64 = 1.0;

fn end(a: &Activity) -> DateTime {
    let seconds = (a.minutes * 60.0).round() as i64;
    a.start
        .checked_add(jiff::SignedDuration::from_secs(seconds))
        .unwrap_or(a.start)
}

/// Minutes `b` (starting no earlier than `a`) runs while `a` still runs.
fn overlap_minutes(a: &Activity, b: &Activity) -> f64 {
    let until = end(a).min(end(b));
    (until - b.start).total(jiff::Unit::Minute).unwrap_or(0.0)
}

/// Activities dated on or after `today` (not yet run at its start): how many, and the
/// first's source, for a warning.
#[must_use]
pub fn later_than(history: &History, today: jiff::civil::Date) -> Option<String> {
    let later: Vec<&Activity> = history
        .activities
        .iter()
        .filter(|a| a.start.date() >= today)
        .collect();
    let first = later.first()?;
    Some(format!(
        "left out {} dated on or after {today} (the state is at the start of that day): the first is {} on {}",
        if later.len() == 1 {
            "1 activity".to_string()
        } else {
            format!("{} activities", later.len())
        },
        first.source,
        first.start.date()
    ))
}

fn close_in_start(a: &Activity, b: &Activity) -> bool {
    let gap = (b.start - a.start)
        .total(jiff::Unit::Minute)
        .unwrap_or(f64::INFINITY);
    gap.abs() <= SAME_START_MINUTES as f64
}

fn same(a: &Activity, b: &Activity) -> bool {
    let longer = a.minutes.max(b.minutes);
    a.timed && b.timed && close_in_start(a, b) && (a.minutes - b.minutes).abs() <= SAME_SHARE * longer
}

/// A UTC civil date-time from seconds since 1970 (FIT and GPX times).
pub(crate) fn utc_datetime(seconds: i64) -> Option<DateTime> {
    let ts = jiff::Timestamp::from_second(seconds).ok()?;
    Some(jiff::tz::TimeZone::UTC.to_datetime(ts))
}
