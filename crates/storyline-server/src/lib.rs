//! The HTTP API and web UI over the store: the only crate that knows HTTP.
#![warn(missing_docs)]
