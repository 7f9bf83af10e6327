//! Per-language word lists for the time-expression grammar, one embedded data file per
//! language (`lexicons/timex/LANG.txt`).
//!
//! The format, one entry a line (`#` starts a comment):
//!
//! ```text
//! class key: form | form | form
//! ```
//!
//! `class` names what the words are (`month`, `weekday`, `number`, `unit`, ...), `key` the
//! value they carry (`10` for October, `W` for week); some classes take no key. A form may
//! hold several words ("at present"); a final `*` makes its last word a prefix, which covers
//! case endings (`октябр*` for октября, октябре) and Korean particles (`어제*`). Forms are
//! matched case-insensitively, token by token, as [`tokenize`] splits them.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::tokens::{tokenize, Tok};

/// One form of a lexicon entry.
#[derive(Debug, Clone)]
pub struct Entry {
    /// What the words are: `month`, `weekday`, `unit`, ...
    pub class: String,
    /// The value they carry (may be empty).
    pub key: String,
    /// The form's tokens, lower-cased.
    toks: Vec<String>,
    /// The last token is a prefix.
    prefix: bool,
}

/// The parsed word lists of one language.
#[derive(Debug, Default)]
pub struct Lexicon {
    entries: Vec<Entry>,
    /// Per class: the forms by their first word, and the one-word prefix forms by their
    /// first character, so a lookup touches only the forms that can match.
    by_class: HashMap<String, ClassIndex, Fnv>,
    /// Every class's first words, and its one-word prefix forms by first character, as
    /// class bits: one lookup per token tells which classes can start there.
    first_words: HashMap<String, u64, Fnv>,
    prefix_forms: HashMap<char, Vec<(String, u64)>, Fnv>,
    /// The bits of the classes that can open an expression (see [`CONTEXT_CLASSES`]).
    openers: u64,
    /// True when the language writes quarters and halves as numbered words ("3분기").
    numbered_periods: bool,
}

/// Classes read only around an expression (tense cues, suffixes, words after a number):
/// a token that has nothing but these starts no expression.
const CONTEXT_CLASSES: &[&str] = &[
    "past",
    "future",
    "past_suffix",
    "future_suffix",
    "future_limit",
    "limit_article",
    "aux",
    "option",
    "of",
    "eve",
    "ambiguous",
    "day_suffix",
    "day_span",
    "year_suffix",
    "month_suffix",
    "clock_suffix",
    "ampm",
    "zone",
    "month_prep",
    "verb_mark",
    "rate",
    "possessive",
    "plural_unit",
    "period_end",
    "period",
    "more",
    "approx",
    "and_half",
    "age",
    "later",
    "fiscal",
    "attributive",
    "whole_year",
    "year_word",
    "perfect",
    "report",
    "hour_suffix",
    "minute_suffix",
    "ago_prep",
];

#[derive(Debug, Default)]
struct ClassIndex {
    /// The class's bit in [`Tok::classes`] (none past 63: such a class is never filtered).
    id: usize,
    all: Vec<usize>,
    by_first: HashMap<String, Vec<usize>, Fnv>,
    prefixed: HashMap<char, Vec<usize>, Fnv>,
}

/// FNV-1a: the lexicon's keys are short words, where SipHash's setup dominates.
#[derive(Debug, Clone, Copy, Default)]
struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Fnv = std::hash::BuildHasherDefault<FnvHasher>;

/// The embedded data files, by ISO 639-1 code.
const FILES: &[(&str, &str)] = &[
    ("en", include_str!("../../lexicons/timex/en.txt")),
    ("de", include_str!("../../lexicons/timex/de.txt")),
    ("es", include_str!("../../lexicons/timex/es.txt")),
    ("it", include_str!("../../lexicons/timex/it.txt")),
    ("nl", include_str!("../../lexicons/timex/nl.txt")),
    ("ru", include_str!("../../lexicons/timex/ru.txt")),
    ("uk", include_str!("../../lexicons/timex/uk.txt")),
    ("ko", include_str!("../../lexicons/timex/ko.txt")),
    ("fr", include_str!("../../lexicons/timex/fr.txt")),
    ("pt", include_str!("../../lexicons/timex/pt.txt")),
    ("hi", include_str!("../../lexicons/timex/hi.txt")),
];

/// The languages that have a lexicon.
pub fn languages() -> impl Iterator<Item = &'static str> {
    FILES.iter().map(|(l, _)| *l)
}

