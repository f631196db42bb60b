//! Reading YAML a runner wrote, safely, and saying what is wrong with it: files read up
//! to a size limit, parser budgets that bound alias bombs and deep nesting, and errors
//! that give the line, column, field path and a snippet, with how to fix them.

use std::io::Read;
use std::path::Path;

use crate::error::{InputError, shown, suggestion};

mod field;

use field::field_at;

/// Read at most `limit` bytes of a UTF-8 file, with messages that say what to do.
///
/// A regular file over the limit is refused from its size before a byte is read; a pipe
/// or a device is read up to the limit and refused past it.
///
/// # Errors
/// A missing file, a directory, a file over the limit, or bytes that are not UTF-8 (the
/// message gives the line and column of the first bad byte).
pub fn read_limited(path: &Path, limit: u64) -> Result<String, InputError> {
    let read_err = |reason: String| InputError::Read {
        path: path.to_path_buf(),
        reason,
    };
    let file = std::fs::File::open(path).map_err(|e| {
        read_err(match e.kind() {
            std::io::ErrorKind::NotFound => "no such file; check the path".to_string(),
            std::io::ErrorKind::PermissionDenied => {
                "permission denied; check the file's permissions".to_string()
            }
            std::io::ErrorKind::IsADirectory => "it is a directory; give a YAML file".to_string(),
            _ => e.to_string(),
        })
    })?;
    let meta = file.metadata().map_err(|e| read_err(e.to_string()))?;
    if meta.is_dir() {
        return Err(read_err("it is a directory; give a YAML file".to_string()));
    }
    let too_big = |size: String| {
        read_err(format!(
            "the file is {size}, over the limit of {}; a profile or a plan is a few kilobytes of YAML: check that this is the right file",
            byte_size(limit)
        ))
    };
    if meta.is_file() && meta.len() > limit {
        return Err(too_big(byte_size(meta.len())));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| read_err(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(too_big(format!("more than {}", byte_size(limit))));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(read_err("the file is UTF-16 text; save it as UTF-8".to_string()));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.split(|&b| b == b'\n').count();
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..]).chars().count() + 1;
        let byte = e.as_bytes()[valid.len()];
        read_err(format!(
            "line {line}, column {column}: byte 0x{byte:02X} is not UTF-8 text; save the file as UTF-8 (is it a binary file?)"
        ))
    })
}

/// `1048576` as `1 MiB (1048576 bytes)`, for messages about sizes.
fn byte_size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB ({bytes} bytes)", bytes / MIB)
    } else if bytes >= MIB {
        format!("{:.1} MiB ({bytes} bytes)", bytes as f64 / MIB as f64)
    } else if bytes >= KIB {
        format!("{:.1} KiB ({bytes} bytes)", bytes as f64 / KIB as f64)
    } else {
        format!("{bytes} bytes")
    }
}

/// Deepest nesting of a YAML file: a profile needs 3 levels, a `generate` plan 5.
const YAML_MAX_DEPTH: usize = 32;
/// Most values (scalars, lists, mappings) of a YAML file: `generate --top 100` prints some
/// 20,000.
const YAML_MAX_NODES: usize = 200_000;
/// Most anchors and most aliases of a YAML file: hand-written profiles use a handful.
const YAML_MAX_ALIASES: usize = 1_000;
/// Most values that aliases may replay in all: an alias bomb stops here.
const YAML_MAX_REPLAYED: usize = 100_000;

/// Parser limits that bound time and memory on hostile YAML: alias bombs, deep nesting and
/// huge documents end in an error long before they cost anything (files are at most 1 MiB).
fn yaml_options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: YAML_MAX_DEPTH,
            flow_nesting_limit: YAML_MAX_DEPTH,
            max_nodes: YAML_MAX_NODES,
            max_events: 2 * YAML_MAX_NODES,
            max_aliases: YAML_MAX_ALIASES,
            max_anchors: YAML_MAX_ALIASES,
            max_merge_keys: YAML_MAX_ALIASES,
            max_recorded_anchor_events: YAML_MAX_REPLAYED,
            max_recorded_anchor_bytes: 4 * 1024 * 1024,
            max_total_scalar_bytes: 4 * 1024 * 1024,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: YAML_MAX_REPLAYED,
            max_replay_stack_depth: YAML_MAX_DEPTH,
        },
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
        with_snippet: false,
    }
}

