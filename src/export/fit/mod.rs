//! FIT workout files for a watch (`--format fit --output DIR`): one file a training day,
//! `2026-12-08-tue-intervals.fit`, holding a file_id message (type workout), a workout
//! message (sport, name, step count) and the day's steps as workout_step messages, as the
//! FIT SDK's example workouts lay them out. The mapping from the plan's steps is in
//! docs/model.md, "Workout files"; [`steps`] is its code.

mod encode;

use jiff::civil::Date;

use crate::catalog::Session;
use crate::model::explain::DayOut;
use crate::workout::{Kind, Run, Step, Target, Workout};
use encode::{Base, Encoder, Field, INVALID_U32, Value};

/// Global message numbers of the FIT profile.
mod mesg {
    /// file_id.
    pub const FILE_ID: u16 = 0;
    /// workout.
    pub const WORKOUT: u16 = 26;
    /// workout_step.
    pub const WORKOUT_STEP: u16 = 27;
}

/// The FIT profile's `file` type of a workout file.
const FILE_WORKOUT: u8 = 5;
/// The FIT profile's `manufacturer` for software that is no device maker's.
const MANUFACTURER_DEVELOPMENT: u16 = 255;

/// The FIT profile's `sport`: running, and generic for cross-training (bike, swim or
/// elliptical: the runner picks).
pub mod sport {
    /// generic.
    pub const GENERIC: u8 = 0;
    /// running.
    pub const RUNNING: u8 = 1;
}

/// The FIT profile's `wkt_step_duration` values written.
pub mod duration {
    /// A time, in ms.
    pub const TIME: u8 = 0;
    /// A distance, in cm.
    pub const DISTANCE: u8 = 1;
    /// Repeat from a step (duration_value) a number of times (target_value).
    pub const REPEAT_UNTIL_STEPS_CMPLT: u8 = 6;
}

/// The FIT profile's `wkt_step_target` values written.
pub mod target {
    /// A speed range (custom: target_value 0, custom_target_value_low/high in mm/s).
    pub const SPEED: u8 = 0;
    /// No target.
    pub const OPEN: u8 = 2;
}

/// The FIT profile's `intensity` of a step of each kind.
#[must_use]
pub fn intensity(kind: Kind) -> u8 {
    match kind {
        // A repeat step is `active`, as in the FIT SDK's example workout.
        Kind::Work | Kind::Repeat => 0,
        Kind::Warmup => 2,
        Kind::Cooldown => 3,
        Kind::Recovery => 4,
    }
}

/// A step's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duration {
    /// After this many ms.
    Time(u32),
    /// After this many cm.
    Distance(u32),
    /// Repeat the steps from index `from` to the one before this, `count` times in all.
    Repeat {
        /// The message_index of the first step repeated.
        from: u16,
        /// How many times the steps are run.
        count: u32,
    },
}

/// One workout_step message as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FitStep {
    /// When the step ends.
    pub duration: Duration,
    /// A speed range, mm/s, slower end first; `None`: target_type open.
    pub speed: Option<[u32; 2]>,
    /// The FIT `intensity` ([`intensity`]).
    pub intensity: u8,
    /// wkt_step_name: the effort in words and its RPE when there is no pace; else empty.
    pub name: String,
}

/// A step shorter than this (ms) is left out: a watch cannot run a step of no time.
pub const SHORTEST_MS: u32 = 1000;

/// The workout_step messages of a workout, in order: each step run once is a step; a repeat
/// is its steps followed by a repeat step (repeat_until_steps_cmplt, duration_value the
/// index of its first step, target_value the count). A step shorter than [`SHORTEST_MS`] is
/// left out, and a repeat with nothing left in it too.
#[must_use]
pub fn steps(workout: &Workout) -> Vec<FitStep> {
    let mut out = Vec::new();
    for step in &workout.steps {
        match step {
            Step::Run(r) => out.extend(run_step(r, workout)),
            Step::Repeat(rep) => {
                let from = out.len();
                out.extend(rep.steps.iter().filter_map(|r| run_step(r, workout)));
                if out.len() > from {
                    out.push(FitStep {
                        duration: Duration::Repeat {
                            from: from as u16,
                            count: rep.count,
                        },
                        speed: None,
                        intensity: intensity(Kind::Repeat),
                        name: String::new(),
                    });
                }
            }
        }
    }
    out
}

