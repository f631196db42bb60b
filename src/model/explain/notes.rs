//! The notes of a report, in the order a runner reads them: the headline, the spacing of
//! the key days in the article's words, grey-zone days, the long run on top, spent legs,
//! minutes the structure cannot place, and whether the week can be repeated.

use super::{Facts, between, days_word, join_and, possessive, previous_key, s_of};
use crate::catalog::Session;
use crate::model::{Component, Constraint, DayMarks, Verdict, Violations, key_gaps};
use crate::week::Day;

/// Every note of a week, in order.
pub(super) fn notes(f: &Facts) -> Vec<String> {
    let mut notes = vec![headline(f)];
    notes.extend(spacing(f));
    notes.extend(grey_zone(f));
    notes.extend(long_run_on_top(f));
    notes.extend(spent_legs(f));
    notes.extend(minutes_not_placed(f));
    notes.extend(repeatable(f));
    notes
}

/// The first line: what holds the week together, or what breaks it.
fn headline(f: &Facts) -> String {
    let (judge, a) = (f.judge, f.a);
    let stacking = a.violations.contains(Constraint::BackToBack) || a.lost[2] > 0.0 || a.lost[1] > 0.0;
    let grey =
        a.metrics.z2 > judge.goal.distribution().z2_max || a.violations.contains(Constraint::EasyFloor);
    match (a.verdict, a.repeatable) {
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
            if parts.is_empty() && a.verdict == Verdict::Unbalanced {
                costliest(a.score, &a.lost, a.violations)
            } else if parts.is_empty() {
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
    }
}

/// An unbalanced week with none of the named troubles: the rules it breaks (each costs 15
/// points and makes a week unbalanced whatever its score), else the two components it
/// loses most on, so that the headline agrees with the verdict instead of calling the week
/// sound.
fn costliest(score: f64, lost: &[f64; Component::COUNT], violations: Violations) -> String {
    let broken: Vec<String> = violations.iter().map(|c| c.id().to_string()).collect();
    if !broken.is_empty() {
        return format!(
            "The week is unbalanced (score {score:.0}): it breaks {} (see violations).",
            if broken.len() == 1 {
                format!("a rule: {}", broken[0])
            } else {
                format!("{} rules: {}", broken.len(), join_and(&broken))
            }
        );
    }
    let mut by_loss: Vec<(Component, f64)> =
        Component::ALL.iter().copied().zip(lost.iter().copied()).collect();
    by_loss.sort_by(|a, b| b.1.total_cmp(&a.1));
    let named: Vec<String> = by_loss
        .iter()
        .take(2)
        .filter(|(_, l)| *l > 0.0)
        .map(|(c, l)| {
            format!(
                "{} ({l:.0} of its {:.0} points)",
                c.id().replace('_', " "),
                c.points()
            )
        })
        .collect();
    if named.is_empty() {
        format!("The week is unbalanced (score {score:.0}).")
    } else {
        format!(
            "The week is unbalanced (score {score:.0}): it loses most on {}.",
            join_and(&named)
        )
    }
}

/// Back-to-back hard days and tight spacing, in the article's words.
fn spacing(f: &Facts) -> Vec<String> {
    let (s, a) = (&f.week.sessions, f.a);
    let mut notes = Vec::new();
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
            notes.push(if f.target.advise {
                format!(
                    "{that} come{} {} after {this}; give it {} of easy running first.",
                    s_of(s[next]),
                    days_word(gaps[d]),
                    days_word(s[d].gap_days())
                )
            } else {
                format!(
                    "{that} come{} {} after {this}, which needs {}: spacing costs points, and every other arrangement of your days costs more.",
                    s_of(s[next]),
                    days_word(gaps[d]),
                    days_word(s[d].gap_days())
                )
            });
        } else if s[d].is_quality() && !s[next].is_long() {
            // The pair into the long run has its own note below.
            notes.push(format!(
                "{this} and {that} are {} apart, with {} between.",
                days_word(gaps[d]),
                between(s, d, next)
            ));
        }
    }
    notes
}

/// Grey-zone days.
fn grey_zone(f: &Facts) -> Vec<String> {
    let mut notes = Vec::new();
    let s = &f.week.sessions;
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
        let advice = if f.target.advise {
            if moderate.len() == 1 {
                " Make it easy."
            } else {
                " Make them easy."
            }
        } else {
            ""
        };
        notes.push(format!(
            "{names} moderate run{} sit{} in the grey zone: too hard to recover from, too easy to build speed.{advice}",
            if moderate.len() == 1 { "" } else { "s" },
            if moderate.len() == 1 { "s" } else { "" },
        ));
    }
    notes
}

