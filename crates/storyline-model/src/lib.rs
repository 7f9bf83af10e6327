//! The vocabulary of storyline, shared by every other crate.
//!
//! Nothing here does I/O. The types fall in three groups:
//!
//! * what a reader produces: [`RawArticle`] and [`Diagnostic`];
//! * what the per-article stages add to an [`Article`]: paragraphs, sentences and
//!   tokens, then [`Mention`]s, [`Quote`]s, [`Claim`]s and [`Timex`]es;
//! * what the corpus stages produce: [`Entity`] and [`Story`].
//!
//! Inside the program every [`Span`] holds **byte** offsets into `Article::text`
//! (cheap to slice); the JSON contract counts Unicode scalar values instead, and
//! [`contract`] converts when it writes.
//!
//! ```
//! use storyline_model::{Date, Span};
//! let d = Date::parse("2024-10-26").unwrap();
//! assert_eq!(d.weekday(), 5); // Saturday (Monday = 0)
//! assert_eq!(d.add_days(-1).to_string(), "2024-10-25");
//! let text = "Kyiv said";
//! assert_eq!(Span::new(0, 4).slice(text), "Kyiv");
//! ```
#![warn(missing_docs)]

mod article;
pub mod bodies;
pub mod contract;
mod date;
mod facts;
pub mod names;
pub mod places;
pub mod romanize;
mod span;

pub use article::{
    Article, DateSource, Diagnostic, RawArticle, Sentence, Severity, Token, TokenKind,
};
pub use date::{english_month, Date};
pub use facts::{
    Claim, ClaimGroup, ClaimValue, Entity, EntityType, Hedge, Mention, Quote, QuoteKind, Story,
    TimelineEntry, Timex,
};
pub use span::Span;

/// A hasher for map keys that are already well-spread hashes (features, ids made by
/// [`stable_hash`]): the key is its own hash, so a lookup costs no hashing at all.
/// Other keys are hashed with FNV-1a.
#[derive(Debug, Default, Clone, Copy)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv1a(self.0 ^ FNV_OFFSET, bytes);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    /// A 32-bit key (the low half of a precomputed hash) is spread over all 64 bits by a
    /// Fibonacci multiply: hash tables read their control bits from the top.
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// A map keyed by precomputed hashes.
pub type HashKeyed<V> = std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<IdHasher>>;

/// The FNV-1a offset basis: the state before any byte.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// Feeds bytes into an FNV-1a state.
#[inline]
pub const fn fnv1a(mut h: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h
}

/// A 64-bit FNV-1a hash: stable across platforms and releases, used for ids.
pub fn stable_hash(parts: &[&[u8]]) -> u64 {
    let mut h = FNV_OFFSET;
    for p in parts {
        // Separate the parts so ("ab","c") and ("a","bc") differ.
        h = fnv1a(fnv1a(h, p), &[0xff]);
    }
    h
}
