//! Left-to-right decoding with label history (a small beam), and the two-pass document scheme:
//! pass one tags every sentence; its labels for each capitalised word become features of
//! that word's other occurrences in pass two.

use super::features::{
    doc_features, flag, history, history_labels, history_word, neighbour_statics, pad,
    pair_statics, prepare, statics, word_statics, Agg, Scratch, Tok, BIAS, HISTORY, SIDES,
};
use super::hash::HashKeyed;
use super::labels::{allowed, chunks, is_open, type_of, N_LABELS, O, TRAINED_TYPES};
use super::lexicon::Lexicon;
use super::perceptron::{prefetch, Scorer, Scores};

/// Reusable buffers for tagging a document.
#[derive(Debug, Default)]
pub struct Workspace {
    pub(crate) scratch: Scratch,
    pub(crate) toks: Vec<Tok>,
    pub(crate) bounds: Vec<(usize, usize)>,
    pub(crate) labels: Vec<u8>,
    pub(crate) feats: Vec<u64>,
    /// Where each token's features end in `feats` when a document is scored at once.
    ends: Vec<usize>,
    base: Vec<Scores>,
    counts: HashKeyed<[u16; 4]>,
    /// Per word of the word cache (by [`Tok::slot`]): the scores of its own features
    /// ([`word_statics`] and the bias) and of what it gives each neighbour
    /// ([`neighbour_statics`]), kept across documents while `word_stamp` names the weights
    /// they were made with and `word_generation` the cache.
    word_rows: Vec<WordRow>,
    word_filled: Vec<bool>,
    word_generation: u64,
    /// Scores of the label-only history features ([`history_labels`]), by previous and
    /// second previous label, made with the weights `table_stamp` names.
    label_table: Vec<Scores>,
    table_stamp: u64,
    /// Each token's aggregated context ([`Agg`]; empty when not aggregating).
    pub(crate) aggs: Vec<Agg>,
    /// Leaves `aggs` empty (see [`super::Model::tag_with`]); off by default.
    pub(crate) no_aggregate: bool,
    /// Per capitalised word: its first nine positions; per token: its neighbours' words.
    occurrences: HashKeyed<[usize; 9]>,
    around: Vec<(u64, u64)>,
    word_stamp: u64,
    /// Slots of the words not yet in `word_rows`, and their features.
    fresh: Vec<usize>,
    fresh_feats: Vec<u64>,
    fresh_ends: Vec<usize>,
    fresh_scores: Vec<Scores>,
    /// Per token, the scores of its [`history_word`] features after `O` (empty when not
    /// cached).
    after_o: Vec<Scores>,
    beam: Beam,
}

/// Scores a word brings (see `Workspace::word_rows`): its own, then as each neighbour of
/// [`SIDES`], then those of its [`history_word`] features after a token outside any name
/// (the most common history, at [`AFTER_O`]).
type WordRow = [Scores; ROW];

/// Parts of a [`WordRow`].
const ROW: usize = 2 + SIDES.len();

/// Where a [`WordRow`] keeps the scores of its [`history_word`] features after `O`.
const AFTER_O: usize = ROW - 1;

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

/// Analyses every sentence of a document into `ws.toks` (flat) and `ws.bounds`; `stamp`
/// names the (frozen) model `lex` belongs to, 0 for one under training.
pub(crate) fn prepare_doc<T, S>(doc: &[T], lex: &Lexicon, stamp: u64, ws: &mut Workspace)
where
    T: AsRef<[S]>,
    S: AsRef<str>,
{
    ws.toks.clear();
    ws.bounds.clear();
    ws.scratch.begin_document(stamp);
    for sent in doc {
        prepare(sent.as_ref(), lex, stamp, &mut ws.scratch);
        let a = ws.toks.len();
        ws.toks.extend_from_slice(&ws.scratch.toks);
        ws.bounds.push((a, ws.toks.len()));
    }
    ws.labels.clear();
    ws.labels.resize(ws.toks.len(), O);
    ws.aggs.clear();
    if !ws.no_aggregate {
        aggregate_contexts(ws);
    }
}

