//! One sentence per component of the score (docs/model.md, "Score"), each reading the
//! numbers and marks the score was computed from. The rule-made components (specificity,
//! sessions, rhythm) are in [`super::rules`].

use std::fmt::Write as _;

use super::{Facts, days_word, pct, possessive, rules, s_of};
use crate::catalog::Session;
use crate::model::{Component, DayMarks, key_gaps};
use crate::week::Day;

/// The sentence of component `c`.
pub(super) fn why(c: Component, f: &Facts) -> String {
    match c {
        Component::Volume => volume(f),
        Component::Recovery => recovery(f),
        Component::Spacing => spacing(f),
        Component::Distribution => distribution(f),
        Component::Specificity => rules::specificity(f),
        Component::Sessions => rules::sessions(f),
        Component::Monotony => monotony(f),
        Component::Repeatability => repeatability(f),
        Component::LongRun => long_run(f),
        Component::Rhythm => rules::rhythm(f),
    }
}

/// Volume: the week's minutes against the minutes the runner is used to, and the minutes
/// the plan could not place.
fn volume(f: &Facts) -> String {
    let (judge, a) = (f.judge, f.a);
    let mut why = if a.minutes == 0.0 {
        "There is no running at all: nothing to adapt to.".to_string()
    } else if let Some(current) = judge.current_weekly_minutes {
        let usual = judge.factor * current;
        let r = a.metrics.volume_ratio;
        let how = if (r - 1.0).abs() <= 0.05 {
            "about as much running as".to_string()
        } else if r > 1.0 {
            format!("{} more running than", pct(r - 1.0))
        } else {
            format!("{} less running than", pct(1.0 - r))
        };
        let whose = if (judge.factor - 1.0).abs() < 1e-9 {
            format!("you are used to ({current:.0} minutes a week)")
        } else {
            format!("this week of the block asks ({usual:.0} minutes)")
        };
        format!("The week's {:.0} minutes are {how} {whose}.", a.minutes)
    } else {
        format!(
            "Judged against itself (no profile): its {:.0} minutes are taken as your usual week.",
            a.minutes
        )
    };
    if let Some(weekly) = f.target.weekly_minutes {
        let shortfall = f.week.shortfall;
        if shortfall > 0.5 {
            why.pop();
            let _ = write!(
                why,
                "; the plan places {:.0} of your {weekly:.0} minutes, as its days are at their longest.",
                a.minutes
            );
        } else if shortfall < -0.5 {
            why.pop();
            let _ = write!(
                why,
                "; the plan needs {:.0} minutes, {:.0} over your {weekly:.0}, as its days are at their shortest.",
                a.minutes, -shortfall
            );
        }
    }
    why
}

/// Recovery: the key day that starts on the most tired legs. Leg fatigue before a key day
/// is measured against the day's own load: higher is more tired.
fn recovery(f: &Facts) -> String {
    let a = f.a;
    let s = &f.week.sessions;
    let worst = (0..7)
        .filter_map(|d| a.freshness[d].map(|rho| (d, rho)))
        .max_by(|x, y| x.1.total_cmp(&y.1));
    match worst {
        None => "There is no hard day or long run to recover for.".to_string(),
        Some((d, rho)) if rho <= 1.5 => format!(
            "You start each hard day on fresh legs: the most tired is {}, with leg fatigue {rho:.2} times its load (fresh up to 1.5; higher is more tired).",
            possessive(Day::ALL[d], s[d])
        ),
        Some((d, rho)) => {
            let prev = Day::ALL[(d + 6) % 7];
            let carried = if s[prev.index()] == Session::Rest {
                "the days before".to_string()
            } else {
                possessive(prev, s[prev.index()])
            };
            format!(
                "{} start{} on legs still tired from {carried}: leg fatigue {rho:.2} times its load (fresh up to 1.5, too tired to repeat above {:.1}).",
                possessive(Day::ALL[d], s[d]),
                s_of(s[d]),
                f.judge.params.freshness_limit
            )
        }
    }
}

/// Spacing: the first key session short of the days it needs after it.
fn spacing(f: &Facts) -> String {
    let s = &f.week.sessions;
    let gaps = key_gaps(s);
    let short = f.a.marks.short_of_space();
    let tight: Vec<usize> = (0..7).filter(|&d| DayMarks::has(short, d)).collect();
    if (0..7).all(|d| !s[d].is_key()) {
        "There is no key session to space.".to_string()
    } else if tight.is_empty() {
        "Every key session has the days it needs before the next: one after marathon pace, two after tempo and the long run, three after intervals, hills and races."
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
            "{} come{} {} after {}, which needs {}{more}.",
            possessive(Day::ALL[next], s[next]),
            s_of(s[next]),
            days_word(gaps[d]),
            possessive(Day::ALL[d], s[d]),
            days_word(s[d].gap_days())
        )
    }
}

