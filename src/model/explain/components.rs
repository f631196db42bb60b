//! One sentence per component of MODEL.md section 5, each reading the numbers and marks
//! the score was computed from.

use std::fmt::Write as _;

use super::{Facts, days_in, days_word, join_and, list_days, pct, possessive};
use crate::catalog::Session;
use crate::model::{Component, DayMarks, key_gaps};
use crate::week::Day;

/// The sentence of component `c`.
pub(super) fn why(c: Component, f: &Facts) -> String {
    match c {
        Component::Stress => stress(f),
        Component::Recovery => recovery(f),
        Component::Spacing => spacing(f),
        Component::Distribution => distribution(f),
        Component::Monotony => monotony(f),
        Component::Repeatability => repeatability(f),
        Component::LongRun => long_run(f),
        Component::Rhythm => rhythm(f),
    }
}

/// Stress: the week's load against what the runner is ready for, and the minutes the plan could not place.
fn stress(f: &Facts) -> String {
    let judge = f.judge;
    let week = f.week;
    let a = f.a;
    let target = f.target;
    let m = &f.a.metrics;
    let mut why = if a.load == 0.0 {
        "There is no training load at all: nothing to adapt to.".to_string()
    } else if judge.c0.is_none() {
        format!(
            "Judged against itself (no profile): a week of {:.0} minutes and load {:.0} asks exactly what it gives.",
            a.minutes, a.load
        )
    } else {
        let r = m.stress_ratio;
        let how = if (r - 1.0).abs() <= 0.05 {
            "about as much as you are ready for".to_string()
        } else if r > 1.0 {
            format!("{} more than you are ready for", pct(r - 1.0))
        } else {
            format!("{} less than you are ready for", pct(1.0 - r))
        };
        format!("The week's load {:.0} asks {how} (stress ratio {r:.2}).", a.load)
    };
    if let Some(weekly) = target.weekly_minutes {
        if week.shortfall > 0.5 {
            why.pop();
            let _ = write!(
                why,
                "; the plan places {:.0} of your {weekly:.0} minutes, as the easy days are at their limits.",
                a.minutes
            );
        } else if week.shortfall < -0.5 {
            why.pop();
            let _ = write!(
                why,
                "; the plan needs {:.0} minutes, {:.0} over your {weekly:.0}, as the easy days are at their floor.",
                a.minutes, -week.shortfall
            );
        }
    }
    why
}

/// Recovery: the most loaded key day and the legs it starts on.
fn recovery(f: &Facts) -> String {
    let a = f.a;
    let s = &f.week.sessions;
    let worst = (0..7)
        .filter_map(|d| a.freshness[d].map(|rho| (d, rho)))
        .max_by(|x, y| x.1.total_cmp(&y.1));
    match worst {
        None => "There is no hard day or long run to recover for.".to_string(),
        Some((d, rho)) if rho <= 1.5 => format!(
            "You start each hard day with fresh legs (most loaded: {}, freshness {rho:.2}, fresh up to 1.5).",
            possessive(Day::ALL[d], s[d])
        ),
        Some((d, rho)) => {
            let prev = Day::ALL[(d + 6) % 7];
            format!(
                "{} starts on legs still carrying {} (freshness {rho:.2}; fresh up to 1.5, spent at 2.2).",
                possessive(Day::ALL[d], s[d]),
                if s[prev.index()] == Session::Rest {
                    "the days before".to_string()
                } else {
                    possessive(prev, s[prev.index()])
                }
            )
        }
    }
}

/// Spacing: the first key session short of the easy days it needs after it.
fn spacing(f: &Facts) -> String {
    let a = f.a;
    let s = &f.week.sessions;
    let gaps = key_gaps(s);
    let short = a.marks.short_of_space();
    let tight: Vec<usize> = (0..7).filter(|&d| DayMarks::has(short, d)).collect();
    if (0..7).all(|d| !s[d].is_key()) {
        "There is no key session to space.".to_string()
    } else if tight.is_empty() {
        "Every key session has the easy days it needs after it: one after a hard day, two after the hardest."
            .to_string()
    } else {
        let d = tight[0];
        let next = (d + usize::from(gaps[d])) % 7;
        let more = if tight.len() > 1 {
            format!(" ({} key sessions are short of space)", tight.len())
        } else {
            String::new()
        };
        format!(
            "{} comes {} after {}, which needs {}{more}.",
            possessive(Day::ALL[next], s[next]),
            days_word(gaps[d]),
            possessive(Day::ALL[d], s[d]),
            days_word(s[d].gap_days())
        )
    }
}

