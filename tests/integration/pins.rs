//! Pins (issue 11, item 4): rules that hand mutations could change without any integration
//! test noticing, each checked against numbers this file works out for itself from the
//! documented constants and what the command line prints (`block`, `generate` and `score`
//! in JSON). Nothing here asks the library for an expected value.
//!
//! The constants, with where they are documented:
//! - block guardrails (src/block/guardrails.rs, README "Blocks"): a week at most 130 % of
//!   the last build week before it (the runner's current minutes before the first), acwr =
//!   the week's load over the mean load of the three weeks before (the runner's current load,
//!   `current_weekly_minutes x reference_intensity`, standing in for weeks before the block)
//!   at most 1.5, no run longer than `floor(1.10 x` the longest run of the previous 30 days`)`,
//!   where the 30 days before the block repeat the runner's current week (the profile's best
//!   week at its current minutes) and cross-training, rest and the race do not count;
//! - where weeks meet (src/block/planner.rs `join`, `cost_join`): no quality sessions on
//!   both sides of Sunday -> Monday, and a key session whose next key session is in the
//!   next week has the gap it needs: 2 days after long, long_fast, marathon and tempo, 3
//!   after intervals, hills and the race (the code's model version 1: marathon pace still
//!   needs 2 days, not MODEL.md v2's 24 h);
//! - taper (src/block/phases.rs, src/block/search.rs, src/block/weeks.rs): taper and race
//!   weeks at 0.60 and 0.45 of the peak build factor, each free to move 0.05 of the peak
//!   either way; their quality sessions get `round(catalog x clamp(g / peak, 0.5, 1.0))`
//!   minutes, at least 20, then Daniels' caps of MODEL.md section 2 (tempo 10 %, intervals
//!   and hills 8 % of the week's minutes in work minutes);
//! - the model (src/model/mod.rs, src/model/kernel/lanes.rs, src/search/mod.rs): repeatable
//!   needs peak fatigue ratio <= 1.3, monotony <= 2.0 and freshness <= 2.2; the stress
//!   component loses `15 x clamp((|stress_ratio - 1| - 0.05) x 10, 0, 1)` points; the
//!   percentile is the share of feasible weeks scoring strictly lower.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

use crate::support::weekwright;

// ---------------------------------------------------------------------------------------
// What the command line prints, read back.

/// One printed day of a block.
#[derive(Debug, Clone)]
struct Day {
    date: String,
    session: String,
    minutes: f64,
    load: f64,
}

/// One printed week of a block.
#[derive(Debug, Clone)]
struct Week {
    number: u64,
    phase: String,
    factor: f64,
    minutes: f64,
    load: f64,
    acwr: f64,
    fitness: f64,
    fatigue: f64,
    days: Vec<Day>,
}

