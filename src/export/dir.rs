//! Files written into a directory (`--format fit --output DIR`, one file a training day).
//! A directory that does not exist is made whole beside its final place (a temporary
//! directory in the same parent) and renamed into place, so it appears complete or not at
//! all. Into a directory that exists (a watch's `GARMIN/NewFiles`, a folder of earlier
//! plans) each file is written atomically, as [`super::write_output`] writes one: a file of
//! the same name is replaced, every other file is left as it was.

use std::io::Write as _;
use std::path::Path;

use crate::error::{Error, InputError};

/// Check, before a long run, that `--output` names a place a directory of files can go: a
/// directory, or a name that does not exist yet in a directory that does.
///
/// # Errors
/// No `--output`, a file at the path, or a parent directory that does not exist (exit 2).
pub fn check_dir<'a>(path: Option<&'a Path>, format: &str) -> Result<&'a Path, Error> {
    let Some(path) = path else {
        return Err(Error::Input(InputError::Flag {
            flag: "--output".to_string(),
            message: format!(
                "--format {format} writes one file a training day into a directory: add --output DIR (the directory is created if missing)"
            ),
        }));
    };
    let write_err = super::write_error(path);
    if path.is_dir() {
        return Ok(path);
    }
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(write_err(format!(
            "it is a file, not a directory; --format {format} writes one file a training day into a directory: give a directory (created if missing)"
        )));
    }
    super::directory_of(path).map_err(write_err)?;
    Ok(path)
}

/// Write `files` (name and bytes) into the directory `path`, made if missing.
///
/// # Errors
/// As [`check_dir`] (exit 2); a directory that cannot be made (exit 2); bytes that cannot
/// be written (exit 4: a full disk, a device error).
pub fn write_dir(files: &[(String, Vec<u8>)], path: &Path, format: &str) -> Result<(), Error> {
    let path = check_dir(Some(path), format)?;
    if path.is_dir() {
        for (name, bytes) in files {
            super::write_output(bytes, Some(&path.join(name)))?;
        }
        return Ok(());
    }
    let (write_err, output_err) = (super::write_error(path), super::output_error(path));
    let parent = super::directory_of(path).map_err(&write_err)?;
    remove_stale_directories(parent, path);
    let prefix = format!("{}{}.", super::temp_prefix(path), std::process::id());
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(&prefix)
        .suffix(".tmp")
        .rand_bytes(super::TEMP_RANDOM);
    // A temporary directory is private (0700); the output is not: what a plain mkdir gives.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o777));
    }
    let tmp = builder.tempdir_in(parent).map_err(|e| {
        write_err(format!(
            "cannot create a directory in {} ({}); choose a directory you can write to",
            parent.display(),
            e.kind()
        ))
    })?;
    for (name, bytes) in files {
        let fill = || -> std::io::Result<()> {
            let mut file = std::fs::File::create(tmp.path().join(name))?;
            file.write_all(bytes)?;
            file.sync_all()
        };
        fill().map_err(|e| output_err(format!("{name}: {e}")))?;
    }
    // Dropped on an error above, the temporary directory and its files go.
    std::fs::rename(tmp.path(), path).map_err(|e| output_err(e.to_string()))?;
    let _ = tmp.keep();
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(parent) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Remove the temporary directories that runs writing `target` left in `parent` when they
/// were killed before renaming them: as [`super::remove_stale_temporaries`] does for files,
/// only directories of `target`'s own naming, older than ten minutes, whose process is
/// gone. Best effort.
fn remove_stale_directories(parent: &Path, target: &Path) {
    let prefix = super::temp_prefix(target);
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let Some(pid) = super::temp_pid(&entry.file_name().to_string_lossy(), &prefix) else {
            continue;
        };
        // The entry itself, not what a link points to.
        let old = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_dir)
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > super::STALE_AFTER);
        if old && super::process_alive(pid) != Some(true) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_new_directory_appears_whole_and_leaves_nothing_beside_it() {
        let parent = tempfile::tempdir().unwrap();
        let dir = parent.path().join("watch");
        let files = vec![
            ("a.fit".to_string(), b"one".to_vec()),
            ("b.fit".to_string(), b"two".to_vec()),
        ];
        write_dir(&files, &dir, "fit").unwrap();
        assert_eq!(names(parent.path()), ["watch"]);
        assert_eq!(names(&dir), ["a.fit", "b.fit"]);
        assert_eq!(std::fs::read(dir.join("b.fit")).unwrap(), b"two");
    }

    #[test]
    fn a_stale_temporary_directory_of_the_same_target_is_removed_and_no_other() {
        let parent = tempfile::tempdir().unwrap();
        let dir = parent.path().join("watch");
        // A run that died (pid 0 is never a process of ours) long ago, one of another
        // target, and one still young.
        let stale = parent.path().join(".weekwright-watch.0.aB3dE9.tmp");
        let other = parent.path().join(".weekwright-other.0.aB3dE9.tmp");
        for d in [&stale, &other] {
            std::fs::create_dir(d).unwrap();
            std::fs::write(d.join("x.fit"), b"x").unwrap();
            let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
            std::fs::File::open(d).unwrap().set_modified(long_ago).unwrap();
        }
        let young = parent.path().join(".weekwright-watch.0.zZ9yY8.tmp");
        std::fs::create_dir(&young).unwrap();
        write_dir(&[("a.fit".to_string(), b"one".to_vec())], &dir, "fit").unwrap();
        assert!(!stale.exists() && other.exists() && young.exists());
        assert!(dir.join("a.fit").exists());
    }

    #[test]
    fn into_an_existing_directory_files_are_replaced_and_others_kept() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.fit"), b"old").unwrap();
        std::fs::write(dir.path().join("mine.txt"), b"keep").unwrap();
        write_dir(&[("a.fit".to_string(), b"new".to_vec())], dir.path(), "fit").unwrap();
        assert_eq!(names(dir.path()), ["a.fit", "mine.txt"]);
        assert_eq!(std::fs::read(dir.path().join("a.fit")).unwrap(), b"new");
        assert_eq!(std::fs::read(dir.path().join("mine.txt")).unwrap(), b"keep");
    }

    #[test]
    fn a_file_no_output_or_a_missing_parent_is_bad_input() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plan.fit");
        std::fs::write(&file, b"x").unwrap();
        for (path, words) in [
            (Some(file.as_path()), "it is a file, not a directory"),
            (None, "add --output DIR"),
        ] {
            let e = check_dir(path, "fit").unwrap_err();
            assert_eq!(e.exit_code(), 2, "{e}");
            assert!(e.to_string().contains(words), "{e}");
        }
        let deep = dir.path().join("no/such");
        let e = write_dir(&[], &deep, "fit").unwrap_err();
        assert!(e.to_string().contains("does not exist"), "{e}");
        assert_eq!(std::fs::read(&file).unwrap(), b"x");
    }
}