/// Distribution: the zone shares against the goal's targets.
fn distribution(f: &Facts) -> String {
    let (judge, a) = (f.judge, f.a);
    let m = &a.metrics;
    let dist = judge.goal.distribution();
    if a.minutes == 0.0 {
        return "There is no running to distribute.".to_string();
    }
    let shares = format!("{} easy, {} moderate, {} hard", pct(m.z1), pct(m.z2), pct(m.z3));
    if a.lost[Component::Distribution as usize] == 0.0 {
        return format!(
            "Most running easy, hard running hard, little in between: {shares}, within the {} targets for a {} goal.",
            dist.name,
            judge.goal.id()
        );
    }
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
    format!(
        "{shares}: {} for {} training.",
        super::join_and(&faults),
        dist.name
    )
}

/// Monotony: big days and small days, judged from 1.5.
fn monotony(f: &Facts) -> String {
    let p = &f.judge.params;
    let m = f.a.metrics.monotony;
    if f.a.load == 0.0 {
        "With no load there is no monotony.".to_string()
    } else if m <= p.monotony_from {
        format!(
            "Big days and small days: monotony {m:.2} ({:.1} or less costs nothing).",
            p.monotony_from
        )
    } else if m <= p.monotony_limit {
        format!(
            "Days a little alike: monotony {m:.2}, above {:.1} (a week above {:.1} is not repeatable).",
            p.monotony_from, p.monotony_limit
        )
    } else {
        format!(
            "Every day asks about the same: monotony {m:.2}, above {:.1}, makes the week heavier than its load and not repeatable.",
            p.monotony_limit
        )
    }
}

/// Repeatability: where fatigue peaks when the week is repeated, against its average.
fn repeatability(f: &Facts) -> String {
    let (judge, a) = (f.judge, f.a);
    let p = &judge.params;
    let r = a.metrics.peak_fatigue_ratio;
    let peak_day = (0..7)
        .max_by(|&x, &y| a.state.fatigue[x].total_cmp(&a.state.fatigue[y]))
        .unwrap_or(0);
    let whose = if judge.current_weekly_minutes.is_some() {
        "your usual week at this intensity"
    } else {
        "the week's own average"
    };
    if a.load == 0.0 {
        return "Nothing to repeat: no load.".to_string();
    }
    let day = Day::ALL[peak_day].name();
    if r <= p.fatigue_limit {
        format!(
            "Repeat it and your fatigue stays near its average: it peaks on {day} at {r:.2} times {whose} ({:.1} is flat; above {:.1} the week is not repeatable).",
            p.fatigue_from, p.fatigue_limit
        )
    } else {
        format!(
            "Repeat it and fatigue runs away: it peaks on {day} at {r:.2} times {whose}, above {:.1}.",
            p.fatigue_limit
        )
    }
}

/// The long run: its share of the week against the cap, and how far it stands above the
/// longest other run.
fn long_run(f: &Facts) -> String {
    let (judge, a) = (f.judge, f.a);
    let s = &f.week.sessions;
    let m = &a.metrics;
    let cap = a.long_run_share_cap;
    let longest = (0..7)
        .filter(|&d| s[d].is_long())
        .max_by(|&x, &y| f.week.minutes[x].total_cmp(&f.week.minutes[y]));
    let Some(d) = longest else {
        return if judge.goal.needs_long_run() {
            format!(
                "There is no long run, and a {} goal needs one to anchor the week.",
                judge.goal.id()
            )
        } else {
            format!("No long run, which a {} goal can do without.", judge.goal.id())
        };
    };
    let long = possessive(Day::ALL[d], s[d]);
    let share_over = m.long_run_share > cap + 1e-9;
    let ratio_low = m.long_ratio < 1.5 - 1e-9;
    let share = format!("{} of the minutes (at most {})", pct(m.long_run_share), pct(cap));
    let ratio = if m.long_ratio >= 9.0 {
        "and no other run to compare it with".to_string()
    } else {
        format!("{:.1} times your longest other run (at least 1.5)", m.long_ratio)
    };
    match (share_over, ratio_low) {
        (false, false) => format!("{long} anchors the week without dominating it: {share}, {ratio}."),
        (true, false) if m.long_run_share < cap + 0.05 => {
            format!("{long} is a little long for the week: {share}.")
        }
        (true, false) => format!("{long} dominates the week: {share}."),
        (false, true) => format!("{long} hardly stands out: {ratio}."),
        (true, true) => format!("{long} dominates the week ({share}) yet hardly stands out: {ratio}."),
    }
}
