//! The binary against the independent checker (checker.rs): random small profiles and random
//! weeks go through `generate` and `score` as a user would run them, and what comes out is
//! judged by rules read from the documents, never by the engine's own.
//!
//! The profiles stay small (three to five training days) so that the checker's brute force
//! can say for itself whether any week fits.

use proptest::prelude::*;
use serde_json::Value;

use crate::checker::{
    self, DAYS, GOALS, LEVELS, Plan, Profile, Session, Violation, check_generated, printed_violations,
    violations, weeks_within_rules,
};
use crate::support::{Run, weekwright};

// ---------------------------------------------------------------------------------------------
// Random profiles
// ---------------------------------------------------------------------------------------------

/// How a random profile is made invalid, if it is.
#[derive(Debug, Clone)]
enum Flaw {
    WeeklyMinutes(u32),
    Cap(usize, u32),
    HardSessions(u8),
    UnknownField,
    UnknownDay,
    UnknownSession,
}

/// `long_run_day` as written.
#[derive(Debug, Clone, Copy)]
enum LongDay {
    Omitted,
    /// `none`.
    Never,
    On(usize),
}

/// A random profile before it is written out. Session and day names are written in one of
/// the spellings the documents accept.
#[derive(Debug, Clone)]
struct ProfileSpec {
    name: Option<u16>,
    level: Option<usize>,
    goal: Option<usize>,
    weekly_minutes: u32,
    /// `None`: `available_days` omitted (every day).
    available: Option<Vec<usize>>,
    rest_days: Vec<usize>,
    /// Day, session, spelling.
    fixed: Option<(usize, usize, usize)>,
    /// Day, then sessions with their spelling.
    avoid: Vec<(usize, Vec<(usize, usize)>)>,
    caps: Vec<(usize, u32)>,
    hard_sessions: Option<u8>,
    long_run_day: LongDay,
    min_rest_days: Option<u8>,
    allow_back_to_back: Option<bool>,
    cross_training: Option<bool>,
    minutes_override: Option<(usize, u32)>,
    /// `model: {easy_floor}` in hundredths.
    easy_floor: Option<u32>,
    day_style: usize,
    flaw: Option<Flaw>,
}

/// Spellings of each session (MODEL.md section 1: ids and forgiving names), catalog order.
fn spellings(s: Session) -> &'static [&'static str] {
    match s {
        Session::Rest => &["rest", "Rest", "off", "OFF"],
        Session::Recovery => &["recovery", "Recovery"],
        Session::Easy => &["easy", "Easy", "easy run", "Easy Run"],
        Session::Strides => &["strides", "STRIDES"],
        Session::Cross => &["cross", "xt", "XT"],
        Session::Moderate => &["moderate", "steady", "Steady"],
        Session::Long => &["long", "long run", "Long Run"],
        Session::LongFast => &["long_fast", "Long_Fast"],
        Session::Marathon => &["marathon", "Marathon"],
        Session::Tempo => &["tempo", "threshold", "Threshold"],
        Session::Intervals => &["intervals", "vo2", "VO2"],
        Session::Hills => &["hills", "Hills"],
        Session::Race => &["race", "Race"],
    }
}

fn spell(session: usize, style: usize) -> &'static str {
    let forms = spellings(Session::ALL[session]);
    forms[style % forms.len()]
}

fn day_name(d: usize, style: usize) -> String {
    const FULL: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let base = if style >= 2 { FULL[d] } else { DAYS[d] };
    if style % 2 == 1 {
        let mut c = base.chars();
        c.next()
            .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
            .unwrap_or_default()
    } else {
        base.to_string()
    }
}

impl ProfileSpec {
    fn trains_on(&self, d: usize) -> bool {
        self.available.as_ref().is_none_or(|a| a.contains(&d)) && !self.rest_days.contains(&d)
    }