fn num(v: &Value, key: &str) -> f64 {
    v[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number: {v}"))
}

fn text(v: &Value, key: &str) -> String {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is not a string: {v}"))
        .to_string()
}

fn weeks_of(out: &Value) -> Vec<Week> {
    out["weeks"]
        .as_array()
        .expect("a weeks list")
        .iter()
        .map(|w| Week {
            number: w["week"].as_u64().expect("week number"),
            phase: text(w, "phase"),
            factor: num(w, "factor"),
            minutes: num(w, "minutes"),
            load: num(w, "load"),
            acwr: num(w, "acwr"),
            fitness: num(w, "fitness"),
            fatigue: num(w, "fatigue"),
            days: w["days"]
                .as_array()
                .expect("a days list")
                .iter()
                .map(|d| Day {
                    date: text(d, "date"),
                    session: text(d, "session"),
                    minutes: num(d, "minutes"),
                    load: num(d, "load"),
                })
                .collect(),
        })
        .collect()
}

/// A profile written to a temporary file, kept while the value lives.
struct ProfileFile {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl ProfileFile {
    fn new(yaml: &str) -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("profile.yaml");
        std::fs::write(&path, yaml).expect("the profile is written");
        ProfileFile { _dir: dir, path }
    }

    fn arg(&self) -> &str {
        self.path.to_str().expect("a UTF-8 path")
    }
}

/// `weekwright block --format json` with `args`, for the profile at `profile` (the built-in
/// default when `None`).
fn block(profile: Option<&Path>, args: &[&str]) -> Vec<Week> {
    let mut all = vec!["block", "--format", "json"];
    if let Some(p) = profile {
        all.extend(["--profile", p.to_str().expect("a UTF-8 path")]);
    }
    all.extend_from_slice(args);
    weeks_of(&weekwright(&all).code(0).json())
}

// ---------------------------------------------------------------------------------------
// Sessions, by the catalog of MODEL.md section 1 as the code implements it (model v1).

fn is_quality(session: &str) -> bool {
    matches!(
        session,
        "long_fast" | "marathon" | "tempo" | "intervals" | "hills" | "race"
    )
}

fn is_key(session: &str) -> bool {
    is_quality(session) || session == "long"
}

/// Days a key session needs before the next key session.
fn gap_needed(session: &str) -> usize {
    match session {
        "long" | "long_fast" | "marathon" | "tempo" => 2,
        "intervals" | "hills" | "race" => 3,
        other => panic!("{other} is not a key session"),
    }
}

/// Minutes of a day that count as running for the single-run rule.
fn run_minutes(session: &str, minutes: f64) -> f64 {
    if matches!(session, "rest" | "cross") {
        0.0
    } else {
        minutes
    }
}

// ---------------------------------------------------------------------------------------
// 1. Block guardrails, recomputed from the printed days.

const VOLUME_HARD: f64 = 1.30;
const ACWR_HARD: f64 = 1.5;
const SINGLE_RUN: f64 = 1.10;
const RUN_WINDOW: usize = 30;

/// A runner: the profile text (its `weekly_minutes` on a line of its own) and what the
/// guardrails start from.
struct Runner {
    yaml: String,
    current_minutes: f64,
    reference_intensity: f64,
}

impl Runner {
    fn new(yaml: &str, current_minutes: f64, reference_intensity: f64) -> Self {
        Runner {
            yaml: yaml.to_string(),
            current_minutes,
            reference_intensity,
        }
    }

    /// The runner's current week, Monday first, as run minutes: the profile's best week
    /// (`generate --top 1`) with the minutes its structure gets at the runner's current
    /// volume (`score` under the same profile with `weekly_minutes` set to the current).
    fn history(&self) -> [f64; 7] {
        let file = ProfileFile::new(&self.yaml);
        let top = weekwright(&[
            "generate",
            "--profile",
            file.arg(),
            "--top",
            "1",
            "--format",
            "json",
        ])
        .code(0)
        .json();
        let days = top["plans"][0]["days"].as_array().expect("a days list");
        let weekly = self.yaml.lines().find_map(|l| l.strip_prefix("weekly_minutes: "));
        if weekly.and_then(|w| w.trim().parse::<f64>().ok()) == Some(self.current_minutes) {
            // The runner is at the profile's volume: the plan's own minutes.
            return std::array::from_fn(|d| {
                run_minutes(&text(&days[d], "session"), num(&days[d], "minutes"))
            });
        }
        let sessions: Vec<String> = days.iter().map(|d| text(d, "session")).collect();
        let current: String = self
            .yaml
            .lines()
            .filter(|l| !l.starts_with("current_weekly_minutes:"))
            .map(|l| {
                if l.starts_with("weekly_minutes:") {
                    format!("weekly_minutes: {}\n", self.current_minutes)
                } else {
                    format!("{l}\n")
                }
            })
            .collect();
        let at_current = ProfileFile::new(&current);
        let scored = weekwright(&[
            "score",
            "--profile",
            at_current.arg(),
            "--week",
            &sessions.join(","),
            "--format",
            "json",
        ])
        .code(0)
        .json();
        let days = scored["days"].as_array().expect("a days list");
        std::array::from_fn(|d| run_minutes(&text(&days[d], "session"), num(&days[d], "minutes")))
    }

    /// Plan a block for this runner and check every guardrail on its printed days.
    fn check_block(&self, args: &[&str]) -> Vec<Week> {
        let file = ProfileFile::new(&self.yaml);
        let weeks = block(Some(&file.path), args);
        let broken = guardrail_breaches(
            &weeks,
            self.current_minutes,
            self.reference_intensity,
            &self.history(),
        );
        assert!(broken.is_empty(), "{args:?}:\n{}", broken.join("\n"));
        weeks
    }
}

/// The run minutes of the 30 days before the first Monday, oldest first: day `j` is
/// `j - 30` days from that Monday, so it repeats weekday `(j - 30) mod 7` of the runner's
/// current week (7 x 30 added to keep the index whole).
fn window_before_block(history: &[f64; 7]) -> Vec<f64> {
    (0..RUN_WINDOW)
        .map(|j| history[(j + 7 * RUN_WINDOW - RUN_WINDOW) % 7])
        .collect()
}

/// Every guardrail the printed block breaks, in words.
fn guardrail_breaches(
    weeks: &[Week],
    current_minutes: f64,
    reference_intensity: f64,
    history: &[f64; 7],
) -> Vec<String> {
    let mut broken = Vec::new();
    let mut last_build = current_minutes;
    let mut loads = [current_minutes * reference_intensity; 3];
    let mut runs = window_before_block(history);
    for w in weeks {
        if w.minutes > VOLUME_HARD * last_build + 1e-9 {
            broken.push(format!(
                "week {}: {} min is {:.3} x the last build week's {last_build}",
                w.number,
                w.minutes,
                w.minutes / last_build
            ));
        }
        let acwr = w.load / (loads.iter().sum::<f64>() / 3.0);
        if (acwr - w.acwr).abs() > 1e-9 * acwr {
            broken.push(format!(
                "week {}: acwr printed {} but load {} over the mean of {loads:?} is {acwr}",
                w.number, w.acwr, w.load
            ));
        }
        if acwr > ACWR_HARD + 1e-9 {
            broken.push(format!("week {}: acwr {acwr:.3} above {ACWR_HARD}", w.number));
        }
        loads = [loads[1], loads[2], w.load];
        if w.phase == "build" {
            last_build = w.minutes;
        }
        for d in &w.days {
            let run = run_minutes(&d.session, d.minutes);
            let longest = runs[runs.len() - RUN_WINDOW..]
                .iter()
                .copied()
                .fold(0.0, f64::max);
            if d.session != "race" && run > (SINGLE_RUN * longest).floor() {
                broken.push(format!(
                    "{}: a {run} min run after a longest run of {longest} min in 30 days",
                    d.date
                ));
            }
            runs.push(run);
        }
    }
    broken
}

const DEFAULT_YAML: &str = "name: default\nlevel: intermediate\ngoal: half\nweekly_minutes: 300\nhard_sessions: 2\nlong_run_day: sun\nmin_rest_days: 1\n";

/// The built-in default profile's block to a race on Sunday 11 April 2027 (14 weeks), shared
/// by the guardrail and taper tests.
fn default_to_race() -> &'static [Week] {
    static WEEKS: OnceLock<Vec<Week>> = OnceLock::new();
    WEEKS.get_or_init(|| block(None, &["--start", "2027-01-04", "--race", "2027-04-11"]))
}

