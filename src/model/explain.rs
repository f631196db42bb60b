//! From numbers to reasons: the report of one week, with a sentence per component, the
//! days behind each violation, and notes in the language of the article the product grew
//! from ("Friday's tempo comes two days after Tuesday's intervals", not "spacing 0.5").

use std::fmt::Write as _;

use serde::Serialize;

use super::{
    Assessment, Component, Constraint, DayMarks, Judge, LongRunRule, Metrics, Verdict, WeekLoads, key_gaps,
};
use crate::catalog::Session;
use crate::week::Day;

/// One day of a plan as printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayOut {
    /// Weekday.
    pub day: Day,
    /// Calendar date, in blocks and calendars.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<jiff::civil::Date>,
    /// Session id.
    pub session: Session,
    /// Minutes.
    pub minutes: f64,
    /// Load (sRPE x minutes).
    pub load: f64,
}

/// Totals of a week.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Totals {
    /// Minutes.
    pub minutes: f64,
    /// Load.
    pub load: f64,
    /// Quality sessions.
    pub quality_sessions: u8,
    /// Rest days.
    pub rest_days: u8,
}

/// One component's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComponentOut {
    /// Component id.
    pub id: Component,
    /// Points the component is worth.
    pub points: f64,
    /// Points lost.
    pub lost: f64,
    /// One sentence: why.
    pub why: String,
}

/// One broken constraint.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ViolationOut {
    /// Constraint id.
    pub id: Constraint,
    /// The days involved.
    pub days: Vec<Day>,
    /// One sentence: what is broken and how to mend it.
    pub why: String,
}

/// The explained result of scoring one week: the plan object of CLI.md.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// 0..100.
    pub score: f64,
    /// Balanced, watch or unbalanced.
    pub verdict: Verdict,
    /// A repeatable fixed point of the model.
    pub repeatable: bool,
    /// Seven days, Monday first.
    pub days: Vec<DayOut>,
    /// Totals.
    pub totals: Totals,
    /// Metrics of MODEL.md section 4.
    pub metrics: Metrics,
    /// Every component, in the order of MODEL.md section 5.
    pub components: Vec<ComponentOut>,
    /// Broken constraints.
    pub violations: Vec<ViolationOut>,
    /// What a runner should read.
    pub notes: Vec<String>,
}

/// Facts about the runner that sentences mention.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Target {
    /// Target weekly minutes, if the profile gives one.
    pub weekly_minutes: Option<f64>,
}

/// "Monday", "Monday and Friday", "Monday, Tuesday and Friday".
#[must_use]
pub fn list_days(days: &[Day]) -> String {
    join_and(&days.iter().map(|d| d.name().to_string()).collect::<Vec<_>>())
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn possessive(day: Day, session: Session) -> String {
    format!("{}'s {}", day.name(), session.prose())
}

/// The days of a mask of [`DayMarks`], Monday first.
fn days_in(mask: u8) -> Vec<Day> {
    Day::ALL
        .into_iter()
        .filter(|d| DayMarks::has(mask, d.index()))
        .collect()
}

fn pct(x: f64) -> String {
    format!("{:.0} %", x * 100.0)
}

fn days_word(n: u8) -> &'static str {
    match n {
        1 => "one day",
        2 => "two days",
        3 => "three days",
        4 => "four days",
        5 => "five days",
        6 => "six days",
        _ => "a week",
    }
}

/// Explain an assessment for a runner.
#[must_use]
pub fn explain(judge: &Judge, week: &WeekLoads, a: &Assessment, target: Target) -> Report {
    let days = Day::ALL
        .iter()
        .map(|&d| DayOut {
            day: d,
            date: None,
            session: week.sessions[d.index()],
            minutes: week.minutes[d.index()],
            load: week.load[d.index()],
        })
        .collect();
    let components = Component::ALL
        .iter()
        .enumerate()
        .map(|(i, &c)| ComponentOut {
            id: c,
            points: c.points(),
            lost: a.lost[i],
            why: component_why(c, judge, week, a, target),
        })
        .collect();
    let violations = a
        .violations
        .iter()
        .map(|c| violation_out(c, judge, week, a))
        .collect();
    Report {
        score: a.score,
        verdict: a.verdict,
        repeatable: a.repeatable,
        days,
        totals: Totals {
            minutes: a.minutes,
            load: a.load,
            quality_sessions: a.quality_sessions,
            rest_days: a.rest_days,
        },
        metrics: a.metrics,
        components,
        violations,
        notes: notes(judge, week, a, target),
    }
}