/// Fills `ws.aggs`: each capitalised token's [`Agg`] from eight other occurrences of its word in
/// the document ("Magna" here, "Magna International said" there).
fn aggregate_contexts(ws: &mut Workspace) {
    let cap = |t: &Tok| t.flags & (flag::INIT_CAP | flag::ALL_CAPS) != 0;
    ws.occurrences.clear();
    ws.around.clear();
    ws.around.resize(ws.toks.len(), (0, 0));
    for &(a, b) in &ws.bounds {
        for i in a..b {
            let prev = if i > a { ws.toks[i - 1].lower } else { 0x5eed };
            let next = if i + 1 < b {
                ws.toks[i + 1].lower
            } else {
                0x5eed
            };
            ws.around[i] = (prev, next);
            if cap(&ws.toks[i]) && ws.toks[i].flags & flag::PUNCT == 0 {
                let e = ws
                    .occurrences
                    .entry(ws.toks[i].lower)
                    .or_insert([usize::MAX; 9]);
                if let Some(slot) = e.iter_mut().find(|s| **s == usize::MAX) {
                    *slot = i;
                }
            }
        }
    }
    for i in 0..ws.toks.len() {
        let t = &ws.toks[i];
        let mut agg = [0u64; 16];
        if cap(t) {
            if let Some(occ) = ws.occurrences.get(&t.lower) {
                let others = occ.iter().filter(|&&j| j != usize::MAX && j != i).take(8);
                for (k, &j) in others.enumerate() {
                    let (p, n) = ws.around[j];
                    agg[2 * k] = p;
                    agg[2 * k + 1] = n;
                }
            }
        }
        ws.aggs.push(agg);
    }
}

/// Scores token `i` of `toks` given the history and returns the best allowed label;
/// `feats` holds the features used.
#[inline]
pub(crate) fn step<Sc: Scorer>(
    sc: &Sc,
    toks: &[Tok],
    aggs: &[Agg],
    i: usize,
    prev: u8,
    prev2: u8,
    feats: &mut Vec<u64>,
) -> u8 {
    feats.clear();
    statics(toks, aggs, i, feats);
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
        let l = step(sc, toks, &[], i, p1, p2, feats);
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
    ws.feats.clear();
    ws.ends.clear();
    ws.after_o.clear();
    let stamp = sc.stamp();
    if stamp != 0 && ws.toks.iter().all(|t| t.slot != 0) {
        cached_base(sc, ws, stamp);
    } else {
        push_token_sets(ws, statics);
        sc.score_many(&ws.feats, &ws.ends, &mut ws.base);
    }
    if stamp == 0 || stamp != ws.table_stamp || ws.label_table.is_empty() {
        ws.label_table = label_table(sc);
        ws.table_stamp = stamp;
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
            let out = ws.labels.get_mut(a..b).unwrap_or(&mut []);
            let after_o = ws.after_o.get(a..b).unwrap_or(&[]);
            let history = History {
                table: &ws.label_table,
                after_o,
            };
            beam_search(sc, toks, base, &history, &mut ws.beam, out);
        }
    }
}

/// Fills `ws.base` with frozen weights (`stamp`) from the per-word rows, scoring only the
/// words not seen before and, per token, the features that join it with its neighbours.
fn cached_base<Sc: Scorer>(sc: &Sc, ws: &mut Workspace, stamp: u64) {
    if stamp != ws.word_stamp || ws.scratch.generation() != ws.word_generation {
        ws.word_rows.clear();
        ws.word_filled.clear();
        ws.word_stamp = stamp;
        ws.word_generation = ws.scratch.generation();
    }
    // The rows of new words.
    ws.fresh.clear();
    ws.fresh_feats.clear();
    ws.fresh_ends.clear();
    for t in &ws.toks {
        let k = t.slot as usize - 1;
        if k >= ws.word_filled.len() {
            ws.word_filled.resize(k + 1, false);
            ws.word_rows.resize(k + 1, [[0.0; N_LABELS]; ROW]);
        }
        if ws.word_filled[k] {
            continue;
        }
        ws.word_filled[k] = true;
        ws.fresh.push(k);
        push_word_sets(t, &mut ws.fresh_feats, &mut ws.fresh_ends);
    }
    // The padding outside the sentence, as a neighbour.
    let pad_at = ws.fresh_ends.len();
    push_word_sets(pad(), &mut ws.fresh_feats, &mut ws.fresh_ends);
    ws.fresh_scores.clear();
    sc.score_many(&ws.fresh_feats, &ws.fresh_ends, &mut ws.fresh_scores);
    let width = ROW;
    for (n, &k) in ws.fresh.iter().enumerate() {
        for (part, s) in ws.word_rows[k]
            .iter_mut()
            .zip(ws.fresh_scores.iter().skip(n * width))
        {
            *part = *s;
        }
    }
    let mut pad_row: WordRow = [[0.0; N_LABELS]; ROW];
    for (part, s) in pad_row.iter_mut().zip(&ws.fresh_scores[pad_at..]) {
        *part = *s;
    }
    // The features joining each token with its neighbours.
    push_token_sets(ws, pair_statics);
    sc.score_many(&ws.feats, &ws.ends, &mut ws.base);
    for &(a, b) in &ws.bounds {
        let (Some(toks), Some(base)) = (ws.toks.get(a..b), ws.base.get_mut(a..b)) else {
            continue;
        };
        for (i, (t, out)) in toks.iter().zip(base.iter_mut()).enumerate() {
            if let Some(ahead) = toks.get(i + 4) {
                let row = &ws.word_rows[ahead.slot as usize - 1];
                for part in row {
                    prefetch(Some(part));
                    prefetch(part.get(N_LABELS - 1));
                }
            }
            let own = &ws.word_rows[t.slot as usize - 1];
            add(out, &own[0]);
            ws.after_o.push(own[AFTER_O]);
            for (side, &j) in SIDES.iter().enumerate() {
                let row = usize::try_from(i as isize + j)
                    .ok()
                    .and_then(|k| toks.get(k))
                    .map_or(&pad_row, |n| &ws.word_rows[n.slot as usize - 1]);
                add(out, &row[1 + side]);
            }
        }
    }
}

