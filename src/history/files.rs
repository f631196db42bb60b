//! Reading the history's files: folders walked, the files read in parallel (rayon), each
//! told from its content, and what cannot be read handled by one rule (README, "Bad
//! history"):
//!
//! - a file named on the command line must read whole, or the run stops with exit 2 and a
//!   message naming it (and the row);
//! - a file found in a folder that is not history (another tool's CSV, an image), is over
//!   50 MB, cannot be opened, or is a FIT or GPX file that cannot be decoded (corrupt,
//!   truncated, a GPX without times) is skipped with a warning naming it: the rest of the
//!   folder is still read;
//! - a log the runner writes, or a Strava export, with a row that cannot be read stops the
//!   run wherever it is (exit 2, naming the file and the line): a typing mistake is fixed,
//!   not hidden;
//! - a recorded activity (FIT, GPX, Strava) no watch could record, such as 30 hours long
//!   (a watch left running), is left out with a warning naming the file and row; in the
//!   runner's own log the same entry is an error (exit 2).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Activity, History, MAX_FILE_BYTES, dedup, drop_overlaps, fit, gpx, log, strava};
use crate::error::InputError;

/// Extensions read inside folders (files named on the command line are read whatever
/// their name).
const EXTENSIONS: [&str; 5] = ["fit", "gpx", "csv", "yaml", "yml"];

/// A file to read: named on the command line, or found in a folder.
struct Found {
    path: PathBuf,
    named: bool,
}

/// A file that could not be read: the error, and whether a folder may skip it.
struct Failure {
    error: InputError,
    reason: String,
    skippable: bool,
}

/// What one file gave: its activities, and warnings about those left out.
type FileRead = (Vec<Activity>, Vec<String>);

/// Read every path: files, and folders (recursively, in name order), the files in
/// parallel; copies counted once and overlaps resolved ([`super::dedup`],
/// [`super::drop_overlaps`]).
///
/// # Errors
/// A named path that cannot be read, a named file over [`MAX_FILE_BYTES`] or in none of the
/// formats, a malformed file, or a log or Strava export with a bad row: the message names
/// the file (and the row or line). Files in folders that are not history are skipped with a
/// warning in [`History::warnings`] instead.
pub fn read(paths: &[PathBuf]) -> Result<History, InputError> {
    let mut history = History::default();
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    for path in paths {
        collect(path, true, &mut files, &mut history.skipped, &mut seen)?;
    }
    let results: Vec<Result<FileRead, Failure>> = files.par_iter().map(|f| read_one(&f.path)).collect();
    let mut activities = Vec::new();
    for (found, result) in files.iter().zip(results) {
        match result {
            Ok((read, warnings)) => {
                activities.extend(read);
                history.warnings.extend(warnings);
                history.files += 1;
            }
            Err(f) if f.skippable && !found.named => {
                let line = format!("skipped {}: {}", found.path.display(), f.reason);
                history.warnings.push(line);
            }
            Err(f) => return Err(f.error),
        }
    }
    let before = activities.len();
    let copies_removed = dedup(activities);
    history.duplicates = before - copies_removed.len();
    let (kept, overlaps) = drop_overlaps(copies_removed);
    history.activities = kept;
    history.warnings.extend(overlaps);
    Ok(history)
}

fn collect(
    path: &Path,
    named: bool,
    files: &mut Vec<Found>,
    skipped: &mut Vec<PathBuf>,
    seen: &mut HashSet<PathBuf>,
) -> Result<(), InputError> {
    let unreadable = |e: std::io::Error| InputError::Read {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if meta.is_dir() {
        // A folder reached twice (a link back up the tree) is read once.
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !seen.insert(canonical) {
            return Ok(());
        }
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
            // An entry that vanished or is a broken link is not history: skip it.
            if !hidden && std::fs::metadata(&entry).is_ok() {
                collect(&entry, false, files, skipped, seen)?;
            } else if !hidden {
                skipped.push(entry);
            }
        }
    } else if named || has_known_extension(path) {
        files.push(Found {
            path: path.to_path_buf(),
            named,
        });
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

impl Kind {
    /// A recording (a watch's or a service's), as against a log the runner writes.
    fn recorded(self) -> bool {
        matches!(self, Kind::Fit | Kind::Gpx | Kind::Strava)
    }
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

/// One file's activities (those a watch could not have recorded left out).
///
/// # Errors
/// As [`read`], for a named file.
pub fn read_file(path: &Path) -> Result<Vec<Activity>, InputError> {
    read_one(path).map(|(a, _)| a).map_err(|f| f.error)
}

fn read_one(path: &Path) -> Result<FileRead, Failure> {
    let name = path.display().to_string();
    let fail = |reason: String, skippable: bool| Failure {
        error: InputError::Parse {
            path: path.to_path_buf(),
            message: reason.clone(),
        },
        reason,
        skippable,
    };
    let unreadable = |e: std::io::Error| Failure {
        error: InputError::Read {
            path: path.to_path_buf(),
            reason: e.to_string(),
        },
        reason: format!("cannot read it: {e}"),
        skippable: true,
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_FILE_BYTES {
        return Err(fail(
            format!("the file has {size} bytes; history files are read up to {MAX_FILE_BYTES} (50 MB)"),
            true,
        ));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(fail("the file is empty: it holds no activity".to_string(), true));
    }
    let Some(kind) = kind_of(&bytes) else {
        return Err(fail(
            "not a history file: weekwright reads FIT activity files, GPX tracks, a Strava export's activities.csv, and a log (YAML, or CSV with date, session or sport, minutes)".to_string(),
            true,
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
    // A FIT or GPX file that cannot be decoded is a bad recording; a log or an export with
    // a bad row is a mistake to fix.
    let activities = read.map_err(|m| fail(m, matches!(kind, Kind::Fit | Kind::Gpx)))?;
    let mut kept = Vec::with_capacity(activities.len());
    let mut warnings = Vec::new();
    for a in activities {
        match check(&a) {
            Ok(()) => kept.push(a),
            Err(m) if kind.recorded() => warnings.push(format!(
                "left out {}: {m} (a watch left running, or a bad record?)",
                a.source
            )),
            Err(m) => return Err(fail(m, false)),
        }
    }
    Ok((kept, warnings))
}

/// Values no watch records: a message with the row, or nothing.
fn check(a: &Activity) -> Result<(), String> {
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
    Ok(())
}