    /// The profile file.
    fn yaml(&self) -> String {
        let day = |d: usize| day_name(d, self.day_style);
        let days = |list: &[usize]| list.iter().map(|&d| day(d)).collect::<Vec<_>>().join(", ");
        let mut lines: Vec<String> = Vec::new();
        if let Some(n) = self.name {
            lines.push(format!("name: \"runner {n}\""));
        }
        if let Some(l) = self.level {
            lines.push(format!("level: {}", LEVELS[l]));
        }
        if let Some(g) = self.goal {
            lines.push(format!("goal: {}", GOALS[g]));
        }
        let weekly = match self.flaw {
            Some(Flaw::WeeklyMinutes(w)) => w,
            _ => self.weekly_minutes,
        };
        lines.push(format!("weekly_minutes: {weekly}"));
        if let Some(a) = &self.available {
            lines.push(format!("available_days: [{}]", days(a)));
        }
        let mut rest: Vec<String> = self.rest_days.iter().map(|&d| day(d)).collect();
        if matches!(self.flaw, Some(Flaw::UnknownDay)) {
            rest.push("someday".into());
        }
        if !rest.is_empty() {
            lines.push(format!("rest_days: [{}]", rest.join(", ")));
        }
        match self.flaw {
            Some(Flaw::HardSessions(h)) => lines.push(format!("hard_sessions: {h}")),
            _ => {
                if let Some(h) = self.hard_sessions {
                    lines.push(format!("hard_sessions: {h}"));
                }
            }
        }
        match self.long_run_day {
            LongDay::Omitted => {}
            LongDay::Never => lines.push("long_run_day: none".into()),
            LongDay::On(d) => lines.push(format!("long_run_day: {}", day(d))),
        }
        if let Some(r) = self.min_rest_days {
            lines.push(format!("min_rest_days: {r}"));
        }
        if let Some((d, s, style)) = self.fixed {
            lines.push(format!("fixed: {{{}: \"{}\"}}", day(d), spell(s, style)));
        }
        let mut avoid: Vec<String> = self
            .avoid
            .iter()
            .map(|(d, list)| {
                let names: Vec<String> = list
                    .iter()
                    .map(|&(s, st)| format!("\"{}\"", spell(s, st)))
                    .collect();
                format!("{}: [{}]", day(*d), names.join(", "))
            })
            .collect();
        if matches!(self.flaw, Some(Flaw::UnknownSession)) {
            let free = (0..7)
                .find(|d| self.avoid.iter().all(|(a, _)| a != d))
                .unwrap_or(0);
            avoid.push(format!("{}: [sprints]", day(free)));
        }
        if !avoid.is_empty() {
            lines.push(format!("avoid: {{{}}}", avoid.join(", ")));
        }
        let mut caps: Vec<(usize, u32)> = self.caps.clone();
        if let Some(Flaw::Cap(d, c)) = self.flaw {
            caps.retain(|(x, _)| *x != d);
            caps.push((d, c));
        }
        if !caps.is_empty() {
            let items: Vec<String> = caps.iter().map(|&(d, c)| format!("{}: {c}", day(d))).collect();
            lines.push(format!("max_minutes: {{{}}}", items.join(", ")));
        }
        if let Some(b) = self.allow_back_to_back {
            lines.push(format!("allow_back_to_back: {b}"));
        }
        if let Some(c) = self.cross_training {
            lines.push(format!("cross_training: {c}"));
        }
        if let Some((s, m)) = self.minutes_override {
            lines.push(format!(
                "sessions: {{{}: {{minutes: {m}, rpe: 7}}}}",
                Session::ALL[s].id()
            ));
        }
        if let Some(f) = self.easy_floor {
            lines.push(format!("model: {{easy_floor: {}}}", f64::from(f) / 100.0));
        }
        if matches!(self.flaw, Some(Flaw::UnknownField)) {
            lines.push("hard_session: 2".into());
        }
        lines.join("\n") + "\n"
    }
}

fn flaw() -> impl Strategy<Value = Flaw> {
    prop_oneof![
        prop_oneof![1u32..30, 2401u32..3000].prop_map(Flaw::WeeklyMinutes),
        (0usize..7, prop_oneof![1u32..20, 601u32..700]).prop_map(|(d, c)| Flaw::Cap(d, c)),
        (5u8..9).prop_map(Flaw::HardSessions),
        Just(Flaw::UnknownField),
        Just(Flaw::UnknownDay),
        Just(Flaw::UnknownSession),
    ]
}

/// Training days: an explicit `available_days` of three to five days (and perhaps a rest
/// day), or every day by default with two to four `rest_days`.
fn days() -> impl Strategy<Value = (Option<Vec<usize>>, Vec<usize>)> {
    let all: Vec<usize> = (0..7).collect();
    prop_oneof![
        (
            prop::sample::subsequence(all.clone(), 3..=5),
            prop::sample::subsequence(all.clone(), 0..=1)
        )
            .prop_map(|(a, r)| (Some(a), r)),
        prop::sample::subsequence(all, 2..=4).prop_map(|r| (None, r)),
    ]
}