/// True when a text holds no YAML node: nothing, or only blank lines, comments and
/// document markers.
pub(crate) fn has_no_content(text: &str) -> bool {
    text.trim_start_matches('\u{feff}').lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#') || line == "---" || line == "..."
    })
}

/// Parse YAML into `T`, with the line, column, field and a snippet in the message, under
/// limits that bound time and memory on hostile input (alias bombs, deep nesting).
///
/// # Errors
/// An empty file, invalid YAML, a duplicate key, an unknown field, a value of the wrong
/// type, or a file past the parser's limits.
pub fn parse_yaml<T: serde::de::DeserializeOwned>(text: &str, source: &str) -> Result<T, InputError> {
    if has_no_content(text) {
        return Err(InputError::Parse {
            path: source.into(),
            message: "the file is empty (or only comments): it holds no YAML".to_string(),
        });
    }
    parse_text(text, source, None)
}

/// Parse one line of a larger file (a JSON Lines record: JSON is YAML) into `T`, with the
/// messages of [`parse_yaml`]; `source` names the line (`profiles.jsonl line 7`), so a
/// message gives the column only, and its snippet is numbered `line`.
///
/// # Errors
/// As [`parse_yaml`].
pub fn parse_yaml_line<T: serde::de::DeserializeOwned>(
    text: &str,
    source: &str,
    line: usize,
) -> Result<T, InputError> {
    parse_text(text, source, Some(line))
}

fn parse_text<T: serde::de::DeserializeOwned>(
    text: &str,
    source: &str,
    line_of_file: Option<usize>,
) -> Result<T, InputError> {
    serde_saphyr::from_str_with_options(text, yaml_options()).map_err(|e| InputError::Parse {
        path: source.into(),
        message: describe_yaml_error(&e, text, line_of_file),
    })
}

/// The parser's error as a user reads it: where, which field, what is wrong and what to do,
/// and the line it is on. `line_of_file` is set when `text` is one line of a larger file,
/// which the source names: the message gives the column only and the snippet that number.
fn describe_yaml_error(err: &serde_saphyr::Error, text: &str, line_of_file: Option<usize>) -> String {
    let mut inner = err.without_snippet();
    while let serde_saphyr::Error::AliasError { error, .. } = inner {
        inner = error.without_snippet();
    }
    let location = err
        .location()
        .or_else(|| inner.location())
        .filter(|l| l.line() > 0 && l.column() > 0);
    let about_a_value = matches!(
        inner,
        serde_saphyr::Error::InvalidScalar { .. }
            | serde_saphyr::Error::SerdeInvalidType { .. }
            | serde_saphyr::Error::SerdeInvalidValue { .. }
            | serde_saphyr::Error::SerdeUnknownVariant { .. }
            | serde_saphyr::Error::NonFiniteFloat { .. }
            | serde_saphyr::Error::NullIntoString { .. }
            | serde_saphyr::Error::Unexpected { .. }
            | serde_saphyr::Error::ExternallyTaggedEnumExpectedScalarOrMapping { .. }
            | serde_saphyr::Error::Message { .. }
    );
    let Some(loc) = location else {
        return yaml_problem(inner, None);
    };
    let (line, column) = (loc.line() as usize, loc.column() as usize);
    let field = about_a_value.then(|| field_at(text, line, column)).flatten();
    let mut message = yaml_problem(inner, field.as_deref());
    if let Some(field) = field {
        message = format!("field '{field}': {message}");
    }
    let mut out = match line_of_file {
        Some(_) => format!("column {column}: {message}"),
        None => format!("line {line}, column {column}: {message}"),
    };
    if let Some(snippet) = snippet(text, line, column, line_of_file.unwrap_or(line)) {
        out.push('\n');
        out.push_str(&snippet);
    }
    out
}

fn is_integer(ty: &str) -> bool {
    ty.starts_with('u') || ty.starts_with('i') || ty.contains("integer")
}

