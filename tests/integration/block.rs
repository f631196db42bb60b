//! Blocks (MODEL.md section 8): phases, guardrails, the race, reproducibility, and the
//! calendar and chart formats, checked through the library (one week-engine search shared
//! by the tests of the default profile) and the command line.

use std::sync::OnceLock;

use icalendar::{CalendarComponent, Component, DatePerhapsTime};
use weekwright::block::calendar::{DateArgs, resolve};
use weekwright::block::{Block, Calendar, Phase, Pool, Settings, plan_with_pool};
use weekwright::catalog::Session;
use weekwright::export::{self, Format, table};
use weekwright::model::LongRunRule;
use weekwright::problem::Problem;
use weekwright::profile::BlockDefaults;
use weekwright::search::Scorer;
use weekwright::week::{DaySpec, WeekSpec};

use crate::support::{profile, weekwright};

fn date(s: &str) -> jiff::civil::Date {
    s.parse().unwrap()
}

/// The default profile and its pool: the week engine searched once for all these tests.
fn default_pool() -> &'static (Problem, Pool) {
    static POOL: OnceLock<(Problem, Pool)> = OnceLock::new();
    POOL.get_or_init(|| {
        let p = Problem::builtin();
        // The volume levels of both calendars below.
        let mut levels = Pool::levels(&p, &calendar(twelve_args()));
        for l in Pool::levels(&p, &calendar(race_args())) {
            if !levels.contains(&l) {
                levels.push(l);
            }
        }
        let pool = Pool::search(&p, &levels, Settings::default().pool).unwrap();
        (p, pool)
    })
}

fn calendar(args: DateArgs) -> Calendar {
    resolve(&args, &BlockDefaults::default(), date("2026-11-29")).unwrap()
}

fn twelve_args() -> DateArgs {
    DateArgs {
        start: Some(date("2026-12-07")),
        weeks: Some(12),
        race: None,
    }
}

fn race_args() -> DateArgs {
    DateArgs {
        start: None,
        weeks: Some(12),
        race: Some(date("2027-03-28")),
    }
}

fn block_of(args: DateArgs, seed: u64) -> Block {
    let (p, pool) = default_pool();
    plan_with_pool(p, pool, &calendar(args), seed, &Settings::default(), &mut |_| {}).unwrap()
}

/// Twelve weeks from Monday 7 December 2026, no race.
fn twelve_weeks() -> &'static Block {
    static BLOCK: OnceLock<Block> = OnceLock::new();
    BLOCK.get_or_init(|| block_of(twelve_args(), 0))
}

/// Twelve weeks to a race on Sunday 28 March 2027.
fn to_the_race() -> &'static Block {
    static BLOCK: OnceLock<Block> = OnceLock::new();
    BLOCK.get_or_init(|| block_of(race_args(), 0))
}

fn sessions(w: &weekwright::block::BlockWeek) -> [Session; 7] {
    std::array::from_fn(|d| w.days[d].session)
}

#[test]
fn a_twelve_week_block_deloads_in_weeks_four_eight_and_twelve() {
    let b = twelve_weeks();
    assert_eq!(b.weeks.len(), 12);
    let deloads: Vec<usize> = b
        .weeks
        .iter()
        .filter(|w| w.phase == Phase::Deload)
        .map(|w| w.week)
        .collect();
    assert_eq!(deloads, [4, 8, 12]);
    assert!(
        b.weeks
            .iter()
            .all(|w| w.phase != Phase::Taper && w.phase != Phase::Race)
    );
}

