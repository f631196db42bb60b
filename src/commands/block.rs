//! `weekwright block`: profile and dates in, a searched multi-week block out (yaml, json,
//! a table a line a week, an iCalendar file, or an SVG chart).

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use jiff::civil::Date;

use super::{Context, flag_error, follow, load_profile, with_fitness_flags};
use crate::block::calendar::{self, DateArgs};
use crate::block::{Block, Calendar, Pool, Settings, Step, plan, template};
use crate::catalog::Session;
use crate::cli::{BlockArgs, HistoryArgs};
use crate::error::Result;
use crate::export::{Document, Format, fit, ics, svg, table};
use crate::problem::Problem;
use crate::profile::Profile;

/// Searches shorter than this show no progress bar.
const QUIET_FOR: Duration = Duration::from_millis(500);

impl Document for Block {
    fn table(&self, style: &table::Style) -> String {
        let mut out = String::new();
        let race = self
            .calendar
            .race
            .map(|r| format!(", race on {r}"))
            .unwrap_or_default();
        let columns = usize::from(style.columns());
        let _ = writeln!(
            out,
            "{}\n{}\n",
            style.bold(&table::wrap(&self.profile, columns, "")),
            table::wrap(
                &format!(
                    "{} from {}{race}, seed {}",
                    crate::error::counted(self.weeks.len() as u64, "week"),
                    self.calendar.start,
                    self.seed
                ),
                columns,
                ""
            )
        );
        // A week a line where the line fits the width; in a narrower terminal each week's
        // sessions go on a line of their own under its numbers.
        let rows: Vec<(String, String)> = self
            .weeks
            .iter()
            .map(|w| {
                let monday = format!("{:02}-{:02}", w.start.month(), w.start.day());
                let sessions: Vec<&str> = w.days.iter().map(|d| d.session.code()).collect();
                let numbers = format!(
                    "{:>3} {:<6} {monday:<6} {:>4} {:>5} {:>4.2} {:>+6.1} {:>5.1}",
                    w.week,
                    w.phase.id(),
                    table::num(w.minutes.round()),
                    table::num(w.load.round()),
                    w.acwr,
                    w.form,
                    w.score,
                );
                (numbers, sessions.join(" "))
            })
            .collect();
        let header = " wk phase  monday  min  load acwr   form score";
        let sessions_header = "sessions, Monday to Sunday";
        let narrow = rows
            .iter()
            .map(|(n, s)| n.chars().count() + 2 + s.chars().count())
            .chain([header.len() + 2 + sessions_header.len()])
            .any(|width| width > columns);
        if narrow {
            let _ = writeln!(out, "{}", style.bold(&format!("{header}\n    {sessions_header}")));
        } else {
            let _ = writeln!(out, "{}", style.bold(&format!("{header}  {sessions_header}")));
        }
        for (numbers, sessions) in rows {
            let _ = if narrow {
                writeln!(out, "{numbers}\n    {sessions}")
            } else {
                writeln!(out, "{numbers}  {sessions}")
            };
        }
        let codes: Vec<String> = Session::ALL
            .iter()
            .filter(|s| !s.code().eq_ignore_ascii_case(s.id()))
            .map(|s| format!("{} {}", s.code(), s.id()))
            .collect();
        let legend = format!(
            "monday: the week's first day; min: planned minutes; load: sRPE x minutes; acwr: load over the mean of the three weeks before; form: fitness minus fatigue at the week's end; score: the week's own score (0-100). Sessions: {}.",
            codes.join(", ")
        );
        let _ = writeln!(out, "\n{}", table::wrap(&legend, columns, ""));
        out
    }

    fn ics(&self) -> Option<String> {
        let events: Vec<ics::Event> = self
            .training_days()
            .filter_map(|(w, d)| {
                let date = d.date?;
                ics::day_event(
                    d,
                    date,
                    &format!("({} week {} of {})", w.phase.id(), w.week, self.weeks.len()),
                )
            })
            .collect();
        Some(ics::calendar(&self.profile, self.calendar.start, &events))
    }

    fn svg(&self) -> Option<String> {
        Some(svg::block_chart(self))
    }

    fn fit_files(&self) -> Option<Vec<(String, Vec<u8>)>> {
        let files = self
            .training_days()
            .filter_map(|(_, d)| fit::day_file(d, d.date?));
        Some(files.collect())
    }
}

