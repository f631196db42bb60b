//! `weekwright batch`: many athletes at once. Profiles come from a folder of YAML files or
//! from JSON Lines; each is planned as `generate` (or `block`) plans it, and the results go
//! out as JSON Lines in input order, whatever the number of threads.
//!
//! Parallelism: a pool of `--threads` workers takes the profiles one at a time, and each
//! profile's own search runs on the worker that took it. The search's parallel parts ask
//! the same pool for help, and while profiles are waiting no worker is idle to give it, so
//! a search runs on one thread and the pool never holds more threads than asked; only at
//! the end, once every profile is taken, do idle workers help finish the last searches.
//! Every search is deterministic, so the bytes do not depend on who ran what.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use jiff::civil::Date;
use serde::Serialize;

use super::generate::DEFAULT_TOP;
use super::{Context, thread_pool};
use crate::block::calendar::DateArgs;
use crate::cli::BatchArgs;
use crate::error::{Error, InputError, Result, counted, shown};
use crate::profile::Profile;

mod read;

pub use read::{folder_items, json_lines};

/// Batches shorter than this show no progress bar.
const QUIET_FOR: Duration = Duration::from_millis(500);

/// One profile of a batch as read. Parsing waits for the workers, so it runs in parallel
/// with the planning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The `source` of its output line: the file name in a folder, `line N` in JSON Lines.
    pub source: String,
    /// Where its text is.
    pub input: Input,
}

/// Where a profile's text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A YAML profile file.
    File(PathBuf),
    /// A line of JSON Lines.
    Line {
        /// The file as messages name it (`profiles.jsonl`, `stdin`).
        file: String,
        /// The line's number, from 1.
        number: usize,
        /// The line.
        text: String,
    },
    /// A line that cannot be read as a profile's text (over the size limit, not UTF-8).
    Unreadable {
        /// The line as messages name it: `profiles.jsonl line 7`.
        name: String,
        /// Why, and what to do.
        reason: String,
    },
}

/// What each profile gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    /// `generate --format json`'s document, with this many plans.
    Week {
        /// Plans per profile.
        top: usize,
    },
    /// `block --format json`'s document: the calendar from the profile's `block:` section
    /// and the defaults as of `today`, seed 0.
    Block {
        /// The day blocks are planned on (`WEEKWRIGHT_TODAY` or the clock's).
        today: Date,
    },
}

/// One profile's output: a JSON line, newline included, and its exit code (0: planned).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// `{"source": ..., "result": ...}` or `{"source": ..., "error": ..., "exit": ...}`.
    pub json: String,
    /// 0, or the exit code the profile alone would have given: 2, 3 (1 for a bug).
    pub exit: u8,
}

/// How a batch went: profiles by outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Planned.
    pub planned: usize,
    /// Refused as bad input (exit 2).
    pub bad: usize,
    /// No week (or block) fits (exit 3).
    pub no_week: usize,
    /// Failed on a bug (exit 1).
    pub bugs: usize,
}

impl Counts {
    fn add(&mut self, exit: u8) {
        match exit {
            0 => self.planned += 1,
            2 => self.bad += 1,
            3 => self.no_week += 1,
            _ => self.bugs += 1,
        }
    }

    /// The largest exit code among the profiles: 0 when every one was planned.
    #[must_use]
    pub fn exit(&self) -> u8 {
        if self.no_week > 0 {
            3
        } else if self.bad > 0 {
            2
        } else {
            u8::from(self.bugs > 0)
        }
    }

    /// `998 planned, 1 bad profile, 1 with no week that fits`.
    #[must_use]
    pub fn summary(&self) -> String {
        let mut parts = vec![format!("{} planned", self.planned)];
        if self.bad > 0 {
            parts.push(counted(self.bad as u64, "bad profile"));
        }
        if self.no_week > 0 {
            parts.push(format!("{} with no week that fits", self.no_week));
        }
        if self.bugs > 0 {
            parts.push(format!("{} failed on a bug", self.bugs));
        }
        parts.join(", ")
    }
}

/// A planned profile's line.
#[derive(Serialize)]
struct Planned<'a, D: Serialize> {
    source: &'a str,
    result: &'a D,
}

/// A refused profile's line.
#[derive(Serialize)]
struct Failed<'a> {
    source: &'a str,
    error: &'a str,
    exit: u8,
}

/// The profile of an item, and the name messages give its source.
fn read_profile(item: &Item) -> Result<(Profile, String), InputError> {
    match &item.input {
        Input::File(path) => Ok((Profile::load(path)?, path.display().to_string())),
        Input::Line { file, number, text } => {
            let name = format!("{file} line {number}");
            Ok((Profile::from_json_line(text, &name, *number)?, name))
        }
        Input::Unreadable { name, reason } => Err(InputError::Parse {
            path: name.into(),
            message: reason.clone(),
        }),
    }
}

/// The line of a planned profile: what `generate` (or `block`) prints for it alone, its
/// `history:` read.
fn planned_line(item: &Item, plan: Plan) -> Result<String> {
    let (profile, name) = read_profile(item)?;
    let json = match plan {
        Plan::Week { top } => serde_json::to_string(&Planned {
            source: &item.source,
            result: &super::generate::for_profile(&profile, top)?,
        }),
        Plan::Block { today } => {
            let cal = super::block::calendar_of(&profile, &name, &DateArgs::default(), today)?;
            serde_json::to_string(&Planned {
                source: &item.source,
                result: &super::block::for_profile(&profile, cal, today, 0)?,
            })
        }
    };
    let mut json = json.map_err(|e| Error::Internal(format!("cannot write {}'s line: {e}", item.source)))?;
    json.push('\n');
    Ok(json)
}

