//! Errors a user can see. Each variant knows its exit code (CLI.md) and says how to fix it.

use std::path::PathBuf;

use std::fmt;

/// Bad input: exit code 2. Every message names the file, line and column or the field.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// A session name that no alias matches.
    #[error("unknown session '{name}'{}: valid ids are {}", suggestion(name, ids), ids.join(", "))]
    UnknownSession {
        /// What the user typed.
        name: String,
        /// The catalog's ids, for the suggestion and the list.
        ids: &'static [&'static str],
    },
    /// A WEEK string that does not parse.
    #[error("bad WEEK '{week}': {reason}")]
    Week {
        /// The WEEK text (shortened when long).
        week: String,
        /// What is wrong and how to write it.
        reason: String,
    },
    /// A file that is not valid YAML for its type; the message has line and column.
    #[error("{}: {message}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// The parser's message with line, column and snippet.
        message: String,
    },
    /// A field whose value is out of range or contradicts another.
    #[error("{source_name}: field '{field}': {message}")]
    Field {
        /// Where the value came from (a file path, or "built-in default profile").
        source_name: String,
        /// The field's path, such as `max_minutes.wed`.
        field: String,
        /// What is wrong and the allowed range.
        message: String,
    },
    /// A command-line flag whose value is not allowed.
    #[error("flag {flag}: {message}")]
    Flag {
        /// The flag, such as `--top`.
        flag: String,
        /// What is wrong and the allowed range.
        message: String,
    },
    /// An environment variable whose value is not allowed.
    #[error("environment variable {variable}: {message}")]
    Environment {
        /// The variable, such as `WEEKWRIGHT_TODAY`.
        variable: &'static str,
        /// What is wrong and the form to use.
        message: String,
    },
    /// A file that cannot be read.
    #[error("cannot read {}: {reason}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why, in words.
        reason: String,
    },
    /// An output file that cannot be written.
    #[error("cannot write {}: {reason}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why, in words.
        reason: String,
    },
}

/// Everything the library can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input (exit 2).
    #[error(transparent)]
    Input(#[from] InputError),
    /// The constraints admit no week (exit 3).
    #[error(transparent)]
    NoWeekFits(#[from] NoWeekFits),
    /// Weeks fit the profile, but a week of a block has none that it can take (exit 3,
    /// like any constraints that admit no week); the message names the week, the cause and
    /// what to relax.
    #[error("{0}")]
    BlockRefused(String),
    /// Writing results to stdout failed in a way that is not the user's fault: a full
    /// disk, a device error (exit 4; a reader that went away ends quietly instead).
    #[error("cannot write output: {0}")]
    Io(#[from] std::io::Error),
    /// Writing results to an `--output` file that could be opened failed: a full disk, a
    /// device error (exit 4, like the same failure on stdout). The input was fine.
    #[error("cannot write {}: {reason}", path.display())]
    Output {
        /// The file.
        path: PathBuf,
        /// Why, in words.
        reason: String,
    },
    /// A bug: an invariant of the program does not hold (exit 1).
    #[error("internal error: {0}")]
    Internal(String),
    /// Some profiles of a `batch` were not planned; the output's error lines say why.
    #[error("{summary}")]
    Batch {
        /// The counts: `998 planned, 1 bad profile, 1 with no week that fits`.
        summary: String,
        /// The largest exit code of the profiles that were not planned.
        code: u8,
    },
}

/// The exit codes of CLI.md and what each means, for the pages that list them (the man
/// page's EXIT STATUS; the README holds the same table).
pub const EXIT_CODES: [(u8, &str); 5] = [
    (0, "success"),
    (
        1,
        "an unexpected failure: a bug (never a panic trace); please report it with the command you ran",
    ),
    (
        2,
        "bad input: an unreadable or invalid profile, a bad WEEK, a bad flag; the message names the file, line and column or the field, and how to fix it",
    ),
    (
        3,
        "the constraints admit no week: the message says which constraints collide and what to relax",
    ),
    (
        4,
        "the results could not be written (a full disk, a device error), on stdout or to an --output file; the input was fine, and an existing output file is left as it was",
    ),
];

impl Error {
    /// The process exit code of CLI.md.
    #[must_use]
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Input(_) => 2,
            Error::NoWeekFits(_) | Error::BlockRefused(_) => 3,
            Error::Io(_) | Error::Output { .. } => 4,
            Error::Internal(_) => 1,
            Error::Batch { code, .. } => i32::from(*code),
        }
    }

    /// A write to a reader that went away (`weekwright generate | head`): a quiet end.
    #[must_use]
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// One change to the profile that would let repeatable weeks fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relaxation {
    /// The profile field to change.
    pub field: &'static str,
    /// The change, in words.
    pub change: String,
    /// Repeatable weeks that fit after the change.
    pub weeks: u64,
}

impl fmt::Display for Relaxation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} ({} would fit)",
            self.field,
            self.change,
            counted(self.weeks, "repeatable week")
        )
    }
}

