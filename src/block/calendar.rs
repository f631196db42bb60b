//! Real calendar dates for blocks (jiff): parsing what a runner types, the next Monday, and
//! how the start, the number of weeks and the race date settle each other.

use jiff::civil::Date;

use crate::dates::{add_days, days_between, monday_of, next_monday, whole};
use crate::error::InputError;
use crate::limits::MAX_WEEKS;
use crate::profile::BlockDefaults;

/// Weeks a block without a race has unless told (docs/model.md leaves it to the profile).
pub const DEFAULT_WEEKS: usize = 12;
/// Fewest weeks of a block to a race: one build week, the taper week and the race week.
pub const MIN_RACE_WEEKS: usize = 3;

/// The dates a block runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Calendar {
    /// The first Monday.
    pub start: Date,
    /// Number of weeks.
    pub weeks: usize,
    /// Race day, in the last week.
    pub race: Option<Date>,
}

impl Calendar {
    /// The Monday of week `k` (0-based).
    #[must_use]
    pub fn week_start(&self, k: usize) -> Date {
        add_days(self.start, 7 * whole(k))
    }

    /// The race's weekday index (0 = Monday), if there is a race.
    #[must_use]
    pub fn race_day(&self) -> Option<usize> {
        self.race.map(|r| r.weekday().to_monday_zero_offset() as usize)
    }
}

/// What the command line said about dates (already parsed; `None` when not given).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateArgs {
    /// `--start`.
    pub start: Option<Date>,
    /// `--weeks`.
    pub weeks: Option<usize>,
    /// `--race`.
    pub race: Option<Date>,
}

fn flag(flag: &str, message: String) -> InputError {
    InputError::Flag {
        flag: flag.to_string(),
        message,
    }
}

/// Settle start, weeks and race from the flags, then the profile's `block:` section, then
/// the defaults (next Monday after `today`, 12 weeks).
///
/// With a race the weeks follow from the dates: the race week is the week holding race day.
/// Without `--start` but with a number of weeks, the block is counted back from the race.
///
/// # Errors
/// A race on or before the start, `--weeks` that contradicts the dates, a race more than
/// 104 weeks away or less than three weeks after the start, a race before `today` (exit 2).
pub fn resolve(args: &DateArgs, section: &BlockDefaults, today: Date) -> Result<Calendar, InputError> {
    let (profile_start, profile_race, profile_weeks) = (section.start, section.race, section.weeks);
    let race = args.race.or(profile_race);
    let start_given = args.start.or(profile_start);
    let Some(race) = race else {
        return Ok(Calendar {
            start: start_given.unwrap_or_else(|| next_monday(today)),
            weeks: args.weeks.or(profile_weeks).unwrap_or(DEFAULT_WEEKS),
            race: None,
        });
    };
    // A start from today (none given) cannot be "too late" for a race that is over: say
    // that first; with a start given, its own checks below come first.
    if start_given.is_none() && args.weeks.or(profile_weeks).is_none() && race < today {
        return Err(race_over(args, race, today));
    }
    let start = match (start_given, args.weeks.or(profile_weeks)) {
        (Some(s), _) => s,
        (None, Some(w)) => add_days(monday_of(race), -7 * (whole(w) - 1)),
        (None, None) => next_monday(today),
    };
    if race <= start {
        return Err(flag(
            "--race",
            format!(
                "race day {race} is not after the block's start {start}: give a later race or an earlier --start"
            ),
        ));
    }
    let span = days_between(start, race) / 7 + 1;
    let weeks = usize::try_from(span).unwrap_or(usize::MAX);
    if weeks > MAX_WEEKS {
        return Err(flag(
            "--race",
            format!(
                "race day {race} is {weeks} weeks after {start}; a block has at most {MAX_WEEKS} weeks: start later"
            ),
        ));
    }
    if weeks < MIN_RACE_WEEKS {
        return Err(flag(
            "--race",
            format!(
                "race day {race} falls in week {weeks} of a block starting {start}; a block to a race needs at least {MIN_RACE_WEEKS} weeks (build, taper, race): start earlier"
            ),
        ));
    }
    if let Some(w) = args.weeks
        && w != weeks
    {
        let start_from = if args.start.is_some() {
            "--start"
        } else {
            "block.start from the profile"
        };
        return Err(flag(
            "--weeks",
            format!(
                "{w} weeks from {start} do not end with the race on {race}, which falls in week {weeks}: use --weeks {weeks}, or drop {start_from} to count {w} weeks back from the race"
            ),
        ));
    }
    if race < today {
        return Err(race_over(args, race, today));
    }
    Ok(Calendar {
        start,
        weeks,
        race: Some(race),
    })
}