/// The allowed range of a numeric field (CLI.md), for a message about a value that is not
/// a number of the right kind: the type alone would say "0 to 255" for a `u8`.
fn allowed_range(field: &str) -> Option<String> {
    use crate::limits::{
        CAP_MINUTES, MAX_DAYS, MAX_HARD_SESSIONS, MAX_WEEKS, RPE, SESSION_MINUTES, WEEKLY_MINUTES, span,
    };
    let (head, leaf) = field.rsplit_once('.').unwrap_or(("", field));
    Some(match (head, leaf) {
        ("", "hard_sessions") => format!("0 to {MAX_HARD_SESSIONS}"),
        ("", "min_rest_days") | ("model", "min_distance") => format!("0 to {MAX_DAYS}"),
        ("block", "weeks") => format!("1 to {MAX_WEEKS}"),
        ("", "weekly_minutes" | "current_weekly_minutes") => span(&WEEKLY_MINUTES, " minutes"),
        ("max_minutes", _) => span(&CAP_MINUTES, " minutes"),
        ("model", p) => {
            let (range, unit) = crate::limits::model_param(p)?;
            span(range, unit)
        }
        (h, "minutes") if h.starts_with("sessions.") => span(&SESSION_MINUTES, " minutes"),
        (h, "rpe") if h.starts_with("sessions.") => span(&RPE, ""),
        _ => return None,
    })
}

/// What the parser found wrong, in words that say what to do; `field` is the path the
/// error points into, when one was found.
fn yaml_problem(err: &serde_saphyr::Error, field: Option<&str>) -> String {
    use serde_saphyr::Error as E;
    if let Some(text) = serde_problem(err) {
        return text;
    }
    match err {
        E::DuplicateMappingKey { key: Some(key), .. } => format!(
            "duplicate key '{}': a key may appear once in a mapping; delete or merge the repeated one",
            shown(key, 60)
        ),
        E::DuplicateMappingKey { key: None, .. } => {
            "duplicate key: a key may appear once in a mapping; delete or merge the repeated one".to_string()
        }
        E::MultipleDocuments { .. } => {
            "the file holds more than one YAML document (a second '---'); keep one per file".to_string()
        }
        E::Eof { .. } => "the file ends in the middle of a value; close every bracket and quote".to_string(),
        E::Budget { breach, .. } => too_complex(&breach_words(breach)),
        E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. }
        | E::AliasReplayCounterOverflow { .. } => {
            too_complex(&format!("its aliases expand to more than {YAML_MAX_REPLAYED} values"))
        }
        E::UnknownAnchor { .. } => {
            "an alias (*name) refers to no anchor (&name) before it; define the anchor first or write the value out".to_string()
        }
        E::InvalidScalar { ty, .. } if field.and_then(allowed_range).is_some() => {
            let range = field.and_then(allowed_range).unwrap_or_default();
            if is_integer(ty) {
                format!("expected a whole number from {range}")
            } else {
                format!("expected a number from {range}")
            }
        }
        E::ExternallyTaggedEnumExpectedScalarOrMapping { .. } => {
            "expected one word, not a list or a mapping".to_string()
        }
        E::InvalidScalar { ty, .. } => match *ty {
            "f64" | "f32" | "floating point" => "expected a number".to_string(),
            "bool" | "boolean" => "expected true or false".to_string(),
            "u8" => "expected a whole number from 0 to 255".to_string(),
            t if is_integer(t) => "expected a whole number, such as 2".to_string(),
            t => format!("expected a value of type {t}"),
        },
        E::Unexpected { expected, .. } => match *expected {
            "string scalar" | "scalar" => "expected a single value, not a list or a mapping".to_string(),
            "mapping start" => {
                "expected a mapping of 'key: value' lines, such as weekly_minutes: 300".to_string()
            }
            "sequence start" => "expected a list, such as [mon, wed, sat]".to_string(),
            other => format!("expected {other}"),
        },
        E::ExternalMessage { msg, .. } if msg.contains("recursion limit") => {
            too_complex(&format!("nested deeper than {YAML_MAX_DEPTH} levels"))
        }
        E::ExternalMessage { msg, .. } if msg.contains("tab") => format!(
            "{}: indent with spaces, not tabs",
            shown(msg, 200)
        ),
        E::ExternalMessage { msg, .. } => format!(
            "{}: this is not valid YAML; check the line's indentation (spaces), the ': ' after each key, and that brackets and quotes are closed",
            shown(msg, 200)
        ),
        other => {
            use serde_saphyr::MessageFormatter as _;
            let text = serde_saphyr::UserMessageFormatter.format_message(other);
            if text.contains("recursion limit") {
                too_complex(&format!("nested deeper than {YAML_MAX_DEPTH} levels"))
            } else {
                shown(&text, 300)
            }
        }
    }
}