/// The long run on top of the structure.
fn long_run_on_top(f: &Facts) -> Vec<String> {
    let mut notes = Vec::new();
    let s = &f.week.sessions;
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
    notes
}

/// Recovery on the day before each hard day.
fn spent_legs(f: &Facts) -> Vec<String> {
    let (judge, s, a) = (f.judge, &f.week.sessions, f.a);
    let mut notes = Vec::new();
    for d in 0..7 {
        if let Some(rho) = a.freshness[d]
            && rho > judge.params.freshness_limit
        {
            notes.push(format!(
                "{} start{} on spent legs (leg fatigue {rho:.2} times its load, above {:.1}){}",
                possessive(Day::ALL[d], s[d]),
                s_of(s[d]),
                judge.params.freshness_limit,
                if f.target.advise {
                    ": make the day before it easy or rest."
                } else {
                    "."
                }
            ));
        }
    }
    notes
}

/// Minutes the structure cannot place, or places over the target.
fn minutes_not_placed(f: &Facts) -> Vec<String> {
    let mut notes = Vec::new();
    let (week, a, target) = (f.week, f.a, f.target);
    let Some(weekly) = target.weekly_minutes else {
        return notes;
    };
    if week.shortfall.abs() <= 0.5 {
        return notes;
    }
    let rests = week.sessions.iter().filter(|&&s| s == Session::Rest).count();
    let (fact, advice) = if week.shortfall > 0.0 && rests > 0 {
        (
            format!(
                "This structure places only {:.0} of your {weekly:.0} minutes",
                a.minutes
            ),
            format!(
                ": add a running day, raise the day's time caps, or lower weekly_minutes to about {:.0}.",
                a.minutes
            ),
        )
    } else if week.shortfall > 0.0 {
        (
            format!(
                "Seven running days place only {:.0} of your {weekly:.0} minutes: easy days hold at most 90 minutes, hard sessions stay within Daniels' caps, and weekwright plans one session a day",
                a.minutes
            ),
            format!("; lower weekly_minutes to about {:.0}.", a.minutes),
        )
    } else {
        (
            format!(
                "This structure needs {:.0} minutes, more than your {weekly:.0}",
                a.minutes
            ),
            ": fewer running days would fit better.".to_string(),
        )
    };
    notes.push(if target.advise { fact + &advice } else { fact + "." });
    notes
}

/// Whether the week could be started again and, when not, which rule says so: a broken
/// constraint, fatigue that outgrows its average, days all alike, or spent legs.
fn repeatable(f: &Facts) -> Vec<String> {
    let (a, p) = (f.a, &f.judge.params);
    if a.load == 0.0 {
        return Vec::new();
    }
    if a.repeatable && a.verdict != Verdict::Balanced {
        return vec![format!(
            "You could finish this week and start it again, but repeatable is not enough: at score {:.0} it is {}, for the reasons above.",
            a.score,
            a.verdict.id()
        )];
    }
    if a.repeatable {
        return vec![
            "You could finish this week and start it again: that is the signal that it works.".to_string(),
        ];
    }
    let mut reasons = Vec::new();
    if !a.violations.is_empty() {
        let ids: Vec<String> = a.violations.iter().map(|c| c.id().to_string()).collect();
        reasons.push(format!("it breaks {}", join_and(&ids)));
    }
    if a.metrics.peak_fatigue_ratio > p.fatigue_limit {
        reasons.push(format!(
            "repeated, fatigue peaks at {:.2} times the usual level, above {:.1}",
            a.metrics.peak_fatigue_ratio, p.fatigue_limit
        ));
    }
    if a.metrics.monotony > p.monotony_limit {
        reasons.push(format!(
            "its monotony {:.2} is above {:.1}",
            a.metrics.monotony, p.monotony_limit
        ));
    }
    let spent: Vec<String> = (0..7)
        .filter(|&d| a.freshness[d].is_some_and(|rho| rho > p.freshness_limit))
        .map(|d| Day::ALL[d].name().to_string())
        .collect();
    if !spent.is_empty() {
        let (verb, its) = if spent.len() == 1 {
            ("starts", "its load")
        } else {
            ("start", "their loads")
        };
        reasons.push(format!(
            "{} {verb} on legs more tired than {:.1} times {its}",
            join_and(&spent),
            p.freshness_limit
        ));
    }
    vec![format!("Not repeatable as it stands: {}.", join_and(&reasons))]
}
