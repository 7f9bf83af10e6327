//! What the model knows about words beyond its weights: a frequency and casing class
//! learned from the training text, and gazetteers (lists of places, given names and nationality words)
//! baked in at training time.

use super::hash::{hash_str, phrase_step, HashKeyed, SEED};

/// Gazetteer categories, one bit each.
pub const GAZ_CATEGORIES: [&str; 6] = ["COUNTRY", "CITY", "ADMIN", "REGION", "GIVEN", "NATION"];

/// Gazetteer bits of the place categories (COUNTRY, CITY, ADMIN, REGION).
pub(crate) const GAZ_PLACE: u8 = 0b1111;

/// Gazetteer bit of the cities (CITY).
pub(crate) const GAZ_CITY: u8 = 1 << 1;

/// Gazetteer bit of the given names (GIVEN).
pub(crate) const GAZ_GIVEN: u8 = 1 << 4;

/// The longest gazetteer entry, in tokens.
pub(crate) const GAZ_MAX_LEN: usize = 5;

/// Gazetteer bit: the phrase begins a longer entry.
pub(crate) const GAZ_PREFIX: u8 = 0x80;

/// Casing class: seen mostly in lower case.
pub(crate) const CASE_LOWER: u8 = 1 << 3;
/// Casing class: seen mostly capitalised inside a sentence.
pub(crate) const CASE_CAP: u8 = 2 << 3;
/// Casing class: both.
pub(crate) const CASE_MIXED: u8 = 3 << 3;

/// Word classes and gazetteers.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    /// Lowercase hash → frequency bin (bits 0–2) | casing class (bits 3–4).
    pub(crate) words: HashKeyed<u8>,
    /// Lowercase phrase hash → category bits.
    pub(crate) gaz: HashKeyed<u8>,
    /// Lowercase hash → packed Brown cluster path (see `clusters.rs`).
    pub(crate) clusters: HashKeyed<u32>,
}

/// Counts gathered while reading text, turned into a [`Lexicon`]'s word classes.
#[derive(Debug, Default)]
pub struct WordCounts {
    counts: HashKeyed<[u32; 3]>,
}

impl WordCounts {
    /// Counts one sentence's tokens.
    pub fn add_sentence<S: AsRef<str>>(&mut self, tokens: &[S]) {
        for (i, t) in tokens.iter().enumerate() {
            let t = t.as_ref();
            let lower = lower_hash(t);
            let c = self.counts.entry(lower).or_default();
            c[0] += 1;
            let first = t.chars().next();
            if first.is_some_and(char::is_lowercase) {
                c[1] += 1;
            } else if i > 0 && first.is_some_and(char::is_uppercase) && !is_all_caps(t) {
                c[2] += 1;
            }
        }
    }

    /// Turns the counts into word classes inside `lex`.
    pub fn finish(self, lex: &mut Lexicon) {
        for (k, [n, lower, cap]) in self.counts {
            let bin = (32 - n.leading_zeros()).clamp(1, 7) as u8;
            let seen = lower + cap;
            let case = if seen == 0 {
                0
            } else if cap * 10 >= 9 * seen {
                CASE_CAP
            } else if lower * 10 >= 9 * seen {
                CASE_LOWER
            } else {
                CASE_MIXED
            };
            lex.words.insert(k, bin | case);
        }
    }
}

impl Lexicon {
    /// Adds a gazetteer entry (`category` one of [`GAZ_CATEGORIES`]); returns false for an
    /// unknown category or an empty name.
    pub fn add_gazetteer(&mut self, category: &str, name: &str) -> bool {
        let Some(bit) = GAZ_CATEGORIES.iter().position(|c| *c == category) else {
            return false;
        };
        let n = name.split_whitespace().count();
        if n == 0 || n > GAZ_MAX_LEN {
            return false;
        }
        let mut h = SEED;
        for (i, w) in name.split_whitespace().enumerate() {
            h = phrase_step(h, lower_hash(w));
            // Proper prefixes are marked so that matching can stop early.
            let b = if i + 1 == n { 1 << bit } else { GAZ_PREFIX };
            *self.gaz.entry(h).or_default() |= b;
        }
        true
    }

    /// Adds a word's Brown cluster, given as its bit-string path (`0110…`); returns false
    /// for an empty word or a path that is not a bit string.
    pub fn add_cluster(&mut self, word: &str, path: &str) -> bool {
        match super::clusters::pack(path) {
            Some(code) if !word.is_empty() => {
                self.clusters.insert(lower_hash(word), code);
                true
            }
            _ => false,
        }
    }