/// Pushes one feature set per token of the document onto `ws.feats` (ending at `ws.ends`),
/// written by `write` from the token's sentence.
fn push_token_sets(ws: &mut Workspace, write: fn(&[Tok], &[Agg], usize, &mut Vec<u64>)) {
    for &(a, b) in &ws.bounds {
        let toks = ws.toks.get(a..b).unwrap_or(&[]);
        let aggs = ws.aggs.get(a..b).unwrap_or(&[]);
        for i in 0..toks.len() {
            write(toks, aggs, i, &mut ws.feats);
            ws.ends.push(ws.feats.len());
        }
    }
}

/// Pushes the feature sets of a [`WordRow`] for token `t`: its own features with the bias,
/// then what it gives each neighbour.
fn push_word_sets(t: &Tok, feats: &mut Vec<u64>, ends: &mut Vec<usize>) {
    word_statics(t, feats);
    feats.push(BIAS);
    ends.push(feats.len());
    for side in 0..SIDES.len() {
        neighbour_statics(t, side, feats);
        ends.push(feats.len());
    }
    feats.extend_from_slice(&history_word(t, O));
    ends.push(feats.len());
}

/// What [`beam_search`] knows of the history features' scores before it sees a hypothesis.
pub(crate) struct History<'a> {
    /// [`label_table`].
    pub table: &'a [Scores],
    /// Per token, the scores of its [`history_word`] features after `O` (or nothing).
    pub after_o: &'a [Scores],
}

/// The scores of the label-only history features for every pair of previous labels (the
/// previous one first).
pub(crate) fn label_table<Sc: Scorer>(sc: &Sc) -> Vec<Scores> {
    let mut table = vec![[0.0; N_LABELS]; N_LABELS * N_LABELS];
    for (k, s) in table.iter_mut().enumerate() {
        sc.score(
            &history_labels((k / N_LABELS) as u8, (k % N_LABELS) as u8),
            s,
        );
    }
    table
}

/// Hypotheses kept per token by [`beam_search`]: on the held-out tenth of the training
/// documents two did as well as four (F1 83.37 against 83.33; one, greedy, 82.90) and tag
/// about 8% faster.
const BEAM: usize = 2;

/// The scores of a token, over the root mean square of the model's weights, are multiplied
/// by this before they are normalised (a scale-free temperature): chosen on a tenth of the
/// training documents held out (beam 4: +0.43 F1 there over greedy decoding; a flat
/// distribution at a tenth of it favours opening names, whose continuations have fewer
/// allowed labels).
const TEMPERATURE: f32 = 0.2;

/// Hypotheses more than this far (in log-probability) below the best are dropped.
const PRUNE: f32 = 4.0;

/// Buffers of [`beam_search`].
#[derive(Debug, Default)]
pub(crate) struct Beam {
    /// Per token, the kept hypotheses: (score, label, previous label, index of the
    /// hypothesis it extends in the previous token's row).
    rows: Vec<Vec<(f32, u8, u8, u16)>>,
    cand: Vec<(f32, u8, u8, u16)>,
}