/// The workout_step of a step run once; `None` when it is too short to run.
fn run_step(r: &Run, workout: &Workout) -> Option<FitStep> {
    let ms = (r.minutes * 60_000.0).round();
    if ms.is_nan() || ms < f64::from(SHORTEST_MS) {
        return None;
    }
    let duration = match r.distance_m {
        Some(m) if r.is_race() && m >= 1.0 => {
            Duration::Distance((m * 100.0).round().min(f64::from(u32::MAX - 1)) as u32)
        }
        _ => Duration::Time(ms.min(f64::from(u32::MAX - 1)) as u32),
    };
    let (speed, name) = match &r.target {
        // Seconds per unit to mm/s: the slower pace is the lower speed.
        Target::Pace { pace } => {
            let metres = workout.units.metres();
            let mm_s = |s: f64| (metres / s * 1000.0).round() as u32;
            (Some([mm_s(pace[1]), mm_s(pace[0])]), String::new())
        }
        Target::Effort { effort, rpe } => (None, format!("{effort}, RPE {rpe}")),
    };
    Some(FitStep {
        duration,
        speed,
        intensity: intensity(r.kind),
        name,
    })
}

/// The file name of a day's workout, `YYYY-MM-DD-ddd-SESSION.fit` (CLI.md, "Workout
/// files"): `2026-12-08-tue-intervals.fit`, SESSION the session's id (`long_fast`).
#[must_use]
pub fn file_name(date: Date, day: &DayOut) -> String {
    format!("{date}-{}-{}.fit", day.day.id(), day.session.id())
}

/// The workout's name on the watch, short enough not to be cut (watches show 15 to 20
/// characters): `Tue intervals 50'`.
#[must_use]
pub fn workout_name(day: &DayOut) -> String {
    let day_id = day.day.id();
    let mut short: String = day_id.chars().take(1).flat_map(char::to_uppercase).collect();
    short.push_str(&day_id[1..]);
    format!(
        "{short} {} {:.0}'",
        day.session.id().replace('_', " "),
        day.minutes
    )
}

/// The FIT file of a training day on `date`; `None` on a rest day (no workout).
#[must_use]
pub fn day_file(day: &DayOut, date: Date) -> Option<(String, Vec<u8>)> {
    let workout = day.workout.as_ref()?;
    let sport = if day.session == Session::Cross {
        sport::GENERIC
    } else {
        sport::RUNNING
    };
    let bytes = workout_file(&workout_name(day), sport, &steps(workout), date);
    Some((file_name(date, day), bytes))
}

/// A workout file: `name`, `sport` and `steps`, created on `date` (its midnight UTC, so
/// the same plan gives the same bytes).
#[must_use]
pub fn workout_file(name: &str, sport: u8, steps: &[FitStep], date: Date) -> Vec<u8> {
    let mut e = Encoder::default();
    // time_created counts seconds from the FIT epoch, 1989-12-31 00:00 UTC.
    let created = (crate::dates::days_between(jiff::civil::date(1989, 12, 31), date) * 86_400).max(0);
    let file_id = [
        Field::of(0, Base::Enum),
        Field::of(1, Base::U16),
        Field::of(2, Base::U16),
        Field::of(3, Base::U32z),
        Field::of(4, Base::U32),
    ];
    e.define(0, mesg::FILE_ID, &file_id);
    e.data(
        0,
        &file_id,
        &[
            Value::Enum(FILE_WORKOUT),
            Value::U16(MANUFACTURER_DEVELOPMENT),
            Value::U16(0),
            Value::U32(serial(name, date)),
            Value::U32(created as u32),
        ],
    );
    let name = encode::cut(name, 254);
    let workout = [
        Field::of(4, Base::Enum),
        Field::of(6, Base::U16),
        Field::text(8, name.len() as u8 + 1),
    ];
    e.define(0, mesg::WORKOUT, &workout);
    e.data(
        0,
        &workout,
        &[
            Value::Enum(sport),
            Value::U16(steps.len() as u16),
            Value::Text(name),
        ],
    );
    write_steps(&mut e, steps);
    e.finish()
}

/// The workout_step messages, under one definition whose name field holds the longest
/// name (no name field when no step has a name).
fn write_steps(e: &mut Encoder, steps: &[FitStep]) {
    let longest = steps
        .iter()
        .map(|s| encode::cut(&s.name, 254).len())
        .max()
        .unwrap_or(0);
    let mut fields = vec![
        Field::of(254, Base::U16),
        Field::text(0, longest as u8 + 1),
        Field::of(1, Base::Enum),
        Field::of(2, Base::U32),
        Field::of(3, Base::Enum),
        Field::of(4, Base::U32),
        Field::of(5, Base::U32),
        Field::of(6, Base::U32),
        Field::of(7, Base::Enum),
    ];
    if longest == 0 {
        fields.remove(1);
    }
    e.define(0, mesg::WORKOUT_STEP, &fields);
    for (i, s) in steps.iter().enumerate() {
        let (kind, value, repeats) = match s.duration {
            Duration::Time(ms) => (duration::TIME, ms, None),
            Duration::Distance(cm) => (duration::DISTANCE, cm, None),
            Duration::Repeat { from, count } => {
                (duration::REPEAT_UNTIL_STEPS_CMPLT, u32::from(from), Some(count))
            }
        };
        // A repeat's count is its target_value (its target_type open, as in the FIT SDK's
        // example); a speed target is custom (zone 0) with the range in the custom
        // values; else no target.
        let (target_type, target_value, [low, high]) = match (repeats, s.speed) {
            (Some(count), _) => (target::OPEN, count, [INVALID_U32; 2]),
            (None, Some(range)) => (target::SPEED, 0, range),
            (None, None) => (target::OPEN, 0, [INVALID_U32; 2]),
        };
        let mut values = vec![
            Value::U16(i as u16),
            Value::Text(s.name.clone()),
            Value::Enum(kind),
            Value::U32(value),
            Value::Enum(target_type),
            Value::U32(target_value),
            Value::U32(low),
            Value::U32(high),
            Value::Enum(s.intensity),
        ];
        if longest == 0 {
            values.remove(1);
        }
        e.data(0, &fields, &values);
    }
}

