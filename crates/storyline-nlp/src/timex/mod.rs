//! Time expressions, normalised against the article's dateline.

use storyline_model::{Article, Timex};

/// Finds and normalises the time expressions of an article (placeholder: none).
pub fn extract(_article: &Article) -> Vec<Timex> {
    Vec::new()
}

/// The dateline the text itself gives, when the input gave none (placeholder: none).
pub fn infer_dateline(_article: &Article) -> Option<storyline_model::Date> {
    None
}
