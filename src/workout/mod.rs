//! Structured workouts: each training day's session as steps a runner can run (warm-up, main
//! set, cool-down), with targets (a pace range when the runner's fitness is known, else an
//! effort in words) and the zone of each step. The steps come from the same numbers the model
//! scored: their minutes add up to the day's minutes, and their minutes in each zone are the
//! session's zone shares times its minutes (a race is the one exception: warm-up, then the
//! race). The rules and their sources are in docs/model.md, "Workouts".

mod rules;
mod text;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::catalog::{Catalog, Goal, Session};
use crate::paces::{Distance, Fitness, Pace, Units};

/// What a step is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Easy running before the main set.
    Warmup,
    /// The main set's running (or the whole of an easy run).
    Work,
    /// A jog between repeats.
    Recovery,
    /// Easy running after the main set.
    Cooldown,
    /// Steps run `count` times.
    Repeat,
}

/// A step's target: a pace range when fitness is known, else an effort in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Target {
    /// From the faster to the slower pace, seconds per km or per mile (yaml and table:
    /// `m:ss`).
    Pace {
        /// `[from, to]`.
        pace: [f64; 2],
    },
    /// An effort the runner can feel.
    Effort {
        /// In words.
        effort: &'static str,
        /// Foster's CR-10 scale.
        rpe: u8,
    },
}

/// One step that is run once.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Run {
    /// Warm-up, work, recovery or cool-down.
    pub kind: Kind,
    /// Its minutes (real numbers: the model never rounds them).
    pub minutes: f64,
    /// The distance those minutes cover at the middle of the target, for repeats at I and R
    /// pace and a race, when paces are known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_m: Option<f64>,
    /// The target.
    pub target: Target,
    /// The zone (1, 2 or 3) the model counts the step's minutes in.
    pub zone: u8,
    /// How hard: what the summary says of the step.
    #[serde(skip)]
    effort: rules::Effort,
}

impl Run {
    /// Whether the step is the race itself, which, with a race pace, ends at the goal's
    /// distance (`distance_m`): the runner races the distance, not the minutes.
    #[must_use]
    pub fn is_race(&self) -> bool {
        self.effort == rules::Effort::Race
    }
}

/// Steps run `count` times.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Repeat {
    /// Always [`Kind::Repeat`].
    pub kind: Kind,
    /// How many times.
    pub count: u32,
    /// The steps of one round.
    pub steps: Vec<Run>,
}

/// A step: run once, or a repeat.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Step {
    /// Run once.
    Run(Run),
    /// Repeated.
    Repeat(Repeat),
}

impl Step {
    /// Each step run, with how many times it is run.
    fn runs(&self) -> Vec<(u32, &Run)> {
        match self {
            Step::Run(r) => vec![(1, r)],
            Step::Repeat(r) => r.steps.iter().map(|s| (r.count, s)).collect(),
        }
    }
}

/// A day's workout.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Workout {
    /// One line a runner reads ("5 x 4 min at 3:58-4:02/km, 3 min jog; 50 min, 10.8 km").
    pub summary: String,
    /// The steps, in order.
    pub steps: Vec<Step>,
    /// The units the pace targets are given per (seconds per km or per mile).
    #[serde(skip)]
    pub units: Units,
}

impl Workout {
    /// Minutes of all steps, repeats counted.
    #[must_use]
    pub fn minutes(&self) -> f64 {
        self.runs().map(|(n, r)| f64::from(n) * r.minutes).sum()
    }

    /// Minutes in zones 1, 2 and 3.
    #[must_use]
    pub fn zone_minutes(&self) -> [f64; 3] {
        let mut z = [0.0; 3];
        for (n, r) in self.runs() {
            z[usize::from(r.zone.clamp(1, 3)) - 1] += f64::from(n) * r.minutes;
        }
        z
    }

    /// Every step run with its count.
    fn runs(&self) -> impl Iterator<Item = (u32, &Run)> {
        self.steps.iter().flat_map(Step::runs)
    }
}

/// A distance in the runner's units; it prints as `distance_km` or `distance_mi`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reach {
    /// Km or mi.
    pub units: Units,
    /// In those units.
    pub value: f64,
}

impl Serialize for Reach {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        let key = match self.units {
            Units::Km => "distance_km",
            Units::Mi => "distance_mi",
        };
        map.serialize_entry(key, &self.value)?;
        map.end()
    }
}

/// Half the width of a single pace's target range, seconds per km ("3:58-4:02/km" for I at
/// 4:00).
pub const PACE_SPREAD: f64 = 2.0;

/// What turns sessions into workouts: the catalog's zone shares, the goal (for a race), and
/// the paces when fitness is known.
#[derive(Debug, Clone, PartialEq)]
pub struct Coach {
    catalog: Catalog,
    goal: Goal,
    paces: Option<PaceSet>,
    units: Units,
}

/// The pace ranges the workouts target, seconds per km.
#[derive(Debug, Clone, Copy, PartialEq)]
struct PaceSet {
    easy: [f64; 2],
    steady: [f64; 2],
    marathon: [f64; 2],
    threshold: [f64; 2],
    interval: [f64; 2],
    repetition: [f64; 2],
    race: [f64; 2],
    /// The goal's race at this fitness: its minutes.
    race_minutes: f64,
}