/// The built-in default's 14 weeks to a race: 130 %, acwr and the single-run rule on every
/// week and day, from the runner's own current week (300 minutes, load 1350).
#[test]
fn the_default_block_keeps_every_guardrail_on_its_printed_days() {
    let weeks = default_to_race();
    assert_eq!(weeks.len(), 14);
    let history = Runner::new(DEFAULT_YAML, 300.0, 4.5).history();
    let broken = guardrail_breaches(weeks, 300.0, 4.5, &history);
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

/// A general-fitness runner without a long run (profiles/no-long-run.yaml): its easy and
/// strides days are its longest runs and grow with the volume, so the single-run rule and
/// the 30-day window bind, and acwr is recomputed over nine weeks to a Tuesday race.
#[test]
fn guardrails_hold_for_a_runner_without_a_long_run() {
    let yaml = std::fs::read_to_string(crate::support::profile("no-long-run.yaml")).unwrap();
    Runner::new(&yaml, 220.0, 4.5).check_block(&["--start", "2027-01-04", "--race", "2027-03-02"]);
}

/// A 90-minute runner on five days whose usual week is intense (reference_intensity 6): the
/// stress component asks for more load than 90 minutes give, and a five-day week cannot
/// shrink below about 140 minutes (20 per easy day, 60 for the long run), 1.4 x the block's
/// first weeks of three or four days: only the 130 % rule keeps them out.
#[test]
fn a_runner_whose_weeks_overshoot_their_target_is_held_to_130_percent() {
    let yaml = "name: overshoot\nlevel: intermediate\ngoal: general\nweekly_minutes: 90\ncurrent_weekly_minutes: 81\navailable_days: [mon, tue, thu, sat, sun]\nhard_sessions: 1\nmin_rest_days: 2\nmodel: {reference_intensity: 6.0}\n";
    Runner::new(yaml, 81.0, 6.0).check_block(&["--start", "2027-01-04", "--weeks", "6"]);
}

/// A runner growing from 324 to 360 minutes: after a deload the long run grows back past
/// 1.10 x the longest run of the three weeks before it, which only the long run before the
/// deload, four weeks back, allows: the window is 30 days, not three weeks.
#[test]
fn a_long_run_may_lean_on_a_run_up_to_30_days_back() {
    let yaml = "name: growing\nlevel: intermediate\ngoal: half\nweekly_minutes: 360\ncurrent_weekly_minutes: 324\nhard_sessions: 2\nmin_rest_days: 2\navailable_days: [mon, tue, thu, sat, sun]\nlong_run_day: sun\n";
    let runner = Runner::new(yaml, 324.0, 4.5);
    let weeks = runner.check_block(&["--start", "2027-01-04", "--weeks", "12"]);
    let mut runs = window_before_block(&runner.history());
    let mut far = Vec::new();
    for d in weeks.iter().flat_map(|w| &w.days) {
        let run = run_minutes(&d.session, d.minutes);
        let three_weeks = runs[runs.len() - 21..].iter().copied().fold(0.0, f64::max);
        if d.session != "race" && run > (SINGLE_RUN * three_weeks).floor() {
            far.push(format!("{}: {run} min after {three_weeks} in 21 days", d.date));
        }
        runs.push(run);
    }
    assert!(
        !far.is_empty(),
        "no run of this block needs the far end of the 30-day window; pick a block that does"
    );
}

// ---------------------------------------------------------------------------------------
// 2. Where weeks meet.

/// Blocks where the long run and the hard sessions move between weeks, so a week's last
/// key session and the next week's first can come close: five-day runners with the long
/// run on any day, races on several weekdays, and two seeds. (Not the default profile: its
/// Sunday long run makes every join the same as the next week's own Sunday -> Monday.)
fn joined_blocks() -> &'static [(String, Vec<Week>)] {
    static BLOCKS: OnceLock<Vec<(String, Vec<Week>)>> = OnceLock::new();
    BLOCKS.get_or_init(|| {
        let five_days = ProfileFile::new(
            "name: five days\nlevel: intermediate\ngoal: half\nweekly_minutes: 280\nhard_sessions: 2\nmin_rest_days: 2\navailable_days: [mon, tue, wed, fri, sat]\n",
        );
        let weekend_off = ProfileFile::new(
            "name: wed and sat off\nlevel: intermediate\ngoal: 10k\nweekly_minutes: 400\nhard_sessions: 2\nmin_rest_days: 1\navailable_days: [mon, tue, thu, fri, sun]\n",
        );
        let cases: [(&ProfileFile, &str, &str); 4] = [
            (&five_days, "2027-03-01", "0"),
            (&five_days, "2027-03-04", "1"),
            (&five_days, "2027-03-06", "0"),
            (&weekend_off, "2027-03-04", "0"),
        ];
        cases
            .iter()
            .map(|(file, race, seed)| {
                let name = format!("{} to {race}, seed {seed}", file.path.display());
                let weeks = block(
                    Some(&file.path),
                    &["--start", "2027-02-01", "--race", race, "--seed", seed],
                );
                (name, weeks)
            })
            .collect()
    })
}