#[test]
fn every_build_week_meets_the_profile() {
    let (p, _) = default_pool();
    for w in twelve_weeks().weeks.iter().filter(|w| w.phase == Phase::Build) {
        let s = sessions(w);
        // The week as printed, its minutes given, judged as the block judges it: the long
        // run's share cap raised to the planned long run's share (docs/model.md, "Blocks").
        let given = WeekSpec(std::array::from_fn(|d| DaySpec {
            session: s[d],
            minutes: (s[d] != Session::Rest).then_some(w.days[d].minutes),
        }));
        let mut scorer = Scorer::new(p, w.factor);
        scorer.judge.long_share_floor = w.long_run / (w.factor * p.weekly_minutes());
        let (_, a) = scorer.assess(&given);
        assert!(a.violations.is_empty(), "week {}: {:?}", w.week, s);
        assert_eq!(s.iter().filter(|x| x.is_quality()).count(), 2, "week {}", w.week);
        assert!(s.iter().filter(|x| **x == Session::Rest).count() >= 1);
        assert_eq!(p.rules().long_run, LongRunRule::On("sun".parse().unwrap()));
        assert!(s[6].is_long(), "week {}: the long run is on Sunday", w.week);
        assert!(
            w.minutes >= 0.95 * p.weekly_minutes() - 1.0,
            "week {}: {} min",
            w.week,
            w.minutes
        );
        assert!(
            (w.score - a.score).abs() < 1e-9,
            "the block reports the week model's score"
        );
    }
}

#[test]
fn acwr_stays_within_1_3_in_build_weeks_and_1_5_always() {
    for b in [twelve_weeks(), to_the_race()] {
        for w in &b.weeks {
            assert!(w.acwr <= 1.5 + 1e-9, "week {}: acwr {}", w.week, w.acwr);
            if w.phase == Phase::Build {
                assert!(w.acwr <= 1.3 + 1e-9, "week {}: acwr {}", w.week, w.acwr);
            }
        }
    }
}

#[test]
fn no_week_is_above_130_percent_of_the_last_build_week_before_it() {
    let (p, _) = default_pool();
    for b in [twelve_weeks(), to_the_race()] {
        let mut last_build = p.current_weekly_minutes();
        for w in &b.weeks {
            assert!(
                w.minutes <= 1.30 * last_build + 1e-9,
                "week {}: {} min after a build week of {last_build}",
                w.week,
                w.minutes
            );
            if w.phase == Phase::Build {
                last_build = w.minutes;
            }
        }
    }
}

#[test]
fn no_run_is_longer_than_110_percent_of_the_longest_of_the_previous_30_days() {
    let (_, pool) = default_pool();
    for b in [twelve_weeks(), to_the_race()] {
        // The 30 days before the block repeat the runner's current week, its long run the
        // first week's (the runner's recent longest run, docs/model.md "Blocks").
        let first_long = b.weeks[0].long_run;
        let history: Vec<f64> = (0..7)
            .map(|d| {
                if pool.weeks[0][d].is_long() {
                    first_long
                } else {
                    pool.history_runs[d]
                }
            })
            .collect();
        let mut runs: Vec<(f64, bool)> = (0..35).map(|j| (history[j % 7], false)).collect();
        for w in &b.weeks {
            for d in &w.days {
                let minutes = if matches!(d.session, Session::Rest | Session::Cross) {
                    0.0
                } else {
                    d.minutes
                };
                let longest = runs[runs.len() - 30..].iter().map(|r| r.0).fold(0.0, f64::max);
                if d.session != Session::Race && minutes > 0.0 {
                    assert!(
                        minutes <= 1.10 * longest + 1e-9,
                        "{:?}: {} min after a longest run of {longest}",
                        d.date,
                        minutes
                    );
                }
                runs.push((minutes, true));
            }
        }
        assert!(runs.iter().any(|r| r.1));
    }
}

#[test]
fn a_block_to_a_race_ends_with_taper_and_race_and_races_on_race_day() {
    let b = to_the_race();
    assert_eq!(b.weeks.len(), 12);
    assert_eq!(b.weeks[0].start, date("2027-01-04"));
    let phases: Vec<Phase> = b.weeks.iter().map(|w| w.phase).collect();
    assert_eq!(phases[10..], [Phase::Taper, Phase::Race]);
    assert_eq!(phases[9], Phase::Build, "the peak week comes before the taper");
    let race_days: Vec<_> = b
        .weeks
        .iter()
        .flat_map(|w| &w.days)
        .filter(|d| d.session == Session::Race)
        .collect();
    assert_eq!(race_days.len(), 1);
    assert_eq!(race_days[0].date, Some(date("2027-03-28")));
}