/// Plan one profile: its line, planned or refused. A bug (a panic) refuses the profile
/// with exit 1 and the batch goes on.
#[must_use]
pub fn plan_item(item: &Item, plan: Plan) -> Line {
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| planned_line(item, plan)));
    let (error, exit) = match run {
        Ok(Ok(json)) => return Line { json, exit: 0 },
        Ok(Err(e)) => (e.to_string(), u8::try_from(e.exit_code()).unwrap_or(1)),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(ToString::to_string)
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let error = format!(
                "internal error: {}; this is a bug, please report it with this profile",
                shown(&what, 300)
            );
            (error, 1)
        }
    };
    let failed = Failed {
        source: &item.source,
        error: &error,
        exit,
    };
    // Two strings and a number always serialize.
    let mut json = serde_json::to_string(&failed).unwrap_or_default();
    json.push('\n');
    Line { json, exit }
}

/// Plan every item on `pool`, one profile at a time on each worker, and hand the lines to
/// `sink` in input order, whatever the number of threads.
///
/// # Errors
/// What `sink` fails with (the workers then stop taking profiles), or a worker thread that
/// died (a bug).
pub fn plan_all(
    items: &[Item],
    plan: Plan,
    pool: &rayon::ThreadPool,
    sink: &mut dyn FnMut(&Line) -> Result<()>,
) -> Result<Counts> {
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // Bounded: when the output is slower than the planning (a slow reader on a pipe), the
    // workers wait instead of piling lines up in memory.
    let (tx, rx) = mpsc::sync_channel::<(usize, Line)>(64);
    std::thread::scope(|scope| {
        let workers = scope.spawn(|| {
            let tx = tx;
            pool.broadcast(|_| {
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else {
                        break;
                    };
                    if tx.send((i, plan_item(item, plan))).is_err() {
                        break;
                    }
                }
            });
        });
        let written = in_order(rx, sink);
        stop.store(true, Ordering::Relaxed);
        let joined = workers.join();
        let counts = written?;
        joined.map_err(|_| Error::Internal("a worker thread of the batch failed".to_string()))?;
        Ok(counts)
    })
}

/// Hand lines arriving in any order to `sink` in input order, counting them.
fn in_order(rx: mpsc::Receiver<(usize, Line)>, sink: &mut dyn FnMut(&Line) -> Result<()>) -> Result<Counts> {
    let mut waiting = BTreeMap::new();
    let mut counts = Counts::default();
    let mut next = 0;
    for (i, line) in rx {
        waiting.insert(i, line);
        while let Some(line) = waiting.remove(&next) {
            counts.add(line.exit);
            sink(&line)?;
            next += 1;
        }
    }
    Ok(counts)
}

/// A progress bar on stderr, shown once a batch has run for [`QUIET_FOR`] and only on a
/// terminal without `-q`.
struct Progress {
    bar: ProgressBar,
    show: bool,
    started: Instant,
}

impl Progress {
    fn new(total: usize, ctx: &Context) -> Self {
        Progress {
            bar: ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden()),
            show: std::io::stderr().is_terminal() && !ctx.quiet,
            started: Instant::now(),
        }
    }

    fn tick(&mut self) {
        self.bar.inc(1);
        if self.show && self.started.elapsed() > QUIET_FOR {
            if let Ok(style) =
                ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} profiles, {eta} left")
            {
                self.bar.set_style(style.progress_chars("=> "));
            }
            self.bar.set_prefix("planning");
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.show = false;
        }
    }
}

/// Run `batch`.
///
/// # Errors
/// Input that cannot be read (exit 2), output that cannot be written (2 or 4), or, once
/// every line is out, profiles that were not planned (the largest of their exit codes).
pub fn run(args: &BatchArgs, ctx: &Context) -> Result<()> {
    let started = Instant::now();
    let plan = if args.block {
        Plan::Block {
            today: crate::dates::today()?,
        }
    } else {
        Plan::Week {
            top: usize::from(args.top.unwrap_or(DEFAULT_TOP)),
        }
    };
    let output = args.out.output.as_deref();
    if let Some(path) = output {
        crate::export::check_output(path)?;
    }
    let items = read::read_items(args.profiles.as_deref(), ctx)?;
    let pool = thread_pool(args.out.threads)?;
    ctx.info(&format!(
        "planning {} on {}",
        counted(items.len() as u64, "profile"),
        counted(pool.current_num_threads() as u64, "thread")
    ));
    let mut progress = Progress::new(items.len(), ctx);
    let mut counts = Counts::default();
    // Lines go out as they are planned, to stdout or into the temporary file that becomes
    // --output: a batch of many profiles is never held in memory.
    let written = crate::export::write_output_with(output, &mut |out| {
        counts = plan_all(&items, plan, &pool, &mut |line| {
            progress.tick();
            Ok(out.write_all(line.json.as_bytes())?)
        })?;
        Ok(())
    });
    progress.bar.finish_and_clear();
    written?;
    if let Some(path) = output {
        ctx.hint(&format!("wrote {}", path.display()));
    }
    let summary = counts.summary();
    match counts.exit() {
        0 => {
            ctx.hint(&format!("{summary} in {:.1} s", started.elapsed().as_secs_f64()));
            Ok(())
        }
        code => Err(Error::Batch {
            summary: format!("{summary}; the error lines of the output say why"),
            code,
        }),
    }
}
