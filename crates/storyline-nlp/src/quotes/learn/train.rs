//! Training the cue detector: an averaged perceptron, greedy decoding, documents shuffled
//! with a fixed seed so that a run is reproducible.

use storyline_model::{Article, Span};

use super::super::lexicon;
use super::super::text::Tok;
use super::{features, hist, runs, sentences, CueModel, N, O};

/// Labels of `toks` from the gold cue spans `cues`: a token overlapping a cue is inside it,
/// the first of a run begins it.
pub fn gold_labels(toks: &[Tok], cues: &[Span]) -> Vec<u8> {
    let mut out = Vec::with_capacity(toks.len());
    let mut prev: Option<usize> = None;
    for t in toks {
        let k = cues
            .iter()
            .position(|c| c.start < t.span.end && t.span.start < c.end);
        out.push(match k {
            None => 0,
            Some(k) if prev == Some(k) => 2,
            Some(_) => 1,
        });
        prev = k;
    }
    out
}

/// Per-epoch cue scores on the development documents: (epoch, P, R, F1), exact token
/// ranges.
#[derive(Debug, Default, Clone)]
pub struct TrainReport {
    /// One line per epoch.
    pub epochs: Vec<(usize, f64, f64, f64)>,
}

struct Learner {
    m: CueModel,
    total: Vec<f32>,
    stamp: Vec<u32>,
    now: u32,
}

impl Learner {
    fn update(&mut self, fs: &[u64], h: &[u64; 2], l: usize, d: f32) {
        for &f in fs.iter().chain(h.iter()) {
            let k = self.m.row(f) + l;
            let age = (self.now - self.stamp[k]) as f32;
            self.total[k] += age * self.m.w[k];
            self.stamp[k] = self.now;
            self.m.w[k] += d;
        }
    }

    fn averaged(&self) -> CueModel {
        let mut m = self.m.clone();
        let t = self.now.max(1) as f32;
        for k in 0..m.w.len() {
            let age = (self.now - self.stamp[k]) as f32;
            m.w[k] = (self.total[k] + age * self.m.w[k]) / t;
        }
        m
    }
}

type Doc = Vec<(Vec<Tok>, Vec<bool>, Vec<u8>)>;

fn prepare(docs: &[(Article, Vec<Span>)]) -> Vec<Doc> {
    docs.iter()
        .map(|(a, cues)| {
            sentences(a)
                .into_iter()
                .map(|(toks, q)| {
                    let g = gold_labels(&toks, cues);
                    (toks, q, g)
                })
                .collect()
        })
        .collect()
}

fn xorshift(s: &mut u64) -> u64 {
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    *s
}

/// Trains on `train` (articles with their gold cue spans) for `epochs` passes with `2^bits`
/// feature buckets, scoring `dev` after each pass; returns the averaged model of the last
/// pass.
pub fn train(
    train: &[(Article, Vec<Span>)],
    dev: &[(Article, Vec<Span>)],
    epochs: usize,
    bits: u32,
    seed: u64,
) -> (CueModel, TrainReport) {
    let lex = lexicon::for_lang("en");
    let data = prepare(train);
    let dev = prepare(dev);
    let size = (1usize << bits) * N;
    let mut l = Learner {
        m: CueModel::zeros(bits),
        total: vec![0.0; size],
        stamp: vec![0; size],
        now: 0,
    };
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = seed.max(1);
    let mut report = TrainReport::default();
    for ep in 1..=epochs {
        for i in (1..order.len()).rev() {
            let j = (xorshift(&mut rng) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &d in &order {
            for (toks, q, gold) in &data[d] {
                let fs = features(toks, q, lex);
                let mut prev = O;
                for (i, f) in fs.iter().enumerate() {
                    l.now += 1;
                    let h = hist(prev, &toks[i].lower);
                    let p = CueModel::best(&l.m.scores(f, prev, &toks[i].lower), prev);
                    let g = usize::from(gold[i]);
                    if p != g {
                        l.update(f, &h, g, 1.0);
                        l.update(f, &h, p, -1.0);
                    }
                    // Teacher forcing: the history is the gold one.
                    prev = g;
                }
            }
        }
        let m = l.averaged();
        let (p, r, f) = score(&m, &dev);
        report.epochs.push((ep, p, r, f));
    }
    (l.averaged(), report)
}

fn score(m: &CueModel, dev: &[Doc]) -> (f64, f64, f64) {
    let lex = lexicon::for_lang("en");
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for doc in dev {
        for (toks, q, gold) in doc {
            let pred = m.cues(toks, q, lex);
            let g = runs(gold);
            tp += pred.iter().filter(|r| g.contains(r)).count();
            np += pred.len();
            ng += g.len();
        }
    }
    crate::metrics::prf(tp, np, ng)
}