/// What fills the days strictly between `from` and `to` (around the week), in words.
fn between(s: &[Session; 7], from: usize, to: usize) -> &'static str {
    let days: Vec<Session> = (1..7).map(|k| s[(from + k) % 7]).collect();
    let span = (to + 7 - from) % 7;
    let inner = &days[..span.saturating_sub(1)];
    if inner.contains(&Session::Moderate) {
        "a grey-zone moderate run"
    } else if inner.iter().all(|&x| x == Session::Rest) {
        "rest"
    } else {
        "easy running"
    }
}

/// The key day before `d` around the week, if any other.
fn previous_key(s: &[Session; 7], d: usize) -> Option<usize> {
    (1..7).map(|k| (d + 7 - k) % 7).find(|&e| s[e].is_key())
}

#[allow(clippy::too_many_lines)] // One sentence per component, in the order of MODEL.md.
fn component_why(c: Component, judge: &Judge, week: &WeekLoads, a: &Assessment, target: Target) -> String {
    let s = &week.sessions;
    let m = &a.metrics;
    match c {
        Component::Stress => {
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
        Component::Recovery => {
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
        Component::Spacing => {
            let gaps = key_gaps(s);
            let short = a.marks.short_of_space();
            let tight: Vec<usize> = (0..7).filter(|&d| DayMarks::has(short, d)).collect();
            if (0..7).all(|d| !s[d].is_key()) {
                "There is no key session to space.".to_string()
            } else if tight.is_empty() {
                "Every key session has the easy days it needs after it: one after a hard day, two after the hardest.".to_string()
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
        Component::Distribution => {
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
        Component::Monotony => {
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
        Component::Repeatability => {
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
        Component::LongRun => {
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
        Component::Rhythm => {
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
    }
}

#[allow(clippy::too_many_lines)] // One sentence per constraint, in the order of MODEL.md.
fn violation_out(c: Constraint, judge: &Judge, week: &WeekLoads, a: &Assessment) -> ViolationOut {
    let s = &week.sessions;
    let pick =
        |f: &dyn Fn(usize) -> bool| -> Vec<Day> { Day::ALL.into_iter().filter(|d| f(d.index())).collect() };
    let (days, why) = match c {
        Constraint::Availability => {
            let days = days_in(a.marks.breaks_rules);
            let why = format!(
                "{} break{} your availability (a day you cannot train, a fixed or avoided session, or a time cap): move or shorten {}.",
                list_days(&days),
                if days.len() == 1 { "s" } else { "" },
                if days.len() == 1 { "it" } else { "them" }
            );
            (days, why)
        }
        Constraint::HardSessions => {
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
        Constraint::LongRun => {
            let days = pick(&|d| s[d].is_long());
            let why = match judge.rules.as_ref().map(|r| r.long_run) {
                Some(LongRunRule::Never) => {
                    "Your profile says no long run, and the week has one.".to_string()
                }
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
        Constraint::RestDays => {
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
        Constraint::BackToBack => {
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
        Constraint::LongRunCap => {
            let cap = judge.goal.long_run_cap();
            let days = days_in(a.marks.over_long_cap);
            let longest = days.iter().map(|d| week.minutes[d.index()]).fold(0.0, f64::max);
            (
                days,
                format!(
                    "A long run of {longest:.0} minutes is past the {cap:.0} minutes where it stops building endurance and starts costing recovery."
                ),
            )
        }
        Constraint::EasyFloor => {
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
    };
    ViolationOut { id: c, days, why }
}

#[allow(clippy::too_many_lines)] // One list of notes, in the order a runner reads them.
fn notes(judge: &Judge, week: &WeekLoads, a: &Assessment, target: Target) -> Vec<String> {
    let s = &week.sessions;
    let mut notes = Vec::new();
    let stacking = a.violations.contains(Constraint::BackToBack) || a.lost[2] > 0.0 || a.lost[1] > 0.0;
    let grey =
        a.metrics.z2 > judge.goal.distribution().z2_max || a.violations.contains(Constraint::EasyFloor);
    let headline = match (a.verdict, a.repeatable) {
        (Verdict::Balanced, true) => {
            "Each session supports the next: stress is absorbed and the week stays repeatable.".to_string()
        }
        _ if a.load == 0.0 => "No training: rest is not a plan on its own.".to_string(),
        _ => {
            let mut parts = Vec::new();
            if stacking {
                parts.push("stress stacks up");
            }
            if grey {
                parts.push("moderate running crowds out easy running");
            }
            if a.metrics.monotony > judge.params.monotony_limit {
                parts.push("every day feels the same");
            }
            if a.metrics.peak_fatigue_ratio > judge.params.fatigue_limit {
                parts.push("fatigue outgrows what you are used to");
            }
            if parts.is_empty() {
                format!(
                    "The week holds together but has room to improve (score {:.0}).",
                    a.score
                )
            } else {
                let mut text = join_and(&parts.iter().map(|p| (*p).to_string()).collect::<Vec<_>>());
                if let Some(first) = text.get_mut(0..1) {
                    first.make_ascii_uppercase();
                }
                format!("{text}: the week will feel heavier than it should.")
            }
        }
    };
    notes.push(headline);

    // Back-to-back hard days and tight spacing, in the article's words.
    let gaps = key_gaps(s);
    for d in 0..7 {
        if !s[d].is_key() || gaps[d] == 7 {
            continue;
        }
        let next = (d + usize::from(gaps[d])) % 7;
        if next == d {
            continue;
        }
        let (this, that) = (possessive(Day::ALL[d], s[d]), possessive(Day::ALL[next], s[next]));
        if gaps[d] == 1 && s[d].is_quality() && s[next].is_quality() {
            notes.push(format!(
                "{this} and {that} are back to back: the second hard day starts before the first is absorbed."
            ));
        } else if DayMarks::has(a.marks.short_of_space(), d) {
            notes.push(format!(
                "{that} comes {} after {this}; give it {} of easy running first.",
                days_word(gaps[d]),
                days_word(s[d].gap_days())
            ));
        } else if s[d].is_quality() && !s[next].is_long() {
            // The pair into the long run has its own note below.
            notes.push(format!(
                "{this} and {that} are {} apart, with {} between.",
                days_word(gaps[d]),
                between(s, d, next)
            ));
        }
    }

    // Grey-zone days.
    let moderate: Vec<Day> = Day::ALL
        .into_iter()
        .filter(|d| s[d.index()] == Session::Moderate)
        .collect();
    if !moderate.is_empty() {
        let names = join_and(
            &moderate
                .iter()
                .map(|d| format!("{}'s", d.name()))
                .collect::<Vec<_>>(),
        );
        notes.push(format!(
            "{names} moderate run{} sit{} in the grey zone: too hard to recover from, too easy to build speed. Make {} easy.",
            if moderate.len() == 1 { "" } else { "s" },
            if moderate.len() == 1 { "s" } else { "" },
            if moderate.len() == 1 { "it" } else { "them" }
        ));
    }

    // The long run on top of the structure.
    if let Some(d) = (0..7).find(|&d| s[d].is_long())
        && let Some(prev) = previous_key(s, d)
    {
        let gap = (d + 7 - prev) % 7;
        let gap = u8::try_from(gap).unwrap_or(7);
        if gap >= s[prev].gap_days() {
            notes.push(format!(
                "{} sits on top of the structure, {} after {}.",
                possessive(Day::ALL[d], s[d]),
                days_word(gap),
                possessive(Day::ALL[prev], s[prev])
            ));
        }
    }

    // Recovery on the day before each hard day.
    for d in 0..7 {
        if let Some(rho) = a.freshness[d]
            && rho > judge.params.freshness_limit
        {
            notes.push(format!(
                "{} starts on spent legs (freshness {rho:.2}, above {:.1}): make the day before it easy or rest.",
                possessive(Day::ALL[d], s[d]),
                judge.params.freshness_limit
            ));
        }
    }

    if let Some(weekly) = target.weekly_minutes
        && week.shortfall.abs() > 0.5
    {
        let rests = week.sessions.iter().filter(|&&s| s == Session::Rest).count();
        notes.push(if week.shortfall > 0.0 && rests > 0 {
            format!(
                "This structure places only {:.0} of your {weekly:.0} minutes: add a running day, raise the day's time caps, or lower weekly_minutes to about {:.0}.",
                a.minutes, a.minutes
            )
        } else if week.shortfall > 0.0 {
            format!(
                "Seven running days place only {:.0} of your {weekly:.0} minutes: easy days hold at most 90 minutes and hard sessions stay within Daniels' caps, and weekwright plans one session a day; lower weekly_minutes to about {:.0}.",
                a.minutes, a.minutes
            )
        } else {
            format!(
                "This structure needs {:.0} minutes, more than your {weekly:.0}: fewer running days would fit better.",
                a.minutes
            )
        });
    }

    if a.load > 0.0 {
        notes.push(if a.repeatable {
            "You could finish this week and start it again: that is the signal that it works.".to_string()
        } else {
            "As it stands, repeating this week would wear you down rather than build you up.".to_string()
        });
    }
    notes
}
