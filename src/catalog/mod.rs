//! The session catalog of docs/model.md section 2: the thirteen kinds of day, their constants,
//! the forgiving names runners type, and per-profile overrides.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::InputError;

mod runner;

#[cfg(test)]
use runner::{GOAL_IDS, LEVEL_IDS};

pub use runner::{Distribution, Goal, Level, Needs, WORKOUTS};

/// One kind of training day. The order is the catalog's (rest first, race last) and is the
/// canonical order used to break ties deterministically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Session {
    /// Day off.
    Rest,
    /// Very easy short run.
    Recovery,
    /// Conversational run.
    Easy,
    /// Easy run with 6-8 short strides.
    Strides,
    /// Cross-training (bike, swim, elliptical): cardiovascular load that spares the legs.
    Cross,
    /// Steady "grey zone" run.
    Moderate,
    /// Long easy run.
    Long,
    /// Long run with a marathon-pace or fast finish (both long and quality).
    LongFast,
    /// Marathon-pace run.
    Marathon,
    /// Threshold / tempo run.
    Tempo,
    /// VO2max intervals.
    Intervals,
    /// Hill repeats.
    Hills,
    /// Race or time trial, warm-up included.
    Race,
}

/// How a session counts in the week's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A day off.
    Rest,
    /// Easy running or cross-training: what absorbs the stress.
    Easy,
    /// Grey-zone running: too hard to recover from, too easy to build speed.
    Moderate,
    /// A long run (`long_fast` is long and quality at once).
    Long,
    /// A hard session.
    Quality,
}

impl Session {
    /// Every session, in catalog order.
    pub const ALL: [Session; 13] = [
        Session::Rest,
        Session::Recovery,
        Session::Easy,
        Session::Strides,
        Session::Cross,
        Session::Moderate,
        Session::Long,
        Session::LongFast,
        Session::Marathon,
        Session::Tempo,
        Session::Intervals,
        Session::Hills,
        Session::Race,
    ];

    /// Number of session kinds.
    pub const COUNT: usize = 13;

    /// Every id, in catalog order (what messages list).
    pub const IDS: [&'static str; 13] = [
        "rest",
        "recovery",
        "easy",
        "strides",
        "cross",
        "moderate",
        "long",
        "long_fast",
        "marathon",
        "tempo",
        "intervals",
        "hills",
        "race",
    ];

    /// Position in [`Session::ALL`].
    #[must_use]
    pub fn index(self) -> usize {
        self as usize
    }

