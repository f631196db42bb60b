//! weekwright plans a runner's week as a system: stress, then recovery, then adaptation.
//!
//! A runner's constraints come in as a [`Profile`] (the YAML file of the command line, or
//! text a platform holds) and become a [`Problem`], the one input of the engine. A
//! [`Search`] enumerates every week the problem allows, scores each against the
//! stress-recovery [`model`] in parallel, and returns the best repeatable ones; [`score`]
//! explains any week; [`plan_block`] plans weeks to a race; a [`Fitness`] (a race result or
//! a VDOT) gives the runner's training [`Paces`]. Everything the command line prints comes
//! from these calls, so a platform embedding weekwright gets the same plans.
//!
//! ```
//! use weekwright::{Problem, Profile, Search, WeekSpec, score};
//!
//! // An athlete's profile, as a platform would hold it.
//! let profile = Profile::from_yaml(
//!     "name: athlete 42\nlevel: beginner\ngoal: 10k\nweekly_minutes: 150\navailable_days: [tue, thu, sat, sun]\n",
//!     "athlete 42",
//! )?;
//! let problem = Problem::new(&profile);
//!
//! // The three best repeatable weeks, ranked.
//! let outcome = Search::new(&problem).top(3).run()?;
//! assert!(!outcome.plans.is_empty());
//! let best = &outcome.plans[0];
//! assert!(best.repeatable && best.score > 50.0);
//!
//! // Variants are edits on the problem: the same runner with no hard session.
//! let easy = Search::new(&problem.clone().with_hard_sessions(0)).top(1).run()?;
//! assert!(easy.plans[0].sessions.iter().all(|s| !s.is_quality()));
//!
//! // Any week can be scored and explained against the same problem.
//! let week: WeekSpec = "rest,intervals,rest,easy,rest,long,easy".parse()?;
//! let report = score(&problem, &week);
//! assert!(report.report.score <= 100.0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod block;
pub mod catalog;
pub mod dates;
pub mod error;
pub mod export;
pub mod history;
pub mod minutes;
pub mod model;
pub mod paces;
pub mod problem;
pub mod profile;
pub mod search;
pub mod week;
pub mod workout;
pub mod yaml;

pub(crate) mod limits;

// The `weekwright` binary's command line and commands (arguments in, output written): public
// only for the binary, not a library interface; the items at the crate's root are.
#[doc(hidden)]
pub mod cli;
#[doc(hidden)]
pub mod commands;

pub use block::{Block, Calendar, plan as plan_block};
pub use catalog::{Goal, Level, Session};
pub use commands::score::ScoreOutput;
pub use error::{Error, InputError, NoWeekFits};
pub use paces::{Fitness, Paces, Units};
pub use problem::Problem;
pub use profile::Profile;
pub use search::{Candidate, Outcome, Search};
pub use week::{Day, WeekSpec};

/// Score and explain one week against a problem: every metric, component and violation,
/// and, when the week meets the problem's constraints, its percentile among the weeks that
/// fit (what `weekwright score --profile` prints).
#[must_use]
pub fn score(problem: &Problem, week: &WeekSpec) -> ScoreOutput {
    commands::score::score_with_profile(problem, week)
}