/// The constraints admit no (repeatable) week: which collide and what to relax.
#[derive(Debug, Clone, PartialEq)]
pub struct NoWeekFits {
    /// The profile's name.
    pub profile: String,
    /// Weeks that met every hard constraint (0, or none of them repeatable).
    pub feasible: u64,
    /// What the profile asks, in words.
    pub asks: Vec<String>,
    /// Single changes that would let weeks fit, best first.
    pub relaxations: Vec<Relaxation>,
}

impl std::error::Error for NoWeekFits {}

impl fmt::Display for NoWeekFits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.feasible == 0 {
            write!(
                f,
                "no week fits profile '{}': its constraints collide",
                self.profile
            )?;
        } else {
            write!(
                f,
                "no repeatable week fits profile '{}': {} weeks meet every constraint, but none could be repeated without fatigue running away",
                self.profile, self.feasible
            )?;
        }
        if !self.asks.is_empty() {
            write!(f, "\n  the profile asks for: {}", self.asks.join("; "))?;
        }
        if self.relaxations.is_empty() {
            write!(
                f,
                "\n  no single change makes a week fit: loosen several constraints at once (more available days, fewer hard sessions, fewer rest days)"
            )?;
        } else {
            write!(f, "\n  relax one of these (each alone lets weeks fit):")?;
            for r in &self.relaxations {
                write!(f, "\n  - {r}")?;
            }
        }
        Ok(())
    }
}

/// A user's text in a message: at most `limit` characters, control characters escaped, so
/// a long or binary value cannot flood or garble the terminal.
#[must_use]
pub fn shown(text: &str, limit: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == limit {
            out.push_str("...");
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// `, did you mean 'x'?` when one of `candidates` is a likely typo of `word` (an edit or
/// two away, by length), or nothing.
#[must_use]
pub fn suggestion(word: &str, candidates: &[&str]) -> String {
    closest(word, candidates).map_or_else(String::new, |c| format!(" (did you mean '{c}'?)"))
}

/// The candidate nearest to `word` in edit distance, if it is near enough to be a typo.
#[must_use]
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let typed = word.trim();
    let word = typed.to_lowercase();
    if word.is_empty() || word.chars().count() > 40 {
        return None;
    }
    let limit = (word.chars().count() / 3).clamp(1, 3);
    candidates
        .iter()
        .filter(|&&c| c != typed)
        .map(|&c| (edit_distance(&word, &c.to_lowercase()), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// `--top` and `--threads` style flags: a whole number within `range`, or a message that
/// gives the range whatever was typed (`0`, `-3`, `1e20`, `many`).
///
/// # Errors
/// The message for clap to show after the flag's name.
pub fn count_flag(text: &str, range: std::ops::RangeInclusive<u16>) -> Result<u16, String> {
    let allowed = || format!("use a whole number from {} to {}", range.start(), range.end());
    let trimmed = text.trim();
    let digits = trimmed.trim_start_matches(['-', '+']);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!(
            "'{}' is not a whole number in digits: {}",
            shown(text, 40),
            allowed()
        ));
    }
    trimmed
        .parse::<u16>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| format!("{} is out of range: {}", shown(trimmed, 40), allowed()))
}

/// What a panic says to the user: where and what, and that it is a bug; never the words
/// of Rust's default report ("panicked", a backtrace), whatever RUST_BACKTRACE says.
#[must_use]
pub fn panic_report(info: &std::panic::PanicHookInfo<'_>) -> String {
    let what = info
        .payload()
        .downcast_ref::<&str>()
        .map(ToString::to_string)
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_default();
    let at = info
        .location()
        .map(|l| format!(" at {}:{}", l.file(), l.line()))
        .unwrap_or_default();
    format!(
        "internal error{at}: {}\nThis is a bug; please report it with the command you ran.",
        shown(&what, 300)
    )
}

/// `n` and `word`, with an `s` unless `n` is 1: "1 week", "12 weeks".
#[must_use]
pub fn counted(n: impl Into<u64>, word: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_get_a_suggestion_and_strangers_do_not() {
        let fields = ["weekly_minutes", "hard_sessions", "rest_days", "min_rest_days"];
        assert_eq!(closest("weekly_minutez", &fields), Some("weekly_minutes"));
        assert_eq!(closest("hard_sesions", &fields), Some("hard_sessions"));
        assert_eq!(closest("Rest_Days", &fields), Some("rest_days"));
        assert_eq!(closest("rest_days", &fields), None, "a match is not a typo");
        assert_eq!(closest("pace", &fields), None);
        assert_eq!(closest("", &fields), None);
        assert_eq!(
            suggestion("intervls", &["tempo", "intervals", "hills"]),
            " (did you mean 'intervals'?)"
        );
    }

    #[test]
    fn count_flags_say_the_range_whatever_is_typed() {
        assert_eq!(count_flag("5", 1..=100), Ok(5));
        assert_eq!(count_flag(" 7 ", 1..=100), Ok(7));
        for bad in ["0", "101", "-1", "1e20", "", "-", "many", "100000000000000000000"] {
            let err = count_flag(bad, 1..=100).unwrap_err();
            assert!(err.contains("from 1 to 100"), "{bad:?}: {err}");
        }
    }
}