#[test]
fn taper_and_race_weeks_cut_volume_and_the_runner_arrives_fresh() {
    let b = to_the_race();
    let peak = b.weeks[..10].iter().map(|w| w.minutes).fold(0.0, f64::max);
    let taper = b.weeks[10].minutes / peak;
    assert!((0.50..=0.70).contains(&taper), "taper at {taper:.2} of peak");
    // The race week: about 45 % of the peak, but the race itself (a half marathon: 135
    // minutes for an intermediate, warm-up included) is what it is; the rest of the week
    // is light.
    let race_minutes: f64 = b.weeks[11]
        .days
        .iter()
        .filter(|d| d.session == Session::Race)
        .map(|d| d.minutes)
        .sum();
    assert!(
        (race_minutes - 135.0).abs() < 1e-9,
        "the race lasts the goal's minutes"
    );
    let besides = (b.weeks[11].minutes - race_minutes) / peak;
    assert!(
        besides <= 0.45,
        "race week's other running at {besides:.2} of peak"
    );
    // Form on race morning, before the race's own load (the week's end comes after it).
    let share = b.objective.form_share.unwrap();
    assert!(share > 0.0, "race-day form {share:.3} of fitness");
    // Quality is kept in the taper.
    assert!(b.weeks[10].days.iter().any(|d| d.session.is_quality()));
}

#[test]
fn the_searched_block_beats_the_plain_template() {
    let (p, pool) = default_pool();
    let b = twelve_weeks();
    let plain = weekwright::block::template(p, pool, &b.calendar, &Settings::default()).unwrap();
    assert!(
        b.objective.total() >= plain.objective.total(),
        "searched {} < template {}",
        b.objective.total(),
        plain.objective.total()
    );
}

#[test]
fn the_same_seed_gives_the_same_bytes() {
    let profile = profile("intermediate-10k.yaml");
    let args = [
        "block",
        "--profile",
        profile.to_str().unwrap(),
        "--start",
        "2026-12-07",
        "--weeks",
        "6",
        "--seed",
        "7",
        "--format",
        "json",
    ];
    let one = weekwright(&args).code(0).stdout;
    let two = weekwright(&args).code(0).stdout;
    assert_eq!(one, two);
    let mut one_thread = args.to_vec();
    one_thread.extend(["--threads", "1"]);
    assert_eq!(
        weekwright(&one_thread).code(0).stdout,
        one,
        "thread count changes nothing"
    );
    let out: serde_json::Value = serde_json::from_str(&one).unwrap();
    assert_eq!(out["seed"], 7);
    let week = &out["weeks"][0];
    for key in [
        "week", "phase", "start", "factor", "minutes", "load", "acwr", "fitness", "fatigue", "form", "score",
        "days",
    ] {
        assert!(week.get(key).is_some(), "a week lacks {key}");
    }
    assert!(week["days"][0].get("date").is_some());
    // The library agrees with itself too, in every format.
    let again = block_of(twelve_args(), 0);
    for f in [
        Format::Yaml,
        Format::Json,
        Format::Table,
        Format::Ics,
        Format::Svg,
    ] {
        let style = table::Style::default();
        assert_eq!(
            export::render(twelve_weeks(), f, &style, "block").unwrap(),
            export::render(&again, f, &style, "block").unwrap(),
            "{f:?}"
        );
    }
}

