//! weekwright itself against MODEL.md v2's vectors: every number the vectors hold, to 1e-6,
//! through the library's own path (the minutes rule, the judge and the kernel that `score`,
//! `generate`, `block` and `bench` use). The numbers come from the vectors file, computed
//! by an independent implementation; nothing here asks weekwright for the expected value.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use weekwright::catalog::Catalog;
use weekwright::minutes::MinutesRule;
use weekwright::model::{Assessment, Component, Judge, WeekLoads, assess};
use weekwright::search::Scorer;
use weekwright::{Goal, Level, Problem, Profile, WeekSpec};

use super::{TOL, Vector, VectorProfile, load_vectors};
use crate::reference::profile::DAYS;

/// The vector's profile as a profile file, with the vector's level and goal.
fn profile_yaml(v: &Vector, p: &VectorProfile) -> String {
    let mut y = format!("level: {}\ngoal: {}\n", v.level, v.goal);
    let mut field = |name: &str, value: Option<String>| {
        if let Some(value) = value {
            let _ = writeln!(y, "{name}: {value}");
        }
    };
    // A profile file needs `weekly_minutes` (CLI.md); the one vector without it gives every
    // training day its minutes, where MODEL.md section 10 says `weekly_minutes` changes
    // nothing: any value does.
    field(
        "weekly_minutes",
        Some(
            p.weekly_minutes
                .or(p.current_weekly_minutes)
                .unwrap_or(300.0)
                .to_string(),
        ),
    );
    field(
        "current_weekly_minutes",
        p.current_weekly_minutes.map(|m| m.to_string()),
    );
    field("hard_sessions", p.hard_sessions.map(|n| n.to_string()));
    field("long_run_day", p.long_run_day.clone());
    field("min_rest_days", p.min_rest_days.map(|n| n.to_string()));
    field(
        "available_days",
        p.available_days.as_ref().map(|d| format!("[{}]", d.join(", "))),
    );
    field(
        "rest_days",
        p.rest_days.as_ref().map(|d| format!("[{}]", d.join(", "))),
    );
    field("allow_back_to_back", p.allow_back_to_back.map(|b| b.to_string()));
    let map = |m: &BTreeMap<String, String>| {
        let items: Vec<String> = m.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        format!("{{{}}}", items.join(", "))
    };
    field(
        "max_minutes",
        p.max_minutes
            .as_ref()
            .map(|m| map(&m.iter().map(|(k, v)| (k.clone(), v.to_string())).collect())),
    );
    field("fixed", p.fixed.as_ref().map(map));
    field(
        "avoid",
        p.avoid.as_ref().map(|m| {
            map(&m
                .iter()
                .map(|(k, v)| (k.clone(), format!("[{}]", v.join(", "))))
                .collect())
        }),
    );
    y
}

/// The product's loads and assessment of a vector's week.
fn product(v: &Vector) -> (WeekLoads, Assessment) {
    let week: WeekSpec = v.week.parse().expect("the vector's week parses");
    let level: Level = serde_saphyr::from_str(&v.level).expect("level");
    let goal: Goal = serde_saphyr::from_str(&v.goal).expect("goal");
    if let Some(p) = &v.profile {
        let text = profile_yaml(v, p);
        let profile =
            Profile::from_yaml(&text, "vector").unwrap_or_else(|e| panic!("{}: {e:#}\n{text}", v.label));
        return Scorer::new(&Problem::new(&profile), 1.0).assess(&week);
    }
    let catalog = Catalog::default();
    let rule = MinutesRule {
        catalog: catalog.clone(),
        level,
        goal,
        weekly_minutes: None,
        caps: [None; 7],
        running_days: None,
        long_run: None,
    };
    let planned = rule.apply(&week);
    let loads = WeekLoads::new(&catalog, week.sessions(), planned.minutes, planned.shortfall);
    let judge = Judge::structural(goal, level);
    let a = assess(&judge, &loads);
    (loads, a)
}

fn metric(a: &Assessment, name: &str) -> Option<f64> {
    let m = &a.metrics;
    Some(match name {
        "z1" => m.z1,
        "z2" => m.z2,
        "z3" => m.z3,
        "monotony" => m.monotony,
        "strain" => m.strain,
        "peak_fatigue_ratio" => m.peak_fatigue_ratio,
        "volume_ratio" => m.volume_ratio,
        "long_run_share" => m.long_run_share,
        "long_ratio" => m.long_ratio,
        "minutes" => a.minutes,
        "load" => a.load,
        _ => return None,
    })
}

fn differences(v: &Vector, loads: &WeekLoads, a: &Assessment) -> Vec<String> {
    let mut out = Vec::new();
    let mut number = |what: String, got: f64, want: f64| {
        if (got - want).abs() > TOL || got.is_nan() {
            out.push(format!("{what}: weekwright {got}, vector {want}"));
        }
    };
    for d in 0..7 {
        number(format!("minutes[{}]", DAYS[d]), loads.minutes[d], v.minutes[d]);
        number(format!("load[{}]", DAYS[d]), loads.load[d], v.load[d]);
        number(
            format!("fitness[{}]", DAYS[d]),
            a.state.fitness[d],
            v.fitness_end_of_day[d],
        );
        number(
            format!("fatigue[{}]", DAYS[d]),
            a.state.fatigue[d],
            v.fatigue_end_of_day[d],
        );
        number(
            format!("legs[{}]", DAYS[d]),
            a.state.legs[d],
            v.legs_end_of_day[d],
        );
        let want = v.freshness_rho.get(DAYS[d]).copied();
        match (a.freshness[d], want) {
            (Some(got), Some(want)) => number(format!("rho[{}]", DAYS[d]), got, want),
            (None, None) => {}
            (got, want) => number(
                format!("rho[{}] present", DAYS[d]),
                f64::from(u8::from(got.is_some())),
                f64::from(u8::from(want.is_some())),
            ),
        }
    }
    for (name, want) in v.totals.iter().chain(&v.metrics) {
        number(name.clone(), metric(a, name).unwrap_or(f64::NAN), *want);
    }
    for (i, c) in Component::ALL.iter().enumerate() {
        let want = v.components_lost.get(c.id()).copied().unwrap_or(f64::NAN);
        number(format!("lost.{}", c.id()), a.lost[i], want);
    }
    number("score".to_string(), a.score, v.score);
    let violations: Vec<&str> = a
        .violations
        .iter()
        .map(weekwright::model::Constraint::id)
        .collect();
    if violations != v.violations.iter().map(String::as_str).collect::<Vec<_>>() {
        out.push(format!(
            "violations: weekwright {violations:?}, vector {:?}",
            v.violations
        ));
    }
    if a.verdict.id() != v.verdict {
        out.push(format!(
            "verdict: weekwright {}, vector {}",
            a.verdict.id(),
            v.verdict
        ));
    }
    if a.repeatable != v.repeatable {
        out.push(format!(
            "repeatable: weekwright {}, vector {}",
            a.repeatable, v.repeatable
        ));
    }
    out
}

#[test]
fn weekwright_matches_every_v2_vector_to_one_in_a_million() {
    let vectors = load_vectors();
    let mut report = Vec::new();
    for v in &vectors {
        let (loads, a) = product(v);
        let diffs = differences(v, &loads, &a);
        if !diffs.is_empty() {
            report.push(format!("{} ({}):\n  {}", v.label, v.week, diffs.join("\n  ")));
        }
    }
    assert!(
        report.is_empty(),
        "{} of {} vectors differ:\n{}",
        report.len(),
        vectors.len(),
        report.join("\n")
    );
}