    /// The id used in files, WEEK strings and output.
    #[must_use]
    pub fn id(self) -> &'static str {
        Self::IDS[self.index()]
    }

    /// A short phrase a runner reads ("VO2max intervals").
    #[must_use]
    pub fn meaning(self) -> &'static str {
        match self {
            Session::Rest => "day off",
            Session::Recovery => "very easy short run",
            Session::Easy => "conversational run",
            Session::Strides => "easy run + 6-8 short strides",
            Session::Cross => "cross-training (bike, swim, elliptical)",
            Session::Moderate => "steady \"grey zone\" run",
            Session::Long => "long easy run",
            Session::LongFast => "long run with marathon-pace or fast finish",
            Session::Marathon => "marathon-pace run",
            Session::Tempo => "threshold / tempo run",
            Session::Intervals => "VO2max intervals",
            Session::Hills => "hill repeats",
            Session::Race => "race or time trial, warm-up included",
        }
    }

    /// A short code for tables that give a week one line (`int`, `lfast`, `RACE`).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Session::Rest => "-",
            Session::Recovery => "rec",
            Session::Easy => "easy",
            Session::Strides => "strd",
            Session::Cross => "xt",
            Session::Moderate => "mod",
            Session::Long => "long",
            Session::LongFast => "lfast",
            Session::Marathon => "mp",
            Session::Tempo => "tempo",
            Session::Intervals => "int",
            Session::Hills => "hills",
            Session::Race => "RACE",
        }
    }

    /// Why a session is in the plan, in one line a runner reads (calendar events).
    #[must_use]
    pub fn purpose(self) -> &'static str {
        match self {
            Session::Rest => "Rest: the adaptation happens now.",
            Session::Recovery => "Very easy and short: help the legs absorb the last hard day.",
            Session::Easy => "Conversational pace: aerobic base, and recovery between hard days.",
            Session::Strides => "Easy run with 6-8 short strides: stay quick without fatigue.",
            Session::Cross => "Cross-training: aerobic work that spares the legs.",
            Session::Moderate => "Steady run: keep it controlled, it is not a hard day.",
            Session::Long => "Long easy run: endurance, the anchor of the week.",
            Session::LongFast => "Long run with a fast finish: endurance, then race pace on tired legs.",
            Session::Marathon => "Marathon pace: rehearse the rhythm of the race.",
            Session::Tempo => "Threshold: raise the pace you can hold for an hour.",
            Session::Intervals => "VO2max intervals: raise the ceiling.",
            Session::Hills => "Hill repeats: strength and power with less impact.",
            Session::Race => "Race day: warm up well, then run your race.",
        }
    }

    /// The session's name in running prose ("long run", "intervals").
    #[must_use]
    pub fn prose(self) -> &'static str {
        match self {
            Session::Rest => "rest day",
            Session::Recovery => "recovery run",
            Session::Easy => "easy run",
            Session::Strides => "easy run with strides",
            Session::Cross => "cross-training",
            Session::Moderate => "moderate run",
            Session::Long => "long run",
            Session::LongFast => "fast-finish long run",
            Session::Marathon => "marathon-pace run",
            Session::Tempo => "tempo",
            Session::Intervals => "intervals",
            Session::Hills => "hill repeats",
            Session::Race => "race",
        }
    }

    /// The session's class.
    #[must_use]
    pub fn class(self) -> Class {
        match self {
            Session::Rest => Class::Rest,
            Session::Recovery | Session::Easy | Session::Strides | Session::Cross => Class::Easy,
            Session::Moderate => Class::Moderate,
            Session::Long => Class::Long,
            Session::LongFast
            | Session::Marathon
            | Session::Tempo
            | Session::Intervals
            | Session::Hills
            | Session::Race => Class::Quality,
        }
    }

    /// The class the diversity of the shown plans reads: rest, the easy family (recovery,
    /// easy, strides), cross, moderate, and each key session by its own index. Two plans
    /// that differ only by an easy day renamed are the same plan.
    #[must_use]
    pub fn diversity_class(self) -> usize {
        match self {
            Session::Recovery | Session::Easy | Session::Strides => Session::Easy.index(),
            s => s.index(),
        }
    }

    /// A quality (hard) session: what `hard_sessions` counts. `long_fast` is one.
    #[must_use]
    pub fn is_quality(self) -> bool {
        self.class() == Class::Quality
    }

    /// A long run: `long` or `long_fast`.
    #[must_use]
    pub fn is_long(self) -> bool {
        matches!(self, Session::Long | Session::LongFast)
    }

    /// A key session (quality or long): the sessions that need space after them.
    #[must_use]
    pub fn is_key(self) -> bool {
        self.is_quality() || self.is_long()
    }

    /// An easy-class day: its minutes share what is left of the week's volume.
    #[must_use]
    pub fn is_easy(self) -> bool {
        self.class() == Class::Easy
    }

    /// Days a key session needs before the next key session (24 h: 1 day, 48 h: 2 days,
    /// 72 h: 3 days); 0 for the others. Marathon pace lies below the threshold: a day is
    /// enough (docs/model.md, "Sessions").
    #[must_use]
    pub fn gap_days(self) -> u8 {
        match self {
            Session::Marathon => 1,
            Session::Long | Session::LongFast | Session::Tempo => 2,
            Session::Intervals | Session::Hills | Session::Race => 3,
            _ => 0,
        }
    }

    /// Leg impact of a minute of this session relative to running (docs/model.md section 4).
    #[must_use]
    pub fn impact(self) -> f64 {
        if self == Session::Cross { 0.5 } else { 1.0 }
    }
}

impl fmt::Display for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The list of valid ids, for error messages.
#[must_use]
pub fn valid_ids() -> String {
    Session::IDS.join(", ")
}