#[test]
fn the_calendar_parses_and_holds_one_event_per_training_day() {
    let b = to_the_race();
    let bytes = export::render(b, Format::Ics, &table::Style::default(), "block").unwrap();
    let text = String::from_utf8(bytes).unwrap();
    for line in text.split_inclusive('\n') {
        assert!(line.ends_with("\r\n"), "{line:?} does not end with CRLF");
        assert!(line.len() <= 77, "{line:?} is longer than 75 octets");
    }
    let cal: icalendar::Calendar = text.parse().unwrap();
    let events: Vec<&icalendar::Event> = cal
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    let training: Vec<_> = b.training_days().collect();
    assert_eq!(events.len(), training.len());
    for (e, (_, d)) in events.iter().zip(&training) {
        match e.get_start() {
            Some(DatePerhapsTime::Date(start)) => {
                assert_eq!(Some(start.to_string()), d.date.map(|x| x.to_string()));
            }
            other => panic!("not an all-day event: {other:?}"),
        }
        assert!(e.get_summary().unwrap().contains(" min"));
        assert!(!e.get_description().unwrap().is_empty());
        assert!(e.get_uid().unwrap().ends_with("@weekwright"));
    }
    let race = events
        .iter()
        .find(|e| e.get_summary().unwrap().starts_with("Race"))
        .unwrap();
    assert!(matches!(race.get_start(), Some(DatePerhapsTime::Date(d)) if d.to_string() == "2027-03-28"));
}

#[test]
fn the_chart_is_well_formed_svg_with_its_parts() {
    let b = to_the_race();
    let bytes = export::render(b, Format::Svg, &table::Style::default(), "block").unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let lines = doc.descendants().filter(|n| n.has_tag_name("polyline")).count();
    assert_eq!(lines, 3, "fitness, fatigue and form");
    let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    for want in [
        "load per day (AU)",
        "form",
        "week (Monday)",
        "taper",
        "deload",
        "race 28 Mar",
    ] {
        assert!(texts.iter().any(|t| t.contains(want)), "the chart lacks {want:?}");
    }
}

#[test]
fn the_table_has_a_line_a_week() {
    let b = twelve_weeks();
    let bytes = export::render(b, Format::Table, &table::Style::default(), "block").unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let week_lines = text
        .lines()
        .filter(|l| {
            let mut words = l.split_whitespace();
            words.next().is_some_and(|w| w.parse::<usize>().is_ok())
                && words
                    .next()
                    .is_some_and(|p| ["build", "deload", "taper", "race"].contains(&p))
        })
        .count();
    assert_eq!(week_lines, 12, "{text}");
}

#[test]
fn a_beginner_block_runs_two_to_one_end_to_end() {
    let run = weekwright(&[
        "block",
        "--profile",
        profile("beginner-3-days.yaml").to_str().unwrap(),
        "--start",
        "2026-12-07",
        "--weeks",
        "6",
        "--format",
        "yaml",
    ])
    .code(0);
    let phases: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|l| l.trim().strip_prefix("phase: "))
        .collect();
    assert_eq!(phases, ["build", "build", "deload", "build", "build", "deload"]);
}

#[test]
fn bad_dates_and_weeks_exit_2_with_a_clear_message() {
    let cases: [(&[&str], &str); 8] = [
        (
            &["--start", "2027-01-04", "--race", "2026-12-20"],
            "not after the block's start",
        ),
        (&["--start", "2027-02-30"], "does not exist"),
        (&["--race", "2027-02-30"], "does not exist"),
        (
            &["--start", "2027-01-06"],
            "weeks here start on a Monday: use 2027-01-04 or 2027-01-11",
        ),
        (&["--weeks", "0"], "--weeks"),
        (&["--weeks", "100000"], "--weeks"),
        (
            &["--start", "2027-01-04", "--race", "2027-01-10"],
            "at least 3 weeks",
        ),
        (
            &["--start", "2027-01-04", "--race", "2027-03-28", "--weeks", "10"],
            "use --weeks 12",
        ),
    ];
    for (flags, want) in cases {
        let mut args = vec!["block"];
        args.extend_from_slice(flags);
        weekwright(&args).code(2).stderr_has(&[want]);
    }
}

#[test]
fn a_profile_that_admits_no_week_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tight.yaml");
    std::fs::write(
        &path,
        "weekly_minutes: 300\navailable_days: [mon, tue]\nhard_sessions: 2\nlong_run_day: sun\n",
    )
    .unwrap();
    weekwright(&[
        "block",
        "--profile",
        path.to_str().unwrap(),
        "--start",
        "2026-12-07",
    ])
    .code(3)
    .stderr_has(&["no"]);
}

