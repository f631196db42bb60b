//! Validation of a profile file into the domain types the engine reads: every range of
//! limits.rs, every contradiction between fields named with both fields and what to do.

use super::block::check_block;
use super::fitness::check_fitness;
use super::{LongRunDay, Profile, ProfileFile};
use crate::catalog::{Catalog, Level, Session};
use crate::error::{InputError, shown};
use crate::limits::{
    CAP_MINUTES, MAX_DAYS, MAX_HARD_SESSIONS, MAX_NAME_CHARS, MODEL_PARAMS, RPE, SESSION_MINUTES,
    WEEKLY_MINUTES,
};
use crate::model::{LongRunRule, ModelParams, Rules};
use crate::week::Day;

/// A number as a message shows it: 1e300 as `1e300`, not three hundred digits.
pub(super) fn number(v: f64) -> String {
    if v.is_finite() && v.abs() >= 1e9 {
        format!("{v:e}")
    } else {
        v.to_string()
    }
}

pub(super) fn field_err(source: &str, field: impl Into<String>, message: impl Into<String>) -> InputError {
    InputError::Field {
        source_name: source.to_string(),
        field: field.into(),
        message: message.into(),
    }
}

pub(super) fn check_range(
    source: &str,
    field: &str,
    value: f64,
    range: &std::ops::RangeInclusive<f64>,
    unit: &str,
) -> Result<f64, InputError> {
    if value.is_finite() && range.contains(&value) {
        Ok(value)
    } else {
        Err(field_err(
            source,
            field,
            format!(
                "{} is out of range: use {} to {}{unit}",
                number(value),
                range.start(),
                range.end()
            ),
        ))
    }
}

fn parse_session(source: &str, field: &str, name: &str) -> Result<Session, InputError> {
    name.parse::<Session>()
        .map_err(|e| field_err(source, field, e.to_string()))
}

fn check_params(source: &str, p: &ModelParams) -> Result<(), InputError> {
    for (name, range, unit) in &MODEL_PARAMS {
        let value = p.get(name).unwrap_or(f64::NAN);
        check_range(source, &format!("model.{name}"), value, range, unit)?;
    }
    Ok(())
}

pub(super) fn validate(f: ProfileFile, source: &str) -> Result<Profile, InputError> {
    let name = check_name(source, f.name.clone())?;
    let level = f.level.unwrap_or_default();
    let goal = f.goal.unwrap_or_default();
    let (weekly, current) = check_volume(source, &f)?;
    let available = check_days(source, &f)?;
    let caps = check_caps(source, &f)?;
    let catalog = check_sessions(source, &f)?;
    let fixed = check_fixed(source, &f, &available)?;
    let avoid = check_avoid(source, &f, &available, &fixed)?;
    let (hard_sessions, min_rest_days) = check_counts(source, &f, level)?;
    let long_run = match f.long_run_day {
        None => LongRunRule::Any,
        Some(LongRunDay::None) => LongRunRule::Never,
        Some(LongRunDay::Day(d)) => LongRunRule::On(d),
    };
    check_long_run_day(source, long_run, &fixed, &caps, goal.long_run_range(level).0)?;
    let params = f.model.unwrap_or_default();
    check_params(source, &params)?;
    let block = check_block(source, &f.block.unwrap_or_default())?;
    let fitness = check_fitness(source, f.fitness.as_ref())?;
    let heart_rates = super::heart::check_heart(source, f.max_hr, f.rest_hr)?;

    Ok(Profile {
        name,
        level,
        goal,
        weekly_minutes: weekly,
        current_weekly_minutes: current,
        rules: Rules {
            available,
            fixed,
            avoid,
            caps,
            hard_sessions,
            long_run,
            min_rest_days,
            allow_back_to_back: f.allow_back_to_back.unwrap_or(false),
        },
        cross_training: f.cross_training.unwrap_or(false),
        catalog,
        params,
        block,
        fitness,
        units: f.units.unwrap_or_default(),
        heart_rates,
        history: super::heart::history_paths(f.history, None),
    })
}

/// The name shown in output: at most [`MAX_NAME_CHARS`] characters on one line.
fn check_name(source: &str, name: Option<String>) -> Result<String, InputError> {
    let name = name.unwrap_or_else(|| "unnamed runner".to_string());
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(field_err(
            source,
            "name",
            format!(
                "it has {} characters; use at most {MAX_NAME_CHARS}",
                name.chars().count()
            ),
        ));
    }
    if let Some(c) = name.chars().find(|c| c.is_control()) {
        return Err(field_err(
            source,
            "name",
            format!(
                "it holds the control character {}; the name is printed on terminals: use plain text on one line",
                c.escape_default()
            ),
        ));
    }
    Ok(name)
}

/// The weekly minutes asked and the minutes the runner is used to (default: the same).
fn check_volume(source: &str, f: &ProfileFile) -> Result<(f64, f64), InputError> {
    let weekly = check_range(
        source,
        "weekly_minutes",
        f.weekly_minutes,
        &WEEKLY_MINUTES,
        " minutes",
    )?;
    let current = match f.current_weekly_minutes {
        Some(c) => check_range(source, "current_weekly_minutes", c, &WEEKLY_MINUTES, " minutes")?,
        None => weekly,
    };

    Ok((weekly, current))
}

/// The days the runner can train: `available_days` less `rest_days`.
fn check_days(source: &str, f: &ProfileFile) -> Result<[bool; 7], InputError> {
    let mut available = [f.available_days.is_none(); 7];
    for d in f.available_days.iter().flatten() {
        available[d.index()] = true;
    }
    if !available.iter().any(|&a| a) {
        return Err(field_err(
            source,
            "available_days",
            "no day is available; list the days you can train, such as [mon, wed, sat]",
        ));
    }
    for d in f.rest_days.iter().flatten() {
        available[d.index()] = false;
    }

    Ok(available)
}

