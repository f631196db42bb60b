//! `weekwright replan`: the current week again from what was run. The days before today
//! keep what was run there (the closest session, with its real minutes and load), today
//! and the days after are searched exhaustively against the profile, and the week is
//! scored from the runner's real state at its Monday and as a week to keep up
//! (docs/model.md, "Re-planning the current week").

use jiff::civil::Date;

use super::follow::{self, Followed};
use super::generate::{self, DEFAULT_TOP, GenerateOutput};
use super::{Context, flag_error, load_profile, with_fitness_flags};
use crate::cli::ReplanArgs;
use crate::dates::{add_days, days_between, monday_of, whole};
use crate::error::{Error, Result};
use crate::model::LongRunRule;
use crate::problem::{Done, Problem};
use crate::week::Day;

/// The week's problem: the profile's, with the days before `today` done as run, the
/// runner's current weekly minutes from the 28 days before Monday and the filters' state
/// at Monday's start; and the notes that say so.
#[must_use]
pub fn week_problem(problem: Problem, followed: &Followed, today: Date) -> (Problem, Vec<String>) {
    let monday = monday_of(today);
    let status = followed.status_at(monday, problem.params());
    let (problem, note) =
        followed.with_current_minutes(problem.with_start(follow::start_of(&status)), &status);
    let (mut problem, reach) = follow::within_reach(problem);
    let notes: Vec<String> = std::iter::once(note).chain(reach).collect();
    let done_days = usize::try_from(days_between(monday, today).clamp(0, 6)).unwrap_or(0);
    for (i, &day) in Day::ALL.iter().enumerate().take(done_days) {
        let date = add_days(monday, whole(i));
        let (session, done) = followed.days.iter().find(|d| d.date == date).map_or(
            (
                crate::catalog::Session::Rest,
                Done {
                    minutes: 0.0,
                    load: 0.0,
                },
            ),
            |d| {
                (
                    d.session,
                    Done {
                        minutes: d.minutes,
                        load: d.load,
                    },
                )
            },
        );
        problem = problem.with_done(day, session, done);
    }
    let notes = long_run_moved(&mut problem, done_days, notes);
    (problem, notes)
}

/// The long run where the days run put it: on the day it was run, when it was run this
/// week; anywhere in the days left, when the profile's long-run day is past without one.
fn long_run_moved(problem: &mut Problem, done_days: usize, mut notes: Vec<String>) -> Vec<String> {
    let fixed = problem.rules().fixed;
    let ran = (0..done_days).find(|&d| fixed[d].is_some_and(crate::catalog::Session::is_long));
    match (problem.rules().long_run, ran) {
        (LongRunRule::On(day), Some(d)) if day.index() != d => {
            notes.push(format!(
                "the long run was run on {}: none more this week",
                Day::ALL[d].name()
            ));
            *problem = problem.clone().with_long_run(LongRunRule::On(Day::ALL[d]));
        }
        (LongRunRule::On(day), None) if day.index() < done_days => {
            notes.push(format!(
                "{} has passed without the long run: it goes on one of the days left",
                day.name()
            ));
            *problem = problem.clone().with_long_run(LongRunRule::Any);
        }
        _ => {}
    }
    notes
}

/// The problems to try, in order, each with the notes that say what it gives up: the
/// profile's week; then, when the days run leave no room for it, one hard session fewer at
/// a time (a missed session is dropped, never crammed in after another) down to the hard
/// sessions already run (or those, when more were run than the profile asks); then one
/// rest day fewer at a time.
fn variants(problem: &Problem) -> Vec<(Problem, Vec<String>)> {
    let rules = problem.rules();
    let done_quality = u8::try_from(
        (0..7)
            .filter(|&d| {
                problem.done()[d].is_some() && rules.fixed[d].is_some_and(crate::catalog::Session::is_quality)
            })
            .count(),
    )
    .unwrap_or(7);
    let want = rules.hard_sessions;
    let mut out = vec![(problem.clone(), Vec::new())];
    if done_quality > want {
        out.push((
            problem.clone().with_hard_sessions(done_quality),
            vec![format!(
                "{done_quality} hard sessions already run, more than the profile's {want}: none more planned"
            )],
        ));
    }
    for n in (done_quality..want).rev() {
        out.push((
            problem.clone().with_hard_sessions(n),
            vec![format!(
                "{n} hard sessions this week instead of {want}: no room for the missed one without hard days back to back or breaking the profile's other rules"
            )],
        ));
    }
    let (fewest, notes) = out
        .last()
        .cloned()
        .unwrap_or_else(|| (problem.clone(), Vec::new()));
    for n in (0..rules.min_rest_days).rev() {
        let mut why = notes.clone();
        why.push(format!(
            "{n} rest days this week instead of {}: the days run leave no room for more",
            rules.min_rest_days
        ));
        out.push((fewest.clone().with_min_rest_days(n), why));
    }
    out
}