#[test]
fn generate_writes_the_top_week_as_a_calendar() {
    let run = weekwright(&[
        "generate",
        "--profile",
        profile("beginner-3-days.yaml").to_str().unwrap(),
        "--format",
        "ics",
        "--start",
        "2026-12-07",
    ])
    .code(0);
    let cal: icalendar::Calendar = run.stdout.parse().unwrap();
    let starts: Vec<String> = cal
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => match e.get_start() {
                Some(DatePerhapsTime::Date(d)) => Some(d.to_string()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    assert_eq!(starts, ["2026-12-07", "2026-12-09", "2026-12-12"]);
}

mod properties {
    use proptest::prelude::*;
    use weekwright::block::{Calendar, Phase, Settings, plan};
    use weekwright::catalog::Session;
    use weekwright::dates::{add_days, whole};
    use weekwright::problem::Problem;
    use weekwright::profile::Profile;
    use weekwright::search::Scorer;
    use weekwright::week::{DaySpec, WeekSpec};

    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// Small profiles (three or four training days) so each block plans in milliseconds.
    fn small_profile() -> impl Strategy<Value = String> {
        (
            prop::sample::subsequence(DAYS.to_vec(), 3..=4),
            1u8..=2,
            120u32..=400,
            80u32..=120,
            prop::sample::select(vec!["beginner", "intermediate", "advanced"]),
        )
            .prop_map(|(days, hard, minutes, current, level)| {
                format!(
                    "name: random\nlevel: {level}\nweekly_minutes: {minutes}\ncurrent_weekly_minutes: {}\navailable_days: [{}]\nhard_sessions: {hard}\nmin_rest_days: 3\n",
                    (minutes * current / 100).max(30),
                    days.join(", ")
                )
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

        /// Whatever the runner and the dates, a planned block keeps every hard guardrail,
        /// every week meets the profile, and a race falls on race day.
        #[test]
        fn every_block_keeps_the_hard_guardrails(
            yaml in small_profile(),
            weeks in 3usize..=9,
            race_day in prop::option::of(0i64..7),
            seed in any::<u64>(),
        ) {
            let p = Problem::new(&Profile::from_yaml(&yaml, "random").unwrap());
            let start: jiff::civil::Date = "2027-01-04".parse().unwrap();
            let race = race_day.map(|d| add_days(start, 7 * (whole(weeks) - 1) + d));
            let cal = Calendar { start, weeks, race };
            let Ok(b) = plan(&p, &cal, seed, &Settings::default(), &mut |_| {}) else {
                return Ok(());
            };
            prop_assert_eq!(b.weeks.len(), weeks);
            let mut last_build = p.current_weekly_minutes();
            for w in &b.weeks {
                prop_assert!(w.acwr <= 1.5 + 1e-9, "week {} acwr {}", w.week, w.acwr);
                prop_assert!(w.minutes <= 1.3 * last_build + 1e-9, "week {}", w.week);
                if w.phase == Phase::Build {
                    last_build = w.minutes;
                }
                if w.phase != Phase::Race {
                    // The week as planned, minutes and all: a deload or taper week is its
                    // build week scaled, not the minutes rule at its factor.
                    let week = WeekSpec(std::array::from_fn(|d| DaySpec {
                        session: w.days[d].session,
                        minutes: (w.days[d].session != Session::Rest).then_some(w.days[d].minutes),
                    }));
                    let (_, a) = Scorer::new(&p, w.factor).assess(&week);
                    prop_assert!(a.violations.is_empty(), "week {}: {} {:?}", w.week, week, a.violations);
                }
            }
            if let Some(r) = race {
                let last = b.weeks.last().unwrap();
                prop_assert_eq!(last.phase, Phase::Race);
                let on = last.days.iter().find(|d| d.date == Some(r)).unwrap();
                prop_assert_eq!(on.session, Session::Race);
            }
        }
    }
}

/// Each week is judged as if it repeated; the block's real sequence also has the joins of
/// different weeks, and the race can fall on any day. Hard days never meet there either.
#[test]
fn hard_days_never_meet_across_weeks_whatever_the_race_day() {
    let (p, pool) = default_pool();
    for offset in 0..7 {
        // 2027-03-08 is a Monday.
        let race = date("2027-03-08")
            .checked_add(jiff::Span::new().days(offset))
            .unwrap();
        let cal = calendar(DateArgs {
            start: None,
            weeks: Some(6),
            race: Some(race),
        });
        let b = plan_with_pool(p, pool, &cal, 0, &Settings::default(), &mut |_| {})
            .unwrap_or_else(|e| panic!("race on {race}: {e:#}"));
        let days: Vec<_> = b.weeks.iter().flat_map(|w| &w.days).collect();
        for pair in days.windows(2) {
            assert!(
                !(pair[0].session.is_quality() && pair[1].session.is_quality()),
                "race on {race}: {:?} on {:?}, then {:?}",
                pair[0].session,
                pair[0].date,
                pair[1].session
            );
        }
        let race_day = days.iter().find(|d| d.session == Session::Race).unwrap();
        assert_eq!(race_day.date, Some(race));
    }
}

/// A hint names the input the runner gave: a start from the profile is not `--start`.
#[test]
fn a_start_from_the_profile_is_named_as_the_profiles() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bp.yaml");
    std::fs::write(
        &path,
        "weekly_minutes: 300\nblock: {weeks: 6, start: 2026-12-07}\n",
    )
    .unwrap();
    let p = path.to_str().unwrap();
    let run = weekwright(&["block", "--profile", p, "--weeks", "12", "--race", "2027-03-28"])
        .code(2)
        .stderr_has(&["use --weeks 16", "block.start from the profile"]);
    assert!(!run.stderr.contains("drop --start"), "{}", run.stderr);
    weekwright(&[
        "block",
        "--profile",
        p,
        "--start",
        "2026-12-14",
        "--weeks",
        "12",
        "--race",
        "2027-03-28",
    ])
    .code(2)
    .stderr_has(&["drop --start"]);
}

/// MODEL.md section 8: in the taper, quality is kept but shortened, with the volume.
#[test]
fn taper_quality_is_kept_but_shortened() {
    let b = to_the_race();
    let catalog = weekwright::catalog::Catalog::default();
    let peak = b.weeks.iter().map(|w| w.factor).fold(0.0, f64::max);
    let mut seen = 0;
    for w in b
        .weeks
        .iter()
        .filter(|w| matches!(w.phase, Phase::Taper | Phase::Race))
    {
        for d in &w.days {
            let s = d.session;
            if s.is_quality() && !s.is_long() && s != Session::Race {
                let full = catalog.minutes(s, weekwright::catalog::Level::Intermediate);
                let most = (full * (w.factor / peak).clamp(0.5, 1.0)).round().max(20.0);
                assert!(
                    d.minutes <= most,
                    "week {}: {s} for {} min (at most {most})",
                    w.week,
                    d.minutes
                );
                assert!(d.minutes >= 20.0, "week {}: {s} for {} min", w.week, d.minutes);
                seen += 1;
            }
        }
    }
    assert!(seen > 0, "the taper keeps quality");
}

/// A profile whose `block:` section says 10 weeks and dates that make 12 contradicts
/// itself, as `--weeks 10 --start --race` on the command line does: refused, naming the
/// three fields, whatever the command (the section is checked with the profile).
#[test]
fn block_weeks_that_contradict_the_profiles_dates_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("weeks.yaml");
    std::fs::write(
        &path,
        "weekly_minutes: 300\nblock: {weeks: 10, start: 2027-01-04, race_date: 2027-03-28}\n",
    )
    .unwrap();
    let p = path.to_str().unwrap();
    for command in ["block", "generate"] {
        weekwright(&[command, "--profile", p]).code(2).stderr_has(&[
            "block.weeks",
            "block.start",
            "block.race_date",
            "12 weeks",
        ]);
    }
    // The same section that agrees with itself plans its 12 weeks.
    std::fs::write(
        &path,
        "weekly_minutes: 300\nblock: {weeks: 12, start: 2027-01-04, race_date: 2027-03-28}\n",
    )
    .unwrap();
    let out = weekwright(&["block", "--profile", p, "--format", "json"])
        .code(0)
        .json();
    assert_eq!(out["weeks"].as_array().unwrap().len(), 12);
}

/// The command line wins over the profile's `block:` section: with --start and --race
/// given, the dates set the weeks and the profile's block.weeks is not used, and a hint
/// says so (silent with -q), as `block --help` documents.
#[test]
fn dates_on_the_command_line_win_over_the_profiles_block_weeks_and_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("weeks.yaml");
    std::fs::write(&path, "weekly_minutes: 300\nblock: {weeks: 10}\n").unwrap();
    let p = path.to_str().unwrap();
    let args = [
        "block",
        "--profile",
        p,
        "--start",
        "2027-01-04",
        "--race",
        "2027-03-28",
        "--format",
        "json",
    ];
    let run = weekwright(&args).code(0);
    assert_eq!(run.json()["weeks"].as_array().unwrap().len(), 12);
    run.stderr_has(&["block.weeks", "10", "12 weeks", "not used"]);
    let mut quiet = vec!["-q"];
    quiet.extend(args);
    let run = weekwright(&quiet).code(0);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let help = weekwright(&["block", "--help"]).code(0).stdout;
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        help.contains("command line wins") && help.contains("block.weeks is not used"),
        "{help}"
    );
}

