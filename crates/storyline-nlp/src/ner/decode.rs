//! Greedy left-to-right decoding with label history, and the two-pass document scheme:
//! pass one tags every sentence; its labels for each capitalised word become features of
//! that word's other occurrences in pass two.

use super::features::{doc_features, flag, history, prepare, statics, Scratch, Tok, HISTORY};
use super::hash::HashKeyed;
use super::labels::{allowed, chunks, type_of, N_LABELS, O, TRAINED_TYPES};
use super::lexicon::Lexicon;
use super::perceptron::{Scorer, Scores};

/// Reusable buffers for tagging a document.
#[derive(Debug, Default)]
pub struct Workspace {
    pub(crate) scratch: Scratch,
    pub(crate) toks: Vec<Tok>,
    pub(crate) bounds: Vec<(usize, usize)>,
    pub(crate) labels: Vec<u8>,
    pub(crate) feats: Vec<u64>,
    base: Vec<Scores>,
    counts: HashKeyed<[u16; 4]>,
}

impl Workspace {
    /// The labels of sentence `i` after tagging.
    pub fn sentence_labels(&self, i: usize) -> &[u8] {
        self.bounds
            .get(i)
            .and_then(|&(a, b)| self.labels.get(a..b))
            .unwrap_or(&[])
    }

    /// Number of sentences in the last document.
    pub fn sentences(&self) -> usize {
        self.bounds.len()
    }
}

/// Analyses every sentence of a document into `ws.toks` (flat) and `ws.bounds`.
pub(crate) fn prepare_doc<T, S>(doc: &[T], lex: &Lexicon, ws: &mut Workspace)
where
    T: AsRef<[S]>,
    S: AsRef<str>,
{
    ws.toks.clear();
    ws.bounds.clear();
    for sent in doc {
        prepare(sent.as_ref(), lex, &mut ws.scratch);
        let a = ws.toks.len();
        ws.toks.extend_from_slice(&ws.scratch.toks);
        ws.bounds.push((a, ws.toks.len()));
    }
    ws.labels.clear();
    ws.labels.resize(ws.toks.len(), O);
}

/// Scores token `i` of `toks` given the history and returns the best allowed label;
/// `feats` holds the features used.
#[inline]
pub(crate) fn step<Sc: Scorer>(
    sc: &Sc,
    toks: &[Tok],
    i: usize,
    prev: u8,
    prev2: u8,
    feats: &mut Vec<u64>,
) -> u8 {
    feats.clear();
    statics(toks, i, feats);
    if let Some(t) = toks.get(i) {
        doc_features(t, feats);
    }
    let mut h = [0u64; HISTORY];
    if let Some(t) = toks.get(i) {
        history(t, prev, prev2, &mut h);
    }
    feats.extend_from_slice(&h);
    let mut s: Scores = [0.0; N_LABELS];
    sc.score(feats, &mut s);
    best(&s, prev)
}

/// The highest-scoring label allowed after `prev`.
#[inline]
pub(crate) fn best(s: &Scores, prev: u8) -> u8 {
    let mut arg = O;
    let mut top = f32::NEG_INFINITY;
    for (l, &v) in s.iter().enumerate() {
        let l = l as u8;
        if v > top && allowed(prev, l) {
            top = v;
            arg = l;
        }
    }
    arg
}

/// Tags one sentence greedily into `labels`, without document evidence.
#[cfg(test)]
pub(crate) fn greedy<Sc: Scorer>(sc: &Sc, toks: &[Tok], feats: &mut Vec<u64>, labels: &mut [u8]) {
    let (mut p1, mut p2) = (O, O);
    for i in 0..toks.len().min(labels.len()) {
        let l = step(sc, toks, i, p1, p2, feats);
        labels[i] = l;
        p2 = p1;
        p1 = l;
    }
}