/// Tags one sentence with a beam of [`BEAM`] label histories: the path with the highest
/// summed log-probability (each token's scores over the labels allowed after the
/// hypothesis, through a softmax) among those kept, every name closed at the end.
/// Hypotheses with the same last two labels are merged (the features see no further
/// back), so a name opened by mistake ("Chicago" as the start of an organisation before "Cardinal Joseph Bernardin")
/// can still be closed where a greedy decoder would have to carry it on.
pub(crate) fn beam_search<Sc: Scorer>(
    sc: &Sc,
    toks: &[Tok],
    base: &[Scores],
    history: &History,
    beam: &mut Beam,
    out: &mut [u8],
) {
    let n = toks.len().min(base.len()).min(out.len());
    if beam.rows.len() < n {
        beam.rows.resize_with(n, Vec::new);
    }
    let temp = TEMPERATURE / sc.weight_rms().max(f32::MIN_POSITIVE);
    for i in 0..n {
        beam.cand.clear();
        let mut best_total = f32::NEG_INFINITY;
        let end = i + 1 == n;
        let prev_len = if i == 0 { 1 } else { beam.rows[i - 1].len() };
        for k in 0..prev_len {
            let (score, p1, p2) = if i == 0 {
                (0.0, O, O)
            } else {
                let (s, l, p, _) = beam.rows[i - 1][k];
                (s, l, p)
            };
            let mut s = base[i];
            if let Some(t) = history
                .table
                .get(usize::from(p1) * N_LABELS + usize::from(p2))
            {
                add(&mut s, t);
            }
            match history.after_o.get(i) {
                Some(h) if p1 == O => add(&mut s, h),
                _ => sc.score(&history_word(&toks[i], p1), &mut s),
            }
            // Log-softmax over the allowed labels; labels far below the best are left out
            // of the sum (each under e^-PRUNE of it) and of the beam.
            let mut top = f32::NEG_INFINITY;
            let mut ok = [false; N_LABELS];
            for (l, &v) in s.iter().enumerate() {
                ok[l] = allowed(p1, l as u8) && !(end && is_open(l as u8));
                if ok[l] && v > top {
                    top = v;
                }
            }
            let floor = top - PRUNE / temp;
            let in_reach = |l: usize| ok[l] && s[l] > floor;
            // One clear winner (the common case): its log-probability is taken as 0.
            let lz = if (0..N_LABELS).filter(|&l| in_reach(l)).count() > 1 {
                let z: f32 = (0..N_LABELS)
                    .filter(|&l| in_reach(l))
                    .map(|l| ((s[l] - top) * temp).exp())
                    .sum();
                z.ln()
            } else {
                0.0
            };
            for (l, &v) in s.iter().enumerate() {
                if !in_reach(l) {
                    continue;
                }
                let l = l as u8;
                let total = score + (v - top) * temp - lz;
                if total < best_total - PRUNE {
                    continue;
                }
                best_total = best_total.max(total);
                // Merge with a candidate of the same state.
                match beam.cand.iter_mut().find(|c| c.1 == l && c.2 == p1) {
                    Some(c) if c.0 >= total => {}
                    Some(c) => *c = (total, l, p1, k as u16),
                    None => beam.cand.push((total, l, p1, k as u16)),
                }
            }
        }
        if beam.cand.len() > 1 {
            beam.cand.retain(|c| c.0 >= best_total - PRUNE);
        }
        beam.cand.sort_unstable_by(|x, y| y.0.total_cmp(&x.0));
        beam.cand.truncate(BEAM);
        let row = &mut beam.rows[i];
        row.clear();
        row.extend_from_slice(&beam.cand);
    }
    if n == 0 {
        return;
    }
    let mut k = 0usize;
    for i in (0..n).rev() {
        let Some(&(_, l, _, back)) = beam.rows[i].get(k) else {
            out[i] = O;
            continue;
        };
        out[i] = l;
        k = usize::from(back);
    }
}

#[inline]
fn add(to: &mut Scores, s: &Scores) {
    for (x, y) in to.iter_mut().zip(s) {
        *x += y;
    }
}

