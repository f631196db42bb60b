//! Exporters: one module per format behind one small interface, chosen in one place
//! ([`render`]). Exporters turn a document into bytes; they never print. [`write_output`]
//! puts the bytes on stdout or, atomically, into a file.

pub mod dir;
pub mod fit;
pub mod ics;
pub mod svg;
pub mod table;
pub mod yaml;

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, InputError};

/// Output formats of CLI.md (each command's `--format` takes the ones it writes; the
/// variants' docs are its `--help`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// YAML (numbers rounded for reading).
    Yaml,
    /// JSON (numbers unrounded).
    Json,
    /// A table for the terminal: 80 columns, or a narrower terminal's width (COLUMNS).
    Table,
    /// iCalendar: one all-day event per training day (generate, block).
    Ics,
    /// An SVG chart of the block (block).
    Svg,
    /// FIT workout files for a watch, one a training day, into the directory --output
    /// (generate, block).
    Fit,
}

impl Format {
    /// The name used on the command line.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Format::Yaml => "yaml",
            Format::Json => "json",
            Format::Table => "table",
            Format::Ics => "ics",
            Format::Svg => "svg",
            Format::Fit => "fit",
        }
    }
}

/// A document that every exporter can take: it serializes (yaml, json) and it can lay
/// itself out as a table; calendars and charts are the documents' own extras.
pub trait Document: Serialize {
    /// The document as a terminal table.
    fn table(&self, style: &table::Style) -> String;

    /// The document as iCalendar, where it has dates to put on a calendar.
    fn ics(&self) -> Option<String> {
        None
    }

    /// The document as an SVG chart, where it has one.
    fn svg(&self) -> Option<String> {
        None
    }

    /// The document as FIT workout files, name and bytes, one a training day, where it
    /// has dated workouts ([`fit`]); they go into a directory ([`dir::write_dir`]).
    fn fit_files(&self) -> Option<Vec<(String, Vec<u8>)>> {
        None
    }
}

/// The error for a `--format` that `command` does not write.
#[must_use]
pub fn unsupported(command: &str, format: Format) -> Error {
    Error::Input(InputError::Flag {
        flag: "--format".to_string(),
        message: format!(
            "'{}' is not an output of `{command}`; use yaml, json or table (ics and fit: generate and block; svg: block)",
            format.id()
        ),
    })
}

/// Render a document in a format.
///
/// # Errors
/// A format the document does not have (exit 2), or a serializer failure (a bug).
pub fn render<D: Document>(
    doc: &D,
    format: Format,
    style: &table::Style,
    command: &str,
) -> Result<Vec<u8>, Error> {
    let unsupported = || unsupported(command, format);
    let text = match format {
        Format::Yaml => yaml::to_yaml(doc)?,
        Format::Json => {
            let mut s = serde_json::to_string_pretty(doc).map_err(|e| Error::Internal(e.to_string()))?;
            s.push('\n');
            s
        }
        Format::Table => doc.table(style),
        Format::Ics => doc.ics().ok_or_else(unsupported)?,
        Format::Svg => doc.svg().ok_or_else(unsupported)?,
        // Files in a directory, not bytes: `Context::emit` writes them with `dir::write_dir`.
        Format::Fit => return Err(unsupported()),
    };
    Ok(text.into_bytes())
}

/// Write bytes to stdout, or to `path` atomically: a temporary file in the same directory,
/// renamed into place only when complete, so a failed run leaves an existing file untouched
/// and no temporary file behind.
///
/// # Errors
/// A missing directory or a path that cannot be written (exit 2); bytes that cannot be
/// written, on stdout or into the file (exit 4: a full disk, a device error; a quiet end on
/// a closed pipe).
pub fn write_output(bytes: &[u8], path: Option<&Path>) -> Result<(), Error> {
    write_output_with(path, &mut |out| Ok(out.write_all(bytes)?))
}