/// Every name a session may be written as, in its normalized form (lower case, `_` for a
/// space or a dash, no trailing `_run` or `_day`): the ids and the forgiving names of
/// docs/model.md section 2. The parser and the profile's JSON Schema both read this table.
pub const ALIASES: [(&str, Session); 48] = [
    ("rest", Session::Rest),
    ("off", Session::Rest),
    ("day_off", Session::Rest),
    ("none", Session::Rest),
    ("recovery", Session::Recovery),
    ("recovery_jog", Session::Recovery),
    ("jog", Session::Recovery),
    ("easy", Session::Easy),
    ("strides", Session::Strides),
    ("easy_strides", Session::Strides),
    ("easy_with_strides", Session::Strides),
    ("cross", Session::Cross),
    ("xt", Session::Cross),
    ("cross_training", Session::Cross),
    ("crosstraining", Session::Cross),
    ("bike", Session::Cross),
    ("swim", Session::Cross),
    ("elliptical", Session::Cross),
    ("moderate", Session::Moderate),
    ("steady", Session::Moderate),
    ("grey", Session::Moderate),
    ("gray", Session::Moderate),
    ("grey_zone", Session::Moderate),
    ("gray_zone", Session::Moderate),
    ("long", Session::Long),
    ("long_fast", Session::LongFast),
    ("longfast", Session::LongFast),
    ("fast_finish", Session::LongFast),
    ("long_fast_finish", Session::LongFast),
    ("progression", Session::LongFast),
    ("marathon", Session::Marathon),
    ("mp", Session::Marathon),
    ("marathon_pace", Session::Marathon),
    ("tempo", Session::Tempo),
    ("threshold", Session::Tempo),
    ("lt", Session::Tempo),
    ("intervals", Session::Intervals),
    ("interval", Session::Intervals),
    ("vo2", Session::Intervals),
    ("vo2max", Session::Intervals),
    ("vo2_max", Session::Intervals),
    ("track", Session::Intervals),
    ("hills", Session::Hills),
    ("hill", Session::Hills),
    ("hill_repeats", Session::Hills),
    ("race", Session::Race),
    ("time_trial", Session::Race),
    ("tt", Session::Race),
];

impl FromStr for Session {
    type Err = InputError;

    /// Forgiving names: case, spaces, dashes and a trailing "run" do not matter, and the
    /// aliases runners use (`off`, `xt`, `threshold`, `vo2`, `steady`, `long run`) map to ids.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let norm: String = s
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| if c == '-' || c == ' ' { '_' } else { c })
            .collect();
        let norm = norm.trim_matches('_');
        let stem = norm
            .strip_suffix("_run")
            .or_else(|| norm.strip_suffix("_day"))
            .unwrap_or(norm);
        let Some(&(_, session)) = ALIASES.iter().find(|(name, _)| *name == stem) else {
            return Err(InputError::UnknownSession {
                name: crate::error::shown(s.trim(), 40),
                ids: &Session::IDS,
            });
        };
        Ok(session)
    }
}

/// The constants of one session kind.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SessionSpec {
    /// Session RPE (Foster's CR-10 scale); load per minute.
    pub rpe: f64,
    /// Catalog minutes for beginner, intermediate, advanced.
    pub minutes: [f64; 3],
    /// Shares of minutes in zones 1, 2, 3.
    pub zones: [f64; 3],
}

impl SessionSpec {
    /// The default constants of docs/model.md section 2.
    #[must_use]
    pub fn default_for(session: Session) -> Self {
        let (rpe, minutes, zones) = match session {
            Session::Rest => (0.0, [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]),
            Session::Recovery => (2.0, [20.0, 30.0, 40.0], [1.0, 0.0, 0.0]),
            Session::Easy | Session::Cross => (3.0, [30.0, 45.0, 60.0], [1.0, 0.0, 0.0]),
            Session::Strides => (3.5, [30.0, 45.0, 60.0], [1.0, 0.0, 0.0]),
            Session::Moderate => (5.0, [35.0, 50.0, 60.0], [0.3, 0.7, 0.0]),
            Session::Long => (4.0, [60.0, 100.0, 130.0], [1.0, 0.0, 0.0]),
            Session::LongFast => (5.0, [60.0, 100.0, 130.0], [0.75, 0.25, 0.0]),
            Session::Marathon => (6.0, [50.0, 70.0, 90.0], [0.4, 0.6, 0.0]),
            Session::Tempo => (6.5, [35.0, 50.0, 65.0], [0.55, 0.45, 0.0]),
            Session::Intervals => (7.5, [35.0, 50.0, 65.0], [0.6, 0.0, 0.4]),
            Session::Hills => (7.0, [35.0, 45.0, 55.0], [0.7, 0.0, 0.3]),
            Session::Race => (9.0, [40.0, 45.0, 50.0], [0.4, 0.2, 0.4]),
        };
        SessionSpec { rpe, minutes, zones }
    }
}

