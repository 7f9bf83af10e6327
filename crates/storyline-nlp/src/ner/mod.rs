//! Named-entity recognition: a trained sequence tagger.
//!
//! # The model
//! An averaged perceptron over hashed features, decoded greedily left to right with the
//! two previous labels as features (BIO labels over CoNLL's PER, ORG, LOC and MISC).
//! We chose it over a linear-chain CRF because it trains in seconds per epoch on two
//! cores, needs no gradient machinery, and its greedy decoder tags millions of words per
//! second; with label-history features its accuracy on CoNLL is within a point of a
//! first-order CRF (Ratinov and Roth 2009 report the same for greedy decoding), and the
//! history lets a feature look at any earlier label, which Viterbi would forbid.
//!
//! Features (see `features.rs`): the word, its lowercase form, two shapes, prefixes and
//! suffixes of one to four characters, the words and shapes two to each side, bigrams,
//! flags (hyphen, digit, apostrophe, capitals), casing in context (sentence start, a
//! line in capitals, a title-case line), a word class (frequency and usual casing in the
//! training text), gazetteer matches (countries, cities, regions, given names), and the
//! previous labels.
//!
//! # Document-level consistency
//! Pass one tags every sentence; pass two tags them again with, for each capitalised
//! word, the types pass one gave its *other* occurrences in the same document. Both
//! passes are learned together. After tagging, [`Tagger::tag`] also types a lone
//! surname like the full name it belongs to earlier in the article.
//!
//! # Types
//! The contract's types are finer than CoNLL's: a LOC found in the country, city or
//! region gazetteers (or shaped like one) is a GPE, other places stay LOC; a MISC that is
//! a nationality word is NORP, one that names a war, summit or election is an EVENT.
//!
//! ```
//! use storyline_nlp::ner::Tagger;
//! let tagger = Tagger::embedded().unwrap();
//! let doc = [vec!["Olena", "Kovalenko", "flew", "to", "Brussels", "."]];
//! let spans = tagger.tag_tokens(&doc);
//! assert_eq!(spans[0][0].start, 0);
//! ```

mod article;
pub mod conll;
mod coref;
mod decode;
mod features;
mod hash;
pub mod labels;
mod lexicon;
mod model;
mod perceptron;
mod roles;
mod train;
mod types;

use std::sync::Arc;

pub use decode::Workspace;
pub use lexicon::{Lexicon, WordCounts, GAZ_CATEGORIES};
pub use model::{Model, ModelError, FORMAT_VERSION};
pub use perceptron::Weights;
pub use train::{evaluate, train, TrainConfig, Trained};
pub use types::refine;

use labels::{chunks, Chunk};

/// The model built with the binary (`models/ner-en.bin`, trained by `storyline train ner`).
static EMBEDDED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/ner-en.bin"
));

/// A loaded tagger, cheap to clone.
#[derive(Debug, Clone)]
pub struct Tagger {
    model: Arc<Model>,
}

impl Tagger {
    /// A tagger over a trained model.
    pub fn new(model: Model) -> Tagger {
        Tagger {
            model: Arc::new(model),
        }
    }

    /// Loads a model from bytes (a file written by `storyline train ner`).
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        Model::from_bytes(bytes).map(Tagger::new)
    }

    /// The model embedded in the binary, loaded once per process.
    pub fn embedded() -> Result<Tagger, ModelError> {
        static ONCE: std::sync::OnceLock<Result<Tagger, ModelError>> = std::sync::OnceLock::new();
        ONCE.get_or_init(|| Tagger::from_bytes(EMBEDDED)).clone()
    }

    /// The underlying model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Tags a document given as sentences of tokens; returns the names of each sentence
    /// as token ranges with their CoNLL type index.
    pub fn tag_tokens<T, S>(&self, doc: &[T]) -> Vec<Vec<Chunk>>
    where
        T: AsRef<[S]>,
        S: AsRef<str>,
    {
        self.model
            .tag(doc)
            .iter()
            .map(|labels| chunks(labels))
            .collect()
    }
}

#[cfg(test)]
mod tests;
