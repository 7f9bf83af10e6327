//! Per-article analysis: normalisation, language identification, segmentation, and the
//! extractors (entities, quotes, time expressions, claims) with their lexicons and models.
//!
//! Nothing here does I/O or reads the clock: the same text and config give the same output.
#![warn(missing_docs)]

pub mod claims;
pub mod lang;
pub mod metrics;
pub mod ner;
pub mod normalize;
pub mod quotes;
pub mod segment;
pub mod timex;