/// What serde found wrong with a value of the right YAML shape: an unknown field or value,
/// a missing field, a wrong type; `None` for the parser's own errors.
fn serde_problem(err: &serde_saphyr::Error) -> Option<String> {
    use serde_saphyr::Error as E;
    let list = |names: &[&str]| names.join(", ");
    Some(match err {
        E::SerdeUnknownField { field, .. }
            if let Some((_, why)) = crate::limits::REMOVED_FIELDS
                .iter()
                .find(|(name, _)| name == field) =>
        {
            format!("field '{field}' is {why}")
        }
        E::SerdeUnknownField { field, expected, .. } => format!(
            "unknown field '{}'{}: the fields here are {}; check the spelling",
            shown(field, 60),
            suggestion(field, expected),
            list(expected)
        ),
        E::SerdeMissingField { field, .. } if *field == "weekly_minutes" => {
            "the required field 'weekly_minutes' is missing; add it, such as weekly_minutes: 300".to_string()
        }
        E::SerdeMissingField { field, .. } => format!("the required field '{field}' is missing; add it"),
        E::SerdeUnknownVariant {
            variant, expected, ..
        } => format!(
            "unknown value '{}'{}: use one of {}",
            shown(variant, 60),
            suggestion(variant, expected),
            list(expected)
        ),
        E::SerdeInvalidType {
            unexpected, expected, ..
        }
        | E::SerdeInvalidValue {
            unexpected, expected, ..
        } => {
            let found = if unexpected == "unit value" {
                "nothing (an empty value)"
            } else {
                unexpected
            };
            format!("expected {expected}, found {}", shown(found, 60))
        }
        E::NonFiniteFloat { value, .. } => format!("'{}' is not a finite number", shown(value, 60)),
        E::Message { msg, .. } => shown(msg, 300),
        _ => return None,
    })
}

fn too_complex(what: &str) -> String {
    format!(
        "the YAML is too large or too complex ({what}); profiles and plans are plain lines a few levels deep: remove deep nesting and anchors (&name, *name)"
    )
}

fn breach_words(breach: &serde_saphyr::budget::BudgetBreach) -> String {
    use serde_saphyr::budget::BudgetBreach as B;
    match breach {
        B::Depth { .. } => format!("nested deeper than {YAML_MAX_DEPTH} levels"),
        B::Nodes { .. } | B::Events { .. } => format!("more than {YAML_MAX_NODES} values"),
        B::Aliases { .. } => format!("more than {YAML_MAX_ALIASES} aliases"),
        B::Anchors { .. } => format!("more than {YAML_MAX_ALIASES} anchors"),
        B::AliasAnchorRatio { .. } => "too many aliases for its anchors".to_string(),
        B::RecordedAnchorEvents { .. } | B::RecordedAnchorBytes { .. } => {
            "anchors that hold too much".to_string()
        }
        B::ScalarBytes { .. } => "more than 4 MiB of text".to_string(),
        B::MergeKeys { .. } => format!("more than {YAML_MAX_ALIASES} merge keys"),
        B::Documents { .. } => "too many documents".to_string(),
        other => format!("{other:?}"),
    }
}

/// The line of an error with a caret under its column, cropped around the column on long
/// lines, shown with the number `shown_as`.
fn snippet(text: &str, line: usize, column: usize, shown_as: usize) -> Option<String> {
    const WIDTH: usize = 70;
    let content = text
        .trim_start_matches('\u{feff}')
        .lines()
        .nth(line.checked_sub(1)?)?;
    let chars: Vec<char> = content.chars().collect();
    let at = column.saturating_sub(1).min(chars.len());
    let start = if chars.len() <= WIDTH {
        0
    } else {
        at.saturating_sub(WIDTH / 2)
    };
    let end = (start + WIDTH).min(chars.len());
    let mut shown_line: String = chars[start..end]
        .iter()
        .map(|&c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut caret = at - start;
    if start > 0 {
        shown_line.insert_str(0, "...");
        caret += 3;
    }
    if end < chars.len() {
        shown_line.push_str("...");
    }
    let number = shown_as.to_string();
    let pad = " ".repeat(number.len());
    Some(format!(
        "  {number} | {shown_line}\n  {pad} | {}^",
        " ".repeat(caret)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snippet_is_cropped_around_the_column_of_a_long_line() {
        let line = format!("name: {}", "x".repeat(10_000));
        let s = snippet(&line, 1, 5_000, 1).unwrap();
        assert!(s.lines().all(|l| l.chars().count() < 90), "{s}");
        let caret = s.lines().nth(1).unwrap();
        assert!(caret.ends_with('^'));
        assert_eq!(snippet("a: 1\n", 7, 1, 7), None);
    }
}
