//! Why no week fits: try relaxing each of the runner's constraints alone and report the
//! ones that let weeks through. Explaining the failure is data; rendering it is Display.

use std::fmt;

use super::{NoWeekFits, Search};
use crate::model::LongRunRule;
use crate::profile::Profile;
use crate::week::Day;

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
            "{}: {} ({} repeatable weeks would fit)",
            self.field, self.change, self.weeks
        )
    }
}

fn day_list(mask: &[bool; 7]) -> String {
    Day::ALL
        .iter()
        .filter(|d| mask[d.index()])
        .map(|d| d.id())
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the profile asks, in words, for the message.
fn asks(p: &Profile) -> Vec<String> {
    let r = &p.rules;
    let mut out = Vec::new();
    let days = r.available.iter().filter(|&&a| a).count();
    out.push(format!("{days} training days ({})", day_list(&r.available)));
    out.push(format!("exactly {} hard sessions", r.hard_sessions));
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

fn repeatable_weeks(p: &Profile) -> u64 {
    Search::new(p).count().1
}

/// The typed failure for a profile whose search found no repeatable week.
pub(super) fn explain(p: &Profile, feasible: u64) -> NoWeekFits {
    let r = &p.rules;
    let mut relaxations = Vec::new();
    let mut try_change = |field: &'static str, change: String, variant: Profile| {
        let weeks = repeatable_weeks(&variant);
        if weeks > 0 {
            relaxations.push(Relaxation { field, change, weeks });
        }
        weeks > 0
    };

    // The hard-session count nearest to the one asked that works.
    let mut by_distance: Vec<u8> = (0..=crate::profile::MAX_HARD_SESSIONS)
        .filter(|&n| n != r.hard_sessions)
        .collect();
    by_distance.sort_by_key(|&n| (n.abs_diff(r.hard_sessions), n));
    for n in by_distance {
        let mut v = p.clone();
        v.rules.hard_sessions = n;
        if try_change("hard_sessions", format!("{} -> {n}", r.hard_sessions), v) {
            break;
        }
    }
    for n in (0..r.min_rest_days).rev() {
        let mut v = p.clone();
        v.rules.min_rest_days = n;
        if try_change("min_rest_days", format!("{} -> {n}", r.min_rest_days), v) {
            break;
        }
    }
    if let LongRunRule::On(d) = r.long_run {
        let mut v = p.clone();
        v.rules.long_run = LongRunRule::Any;
        try_change(
            "long_run_day",
            format!("{} -> omitted (the search picks the day)", d.id()),
            v,
        );
    }
    if r.long_run != LongRunRule::Never {
        let mut v = p.clone();
        v.rules.long_run = LongRunRule::Never;
        try_change("long_run_day", "none (a week without a long run)".to_string(), v);
    }
    if !r.allow_back_to_back {
        let mut v = p.clone();
        v.rules.allow_back_to_back = true;
        try_change("allow_back_to_back", "true".to_string(), v);
    }
    if r.fixed.iter().any(Option::is_some) {
        let mut v = p.clone();
        v.rules.fixed = [None; 7];
        try_change("fixed", "remove the fixed sessions".to_string(), v);
    }
    if r.avoid.iter().any(|&m| m != 0) {
        let mut v = p.clone();
        v.rules.avoid = [0; 7];
        try_change("avoid", "remove the avoided sessions".to_string(), v);
    }
    if r.caps.iter().any(Option::is_some) {
        let mut v = p.clone();
        v.rules.caps = [None; 7];
        try_change("max_minutes", "remove the per-day caps".to_string(), v);
    }
    if r.available.iter().any(|&a| !a) {
        let mut v = p.clone();
        v.rules.available = [true; 7];
        try_change(
            "available_days",
            format!("train on more days than {}", day_list(&r.available)),
            v,
        );
    }
    if (p.current_weekly_minutes - p.weekly_minutes).abs() > 0.5 {
        let mut v = p.clone();
        v.weekly_minutes = p.current_weekly_minutes;
        try_change(
            "weekly_minutes",
            format!(
                "{:.0} -> {:.0} (what you are used to; build up over a block)",
                p.weekly_minutes, p.current_weekly_minutes
            ),
            v,
        );
    }
    NoWeekFits {
        profile: p.name.clone(),
        feasible,
        asks: asks(p),
        relaxations,
    }
}
