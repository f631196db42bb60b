//! weekwright plans a runner's week as a system: stress, then recovery, then adaptation.
//!
//! A runner's constraints (a [`profile::Profile`]) define a space of weeks; the
//! [`search`] enumerates every week that fits, scores each against the stress-recovery
//! [`model`] in parallel, and returns the best repeatable ones. Any week can be scored
//! and explained component by component.
//!
//! ```
//! use weekwright::catalog::Goal;
//! use weekwright::commands::score::score_structural;
//! use weekwright::catalog::Level;
//!
//! let week = "easy,intervals,easy,rest,tempo,easy,long".parse().unwrap();
//! let out = score_structural(Level::Intermediate, Goal::Half, &week);
//! assert_eq!(out.report.score, 100.0);
//! assert!(out.report.violations.is_empty());
//! ```

pub mod block;
pub mod catalog;
pub mod cli;
pub mod commands;
pub mod dates;
pub mod error;
pub mod export;
pub mod limits;
pub mod model;
pub mod problem;
pub mod profile;
pub mod search;
pub mod week;
pub mod yaml;

pub use error::{Error, InputError};
