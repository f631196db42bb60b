//! Reading YAML a runner wrote, safely, and saying what is wrong with it: files read up
//! to a size limit, parser budgets that bound alias bombs and deep nesting, and errors
//! that give the line, column, field path and a snippet, with how to fix them.

use std::io::Read;
use std::path::Path;

use crate::error::{InputError, shown, suggestion};

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
    serde_saphyr::from_str_with_options(text, yaml_options()).map_err(|e| InputError::Parse {
        path: source.into(),
        message: describe_yaml_error(&e, text),
    })
}

/// The parser's error as a user reads it: where, which field, what is wrong and what to do,
/// and the line it is on.
fn describe_yaml_error(err: &serde_saphyr::Error, text: &str) -> String {
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
    let mut out = format!("line {line}, column {column}: {message}");
    if let Some(snippet) = snippet(text, line, column) {
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
/// lines.
fn snippet(text: &str, line: usize, column: usize) -> Option<String> {
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
    let number = line.to_string();
    let pad = " ".repeat(number.len());
    Some(format!(
        "  {number} | {shown_line}\n  {pad} | {}^",
        " ".repeat(caret)
    ))
}

/// The field an error's line and column point into, as a path such as `max_minutes.wed`:
/// the keys of the enclosing block lines (less indented, above), then the keys of flow
/// mappings on the line itself before the column. A reading aid for messages, not a YAML
/// parser: `None` when no key is found.
fn field_at(text: &str, line: usize, column: usize) -> Option<String> {
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    let here = *lines.get(line.checked_sub(1)?)?;
    // In a flow collection opened on an earlier line, the keys come from its first line on.
    let first = flow_start(&lines, line - 1);
    let indent_of = |l: &str| l.len() - l.trim_start_matches([' ', '-']).len();
    let mut path: Vec<String> = Vec::new();
    let mut indent = indent_of(lines[first]);
    for l in lines[..first].iter().rev() {
        let trimmed = l.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let i = indent_of(l);
        if i < indent {
            if let Some(key) = leading_key(l) {
                path.push(key);
            }
            indent = i;
            if i == 0 {
                break;
            }
        }
    }
    path.reverse();
    let mut before: String = lines[first..line - 1]
        .iter()
        .flat_map(|l| [without_comment(l), " "])
        .collect();
    before.extend(here.chars().take(column.saturating_sub(1)));
    let on_line = flow_keys(&before);
    if on_line.is_empty() {
        // The error points at the key itself (`hard_sessions: two`, column 1).
        path.extend(leading_key(lines[first]));
    }
    path.extend(on_line);
    (!path.is_empty()).then(|| shown(&path.join("."), 80))
}

/// The index of the line that opened the flow collection (`{...}`, `[...]`) still open at
/// the start of line `at` (0-based), or `at` when none is open there.
fn flow_start(lines: &[&str], at: usize) -> usize {
    let mut depth = 0;
    let mut opened = None;
    for (i, l) in lines[..at].iter().enumerate() {
        if depth == 0 {
            opened = Some(i);
        }
        depth = flow_depth(l, depth);
        if depth == 0 {
            opened = None;
        }
    }
    opened.unwrap_or(at)
}

/// Flow collections open after `line`, `depth` being open before it. A bracket opens one
/// where a value starts (after `key:`, `- ` or the indentation) or inside another; quoted
/// text and comments are skipped. A reading aid, like [`field_at`].
fn flow_depth(line: &str, mut depth: usize) -> usize {
    let mut quote: Option<char> = None;
    let mut prev: Option<char> = None;
    let mut value_start = true;
    for c in without_comment(line).chars() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            prev = Some(c);
            continue;
        }
        let token_start = prev.is_none_or(|p| p.is_whitespace() || "{[,:".contains(p));
        match c {
            '"' | '\'' if token_start => quote = Some(c),
            '{' | '[' if depth > 0 || value_start => depth += 1,
            '}' | ']' if depth > 0 => depth -= 1,
            _ => {}
        }
        if !c.is_whitespace() {
            value_start = c == ':' || (c == '-' && value_start);
        }
        prev = Some(c);
    }
    depth
}