#[test]
fn no_two_hard_days_meet_across_sunday_and_monday() {
    for (name, weeks) in joined_blocks() {
        for pair in weeks.windows(2) {
            let (sunday, monday) = (&pair[0].days[6], &pair[1].days[0]);
            assert!(
                !(is_quality(&sunday.session) && is_quality(&monday.session)),
                "{name}: {} on {}, then {} on {}",
                sunday.session,
                sunday.date,
                monday.session,
                monday.date
            );
        }
    }
}

#[test]
fn key_days_keep_their_rest_across_the_join_of_two_weeks() {
    let mut joins = 0;
    for (name, weeks) in joined_blocks() {
        let days: Vec<&Day> = weeks.iter().flat_map(|w| &w.days).collect();
        let keys: Vec<usize> = (0..days.len()).filter(|&i| is_key(&days[i].session)).collect();
        for pair in keys.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if a / 7 == b / 7 {
                continue; // inside a week: the week's own score judges it
            }
            joins += 1;
            let need = gap_needed(&days[a].session);
            assert!(
                b - a >= need,
                "{name}: {} on {} needs {need} days, the next key session ({} on {}) is {} days on",
                days[a].session,
                days[a].date,
                days[b].session,
                days[b].date,
                b - a
            );
        }
    }
    assert!(joins >= 12, "only {joins} joins checked");
}

