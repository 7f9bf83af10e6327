//! The embedded database and full-text index that `storyline ingest` writes and
//! `storyline serve` reads.
#![warn(missing_docs)]
