//! How a block's start, weeks and race settle each other (`block::calendar`), at the edges:
//! the shortest and longest block to a race, a race today, and when the profile's
//! `block.weeks` is said to be unused.

use jiff::civil::Date;
use weekwright::block::calendar::{DateArgs, resolve, unused_profile_weeks};
use weekwright::profile::BlockDefaults;

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn plus_days(d: Date, n: i64) -> Date {
    d.checked_add(jiff::Span::new().days(n)).unwrap()
}

const TODAY: &str = "2026-12-02";

fn race_from(start: Date, race: Date) -> DateArgs {
    DateArgs {
        start: Some(start),
        weeks: None,
        race: Some(race),
    }
}

/// A block to a race has 3 weeks at least (build, taper, race) and 104 at most; the race
/// may fall on any day of its week. The Monday 2027-01-04 starts week 1, so week n runs
/// from 7(n-1) to 7(n-1)+6 days after it.
#[test]
fn a_block_to_a_race_has_from_3_to_104_weeks() {
    let start = date("2027-01-04");
    let today = date(TODAY);
    for (week, first_or_last) in [(3, 0), (3, 6), (4, 0), (103, 6), (104, 0), (104, 6)] {
        let race = plus_days(start, 7 * (week - 1) + first_or_last);
        let cal = resolve(&race_from(start, race), &BlockDefaults::default(), today)
            .unwrap_or_else(|e| panic!("a race in week {week} ({race}) is refused: {e}"));
        assert_eq!(cal.weeks, usize::try_from(week).unwrap(), "race {race}");
        assert_eq!(cal.start, start);
        assert_eq!(cal.race, Some(race));
    }
    for (week, first_or_last, says) in [
        (2, 6, "at least 3"),
        (2, 0, "at least 3"),
        (105, 0, "at most 104"),
    ] {
        let race = plus_days(start, 7 * (week - 1) + first_or_last);
        let e = resolve(&race_from(start, race), &BlockDefaults::default(), today)
            .expect_err(&format!("a race in week {week} ({race}) is accepted"));
        assert!(e.to_string().contains(says), "week {week}: {e}");
    }
}

/// A race today is not over. With a start in the past it is the block's last day; with no
/// start the block would begin next Monday, after it, and the message says that, not that
/// the race is over.
#[test]
fn a_race_today_is_not_over() {
    let today = date("2026-12-06");
    let cal = resolve(
        &race_from(date("2026-09-07"), today),
        &BlockDefaults::default(),
        today,
    )
    .expect("a block that ends with a race today");
    assert_eq!(cal.race, Some(today));
    assert_eq!(cal.weeks, 13);
    let only_race = DateArgs {
        race: Some(today),
        ..DateArgs::default()
    };
    let e =
        resolve(&only_race, &BlockDefaults::default(), today).expect_err("the block would start after it");
    let message = e.to_string();
    assert!(
        message.contains("not after the block's start 2026-12-07"),
        "{message}"
    );
    assert!(
        !message.contains("over") && !message.contains("before today"),
        "{message}"
    );
}

/// The profile's `block.weeks` is reported unused only when the dates give another number
/// and `--weeks` was not given (a flag that overrides the profile needs no word).
#[test]
fn the_profiles_weeks_are_reported_unused_only_when_the_dates_overrule_them() {
    let today = date(TODAY);
    let (start, race) = (date("2027-01-04"), date("2027-03-28"));
    let profile_weeks = |weeks| BlockDefaults {
        weeks: Some(weeks),
        ..BlockDefaults::default()
    };
    let dates = race_from(start, race);
    let with_flag = DateArgs {
        weeks: Some(12),
        ..dates
    };
    // The dates give 12 weeks.
    for (args, section, unused) in [
        (dates, profile_weeks(12), false),
        (dates, profile_weeks(10), true),
        (with_flag, profile_weeks(10), false),
        (with_flag, profile_weeks(12), false),
        (dates, BlockDefaults::default(), false),
    ] {
        let cal = resolve(&args, &section, today).expect("12 weeks to the race");
        assert_eq!(cal.weeks, 12);
        let note = unused_profile_weeks(&args, &section, &cal);
        assert_eq!(
            note.is_some(),
            unused,
            "{args:?} with block.weeks {:?}: {note:?}",
            section.weeks
        );
        if let Some(note) = note {
            assert!(
                note.contains("block.weeks") && note.contains("10") && note.contains("12"),
                "{note}"
            );
        }
    }
}
