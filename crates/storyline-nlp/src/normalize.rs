//! Text normalisation with an alignment back to the original.

/// Normalised text and how it maps back to the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
}

/// Normalises `input` (placeholder: identity).
pub fn normalize(input: &str) -> Normalized {
    Normalized { text: input.to_string() }
}
