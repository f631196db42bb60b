//! Why no week fits: try relaxing each of the runner's constraints alone and report the
//! ones that let weeks through. Explaining the failure is data; rendering it is Display.

use super::{NoWeekFits, Relaxation, Search};
use crate::model::LongRunRule;
use crate::problem::Problem;
use crate::week::Day;

fn day_list(mask: &[bool; 7]) -> String {
    Day::ALL
        .iter()
        .filter(|d| mask[d.index()])
        .map(|d| d.id())
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the profile asks, in words, for the message.
fn asks(p: &Problem) -> Vec<String> {
    let r = &p.rules;
    let mut out = Vec::new();
    let days = r.available.iter().filter(|&&a| a).count();
    out.push(format!(
        "{} ({})",
        crate::error::counted(days as u64, "training day"),
        day_list(&r.available)
    ));
    out.push(format!(
        "exactly {} hard session{}",
        r.hard_sessions,
        if r.hard_sessions == 1 { "" } else { "s" }
    ));
    out.push(match r.long_run {
        LongRunRule::Any => "one long run".to_string(),
        LongRunRule::On(d) => format!("the long run on {}", d.id()),
        LongRunRule::Never => "no long run".to_string(),
    });
    if r.min_rest_days > 0 {
        out.push(format!(
            "at least {} rest day{}",
            r.min_rest_days,
            if r.min_rest_days == 1 { "" } else { "s" }
        ));
    }
    if !r.allow_back_to_back {
        out.push("no hard days back to back".to_string());
    }
    let fixed: Vec<String> = Day::ALL
        .iter()
        .filter_map(|d| r.fixed[d.index()].map(|s| format!("{} {s}", d.id())))
        .collect();
    if !fixed.is_empty() {
        out.push(format!("fixed {}", fixed.join(", ")));
    }
    let caps: Vec<String> = Day::ALL
        .iter()
        .filter_map(|d| r.caps[d.index()].map(|c| format!("{} <= {c:.0} min", d.id())))
        .collect();
    if !caps.is_empty() {
        out.push(format!("caps {}", caps.join(", ")));
    }
    out.push(format!(
        "{:.0} minutes a week (used to {:.0})",
        p.weekly_minutes, p.current_weekly_minutes
    ));
    out
}

fn repeatable_weeks(p: &Problem) -> u64 {
    Search::new(p).count_repeatable()
}

/// Volume steps tried between what the runner is used to and what the profile asks.
const VOLUME_STEPS: u32 = 6;

/// When the volume asked is far from the volume the runner is used to, the fatigue of the
/// jump (or too few minutes for the structure) can be what leaves no week: offer the volume
/// nearest to the one asked that works, and, when none between the two does, the base the
/// plan needs (the smallest `current_weekly_minutes` that makes it work).
fn volume_relaxations(p: &Problem, try_change: &mut impl FnMut(&'static str, String, Problem) -> bool) {
    let (asked, used) = (p.weekly_minutes, p.current_weekly_minutes);
    // From the volume asked towards the one the runner is used to: the first that works.
    for k in 1..=VOLUME_STEPS {
        let w = (asked + (used - asked) * f64::from(k) / f64::from(VOLUME_STEPS)).round();
        let v = p.clone().with_weekly_minutes(w);
        let change = if k == VOLUME_STEPS {
            format!("{asked:.0} -> {w:.0} (what you are used to; build up over a block)")
        } else {
            format!("{asked:.0} -> {w:.0} (nearer the {used:.0} you are used to)")
        };
        if try_change("weekly_minutes", change, v) {
            return;
        }
    }
    // No volume between the two works: the structure needs a larger base.
    for k in 1..=VOLUME_STEPS {
        let c = (used + (asked - used) * f64::from(k) / f64::from(VOLUME_STEPS)).round();
        let v = p.clone().with_current_weekly_minutes(c);
        let change = format!(
            "{used:.0} -> {c:.0} if you already run that much; if not, build up to it with easy running first"
        );
        if try_change("current_weekly_minutes", change, v) {
            return;
        }
    }
}

/// The typed failure for a profile whose search found no repeatable week.
pub(super) fn no_week_fits(p: &Problem, feasible: u64) -> NoWeekFits {
    let r = &p.rules;
    let mut relaxations = Vec::new();
    let mut try_change = |field: &'static str, change: String, variant: Problem| {
        let weeks = repeatable_weeks(&variant);
        if weeks > 0 {
            relaxations.push(Relaxation { field, change, weeks });
        }
        weeks > 0
    };

    // The hard-session count nearest to the one asked that works.
    let mut by_distance: Vec<u8> = (0..=crate::limits::MAX_HARD_SESSIONS)
        .filter(|&n| n != r.hard_sessions)
        .collect();
    by_distance.sort_by_key(|&n| (n.abs_diff(r.hard_sessions), n));
    for n in by_distance {
        let v = p.clone().with_hard_sessions(n);
        if try_change("hard_sessions", format!("{} -> {n}", r.hard_sessions), v) {
            break;
        }
    }
    for n in (0..r.min_rest_days).rev() {
        let v = p.clone().with_min_rest_days(n);
        if try_change("min_rest_days", format!("{} -> {n}", r.min_rest_days), v) {
            break;
        }
    }
    if let LongRunRule::On(d) = r.long_run {
        let v = p.clone().with_long_run(LongRunRule::Any);
        try_change(
            "long_run_day",
            format!("{} -> omitted (the search picks the day)", d.id()),
            v,
        );
    }
    if r.long_run != LongRunRule::Never {
        let v = p.clone().with_long_run(LongRunRule::Never);
        try_change("long_run_day", "none (a week without a long run)".to_string(), v);
    }
    if !r.allow_back_to_back {
        let v = p.clone().with_back_to_back(true);
        try_change("allow_back_to_back", "true".to_string(), v);
    }
    if r.fixed.iter().any(Option::is_some) {
        let v = p.clone().without_fixed();
        try_change("fixed", "remove the fixed sessions".to_string(), v);
    }
    if r.avoid.iter().any(|&m| m != 0) {
        let v = p.clone().without_avoid();
        try_change("avoid", "remove the avoided sessions".to_string(), v);
    }
    if r.caps.iter().any(Option::is_some) {
        let v = p.clone().without_caps();
        try_change("max_minutes", "remove the per-day caps".to_string(), v);
    }
    if r.available.iter().any(|&a| !a) {
        let v = p.clone().with_every_day_available();
        try_change(
            "available_days",
            format!("train on more days than {}", day_list(&r.available)),
            v,
        );
    }
    if (p.current_weekly_minutes - p.weekly_minutes).abs() > 0.5 {
        volume_relaxations(p, &mut try_change);
    }
    NoWeekFits {
        profile: p.name.clone(),
        feasible,
        asks: asks(p),
        relaxations,
    }
}