/// Parse the date flags.
fn date_args(args: &BlockArgs) -> Result<DateArgs> {
    let start = args
        .start
        .map(|d| crate::dates::monday(d).map_err(|m| flag_error("--start", m)))
        .transpose()?;
    Ok(DateArgs {
        start,
        weeks: args.weeks.map(usize::from),
        race: args.race,
    })
}

/// The block's calendar from the date flags and the profile's `block:` section, as of
/// `today`; a field of the profile at fault is named with `source`, where the profile came
/// from (the calendar knows a field came from the profile, not which file).
///
/// # Errors
/// Dates that contradict each other or a race that is over (exit 2).
pub fn calendar_of(profile: &Profile, source: &str, dates: &DateArgs, today: Date) -> Result<Calendar> {
    calendar::resolve(dates, &profile.block, today).map_err(|e| {
        crate::error::Error::Input(match e {
            crate::error::InputError::Field { field, message, .. } => crate::error::InputError::Field {
                source_name: source.to_string(),
                field,
                message,
            },
            other => other,
        })
    })
}

/// A block that started before `today`'s week, re-planned from history: its remaining
/// weeks, from the Monday of today's week when today is a Monday (else the next Monday) to
/// the race, which is kept (without a race, as many weeks as the block had left). Returns
/// the note that says so; the calendar is left as it is when the block has not started.
///
/// # Errors
/// A block that is over, or too few weeks left to the race for build, taper and race (exit 2).
fn remaining(cal: &mut Calendar, today: Date) -> Result<Option<String>> {
    let first = if today.weekday() == jiff::civil::Weekday::Monday {
        today
    } else {
        crate::dates::next_monday(today)
    };
    if cal.start >= first {
        return Ok(None);
    }
    let gone = usize::try_from(crate::dates::days_between(cal.start, first) / 7).unwrap_or(0);
    let weeks = match cal.race {
        Some(race) => usize::try_from(crate::dates::days_between(first, race) / 7 + 1).unwrap_or(0),
        None => cal.weeks.saturating_sub(gone),
    };
    let least = if cal.race.is_some() {
        calendar::MIN_RACE_WEEKS
    } else {
        1
    };
    if weeks < least {
        return Err(flag_error(
            "--today",
            format!(
                "the block that started {} has {weeks} weeks left from {first}, fewer than {least}: re-plan this week with weekwright replan instead",
                cal.start
            ),
        ));
    }
    let note = format!(
        "re-planned from {first}: the block started {} and {gone} of its weeks are gone; {} left{}, numbered from 1 here, from the real state",
        cal.start,
        crate::error::counted(weeks as u64, "week"),
        cal.race
            .map(|r| format!(" to the race on {r}"))
            .unwrap_or_default()
    );
    cal.start = first;
    cal.weeks = weeks;
    Ok(Some(note))
}

/// The problem and calendar with `--history`: a block under way re-planned from today's
/// week ([`remaining`]), from the real state; and what the output says about it.
///
/// # Errors
/// A history that cannot be read, or a block with too few weeks left (exit 2).
fn with_history(
    args: &HistoryArgs,
    profile: &Profile,
    problem: Problem,
    cal: &mut Calendar,
    today: Date,
    ctx: &Context,
) -> Result<(Problem, Option<follow::HistoryUsed>)> {
    let Some(followed) = follow::read(args, profile, ctx)? else {
        return Ok((problem, None));
    };
    let gone = remaining(cal, today)?;
    let (problem, mut used) = follow::for_block(problem, &followed, cal.start);
    used.notes.extend(gone);
    Ok((problem, Some(used)))
}

/// What `block --format json` prints: the block, with the history it starts from when
/// there is one.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(untagged)]
pub enum BlockOutput {
    /// A block planned from the profile alone.
    Planned(Block),
    /// A block planned from the runner's history.
    Followed(follow::WithHistory<Block>),
}

