//! The sessions of MODEL.md v2 §1 (the default catalog), the levels and goals, and the
//! per-goal tables that other sections index: race minutes (§2), the long run's goal range
//! (§2), the distribution targets (§5) and the long-run cap (§6).

/// The runner's level: it picks the B/I/A column of every table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Beginner,
    Intermediate,
    Advanced,
}

impl Level {
    /// The column of the B/I/A tables.
    pub fn column(self) -> usize {
        match self {
            Level::Beginner => 0,
            Level::Intermediate => 1,
            Level::Advanced => 2,
        }
    }

    /// `beginner`, `intermediate` or `advanced`.
    pub fn parse(text: &str) -> Option<Level> {
        match text.trim().to_ascii_lowercase().as_str() {
            "beginner" => Some(Level::Beginner),
            "intermediate" => Some(Level::Intermediate),
            "advanced" => Some(Level::Advanced),
            _ => None,
        }
    }
}

/// The runner's goal race.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Goal {
    FiveK,
    TenK,
    Half,
    Marathon,
    General,
}

impl Goal {
    /// `5k`, `10k`, `half`, `marathon` or `general`.
    pub fn parse(text: &str) -> Option<Goal> {
        match text.trim().to_ascii_lowercase().as_str() {
            "5k" => Some(Goal::FiveK),
            "10k" => Some(Goal::TenK),
            "half" => Some(Goal::Half),
            "marathon" => Some(Goal::Marathon),
            "general" => Some(Goal::General),
            _ => None,
        }
    }

    /// §2: the race's minutes, a 20-minute warm-up included, B/I/A.
    pub fn race_minutes(self, level: Level) -> f64 {
        let row = match self {
            Goal::FiveK => [55.0, 45.0, 40.0],
            Goal::TenK => [85.0, 70.0, 60.0],
            Goal::Half => [170.0, 135.0, 115.0],
            Goal::Marathon => [330.0, 270.0, 225.0],
            Goal::General => [40.0, 45.0, 50.0],
        };
        row[level.column()]
    }

    /// §2: the long run's goal range `(lo, hi)` for the level.
    pub fn long_run_range(self, level: Level) -> (f64, f64) {
        let (lo, hi) = match self {
            Goal::FiveK => (45.0, [75.0, 90.0, 105.0]),
            Goal::TenK => (60.0, [90.0, 105.0, 120.0]),
            Goal::Half => (75.0, [120.0, 135.0, 150.0]),
            Goal::Marathon => (90.0, [210.0, 180.0, 180.0]),
            Goal::General => (60.0, [90.0, 120.0, 150.0]),
        };
        (lo, hi[level.column()])
    }

    /// §6 `long_run_cap`: the longest long run allowed, in minutes.
    pub fn long_run_cap(self, level: Level) -> f64 {
        match self {
            Goal::FiveK => 120.0,
            Goal::TenK => 135.0,
            Goal::General => 150.0,
            Goal::Half => 165.0,
            Goal::Marathon => [210.0, 200.0, 180.0][level.column()],
        }
    }

    /// §5 distribution targets `(z1 min, z2 max, z3 max)`: polarized for 5k and 10k,
    /// pyramidal for half, marathon and general.
    pub fn zone_targets(self) -> (f64, f64, f64) {
        match self {
            Goal::FiveK | Goal::TenK => (0.75, 0.08, 0.20),
            Goal::Half | Goal::Marathon | Goal::General => (0.75, 0.20, 0.08),
        }
    }

    /// §5: "The half and marathon goals need a long run; 5k, 10k and general do not."
    pub fn needs_long_run(self) -> bool {
        matches!(self, Goal::Half | Goal::Marathon)
    }
}

/// The 13 sessions of §1, in catalog order (rest 0 ... race 12, §7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Session {
    Rest,
    Recovery,
    Easy,
    Strides,
    Cross,
    Moderate,
    Long,
    LongFast,
    Marathon,
    Tempo,
    Intervals,
    Hills,
    Race,
}

impl Session {
    /// The catalog's order (§7's canonical order uses it).
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