/// The per-day caps of `max_minutes`.
fn check_caps(source: &str, f: &ProfileFile) -> Result<[Option<f64>; 7], InputError> {
    let mut caps = [None; 7];
    for (d, &cap) in f.max_minutes.iter().flatten() {
        caps[d.index()] = Some(check_range(
            source,
            &format!("max_minutes.{d}"),
            cap,
            &CAP_MINUTES,
            " minutes",
        )?);
    }

    Ok(caps)
}

/// The catalog with the profile's `sessions:` overrides.
fn check_sessions(source: &str, f: &ProfileFile) -> Result<Catalog, InputError> {
    let mut catalog = Catalog::default();
    for (id, o) in f.sessions.iter().flatten() {
        let field = format!("sessions.{}", shown(id, 40));
        let session = parse_session(source, &field, id)?;
        if session == Session::Rest {
            return Err(field_err(source, field, "rest has no minutes or RPE to override"));
        }
        let minutes = o
            .minutes
            .map(|m| {
                check_range(
                    source,
                    &format!("{field}.minutes"),
                    m,
                    &SESSION_MINUTES,
                    " minutes",
                )
            })
            .transpose()?;
        let rpe = o
            .rpe
            .map(|r| check_range(source, &format!("{field}.rpe"), r, &RPE, ""))
            .transpose()?;
        catalog.set(session, rpe, minutes);
    }

    Ok(catalog)
}

/// The `fixed` sessions, each on a day the runner can train (or rest).
fn check_fixed(
    source: &str,
    f: &ProfileFile,
    available: &[bool; 7],
) -> Result<[Option<Session>; 7], InputError> {
    let mut fixed = [None; 7];
    for (d, name) in f.fixed.iter().flatten() {
        let field = format!("fixed.{d}");
        let session = parse_session(source, &field, name)?;
        if session != Session::Rest && !available[d.index()] {
            return Err(field_err(
                source,
                field,
                format!(
                    "{} is fixed as {session} but is not a training day (available_days or rest_days); remove one of the two",
                    d.name()
                ),
            ));
        }
        fixed[d.index()] = Some(session);
    }

    Ok(fixed)
}

/// The `avoid` lists as masks, none contradicting a rest day or a fixed session.
fn check_avoid(
    source: &str,
    f: &ProfileFile,
    available: &[bool; 7],
    fixed: &[Option<Session>; 7],
) -> Result<[u16; 7], InputError> {
    let mut avoid = [0u16; 7];
    for (d, names) in f.avoid.iter().flatten() {
        for name in names {
            let field = format!("avoid.{d}");
            let session = parse_session(source, &field, name)?;
            // A day that is not a training day must be rest: it cannot avoid it too.
            if session == Session::Rest && !available[d.index()] {
                let why = if f.rest_days.iter().flatten().any(|r| r == d) {
                    "rest_days makes it a rest day"
                } else {
                    "it is not in available_days, so it is a rest day"
                };
                return Err(field_err(
                    source,
                    field,
                    format!("{} avoids rest, but {why}; remove one of the two", d.name()),
                ));
            }
            if fixed[d.index()] == Some(session) {
                return Err(field_err(
                    source,
                    field,
                    format!("{} fixes {session} and avoids it too; keep one", d.name()),
                ));
            }
            avoid[d.index()] |= 1 << session.index();
        }
    }

    Ok(avoid)
}

/// `hard_sessions` and `min_rest_days`, with the level's defaults.
fn check_counts(source: &str, f: &ProfileFile, level: Level) -> Result<(u8, u8), InputError> {
    let hard_sessions = f.hard_sessions.unwrap_or_else(|| level.default_hard_sessions());
    if hard_sessions > MAX_HARD_SESSIONS {
        return Err(field_err(
            source,
            "hard_sessions",
            format!("{hard_sessions} is out of range: use 0 to {MAX_HARD_SESSIONS}"),
        ));
    }
    let min_rest_days = f.min_rest_days.unwrap_or_else(|| level.default_min_rest_days());
    if min_rest_days > MAX_DAYS {
        return Err(field_err(
            source,
            "min_rest_days",
            format!("{min_rest_days} is out of range: use 0 to {MAX_DAYS}"),
        ));
    }
    Ok((hard_sessions, min_rest_days))
}

/// A day that must hold the long run (`long_run_day`, or a long session in `fixed`) is not
/// capped below the goal's shortest long run.
fn check_long_run_day(
    source: &str,
    long_run: LongRunRule,
    fixed: &[Option<Session>; 7],
    caps: &[Option<f64>; 7],
    shortest: f64,
) -> Result<(), InputError> {
    // Its "long run" would be a short easy run.
    for d in Day::ALL {
        let Some(cap) = caps[d.index()].filter(|&c| c < shortest) else {
            continue;
        };
        let field = if long_run == LongRunRule::On(d) {
            "long_run_day".to_string()
        } else if fixed[d.index()].is_some_and(Session::is_long) {
            format!("fixed.{d}")
        } else {
            continue;
        };
        return Err(field_err(
            source,
            &field,
            format!(
                "{} holds the long run, but max_minutes.{d} caps the day at {} minutes, below the shortest long run of your goal ({} minutes); raise the cap to at least {} or put the long run on another day",
                d.name(),
                number(cap),
                number(shortest),
                number(shortest)
            ),
        ));
    }
    Ok(())
}