/// The lexicon for `lang`, falling back to English for a language without one.
pub fn for_lang(lang: &str) -> &'static Lexicon {
    static CACHE: OnceLock<Vec<Lexicon>> = OnceLock::new();
    let all = CACHE.get_or_init(|| FILES.iter().map(|(_, src)| Lexicon::parse(src)).collect());
    let i = FILES.iter().position(|(l, _)| *l == lang).unwrap_or(0);
    &all[i]
}

/// True when the one word `w` (lower case) is a weekday or a day named from today
/// ("yesterday", "ieri", "у суботу"'s "суботу") in any language's lexicon.
pub fn is_day_word(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WordSet::of(&["weekday", "rel"]))
        .holds(w)
}

/// The one-word forms of some classes in every language's lexicon, for asking of a word
/// whether it is one without scanning the lexicons.
struct WordSet {
    exact: std::collections::HashSet<String>,
    /// Forms that a word may start with.
    prefixes: Vec<String>,
}

impl WordSet {
    fn of(classes: &[&str]) -> WordSet {
        let mut set = WordSet {
            exact: std::collections::HashSet::new(),
            prefixes: Vec::new(),
        };
        for l in languages() {
            let lex = for_lang(l);
            for c in classes {
                for e in lex.words(c) {
                    match e.toks.as_slice() {
                        [one] if e.prefix => set.prefixes.push(one.clone()),
                        [one] => {
                            set.exact.insert(one.clone());
                        }
                        _ => {}
                    }
                }
            }
        }
        set
    }

    fn holds(&self, w: &str) -> bool {
        self.exact.contains(w) || self.prefixes.iter().any(|p| w.starts_with(p.as_str()))
    }
}

/// True when the one word `w` (lower case) names a time or helps to ("week", "vorige",
/// "Abend", "winter") in any language's lexicon, besides days and months.
pub fn is_time_word(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WordSet::of(&["weekday", "rel", "month", "unit", "mod", "part", "season"]))
        .holds(w)
}

/// True when the one word `w` (lower case) is a verb in the past tense listed as a tense
/// cue ("gave", "took", "found") in any language's lexicon.
pub fn is_past_word(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WordSet::of(&["past"])).holds(w)
}

/// True when the one word `w` (lower case) is a time word ([`is_time_word`]) or a vague
/// time ("recently", "ранее", "раніше") in any language's lexicon: an adverb of time that
/// may open a sentence before its subject ("Ранее Шелестов говорил").
pub fn is_time_adverb(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    is_time_word(w) || SET.get_or_init(|| WordSet::of(&["vague"])).holds(w)
}

/// True when the one word `w` (lower case) is a month's name in any language's lexicon
/// ("мая", "octubre", "oct").
pub fn is_month_word(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WordSet::of(&["month"])).holds(w)
}

