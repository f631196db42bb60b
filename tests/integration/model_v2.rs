//! The reference implementation of model v2 (tests/integration/reference, written from
//! MODEL.md alone) against MODEL.md v2's own vectors (tests/data/model-vectors.yaml):
//! every number to 1e-6, violations, verdict and repeatable exactly. Once src/ implements
//! v2, the same reference judges it on these vectors and on random weeks.

mod goals;
mod notes;
mod product;
mod readings;

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::reference::catalog::{Goal, Level, Session};
use crate::reference::components::Component;
use crate::reference::filters::{Filter, TAU_FATIGUE, TAU_FITNESS, TAU_LEGS};
use crate::reference::profile::{DAYS, LongRunDay, Profile, parse_day};
use crate::reference::{Input, Outcome, parse_week, score};
use crate::support::data;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Vectors {
    #[serde(rename = "about")]
    _about: String,
    vectors: Vec<Vector>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Vector {
    label: String,
    week: String,
    level: String,
    goal: String,
    profile: Option<VectorProfile>,
    minutes: Vec<f64>,
    load: Vec<f64>,
    totals: BTreeMap<String, f64>,
    metrics: BTreeMap<String, f64>,
    freshness_rho: BTreeMap<String, f64>,
    fitness_end_of_day: Vec<f64>,
    fatigue_end_of_day: Vec<f64>,
    legs_end_of_day: Vec<f64>,
    components_lost: BTreeMap<String, f64>,
    violations: Vec<String>,
    score: f64,
    verdict: String,
    repeatable: bool,
}

/// The profile fields of CLI.md that the model reads (unknown fields are errors, so a vector
/// with a field the reference ignores is noticed).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VectorProfile {
    weekly_minutes: Option<f64>,
    current_weekly_minutes: Option<f64>,
    hard_sessions: Option<usize>,
    long_run_day: Option<String>,
    min_rest_days: Option<usize>,
    available_days: Option<Vec<String>>,
    rest_days: Option<Vec<String>>,
    max_minutes: Option<BTreeMap<String, f64>>,
    fixed: Option<BTreeMap<String, String>>,
    avoid: Option<BTreeMap<String, Vec<String>>>,
    allow_back_to_back: Option<bool>,
}

fn day(name: &str) -> usize {
    parse_day(name).unwrap_or_else(|| panic!("unknown day {name:?}"))
}

fn session(name: &str) -> Session {
    Session::parse(name).unwrap_or_else(|| panic!("unknown session {name:?}"))
}

/// The days named in a list, as flags.
fn day_flags(names: &[String]) -> [bool; 7] {
    let mut flags = [false; 7];
    for n in names {
        flags[day(n)] = true;
    }
    flags
}

impl VectorProfile {
    fn to_profile(&self) -> Profile {
        let mut p = Profile {
            weekly_minutes: self.weekly_minutes,
            current_weekly_minutes: self.current_weekly_minutes,
            hard_sessions: self.hard_sessions,
            long_run_day: match self.long_run_day.as_deref() {
                None => LongRunDay::Any,
                Some("none") => LongRunDay::NoLongRun,
                Some(d) => LongRunDay::On(day(d)),
            },
            min_rest_days: self.min_rest_days,
            available_days: self.available_days.as_deref().map(day_flags),
            rest_days: day_flags(self.rest_days.as_deref().unwrap_or_default()),
            allow_back_to_back: self.allow_back_to_back.unwrap_or(false),
            ..Profile::default()
        };
        for (d, cap) in self.max_minutes.iter().flatten() {
            p.max_minutes[day(d)] = Some(*cap);
        }
        for (d, s) in self.fixed.iter().flatten() {
            p.fixed[day(d)] = Some(session(s));
        }
        for (d, list) in self.avoid.iter().flatten() {
            p.avoid[day(d)] = list.iter().map(|s| session(s)).collect();
        }
        p
    }
}

impl Vector {
    fn input(&self) -> Input {
        Input {
            week: parse_week(&self.week).unwrap(),
            level: Level::parse(&self.level).unwrap(),
            goal: Goal::parse(&self.goal).unwrap(),
            profile: self.profile.as_ref().map(VectorProfile::to_profile),
        }
    }
}

fn load_vectors() -> Vec<Vector> {
    let text = std::fs::read_to_string(data("model-vectors.yaml")).unwrap();
    let v: Vectors = serde_saphyr::from_str(&text).unwrap();
    v.vectors
}

/// The vectors are "rounded to 6 decimals; a faithful implementation matches them to 1e-6".
const TOL: f64 = 1e-6;

/// The differences between the reference's outcome and one vector, one line each.
#[derive(Default)]
struct Diffs(Vec<String>);

impl Diffs {
    fn number(&mut self, what: &str, got: f64, want: f64) {
        if (got - want).abs() > TOL || got.is_nan() {
            self.0.push(format!("{what}: reference {got}, vector {want}"));
        }
    }

    fn numbers(&mut self, what: &str, got: &[f64], want: &[f64]) {
        if got.len() != want.len() {
            self.0
                .push(format!("{what}: {} numbers, vector {}", got.len(), want.len()));
        }
        for (d, (g, w)) in got.iter().zip(want).enumerate() {
            self.number(&format!("{what}[{}]", DAYS[d]), *g, *w);
        }
    }