impl PaceSet {
    fn of(fitness: &Fitness, goal: Goal) -> Self {
        let p = fitness.paces();
        let around = |x: Pace| [x.0 - PACE_SPREAD, x.0 + PACE_SPREAD];
        // A general goal's race is a time trial of 20 to 30 minutes: about a 5k.
        let distance = match goal {
            Goal::TenK => Distance::TEN_K,
            Goal::Half => Distance::HALF,
            Goal::Marathon => Distance::MARATHON,
            Goal::FiveK | Goal::General => Distance::FIVE_K,
        };
        let seconds = fitness.race_time(distance).seconds();
        let race = Pace(seconds / (distance.metres() / 1000.0));
        PaceSet {
            easy: [p.easy[0].0, p.easy[1].0],
            steady: [p.marathon.0, p.easy[0].0],
            marathon: around(p.marathon),
            threshold: around(p.threshold),
            interval: around(p.interval),
            repetition: around(p.repetition),
            race: around(race),
            race_minutes: seconds / 60.0,
        }
    }
}

impl Coach {
    /// A coach from its parts (`score` without a profile: the default catalog).
    #[must_use]
    pub fn with(catalog: Catalog, goal: Goal, fitness: Option<&Fitness>, units: Units) -> Self {
        Coach {
            catalog,
            goal,
            paces: fitness.map(|f| PaceSet::of(f, goal)),
            units,
        }
    }

    /// The workout of `session` run for `minutes` in a week of `week` minutes; none on a
    /// rest day.
    #[must_use]
    pub fn workout(&self, session: Session, minutes: f64, week: f64) -> Option<Workout> {
        if session == Session::Rest {
            return None;
        }
        let zones = self.catalog.spec(session).zones;
        let steps = rules::steps(self, session, minutes.max(0.0), zones, week);
        let summary = text::summary(self, session, &steps, self.distance(&steps));
        Some(Workout {
            summary,
            steps,
            units: self.units,
        })
    }

    /// The distance the steps cover at the middle of their pace ranges, in the runner's
    /// units; none without fitness. Steps with an effort target (cross-training) cover none.
    fn distance(&self, steps: &[Step]) -> Option<Reach> {
        self.paces?;
        let metres: f64 = steps
            .iter()
            .flat_map(Step::runs)
            .map(|(n, r)| f64::from(n) * metres_of(r.minutes, &r.target, self.units))
            .sum();
        Some(Reach {
            units: self.units,
            value: metres / self.units.metres(),
        })
    }

    /// A day's workout and, with fitness, its distance: none on a rest day.
    #[must_use]
    pub fn day(&self, session: Session, minutes: f64, week: f64) -> (Option<Workout>, Option<Reach>) {
        let workout = self.workout(session, minutes, week);
        let distance = workout.as_ref().and_then(|w| self.distance(&w.steps));
        (workout, distance)
    }

    /// The week's distance from its days' distances; none without fitness.
    #[must_use]
    pub fn week_distance(&self, days: impl IntoIterator<Item = Option<Reach>>) -> Option<Reach> {
        self.paces?;
        Some(Reach {
            units: self.units,
            value: days.into_iter().flatten().map(|r| r.value).sum(),
        })
    }
}

/// Metres covered in `minutes` at the middle of a pace target given per `units`; none for an
/// effort.
fn metres_of(minutes: f64, target: &Target, units: Units) -> f64 {
    match target {
        Target::Pace { pace } => minutes * 60.0 / f64::midpoint(pace[0], pace[1]) * units.metres(),
        Target::Effort { .. } => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Session;

    fn coaches() -> Vec<Coach> {
        let fitness = Fitness::from_vdot(50.0).unwrap();
        vec![
            Coach::with(Catalog::default(), Goal::TenK, None, Units::Km),
            Coach::with(Catalog::default(), Goal::Marathon, Some(&fitness), Units::Mi),
        ]
    }

    #[test]
    fn every_session_at_any_minutes_adds_up_and_keeps_its_zones() {
        for coach in coaches() {
            for session in Session::ALL {
                for tenth in 0..=6000 {
                    let minutes = f64::from(tenth) / 10.0;
                    let Some(w) = coach.workout(session, minutes, 300.0) else {
                        assert_eq!(session, Session::Rest);
                        continue;
                    };
                    let at = format!("{session:?} {minutes}: {}", w.summary);
                    assert!((w.minutes() - minutes).abs() < 1e-9, "{at}");
                    assert!(w.runs().all(|(n, r)| n >= 1 && r.minutes >= 0.0), "{at}");
                    if session != Session::Race {
                        let want = Catalog::default().spec(session).zones;
                        let got = w.zone_minutes();
                        for z in 0..3 {
                            assert!((got[z] - want[z] * minutes).abs() < 1e-9, "{at}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn distances_come_with_fitness_only() {
        let [plain, paced] = <[Coach; 2]>::try_from(coaches()).unwrap();
        assert_eq!(plain.day(Session::Easy, 45.0, 300.0).1, None);
        let (_, reach) = paced.day(Session::Easy, 45.0, 300.0);
        let reach = reach.unwrap();
        assert_eq!(reach.units, Units::Mi);
        assert!(reach.value > 4.0 && reach.value < 7.0, "{reach:?}");
        assert_eq!(paced.day(Session::Rest, 0.0, 300.0), (None, None));
        let json = serde_json::to_value(reach).unwrap();
        assert!(json.get("distance_mi").is_some(), "{json}");
    }
}
