//! tests/data/coach-weeks.txt read by its own README (shared/calibration/README.md), with no
//! code of the product: the codes table, the minutes per mile by level, and the level and
//! goal that the plan's id implies. The product's parsers are what the coach weeks test, so
//! they must not also be what reads them.

/// The runner's level as the calibration README derives it from the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Beginner,
    Intermediate,
    Advanced,
}

impl Level {
    /// The level's id in a profile.
    pub fn id(self) -> &'static str {
        match self {
            Level::Beginner => "beginner",
            Level::Intermediate => "intermediate",
            Level::Advanced => "advanced",
        }
    }

    /// README: "miles x 10.5 (beginner), 9.5 (intermediate), 8.5 (advanced) minutes per mile".
    pub fn minutes_per_mile(self) -> f64 {
        match self {
            Level::Beginner => 10.5,
            Level::Intermediate => 9.5,
            Level::Advanced => 8.5,
        }
    }

    fn column(self) -> usize {
        self as usize
    }
}

/// The goal race as the calibration README derives it from the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Goal {
    FiveK,
    Half,
    Marathon,
}

impl Goal {
    /// The goal's id in a profile.
    pub fn id(self) -> &'static str {
        match self {
            Goal::FiveK => "5k",
            Goal::Half => "half",
            Goal::Marathon => "marathon",
        }
    }
}

/// One day of a coach's week: the code as written, the session id it stands for, the miles
/// (doubled for `x2`) when given.
#[derive(Clone, Debug, PartialEq)]
pub struct CoachDay {
    pub code: String,
    pub session: &'static str,
    pub miles: Option<f64>,
    pub double: bool,
}

/// One line of the file: `plan_id wNN/MM | Mon | ... | Sun`.
#[derive(Clone, Debug)]
pub struct CoachWeek {
    pub plan: String,
    pub week: String,
    pub line: usize,
    pub level: Level,
    pub goal: Goal,
    pub days: [CoachDay; 7],
}

/// The quality sessions of MODEL.md §1 (what `hard_sessions` counts; `long_fast` is one).
const QUALITY: [&str; 6] = ["long_fast", "marathon", "tempo", "intervals", "hills", "race"];

impl CoachWeek {
    /// `plan_id wNN/MM` and its line, to name the week in messages.
    pub fn label(&self) -> String {
        format!("{} {} (line {})", self.plan, self.week, self.line)
    }

    /// README: "The ordinary training weeks are those without a race, without run-walk and
    /// without doubles." (The recovery figure and the issue's 261 also ask for at most one
    /// long run: see [`CoachWeek::is_ordinary_training_week`].)
    pub fn has_no_race_run_walk_or_double(&self) -> bool {
        self.days
            .iter()
            .all(|d| d.session != "race" && !matches!(d.code.as_str(), "RW" | "WALK") && !d.double)
    }

    /// The weeks the coach-week figures count: no race, no run-walk, no double, and at most
    /// one long run (README, "The recovery figure": "For each ordinary training week (at
    /// most one long run)"). Four Pfitzinger half-marathon weeks have a Thursday `L` and a
    /// Sunday `L-T`; without them the file holds the 261 weeks.
    pub fn is_ordinary_training_week(&self) -> bool {
        self.has_no_race_run_walk_or_double() && self.long_days().len() <= 1
    }

    /// The days of long-class sessions (`long`, `long_fast`).
    pub fn long_days(&self) -> Vec<usize> {
        (0..7)
            .filter(|&d| matches!(self.days[d].session, "long" | "long_fast"))
            .collect()
    }

    /// Quality sessions, `long_fast` included (MODEL.md §1).
    pub fn quality_sessions(&self) -> usize {
        self.days.iter().filter(|d| QUALITY.contains(&d.session)).count()
    }

    /// Rest days (`R` and `R/XT`: the cross-training of `R/XT` is optional).
    pub fn rest_days(&self) -> usize {
        self.days.iter().filter(|d| d.session == "rest").count()
    }

    /// Whether the week has a cross-training day.
    pub fn has_cross(&self) -> bool {
        self.days.iter().any(|d| d.session == "cross")
    }

    /// Whether two quality days touch, around the week (MODEL.md §6 `back_to_back`).
    pub fn has_back_to_back(&self) -> bool {
        (0..7).any(|d| {
            QUALITY.contains(&self.days[d].session) && QUALITY.contains(&self.days[(d + 1) % 7].session)
        })
    }

    /// Each day's whole minutes (0 on rest days): miles x the level's minutes per mile, or,
    /// for a code given without a distance (Higdon's advanced `T` and `I`, Higdon's 3-day
    /// `T`, `XT`, couch-to-5k's `E`), MODEL.md §1's catalog minutes for the level. Whole
    /// minutes, because the WEEK syntax of `score --week` takes whole minutes.
    ///
    /// # Panics
    /// On a race without a distance: its minutes are not the catalog's, and no figure
    /// scores a race week.
    pub fn minutes(&self) -> [u32; 7] {
        std::array::from_fn(|d| {
            let day = &self.days[d];
            let minutes = match day.miles {
                Some(miles) => miles * self.level.minutes_per_mile(),
                None => catalog_minutes(day.session, self.level)
                    .unwrap_or_else(|| panic!("{}: {} has no minutes", self.label(), day.code)),
            };
            minutes.round() as u32
        })
    }