    fn exact<T: PartialEq + std::fmt::Debug + ?Sized>(&mut self, what: &str, got: &T, want: &T) {
        if got != want {
            self.0.push(format!("{what}: reference {got:?}, vector {want:?}"));
        }
    }
}

/// Every number and judgement of a vector, compared with the reference's outcome.
fn compare(v: &Vector, o: &Outcome) -> Vec<String> {
    let mut diffs = Diffs::default();
    diffs.numbers("minutes", &o.minutes, &v.minutes);
    diffs.numbers("load", &o.load, &v.load);
    for (section, numbers) in [("totals", &v.totals), ("metrics", &v.metrics)] {
        for (name, want) in numbers {
            match o.metrics.named(name) {
                Some(got) => diffs.number(&format!("{section}.{name}"), got, *want),
                None => diffs.0.push(format!("{section}.{name}: not a §4 quantity")),
            }
        }
    }
    compare_freshness(&mut diffs, v, o);
    diffs.numbers("fitness", &o.state.fitness, &v.fitness_end_of_day);
    diffs.numbers("fatigue", &o.state.fatigue, &v.fatigue_end_of_day);
    diffs.numbers("legs", &o.state.legs, &v.legs_end_of_day);
    let mut ids: Vec<&str> = Component::ALL.iter().map(|c| c.id()).collect();
    ids.sort_unstable();
    let listed: Vec<&str> = v.components_lost.keys().map(String::as_str).collect();
    diffs.exact("components listed", &listed, &ids);
    for c in Component::ALL {
        let want = v.components_lost.get(c.id()).copied().unwrap_or(f64::NAN);
        diffs.number(&format!("lost.{}", c.id()), o.lost(c), want);
    }
    let violations: Vec<&str> = v.violations.iter().map(String::as_str).collect();
    diffs.exact("violations", &o.violations, &violations);
    diffs.number("score", o.score, v.score);
    diffs.exact("verdict", o.verdict.id(), v.verdict.as_str());
    diffs.exact("repeatable", &o.repeatable, &v.repeatable);
    diffs.0
}

/// rho before each key day: the same days, the same numbers.
fn compare_freshness(diffs: &mut Diffs, v: &Vector, o: &Outcome) {
    let got: BTreeMap<&str, f64> = (0..7)
        .filter_map(|d| o.metrics.freshness[d].map(|rho| (DAYS[d], rho)))
        .collect();
    let got_days: Vec<&str> = got.keys().copied().collect();
    let want_days: Vec<&str> = v.freshness_rho.keys().map(String::as_str).collect();
    diffs.exact("freshness days", &got_days, &want_days);
    for (d, want) in &v.freshness_rho {
        let rho = got.get(d.as_str()).copied().unwrap_or(f64::NAN);
        diffs.number(&format!("freshness_rho.{d}"), rho, *want);
    }
}

#[test]
fn the_reference_matches_every_v2_vector_to_one_in_a_million() {
    let vectors = load_vectors();
    assert_eq!(vectors.len(), 23, "MODEL.md v2 has 23 vectors");
    assert_eq!(vectors.iter().filter(|v| v.profile.is_some()).count(), 9);
    let mut report = Vec::new();
    for v in &vectors {
        let diffs = compare(v, &score(&v.input()));
        if !diffs.is_empty() {
            report.push(format!("{} ({}):\n  {}", v.label, v.week, diffs.join("\n  ")));
        }
    }
    assert!(
        report.is_empty(),
        "{} of {} vectors differ from the reference:\n{}",
        report.len(),
        vectors.len(),
        report.join("\n")
    );
}

#[test]
fn the_closed_form_is_the_fixed_point_of_the_daily_recurrence() {
    // §3: a week repeated forever; 60 weeks of the recurrence from 0 leave a transient of
    // a^420 at most (about 1e-4 of the values for fitness, nothing for fatigue and legs),
    // so 600 weeks are run and the closed form must agree to 1e-9 of the values.
    for v in load_vectors() {
        let o = score(&v.input());
        let sessions = v.input().week.map(|d| d.session);
        let legs_in: [f64; 7] = std::array::from_fn(|d| sessions[d].impact() * o.load[d]);
        for (filter, input, closed) in [
            (Filter::averaging(TAU_FITNESS), o.load, o.state.fitness),
            (Filter::averaging(TAU_FATIGUE), o.load, o.state.fatigue),
            (Filter::accumulating(TAU_LEGS), legs_in, o.state.legs),
        ] {
            let mut last = [0.0; 7];
            for _ in 0..600 {
                last = filter.run_week(last[6], &input);
            }
            for d in 0..7 {
                let scale = closed[d].abs().max(1.0);
                assert!(
                    (last[d] - closed[d]).abs() / scale < 1e-9,
                    "{}: {}",
                    v.label,
                    DAYS[d]
                );
            }
        }
        // §3: in steady state the weekly mean of F* and A* is exactly W/7.
        let w = o.metrics.load;
        for values in [o.state.fitness, o.state.fatigue] {
            let mean = values.iter().sum::<f64>() / 7.0;
            assert!((mean - w / 7.0).abs() < 1e-9 * w.max(1.0), "{}", v.label);
        }
    }
}
