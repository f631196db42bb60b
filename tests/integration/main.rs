//! The one integration test binary: the model's vectors, the article's weeks, the published
//! coach weeks, the search's properties, and the command line end to end.

mod bad_history;
mod bad_input;
mod batch;
mod bench;
mod block;
mod block_objective;
mod block_pool;
mod calendar;
mod checker;
mod cli;
mod coach_weeks;
mod fit_files;
mod fit_writer;
mod follow;
mod history;
mod history_cli;
mod layers;
mod model_v2;
mod paces;
mod paces_cli;
mod parsers;
mod pins;
mod properties;
mod reference;
mod replan;
mod review;
mod schema;
mod search;
mod seed;
mod sentences;
mod shell;
mod snapshots;
mod support;
mod workouts;
