//! An independent checker of the hard constraints, written from the documents alone: CLI.md's
//! profile file, MODEL.md section 1 (which sessions are quality and which are long), section 6
//! (the hard constraints) and section 10 (its precise readings). It shares no code with src/
//! (there is no `use weekwright::...` here): it reads the profile YAML itself and a plan from
//! the CLI's JSON, so a rule the engine gets wrong is not also wrong in the judge of its
//! output.
//!
//! Where the documents leave something open, the reading taken here is marked "Reading:".
//! The numbers of the model version in force are in [`Numbers`] ([`IN_FORCE`]), so that the
//! next version of the model changes one table.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

/// Weekday ids as the CLI prints them, Monday first.
pub const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const FULL_DAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

// ---------------------------------------------------------------------------------------------
// The numbers and readings of the model version in force, once; the checker reads only
// `IN_FORCE`.
// ---------------------------------------------------------------------------------------------

/// The numbers and readings of one model version that the hard constraints depend on.
/// Goals are indexed 5k, 10k, half, marathon, general; levels beginner, intermediate,
/// advanced.
pub struct Numbers {
    /// `long_run_cap` (section 6): the longest long run, by goal and level.
    pub long_run_cap: [[f64; 3]; 5],
    /// The shortest long run the minutes rule gives (section 2 `lo`), by goal.
    pub long_run_lo: [f64; 5],
    /// The longest long run the minutes rule gives (section 2 `hi`), by goal and level.
    pub long_run_hi: [[f64; 3]; 5],
    /// The long run's share of the week in the minutes rule, from the weekly minutes and the
    /// runner's running days.
    pub long_share: fn(f64, usize) -> f64,
    /// A race's minutes (section 2), by goal and level.
    pub race_minutes: [[f64; 3]; 5],
    /// `easy_floor` (section 6): the least share of zone-1 minutes.
    pub easy_floor: f64,
    /// Whether rule-set minutes are whole (v1) or real numbers (v2).
    pub whole_minutes: bool,
    /// Whether a per-day cap shortens every session the minutes rule sets (v1), or shapes
    /// only the easy days, a quality, moderate, long or race session above its day's cap
    /// being an `availability` violation (v2, section 10 "Per-day caps").
    pub caps_shape_every_session: bool,
}

fn v2_long_share(weekly: f64, running_days: usize) -> f64 {
    if running_days <= 4 {
        0.40
    } else {
        0.30 - 0.08 * ((weekly - 240.0) / 480.0).clamp(0.0, 1.0)
    }
}

/// MODEL.md version 2 (sections 2, 6 and 10).
pub const V2: Numbers = Numbers {
    long_run_cap: [
        [120.0; 3],
        [135.0; 3],
        [165.0; 3],
        [210.0, 200.0, 180.0],
        [150.0; 3],
    ],
    long_run_lo: [45.0, 60.0, 75.0, 90.0, 60.0],
    long_run_hi: [
        [75.0, 90.0, 105.0],
        [90.0, 105.0, 120.0],
        [120.0, 135.0, 150.0],
        [210.0, 180.0, 180.0],
        [90.0, 120.0, 150.0],
    ],
    long_share: v2_long_share,
    race_minutes: [
        [55.0, 45.0, 40.0],
        [85.0, 70.0, 60.0],
        [170.0, 135.0, 115.0],
        [330.0, 270.0, 225.0],
        [40.0, 45.0, 50.0],
    ],
    easy_floor: 0.60,
    whole_minutes: false,
    caps_shape_every_session: false,
};

/// The version the code implements.
pub const IN_FORCE: &Numbers = &V2;

// ---------------------------------------------------------------------------------------------
// Sessions (MODEL.md section 1)
// ---------------------------------------------------------------------------------------------

