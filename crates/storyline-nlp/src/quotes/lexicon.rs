//! Cue lexicons, one data file per language, embedded at build time.
//!
//! Each file lists entries as `KIND phrase`, in lower case; see `lexicons/cues/en.txt`.

use std::collections::HashMap;
use std::sync::LazyLock;

/// What a lexicon entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A reporting verb or verb phrase: "said", "told", "ha detto".
    Verb,
    /// A phrase followed by its source: "according to", "laut", "по словам".
    Prep,
    /// A phrase after its source: "zufolge", "के अनुसार".
    Post,
    /// A complementiser opening the reported clause: "that", "dass", "что".
    That,
    /// A pronoun that can be a speaker.
    Pron,
    /// A word that may stand between a speaker and the verb ("has", "also").
    Aux,
    /// A role word dropped from the front of a speaker's name.
    Title,
    /// A common noun that makes a description a plausible source ("spokesperson").
    Noun,
    /// A pronoun that stands for one person ("he", "sie", "उन्होंने"): the last one named.
    Person,
    /// A pronoun that stands for a body ("it"): the last organisation named.
    Body,
    /// A pronoun inside a cue phrase that is its speaker ("nach seinen Worten").
    Possessive,
    /// A word before a cue that stands for the sentence before ("Das teilte … mit").
    Demonstrative,
    /// A verb form that reports speech by itself (German Konjunktiv I: "sei", "liege"): a
    /// sentence with one after someone's reported words goes on with them.
    Subjunctive,
    /// A conjunction that opens a closing clause of attribution with its verb last ("…, wie
    /// das Wahlamt mitteilte", "…, zoals de politie meldde").
    As,
    /// A verb whose particle stands at the end of its clause, as the entry's last word
    /// ("teilte … mit", "gab … bekannt", "maakte … bekend"): `split teilte mit`.
    Split,
    /// A conjunction that joins clauses ("and", "und", Dutch "en"): a reported clause is not
    /// looked for past one.
    And,
}

/// One language's lexicon (or several merged).
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Phrases by their first word: (all words, kind).
    phrases: HashMap<String, Vec<(Vec<String>, Kind)>>,
    /// The kinds with at least one entry.
    kinds: Vec<Kind>,
    /// The language (empty for every language's lists merged).
    lang: &'static str,
}

const FILES: [(&str, &str); 9] = [
    ("en", include_str!("../../lexicons/cues/en.txt")),
    ("de", include_str!("../../lexicons/cues/de.txt")),
    ("es", include_str!("../../lexicons/cues/es.txt")),
    ("it", include_str!("../../lexicons/cues/it.txt")),
    ("ru", include_str!("../../lexicons/cues/ru.txt")),
    ("uk", include_str!("../../lexicons/cues/uk.txt")),
    ("nl", include_str!("../../lexicons/cues/nl.txt")),
    ("hi", include_str!("../../lexicons/cues/hi.txt")),
    ("ko", include_str!("../../lexicons/cues/ko.txt")),
];

static BY_LANG: LazyLock<Vec<(&'static str, Lexicon)>> = LazyLock::new(|| {
    FILES
        .iter()
        .map(|(lang, data)| {
            let mut lex = Lexicon {
                lang,
                ..Lexicon::default()
            };
            lex.add(data);
            (*lang, lex)
        })
        .collect()
});

static MERGED: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lex = Lexicon::default();
    for (_, data) in FILES {
        lex.add(data);
    }
    lex
});

/// The lexicon for `lang`; every language merged when `lang` has none of its own.
pub fn for_lang(lang: &str) -> &'static Lexicon {
    BY_LANG
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, lex)| lex)
        .unwrap_or(&MERGED)
}

impl Lexicon {
    /// The language of these lists; empty for every language's lists merged.
    pub fn lang(&self) -> &'static str {
        self.lang
    }

    fn add(&mut self, data: &str) {
        for line in data.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((kind, phrase)) = line.split_once(' ') else {
                continue;
            };
            let kind = match kind {
                "verb" => Kind::Verb,
                "prep" => Kind::Prep,
                "post" => Kind::Post,
                "that" => Kind::That,
                "pron" => Kind::Pron,
                "aux" => Kind::Aux,
                "title" => Kind::Title,
                "noun" => Kind::Noun,
                "person" => Kind::Person,
                "possessive" => Kind::Possessive,
                "body" => Kind::Body,
                "demonstrative" => Kind::Demonstrative,
                "subjunctive" => Kind::Subjunctive,
                "as" => Kind::As,
                "split" => Kind::Split,
                "and" => Kind::And,
                _ => continue,
            };
            if !self.kinds.contains(&kind) {
                self.kinds.push(kind);
            }
            let words: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
            if let Some(first) = words.first().cloned() {
                let list = self.phrases.entry(first).or_default();
                if !list.contains(&(words.clone(), kind)) {
                    list.push((words, kind));
                }
            }
        }
    }

    /// True when the lexicon has any entry of `kind`.
    pub fn has_kind(&self, kind: Kind) -> bool {
        self.kinds.contains(&kind)
    }

    /// True if the one word `w` (lower case) is an entry of `kind`.
    pub fn is(&self, w: &str, kind: Kind) -> bool {
        self.phrases
            .get(w)
            .is_some_and(|l| l.iter().any(|(p, k)| *k == kind && p.len() == 1))
    }

    /// The longest entry of `kind` starting at `words[0]`, as a word count.
    pub fn match_at(&self, words: &[&str], kind: Kind) -> Option<usize> {
        let first = words.first()?;
        let list = self.phrases.get(*first)?;
        list.iter()
            .filter(|(p, k)| {
                *k == kind && p.len() <= words.len() && p.iter().zip(words).all(|(a, b)| a == b)
            })
            .map(|(p, _)| p.len())
            .max()
    }
}

impl Lexicon {
    /// The particles of the separable verbs whose finite form is the word `w` (lower case):
    /// "teilte" → "mit".
    pub fn particles<'a>(&'a self, w: &str) -> impl Iterator<Item = &'a str> + 'a {
        self.phrases
            .get(w)
            .into_iter()
            .flatten()
            .filter(|(p, k)| *k == Kind::Split && p.len() == 2)
            .map(|(p, _)| p[1].as_str())
    }

    /// The entries of `kind` that are one word, for languages that attach endings to words
    /// and match entries as parts of words (Korean).
    pub fn single_words(&self, kind: Kind) -> impl Iterator<Item = &str> {
        self.phrases
            .values()
            .flatten()
            .filter(move |(p, k)| *k == kind && p.len() == 1)
            .map(|(p, _)| p[0].as_str())
    }
}