    /// Number of words with a cluster.
    pub fn cluster_count(&self) -> usize {
        self.clusters.len()
    }

    /// The packed cluster code of a word (by lowercase hash); 0 when it has none.
    #[inline]
    pub(crate) fn cluster(&self, lower: u64) -> u32 {
        self.clusters.get(&lower).copied().unwrap_or(0)
    }

    /// The class byte of a word (by lowercase hash); 0 when unseen.
    #[inline]
    pub(crate) fn word_class(&self, lower: u64) -> u8 {
        self.words.get(&lower).copied().unwrap_or(0)
    }

    /// Marks gazetteer matches: for each token, bits `cat * 4 + pos` with pos 0 = begin,
    /// 1 = inside, 2 = last, 3 = unit (a one-token match).
    /// Only tokens flagged in `starts` (capitalised ones) can begin a match.
    pub(crate) fn gazetteer_marks(&self, lowers: &[u64], starts: &[bool], out: &mut Vec<u32>) {
        out.clear();
        out.resize(lowers.len(), 0);
        if self.gaz.is_empty() {
            return;
        }
        for start in 0..lowers.len() {
            if !starts.get(start).copied().unwrap_or(false) {
                continue;
            }
            let mut h = SEED;
            for len in 1..=GAZ_MAX_LEN.min(lowers.len() - start) {
                h = phrase_step(h, lowers[start + len - 1]);
                let Some(&cats) = self.gaz.get(&h) else {
                    break;
                };
                for cat in 0..GAZ_CATEGORIES.len() {
                    if cats & (1 << cat) == 0 {
                        continue;
                    }
                    let base = cat as u32 * 4;
                    if len == 1 {
                        out[start] |= 1 << (base + 3);
                    } else {
                        out[start] |= 1 << base;
                        for m in &mut out[start + 1..start + len - 1] {
                            *m |= 1 << (base + 1);
                        }
                        out[start + len - 1] |= 1 << (base + 2);
                    }
                }
            }
        }
    }
}

/// Hash of a word's lowercase form, computed without allocating.
#[inline]
pub(crate) fn lower_hash(w: &str) -> u64 {
    if w.bytes().all(|b| !b.is_ascii_uppercase() && b < 0x80) {
        return hash_str(w);
    }
    let mut h = SEED;
    let mut buf = [0u8; 4];
    for c in w.chars().flat_map(char::to_lowercase) {
        h = super::hash::fnv(h, c.encode_utf8(&mut buf).as_bytes());
    }
    h
}

/// True when the word has letters and all of them are upper case.
pub(crate) fn is_all_caps(w: &str) -> bool {
    let mut any = false;
    for c in w.chars() {
        if c.is_lowercase() {
            return false;
        }
        any |= c.is_uppercase();
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_marks_multi_token_names() {
        let mut lex = Lexicon::default();
        assert!(lex.add_gazetteer("CITY", "New York"));
        assert!(lex.add_gazetteer("GIVEN", "Maria"));
        assert!(!lex.add_gazetteer("PLANET", "Mars"));
        let words = ["Maria", "left", "NEW", "York"];
        let lowers: Vec<u64> = words.iter().map(|w| lower_hash(w)).collect();
        let mut marks = Vec::new();
        lex.gazetteer_marks(&lowers, &[true, false, true, true], &mut marks);
        assert_eq!(marks[0], 1 << (4 * 4 + 3));
        assert_eq!(marks[1], 0);
        assert_eq!(marks[2], 1 << 4);
        assert_eq!(marks[3], 1 << 6);
    }

    #[test]
    fn word_classes_separate_common_words_from_names() {
        let mut counts = WordCounts::default();
        for _ in 0..20 {
            counts.add_sentence(&["The", "troops", "met", "Petrenko", "in", "Odesa"]);
        }
        let mut lex = Lexicon::default();
        counts.finish(&mut lex);
        assert_eq!(lex.word_class(lower_hash("troops")) & 0x18, CASE_LOWER);
        assert_eq!(lex.word_class(lower_hash("PETRENKO")) & 0x18, CASE_CAP);
        assert_eq!(lex.word_class(lower_hash("unseen")), 0);
    }
}