    /// The id as §1 spells it.
    pub fn id(self) -> &'static str {
        match self {
            Session::Rest => "rest",
            Session::Recovery => "recovery",
            Session::Easy => "easy",
            Session::Strides => "strides",
            Session::Cross => "cross",
            Session::Moderate => "moderate",
            Session::Long => "long",
            Session::LongFast => "long_fast",
            Session::Marathon => "marathon",
            Session::Tempo => "tempo",
            Session::Intervals => "intervals",
            Session::Hills => "hills",
            Session::Race => "race",
        }
    }

    /// An id, or one of §1's forgiving names (`easy run`, `off`, `xt`, `threshold`, `vo2`,
    /// `steady`, `long run`), in any case.
    pub fn parse(text: &str) -> Option<Session> {
        let name = text.trim().to_ascii_lowercase();
        let alias = match name.as_str() {
            "easy run" => "easy",
            "off" => "rest",
            "xt" => "cross",
            "threshold" => "tempo",
            "vo2" => "intervals",
            "steady" => "moderate",
            "long run" => "long",
            other => other,
        };
        Session::ALL.into_iter().find(|s| s.id() == alias)
    }

    /// §1 sRPE: the load of a session is sRPE x minutes.
    pub fn srpe(self) -> f64 {
        match self {
            Session::Rest => 0.0,
            Session::Recovery => 2.0,
            Session::Easy | Session::Cross => 3.0,
            Session::Strides => 3.5,
            Session::Long => 4.0,
            Session::Moderate | Session::LongFast => 5.0,
            Session::Marathon => 6.0,
            Session::Tempo => 6.5,
            Session::Hills => 7.0,
            Session::Intervals => 7.5,
            Session::Race => 9.0,
        }
    }

    /// §1 catalog minutes for the level; `race` has none here (its minutes are by
    /// distance, [`Goal::race_minutes`]).
    pub fn catalog_minutes(self, level: Level) -> f64 {
        let row = match self {
            Session::Rest | Session::Race => [0.0; 3],
            Session::Recovery => [20.0, 30.0, 40.0],
            Session::Easy | Session::Strides | Session::Cross => [30.0, 45.0, 60.0],
            Session::Moderate => [35.0, 50.0, 60.0],
            Session::Long | Session::LongFast => [60.0, 100.0, 130.0],
            Session::Marathon => [50.0, 70.0, 90.0],
            Session::Tempo | Session::Intervals => [35.0, 50.0, 65.0],
            Session::Hills => [35.0, 45.0, 55.0],
        };
        row[level.column()]
    }

    /// §1 zone shares of the minutes, Z1/Z2/Z3 (rest has none).
    pub fn zones(self) -> [f64; 3] {
        match self {
            Session::Rest => [0.0, 0.0, 0.0],
            Session::Recovery | Session::Easy | Session::Strides | Session::Cross | Session::Long => {
                [1.0, 0.0, 0.0]
            }
            Session::Moderate => [0.3, 0.7, 0.0],
            Session::LongFast => [0.75, 0.25, 0.0],
            Session::Marathon => [0.4, 0.6, 0.0],
            Session::Tempo => [0.55, 0.45, 0.0],
            Session::Intervals => [0.6, 0.0, 0.4],
            Session::Hills => [0.7, 0.0, 0.3],
            Session::Race => [0.4, 0.2, 0.4],
        }
    }

    /// §1 class `quality` (what the profile's `hard_sessions` counts; `long_fast` is both
    /// long and quality).
    pub fn is_quality(self) -> bool {
        matches!(
            self,
            Session::LongFast
                | Session::Marathon
                | Session::Tempo
                | Session::Intervals
                | Session::Hills
                | Session::Race
        )
    }

    /// §1 class `long` (`long` and `long_fast`).
    pub fn is_long(self) -> bool {
        matches!(self, Session::Long | Session::LongFast)
    }

    /// §1: a key session is a quality session or a long run.
    pub fn is_key(self) -> bool {
        self.is_quality() || self.is_long()
    }

    /// §1 class `easy` (recovery, easy, strides, cross): the days that share the rest of
    /// the week's minutes by water filling (§2).
    pub fn is_easy(self) -> bool {
        matches!(
            self,
            Session::Recovery | Session::Easy | Session::Strides | Session::Cross
        )
    }

    /// §1 "needs after it", as the days to the next key day that §5 `spacing` asks for:
    /// 1 after 24 h, 2 after 48 h, 3 after 72 h; 0 for sessions that need nothing.
    pub fn days_needed(self) -> usize {
        match self {
            Session::Marathon => 1,
            Session::Long | Session::LongFast | Session::Tempo => 2,
            Session::Intervals | Session::Hills | Session::Race => 3,
            _ => 0,
        }
    }

    /// §3: the legs filter's impact, 1 for runs and 0.5 for `cross` (rest has no load).
    pub fn impact(self) -> f64 {
        match self {
            Session::Cross => 0.5,
            _ => 1.0,
        }
    }
}