/// Distribution: the zone shares against the goal's targets.
fn distribution(f: &Facts) -> String {
    let judge = f.judge;
    let a = f.a;
    let m = &f.a.metrics;
    let dist = judge.goal.distribution();
    if a.minutes == 0.0 {
        return "There is no running to distribute.".to_string();
    }
    let shares = format!("{} easy, {} moderate, {} hard", pct(m.z1), pct(m.z2), pct(m.z3));
    if a.lost[3] == 0.0 {
        format!(
            "Most running easy, hard running hard, little in between: {shares}, within the {} targets for a {} goal.",
            dist.name,
            judge.goal.id()
        )
    } else {
        let mut faults = Vec::new();
        if m.z1 < dist.z1_min {
            faults.push(format!("too little easy running (at least {})", pct(dist.z1_min)));
        }
        if m.z2 > dist.z2_max {
            faults.push(format!(
                "too much moderate running (at most {})",
                pct(dist.z2_max)
            ));
        }
        if m.z3 > dist.z3_max {
            faults.push(format!("too much hard running (at most {})", pct(dist.z3_max)));
        }
        format!("{shares}: {} for {} training.", join_and(&faults), dist.name)
    }
}

/// Monotony: big days and small days.
fn monotony(f: &Facts) -> String {
    let judge = f.judge;
    let a = f.a;
    let m = &f.a.metrics;
    if a.load == 0.0 {
        "With no load there is no monotony.".to_string()
    } else if m.monotony <= judge.params.monotony_limit {
        format!(
            "Big days and small days: monotony {:.2} (below {:.1}; below 1.5 is better still).",
            m.monotony, judge.params.monotony_limit
        )
    } else {
        format!(
            "Every day asks about the same: monotony {:.2} (keep it below {:.1}) makes the week heavier than its load.",
            m.monotony, judge.params.monotony_limit
        )
    }
}

/// Repeatability: where fatigue peaks when the week is repeated.
fn repeatability(f: &Facts) -> String {
    let judge = f.judge;
    let a = f.a;
    let m = &f.a.metrics;
    let peak_day = (0..7)
        .max_by(|&x, &y| a.state.fatigue[x].total_cmp(&a.state.fatigue[y]))
        .unwrap_or(0);
    let whose = if judge.c0.is_some() {
        "your usual"
    } else {
        "the week's own"
    };
    if a.load == 0.0 {
        "Nothing to repeat: no load.".to_string()
    } else if m.peak_fatigue_ratio <= judge.params.fatigue_limit {
        format!(
            "Repeat it and your fatigue stays within reach: it peaks on {} at {:.2} times {whose} daily load (limit {:.1}).",
            Day::ALL[peak_day].name(),
            m.peak_fatigue_ratio,
            judge.params.fatigue_limit
        )
    } else {
        format!(
            "Repeat it and fatigue runs away: it peaks on {} at {:.2} times {whose} daily load (limit {:.1}).",
            Day::ALL[peak_day].name(),
            m.peak_fatigue_ratio,
            judge.params.fatigue_limit
        )
    }
}

/// The long run: its share of the week against the cap.
fn long_run(f: &Facts) -> String {
    let judge = f.judge;
    let a = f.a;
    let s = &f.week.sessions;
    let m = &f.a.metrics;
    let cap = a.long_run_share_cap;
    let long = (0..7).find(|&d| s[d].is_long());
    match long {
        None if judge.goal.needs_long_run() => format!(
            "There is no long run, and a {} goal needs one to anchor the week.",
            judge.goal.id()
        ),
        None => "No long run, which a goal of this distance can do without.".to_string(),
        Some(d) if a.lost[6] == 0.0 => format!(
            "{} anchors the week without dominating it: {} of the minutes (at most {}).",
            possessive(Day::ALL[d], s[d]),
            pct(m.long_run_share),
            pct(cap)
        ),
        Some(d) => format!(
            "{} dominates the week: {} of the minutes, above {} for a week of {:.0} minutes.",
            possessive(Day::ALL[d], s[d]),
            pct(m.long_run_share),
            pct(cap),
            a.minutes
        ),
    }
}

/// Rhythm: rest days stacked on days the runner could train.
fn rhythm(f: &Facts) -> String {
    let a = f.a;
    let stacked = days_in(a.marks.stacked_rest);
    if a.rest_days == 0 {
        "No rest day: the rhythm comes from easy days alone.".to_string()
    } else if stacked.is_empty() {
        "Rest days are spread through the week, not stacked.".to_string()
    } else {
        format!(
            "{} follow{} another rest day on a day you could train: spread rest through the week.",
            list_days(&stacked),
            if stacked.len() == 1 { "s" } else { "" }
        )
    }
}