fn profile_spec() -> impl Strategy<Value = ProfileSpec> {
    let session = 0usize..13;
    let style = 0usize..4;
    (
        (
            prop::option::of(0u16..1000),
            prop::option::of(0usize..3),
            prop::option::of(0usize..5),
            120u32..=600,
            days(),
            prop::option::of((0usize..7, session.clone(), style.clone())),
        ),
        (
            prop::collection::vec((0usize..7, prop::collection::vec((session, style), 1..=3)), 0..=2),
            // Caps from 90 minutes: a long-run day capped below the goal's shortest long run
            // (45 to 90 minutes) is refused (exit 2), which would hide every other failure.
            prop::collection::vec((0usize..7, 90u32..=200), 0..=2),
            prop::option::of(0u8..=4),
            prop_oneof![
                Just(LongDay::Omitted),
                Just(LongDay::Never),
                (0usize..7).prop_map(LongDay::On)
            ],
            prop::option::of(0u8..=4),
            prop::option::of(any::<bool>()),
        ),
        (
            prop::option::of(any::<bool>()),
            prop::option::weighted(0.15, (8usize..12, 20u32..=90)),
            prop::option::weighted(0.15, 45u32..=80),
            0usize..4,
            prop::option::weighted(0.12, flaw()),
        ),
    )
        .prop_map(
            |(
                (name, level, goal, weekly_minutes, (available, rest_days), fixed),
                (avoid, caps, hard_sessions, long_run_day, min_rest_days, allow_back_to_back),
                (cross_training, minutes_override, easy_floor, day_style, flaw),
            )| {
                let mut spec = ProfileSpec {
                    name,
                    level,
                    goal,
                    weekly_minutes,
                    available,
                    rest_days,
                    fixed,
                    avoid: Vec::new(),
                    caps: Vec::new(),
                    hard_sessions,
                    long_run_day,
                    min_rest_days,
                    allow_back_to_back,
                    cross_training,
                    minutes_override,
                    easy_floor,
                    day_style,
                    flaw,
                };
                // One entry a day (a YAML map holds a key once).
                for (d, list) in avoid {
                    if spec.avoid.iter().all(|(x, _)| *x != d) {
                        // Rest is avoided only where the runner trains: avoiding rest on a
                        // day off is a finding of its own (see the ignored tests).
                        let list: Vec<(usize, usize)> = list
                            .into_iter()
                            .filter(|&(s, _)| s != 0 || spec.trains_on(d))
                            .collect();
                        if !list.is_empty() {
                            spec.avoid.push((d, list));
                        }
                    }
                }
                for (d, c) in caps {
                    if spec.caps.iter().all(|(x, _)| *x != d) {
                        spec.caps.push((d, c));
                    }
                }
                spec
            },
        )
}

/// A profile written to a file the binary reads.
fn profile_file(yaml: &str) -> tempfile::NamedTempFile {
    let mut file = tempfile::Builder::new()
        .prefix("profile-")
        .suffix(".yaml")
        .tempfile()
        .expect("a temporary file");
    std::io::Write::write_all(&mut file, yaml.as_bytes()).expect("written");
    file
}

fn path_of(file: &tempfile::NamedTempFile) -> &str {
    file.path().to_str().expect("a UTF-8 path")
}

fn show(run: &Run) -> String {
    format!(
        "exit {}\nstderr: {}\nstdout: {:.3000}",
        run.code, run.stderr, run.stdout
    )
}

// ---------------------------------------------------------------------------------------------
// generate
// ---------------------------------------------------------------------------------------------

/// `score` one week with the profile and check its violations against the checker's; the
/// engine's verdict on repeatability comes back with the violations.
fn score_with_profile(path: &str, profile: &Profile, week: &[Session; 7]) -> (Vec<Violation>, bool) {
    let w = checker::week_string(week);
    let run = weekwright(&["score", "--profile", path, "--week", &w, "--format", "json"]);
    assert_eq!(run.code, 0, "score --week {w}: {}", show(&run));
    let out = run.json();
    let plan = Plan::from_json(&out["days"]);
    let printed = printed_violations(&out["violations"]);
    let found = violations(&plan, Some(profile), profile.goal, profile.level);
    assert_eq!(
        printed, found,
        "{w}: the engine's violations (left) against the checker's"
    );
    (printed, out["repeatable"] == Value::Bool(true))
}

