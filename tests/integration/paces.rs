//! VDOT and training paces (PACES.md): every vector of tests/data/paces-vectors.yaml, to
//! the second where the source is the equations and within 3 s per km where it is Daniels'
//! printed table; the library against an independent derivation of the same equations over
//! the whole range; round trips; and what a profile's `fitness:` refuses.

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde::Deserialize;
use weekwright::paces::{Distance, Fitness, NAMED_DISTANCES, RaceResult, RaceTime, Units};
use weekwright::profile::Profile;

use crate::support::data;

/// The equations of PACES.md written again, solved another way: the speed at a VO2 by
/// bisection on the oxygen cost (not its closed-form root), and a race time by the fixed
/// point t = d / v(VDOT x %max(t)) (not bisection on VDOT). The tests check the library
/// against these, never against itself.
// The constants as PACES.md prints them, so that they compare by eye.
#[allow(clippy::unreadable_literal)]
pub mod reference {
    /// Oxygen cost of running at `v` m/min.
    pub fn vo2(v: f64) -> f64 {
        -4.60 + 0.182258 * v + 0.000104 * v * v
    }

    /// Share of VO2max held for `t` minutes.
    pub fn share(t: f64) -> f64 {
        0.8 + 0.1894393 * (-0.012778 * t).exp() + 0.2989558 * (-0.1932605 * t).exp()
    }

    /// VDOT of `metres` in `minutes`.
    pub fn vdot(metres: f64, minutes: f64) -> f64 {
        vo2(metres / minutes) / share(minutes)
    }

    /// The speed (m/min) whose oxygen cost is `target`: the cost rises with speed above
    /// zero, so bisection on [0, 2000] m/min.
    pub fn speed(target: f64) -> f64 {
        let (mut lo, mut hi) = (0.0_f64, 2000.0_f64);
        for _ in 0..200 {
            let mid = 0.5 * (lo + hi);
            if vo2(mid) < target { lo = mid } else { hi = mid }
        }
        0.5 * (lo + hi)
    }

    /// Seconds to run `metres` at `vdot`: the fixed point of t = d / v(VDOT x %max(t)).
    pub fn seconds(metres: f64, vdot: f64) -> f64 {
        let mut t = metres / speed(vdot);
        for _ in 0..500 {
            let next = metres / speed(vdot * share(t));
            if (next - t).abs() < 1e-13 {
                break;
            }
            t = next;
        }
        assert!(
            (self::vdot(metres, t) - vdot).abs() < 1e-9,
            "no fixed point for {metres} m at {vdot}"
        );
        60.0 * t
    }

    /// Seconds per km at `fraction` of `vdot` taken as a VO2.
    pub fn pace(vdot: f64, fraction: f64) -> f64 {
        60_000.0 / speed(fraction * vdot)
    }

    /// The paces of PACES.md, seconds per km: E fast end, E slow end, M, T, I, R.
    pub fn paces(vdot: f64) -> [f64; 6] {
        let interval = pace(vdot, 0.9743);
        [
            pace(vdot, 0.7346),
            pace(vdot, 0.6304),
            seconds(42195.0, vdot) / 42.195,
            pace(vdot, 0.8799),
            interval,
            interval - 15.0,
        ]
    }
}

/// `m:ss` or `h:mm:ss` as seconds, read here rather than by the code under test.
pub fn seconds_of(clock: &str) -> f64 {
    clock
        .split(':')
        .map(|p| p.parse::<f64>().unwrap_or_else(|_| panic!("{clock}")))
        .fold(0.0, |acc, p| acc * 60.0 + p)
}

#[derive(Deserialize)]
struct Vectors {
    vdot: Vec<VdotVector>,
    equivalent: Vec<EquivalentVector>,
    paces_per_km: Vec<PacesVector>,
}

#[derive(Deserialize)]
struct VdotVector {
    metres: f64,
    time: String,
    vdot: f64,
    digits: i32,
}

