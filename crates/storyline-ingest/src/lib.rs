//! Readers for every input format, turning bytes into [`storyline_model::RawArticle`]s
//! and reporting bad input as [`storyline_model::Diagnostic`]s.
#![warn(missing_docs)]

use storyline_model::{Diagnostic, RawArticle};

/// Reads every input (`-` is stdin; folders are walked) and hands each article or
/// problem to `sink`, in input order (placeholder: plain-text files only).
pub fn read(inputs: &[String], sink: &mut dyn FnMut(Result<RawArticle, Diagnostic>)) {
    for p in inputs {
        match std::fs::read_to_string(p) {
            Ok(text) => sink(Ok(RawArticle { path: p.clone(), text, ..Default::default() })),
            Err(e) => sink(Err(Diagnostic::error(p.clone(), None, e.to_string()))),
        }
    }
}