impl Lexicon {
    /// Parses a data file; malformed lines are skipped (a test checks every shipped file).
    pub fn parse(src: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        for line in src.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            // The head ends at the first ": " (keys such as `12:00` hold a colon).
            let split = line
                .split_once(": ")
                .or_else(|| line.strip_suffix(':').map(|h| (h, "")));
            let Some((head, forms)) = split else {
                continue;
            };
            let mut head = head.split_whitespace();
            let Some(class) = head.next() else { continue };
            let key = head.next().unwrap_or("").to_string();
            for form in forms.split('|') {
                let form = form.trim();
                let (form, prefix) = match form.strip_suffix('*') {
                    Some(f) => (f, true),
                    None => (form, false),
                };
                let form = form.strip_suffix('.').unwrap_or(form);
                let toks: Vec<String> = tokenize(form).into_iter().map(|t| t.norm).collect();
                if toks.is_empty() {
                    continue;
                }
                lex.add(Entry {
                    class: class.to_string(),
                    key: key.clone(),
                    toks,
                    prefix,
                });
            }
        }
        lex.openers = lex
            .by_class
            .iter()
            .filter(|(c, _)| !CONTEXT_CLASSES.contains(&c.as_str()))
            .fold(0, |m, (_, ix)| {
                // A class without a bit can never be ruled out.
                m | if ix.id < 64 { 1 << ix.id } else { u64::MAX }
            });
        lex.numbered_periods =
            lex.by_class.contains_key("quarter_suffix") || lex.by_class.contains_key("half_word");
        lex
    }

    /// True when the language writes quarters and halves as numbered words ("3분기",
    /// "상반기"): the classes `quarter_suffix` and `half_word`.
    pub fn numbered_periods(&self) -> bool {
        self.numbered_periods
    }

    /// True when some class that can open an expression has a form starting at `t` (after
    /// [`Lexicon::annotate`]).
    pub fn can_open(&self, t: &Tok) -> bool {
        t.classes & self.openers != 0
    }

    fn add(&mut self, e: Entry) {
        let i = self.entries.len();
        let n = self.by_class.len();
        let class = self
            .by_class
            .entry(e.class.clone())
            .or_insert_with(|| ClassIndex {
                id: n,
                ..ClassIndex::default()
            });
        class.all.push(i);
        let bit = if class.id < 64 { 1u64 << class.id } else { 0 };
        if e.prefix && e.toks.len() == 1 {
            let first = e.toks[0].chars().next().unwrap_or(' ');
            class.prefixed.entry(first).or_default().push(i);
            let forms = self.prefix_forms.entry(first).or_default();
            match forms.iter_mut().find(|(f, _)| *f == e.toks[0]) {
                Some((_, m)) => *m |= bit,
                None => forms.push((e.toks[0].clone(), bit)),
            }
        } else {
            class.by_first.entry(e.toks[0].clone()).or_default().push(i);
            *self.first_words.entry(e.toks[0].clone()).or_default() |= bit;
        }
        self.entries.push(e);
    }

    /// Number of forms (for tests).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the lexicon holds no form.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Sets each token's [`Tok::classes`] to the classes with a form that can start there,
    /// so that lookups elsewhere are skipped at once.
    pub fn annotate(&self, toks: &mut [Tok]) {
        // (Classes past 63 have no bit and are never filtered.)
        for t in toks {
            let mut m = self.first_words.get(&t.norm).copied().unwrap_or(0);
            if let Some(forms) = t
                .norm
                .chars()
                .next()
                .and_then(|c| self.prefix_forms.get(&c))
            {
                for (f, bits) in forms {
                    if t.norm.starts_with(f.as_str()) {
                        m |= bits;
                    }
                }
            }
            t.classes = m;
        }
    }

    /// The longest form of `class` that starts at token `i`: its key and the index after it.
    pub fn get<'a>(&'a self, toks: &[Tok], i: usize, class: &str) -> Option<(&'a str, usize)> {
        let mut best: Option<(&str, usize)> = None;
        let first = toks.get(i)?;
        let index = self.by_class.get(class)?;
        if index.id < 64 && first.classes & (1 << index.id) == 0 {
            return None;
        }
        let exact = index.by_first.get(&first.norm).into_iter().flatten();
        let c = first.norm.chars().next().unwrap_or(' ');
        let prefixed = index.prefixed.get(&c).into_iter().flatten();
        for &k in exact.chain(prefixed) {
            let e = &self.entries[k];
            if let Some(end) = e.match_at(toks, i) {
                if best.is_none_or(|(_, b)| end > b) {
                    best = Some((e.key.as_str(), end));
                }
            }
        }
        best
    }

    /// True when some form of `class` starts at token `i`.
    pub fn has(&self, toks: &[Tok], i: usize, class: &str) -> bool {
        self.get(toks, i, class).is_some()
    }

    /// The keys of every `class` entry (for classes used as plain word sets).
    pub fn words<'a>(&'a self, class: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        let ids = self
            .by_class
            .get(class)
            .map(|c| c.all.as_slice())
            .unwrap_or(&[]);
        ids.iter().map(move |&i| &self.entries[i])
    }
}

impl Entry {
    /// The index after the form when it matches at token `i`.
    fn match_at(&self, toks: &[Tok], i: usize) -> Option<usize> {
        for (k, want) in self.toks.iter().enumerate() {
            let t = toks.get(i + k)?;
            let last = k + 1 == self.toks.len();
            let ok = if last && self.prefix {
                t.norm.starts_with(want.as_str())
            } else {
                t.norm == *want
            };
            // Words of one form are adjacent or separated by spaces only.
            if !ok {
                return None;
            }
        }
        Some(i + self.toks.len())
    }

    /// True when the form is one word and `w` (lower case) is it, or starts with it when it
    /// is a prefix form.
    pub fn is_word(&self, w: &str) -> bool {
        match self.toks.as_slice() {
            [one] if self.prefix => w.starts_with(one.as_str()),
            [one] => w == one,
            _ => false,
        }
    }

    /// The single word of the form (for suffix lists).
    pub fn word(&self) -> &str {
        self.toks.first().map(String::as_str).unwrap_or("")
    }
}