/// The catalog in force: the defaults with a profile's overrides applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    specs: [SessionSpec; Session::COUNT],
    /// Sessions whose minutes the profile set, by [`Session::index`] bit.
    own_minutes: u16,
}

impl Default for Catalog {
    fn default() -> Self {
        Catalog {
            specs: Session::ALL.map(SessionSpec::default_for),
            own_minutes: 0,
        }
    }
}

impl Catalog {
    /// The constants of one session.
    #[must_use]
    pub fn spec(&self, session: Session) -> &SessionSpec {
        &self.specs[session.index()]
    }

    /// Override a session's RPE and/or minutes (minutes apply to every level: a runner who
    /// says "my intervals session is 55 minutes" means it whatever the level).
    pub fn set(&mut self, session: Session, rpe: Option<f64>, minutes: Option<f64>) {
        let spec = &mut self.specs[session.index()];
        if let Some(rpe) = rpe {
            spec.rpe = rpe;
        }
        if let Some(m) = minutes {
            spec.minutes = [m; 3];
            self.own_minutes |= 1 << session.index();
        }
    }

    /// Minutes of a `race` for `goal` and `level`: the profile's own when it set them,
    /// else the goal's distance minutes ([`Goal::race_minutes`]).
    #[must_use]
    pub fn race_minutes(&self, goal: Goal, level: Level) -> f64 {
        if self.own_minutes & (1 << Session::Race.index()) == 0 {
            goal.race_minutes(level)
        } else {
            self.minutes(Session::Race, level)
        }
    }

    /// Catalog minutes of a session for a level.
    #[must_use]
    pub fn minutes(&self, session: Session, level: Level) -> f64 {
        self.spec(session).minutes[level.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forgiving_names_map_to_ids() {
        let cases = [
            ("easy run", Session::Easy),
            ("Easy Run", Session::Easy),
            ("off", Session::Rest),
            ("xt", Session::Cross),
            ("threshold", Session::Tempo),
            ("vo2", Session::Intervals),
            ("steady", Session::Moderate),
            ("long run", Session::Long),
            ("Long-Fast", Session::LongFast),
            ("  TEMPO ", Session::Tempo),
        ];
        for (name, want) in cases {
            assert_eq!(name.parse::<Session>().unwrap(), want, "{name}");
        }
    }

    #[test]
    fn every_id_parses_back_to_itself() {
        for s in Session::ALL {
            assert_eq!(s.id().parse::<Session>().unwrap(), s);
        }
    }

    #[test]
    fn unknown_name_lists_the_valid_ids() {
        let err = "jogging in place".parse::<Session>().unwrap_err().to_string();
        assert!(err.contains("jogging in place"), "{err}");
        assert!(err.contains("intervals") && err.contains("long_fast"), "{err}");
    }

    #[test]
    fn level_and_goal_ids_are_the_names_they_parse_from() {
        use clap::ValueEnum as _;
        let levels: Vec<&str> = [Level::Beginner, Level::Intermediate, Level::Advanced]
            .iter()
            .map(|l| l.id())
            .collect();
        assert_eq!(levels, LEVEL_IDS);
        let goals: Vec<&str> = [Goal::FiveK, Goal::TenK, Goal::Half, Goal::Marathon, Goal::General]
            .iter()
            .map(|g| g.id())
            .collect();
        assert_eq!(goals, GOAL_IDS);
        for (l, id) in Level::value_variants().iter().zip(LEVEL_IDS) {
            assert_eq!(l.to_possible_value().unwrap().get_name(), *id);
        }
        for (g, id) in Goal::value_variants().iter().zip(GOAL_IDS) {
            assert_eq!(g.to_possible_value().unwrap().get_name(), *id);
        }
    }

    #[test]
    fn long_fast_is_long_quality_and_key() {
        let s = Session::LongFast;
        assert!(s.is_long() && s.is_quality() && s.is_key());
        assert!(!Session::Moderate.is_key());
        assert!(Session::Long.is_key() && !Session::Long.is_quality());
    }

    #[test]
    fn zone_shares_sum_to_one_for_every_running_session() {
        let c = Catalog::default();
        for s in Session::ALL.into_iter().skip(1) {
            let z = c.spec(s).zones;
            assert!((z[0] + z[1] + z[2] - 1.0).abs() < 1e-12, "{s}");
        }
    }
}