// ---------------------------------------------------------------------------------------
// 3. Taper and race weeks.

/// Catalog minutes of a quality session for an intermediate runner and its work share
/// (zones 2 and 3), MODEL.md section 1.
fn intermediate_quality(session: &str) -> (f64, f64) {
    match session {
        "tempo" => (50.0, 0.45),
        "intervals" => (50.0, 0.40),
        "hills" => (45.0, 0.30),
        "marathon" => (70.0, 0.60),
        other => panic!("{other} is not a shortened quality session"),
    }
}

/// Daniels' cap on a quality session's work minutes in a week of `week_minutes` (MODEL.md
/// section 2): tempo 10 %, intervals and hills 8 %, marathon pace min(20 %, 110).
fn daniels_cap(session: &str, week_minutes: f64) -> f64 {
    match session {
        "tempo" => 0.10 * week_minutes,
        "intervals" | "hills" => 0.08 * week_minutes,
        "marathon" => (0.20 * week_minutes).min(110.0),
        other => panic!("{other} has no cap"),
    }
}

/// Minutes of a quality session in a taper or race week at factor `g` of a block peaking
/// at `peak`, for a runner of `weekly` minutes: its catalog minutes scaled by
/// clamp(g / peak, 0.5, 1.0), whole, at least 20, then cut to Daniels' cap on the week's
/// minutes `g x weekly` (in whole minutes of the session).
fn tapered_minutes(session: &str, catalog: f64, work_share: f64, g: f64, peak: f64, weekly: f64) -> f64 {
    let shortened = (catalog * (g / peak).clamp(0.5, 1.0)).round().max(20.0);
    shortened.min((daniels_cap(session, g * weekly) / work_share + 1e-9).floor())
}

/// The peak build factor of the default block: 3:1 counted back from the taper, so weeks
/// 10, 11 and 12 are the third cycle's build weeks at 1.00, 1.05 and 1.10, two cycles of
/// +5 % above the first.
const DEFAULT_PEAK: f64 = 1.10 * 1.05 * 1.05;

#[test]
fn taper_and_race_weeks_take_60_and_50_percent_of_the_peak_build_week() {
    let weeks = default_to_race();
    let phases: Vec<&str> = weeks.iter().map(|w| w.phase.as_str()).collect();
    assert_eq!(phases[11..], ["build", "taper", "race"]);
    let (peak, taper, race) = (&weeks[11], &weeks[12], &weeks[13]);
    assert!(
        (peak.factor - DEFAULT_PEAK).abs() < 1e-12,
        "peak factor {}",
        peak.factor
    );
    assert!(
        weeks
            .iter()
            .filter(|w| w.phase == "build")
            .all(|w| w.factor <= peak.factor + 1e-12)
    );
    // Minutes are whole: every week is within half a minute of factor x 300, so a share of
    // the peak week's minutes is within 0.5 + share x 0.5 < 0.8 minute of exact.
    for w in [peak, taper, race] {
        assert!(
            (w.minutes - 300.0 * w.factor).abs() <= 0.5,
            "week {}: {} min",
            w.number,
            w.minutes
        );
    }
    assert!(
        (taper.factor - 0.60 * DEFAULT_PEAK).abs() < 1e-12,
        "taper factor {}",
        taper.factor
    );
    assert!(
        (taper.minutes - 0.60 * peak.minutes).abs() < 0.8,
        "taper {} min, peak {} min",
        taper.minutes,
        peak.minutes
    );
    // The race week comes out at 0.50, the top of its 0.45 +- 0.05 window: race-day form,
    // recomputed from the taper week's end and the race week's loads to Saturday, is still
    // above the +30 % of fitness that costs nothing, so less volume would cost more.
    let (decay_fitness, decay_fatigue) = ((-1.0f64 / 42.0).exp(), (-1.0f64 / 7.0).exp());
    let (mut fit, mut fat) = (taper.fitness, taper.fatigue);
    for d in &race.days[..6] {
        fit = decay_fitness * fit + (1.0 - decay_fitness) * d.load;
        fat = decay_fatigue * fat + (1.0 - decay_fatigue) * d.load;
    }
    let form_share = (fit - fat) / fit;
    assert!(form_share > 0.30, "race-day form {form_share:.3} of fitness");
    assert!(
        (race.factor - (0.45 + 0.05) * DEFAULT_PEAK).abs() < 1e-12,
        "race factor {}",
        race.factor
    );
    assert!(
        (race.minutes - 0.50 * peak.minutes).abs() < 0.8,
        "race week {} min, peak {} min",
        race.minutes,
        peak.minutes
    );
}

