//! The one integration test binary: the model's vectors, the article's weeks, the search's
//! properties, and the command line end to end.

mod bench;
mod block;
mod cli;
mod search;
mod seed;
mod snapshots;
mod support;
mod vectors;
