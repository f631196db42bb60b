//! The days and the sentence of each broken constraint of docs/model.md section 7, the days read
//! from the marks the score was computed from.

use super::{Facts, ViolationOut, days_in, list_days, pct, possessive};
use crate::catalog::Session;
use crate::model::{Constraint, DayMarks, LongRunRule};
use crate::week::Day;

/// The broken constraint `c`, its days and what to do.
pub(super) fn violation(c: Constraint, f: &Facts) -> ViolationOut {
    let (days, why) = match c {
        Constraint::Availability => availability(f),
        Constraint::HardSessions => hard_sessions(f),
        Constraint::LongRun => long_run(f),
        Constraint::RestDays => rest_days(f),
        Constraint::BackToBack => back_to_back(f),
        Constraint::LongRunCap => long_run_cap(f),
        Constraint::EasyFloor => easy_floor(f),
    };
    ViolationOut { id: c, days, why }
}

/// The days for which `keep` holds, Monday first.
fn pick(keep: &dyn Fn(usize) -> bool) -> Vec<Day> {
    Day::ALL.into_iter().filter(|d| keep(d.index())).collect()
}

/// Availability: the days that break the runner's own day rules.
fn availability(f: &Facts) -> (Vec<Day>, String) {
    let a = f.a;
    let days = days_in(a.marks.breaks_rules);
    let why = format!(
        "{} break{} your availability (a day you cannot train, a fixed or avoided session, or a time cap): move or shorten {}.",
        list_days(&days),
        if days.len() == 1 { "s" } else { "" },
        if days.len() == 1 { "it" } else { "them" }
    );
    (days, why)
}

/// The count of quality sessions against the profile's.
fn hard_sessions(f: &Facts) -> (Vec<Day>, String) {
    let judge = f.judge;
    let a = f.a;
    let s = &f.week.sessions;
    let want = judge.rules.as_ref().map_or(0, |r| r.hard_sessions);
    let days = pick(&|d| s[d].is_quality());
    (
        days,
        format!(
            "The week has {} quality session{}; your profile asks for exactly {want}.",
            a.quality_sessions,
            if a.quality_sessions == 1 { "" } else { "s" }
        ),
    )
}

/// The long run: one, on the profile's day, or none.
fn long_run(f: &Facts) -> (Vec<Day>, String) {
    let judge = f.judge;
    let s = &f.week.sessions;
    let days = pick(&|d| s[d].is_long());
    let why = match judge.rules.as_ref().map(|r| r.long_run) {
        Some(LongRunRule::Never) => "Your profile says no long run, and the week has one.".to_string(),
        Some(LongRunRule::On(day)) => format!(
            "Your profile puts exactly one long run on {}; the week has {} long run{}{}.",
            day.name(),
            days.len(),
            if days.len() == 1 { "" } else { "s" },
            if days.is_empty() {
                String::new()
            } else {
                format!(" ({})", list_days(&days))
            }
        ),
        _ => format!("A week needs exactly one long run; this one has {}.", days.len()),
    };
    (days, why)
}

/// The count of rest days against the profile's least.
fn rest_days(f: &Facts) -> (Vec<Day>, String) {
    let judge = f.judge;
    let a = f.a;
    let s = &f.week.sessions;
    let want = judge.rules.as_ref().map_or(0, |r| r.min_rest_days);
    let days = pick(&|d| s[d] == Session::Rest);
    (
        days,
        format!(
            "The week has {} rest day{}; your profile asks for at least {want}.",
            a.rest_days,
            if a.rest_days == 1 { "" } else { "s" }
        ),
    )
}

/// Quality days in a row.
fn back_to_back(f: &Facts) -> (Vec<Day>, String) {
    let a = f.a;
    let s = &f.week.sessions;
    let first = a.marks.back_to_back;
    let days = pick(&|d| DayMarks::has(first, d) || DayMarks::has(first, (d + 6) % 7));
    let pairs: Vec<String> = (0..7)
        .filter(|&d| DayMarks::has(first, d))
        .map(|d| {
            format!(
                "{} and {}",
                possessive(Day::ALL[d], s[d]),
                possessive(Day::ALL[(d + 1) % 7], s[(d + 1) % 7])
            )
        })
        .collect();
    (
        days,
        format!(
            "Hard days back to back: {}; put an easy day between them.",
            pairs.join("; ")
        ),
    )
}

/// Long runs past the goal's cap.
fn long_run_cap(f: &Facts) -> (Vec<Day>, String) {
    let judge = f.judge;
    let week = f.week;
    let a = f.a;
    let cap = judge.goal.long_run_cap(judge.level);
    let days = days_in(a.marks.over_long_cap);
    let longest = days.iter().map(|d| week.minutes[d.index()]).fold(0.0, f64::max);
    (
        days,
        format!(
            "A long run of {longest:.0} minutes is past the {cap:.0} minutes where it stops building endurance and starts costing recovery."
        ),
    )
}

/// Too little easy running: the days that are not easy.
fn easy_floor(f: &Facts) -> (Vec<Day>, String) {
    let judge = f.judge;
    let a = f.a;
    let s = &f.week.sessions;
    let days = pick(&|d| {
        matches!(
            s[d].class(),
            crate::catalog::Class::Moderate | crate::catalog::Class::Quality
        )
    });
    (
        days,
        format!(
            "Only {} of the minutes are easy (at least {} is the floor): too much moderate-to-hard running.",
            pct(a.metrics.z1),
            pct(judge.params.easy_floor)
        ),
    )
}
