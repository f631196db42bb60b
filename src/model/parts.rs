//! The parts of a score: its ten components, the hard constraints, and a set of broken
//! constraints (docs/model.md, "Score" and "Hard constraints").

use serde::Serialize;

/// The ten components of the score (docs/model.md, "Score"), in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Component {
    /// The week asks about as much running as the runner is used to.
    Volume,
    /// Each hard day starts on fresh legs.
    Recovery,
    /// Easy days after hard ones.
    Spacing,
    /// Most running easy, hard running hard, little in between.
    Distribution,
    /// The hard sessions are the ones the race needs.
    Specificity,
    /// Each easy session in its place.
    Sessions,
    /// Big days and small days.
    Monotony,
    /// Repeated, fatigue stays near its average.
    Repeatability,
    /// The long run anchors without dominating.
    LongRun,
    /// Rest where it helps, the usual running days, an easy day after the long run.
    Rhythm,
}

impl Component {
    /// Number of components.
    pub const COUNT: usize = 10;

    /// Every component in the order of docs/model.md.
    pub const ALL: [Component; Component::COUNT] = [
        Component::Volume,
        Component::Recovery,
        Component::Spacing,
        Component::Distribution,
        Component::Specificity,
        Component::Sessions,
        Component::Monotony,
        Component::Repeatability,
        Component::LongRun,
        Component::Rhythm,
    ];

    /// Points the component is worth (they sum to 100).
    #[must_use]
    pub fn points(self) -> f64 {
        match self {
            Component::Volume | Component::Recovery | Component::Spacing => 15.0,
            Component::Distribution | Component::Specificity | Component::LongRun | Component::Rhythm => 10.0,
            Component::Sessions | Component::Monotony | Component::Repeatability => 5.0,
        }
    }

    /// The id used in output.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Component::Volume => "volume",
            Component::Recovery => "recovery",
            Component::Spacing => "spacing",
            Component::Distribution => "distribution",
            Component::Specificity => "specificity",
            Component::Sessions => "sessions",
            Component::Monotony => "monotony",
            Component::Repeatability => "repeatability",
            Component::LongRun => "long_run",
            Component::Rhythm => "rhythm",
        }
    }
}

/// The hard constraints of docs/model.md section 7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Constraint {
    /// No session on an unavailable day, fixed sessions kept, avoided sessions absent,
    /// per-day caps held.
    Availability,
    /// Exactly the profile's number of quality sessions.
    HardSessions,
    /// Exactly one long run (on the profile's day), or none.
    LongRun,
    /// At least the profile's number of rest days.
    RestDays,
    /// No two quality sessions on adjacent days.
    BackToBack,
    /// Long run at most the goal's cap (by level for a marathon).
    LongRunCap,
    /// At least 60 % of minutes in zone 1.
    EasyFloor,
}

#[allow(clippy::inline_always)] // Inlined into the kernel's SIMD context.
impl Constraint {
    /// Every constraint in the order of docs/model.md.
    pub const ALL: [Constraint; 7] = [
        Constraint::Availability,
        Constraint::HardSessions,
        Constraint::LongRun,
        Constraint::RestDays,
        Constraint::BackToBack,
        Constraint::LongRunCap,
        Constraint::EasyFloor,
    ];

    /// The id used in output.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Constraint::Availability => "availability",
            Constraint::HardSessions => "hard_sessions",
            Constraint::LongRun => "long_run",
            Constraint::RestDays => "rest_days",
            Constraint::BackToBack => "back_to_back",
            Constraint::LongRunCap => "long_run_cap",
            Constraint::EasyFloor => "easy_floor",
        }
    }

    #[inline(always)]
    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of broken constraints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Violations(pub(crate) u8);

#[allow(clippy::inline_always)] // Inlined into the kernel's SIMD context.
impl Violations {
    /// Whether `c` is broken.
    #[must_use]
    #[inline(always)]
    pub fn contains(self, c: Constraint) -> bool {
        self.0 & c.bit() != 0
    }

    /// Mark `c` broken.
    #[inline(always)]
    pub fn insert(&mut self, c: Constraint) {
        self.0 |= c.bit();
    }

    /// Number of broken constraints.
    #[must_use]
    #[inline(always)]
    pub fn len(self) -> u32 {
        self.0.count_ones()
    }

    /// No constraint broken.
    #[must_use]
    #[inline(always)]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The broken constraints in the order of docs/model.md.
    pub fn iter(self) -> impl Iterator<Item = Constraint> {
        Constraint::ALL.into_iter().filter(move |c| self.contains(*c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A set counts each constraint once, however often it is broken, and lists them in
    /// the document's order.
    #[test]
    fn violations_count_and_list_each_broken_constraint_once() {
        let mut v = Violations::default();
        assert!(v.is_empty());
        assert_eq!(v.len(), 0);
        v.insert(Constraint::EasyFloor);
        v.insert(Constraint::HardSessions);
        v.insert(Constraint::EasyFloor);
        assert_eq!(v.len(), 2);
        assert!(!v.is_empty());
        assert_eq!(
            v.iter().collect::<Vec<_>>(),
            [Constraint::HardSessions, Constraint::EasyFloor]
        );
        for c in Constraint::ALL {
            v.insert(c);
        }
        assert_eq!(v.len(), 7);
    }
}
