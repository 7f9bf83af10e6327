//! Text normalisation with an alignment back to the original.
//!
//! [`normalize`] produces the text every later stage indexes:
//!
//! * Unicode NFC (composed characters), applied last;
//! * line breaks unified: CRLF, CR, VT, FF, NEL and U+2028 become `\n`, U+2029 a blank line;
//! * tabs, no-break spaces and the other Unicode spaces become a plain space;
//! * every run of whitespace collapses: to one space inside a line, to `\n` when it holds one
//!   line break, to `\n\n` when it holds more (so 3+ newlines become 2, spaces at the end or
//!   the start of a line disappear); whitespace at the start and end of the text is removed;
//! * invisible characters are dropped: zero-width space, word joiner, byte-order mark, soft
//!   hyphen, control characters, and ZWJ/ZWNJ next to ASCII or whitespace (between two other
//!   characters they shape the text, as in Persian, Indic scripts or emoji, and stay);
//! * typographic quotes, apostrophes and dashes stay as they are.
//!
//! The result keeps an [`Alignment`] to the input, so that a span found in the normalised
//! text can be shown on the original:
//!
//! ```
//! use storyline_nlp::normalize::normalize;
//! let n = normalize("Kyiv,\u{00A0}Oct.\r\n\r\n\r\n22\u{200B}:  talks");
//! assert_eq!(n.text, "Kyiv, Oct.\n\n22: talks");
//! let start = n.text.find("22").unwrap();
//! assert_eq!(n.to_original(start), 17);
//! ```
//!
//! Text that needs no change (the common case for clean ASCII or NFC text) is scanned once
//! and copied; no alignment table is built for it.

mod align;
mod scan;

pub use align::Alignment;

use storyline_model::Span;

/// Normalised text and how it maps back to the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// Maps offsets of the text after the whitespace pass to offsets of the input.
    pub alignment: Alignment,
    /// Maps offsets of `text` to those of the whitespace pass's output, when composing to
    /// NFC changed anything.
    pub nfc: Option<Alignment>,
}

impl Normalized {
    /// The byte offset in the original input of the character at byte `offset` of the
    /// normalised text (characters dropped just before it are skipped). Offsets past the end
    /// map to the end of the input.
    pub fn to_original(&self, offset: usize) -> usize {
        let mid = match &self.nfc {
            Some(a) => a.to_original(offset),
            None => offset,
        };
        self.alignment.to_original(mid)
    }

    /// Like [`Normalized::to_original`], but for the end of a span: characters dropped just
    /// before `offset` are left out of the span.
    pub fn to_original_end(&self, offset: usize) -> usize {
        let mid = match &self.nfc {
            Some(a) => a.to_original_end(offset),
            None => offset,
        };
        self.alignment.to_original_end(mid)
    }

    /// The byte offset in the normalised text that holds what was at byte `offset` of the
    /// original (the start of a replaced or dropped run maps to where its replacement starts).
    pub fn to_normalized(&self, offset: usize) -> usize {
        let mid = self.alignment.to_normalized(offset);
        match &self.nfc {
            Some(a) => a.to_normalized(mid),
            None => mid,
        }
    }

    /// A span of the normalised text as a span of the original input.
    pub fn span_to_original(&self, span: Span) -> Span {
        let start = self.to_original(span.start);
        let end = self.to_original_end(span.end).max(start);
        Span::new(start, end)
    }

    /// True when the normalised text is the input unchanged.
    pub fn is_identity(&self) -> bool {
        self.nfc.is_none() && self.alignment.is_identity()
    }
}

/// Normalises `input`: whitespace and invisible characters first, then NFC (see the module
/// docs).
pub fn normalize(input: &str) -> Normalized {
    let (text, alignment) = scan::whitespace_pass(input);
    if scan::is_nfc(&text) {
        return Normalized {
            text,
            alignment,
            nfc: None,
        };
    }
    let (text, nfc) = scan::nfc_pass(&text);
    Normalized {
        text,
        alignment,
        nfc: Some(nfc),
    }
}

#[cfg(test)]
mod tests;
