//! Brown word clusters learned from unlabelled text (Brown et al. 1992, in the windowed form
//! of Liang 2005): words enter in order of frequency; a window of at most `C` clusters is
//! kept, and each new word first becomes a cluster of its own, then the pair of clusters whose
//! merge loses the least average mutual information between adjacent clusters is merged.
//! When every word is in, the `C` clusters left are merged the same way down to one, and the
//! order of those merges is a binary tree: a word's cluster is its path from the root, a bit
//! string whose prefixes name coarser groups.
//!
//! Each merge costs `O(C²)`: the loss of every pair is kept and corrected for what changed,
//! as in Liang's implementation, and terms whose bigram count is zero cost nothing, so the
//! sparse counts of news text keep it fast. Ties break by slot order, so a run is
//! deterministic. Words are clustered in lower case; rarer words than `min_count` have no
//! cluster, and bigrams that touch them are left out.

use std::collections::HashMap;

/// How to cluster.
#[derive(Debug, Clone)]
pub struct BrownConfig {
    /// The most clusters kept at once (and so the number of leaves of the final tree).
    pub clusters: usize,
    /// Words seen fewer times are not clustered.
    pub min_count: u32,
}

impl Default for BrownConfig {
    fn default() -> Self {
        BrownConfig {
            clusters: 300,
            min_count: 3,
        }
    }
}

/// One clustered word: its bit-string path and how often it was seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterPath {
    /// The word, in lower case.
    pub word: String,
    /// Its path from the root, as `0` and `1` characters.
    pub path: String,
    /// Its count in the text.
    pub count: u32,
}

/// Accumulates sentences, then clusters their words.
#[derive(Debug, Default)]
pub struct BrownCorpus {
    ids: HashMap<String, u32>,
    words: Vec<String>,
    counts: Vec<u32>,
    bigrams: HashMap<(u32, u32), u32>,
}

impl BrownCorpus {
    /// Adds one sentence of tokens (any case; clustered in lower case).
    pub fn add_sentence<S: AsRef<str>>(&mut self, tokens: &[S]) {
        let mut prev: Option<u32> = None;
        for t in tokens {
            let w = t.as_ref().to_lowercase();
            let id = match self.ids.get(&w) {
                Some(&id) => id,
                None => {
                    let id = self.words.len() as u32;
                    self.ids.insert(w.clone(), id);
                    self.words.push(w);
                    self.counts.push(0);
                    id
                }
            };
            if let Some(c) = self.counts.get_mut(id as usize) {
                *c += 1;
            }
            if let Some(p) = prev {
                *self.bigrams.entry((p, id)).or_default() += 1;
            }
            prev = Some(id);
        }
    }

    /// Number of distinct words seen.
    pub fn vocabulary(&self) -> usize {
        self.words.len()
    }

    /// Clusters the words seen at least `min_count` times; returns them in order of
    /// frequency (most frequent first, ties alphabetically).
    pub fn cluster(&self, cfg: &BrownConfig) -> Vec<ClusterPath> {
        let mut order: Vec<u32> = (0..self.words.len() as u32)
            .filter(|&i| self.counts[i as usize] >= cfg.min_count.max(1))
            .collect();
        order.sort_by(|&a, &b| {
            self.counts[b as usize]
                .cmp(&self.counts[a as usize])
                .then_with(|| self.words[a as usize].cmp(&self.words[b as usize]))
        });
        // Dense ids by rank; bigrams between kept words only.
        let mut rank = vec![u32::MAX; self.words.len()];
        for (r, &w) in order.iter().enumerate() {
            rank[w as usize] = r as u32;
        }
        let n = order.len();
        let mut right: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n];
        let mut left: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n];
        let mut pairs: Vec<(u32, u32, u32)> = self
            .bigrams
            .iter()
            .filter_map(|(&(a, b), &c)| {
                let (ra, rb) = (rank[a as usize], rank[b as usize]);
                (ra != u32::MAX && rb != u32::MAX).then_some((ra, rb, c))
            })
            .collect();
        pairs.sort_unstable();
        for (a, b, c) in pairs {
            right[a as usize].push((b, f64::from(c)));
            left[b as usize].push((a, f64::from(c)));
        }
        let paths = super::brown::run(&right, &left, cfg.clusters.max(2));
        order
            .iter()
            .zip(paths)
            .map(|(&w, path)| ClusterPath {
                word: self.words[w as usize].clone(),
                path,
                count: self.counts[w as usize],
            })
            .collect()
    }
}

/// The longest path kept in a packed cluster code.
pub(crate) const CODE_BITS: u32 = 24;