/// The bytes `fill` writes, as it writes them, to stdout or, atomically, to `path`, as
/// [`write_output`] writes bytes: long output (`batch`) need not be held in memory. When
/// `fill` fails, an existing file is left as it was.
///
/// # Errors
/// As [`write_output`], and what `fill` fails with.
pub fn write_output_with(
    path: Option<&Path>,
    fill: &mut dyn FnMut(&mut dyn Write) -> Result<(), Error>,
) -> Result<(), Error> {
    let Some(path) = path else {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        fill(&mut out)?;
        out.flush()?;
        return Ok(());
    };
    let (write_err, output_err) = (write_error(path), output_error(path));
    if path.is_dir() {
        return Err(write_err("it is a directory; give a file name".to_string()));
    }
    // A device or a pipe (`--output /dev/stdout`) is written into: a rename would replace
    // the device node itself with a regular file.
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        let mut device = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(|e| write_err(e.to_string()))?;
        let written = fill(&mut device).and_then(|()| Ok(device.flush()?));
        return match written {
            Err(Error::Io(e)) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(output_err(e.to_string())),
            other => other,
        };
    }
    // A symbolic link stays a link: the file it points to is the one replaced.
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = directory_of(&target).map_err(write_err)?;
    write_atomically(fill, &target, dir, path)
}

/// Check before a long run that `path` is a place [`write_output`] can write to (not a
/// directory, in a directory that exists), so that a typo is not found after the work.
///
/// # Errors
/// The errors of [`write_output`] about the path (exit 2).
pub fn check_output(path: &Path) -> Result<(), Error> {
    let write_err = |reason: String| {
        Error::Input(InputError::Write {
            path: path.to_path_buf(),
            reason,
        })
    };
    if path.is_dir() {
        return Err(write_err("it is a directory; give a file name".to_string()));
    }
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Ok(());
    }
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    directory_of(&target).map(|_| ()).map_err(write_err)
}

/// The directory `path` is written in, which must exist.
fn directory_of(path: &Path) -> Result<&Path, String> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if dir.exists() && !dir.is_dir() {
        return Err(format!(
            "{} is a file, not a directory; give a path inside a directory",
            dir.display()
        ));
    }
    if !dir.is_dir() {
        return Err(format!(
            "the directory {} does not exist; create it first",
            dir.display()
        ));
    }
    Ok(dir)
}

/// A path that cannot be written (bad input, exit 2), naming `path`.
fn write_error(path: &Path) -> impl Fn(String) -> Error + '_ {
    move |reason| {
        Error::Input(InputError::Write {
            path: path.to_path_buf(),
            reason,
        })
    }
}

/// Bytes that cannot be written once the file is open: the environment's failure (disk
/// full, device error), not the path's, with the exit code of the same failure on stdout.
fn output_error(path: &Path) -> impl Fn(String) -> Error + '_ {
    move |reason| Error::Output {
        path: path.to_path_buf(),
        reason,
    }
}

/// Write what `fill` writes to a temporary file in `dir` and rename it to `path`: a failed
/// run leaves an existing file untouched and no temporary file behind. Messages name
/// `given`, the path as the user wrote it.
fn write_atomically(
    fill: &mut dyn FnMut(&mut dyn Write) -> Result<(), Error>,
    path: &Path,
    dir: &Path,
    given: &Path,
) -> Result<(), Error> {
    let (write_err, output_err) = (write_error(given), output_error(given));
    remove_stale_temporaries(dir, path);
    let prefix = format!("{}{}.", temp_prefix(path), std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp").rand_bytes(TEMP_RANDOM);
    // A temporary file is private (0600); the output is not: ask for what a plain create
    // gives (0666 less the umask), and keep the mode of a file that is replaced.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(|e| {
        // The kind alone: tempfile's message names its random file, which means nothing
        // to the user.
        write_err(format!(
            "cannot create a file in {} ({}); choose a directory you can write to",
            dir.display(),
            e.kind()
        ))
    })?;
    if let Ok(existing) = std::fs::metadata(path) {
        if existing.permissions().readonly() {
            return Err(write_err(
                "the file is read-only; make it writable or choose another name".to_string(),
            ));
        }
        tmp.as_file()
            .set_permissions(existing.permissions())
            .map_err(|e| write_err(e.to_string()))?;
    }
    let mut out = std::io::BufWriter::new(tmp.as_file_mut());
    // Writing into the file fails on the environment (exit 4), whatever `fill` adds.
    fill(&mut out)
        .and_then(|()| Ok(out.flush()?))
        .map_err(|e| match e {
            Error::Io(e) => output_err(e.to_string()),
            other => other,
        })?;
    drop(out);
    tmp.as_file().sync_all().map_err(|e| output_err(e.to_string()))?;
    tmp.persist(path).map_err(|e| output_err(e.error.to_string()))?;
    // Make the rename itself durable; the file is complete either way, so a directory that
    // cannot be synced (some filesystems) is not an error.
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// A temporary file left by a run that died before renaming it (SIGKILL, a power cut) is
/// removed by a later run after this long, once its process is gone.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(10 * 60);
/// Random characters in a temporary file's name.
const TEMP_RANDOM: usize = 6;