/// A race before today: that race is over, and a block to it plans weeks already gone. From
/// the profile, the field is named with "the profile" for its source: the caller knows the file.
fn race_over(args: &DateArgs, race: Date, today: Date) -> InputError {
    let message = format!(
        "race day {race} is before today ({today}): that race is over; give the date of a race to come"
    );
    if args.race.is_some() {
        flag("--race", message)
    } else {
        InputError::Field {
            source_name: "the profile".to_string(),
            field: "block.race_date".to_string(),
            message,
        }
    }
}

/// What to tell the runner when the profile's `block.weeks` is not used: the command line
/// wins over the profile's `block:` section, so when its dates (with the profile's) settle
/// the weeks of `cal`, a `block.weeks` that disagrees gives way. `None` when it is used, is
/// unset, or `--weeks` was given (a flag overriding a default needs no word).
#[must_use]
pub fn unused_profile_weeks(args: &DateArgs, section: &BlockDefaults, cal: &Calendar) -> Option<String> {
    let w = section.weeks?;
    if args.weeks.is_some() || w == cal.weeks {
        return None;
    }
    let race = cal
        .race
        .map(|r| format!(" to the race on {r}"))
        .unwrap_or_default();
    Some(format!(
        "the profile's block.weeks ({w}) is not used: from {}{race} the block has {}, and the command line wins over the profile's block: section",
        cal.start,
        crate::error::counted(cal.weeks as u64, "week")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn weeks_count_back_from_the_race_without_a_start() {
        let args = DateArgs {
            weeks: Some(12),
            race: Some(d("2027-03-28")),
            ..DateArgs::default()
        };
        let c = resolve(&args, &BlockDefaults::default(), d("2026-11-29")).unwrap();
        assert_eq!(c.start, d("2027-01-04"));
        assert_eq!(c.weeks, 12);
        assert_eq!(c.race_day(), Some(6));
    }

    #[test]
    fn a_race_before_the_start_is_refused() {
        let args = DateArgs {
            start: Some(d("2027-01-04")),
            race: Some(d("2026-12-20")),
            ..DateArgs::default()
        };
        let err = resolve(&args, &BlockDefaults::default(), d("2026-11-29")).unwrap_err();
        assert!(err.to_string().contains("not after"), "{err}");
    }

    #[test]
    fn a_race_before_today_is_over_and_refused_whatever_the_start() {
        let today = d("2027-04-01");
        for (start, weeks) in [(None, None), (None, Some(12)), (Some(d("2027-01-04")), None)] {
            let args = DateArgs {
                start,
                weeks,
                race: Some(d("2027-03-28")),
            };
            let err = resolve(&args, &BlockDefaults::default(), today)
                .unwrap_err()
                .to_string();
            assert!(
                err.contains("--race") && err.contains("before today (2027-04-01)"),
                "{err}"
            );
        }
        let section = BlockDefaults {
            race: Some(d("2027-03-28")),
            ..BlockDefaults::default()
        };
        let err = resolve(&DateArgs::default(), &section, today)
            .unwrap_err()
            .to_string();
        assert!(err.contains("block.race_date"), "{err}");
        // A race today is still to come.
        let args = DateArgs {
            weeks: Some(12),
            race: Some(today),
            ..DateArgs::default()
        };
        assert!(resolve(&args, &BlockDefaults::default(), today).is_ok());
    }
}