/// A serial number for the file (uint32z: never 0): FNV-1a of the workout's name and date,
/// so that two files never share one and the same plan gives the same one.
fn serial(name: &str, date: Date) -> u32 {
    let text = format!("{date} {name}");
    let hash = text.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    hash.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Catalog, Goal};
    use crate::paces::{Fitness, Units};
    use crate::workout::Coach;

    #[test]
    fn steps_under_a_second_are_left_out() {
        // VDOT 50 runs a marathon in about 3:10:40 (Daniels' table: 3:10:49), far beyond a
        // race day of 60 minutes: the race takes the whole hour, and the warm-up and the
        // cool-down get 0 minutes, which a watch cannot run.
        let fitness = Fitness::from_vdot(50.0).unwrap();
        let coach = Coach::with(Catalog::default(), Goal::Marathon, Some(&fitness), Units::Km);
        let w = coach.workout(Session::Race, 60.0, 300.0).unwrap();
        assert_eq!(w.steps.len(), 3, "{w:?}");
        let s = steps(&w);
        assert_eq!(s.len(), 1, "{s:?}");
        // The race runs to its distance: 60 minutes at marathon pace, 11,440 s / 42.195 km
        // = 271.1 s/km, is 3600 / 271.1 = 13.28 km; its range 269.1-273.1 s/km is 3.662 to
        // 3.716 m/s.
        let Duration::Distance(cm) = s[0].duration else {
            panic!("{s:?}")
        };
        assert!((1_320_000..1_335_000).contains(&cm), "{cm}");
        let [low, high] = s[0].speed.unwrap();
        assert!(
            (3655..3670).contains(&low) && (3709..3724).contains(&high),
            "{low} {high}"
        );
        assert_eq!(s[0].intensity, 0);
    }

    #[test]
    fn a_cross_training_day_is_a_generic_workout_with_its_effort_named() {
        let coach = Coach::with(Catalog::default(), Goal::TenK, None, Units::Km);
        let day = DayOut {
            day: crate::week::Day::SAT,
            date: None,
            session: Session::Cross,
            minutes: 45.0,
            load: 135.0,
            distance: None,
            workout: coach.workout(Session::Cross, 45.0, 300.0),
            done: false,
        };
        let (name, bytes) = day_file(&day, jiff::civil::date(2026, 12, 12)).unwrap();
        assert_eq!(name, "2026-12-12-sat-cross.fit");
        // Read back by fitparser, an independent decoder.
        let records = fitparser::from_bytes(&bytes).unwrap();
        let field = |i: usize, name: &str| {
            records[i]
                .fields()
                .iter()
                .find(|f| f.name() == name)
                .map(|f| f.value().to_string())
        };
        assert_eq!(field(1, "sport").as_deref(), Some("generic"));
        assert_eq!(field(1, "wkt_name").as_deref(), Some("Sat cross 45'"));
        assert_eq!(records.len(), 3);
        assert_eq!(field(2, "target_type").as_deref(), Some("open"));
        assert_eq!(field(2, "duration_time").as_deref(), Some("2700"));
        assert_eq!(
            field(2, "wkt_step_name").as_deref(),
            Some("easy cross-training: bike, swim or elliptical, RPE 3")
        );
    }

    #[test]
    fn a_file_starts_with_the_fit_header() {
        let bytes = workout_file(
            "Tue easy 40'",
            sport::RUNNING,
            &[],
            jiff::civil::date(2026, 12, 8),
        );
        // Header size 14, protocol 1.0, the profile version, the data size, ".FIT".
        assert_eq!(bytes[0], 14);
        assert_eq!(bytes[1], 0x10);
        assert_eq!(&bytes[8..12], b".FIT");
        let data = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize;
        assert_eq!(bytes.len(), 14 + data + 2);
        assert_eq!(encode::crc16(&bytes), 0);
    }
}