/// A race before today is over: a block to it is a mistake, refused with the date and
/// today's date, whether the race comes from --race or the profile, with or without a
/// start in the past too.
#[test]
fn a_race_before_today_is_refused_with_the_date_and_today() {
    let today = crate::support::TODAY;
    let cases: [&[&str]; 3] = [
        &["--race", "2020-03-29"],
        &["--race", "2020-03-29", "--weeks", "12"],
        &["--start", "2020-01-06", "--race", "2020-03-29"],
    ];
    for flags in cases {
        let mut args = vec!["block"];
        args.extend_from_slice(flags);
        let run = weekwright(&args)
            .code(2)
            .stderr_has(&["--race", "2020-03-29", today, "before today"]);
        assert!(!run.stderr.contains("earlier --start"), "{}", run.stderr);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("past.yaml");
    std::fs::write(&path, "weekly_minutes: 300\nblock: {race_date: 2020-03-29}\n").unwrap();
    weekwright(&["block", "--profile", path.to_str().unwrap()])
        .code(2)
        .stderr_has(&[
            "past.yaml",
            "block.race_date",
            "2020-03-29",
            today,
            "before today",
        ]);
}

#[test]
fn weekwright_today_sets_the_date_races_are_checked_against_and_a_bad_one_is_named() {
    // The runner pins today at support::TODAY (2026-11-30); a race on the Sunday before is
    // in the past, the Sunday after is not.
    let run = weekwright(&["block", "--race", "2026-11-29", "--start", "2026-09-07"]).code(2);
    assert!(
        run.stderr.contains("2026-11-29") && run.stderr.contains("2026-11-30"),
        "{}",
        run.stderr
    );
    let mut cmd = assert_cmd::Command::cargo_bin("weekwright").expect("binary built");
    let out = cmd
        .args(["block", "--weeks", "2", "--format", "json"])
        .env("WEEKWRIGHT_TODAY", "2026-12-02")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    // Without --start the block starts the Monday after today.
    assert_eq!(json["weeks"][0]["start"], "2026-12-07");
    let out = assert_cmd::Command::cargo_bin("weekwright")
        .expect("binary built")
        .args(["block", "--weeks", "2"])
        .env("WEEKWRIGHT_TODAY", "tomorrow")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("WEEKWRIGHT_TODAY") && stderr.contains("YYYY-MM-DD"),
        "{stderr}"
    );
}