/// The re-planned week: `generate`'s document for the first of the problem's variants that
/// has a week, with the days before today marked done and every day dated; when none has
/// one, the first that has a week judged without the repeatability limits (it is run
/// once, and what was run may already break them).
///
/// # Errors
/// No week fits even then: the profile's own diagnosis (exit 3).
pub fn document(problem: &Problem, today: Date, top: usize) -> Result<(GenerateOutput, Vec<String>)> {
    let variants = variants(problem);
    let unlimited = variants.iter().map(|(p, notes)| {
        let mut notes = notes.clone();
        notes.push(
            "no week keeps the repeatability limits (monotony, peak fatigue, fresh legs) with what was already run: the best week judged without them".to_string(),
        );
        (p.clone().without_repeat_limits(), notes)
    });
    let mut first_error: Option<Error> = None;
    for (p, notes) in variants.clone().into_iter().chain(unlimited) {
        match generate::document(&p, top) {
            Ok((mut doc, _)) => {
                mark(&mut doc, &p, today);
                return Ok((doc, notes));
            }
            Err(e @ Error::NoWeekFits(_)) => {
                first_error.get_or_insert(e);
            }
            Err(e) => return Err(e),
        }
    }
    Err(first_error.unwrap_or_else(|| Error::Internal("no problem to search".to_string())))
}

/// Dates on every day; the days run marked done, without a workout (they are past).
fn mark(doc: &mut GenerateOutput, problem: &Problem, today: Date) {
    let monday = monday_of(today);
    let run: Vec<&str> = Day::ALL
        .iter()
        .filter(|d| problem.done()[d.index()].is_some())
        .map(|d| d.name())
        .collect();
    for plan in &mut doc.plans {
        for day in &mut plan.report.days {
            let d = day.day.index();
            day.date = Some(add_days(monday, whole(d)));
            if problem.done()[d].is_some() {
                day.done = true;
                day.workout = None;
                day.distance = None;
            }
        }
        if !run.is_empty() {
            plan.report.notes.insert(
                0,
                format!(
                    "{} already run (done: true): kept as run, with the real minutes and load; the rest of the week is planned around them",
                    run.join(", ")
                ),
            );
        }
    }
}

/// Run `replan`.
///
/// # Errors
/// No history, a bad profile, flag or history file (exit 2), no week fits (exit 3), or
/// output that cannot be written.
pub fn run(args: &ReplanArgs, ctx: &Context) -> Result<()> {
    let profile = load_profile(args.profile.as_deref())?;
    let Some(followed) = follow::read(&args.history, &profile, ctx)? else {
        return Err(flag_error(
            "--history",
            "no history given: name FIT files, GPX tracks, a Strava activities.csv, a log, or folders of them, such as --history ~/watch",
        ));
    };
    let today = followed.today;
    let problem = with_fitness_flags(Problem::new(&profile), &args.fitness, ctx);
    let (problem, mut notes) = week_problem(problem, &followed, today);
    let top = usize::from(args.top.unwrap_or(DEFAULT_TOP));
    let (mut doc, relaxed) = document(&problem, today, top)?;
    notes.extend(relaxed);
    let status = followed.status_at(monday_of(today), problem.params());
    doc.history = Some(followed.used(&status, notes));
    ctx.emit(&doc, args.format, args.out.output.as_deref(), "replan")
}