/// What `block --format json` prints for `profile` alone on `cal`, as of `today`, its
/// `history:` read as `--history` reads it (a block under way re-planned from today's
/// week; what the history leaves out not printed): the library path of `batch` and the
/// Python package.
///
/// # Errors
/// A history that cannot be read or too few weeks left (exit 2), or no block fits (exit 3).
pub fn for_profile(profile: &Profile, mut cal: Calendar, today: Date, seed: u64) -> Result<BlockOutput> {
    let on = HistoryArgs {
        history: Vec::new(),
        today: Some(today),
    };
    let (problem, history) = with_history(
        &on,
        profile,
        Problem::new(profile),
        &mut cal,
        today,
        &Context::QUIET,
    )?;
    let block = plan(&problem, &cal, seed, &Settings::default(), &mut |_| {})?;
    Ok(match history {
        Some(history) => BlockOutput::Followed(follow::WithHistory { doc: block, history }),
        None => BlockOutput::Planned(block),
    })
}

/// Run `block`.
///
/// # Errors
/// Bad input (exit 2), no week fits (exit 3), or output that cannot be written.
pub fn run(args: &BlockArgs, ctx: &Context) -> Result<()> {
    if args.format == Format::Fit {
        crate::export::dir::check_dir(args.out.output.as_deref(), "fit")?;
    }
    let profile = load_profile(args.profile.as_deref())?;
    let dates = date_args(args)?;
    let source = args.profile.as_ref().map_or_else(
        || crate::profile::DEFAULT_SOURCE.to_string(),
        |p| p.display().to_string(),
    );
    let today = args.history.today.map_or_else(crate::dates::today, Ok)?;
    let mut cal = calendar_of(&profile, &source, &dates, today)?;
    if let Some(hint) = calendar::unused_profile_weeks(&dates, &profile.block, &cal) {
        ctx.hint(&hint);
    }
    let problem = with_fitness_flags(Problem::new(&profile), &args.fitness, ctx);
    let (problem, history) = with_history(&args.history, &profile, problem, &mut cal, today, ctx)?;
    let settings = Settings::default();

    let started = Instant::now();
    let show = std::io::stderr().is_terminal() && !ctx.quiet;
    let bar = ProgressBar::with_draw_target(Some(cal.weeks as u64), ProgressDrawTarget::hidden());
    let mut shown = false;
    let mut progress = |step: Step| {
        bar.set_position(step.done as u64);
        if show && !shown && started.elapsed() > QUIET_FOR {
            if let Ok(style) = ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} weeks") {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.set_prefix("planning the block");
            bar.set_draw_target(ProgressDrawTarget::stderr());
            shown = true;
        }
    };
    let block = plan(&problem, &cal, args.seed, &settings, &mut progress)?;
    bar.finish_and_clear();
    let searched = started.elapsed();
    if ctx.verbose {
        // The template needs only the engine's best week at the profile's own volume. It
        // searches for it itself (the block's pool holds it too) so that its time below is
        // what the template approach costs on its own: -v compares the two.
        let t0 = Instant::now();
        let plain_pool = Pool::search(&problem, &[1.0], 1)?;
        let plain = template(&problem, &plain_pool, &cal, &settings)?;
        let t_plain = t0.elapsed();
        let parts = |o: &crate::block::Objective| {
            format!(
                "objective {:.1} (weeks {:.1}, guardrails -{:.1}, joins -{:.1}, variety +{:.1}, race form -{:.1}",
                o.total(),
                o.scores,
                o.guardrails,
                o.joins,
                o.variety,
                o.race_form
            )
        };
        ctx.info(&format!(
            "searched block: {}, off plan -{:.1}) in {:.0} ms",
            parts(&block.objective),
            block.objective.off_plan,
            searched.as_secs_f64() * 1000.0
        ));
        ctx.info(&format!(
            "template (best week repeated with the phase factors): {}, {} weeks over a hard guardrail) in {:.0} ms",
            parts(&plain.objective),
            plain.objective.refused,
            t_plain.as_secs_f64() * 1000.0
        ));
        if let Some(f) = block.objective.form_share {
            ctx.info(&format!("race-day form: {:+.1} % of fitness", f * 100.0));
        }
    }
    emit(block, history, args, ctx)
}

/// Write the block, with the history it starts from when there is one.
fn emit(block: Block, history: Option<follow::HistoryUsed>, args: &BlockArgs, ctx: &Context) -> Result<()> {
    let out = args.out.output.as_deref();
    match history {
        Some(history) => ctx.emit(
            &follow::WithHistory { doc: block, history },
            args.format,
            out,
            "block",
        ),
        None => ctx.emit(&block, args.format, out, "block"),
    }
}