/// Sets each token's document code from the labels of the same word's other occurrences:
/// which types they had, the most frequent one and how often (capped), and the types of the
/// longer names (two tokens or more) the word is part of elsewhere ("Magna" after "Magna
/// International").
pub(crate) fn set_doc_codes(toks: &mut [Tok], labels: &[u8], counts: &mut HashKeyed<[u16; 4]>) {
    counts.clear();
    let cap = |t: &Tok| t.flags & (flag::INIT_CAP | flag::ALL_CAPS) != 0;
    for (t, &l) in toks.iter().zip(labels) {
        if let (true, Some(ty)) = (cap(t), type_of(l)) {
            let c = counts.entry(t.lower).or_default();
            c[ty] = c[ty].saturating_add(1);
        }
    }
    // Bit 12 + type: part of a longer name of that type (kept in the high bits of the
    // same map entry's key space by a salted hash).
    for c in chunks(labels) {
        if c.end - c.start < 2 {
            continue;
        }
        for t in toks.get(c.start..c.end).unwrap_or(&[]) {
            if cap(t) {
                let e = counts.entry(t.lower ^ LONGER).or_default();
                e[c.ty] = 1;
            }
        }
    }
    for (i, t) in toks.iter_mut().enumerate() {
        let mut code = 0u32;
        if cap(t) {
            if let Some(mut c) = counts.get(&t.lower).copied() {
                if let Some(ty) = labels.get(i).copied().and_then(type_of) {
                    c[ty] -= 1;
                }
                let (mut top, mut arg) = (0u16, TRAINED_TYPES.len());
                for (ty, &n) in c.iter().enumerate() {
                    if n > 0 {
                        code |= 1 << ty;
                    }
                    if n > top {
                        top = n;
                        arg = ty;
                    }
                }
                if code != 0 {
                    code |= (arg as u32 + 1) << 4 | u32::from(top.min(3)) << 8;
                }
            }
            if let Some(c) = counts.get(&(t.lower ^ LONGER)) {
                for (ty, &n) in c.iter().enumerate() {
                    if n > 0 {
                        code |= 1 << (12 + ty);
                    }
                }
            }
        }
        t.doc = code;
    }
}

/// Salt of the "part of a longer name" entries in the document counts.
const LONGER: u64 = 0x9e37_79b9_7f4a_7c15;

/// Tags a prepared document in two passes. The history-free part of each token's score
/// is computed once; pass two adds the document features and re-tags only the sentences
/// where some token has document evidence (elsewhere it would repeat pass one exactly).
pub(crate) fn tag_prepared<Sc: Scorer>(sc: &Sc, ws: &mut Workspace) {
    ws.base.clear();
    for &(a, b) in &ws.bounds {
        let toks = ws.toks.get(a..b).unwrap_or(&[]);
        for i in 0..toks.len() {
            ws.feats.clear();
            statics(toks, i, &mut ws.feats);
            let mut s: Scores = [0.0; N_LABELS];
            sc.score(&ws.feats, &mut s);
            ws.base.push(s);
        }
    }
    for pass in 0..2 {
        if pass == 1 {
            set_doc_codes(&mut ws.toks, &ws.labels, &mut ws.counts);
            for (t, base) in ws.toks.iter().zip(ws.base.iter_mut()) {
                if t.doc != 0 {
                    ws.feats.clear();
                    doc_features(t, &mut ws.feats);
                    sc.score(&ws.feats, base);
                }
            }
        }
        for &(a, b) in &ws.bounds {
            let (Some(toks), Some(base)) = (ws.toks.get(a..b), ws.base.get(a..b)) else {
                continue;
            };
            if pass == 1 && toks.iter().all(|t| t.doc == 0) {
                continue;
            }
            let (mut p1, mut p2) = (O, O);
            for (i, (t, base)) in toks.iter().zip(base).enumerate() {
                let mut h = [0u64; HISTORY];
                history(t, p1, p2, &mut h);
                let mut s = *base;
                sc.score(&h, &mut s);
                let l = best(&s, p1);
                if let Some(x) = ws.labels.get_mut(a + i) {
                    *x = l;
                }
                p2 = p1;
                p1 = l;
            }
        }
    }
}

/// Clears the document codes of every token (pass-one state).
pub(crate) fn clear_doc_codes(toks: &mut [Tok]) {
    for t in toks {
        t.doc = 0;
    }
}