/// A line without its comment: from a `#` at the start or after a space, outside quotes.
fn without_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => {
                let token_start = prev.is_none_or(|p| p.is_whitespace() || "{[,:".contains(p));
                match c {
                    '#' if prev.is_none_or(char::is_whitespace) => return &line[..i],
                    '"' | '\'' if token_start => quote = Some(c),
                    _ => {}
                }
            }
        }
        prev = Some(c);
    }
    line
}

/// The key of a block line `  key: value` or `- key: value`.
fn leading_key(line: &str) -> Option<String> {
    let body = line.trim_start_matches([' ', '-']);
    let (key, _) = body.split_once(':')?;
    let key = key.trim().trim_matches(['"', '\'']);
    (!key.is_empty() && !key.contains([' ', '{', '[', ',', '#'])).then(|| key.to_string())
}

/// The open keys of a line's text up to a column: `max_minutes: {wed: 45, thu: ` gives
/// `max_minutes`, `thu`.
fn flow_keys(before: &str) -> Vec<String> {
    let mut keys: Vec<Option<String>> = vec![None];
    let mut word = String::new();
    let mut quote: Option<char> = None;
    let chars: Vec<char> = before.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            } else {
                word.push(c);
            }
            continue;
        }
        match c {
            '"' | '\'' if word.trim().is_empty() => quote = Some(c),
            '#' if word.is_empty() || word.ends_with(' ') => break,
            '{' | '[' => {
                keys.push(None);
                word.clear();
            }
            '}' | ']' => {
                if keys.len() > 1 {
                    keys.pop();
                }
                word.clear();
            }
            ',' if keys.len() > 1 => {
                if let Some(last) = keys.last_mut() {
                    *last = None;
                }
                word.clear();
            }
            ':' if chars.get(i + 1).is_none_or(|n| n.is_whitespace()) => {
                let key = word.trim().trim_start_matches('-').trim().to_string();
                if let Some(last) = keys.last_mut()
                    && !key.is_empty()
                {
                    *last = Some(key);
                }
                word.clear();
            }
            _ => word.push(c),
        }
    }
    keys.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flow_keys_follow_the_open_mappings() {
        assert_eq!(flow_keys("max_minutes: {wed: 45, thu: "), ["max_minutes", "thu"]);
        assert_eq!(flow_keys("a: {b: {c: 1}, d: "), ["a", "d"]);
        assert_eq!(flow_keys("name: \"x: y\", "), ["name"]);
        assert!(flow_keys("  - ").is_empty());
    }

    #[test]
    fn flow_depth_counts_brackets_that_open_values_only() {
        assert_eq!(flow_depth("fixed: {tue: easy,", 0), 1);
        assert_eq!(flow_depth(" wed: easy}, cross_training: 0}", 2), 0);
        assert_eq!(flow_depth("max_minutes: {wed: 45}", 0), 0);
        assert_eq!(flow_depth("- [mon,", 0), 1);
        assert_eq!(flow_depth("name: a[b {c", 0), 0, "brackets inside a plain scalar");
        assert_eq!(flow_depth("name: \"{x\"", 0), 0, "brackets inside quotes");
        assert_eq!(flow_depth("a: 1 # {", 0), 0, "brackets in a comment");
        assert_eq!(without_comment("name: Bob's plan # mine"), "name: Bob's plan ");
        assert_eq!(without_comment("name: 'a # b' # c"), "name: 'a # b' ");
        assert_eq!(without_comment("name: a#b"), "name: a#b");
    }

    #[test]
    fn a_snippet_is_cropped_around_the_column_of_a_long_line() {
        let line = format!("name: {}", "x".repeat(10_000));
        let s = snippet(&line, 1, 5_000).unwrap();
        assert!(s.lines().all(|l| l.chars().count() < 90), "{s}");
        let caret = s.lines().nth(1).unwrap();
        assert!(caret.ends_with('^'));
        assert_eq!(snippet("a: 1\n", 7, 1), None);
    }
}
