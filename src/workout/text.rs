//! A workout's summary: one line a runner reads ("15 min warm-up, 5 x 4 min at I
//! 3:58-4:02/km with 3 min jog, 10 min cool-down; 50 min, 10.8 km").

use super::rules::Effort;
use super::{Coach, Kind, Reach, Run, Step, Target};
use crate::catalog::Session;
use crate::paces::clock;

/// The summary of a session's steps, with the day's minutes and distance.
pub(super) fn summary(c: &Coach, session: Session, steps: &[Step], distance: Option<Reach>) -> String {
    let parts: Vec<String> = steps.iter().map(|s| part(c, session, s)).collect();
    let minutes: f64 = steps
        .iter()
        .flat_map(Step::runs)
        .map(|(n, r)| f64::from(n) * r.minutes)
        .sum();
    let mut tail = Vec::new();
    if !matches!(steps, [Step::Run(_)]) {
        tail.push(duration(minutes));
    }
    if let Some(d) = distance.filter(|d| d.value > 0.0) {
        tail.push(format!("{:.1} {}", d.value, d.units.id()));
    }
    let mut line = parts.join(", ");
    if !tail.is_empty() {
        line = format!("{line}; {}", tail.join(", "));
    }
    let strides = steps
        .iter()
        .any(|s| matches!(s, Step::Repeat(r) if r.steps.iter().any(|x| x.effort == Effort::Stride)));
    if session == Session::Strides && strides {
        line.push_str("; strides count as zone 1 (20 s is too short to load the metabolic system)");
    }
    line
}

/// One step in words.
fn part(c: &Coach, session: Session, step: &Step) -> String {
    match step {
        Step::Run(r) => run(c, session, r),
        Step::Repeat(r) => {
            let inner: Vec<String> = r.steps.iter().map(|s| run(c, session, s)).collect();
            format!("{} x {}", r.count, inner.join(" with "))
        }
    }
}

/// A run in words: its length, what it is, and its target (warm-ups, cool-downs and jogs
/// are easy: their target goes unsaid; strides come within an easy run, not after a
/// warm-up).
fn run(c: &Coach, session: Session, r: &Run) -> String {
    let length = match r.distance_m {
        Some(m) => format!(
            "{} (about {:.0} m)",
            duration(r.minutes),
            (m / 10.0).round() * 10.0
        ),
        None => duration(r.minutes),
    };
    match (r.kind, r.effort) {
        (Kind::Warmup | Kind::Cooldown, _) if session == Session::Strides => format!("{length} easy"),
        (Kind::Warmup, _) => format!("{length} warm-up"),
        (Kind::Cooldown, _) => format!("{length} cool-down"),
        (Kind::Recovery, _) if session == Session::Hills => format!("{length} jog down"),
        (Kind::Recovery, _) => format!("{length} jog"),
        (_, effort) => {
            let what = match effort {
                Effort::Easy | Effort::Jog => "easy",
                Effort::Steady => "steady",
                Effort::Marathon => "at marathon pace",
                Effort::Threshold => "at threshold",
                Effort::Interval => "at I",
                Effort::Hill => "uphill at I effort",
                Effort::Stride => "strides at R",
                Effort::Race => "race",
                Effort::Cross => "cross-training",
            };
            let target = match &r.target {
                Target::Pace { pace } => format!(" {}-{}/{}", clock(pace[0]), clock(pace[1]), c.units.id()),
                Target::Effort { effort, rpe } => format!(" ({effort}, RPE {rpe})"),
            };
            format!("{length} {what}{target}")
        }
    }
}

/// Minutes as a runner reads them: `45 min`, `4:20 min`, `20 s`.
fn duration(minutes: f64) -> String {
    let seconds = (minutes * 60.0).round() as i64;
    if seconds < 60 {
        format!("{seconds} s")
    } else if seconds % 60 == 0 {
        format!("{} min", seconds / 60)
    } else {
        format!("{}:{:02} min", seconds / 60, seconds % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::duration;

    #[test]
    fn durations_read_as_minutes_seconds_or_both() {
        assert_eq!(duration(45.0), "45 min");
        assert_eq!(duration(4.0 + 1.0 / 3.0), "4:20 min");
        assert_eq!(duration(1.0 / 3.0), "20 s");
        assert_eq!(duration(40.75), "40:45 min");
    }
}