/// Check each shortened quality session of the taper and race weeks against its minutes
/// worked out by hand; returns (session, minutes) of each.
fn check_tapered(
    weeks: &[Week],
    peak: f64,
    weekly: f64,
    catalog: impl Fn(&str) -> (f64, f64),
) -> Vec<(String, f64)> {
    let mut seen = Vec::new();
    for w in weeks.iter().filter(|w| w.phase == "taper" || w.phase == "race") {
        for d in w.days.iter().filter(|d| is_quality(&d.session)) {
            if d.session == "race" || d.session == "long_fast" {
                continue;
            }
            let (minutes, work) = catalog(&d.session);
            let want = tapered_minutes(&d.session, minutes, work, w.factor, peak, weekly);
            assert!(
                (d.minutes - want).abs() < 1e-9,
                "week {} ({}, g/peak {:.3}): {} for {} min, want {want}",
                w.number,
                w.phase,
                w.factor / peak,
                d.session,
                d.minutes
            );
            seen.push((d.session.clone(), d.minutes));
        }
    }
    seen
}

/// The default taper week at 0.60 of the peak: tempo, intervals and hills at 60 % of 50,
/// 50 and 45 minutes, marathon pace at 60 % of 70; the race week's at 50 %.
#[test]
fn the_default_taper_shortens_quality_to_60_percent_of_the_catalog() {
    let weeks = default_to_race();
    let taper = &weeks[12];
    let expected = |s: &str| match s {
        "tempo" | "intervals" => 30.0,
        "hills" => 27.0,
        "marathon" => 42.0,
        other => panic!("{other}"),
    };
    let mut shortened = 0;
    for d in taper
        .days
        .iter()
        .filter(|d| is_quality(&d.session) && d.session != "long_fast")
    {
        assert_eq!(d.minutes, expected(&d.session), "{} on {}", d.session, d.date);
        shortened += 1;
    }
    assert!(
        shortened > 0,
        "the taper keeps a quality session: {:?}",
        taper.days
    );
    let seen = check_tapered(weeks, DEFAULT_PEAK, 300.0, intermediate_quality);
    assert!(seen.len() > shortened, "the race week keeps one too: {seen:?}");
}

/// Intermediate 10k runner (profiles/intermediate-10k.yaml), race on Thursday 11 March
/// 2027: the race week sits at 0.45 of the peak, below the taper's floor, so its hard
/// session keeps half its catalog minutes (hills: 45 x 0.5 = 22.5, 23 whole), not 45 %.
#[test]
fn race_week_quality_keeps_at_least_half_its_catalog_minutes() {
    let weeks = block(
        Some(crate::support::profile("intermediate-10k.yaml").as_path()),
        &["--start", "2027-01-04", "--race", "2027-03-11"],
    );
    // 10 weeks: 3:1 counted back from the week before the taper, so the peak is the third
    // build week of the second cycle, +5 %; the runner's 280 of 300 minutes ramp to it
    // without capping (280/300 x 1.1 > 1).
    let peak = 1.10 * 1.05;
    let race = weeks.last().expect("weeks");
    assert_eq!(race.phase, "race");
    assert!(
        race.factor / peak < 0.5 - 1e-9,
        "race week at {:.3} of the peak",
        race.factor / peak
    );
    let seen = check_tapered(&weeks, peak, 300.0, intermediate_quality);
    let in_race_week: Vec<_> = race
        .days
        .iter()
        .filter(|d| is_quality(&d.session) && d.session != "race")
        .collect();
    assert!(!in_race_week.is_empty(), "{seen:?}");
}