/// One session of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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
    /// Every session, in the catalog's order.
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

    /// The id the CLI prints.
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

    /// A session by its id or one of the forgiving names of MODEL.md section 1 (`easy run`,
    /// `Easy Run`, `off`, `xt`, `threshold`, `vo2`, `steady`, `long run`).
    /// Reading: "forgiving" ignores case and reads spaces and hyphens as underscores, as the
    /// example pair `easy run` / `Easy Run` suggests.
    pub fn parse(name: &str) -> Option<Session> {
        let key: String = name
            .trim()
            .chars()
            .map(|c| {
                if c == ' ' || c == '-' {
                    '_'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect();
        let alias = match key.as_str() {
            "easy_run" => Some(Session::Easy),
            "off" => Some(Session::Rest),
            "xt" => Some(Session::Cross),
            "threshold" => Some(Session::Tempo),
            "vo2" => Some(Session::Intervals),
            "steady" => Some(Session::Moderate),
            "long_run" => Some(Session::Long),
            _ => None,
        };
        alias.or_else(|| Session::ALL.into_iter().find(|s| s.id() == key))
    }

    /// A quality (hard) session: `long_fast`, `marathon`, `tempo`, `intervals`, `hills`,
    /// `race` (section 1: "the long run is not counted, `long_fast` is both").
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

    /// A long run: `long` or `long_fast` (class `long` in section 1).
    pub fn is_long(self) -> bool {
        matches!(self, Session::Long | Session::LongFast)
    }

    /// Easy class (section 1): the days whose minutes the easy share sets (section 2).
    pub fn is_easy_class(self) -> bool {
        matches!(
            self,
            Session::Recovery | Session::Easy | Session::Strides | Session::Cross
        )
    }

    /// Zone shares Z1, Z2, Z3 (section 1).
    pub fn zones(self) -> [f64; 3] {
        match self {
            Session::Rest => [0.0; 3],
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

    /// Catalog minutes B/I/A (section 1; `race` is by distance, in [`Numbers`]).
    fn catalog_minutes(self) -> [f64; 3] {
        match self {
            Session::Rest | Session::Race => [0.0; 3],
            Session::Recovery => [20.0, 30.0, 40.0],
            Session::Easy | Session::Strides | Session::Cross => [30.0, 45.0, 60.0],
            Session::Moderate => [35.0, 50.0, 60.0],
            Session::Long | Session::LongFast => [60.0, 100.0, 130.0],
            Session::Marathon => [50.0, 70.0, 90.0],
            Session::Tempo | Session::Intervals => [35.0, 50.0, 65.0],
            Session::Hills => [35.0, 45.0, 55.0],
        }
    }
}

/// A day by its id, full name, in any case (CLI.md: "full names and capitals accepted").
pub fn parse_day(name: &str) -> Option<usize> {
    let key = name.trim().to_ascii_lowercase();
    (0..7).find(|&d| DAYS[d] == key || FULL_DAYS[d] == key)
}

// ---------------------------------------------------------------------------------------------
// The profile file (CLI.md)
// ---------------------------------------------------------------------------------------------

/// Where the profile wants the long run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LongRun {
    /// `long_run_day` omitted: exactly one, on any day.
    Any,
    /// Exactly one, on this day.
    On(usize),
    /// `long_run_day: none`.
    Never,
}

/// A profile as CLI.md defines it, with its documented defaults applied; only what the hard
/// constraints read.
#[derive(Debug, Clone)]
pub struct Profile {
    /// 0 beginner, 1 intermediate, 2 advanced.
    pub level: usize,
    /// 0 5k, 1 10k, 2 half, 3 marathon, 4 general.
    pub goal: usize,
    pub weekly_minutes: f64,
    pub available: [bool; 7],
    /// `rest_days`: days that must be rest.
    pub must_rest: [bool; 7],
    pub fixed: [Option<Session>; 7],
    pub avoid: [Vec<Session>; 7],
    pub caps: [Option<f64>; 7],
    pub hard_sessions: usize,
    pub long_run: LongRun,
    pub min_rest_days: usize,
    pub allow_back_to_back: bool,
    pub cross_training: bool,
    /// Catalog minutes overridden by `sessions:`.
    pub minutes_override: Vec<(Session, f64)>,
    /// `model: {easy_floor}`, when the profile overrides it.
    pub easy_floor: Option<f64>,
}

/// The profile file as CLI.md lists it. Every value that names a session or a day is read as
/// text, so that YAML's `off` stays the session name (not the boolean YAML 1.1 reads it as).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    name: Option<String>,
    level: Option<String>,
    goal: Option<String>,
    weekly_minutes: Option<f64>,
    current_weekly_minutes: Option<f64>,
    available_days: Option<Vec<String>>,
    hard_sessions: Option<i64>,
    long_run_day: Option<String>,
    min_rest_days: Option<i64>,
    rest_days: Option<Vec<String>>,
    max_minutes: Option<BTreeMap<String, f64>>,
    fixed: Option<BTreeMap<String, String>>,
    avoid: Option<BTreeMap<String, Vec<String>>>,
    allow_back_to_back: Option<bool>,
    cross_training: Option<bool>,
    sessions: Option<BTreeMap<String, Override>>,
    /// Model constants (MODEL.md: "every constant below is a default that a profile can
    /// override"); only `easy_floor` bears on the hard constraints.
    model: Option<BTreeMap<String, f64>>,
    // Read but not judged here: they do not change the hard constraints.
    #[allow(dead_code)]
    block: Option<Value>,
    #[allow(dead_code)]
    fitness: Option<Value>,
    #[allow(dead_code)]
    units: Option<String>,
    #[allow(dead_code)]
    max_hr: Option<Value>,
    #[allow(dead_code)]
    rest_hr: Option<Value>,
    #[allow(dead_code)]
    history: Option<Value>,
}

/// A catalog override (`sessions: {intervals: {minutes: 55, rpe: 8}}`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Override {
    minutes: Option<f64>,
    rpe: Option<f64>,
}

/// Levels in the order of the catalog's columns.
pub const LEVELS: [&str; 3] = ["beginner", "intermediate", "advanced"];
/// Goals in the order of [`Numbers`]' rows.
pub const GOALS: [&str; 5] = ["5k", "10k", "half", "marathon", "general"];

fn within(x: f64, field: &str, lo: f64, hi: f64) -> Result<f64, String> {
    if (lo..=hi).contains(&x) {
        Ok(x)
    } else {
        Err(format!("{field}: {x} is outside {lo}..={hi}"))
    }
}

fn count_in(x: i64, field: &str, hi: usize) -> Result<usize, String> {
    usize::try_from(x)
        .ok()
        .filter(|n| *n <= hi)
        .ok_or_else(|| format!("{field}: {x} is not a whole number from 0 to {hi}"))
}

fn day_of(v: &str, field: &str) -> Result<usize, String> {
    parse_day(v).ok_or_else(|| format!("{field}: {v:?} is not a day"))
}

fn session_of(v: &str, field: &str) -> Result<Session, String> {
    Session::parse(v).ok_or_else(|| format!("{field}: {v:?} is not a session"))
}

fn days_of(list: &[String], field: &str) -> Result<[bool; 7], String> {
    let mut out = [false; 7];
    for name in list {
        out[day_of(name, field)?] = true;
    }
    Ok(out)
}

impl Profile {
    /// Read a profile file. `Err` says why the file is invalid by CLI.md (an unknown field, a
    /// missing `weekly_minutes`, a value out of its documented range, an unknown day, level,
    /// goal or session name): such a profile must exit 2.
    pub fn from_yaml(text: &str) -> Result<Profile, String> {
        let f: File = serde_saphyr::from_str(text).map_err(|e| format!("not a profile: {e}"))?;
        if f.name.as_ref().is_some_and(|n| n.chars().count() > 200) {
            return Err("name: longer than 200 characters".into());
        }
        let level = match &f.level {
            None => 1, // Reading: the built-in runner's level (CLI.md: "an intermediate runner")
            Some(v) => LEVELS
                .iter()
                .position(|l| l == v)
                .ok_or_else(|| format!("level: {v} is not a level"))?,
        };
        let goal = match &f.goal {
            None => 2, // Reading: the built-in runner's goal (CLI.md: "half-marathon goal")
            Some(v) => GOALS
                .iter()
                .position(|g| g == v)
                .ok_or_else(|| format!("goal: {v} is not a goal"))?,
        };
        let weekly_minutes = within(
            f.weekly_minutes.ok_or("weekly_minutes is required")?,
            "weekly_minutes",
            30.0,
            2400.0,
        )?;
        if let Some(c) = f.current_weekly_minutes {
            within(c, "current_weekly_minutes", 30.0, 2400.0)?;
        }
        let available = match &f.available_days {
            None => [true; 7],
            Some(v) => days_of(v, "available_days")?,
        };
        let must_rest = match &f.rest_days {
            None => [false; 7],
            Some(v) => days_of(v, "rest_days")?,
        };
        let hard_sessions = match f.hard_sessions {
            // Section 6: B 1, I 2, A 2.
            None => [1, 2, 2][level],
            Some(h) => count_in(h, "hard_sessions", 4)?,
        };
        let min_rest_days = match f.min_rest_days {
            // Section 6: B 2, I 1, A 0.
            None => [2, 1, 0][level],
            // Reading: CLI.md gives no range; a week has seven days.
            Some(r) => count_in(r, "min_rest_days", 7)?,
        };
        let long_run = match &f.long_run_day {
            None => LongRun::Any,
            Some(s) if s.trim().eq_ignore_ascii_case("none") => LongRun::Never,
            Some(s) => LongRun::On(day_of(s, "long_run_day")?),
        };
        let mut caps = [None; 7];
        for (k, &c) in f.max_minutes.iter().flatten() {
            let field = format!("max_minutes.{k}");
            caps[day_of(k, &field)?] = Some(within(c, &field, 20.0, 600.0)?);
        }
        let mut fixed = [None; 7];
        for (k, s) in f.fixed.iter().flatten() {
            let field = format!("fixed.{k}");
            fixed[day_of(k, &field)?] = Some(session_of(s, &field)?);
        }
        let mut avoid: [Vec<Session>; 7] = Default::default();
        for (k, list) in f.avoid.iter().flatten() {
            let field = format!("avoid.{k}");
            let d = day_of(k, &field)?;
            for s in list {
                avoid[d].push(session_of(s, &field)?);
            }
        }
        let mut minutes_override = Vec::new();
        for (k, o) in f.sessions.iter().flatten() {
            let s = session_of(k, &format!("sessions.{k}"))?;
            if let Some(m) = o.minutes {
                minutes_override.push((s, within(m, &format!("sessions.{k}.minutes"), 1.0, 600.0)?));
            }
            if let Some(r) = o.rpe {
                within(r, &format!("sessions.{k}.rpe"), 1.0, 10.0)?;
            }
        }
        let easy_floor = match f.model.as_ref().and_then(|m| m.get("easy_floor")) {
            None => None,
            // Reading: a share, so from 0 to 1.
            Some(&x) => Some(within(x, "model.easy_floor", 0.0, 1.0)?),
        };
        Ok(Profile {
            level,
            goal,
            weekly_minutes,
            available,
            must_rest,
            fixed,
            avoid,
            caps,
            hard_sessions,
            long_run,
            min_rest_days,
            allow_back_to_back: f.allow_back_to_back.unwrap_or(false),
            cross_training: f.cross_training.unwrap_or(false),
            minutes_override,
            easy_floor,
        })
    }

    /// A day the runner can train: available and not in `rest_days` (section 10: "the
    /// profile's `rest_days` count as unavailable").
    pub fn trains_on(&self, day: usize) -> bool {
        self.available[day] && !self.must_rest[day]
    }

    /// Fields that contradict each other outright: a session fixed on a day the runner
    /// cannot train, or fixed and avoided on the same day. Reading: CLI.md does not say
    /// whether such a profile is bad input (exit 2) or a profile whose constraints admit no
    /// week (exit 3); either is right, and no week can meet it.
    pub fn contradictions(&self) -> Vec<String> {
        let mut out = Vec::new();
        for d in 0..7 {
            if let Some(f) = self.fixed[d] {
                if f != Session::Rest && !self.trains_on(d) {
                    out.push(format!("{} fixes {} on a day off", DAYS[d], f.id()));
                }
                if self.avoid[d].contains(&f) {
                    out.push(format!("{} fixes and avoids {}", DAYS[d], f.id()));
                }
            }
        }
        out
    }

    fn catalog_minutes(&self, s: Session) -> f64 {
        self.minutes_override
            .iter()
            .rev()
            .find(|(o, _)| *o == s)
            .map_or(s.catalog_minutes()[self.level], |(_, m)| *m)
    }

    /// Section 10 "Running days n": `7 - max(min_rest_days, unavailable days)`.
    fn running_days(&self) -> usize {
        let off = (0..7).filter(|&d| !self.trains_on(d)).count();
        7 - self.min_rest_days.max(off).min(7)
    }

    /// The minutes the minutes rule (section 2) gives a session that is not easy-class, for
    /// this profile, before any per-day cap.
    fn rule_minutes(&self, s: Session, n: &Numbers) -> f64 {
        let t = self.weekly_minutes;
        let round = |x: f64| if n.whole_minutes { x.floor() } else { x };
        if s.is_long() {
            let share = (n.long_share)(t, self.running_days());
            let m = (share * t).clamp(n.long_run_lo[self.goal], n.long_run_hi[self.goal][self.level]);
            return if n.whole_minutes { m.round() } else { m };
        }
        let work_cap = match s {
            Session::Tempo => Some(0.10 * t),
            Session::Intervals | Session::Hills => Some(0.08 * t),
            Session::Marathon => Some((0.20 * t).min(110.0)),
            _ => None,
        };
        match s {
            Session::Rest => 0.0,
            Session::Race => n.race_minutes[self.goal][self.level],
            _ => {
                let catalog = self.catalog_minutes(s);
                let z = s.zones();
                match work_cap {
                    Some(cap) => catalog.min(round(cap / (z[1] + z[2]) + 1e-9)),
                    None => catalog,
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Plans (the CLI's JSON) and the rules of section 6
// ---------------------------------------------------------------------------------------------

/// A week as the CLI prints it: a session and its minutes on each day, Monday first, and
/// which minutes the runner gave (`easy:45`) rather than the minutes rule.
#[derive(Debug, Clone)]
pub struct Plan {
    pub sessions: [Session; 7],
    pub minutes: [f64; 7],
    pub explicit: [bool; 7],
}

impl Plan {
    /// A plan from the JSON `days` list of `generate` or `score`; minutes from the rule.
    pub fn from_json(days: &Value) -> Plan {
        let list = days.as_array().expect("days is a list");
        assert_eq!(list.len(), 7, "a plan has seven days: {days}");
        let mut sessions = [Session::Rest; 7];
        let mut minutes = [0.0; 7];
        for (d, day) in list.iter().enumerate() {
            assert_eq!(day["day"], DAYS[d], "days run Monday first: {days}");
            let id = day["session"].as_str().expect("session is text");
            sessions[d] = Session::ALL
                .into_iter()
                .find(|s| s.id() == id)
                .unwrap_or_else(|| panic!("{id} is not a session id"));
            minutes[d] = day["minutes"].as_f64().expect("minutes is a number");
        }
        Plan {
            sessions,
            minutes,
            explicit: [false; 7],
        }
    }
}

/// A violation as section 6 names it: its id and the days involved, Monday first.
pub type Violation = (String, Vec<String>);

/// The violations the CLI printed (`violations: [{id, days, why}]`), days Monday first.
pub fn printed_violations(list: &Value) -> Vec<Violation> {
    list.as_array()
        .expect("violations is a list")
        .iter()
        .map(|v| {
            let id = v["id"].as_str().expect("a violation has an id").to_string();
            let mut days: Vec<usize> = v["days"]
                .as_array()
                .expect("a violation has days")
                .iter()
                .map(|d| parse_day(d.as_str().expect("a day")).expect("a day id"))
                .collect();
            days.sort_unstable();
            (id, days.into_iter().map(|d| DAYS[d].to_string()).collect())
        })
        .collect()
}

fn violation(id: &str, days: impl IntoIterator<Item = usize>) -> Violation {
    let mut days: Vec<usize> = days.into_iter().collect();
    days.sort_unstable();
    days.dedup();
    (
        id.to_string(),
        days.into_iter().map(|d| DAYS[d].to_string()).collect(),
    )
}

/// Whether `s` on `day` breaks the day's own rules of `availability`: a session on a day the
/// runner cannot train, a fixed session not kept, an avoided session, or the day's cap not
/// held. `minutes` is the session's minutes when known (a plan), `None` for the minutes the
/// rule would give it (the brute force); `explicit` says the runner gave them.
pub fn breaks_day(
    p: &Profile,
    day: usize,
    s: Session,
    minutes: Option<f64>,
    explicit: bool,
    n: &Numbers,
) -> bool {
    if s != Session::Rest && !p.trains_on(day) {
        return true;
    }
    if p.fixed[day].is_some_and(|f| f != s) {
        return true;
    }
    // CLI.md: `avoid` lists "sessions not wanted on a day"; the README names avoided
    // sessions among the runner's own hard rules. Reading: an avoided session is an
    // `availability` violation, the day-rule of section 6.
    if p.avoid[day].contains(&s) {
        return true;
    }
    let Some(cap) = p.caps[day] else {
        return false;
    };
    let over = |m: f64| m > cap + 1e-9;
    if explicit || s.is_easy_class() || s == Session::Rest {
        // Explicit minutes are the runner's (section 2); easy days are shaped by the cap.
        return minutes.is_some_and(over);
    }
    if n.caps_shape_every_session {
        // v1: the rule shortens the session to its cap, but never a long run below the
        // rule's shortest (README: "between 60 and 150 minutes").
        minutes.is_some_and(over) || (s.is_long() && cap < n.long_run_lo[p.goal])
    } else {
        // v2, section 10: caps shape only the easy days; above the cap is a violation.
        over(p.rule_minutes(s, n))
    }
}

fn count_rules(p: &Profile, s: &[Session; 7]) -> Vec<Violation> {
    let mut out = Vec::new();
    let quality: Vec<usize> = (0..7).filter(|&d| s[d].is_quality()).collect();
    if quality.len() != p.hard_sessions {
        out.push(violation("hard_sessions", quality));
    }
    let long: Vec<usize> = (0..7).filter(|&d| s[d].is_long()).collect();
    let long_ok = match p.long_run {
        LongRun::Any => long.len() == 1,
        LongRun::On(day) => long == [day],
        LongRun::Never => long.is_empty(),
    };
    if !long_ok {
        out.push(violation("long_run", long));
    }
    let rest: Vec<usize> = (0..7).filter(|&d| s[d] == Session::Rest).collect();
    if rest.len() < p.min_rest_days {
        out.push(violation("rest_days", rest));
    }
    out
}

/// Section 6 `back_to_back`: every day of a pair of adjacent quality sessions, around the
/// week (Sunday to Monday too). A plain `long` next to a quality day is exempt; `long_fast`
/// is quality (section 10).
fn back_to_back(s: &[Session; 7]) -> Option<Violation> {
    let days: Vec<usize> = (0..7)
        .filter(|&d| s[d].is_quality() && (s[(d + 1) % 7].is_quality() || s[(d + 6) % 7].is_quality()))
        .collect();
    (!days.is_empty()).then(|| violation("back_to_back", days))
}

/// Every hard constraint of section 6 the plan breaks, in the section's order, each with the
/// days involved. With a profile, all seven apply (the profile's goal and level); without
/// one, only the three structural rules, for `goal` and `level` (`score --goal --level`).
///
/// Reading (the days involved; section 6 names the days without saying which):
/// availability the days that break a day-rule; hard_sessions the quality days; long_run the
/// long-run days; rest_days the rest days; back_to_back the days of each adjacent pair;
/// long_run_cap the long runs over the cap; easy_floor the days with minutes outside zone 1.
pub fn violations(plan: &Plan, profile: Option<&Profile>, goal: usize, level: usize) -> Vec<Violation> {
    violations_by(IN_FORCE, plan, profile, goal, level)
}

/// [`violations`] by the numbers of one model version.
pub fn violations_by(
    n: &Numbers,
    plan: &Plan,
    profile: Option<&Profile>,
    goal: usize,
    level: usize,
) -> Vec<Violation> {
    let s = &plan.sessions;
    let (goal, level) = profile.map_or((goal, level), |p| (p.goal, p.level));
    let mut out = Vec::new();
    if let Some(p) = profile {
        let broken: Vec<usize> = (0..7)
            .filter(|&d| breaks_day(p, d, s[d], Some(plan.minutes[d]), plan.explicit[d], n))
            .collect();
        if !broken.is_empty() {
            out.push(violation("availability", broken));
        }
        out.extend(count_rules(p, s));
    }
    if !profile.is_some_and(|p| p.allow_back_to_back) {
        out.extend(back_to_back(s));
    }
    let cap = n.long_run_cap[goal][level];
    let over: Vec<usize> = (0..7)
        .filter(|&d| s[d].is_long() && plan.minutes[d] > cap + 1e-9)
        .collect();
    if !over.is_empty() {
        out.push(violation("long_run_cap", over));
    }
    let total: f64 = plan.minutes.iter().sum();
    let z1: f64 = (0..7).map(|d| s[d].zones()[0] * plan.minutes[d]).sum();
    // Section 4: a week without training minutes is not judged by easy_floor.
    let floor = profile.and_then(|p| p.easy_floor).unwrap_or(n.easy_floor);
    if total > 0.0 && z1 / total < floor - 1e-12 {
        let hard = (0..7).filter(|&d| plan.minutes[d] > 0.0 && s[d].zones()[0] < 1.0);
        out.push(violation("easy_floor", hard));
    }
    out
}

/// Whether `generate` may place `s` on `day` (section 1): never `race`, `cross` only with
/// `cross_training: true`, a fixed session whatever it is.
pub fn generation_places(p: &Profile, day: usize, s: Session) -> bool {
    if let Some(f) = p.fixed[day] {
        return f == s;
    }
    match s {
        Session::Race => false,
        Session::Cross => p.cross_training,
        _ => true,
    }
}

/// Whether a plan `generate` emitted meets its profile: no violation of section 6 and
/// nothing generation never places. `Err` says what is wrong.
pub fn check_generated(plan: &Plan, p: &Profile) -> Result<(), String> {
    let found = violations(plan, Some(p), p.goal, p.level);
    if !found.is_empty() {
        return Err(format!("breaks {found:?}"));
    }
    for d in 0..7 {
        let s = plan.sessions[d];
        if !generation_places(p, d, s) {
            return Err(format!("generation never places {} on {}", s.id(), DAYS[d]));
        }
    }
    Ok(())
}

/// Every week `generate` could place for the profile that meets every hard constraint the
/// minutes do not decide: all of section 6 but `easy_floor` (which reads the easy days'
/// minutes) and `long_run_cap` (the rule never sets a long run above it). Weeks that meet
/// every hard constraint are among these. Brute force over the days' options, cut only where
/// a count is already too high.
pub fn weeks_within_rules(p: &Profile) -> Vec<[Session; 7]> {
    let options: Vec<Vec<Session>> = (0..7)
        .map(|d| {
            Session::ALL
                .into_iter()
                .filter(|&s| generation_places(p, d, s) && !breaks_day(p, d, s, None, false, IN_FORCE))
                .collect()
        })
        .collect();
    let mut out = Vec::new();
    let mut week = [Session::Rest; 7];
    descend(p, &options, 0, &mut week, &mut out);
    out
}

fn descend(
    p: &Profile,
    options: &[Vec<Session>],
    day: usize,
    week: &mut [Session; 7],
    out: &mut Vec<[Session; 7]>,
) {
    if day == 7 {
        if count_rules(p, week).is_empty() && (p.allow_back_to_back || back_to_back(week).is_none()) {
            out.push(*week);
        }
        return;
    }
    for &s in &options[day] {
        week[day] = s;
        let quality = week[..=day].iter().filter(|s| s.is_quality()).count();
        let long = week[..=day].iter().filter(|s| s.is_long()).count();
        if quality <= p.hard_sessions && long <= 1 {
            descend(p, options, day + 1, week, out);
        }
    }
}

/// A week as a WEEK string of session ids.
pub fn week_string(week: &[Session; 7]) -> String {
    week.iter().map(|s| s.id()).collect::<Vec<_>>().join(",")
}

// ---------------------------------------------------------------------------------------------
// The checker's own tests: the documents' examples, no binary.
// ---------------------------------------------------------------------------------------------

fn plan_of(week: &str, minutes: [f64; 7]) -> Plan {
    let mut sessions = [Session::Rest; 7];
    for (d, name) in week.split(',').enumerate() {
        sessions[d] = Session::parse(name).expect("a session");
    }
    Plan {
        sessions,
        minutes,
        explicit: [false; 7],
    }
}

#[test]
fn the_articles_unbalanced_week_breaks_back_to_back_on_tuesday_and_wednesday() {
    let plan = plan_of(
        "moderate,intervals,tempo,easy,moderate,rest,long",
        [50.0, 50.0, 50.0, 45.0, 50.0, 0.0, 100.0],
    );
    assert_eq!(
        violations(&plan, None, 2, 1),
        vec![violation("back_to_back", [1, 2])]
    );
}

#[test]
fn the_model_vectors_break_the_rules_the_checker_finds() {
    let text = std::fs::read_to_string(super::support::data("model-vectors.yaml")).expect("vectors");
    let doc: Value = serde_saphyr::from_str(&text).expect("YAML");
    let vectors = doc["vectors"].as_array().expect("a list");
    assert!(vectors.len() >= 5, "the vectors file holds the weeks");
    for v in vectors {
        let week = v["week"].as_str().expect("week");
        let minutes: Vec<f64> = v["minutes"]
            .as_array()
            .expect("minutes")
            .iter()
            .map(|m| m.as_f64().expect("a number"))
            .collect();
        let sessions: Vec<&str> = week
            .split(',')
            .map(|d| d.split(':').next().unwrap_or(d))
            .collect();
        let plan = plan_of(&sessions.join(","), minutes.try_into().expect("seven days"));
        let level = LEVELS.iter().position(|l| *l == v["level"]).expect("level");
        let goal = GOALS.iter().position(|g| *g == v["goal"]).expect("goal");
        // A vector's own profile: its constraints apply. The one vector without
        // `weekly_minutes` gives every day its minutes, where the target changes nothing.
        let profile = (!v["profile"].is_null()).then(|| {
            let mut text = serde_saphyr::to_string(&v["profile"]).expect("YAML");
            if v["profile"]["weekly_minutes"].is_null() {
                text.push_str("weekly_minutes: 300\n");
            }
            let (level, goal) = (
                v["level"].as_str().expect("level"),
                v["goal"].as_str().expect("goal"),
            );
            text = format!("{text}level: {level}\ngoal: {goal}\n");
            Profile::from_yaml(&text).expect("the vector's profile is valid")
        });
        let found: Vec<String> = violations(&plan, profile.as_ref(), goal, level)
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        let want: Vec<String> = v["violations"]
            .as_array()
            .expect("violations")
            .iter()
            .map(|x| x.as_str().expect("an id").to_string())
            .collect();
        assert_eq!(found, want, "{}", v["label"]);
    }
}

/// MODEL.md v2's vector "a run on an unavailable day, and a tempo over its day's cap".
const CAPPED_FRIDAY: &str = "weekly_minutes: 300\ncurrent_weekly_minutes: 300\nhard_sessions: 2\n\
    long_run_day: sun\nmin_rest_days: 1\navailable_days: [mon, tue, wed, fri, sat, sun]\nmax_minutes: {fri: 40.0}\n";

#[test]
fn a_tempo_over_its_days_cap_breaks_availability_by_model_v2() {
    let p = Profile::from_yaml(CAPPED_FRIDAY).expect("valid");
    let plan = plan_of(
        "easy,intervals,easy,easy,tempo,rest,long",
        [37.666_667, 50.0, 37.666_667, 37.666_667, 50.0, 0.0, 87.0],
    );
    assert_eq!(
        violations_by(&V2, &plan, Some(&p), 0, 0),
        vec![violation("availability", [3, 4])]
    );
}

#[test]
fn a_profile_takes_the_documented_defaults_of_its_level() {
    let p = Profile::from_yaml("weekly_minutes: 200\nlevel: beginner\n").expect("valid");
    assert_eq!((p.hard_sessions, p.min_rest_days, p.goal), (1, 2, 2));
    assert_eq!(p.available, [true; 7]);
    assert_eq!(p.long_run, LongRun::Any);
    let p = Profile::from_yaml("weekly_minutes: 200\nlevel: advanced\nlong_run_day: None\n").expect("valid");
    assert_eq!(
        (p.hard_sessions, p.min_rest_days, p.long_run),
        (2, 0, LongRun::Never)
    );
    let p = Profile::from_yaml(
        "weekly_minutes: 200\nfixed: {Tuesday: VO2}\navoid: {FRI: [Easy Run, off], sat: [OFF]}\n",
    )
    .expect("valid");
    assert_eq!((p.level, p.hard_sessions, p.min_rest_days), (1, 2, 1));
    assert_eq!(p.fixed[1], Some(Session::Intervals));
    assert_eq!(p.avoid[4], vec![Session::Easy, Session::Rest]);
    assert_eq!(p.avoid[5], vec![Session::Rest]);
    let p = Profile::from_yaml("weekly_minutes: 200\nmodel: {easy_floor: 0.7}\n").expect("valid");
    assert_eq!(p.easy_floor, Some(0.7));
}

#[test]
fn profiles_outside_the_documented_limits_are_invalid() {
    for bad in [
        "level: beginner\n",
        "weekly_minutes: 29\n",
        "weekly_minutes: 2401\n",
        "weekly_minutes: 300\ncurrent_weekly_minutes: 10\n",
        "weekly_minutes: 300\nhard_sessions: 5\n",
        "weekly_minutes: 300\nmax_minutes: {mon: 19}\n",
        "weekly_minutes: 300\nmax_minutes: {mon: 601}\n",
        "weekly_minutes: 300\nfixed: {funday: easy}\n",
        "weekly_minutes: 300\navoid: {mon: [sprints]}\n",
        "weekly_minutes: 300\nlevel: elite\n",
        "weekly_minutes: 300\ngoal: ultra\n",
        "weekly_minutes: 300\nhard_session: 2\n",
        "weekly_minutes: 300\nsessions: {tempo: {rpe: 11}}\n",
        "weekly_minutes: 300\nmodel: {easy_floor: 1.5}\n",
    ] {
        assert!(Profile::from_yaml(bad).is_err(), "{bad:?} is accepted");
    }
}

#[test]
fn the_brute_force_finds_only_weeks_that_meet_the_rules() {
    let p = Profile::from_yaml(
        "weekly_minutes: 200\navailable_days: [mon, wed, fri, sun]\nhard_sessions: 1\nlong_run_day: sun\n\
         avoid: {wed: [tempo]}\n",
    )
    .expect("valid");
    let weeks = weeks_within_rules(&p);
    assert!(!weeks.is_empty());
    for w in &weeks {
        let plan = Plan {
            sessions: *w,
            minutes: std::array::from_fn(|d| if w[d] == Session::Rest { 0.0 } else { 40.0 }),
            explicit: [false; 7],
        };
        let found = violations(&plan, Some(&p), p.goal, p.level);
        assert!(
            found.iter().all(|(id, _)| id == "easy_floor"),
            "{}: {found:?}",
            week_string(w)
        );
        assert!(w[6].is_long() && w[2] != Session::Tempo);
    }
}
