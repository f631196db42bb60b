//! `weekwright bench`: enumerate and fully score every week of the space once, and say
//! how fast that was.

use std::fmt::Write as _;
use std::time::Instant;

use serde::Serialize;

use super::{Context, flag_error, with_threads};
use crate::catalog::{Goal, Level, Session};
use crate::cli::BenchArgs;
use crate::error::{InputError, Result};
use crate::export::{Document, table};
use crate::search::exhaustive::score_space;
use crate::week::WeekSpec;

/// What `bench` prints (CLI.md).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenchOutput {
    /// Weeks scored.
    pub weeks: u64,
    /// Worker threads.
    pub threads: usize,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// Nanoseconds per week.
    pub ns_per_week: f64,
    /// Weeks per second.
    pub weeks_per_second: f64,
    /// The best week, as a WEEK string.
    pub best: String,
    /// Sum of all scores.
    pub checksum: f64,
}

impl Document for BenchOutput {
    fn table(&self, style: &table::Style) -> String {
        let mut t = table::new_table_in(style);
        t.set_header(vec!["weeks", "threads", "seconds", "ns/week", "weeks/s"]);
        t.add_row(vec![
            self.weeks.to_string(),
            self.threads.to_string(),
            format!("{:.3}", self.seconds),
            format!("{:.1}", self.ns_per_week),
            format!("{:.0}", self.weeks_per_second),
        ]);
        let mut out = format!("{}\n{t}\n", style.bold("Scoring speed"));
        let _ = writeln!(out, "best: {}\nchecksum: {}", self.best, self.checksum);
        out
    }
}

/// Parse `--sessions`: comma-separated ids, each once.
///
/// # Errors
/// An unknown id, a repeated id, or an empty list.
pub fn parse_sessions(text: &str) -> Result<Vec<Session>> {
    let mut out: Vec<Session> = Vec::new();
    for (i, item) in text.split(',').enumerate() {
        if item.trim().is_empty() {
            return Err(flag_error(
                "--sessions",
                format!(
                    "item {} is empty: list session ids separated by commas, such as rest,easy,tempo,long",
                    i + 1
                ),
            ));
        }
        let s: Session = item
            .parse()
            .map_err(|e: InputError| flag_error("--sessions", e.to_string()))?;
        if out.contains(&s) {
            return Err(flag_error("--sessions", format!("'{s}' is listed twice")));
        }
        out.push(s);
    }
    out.sort();
    Ok(out)
}

/// Run `bench`.
///
/// # Errors
/// Bad flags, or output that cannot be written.
pub fn run(args: &BenchArgs, ctx: &Context) -> Result<()> {
    let ids = match &args.sessions {
        Some(text) => parse_sessions(text)?,
        None => Session::ALL.to_vec(),
    };
    let doc = with_threads(args.threads, || {
        let threads = rayon::current_num_threads();
        let start = Instant::now();
        let result = score_space(&ids, Level::Intermediate, Goal::Half);
        let seconds = start.elapsed().as_secs_f64();
        let weeks = result.weeks as f64;
        Ok(BenchOutput {
            weeks: result.weeks,
            threads,
            seconds,
            ns_per_week: seconds * 1e9 / weeks,
            weeks_per_second: weeks / seconds,
            best: WeekSpec::from_sessions(result.best).to_string(),
            checksum: result.checksum,
        })
    })?;
    ctx.emit(&doc, args.format, None, "bench")
}
