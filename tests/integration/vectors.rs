//! The test vectors of MODEL.md (tests/data/model-vectors.yaml): every intermediate number
//! of each week, matched to 1e-6 as the vectors promise.

use std::collections::BTreeMap;

use serde::Deserialize;
use weekwright::catalog::{Catalog, Goal, Level};
use weekwright::minutes::MinutesRule;
use weekwright::model::{Component, Judge, WeekLoads, assess};
use weekwright::week::WeekSpec;

use crate::support::data;

#[derive(Deserialize)]
struct Vectors {
    vectors: Vec<Vector>,
}

#[derive(Deserialize)]
struct Vector {
    label: String,
    week: String,
    level: Level,
    goal: Goal,
    minutes: Vec<f64>,
    load: Vec<f64>,
    totals: BTreeMap<String, f64>,
    metrics: BTreeMap<String, f64>,
    fitness_end_of_day: Vec<f64>,
    fatigue_end_of_day: Vec<f64>,
    legs_end_of_day: Vec<f64>,
    components_lost: BTreeMap<String, f64>,
    violations: Vec<String>,
    score: f64,
    verdict: String,
    repeatable: bool,
}

const TOL: f64 = 1e-6;

fn close(label: &str, what: &str, got: f64, want: f64) {
    assert!(
        (got - want).abs() <= TOL * want.abs().max(1.0),
        "{label}: {what} is {got}, the vector says {want}"
    );
}

fn close_all(label: &str, what: &str, got: &[f64], want: &[f64]) {
    assert_eq!(got.len(), want.len(), "{label}: {what}");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        close(label, &format!("{what}[{i}]"), *g, *w);
    }
}

fn load_vectors() -> Vec<Vector> {
    let text = std::fs::read_to_string(data("model-vectors.yaml")).unwrap();
    let v: Vectors = serde_saphyr::from_str(&text).unwrap();
    assert!(v.vectors.len() >= 7, "all vectors are read");
    v.vectors
}

#[test]
fn every_model_vector_matches_to_one_in_a_million() {
    for v in load_vectors() {
        let l = v.label.as_str();
        let week: WeekSpec = v.week.parse().unwrap();
        let catalog = Catalog::default();
        let rule = MinutesRule {
            catalog: catalog.clone(),
            level: v.level,
            goal: v.goal,
            weekly_minutes: None,
            caps: [None; 7],
        };
        let planned = rule.apply(&week);
        let loads = WeekLoads::new(&catalog, week.sessions(), planned.minutes, 0.0);
        let a = assess(&Judge::structural(v.goal), &loads);

        close_all(l, "minutes", &loads.minutes, &v.minutes);
        close_all(l, "load", &loads.load, &v.load);
        close(l, "totals.minutes", a.minutes, v.totals["minutes"]);
        close(l, "totals.load", a.load, v.totals["load"]);
        let m = &a.metrics;
        for (key, got) in [
            ("z1", m.z1),
            ("z2", m.z2),
            ("z3", m.z3),
            ("monotony", m.monotony),
            ("strain", m.strain),
            ("peak_fatigue_ratio", m.peak_fatigue_ratio),
            ("stress_ratio", m.stress_ratio),
            ("long_run_share", m.long_run_share),
        ] {
            close(l, key, got, v.metrics[key]);
        }
        close_all(l, "fitness", &a.state.fitness, &v.fitness_end_of_day);
        close_all(l, "fatigue", &a.state.fatigue, &v.fatigue_end_of_day);
        close_all(l, "legs", &a.state.legs, &v.legs_end_of_day);
        assert_eq!(v.components_lost.len(), 8, "{l}");
        for (i, c) in Component::ALL.iter().enumerate() {
            close(l, c.id(), a.lost[i], v.components_lost[c.id()]);
        }
        let violations: Vec<&str> = a
            .violations
            .iter()
            .map(weekwright::model::Constraint::id)
            .collect();
        assert_eq!(violations, v.violations, "{l}: violations");
        close(l, "score", a.score, v.score);
        assert_eq!(a.verdict.id(), v.verdict, "{l}: verdict");
        assert_eq!(a.repeatable, v.repeatable, "{l}: repeatable");
    }
}

#[test]
fn the_closed_form_steady_state_equals_sixty_weeks_of_simulation() {
    for v in load_vectors() {
        let week: WeekSpec = v.week.parse().unwrap();
        let catalog = Catalog::default();
        let rule = MinutesRule {
            catalog: catalog.clone(),
            level: v.level,
            goal: v.goal,
            weekly_minutes: None,
            caps: [None; 7],
        };
        let loads = WeekLoads::new(&catalog, week.sessions(), rule.apply(&week).minutes, 0.0);
        let judge = Judge::structural(v.goal);
        let a = assess(&judge, &loads);
        let legs_in: [f64; 7] = std::array::from_fn(|d| loads.sessions[d].impact() * loads.load[d]);
        for (filter, input, closed) in [
            (judge.filters.fitness, loads.load, a.state.fitness),
            (judge.filters.fatigue, loads.load, a.state.fatigue),
            (judge.filters.legs, legs_in, a.state.legs),
        ] {
            // Sixty weeks from rest. A start of 0 decays exactly geometrically, so the
            // simulation must equal the closed form less `a^t x*_sun` to 1e-9.
            let mut end = 0.0;
            let mut last = [0.0; 7];
            for _ in 0..60 {
                last = filter.run_week(end, &input);
                end = last[6];
            }
            for d in 0..7 {
                let t = i32::try_from(59 * 7 + d + 1).unwrap();
                let transient = -filter.a.powi(t) * closed[6];
                let scale = closed[d].abs().max(1.0);
                assert!(
                    (last[d] - (closed[d] + transient)).abs() / scale < 1e-9,
                    "{}: day {d}",
                    v.label
                );
            }
            // And long enough for the transient to vanish: the plain values agree.
            for _ in 0..600 {
                last = filter.run_week(end, &input);
                end = last[6];
            }
            for d in 0..7 {
                let scale = closed[d].abs().max(1.0);
                assert!((last[d] - closed[d]).abs() / scale < 1e-9, "{}: day {d}", v.label);
            }
        }
    }
}
