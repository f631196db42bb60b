//! The sentences of the components made of rules: `specificity`, `sessions` and `rhythm`
//! (docs/model.md, "Score"). They read the goal's [`Needs`](crate::catalog::Needs) and the
//! kernel's day marks, the same the score was computed from.

use super::{Facts, days_in, join_and, list_days};
use crate::catalog::{Session, WORKOUTS};
use crate::model::Component;

fn count(s: &[Session; 7], session: Session) -> usize {
    s.iter().filter(|&&x| x == session).count()
}

/// "one tempo run", "two tempo runs".
fn how_many(n: usize, session: Session) -> String {
    let word = ["no", "one", "two", "three", "four", "five", "six", "seven"][n.min(7)];
    let prose = session.prose();
    if n == 1 {
        format!("{word} {prose}")
    } else {
        format!("{word} {prose}s")
    }
}

/// Specificity: the sessions the goal's race needs, the ones it does not, and repeats.
pub(super) fn specificity(f: &Facts) -> String {
    let goal = f.judge.goal;
    let s = &f.week.sessions;
    let needs = goal.needs();
    let Some(first) = needs.first else {
        return "A general goal asks for no particular hard session.".to_string();
    };
    let quality = s.iter().filter(|x| x.is_quality()).count();
    if quality == 0 {
        return format!(
            "No hard session, so none is missing (a {} goal's first is {}).",
            goal.id(),
            first.prose()
        );
    }
    let mut faults = Vec::new();
    if count(s, first) == 0 {
        faults.push(format!(
            "no {} (the session a {} needs most)",
            first.prose(),
            goal.id()
        ));
    }
    if let Some(second) = needs.second.filter(|&x| quality >= 2 && count(s, x) == 0) {
        faults.push(format!("no {} (the next it needs)", second.prose()));
    }
    for off in needs.off_goal.into_iter().flatten() {
        let n = count(s, off);
        if n > 0 {
            faults.push(format!("{} that a {} does not need", how_many(n, off), goal.id()));
        }
    }
    for workout in WORKOUTS {
        let n = count(s, workout);
        if n > 1 {
            faults.push(format!("{} where one would do", how_many(n, workout)));
        }
    }
    if faults.is_empty() {
        format!("The hard sessions are the ones a {} needs.", goal.id())
    } else {
        format!("For a {}: {}.", goal.id(), join_and(&faults))
    }
}

/// Sessions: strides, recovery runs, moderate runs and cross-training in their place.
pub(super) fn sessions(f: &Facts) -> String {
    let s = &f.week.sessions;
    let marks = &f.a.marks;
    let mut faults = Vec::new();
    let strides = count(s, Session::Strides);
    if strides > 2 {
        faults.push(format!("strides on {strides} days (two are enough)"));
    }
    let out_of_place = days_in(marks.recovery_out_of_place);
    if !out_of_place.is_empty() {
        faults.push(format!(
            "a recovery run on {} that does not follow a hard day or the long run",
            list_days(&out_of_place)
        ));
    }
    let long = days_in(marks.long_recovery);
    if !long.is_empty() {
        faults.push(format!("a recovery run over 45 minutes on {}", list_days(&long)));
    }
    let moderate = count(s, Session::Moderate);
    if moderate > 0 {
        faults.push(format!(
            "{} in the grey zone, neither easy nor hard",
            how_many(moderate, Session::Moderate)
        ));
    }
    let cross = count(s, Session::Cross);
    if cross > 2 {
        faults.push(format!("cross-training on {cross} days (one or two are enough)"));
    }
    if faults.is_empty() {
        "Each easy session in its place.".to_string()
    } else {
        let mut why = join_and(&faults);
        if let Some(first) = why.get(..1) {
            why = first.to_uppercase() + &why[1..];
        }
        why + "."
    }
}

/// Rhythm: stacked rest, rest beyond the runner's usual days, the day after the long run,
/// quality on Sunday or Monday.
pub(super) fn rhythm(f: &Facts) -> String {
    let (a, s) = (f.a, &f.week.sessions);
    let marks = &a.marks;
    let mut faults = Vec::new();
    let stacked = days_in(marks.stacked_rest);
    if !stacked.is_empty() {
        faults.push(format!(
            "rest on {} follows another rest day on a day you could train",
            list_days(&stacked)
        ));
    }
    if let Some(rules) = &f.judge.rules {
        let usual = rules.usual_rest_days();
        if a.rest_days > usual {
            faults.push(format!(
                "{} rest days where you usually take {usual}: keep your running days",
                a.rest_days
            ));
        }
    }
    for d in days_in(marks.run_after_long | marks.recovery_after_long) {
        let prose = s[d.index()].prose();
        // "intervals" and "hill repeats" are plural: no article.
        let what = if s[d.index()] == Session::Recovery {
            format!("only a {prose}")
        } else if prose.ends_with('s') {
            prose.to_string()
        } else if prose.starts_with(['a', 'e', 'i', 'o', 'u']) {
            format!("an {prose}")
        } else {
            format!("a {prose}")
        };
        faults.push(format!(
            "the day after the long run holds {what} (rest, cross-training or a recovery run is better)"
        ));
    }
    let weekend = days_in(marks.weekend_quality);
    if !weekend.is_empty() {
        faults.push(format!(
            "a hard session on {} (keep Sunday and Monday for the long run and rest)",
            list_days(&weekend)
        ));
    }
    if faults.is_empty() {
        return if a.lost[Component::Rhythm as usize] == 0.0 {
            "Rest where it helps, your usual running days, an easy day after the long run.".to_string()
        } else {
            String::new()
        };
    }
    let mut why = join_and(&faults);
    if let Some(first) = why.get(..1) {
        why = first.to_uppercase() + &why[1..];
    }
    why + "."
}
