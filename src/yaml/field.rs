//! Where a YAML error points: the field path of a line and column, for messages. A
//! reading aid, not a YAML parser.

use crate::error::shown;

/// The field an error's line and column point into, as a path such as `max_minutes.wed`:
/// the keys of the enclosing block lines (less indented, above), then the keys of flow
/// mappings on the line itself before the column. A reading aid for messages, not a YAML
/// parser: `None` when no key is found.
pub(super) fn field_at(text: &str, line: usize, column: usize) -> Option<String> {
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
    // Where the last quoted word closed: after a quoted key, as JSON writes it, the ':'
    // needs no space (`{"wed":45}`).
    let mut closed: Option<usize> = None;
    let chars: Vec<char> = before.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
                closed = Some(i);
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
            ':' if chars.get(i + 1).is_none_or(|n| n.is_whitespace())
                || closed.is_some_and(|q| q + 1 == i) =>
            {
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
        assert_eq!(
            flow_keys("{\"max_minutes\":{\"wed\":45,\"thu\":"),
            ["max_minutes", "thu"]
        );
        assert_eq!(flow_keys("{\"name\":\"a:b\",\"level\":"), ["level"]);
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
}
