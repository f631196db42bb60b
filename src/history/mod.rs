//! What the runner has run: activities read from FIT files, a Strava bulk export's
//! `activities.csv`, GPX tracks and the runner's own log (YAML or CSV), each format told
//! from the file's content; duplicates (the same activity from the watch and from Strava)
//! counted once. [`load`] gives each activity its load, [`state`] runs the model's filters
//! over the days read.

mod fit;
mod gpx;
pub mod load;
mod log;
pub mod state;
mod strava;

use std::path::{Path, PathBuf};

use jiff::civil::DateTime;

use crate::catalog::Session;
use crate::error::InputError;

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
}

/// Extensions read inside folders (files named on the command line are read whatever
/// their name).
const EXTENSIONS: [&str; 5] = ["fit", "gpx", "csv", "yaml", "yml"];

/// Read every path: files, and folders (recursively, in name order).
///
/// # Errors
/// A path that cannot be read, a file over [`MAX_FILE_BYTES`], a file in none of the
/// formats, or a malformed one: the message names the file (and the row or line).
pub fn read(paths: &[PathBuf]) -> Result<History, InputError> {
    let mut history = History::default();
    let mut files = Vec::new();
    for path in paths {
        collect(path, true, &mut files, &mut history.skipped)?;
    }
    let mut activities = Vec::new();
    for file in &files {
        activities.extend(read_file(file)?);
    }
    history.files = files.len();
    let before = activities.len();
    history.activities = dedup(activities);
    history.duplicates = before - history.activities.len();
    Ok(history)
}

fn collect(
    path: &Path,
    named: bool,
    files: &mut Vec<PathBuf>,
    skipped: &mut Vec<PathBuf>,
) -> Result<(), InputError> {
    let unreadable = |e: std::io::Error| InputError::Read {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if meta.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(unreadable)?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()
            .map_err(unreadable)?;
        entries.sort();
        for entry in entries {
            let hidden = entry
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if !hidden {
                collect(&entry, false, files, skipped)?;
            }
        }
    } else if named || has_known_extension(path) {
        files.push(path.to_path_buf());
    } else {
        skipped.push(path.to_path_buf());
    }
    Ok(())
}

fn has_known_extension(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| EXTENSIONS.contains(&e.to_string_lossy().to_lowercase().as_str()))
}

/// The formats, told from content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Fit,
    Gpx,
    Strava,
    LogCsv,
    LogYaml,
}

fn kind_of(bytes: &[u8]) -> Option<Kind> {
    if bytes.len() >= 12 && &bytes[8..12] == b".FIT" {
        return Some(Kind::Fit);
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let first = text.lines().next().unwrap_or("").to_lowercase();
    if text.starts_with('<') {
        return text.contains("<gpx").then_some(Kind::Gpx);
    }
    if text.is_empty() || text.starts_with('-') || text.starts_with('#') {
        return Some(Kind::LogYaml);
    }
    if first.contains("activity date") && first.contains("elapsed time") {
        return Some(Kind::Strava);
    }
    if first.contains(',') && first.contains("date") && first.contains("minutes") {
        return Some(Kind::LogCsv);
    }
    None
}

/// One file's activities.
///
/// # Errors
/// As [`read`].
pub fn read_file(path: &Path) -> Result<Vec<Activity>, InputError> {
    let name = path.display().to_string();
    let bad = |message: String| InputError::Parse {
        path: path.to_path_buf(),
        message,
    };
    let size = std::fs::metadata(path)
        .map_err(|e| InputError::Read {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(bad(format!(
            "the file has {size} bytes; history files are read up to {MAX_FILE_BYTES} (50 MB)"
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| InputError::Read {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    let Some(kind) = kind_of(&bytes) else {
        return Err(bad(
            "not a history file: weekwright reads FIT activity files, GPX tracks, a Strava export's activities.csv, and a log (YAML, or CSV with date, session or sport, minutes)".to_string(),
        ));
    };
    let text = || String::from_utf8_lossy(&bytes).into_owned();
    let read = match kind {
        Kind::Fit => fit::read(&bytes, &name),
        Kind::Gpx => gpx::read(&bytes, &name),
        Kind::Strava => strava::read(&text(), &name),
        Kind::LogCsv => log::read_csv(&text(), &name),
        Kind::LogYaml => log::read_yaml(&text(), &name),
    };
    let activities = read.map_err(bad)?;
    check_each(&activities).map_err(bad)?;
    Ok(activities)
}

/// Values no watch records: a message with the row, or nothing.
fn check_each(activities: &[Activity]) -> Result<(), String> {
    for a in activities {
        let at = if a.source.contains(" row ") || a.source.contains(" entry ") {
            format!(" ({})", a.source.rsplit_once(':').map_or("", |(_, r)| r.trim()))
        } else {
            String::new()
        };
        if !(a.minutes.is_finite() && a.minutes > 0.0 && a.minutes <= 24.0 * 60.0) {
            return Err(format!(
                "an activity of {:.1} minutes{at}: durations run from above 0 to 24 hours",
                a.minutes
            ));
        }
        if let Some(r) = a.rpe
            && !(0.0..=10.0).contains(&r)
        {
            return Err(format!(
                "rpe {r}{at}: session RPE runs from 0 to 10 (Foster's CR-10 scale)"
            ));
        }
        if let Some(hr) = a.avg_hr
            && !(25.0..=250.0).contains(&hr)
        {
            return Err(format!(
                "average heart rate {hr}{at}: use beats a minute, 25 to 250"
            ));
        }
        if let Some(d) = a.distance_km
            && !(d.is_finite() && (0.0..=1000.0).contains(&d))
        {
            return Err(format!("distance {d} km{at}: use 0 to 1000 km"));
        }
    }
    Ok(())
}

/// Activities by start time with copies removed: two timed records that start within
/// [`SAME_START_MINUTES`] of each other and last within [`SAME_SHARE`] of each other are one
/// activity; the first read is kept, with what only the copy knew (RPE, heart rate,
/// distance) filled in.
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
    kept
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