    /// The week as `score --week` takes it: `id:minutes`, and `rest`.
    pub fn week_string(&self) -> String {
        let minutes = self.minutes();
        (0..7)
            .map(|d| match self.days[d].session {
                "rest" => "rest".to_string(),
                id => format!("{id}:{}", minutes[d]),
            })
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// MODEL.md §1's catalog minutes, beginner / intermediate / advanced, for the sessions that
/// a coach week gives without a distance.
fn catalog_minutes(session: &str, level: Level) -> Option<f64> {
    let row = match session {
        "rest" => [0.0; 3],
        "easy" | "strides" | "cross" => [30.0, 45.0, 60.0],
        "recovery" => [20.0, 30.0, 40.0],
        "moderate" => [35.0, 50.0, 60.0],
        "long" | "long_fast" => [60.0, 100.0, 130.0],
        "marathon" => [50.0, 70.0, 90.0],
        "tempo" | "intervals" => [35.0, 50.0, 65.0],
        "hills" => [35.0, 45.0, 55.0],
        _ => return None,
    };
    Some(row[level.column()])
}

/// The codes table of the calibration README: code -> session id. `HMP+S` is not in the
/// table; read as `HMP` (tempo) with strides, as `E+S`, `M+S` and `L+S` keep their run's id.
/// It appears only in race weeks.
pub fn session_of(code: &str) -> Option<&'static str> {
    Some(match code {
        "R" | "R/XT" => "rest",
        "XT" => "cross",
        "E" | "E/R" | "A" | "MLR" => "easy",
        "E+S" => "strides",
        "M" | "M+S" => "moderate",
        "L" | "L+S" | "L-A" => "long",
        "L-MP" | "L-T" | "L-M" | "L-I" => "long_fast",
        "MP" => "marathon",
        "T" | "HMP" | "HMP+S" => "tempo",
        "I(hills)" => "hills",
        "I" => "intervals",
        "RACE" | "RACE(tune-up)" => "race",
        "RW" | "WALK" => "recovery",
        _ => return None,
    })
}

/// README: "novice, beginner, couch, c25k, senior: beginner; advanced, Pfitzinger's 70 and
/// 85-mile plans (and the 84-mile half plan): advanced; the rest intermediate". The file
/// spells Higdon's novice half plans `higdon_nov_half`, so `nov` is read as novice.
pub fn level_of(plan: &str) -> Level {
    let beginner = ["nov", "beginner", "couch", "c25k", "senior"];
    let pfitzinger_advanced = ["_70", "_85", "_84"];
    if beginner.iter().any(|w| plan.contains(w)) {
        Level::Beginner
    } else if plan.contains("advanced")
        || (plan.contains("pfitzinger") && pfitzinger_advanced.iter().any(|m| plan.ends_with(m)))
    {
        Level::Advanced
    } else {
        Level::Intermediate
    }
}

/// README: "marathon for marathon plans, half for half plans, 5k for couch-to-5k, half for
/// the base plans". Marathon plans are spelt `marathon_` or `mara` (`higdon_mara3`,
/// `higdon_senior_mara`).
pub fn goal_of(plan: &str) -> Goal {
    if plan.contains("couch") || plan.contains("c25k") {
        Goal::FiveK
    } else if plan.contains("mara") {
        Goal::Marathon
    } else if plan.contains("half") || plan.contains("base") {
        Goal::Half
    } else {
        panic!("{plan}: the README gives no goal for this plan")
    }
}

/// One day's text: a code, then its miles if any, then ` x2` for a double.
fn parse_day(text: &str) -> Result<CoachDay, String> {
    let text = text.trim();
    let (text, double) = match text.strip_suffix("x2") {
        Some(rest) => (rest.trim_end(), true),
        None => (text, false),
    };
    // Codes hold no digit; the distance starts at the first one.
    let split = text.find(|c: char| c.is_ascii_digit()).unwrap_or(text.len());
    let (code, distance) = text.split_at(split);
    let session = session_of(code).ok_or_else(|| format!("unknown code {code:?} in {text:?}"))?;
    let miles = match distance {
        "" => None,
        d => Some(d.parse::<f64>().map_err(|e| format!("distance {d:?}: {e}"))?),
    };
    Ok(CoachDay {
        code: code.to_string(),
        session,
        miles: miles.map(|m| if double { 2.0 * m } else { m }),
        double,
    })
}

/// One line: `plan_id wNN/MM | Mon | Tue | Wed | Thu | Fri | Sat | Sun`.
fn parse_line(text: &str, line: usize) -> Result<CoachWeek, String> {
    let fields: Vec<&str> = text.split('|').map(str::trim).collect();
    let [head, days @ ..] = fields.as_slice() else {
        unreachable!("split yields at least one field")
    };
    let (plan, week) = head
        .split_once(' ')
        .ok_or_else(|| format!("line {line}: no week after the plan id in {head:?}"))?;
    if days.len() != 7 {
        return Err(format!("line {line}: {} days, not 7", days.len()));
    }
    let days: Vec<CoachDay> = days
        .iter()
        .map(|d| parse_day(d).map_err(|e| format!("line {line}: {e}")))
        .collect::<Result<_, _>>()?;
    Ok(CoachWeek {
        plan: plan.to_string(),
        week: week.trim().to_string(),
        line,
        level: level_of(plan),
        goal: goal_of(plan),
        days: days.try_into().expect("seven days"),
    })
}

/// Every week of the file, in order; blank lines and `#` comments skipped.
pub fn parse(text: &str) -> Result<Vec<CoachWeek>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(i, l)| parse_line(l, i + 1))
        .collect()
}