/// Clears the document codes of every token (pass-one state).
pub(crate) fn clear_doc_codes(toks: &mut [Tok]) {
    for t in toks {
        t.doc = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::labels::{begin, inside, unit};

    /// Scores come from `base` alone.
    struct Flat;
    impl Scorer for Flat {
        fn score(&self, _: &[u64], _: &mut Scores) {}
    }

    /// The per-word rows, the label table and the cached history after `O` add up to what
    /// the features themselves score, for words seen for the first time and words met
    /// again in a later document (in other neighbourhoods), and tag as the features do.
    #[test]
    fn cached_scores_are_the_scores_of_the_features() {
        let tagger = crate::ner::Tagger::embedded().unwrap();
        let model = tagger.model();
        let w = &model.weights;
        assert_ne!(w.stamp(), 0, "the embedded model is packed");
        let docs: [Vec<Vec<&str>>; 3] = [
            vec![
                "President Volodymyr Zelensky met NATO chief Mark Rutte in Kyiv ."
                    .split(' ')
                    .collect(),
                "Zelensky said Kyiv needed air defence , Rutte said ."
                    .split(' ')
                    .collect(),
            ],
            vec![
                "KYIV , Ukraine ( Reuters ) - Rutte arrived on Friday ."
                    .split(' ')
                    .collect(),
                "Kyiv".split(' ').collect(),
            ],
            vec!["Mark Rutte and Zelensky met in Brussels , Belgium ."
                .split(' ')
                .collect()],
        ];
        let mut ws = Workspace::default();
        for doc in docs.iter().chain(&docs) {
            model.tag_into(doc, &mut ws);
            let mut feats = Vec::new();
            for &(a, b) in &ws.bounds {
                let toks = &ws.toks[a..b];
                let aggs = ws.aggs.get(a..b).unwrap_or(&[]);
                for i in 0..toks.len() {
                    feats.clear();
                    statics(toks, aggs, i, &mut feats);
                    doc_features(&toks[i], &mut feats);
                    let mut want = [0.0; N_LABELS];
                    w.score(&feats, &mut want);
                    for (x, y) in want.iter().zip(&ws.base[a + i]) {
                        assert!(
                            (x - y).abs() <= 1e-3 * (1.0 + x.abs()),
                            "{want:?} {:?}",
                            ws.base[a + i]
                        );
                    }
                    for p1 in 0..N_LABELS as u8 {
                        for p2 in [O, p1] {
                            let mut h = [0u64; HISTORY];
                            history(&toks[i], p1, p2, &mut h);
                            let mut want = [0.0; N_LABELS];
                            w.score(&h, &mut want);
                            let mut got =
                                ws.label_table[usize::from(p1) * N_LABELS + usize::from(p2)];
                            if p1 == O {
                                add(&mut got, &ws.after_o[a + i]);
                            } else {
                                w.score(&history_word(&toks[i], p1), &mut got);
                            }
                            for (x, y) in want.iter().zip(&got) {
                                assert!((x - y).abs() <= 1e-3 * (1.0 + x.abs()));
                            }
                        }
                    }
                }
            }
        }
        // The same document tags the same with a fresh workspace (nothing cached).
        let mut fresh = Workspace::default();
        model.tag_into(&docs[1], &mut fresh);
        model.tag_into(&docs[1], &mut ws);
        assert_eq!(fresh.labels, ws.labels);
        assert!(ws.labels.iter().any(|&l| l != O));
    }

    #[test]
    fn the_beam_closes_a_name_greedy_decoding_would_open() {
        let mut s = Scratch::default();
        prepare(
            &["Chicago", "archdiocese", "said"],
            &Lexicon::default(),
            0,
            &mut s,
        );
        // "Chicago" is barely more an organisation's first word than a place; after it,
        // the organisation's continuations are both unlikely, while after the place the
        // next word is clearly outside any name.
        let mut first: Scores = [0.0; N_LABELS];
        first[usize::from(begin(1))] = 10.1;
        first[usize::from(unit(2))] = 10.0;
        let mut second: Scores = [0.0; N_LABELS];
        second[usize::from(O)] = 30.0;
        let base = [first, second, second];
        // Greedy: the best label each time, allowed after the one before.
        let g0 = best(&base[0], O);
        let g1 = best(&base[1], g0);
        assert_eq!((g0, g1), (begin(1), inside(1)));
        let mut out = [0u8; 3];
        let table = label_table(&Flat);
        let history = History {
            table: &table,
            after_o: &[],
        };
        beam_search(
            &Flat,
            &s.toks,
            &base,
            &history,
            &mut Beam::default(),
            &mut out,
        );
        assert_eq!(out, [unit(2), O, O]);
        // A one-word sentence never ends inside a name.
        let mut out = [0u8; 1];
        beam_search(
            &Flat,
            &s.toks[..1],
            &base[..1],
            &history,
            &mut Beam::default(),
            &mut out,
        );
        assert_eq!(out, [unit(2)]);
    }
}