/// The start of the names of `target`'s temporary files, `.weekwright-NAME.` (NAME cut to
/// 100 bytes, so the whole name stays far below the filesystems' 255); the writer's pid, a
/// dot, [`TEMP_RANDOM`] random characters and `.tmp` follow.
fn temp_prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let mut cut = name.len().min(100);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    format!(".weekwright-{}.", &name[..cut])
}

/// The writer's pid in `name` when it is the name of a temporary file that starts with
/// `prefix` ([`temp_prefix`]), or `None` for any other name.
fn temp_pid(name: &str, prefix: &str) -> Option<u32> {
    let rest = name.strip_prefix(prefix)?.strip_suffix(".tmp")?;
    let (pid, random) = rest.split_once('.')?;
    let ours = random.len() == TEMP_RANDOM
        && random.bytes().all(|b| b.is_ascii_alphanumeric())
        && !pid.is_empty()
        && pid.bytes().all(|b| b.is_ascii_digit());
    ours.then(|| pid.parse().ok()).flatten()
}

/// Whether process `pid` is running, where the system tells (`/proc`); `None` elsewhere.
fn process_alive(pid: u32) -> Option<bool> {
    let proc = Path::new("/proc");
    proc.join("self")
        .exists()
        .then(|| proc.join(pid.to_string()).exists())
}

/// Remove the temporary files that runs writing `target` left in `dir` when they were
/// killed before renaming them. Only files of `target`'s own naming, older than
/// [`STALE_AFTER`] and whose process is not running (age alone where that cannot be told):
/// a concurrent run's file is never touched, whatever its target. Best effort: a file that
/// cannot be read or removed stays.
fn remove_stale_temporaries(dir: &Path, target: &Path) {
    let prefix = temp_prefix(target);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let Some(pid) = temp_pid(&entry.file_name().to_string_lossy(), &prefix) else {
            continue;
        };
        // The entry itself, not what a link points to.
        let old = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_AFTER);
        if old && process_alive(pid) != Some(true) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_temporary_files_name_tells_its_target_and_its_writer() {
        let prefix = temp_prefix(Path::new("/plans/week.yaml"));
        assert_eq!(prefix, ".weekwright-week.yaml.");
        assert_eq!(
            temp_pid(".weekwright-week.yaml.4242.aB3dE9.tmp", &prefix),
            Some(4242)
        );
        for other in [
            ".weekwright-week.yaml.4242.aB3dE9",
            ".weekwright-week.yaml.x42.aB3dE9.tmp",
            ".weekwright-week.yaml.4242.aB3.tmp",
            ".weekwright-week.yaml.4242.aB.dE9.tmp",
            ".weekwright-week.yaml.1.4242.aB3dE9.tmp",
            ".weekwright-aB3dE9.tmp",
            "week.yaml",
        ] {
            assert_eq!(temp_pid(other, &prefix), None, "{other}");
        }
        // A long name is cut at a character, far below the filesystems' limit.
        let long = format!("{}.yaml", "é".repeat(200));
        let prefix = temp_prefix(Path::new(&long));
        assert!(prefix.len() <= 120, "{}", prefix.len());
    }

    #[test]
    fn a_file_written_leaves_no_temporary_file_and_a_name_the_cleaner_knows() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("plans.yaml");
        write_output(b"plans: []\n", Some(&target)).unwrap();
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["plans.yaml"]);
        // The name a writer gives its temporary file is one the cleaner recognises.
        let prefix = format!("{}{}.", temp_prefix(&target), std::process::id());
        let tmp = tempfile::Builder::new()
            .prefix(&prefix)
            .suffix(".tmp")
            .rand_bytes(TEMP_RANDOM)
            .tempfile_in(dir.path())
            .unwrap();
        let name = tmp.path().file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(temp_pid(&name, &temp_prefix(&target)), Some(std::process::id()));
    }
}