/// Packs a bit-string path into a `u32`: length in the top byte, the first
/// [`CODE_BITS`] bits left-aligned below it. `None` for an empty or non-binary path.
pub(crate) fn pack(path: &str) -> Option<u32> {
    if path.is_empty() || !path.bytes().all(|b| b == b'0' || b == b'1') {
        return None;
    }
    let len = path.len().min(CODE_BITS as usize) as u32;
    let bits = path
        .bytes()
        .take(len as usize)
        .fold(0u32, |acc, b| acc << 1 | u32::from(b == b'1'));
    Some(len << CODE_BITS | bits << (CODE_BITS - len))
}

/// The prefix of length `p` (or the whole path, if shorter) of a packed code, as a value
/// that differs for every (length, bits) pair; 0 stays 0 (no cluster).
#[inline]
pub(crate) fn prefix(code: u32, p: u32) -> u32 {
    let len = (code >> CODE_BITS).min(p);
    if len == 0 {
        return 0;
    }
    let bits = (code & ((1 << CODE_BITS) - 1)) >> (CODE_BITS - len);
    len << CODE_BITS | bits
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two groups of words that never share a context: animals follow "the" and precede
    /// "ran"; cities follow "in" and precede "today".
    fn corpus() -> BrownCorpus {
        let mut c = BrownCorpus::default();
        let animals = ["dog", "cat", "horse", "goat"];
        let cities = ["paris", "rome", "oslo", "lima"];
        for round in 0..6 {
            for (i, a) in animals.iter().enumerate() {
                let b = animals[(i + round) % 4];
                c.add_sentence(&["the", a, "ran", "and", "the", b, "ran", "."]);
            }
            for (i, a) in cities.iter().enumerate() {
                let b = cities[(i + round) % 4];
                c.add_sentence(&["rain", "in", a, "today", "and", "in", b, "today", "."]);
            }
        }
        c
    }

    fn path_of<'a>(paths: &'a [ClusterPath], w: &str) -> &'a str {
        &paths.iter().find(|p| p.word == w).unwrap().path
    }

    fn common_prefix(a: &str, b: &str) -> usize {
        a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
    }

    #[test]
    fn words_with_disjoint_contexts_end_in_different_subtrees() {
        let cfg = BrownConfig {
            clusters: 6,
            min_count: 1,
        };
        let paths = corpus().cluster(&cfg);
        let (dog, cat, paris, rome) = (
            path_of(&paths, "dog"),
            path_of(&paths, "cat"),
            path_of(&paths, "paris"),
            path_of(&paths, "rome"),
        );
        // Within a group the paths agree further than across the groups.
        let within = common_prefix(dog, cat).min(common_prefix(paris, rome));
        let across = common_prefix(dog, paris).max(common_prefix(cat, rome));
        assert!(within > across, "{paths:?}");
        for a in ["dog", "cat", "horse", "goat"] {
            for b in ["paris", "rome", "oslo", "lima"] {
                let x = common_prefix(path_of(&paths, a), path_of(&paths, b));
                assert!(x < within, "{a} {b} {paths:?}");
            }
        }
    }

    #[test]
    fn clustering_is_deterministic_and_skips_rare_words() {
        let mut c = corpus();
        c.add_sentence(&["once"]);
        let cfg = BrownConfig {
            clusters: 4,
            min_count: 2,
        };
        let a = c.cluster(&cfg);
        assert_eq!(a, c.cluster(&cfg));
        assert!(a.iter().all(|p| p.word != "once" && !p.path.is_empty()));
        // Every word has a distinct-or-shared path over at most `clusters` leaves.
        let mut leaves: Vec<&str> = a.iter().map(|p| p.path.as_str()).collect();
        leaves.sort_unstable();
        leaves.dedup();
        assert!(leaves.len() <= 4, "{leaves:?}");
    }

    #[test]
    fn tiny_inputs_do_not_panic() {
        let cfg = BrownConfig::default();
        assert!(BrownCorpus::default().cluster(&cfg).is_empty());
        let mut c = BrownCorpus::default();
        c.add_sentence(&["alone", "alone", "alone"]);
        let p = c.cluster(&cfg);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].path, "0");
    }

    #[test]
    fn codes_pack_paths_and_prefixes() {
        assert_eq!(pack(""), None);
        assert_eq!(pack("012"), None);
        let c = pack("1011").unwrap();
        assert_eq!(c >> CODE_BITS, 4);
        assert_eq!(prefix(c, 2), prefix(pack("10").unwrap(), 6));
        assert_ne!(prefix(c, 2), prefix(pack("11").unwrap(), 2));
        assert_eq!(prefix(c, 20), prefix(c, 4));
        assert_eq!(prefix(0, 4), 0);
        let long = "01".repeat(20);
        assert_eq!(pack(&long).unwrap() >> CODE_BITS, CODE_BITS);
    }
}