/// Exit 3 with weeks left by the checker's brute force: none of them may be a week the engine
/// itself scores as meeting every hard constraint and repeatable. The weeks are sampled
/// evenly (at most eight), each scored and its violations checked too.
fn no_week_is_repeatable(path: &str, profile: &Profile, weeks: &[[Session; 7]], run: &Run) {
    let step = weeks.len().div_ceil(8);
    for week in weeks.iter().step_by(step) {
        let (printed, repeatable) = score_with_profile(path, profile, week);
        assert!(
            !printed.is_empty() || !repeatable,
            "generate found no week, yet {} meets every hard constraint and is repeatable\n{}",
            checker::week_string(week),
            show(run)
        );
    }
}

fn check_generate(yaml: &str) {
    let file = profile_file(yaml);
    let path = path_of(&file);
    let run = weekwright(&["generate", "--profile", path, "--format", "json", "--top", "10"]);
    let profile = match Profile::from_yaml(yaml) {
        Err(why) => {
            assert_eq!(
                run.code,
                2,
                "the checker reads the profile as invalid ({why})\n{yaml}{}",
                show(&run)
            );
            return;
        }
        Ok(p) => p,
    };
    let clashes = profile.contradictions();
    let weeks = weeks_within_rules(&profile);
    assert!(
        clashes.is_empty() || weeks.is_empty(),
        "checker: {clashes:?} yet weeks fit"
    );
    match run.code {
        0 => {
            assert!(
                clashes.is_empty(),
                "plans for a profile that contradicts itself: {clashes:?}\n{yaml}"
            );
            let out = run.json();
            let plans = out["plans"].as_array().expect("plans");
            assert!(!plans.is_empty(), "exit 0 without a plan\n{yaml}{}", show(&run));
            let feasible = out["feasible"].as_u64().expect("feasible");
            assert!(
                feasible <= weeks.len() as u64,
                "the engine counts {feasible} feasible weeks, the checker at most {}\n{yaml}",
                weeks.len()
            );
            assert!(plans.len() as u64 <= feasible);
            for plan in plans {
                let p = Plan::from_json(&plan["days"]);
                if let Err(why) = check_generated(&p, &profile) {
                    panic!(
                        "generate emitted {} which {why}\n{yaml}",
                        checker::week_string(&p.sessions)
                    );
                }
                assert!(
                    weeks.contains(&p.sessions),
                    "the brute force lacks an emitted week\n{yaml}"
                );
                assert_eq!(plan["violations"], serde_json::json!([]));
                assert_eq!(
                    plan["repeatable"],
                    Value::Bool(true),
                    "generate emits repeatable weeks only"
                );
            }
        }
        2 => assert!(
            !clashes.is_empty(),
            "exit 2 for a profile the checker reads as valid\n{yaml}{}",
            show(&run)
        ),
        3 => {
            assert!(
                run.stderr.contains("no week fits") || run.stderr.contains("no repeatable week fits"),
                "{}",
                show(&run)
            );
            if !weeks.is_empty() {
                no_week_is_repeatable(path, &profile, &weeks, &run);
            }
        }
        _ => panic!("unexpected exit\n{yaml}{}", show(&run)),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, max_shrink_iters: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_plan_generate_emits_meets_its_profile_by_the_independent_checker(spec in profile_spec()) {
        check_generate(&spec.yaml());
    }
}

// ---------------------------------------------------------------------------------------------
// score
// ---------------------------------------------------------------------------------------------

/// A day of a random week: session, spelling, explicit minutes.
type DaySpec = (usize, usize, Option<u32>);

fn week_spec() -> impl Strategy<Value = [DaySpec; 7]> {
    let day = (0usize..13, 0usize..4, prop::option::weighted(0.2, 10u32..=200));
    [
        day.clone(),
        day.clone(),
        day.clone(),
        day.clone(),
        day.clone(),
        day.clone(),
        day,
    ]
}

/// How the week to score is drawn.
#[derive(Debug, Clone)]
enum WeekPick {
    /// The random week as drawn.
    Random,
    /// A week of the checker's brute force (the n-th, wrapping), so that it breaks no rule
    /// the minutes do not decide; perhaps with one day changed, so that it breaks one.
    Near(u32, Option<(usize, usize)>),
    /// A week of the brute force with the k-th temptation of the profile on its day: an
    /// avoided session, or another session on a fixed day.
    Tempted(u32, usize),
}

fn week_pick() -> impl Strategy<Value = WeekPick> {
    prop_oneof![
        2 => Just(WeekPick::Random),
        3 => (any::<u32>(), prop::option::weighted(0.6, (0usize..7, 0usize..13)))
            .prop_map(|(n, change)| WeekPick::Near(n, change)),
        1 => (any::<u32>(), any::<usize>()).prop_map(|(n, k)| WeekPick::Tempted(n, k)),
    ]
}

/// The sessions of the week to score: the random week, or one near the brute force's.
fn sessions_to_score(week: &[DaySpec; 7], pick: &WeekPick, profile: Option<&Profile>) -> [usize; 7] {
    let random: [usize; 7] = week.map(|(s, _, _)| s);
    let Some(p) = profile else {
        return random;
    };
    let (n, change) = match pick {
        WeekPick::Random => return random,
        WeekPick::Near(n, change) => (*n, *change),
        WeekPick::Tempted(n, k) => {
            let mut temptations: Vec<(usize, Session)> = (0..7)
                .flat_map(|d| p.avoid[d].iter().map(move |&s| (d, s)))
                .collect();
            for d in 0..7 {
                // One other session on a fixed day, so that the avoided ones keep their weight.
                if let Some(f) = p.fixed[d] {
                    let other = Session::ALL[(k / 16) % 13];
                    temptations.push((
                        d,
                        if other == f {
                            Session::ALL[(k / 16 + 1) % 13]
                        } else {
                            other
                        },
                    ));
                }
            }
            let change = (!temptations.is_empty()).then(|| {
                let (d, s) = temptations[k % temptations.len()];
                (d, Session::ALL.iter().position(|x| *x == s).expect("a session"))
            });
            (*n, change)
        }
    };
    let weeks = weeks_within_rules(p);
    if weeks.is_empty() {
        return random;
    }
    let mut sessions = weeks[n as usize % weeks.len()]
        .map(|s| Session::ALL.iter().position(|x| *x == s).expect("a session"));
    if let Some((d, s)) = change {
        sessions[d] = s;
    }
    sessions
}

/// The WEEK argument: each session in its drawn spelling, with its drawn minutes (rest takes
/// none).
fn week_arg(week: &[DaySpec; 7], sessions: &[usize; 7]) -> String {
    let items: Vec<String> = (0..7)
        .map(|d| {
            let name = spell(sessions[d], week[d].1);
            match week[d].2 {
                Some(m) if sessions[d] != 0 => format!("{name}:{m}"),
                _ => name.to_string(),
            }
        })
        .collect();
    items.join(",")
}

fn check_score(
    spec: &ProfileSpec,
    with_profile: bool,
    level: usize,
    goal: usize,
    week: &[DaySpec; 7],
    pick: &WeekPick,
) {
    let yaml = spec.yaml();
    let file = profile_file(&yaml);
    let profile = if with_profile {
        Some(Profile::from_yaml(&yaml))
    } else {
        None
    };
    let sessions = sessions_to_score(week, pick, profile.as_ref().and_then(|r| r.as_ref().ok()));
    let w = week_arg(week, &sessions);
    let run = match &profile {
        Some(_) => weekwright(&[
            "score",
            "--profile",
            path_of(&file),
            "--week",
            &w,
            "--format",
            "json",
        ]),
        None => weekwright(&[
            "score",
            "--level",
            LEVELS[level],
            "--goal",
            GOALS[goal],
            "--week",
            &w,
            "--format",
            "json",
        ]),
    };
    let profile = match profile {
        None => None,
        Some(Err(why)) => {
            assert_eq!(
                run.code,
                2,
                "the checker reads the profile as invalid ({why})\n{yaml}{}",
                show(&run)
            );
            return;
        }
        Some(Ok(p)) => {
            if run.code == 2 && !p.contradictions().is_empty() {
                return;
            }
            Some(p)
        }
    };
    assert_eq!(run.code, 0, "score --week {w}\n{yaml}{}", show(&run));
    let out = run.json();
    let mut plan = Plan::from_json(&out["days"]);
    for d in 0..7 {
        if let (Some(m), true) = (week[d].2, sessions[d] != 0) {
            plan.explicit[d] = true;
            assert_eq!(
                plan.minutes[d],
                f64::from(m),
                "{}'s given minutes are kept: {w}",
                DAYS[d]
            );
        }
    }
    let printed = printed_violations(&out["violations"]);
    let found = violations(&plan, profile.as_ref(), goal, level);
    let with = if profile.is_some() {
        yaml
    } else {
        format!("--level {} --goal {}\n", LEVELS[level], GOALS[goal])
    };
    assert_eq!(
        printed, found,
        "score --week {w}: the engine's violations (left) against the checker's\n{with}minutes {:?}",
        plan.minutes
    );
    let verdict = out["verdict"].as_str().expect("verdict");
    if !found.is_empty() {
        assert_eq!(
            verdict, "unbalanced",
            "a week that breaks a hard constraint is unbalanced"
        );
        assert_eq!(
            out["repeatable"],
            Value::Bool(false),
            "a week that breaks a hard constraint is not repeatable"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, max_shrink_iters: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn score_reports_exactly_the_violations_the_independent_checker_finds(
        spec in profile_spec(),
        with_profile in prop::bool::weighted(0.75),
        level in 0usize..3,
        goal in 0usize..5,
        week in week_spec(),
        pick in week_pick(),
    ) {
        check_score(&spec, with_profile, level, goal, &week, &pick);
    }
}

/// Where the code disagreed with the documents. Each test states what the documents say;
/// the ones that failed on the code were ignored so that the suite stayed green (run them
/// with `cargo test --test integration -- --ignored findings`); model v2 resolved them all,
/// so none is ignored now. The property tests above
/// keep clear of these corners (caps from 90 minutes, rest avoided only on training days) so
/// that they do not hide every other failure.
mod findings {
    use super::{profile_file, show};
    use crate::checker::{self, Plan, Profile, V2, printed_violations, violations_by};
    use crate::support::weekwright;

    // Two findings of this review are resolved by refusing the profile instead (exit 2,
    // naming both fields; bad_input.rs tests the messages): a long-run day capped below the
    // shortest long run, and rest avoided on a day that must be rest. The second keeps its
    // test below, no longer ignored.

    /// MODEL.md v2's vector "a run on an unavailable day, and a tempo over its day's cap".
    const FRIDAY_CAPPED: &str = "weekly_minutes: 300\ncurrent_weekly_minutes: 300\nhard_sessions: 2\n\
        long_run_day: sun\nmin_rest_days: 1\navailable_days: [mon, tue, wed, fri, sat, sun]\n\
        max_minutes: {fri: 40.0}\n";

    /// A former finding, resolved by model v2 in the code: caps shape only the easy days.
    #[test]
    fn a_tempo_over_its_days_cap_breaks_availability_as_model_v2_says() {
        let file = profile_file(FRIDAY_CAPPED);
        let path = file.path().to_str().expect("a path");
        let week = "easy,intervals,easy,easy,tempo,rest,long";
        let run = weekwright(&["score", "--profile", path, "--week", week, "--format", "json"]);
        assert_eq!(run.code, 0, "{}", show(&run));
        let out = run.json();
        let p = Profile::from_yaml(FRIDAY_CAPPED).expect("valid");
        let plan = Plan::from_json(&out["days"]);
        assert_eq!(
            plan.minutes[4], 50.0,
            "the tempo keeps its rule minutes: {}",
            out["days"]
        );
        assert_eq!(
            printed_violations(&out["violations"]),
            violations_by(&V2, &plan, Some(&p), p.goal, p.level)
        );
    }

    #[test]
    fn avoiding_rest_on_a_day_off_leaves_no_week() {
        // Thursday is not a training day, so it holds rest, which the profile does not want
        // there (CLI.md `avoid`): no week can meet both, and the profile is refused.
        let yaml = "weekly_minutes: 200\navailable_days: [mon, tue, wed, fri]\navoid: {thu: [\"off\"]}\n";
        let p = Profile::from_yaml(yaml).expect("valid");
        assert!(checker::weeks_within_rules(&p).is_empty());
        let file = profile_file(yaml);
        let path = file.path().to_str().expect("a path");
        let run = weekwright(&["generate", "--profile", path, "--format", "json"]);
        assert_eq!(run.code, 2, "{}", show(&run));
        assert!(run.stderr.contains("avoid.thu") && run.stderr.contains("available_days"));
    }
}
