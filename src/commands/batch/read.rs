//! Reading a batch's profiles: a folder of YAML files, or JSON Lines from a file or stdin,
//! within the limits of CLI.md.

use std::io::{IsTerminal, Read};
use std::path::Path;

use super::{Input, Item};
use crate::commands::Context;
use crate::error::{InputError, Result, shown};
use crate::limits::{MAX_BATCH_BYTES, MAX_BATCH_PROFILES, MAX_LINE_BYTES};

/// A size for messages: `100 MiB`, or `1.0 MiB (1048617 bytes)` when not a whole number.
fn mib(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{:.1} MiB ({bytes} bytes)", bytes as f64 / MIB as f64)
    }
}

/// The message for an input of more than [`MAX_BATCH_PROFILES`] profiles.
fn too_many(what: &str) -> InputError {
    InputError::Flag {
        flag: "--profiles".to_string(),
        message: format!(
            "{what} holds more than {MAX_BATCH_PROFILES} profiles, the most one batch plans: split it into several batches"
        ),
    }
}

/// The items of JSON Lines: one a line that is not blank, numbered from 1 in `file` (the
/// name messages give it). A line over 1 MiB or not UTF-8 is an item that is refused.
///
/// # Errors
/// More than 100,000 profiles, or none.
pub fn json_lines(bytes: &[u8], file: &str) -> Result<Vec<Item>, InputError> {
    let mut items = Vec::new();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if items.len() == MAX_BATCH_PROFILES {
            return Err(too_many(file));
        }
        let number = i + 1;
        let unreadable = |reason: String| Input::Unreadable {
            name: format!("{file} line {number}"),
            reason,
        };
        let input = if raw.len() as u64 > MAX_LINE_BYTES {
            unreadable(format!(
                "the line is {}, over the limit of {} for one profile: a profile is a few hundred bytes of JSON; check that the lines are split",
                mib(raw.len() as u64),
                mib(MAX_LINE_BYTES)
            ))
        } else {
            match std::str::from_utf8(raw) {
                Ok(text) => Input::Line {
                    file: file.to_string(),
                    number,
                    text: text.to_string(),
                },
                Err(e) => unreadable(format!(
                    "column {}: byte 0x{:02X} is not UTF-8 text; save the file as UTF-8",
                    String::from_utf8_lossy(&raw[..e.valid_up_to()]).chars().count() + 1,
                    raw[e.valid_up_to()]
                )),
            }
        };
        items.push(Item {
            source: format!("line {number}"),
            input,
        });
    }
    if items.is_empty() {
        return Err(InputError::Flag {
            flag: "--profiles".to_string(),
            message: format!(
                "{file} holds no profile: give one JSON object a line, such as {{\"weekly_minutes\": 300}}"
            ),
        });
    }
    Ok(items)
}

/// At most [`MAX_BATCH_BYTES`] of JSON Lines from `reader`; `name` names it in messages.
fn read_capped(reader: impl Read, name: &str) -> Result<Vec<u8>, InputError> {
    let read_err = |reason: String| InputError::Read {
        path: name.into(),
        reason,
    };
    let mut bytes = Vec::new();
    reader
        .take(MAX_BATCH_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| read_err(e.to_string()))?;
    if bytes.len() as u64 > MAX_BATCH_BYTES {
        return Err(read_err(format!(
            "it holds more than {}, the most one batch reads: split it into several files",
            mib(MAX_BATCH_BYTES)
        )));
    }
    Ok(bytes)
}

/// The items of a JSON Lines file.
fn file_items(path: &Path) -> Result<Vec<Item>, InputError> {
    let name = path.display().to_string();
    let is_yaml = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
    if is_yaml {
        return Err(InputError::Flag {
            flag: "--profiles".to_string(),
            message: format!(
                "{name} is a YAML file; give the folder it is in (every *.yaml and *.yml file of it is planned), or a JSON Lines file; for one profile use generate --profile {name}"
            ),
        });
    }
    let file = std::fs::File::open(path).map_err(|e| InputError::Read {
        path: path.to_path_buf(),
        reason: match e.kind() {
            std::io::ErrorKind::NotFound => "no such file or folder; check the path".to_string(),
            _ => e.to_string(),
        },
    })?;
    if let Ok(meta) = file.metadata()
        && meta.is_file()
        && meta.len() > MAX_BATCH_BYTES
    {
        return Err(InputError::Read {
            path: path.to_path_buf(),
            reason: format!(
                "the file is {}, over the limit of {} one batch reads: split it into several files",
                mib(meta.len()),
                mib(MAX_BATCH_BYTES)
            ),
        });
    }
    json_lines(&read_capped(file, &name)?, &name)
}

/// The profile files of a folder in file-name order (`*.yaml` and `*.yml`, as a shell's
/// glob: not hidden files), and the names of the entries skipped.
///
/// # Errors
/// A folder that cannot be read, with no profile file, or with more than 100,000.
pub fn folder_items(dir: &Path) -> Result<(Vec<Item>, Vec<String>), InputError> {
    let read_err = |e: std::io::Error| InputError::Read {
        path: dir.to_path_buf(),
        reason: e.to_string(),
    };
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_err)? {
        let entry = entry.map_err(read_err)?;
        let name = entry.file_name();
        let path = entry.path();
        let profile = !name.to_string_lossy().starts_with('.')
            && path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
            && !path.is_dir();
        if !profile {
            skipped.push(name.to_string_lossy().into_owned());
        } else if files.len() == MAX_BATCH_PROFILES {
            return Err(too_many(&dir.display().to_string()));
        } else {
            files.push((name, path));
        }
    }
    if files.is_empty() {
        return Err(InputError::Flag {
            flag: "--profiles".to_string(),
            message: format!(
                "{} holds no profile file (*.yaml or *.yml): give a folder of profiles or a JSON Lines file",
                dir.display()
            ),
        });
    }
    files.sort();
    skipped.sort();
    let items = files
        .into_iter()
        .map(|(name, path)| Item {
            source: name.to_string_lossy().into_owned(),
            input: Input::File(path),
        })
        .collect();
    Ok((items, skipped))
}

/// The items of `--profiles`: a folder, a JSON Lines file, or `-` and nothing for stdin.
pub(super) fn read_items(given: Option<&Path>, ctx: &Context) -> Result<Vec<Item>> {
    match given.filter(|p| p.as_os_str() != "-") {
        Some(dir) if dir.is_dir() => {
            let (items, skipped) = folder_items(dir)?;
            if !skipped.is_empty() {
                let mut names: Vec<String> = skipped.iter().take(10).map(|n| shown(n, 80)).collect();
                if skipped.len() > names.len() {
                    names.push(format!("and {} more", skipped.len() - names.len()));
                }
                let entries = if skipped.len() == 1 { "entry" } else { "entries" };
                ctx.hint(&format!(
                    "skipped {} {entries} of {} (not *.yaml or *.yml): {}",
                    skipped.len(),
                    dir.display(),
                    names.join(", ")
                ));
            }
            Ok(items)
        }
        Some(file) => Ok(file_items(file)?),
        None => {
            let stdin = std::io::stdin();
            if stdin.is_terminal() {
                ctx.hint("reading JSON Lines from stdin, one profile a line; end with Ctrl-D (or give --profiles DIR|FILE)");
            }
            Ok(json_lines(&read_capped(stdin.lock(), "stdin")?, "stdin")?)
        }
    }
}
