//! Paragraphs, sentences and tokens.

use storyline_model::{Sentence, Span, Token};

/// The segmentation of one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmentation {
    /// Paragraph spans.
    pub paragraphs: Vec<Span>,
    /// Sentences.
    pub sentences: Vec<Sentence>,
    /// Tokens.
    pub tokens: Vec<Token>,
}

/// Segments `text` written in `lang` (placeholder: nothing).
pub fn segment(_text: &str, _lang: &str) -> Segmentation {
    Segmentation::default()
}