#[derive(Deserialize)]
struct EquivalentVector {
    vdot: f64,
    metres: BTreeMap<String, f64>,
    equations: BTreeMap<String, String>,
    daniels: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct PacesVector {
    vdot: f64,
    equations: BTreeMap<String, Clock>,
    daniels: BTreeMap<String, Clock>,
}

/// A pace of the vectors: one, or E's range.
#[derive(Deserialize)]
#[serde(untagged)]
enum Clock {
    One(String),
    Range([String; 2]),
}

impl Clock {
    fn seconds(&self) -> Vec<f64> {
        match self {
            Clock::One(c) => vec![seconds_of(c)],
            Clock::Range(r) => r.iter().map(|c| seconds_of(c)).collect(),
        }
    }
}

fn vectors() -> Vectors {
    let text = std::fs::read_to_string(data("paces-vectors.yaml")).unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

fn fitness(vdot: f64) -> Fitness {
    Fitness::from_vdot(vdot).unwrap()
}

/// The library's paces at `vdot`, seconds per km, by the vectors' names.
fn library_paces(vdot: f64) -> BTreeMap<&'static str, Vec<f64>> {
    let p = fitness(vdot).paces();
    BTreeMap::from([
        (
            "easy",
            vec![p.easy[0].seconds_per_km(), p.easy[1].seconds_per_km()],
        ),
        ("marathon", vec![p.marathon.seconds_per_km()]),
        ("threshold", vec![p.threshold.seconds_per_km()]),
        ("interval", vec![p.interval.seconds_per_km()]),
        ("repetition", vec![p.repetition.seconds_per_km()]),
    ])
}

#[test]
fn every_vdot_vector_holds_to_the_digits_paces_md_gives() {
    let v = vectors();
    assert_eq!(v.vdot.len(), 2);
    for case in v.vdot {
        let result = RaceResult {
            distance: Distance::from_metres(case.metres).unwrap(),
            time: RaceTime::from_seconds(seconds_of(&case.time)).unwrap(),
        };
        let got = Fitness::from_result(result).unwrap().vdot();
        let half_unit = 0.5 * 10f64.powi(-case.digits);
        assert!(
            (got - case.vdot).abs() <= half_unit,
            "{} m in {}: VDOT {got}, PACES.md {}",
            case.metres,
            case.time,
            case.vdot
        );
    }
}

#[test]
fn equivalent_times_match_the_equations_to_the_second_and_daniels_table_within_3_s_per_km() {
    let v = vectors();
    assert_eq!(v.equivalent.len(), 1);
    for case in v.equivalent {
        assert_eq!(case.metres.len(), 4);
        for (name, metres) in &case.metres {
            let got = fitness(case.vdot)
                .race_time(Distance::from_metres(*metres).unwrap())
                .seconds();
            let equations = seconds_of(&case.equations[name]);
            assert_eq!(got.round(), equations, "{name} at VDOT {}: {got} s", case.vdot);
            let daniels = seconds_of(&case.daniels[name]);
            let per_km = (got - daniels).abs() / (metres / 1000.0);
            assert!(per_km <= 3.0, "{name}: {got} s against Daniels' {daniels} s");
        }
    }
}

#[test]
fn paces_match_the_equations_to_the_second_and_daniels_table_within_3_s_per_km() {
    let v = vectors();
    assert_eq!(v.paces_per_km.len(), 1);
    for case in v.paces_per_km {
        let got = library_paces(case.vdot);
        assert_eq!(case.equations.len(), 4);
        for (name, want) in &case.equations {
            let rounded: Vec<f64> = got[name.as_str()].iter().map(|s| s.round()).collect();
            assert_eq!(
                rounded,
                want.seconds(),
                "{name} at VDOT {}: {:?}",
                case.vdot,
                got[name.as_str()]
            );
        }
        for (name, want) in &case.daniels {
            for (g, w) in got[name.as_str()].iter().zip(want.seconds()) {
                assert!((g - w).abs() <= 3.0, "{name}: {g} s/km against Daniels' {w}");
            }
        }
        // R has no vector: PACES.md defines it as I less 15 s per km, 6 s per 400 m.
        let p = fitness(case.vdot).paces();
        let r = p.repetition;
        assert!((r.seconds_per_km() - (p.interval.seconds_per_km() - 15.0)).abs() < 1e-9);
        assert!((r.per_400m() - (p.interval.per_400m() - 6.0)).abs() < 1e-9);
    }
}

#[test]
fn the_library_agrees_with_an_independent_derivation_over_every_vdot_and_distance() {
    let mut checked = 0;
    for step in 0..=28 {
        let vdot = 20.0 + 2.5 * f64::from(step);
        let f = fitness(vdot);
        for (name, metres) in NAMED_DISTANCES {
            let got = f.race_time(Distance::from_metres(metres).unwrap()).seconds();
            let want = reference::seconds(metres, vdot);
            // Sub-millisecond, as the library promises.
            assert!(
                (got - want).abs() < 1e-3,
                "{name} at {vdot}: {got} s, reference {want} s"
            );
            checked += 1;
        }
        let p = f.paces();
        let got = [
            p.easy[0].seconds_per_km(),
            p.easy[1].seconds_per_km(),
            p.marathon.seconds_per_km(),
            p.threshold.seconds_per_km(),
            p.interval.seconds_per_km(),
            p.repetition.seconds_per_km(),
        ];
        let want = reference::paces(vdot);
        for (i, (g, w)) in got.iter().zip(want).enumerate() {
            assert!((g - w).abs() < 1e-4, "pace {i} at {vdot}: {g}, reference {w}");
        }
        // Per mile and per 400 m are the same speed over another distance.
        for (g, w) in [p.easy[0], p.threshold, p.interval]
            .iter()
            .zip([want[0], want[3], want[4]])
        {
            assert!((g.per(Units::Mi) - w * 1.609_344).abs() < 1e-4);
            assert!((g.per(Units::Km) - w).abs() < 1e-4);
            assert!((g.per_400m() - w * 0.4).abs() < 1e-4);
        }
    }
    assert_eq!(checked, 29 * 10);
}

#[test]
fn slower_paces_come_with_lower_fitness_and_in_the_order_e_m_t_i_r() {
    let mut last: Option<[f64; 6]> = None;
    for step in 0..=70 {
        let vdot = 20.0 + f64::from(step);
        let p = library_paces(vdot);
        let now = [
            p["easy"][1],
            p["easy"][0],
            p["marathon"][0],
            p["threshold"][0],
            p["interval"][0],
            p["repetition"][0],
        ];
        assert!(now.windows(2).all(|w| w[0] > w[1]), "VDOT {vdot}: {now:?}");
        if let Some(before) = last {
            assert!(before.iter().zip(now).all(|(b, n)| *b > n), "VDOT {vdot}");
        }
        last = Some(now);
    }
}

#[test]
fn an_equivalent_time_near_the_result_is_close_to_riegels() {
    // Riegel's T2 = T1 (D2 / D1)^1.06 is PACES.md's cross-check for nearby distances.
    for (from, time, to) in [
        (5000.0, 1200.0, 10_000.0),
        (10_000.0, 2550.0, 21_097.5),
        (21_097.5, 5700.0, 42_195.0),
    ] {
        let f = Fitness::from_result(RaceResult {
            distance: Distance::from_metres(from).unwrap(),
            time: RaceTime::from_seconds(time).unwrap(),
        })
        .unwrap();
        let got = f.race_time(Distance::from_metres(to).unwrap()).seconds();
        let riegel = time * (to / from).powf(1.06);
        assert!(
            (got / riegel - 1.0).abs() < 0.03,
            "{from} -> {to}: {got} s, Riegel {riegel} s"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// The equivalent time of the result's own distance is the result's time.
    #[test]
    fn the_equivalent_time_of_the_input_distance_is_the_input_time(
        metres in 1500.0_f64..=42_195.0,
        // Below 83.2, the VDOT of the mile's world record, the lowest of the records'
        // (docs/model.md, "Results faster than the world record"): a faster result is
        // refused.
        vdot in 20.5_f64..83.0,
    ) {
        // A time inside the range, from the reference.
        let seconds = reference::seconds(metres, vdot);
        let result = RaceResult {
            distance: Distance::from_metres(metres).unwrap(),
            time: RaceTime::from_seconds(seconds).unwrap(),
        };
        let f = Fitness::from_result(result).unwrap();
        prop_assert!((f.vdot() - vdot).abs() < 1e-6, "{} against {}", f.vdot(), vdot);
        let back = f.race_time(result.distance).seconds();
        prop_assert!((back - seconds).abs() < 1e-3, "{metres} m: {seconds} s came back as {back} s");
    }
}

#[test]
fn named_results_round_trip_as_runners_write_them() {
    for text in [
        "5k=20:00",
        "10K = 42:30",
        "half=1:35:00",
        "marathon=3:30:00",
        "mile=5:30",
        "1500m=4:45",
        "10mi=1:10:00",
        "15k=1:05:00",
        "8k=32:00",
        "3k=10:30",
        "12 km=55:00",
    ] {
        let r: RaceResult = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        let f = Fitness::from_result(r).unwrap();
        let back = f.race_time(r.distance).seconds();
        assert!((back - r.time.seconds()).abs() < 1e-3, "{text}: {back}");
        assert_eq!(f.race_time(r.distance).to_string(), r.time.to_string(), "{text}");
    }
}

#[test]
fn every_named_distance_is_the_official_distance() {
    // World Athletics' distances: the mile is 1609.344 m, the half 21.0975 km.
    let official = [
        ("1500m", 1500.0),
        ("mile", 1609.344),
        ("3k", 3000.0),
        ("5k", 5000.0),
        ("8k", 8000.0),
        ("10k", 10_000.0),
        ("15k", 15_000.0),
        ("10mi", 16_093.44),
        ("half", 21_097.5),
        ("marathon", 42_195.0),
    ];
    assert_eq!(NAMED_DISTANCES.len(), official.len());
    for (name, metres) in official {
        let r: RaceResult = format!("{name}=1:00:00").parse().unwrap();
        assert!(
            (r.distance.metres() - metres).abs() < 1e-9,
            "{name}: {}",
            r.distance.metres()
        );
        assert_eq!(r.distance.to_string(), name);
    }
}

#[test]
fn bad_results_name_what_is_wrong_and_the_forms() {
    let cases = [
        ("10k", "write DIST=TIME, such as 10k=42:30"),
        ("10k=", "mm:ss or h:mm:ss"),
        ("10k=42", "mm:ss or h:mm:ss"),
        ("10k=42:3", "two digits"),
        ("10k=42:60", "below 60"),
        (
            "ultra=3:00:00",
            "1500m, mile, 3k, 5k, 8k, 10k, 15k, 10mi, half, marathon",
        ),
        ("halff=1:35:00", "did you mean 'half'"),
        ("5000=20:00", "needs its unit"),
        ("800m=2:00", "1500 m to 42.195 km"),
        ("100km=8:00:00", "1500 m to 42.195 km"),
    ];
    for (text, want) in cases {
        let e = text.parse::<RaceResult>().unwrap_err().to_string();
        assert!(e.contains(want), "{text}: {e}");
    }
    for (text, vdot) in [
        ("5k=10:00", "VDOT of 11"),
        ("marathon=9:00:00", "VDOT of 1"),
        ("10k=25:00", "VDOT of 90.4"),
    ] {
        let r: RaceResult = text.parse().unwrap();
        let e = Fitness::from_result(r).unwrap_err().to_string();
        assert!(e.contains(vdot) && e.contains("20 to 90"), "{text}: {e}");
    }
}

#[test]
fn a_profiles_fitness_is_read_and_its_mistakes_name_the_field() {
    let p = Profile::from_yaml(
        "weekly_minutes: 300\nfitness: {vdot: 48.5}\nunits: MI\n",
        "p.yaml",
    )
    .unwrap();
    assert_eq!(p.fitness.map(|f| f.vdot()), Some(48.5));
    assert_eq!(p.units, Units::Mi);
    let p = Profile::from_yaml(
        "weekly_minutes: 300\nfitness:\n  result: {distance: 10k, time: 42:30}\n",
        "p.yaml",
    )
    .unwrap();
    let f = p.fitness.unwrap();
    assert_eq!(f.result().unwrap().to_string(), "10k in 42:30");
    assert!((f.vdot() - reference::vdot(10_000.0, 42.5)).abs() < 1e-9);
    let p = Profile::from_yaml("weekly_minutes: 300\n", "p.yaml").unwrap();
    assert_eq!((p.fitness, p.units), (None, Units::Km));

    let cases = [
        (
            "fitness: {vdot: 95}",
            "field 'fitness.vdot': 95 is out of range: use 20 to 90",
        ),
        ("fitness: {vdot: 19}", "field 'fitness.vdot'"),
        ("fitness: {vdot: .nan}", "field 'fitness.vdot'"),
        ("fitness: {}", "field 'fitness': it is empty"),
        (
            "fitness: {vdot: 50, result: {distance: 5k, time: \"20:00\"}}",
            "field 'fitness': it holds both",
        ),
        (
            "fitness: {result: {distance: 5k, time: \"9:00\"}}",
            "field 'fitness.result': 5k in 9:00 gives a VDOT of",
        ),
        ("fitness: {result: {distance: 5k}}", "'time' is missing"),
        (
            "fitness: {result: {distance: furlong, time: \"9:00\"}}",
            "field 'fitness.result.distance': unknown distance",
        ),
        (
            "fitness: {result: {distance: 5k, time: \"9\"}}",
            "field 'fitness.result.time'",
        ),
        (
            "fitness: {result: {distance: 5k, time: \"20:00\", date: 2026-11-01}}",
            "unknown field 'date'",
        ),
        ("fitness: {vdots: 50}", "unknown field 'vdots'"),
        ("fitness: 50", "field 'fitness'"),
        (
            "units: miles",
            "field 'units': unknown units 'miles': use km or mi",
        ),
    ];
    for (body, want) in cases {
        let text = format!("weekly_minutes: 300\n{body}\n");
        let e = Profile::from_yaml(&text, "p.yaml").unwrap_err().to_string();
        assert!(e.contains(want), "{body}: {e}");
        assert!(e.starts_with("p.yaml"), "{body}: {e}");
    }
}