/// Quality sessions of 30 minutes (catalog overrides) shortened to 60 % and 50 % would be
/// 18 and 15 minutes: they stay at 20.
#[test]
fn shortened_quality_never_drops_below_20_minutes() {
    let file = ProfileFile::new(
        "name: short sessions\nweekly_minutes: 300\nhard_sessions: 2\nlong_run_day: sun\nmin_rest_days: 2\navailable_days: [mon, tue, thu, sat, sun]\nsessions: {tempo: {minutes: 30}, intervals: {minutes: 30}, hills: {minutes: 30}, marathon: {minutes: 30}}\n",
    );
    let weeks = block(
        Some(&file.path),
        &["--start", "2027-01-04", "--race", "2027-03-14"],
    );
    // 10 weeks to the race: the peak is the second cycle's third build week.
    let peak = 1.10 * 1.05;
    let thirty = |s: &str| (30.0, intermediate_quality(s).1);
    let seen = check_tapered(&weeks, peak, 300.0, thirty);
    assert!(seen.len() >= 2, "{seen:?}");
    assert!(seen.iter().all(|(_, m)| *m == 20.0), "{seen:?}");
}

/// Finding (not fixed here): src/block/weeks.rs `tapered` says a taper's quality is
/// "never below half their length or 20 minutes", but Daniels' caps of the minutes rule
/// apply after it: a beginner's race week at 0.45 of a 150-minute peak cuts tempo to 17
/// minutes and intervals to 15.
#[test]
#[ignore = "finding: Daniels' caps cut a beginner's tapered quality below 20 minutes"]
fn a_beginners_tapered_quality_stays_at_20_minutes_or_more() {
    let file = ProfileFile::new(
        "name: beginner\nlevel: beginner\ngoal: 5k\nweekly_minutes: 150\nhard_sessions: 2\nlong_run_day: sun\nmin_rest_days: 2\n",
    );
    for race in ["2027-03-11", "2027-03-12"] {
        let weeks = block(Some(&file.path), &["--start", "2027-01-04", "--race", race]);
        for w in weeks.iter().filter(|w| w.phase == "taper" || w.phase == "race") {
            for d in w.days.iter().filter(|d| is_quality(&d.session)) {
                assert!(
                    d.minutes >= 20.0,
                    "{}: {} for {} min",
                    d.date,
                    d.session,
                    d.minutes
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// 4. The model's rules.

/// The periodic steady state of `x_t = a x_{t-1} + b u_t` for a week repeated for ever:
/// the value at the end of each weekday (MODEL.md section 3).
fn steady_state(a: f64, b: f64, u: &[f64; 7]) -> [f64; 7] {
    std::array::from_fn(|d| {
        // sum over k = 0..6 of a^k u_(d-k), the oldest day first.
        let sum = (0..7).fold(0.0, |acc, k| a * acc + u[(d + 1 + k) % 7]);
        b / (1.0 - a.powi(7)) * sum
    })
}

/// Tempo on Thursday after three easy hours: fatigue and monotony are fine, but the legs
/// carry 3.7 times the tempo's load into it, above the freshness limit of 2.2.
#[test]
fn a_week_fine_by_fatigue_and_monotony_is_not_repeatable_on_spent_legs() {
    let out = weekwright(&[
        "score",
        "--week",
        "easy:60,easy:60,easy:60,tempo:20,easy:45,rest,long:100",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    let sessions = ["easy", "easy", "easy", "tempo", "easy", "rest", "long"];
    // sRPE x minutes: easy 3, tempo 6.5, long 4.
    let w = [180.0, 180.0, 180.0, 130.0, 135.0, 0.0, 400.0];
    let total: f64 = w.iter().sum();
    let loads: Vec<f64> = out["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| num(d, "load"))
        .collect();
    assert_eq!(loads, w);
    let mean = total / 7.0;
    let sd = (w.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / 7.0).sqrt();
    let monotony = mean / sd;
    let a_fat = (-1.0f64 / 7.0).exp();
    let fatigue = steady_state(a_fat, 1.0 - a_fat, &w);
    // Without a profile C0 is the week's own W / 7.
    let peak_ratio = fatigue.iter().copied().fold(0.0, f64::max) / mean;
    let legs = steady_state((-1.0f64 / 2.0).exp(), 1.0, &w);
    let freshness = (0..7)
        .filter(|&d| is_key(sessions[d]))
        .map(|d| legs[(d + 6) % 7] / w[d])
        .fold(0.0, f64::max);
    let metrics = &out["metrics"];
    assert!((num(metrics, "monotony") - monotony).abs() < 1e-9);
    assert!((num(metrics, "peak_fatigue_ratio") - peak_ratio).abs() < 1e-9);
    assert!(monotony <= 2.0 && peak_ratio <= 1.3, "{monotony} {peak_ratio}");
    assert!(out["violations"].as_array().unwrap().is_empty());
    assert!(freshness > 2.2, "freshness {freshness}");
    assert_eq!(out["repeatable"], false, "freshness {freshness:.2} is above 2.2");
}

/// A runner used to 300 minutes, so a load of 300 x 4.5 = 1350 a week: a week of 1405 is
/// 4.1 % above it (no points lost), one of 1505 is 11.5 % above (0.0648 / 0.10 of the 15
/// points). The profile fixes the key days, so the percentile's space is small.
#[test]
fn stress_loses_points_only_beyond_five_percent_off_the_runners_load() {
    let file = ProfileFile::new(
        "name: fixed key days\nweekly_minutes: 300\nhard_sessions: 2\nlong_run_day: sun\nrest_days: [mon]\nfixed: {tue: tempo, thu: intervals, sun: long}\n",
    );
    for (long, load) in [(75.0, 1405.0), (100.0, 1505.0)] {
        let week = format!("rest,tempo:50,easy:45,intervals:50,easy:45,easy:45,long:{long}");
        // tempo 6.5 x 50 + intervals 7.5 x 50 + easy 3 x 135 + long 4 x long.
        assert_eq!(325.0 + 375.0 + 405.0 + 4.0 * long, load);
        let out = weekwright(&[
            "score",
            "--profile",
            file.arg(),
            "--week",
            &week,
            "--format",
            "json",
        ])
        .code(0)
        .json();
        let ratio = load / (300.0 * 4.5);
        assert!((num(&out["metrics"], "stress_ratio") - ratio).abs() < 1e-12);
        let lost = 15.0 * (((ratio - 1.0).abs() - 0.05) * 10.0).clamp(0.0, 1.0);
        let stress = out["components"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "stress")
            .expect("a stress component");
        assert!(
            (num(stress, "lost") - lost).abs() < 1e-9,
            "load {load}: lost {} want {lost}",
            stress["lost"]
        );
    }
}

/// Three available days, one hard session, the long run on Saturday, no moderate runs:
/// 48 feasible weeks, every one repeatable, so `generate --top 100` lists them all. 13 tie
/// at the top: the top week is better than the 35 below it, not than itself or its ties.
#[test]
fn the_percentile_counts_only_weeks_that_score_strictly_lower() {
    let file = ProfileFile::new(
        "name: tiny\nweekly_minutes: 120\navailable_days: [tue, thu, sat]\nhard_sessions: 1\nlong_run_day: sat\nmin_rest_days: 4\navoid: {tue: [moderate], thu: [moderate]}\nmodel: {min_distance: 1}\n",
    );
    let all = weekwright(&[
        "generate",
        "--profile",
        file.arg(),
        "--top",
        "100",
        "--format",
        "json",
    ])
    .code(0)
    .json();
    let feasible = all["feasible"].as_u64().unwrap() as usize;
    let plans = all["plans"].as_array().unwrap();
    assert_eq!(plans.len(), feasible, "every feasible week is listed");
    let scores: Vec<f64> = plans.iter().map(|p| num(p, "score")).collect();
    let top = scores.iter().copied().fold(f64::MIN, f64::max);
    let ties = scores.iter().filter(|s| **s == top).count();
    assert!(ties > 1, "ties at the top: {ties}");
    // The top week, and one from the middle of the ranking with ties of its own.
    let middle = scores
        .iter()
        .position(|s| *s < top && scores.iter().filter(|t| *t == s).count() > 1)
        .expect("a tied score below the top");
    for (i, label) in [(0, "top"), (middle, "middle")] {
        let score = scores[i];
        let week: Vec<String> = plans[i]["days"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| text(d, "session"))
            .collect();
        let below = scores.iter().filter(|s| **s < score).count();
        let out = weekwright(&[
            "score",
            "--profile",
            file.arg(),
            "--week",
            &week.join(","),
            "--format",
            "json",
        ])
        .code(0)
        .json();
        assert_eq!(num(&out, "score"), score, "{label}");
        assert_eq!(
            num(&out, "percentile"),
            below as f64 / feasible as f64,
            "{label}: {below} of {feasible} score below {score}"
        );
    }
    assert_eq!((feasible, ties), (48, 13), "the space this test was written for");
}
