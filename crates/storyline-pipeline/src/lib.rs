//! The one library entry point: reads inputs, runs the per-article stages in parallel,
//! then the corpus stages, and collects diagnostics.
#![warn(missing_docs)]

mod analyze;
pub mod bench;

pub use analyze::{article_id, Config, Output, Pipeline};
