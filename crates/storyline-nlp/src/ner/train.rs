//! Training: the averaged perceptron over documents, both passes of the document scheme
//! learned together, with a fixed seed so that a run is reproducible.

use super::conll::{Document, Scores};
use super::decode::{clear_doc_codes, prepare_doc, set_doc_codes, step, Workspace};
use super::hash::HashKeyed;
use super::labels::O;
use super::lexicon::Lexicon;
use super::model::Model;
use super::perceptron::{Learner, Weights};

/// How to train.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Passes over the training data.
    pub epochs: usize,
    /// Feature buckets: `2^bits`.
    pub bits: u32,
    /// Seed of the document shuffle and of word dropout.
    pub seed: u64,
    /// Share of training tokens whose word identity is hidden in an epoch.
    pub dropout: f32,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 12,
            bits: 18,
            seed: 17,
            dropout: 0.0,
        }
    }
}

/// What a training run produced.
#[derive(Debug)]
pub struct Trained {
    /// The model of the best epoch (by dev F1; the last epoch without dev data).
    pub model: Model,
    /// That epoch, 1-based.
    pub epoch: usize,
    /// Its dev F1 (percent), if dev data was given.
    pub dev_f1: Option<f64>,
}

fn xorshift(s: &mut u64) -> u64 {
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    *s
}

/// Trains one sentence range of `ws` greedily, updating on every wrong label.
fn learn_sentence(l: &mut Learner, ws: &mut Workspace, a: usize, b: usize, gold: &[u8]) {
    let (mut p1, mut p2) = (O, O);
    for i in a..b {
        let toks = &ws.toks[a..b];
        let aggs = ws.aggs.get(a..b).unwrap_or(&[]);
        let pred = step(&*l, toks, aggs, i - a, p1, p2, &mut ws.feats);
        let g = gold.get(i - a).copied().unwrap_or(O);
        if pred != g {
            l.update(&ws.feats, g, 1.0);
            l.update(&ws.feats, pred, -1.0);
        }
        l.c += 1.0;
        ws.labels[i] = pred;
        p2 = p1;
        p1 = pred;
    }
}

/// Scores `weights` on `docs` (percent).
pub fn evaluate(model: &Model, docs: &[Document]) -> Scores {
    let mut ws = Workspace::default();
    let mut s = Scores::default();
    for d in docs {
        model.tag_into(&d.words(), &mut ws);
        for (i, sent) in d.sentences.iter().enumerate() {
            s.add(&sent.labels, ws.sentence_labels(i));
        }
    }
    s
}

/// Trains a model; `log` receives one line per epoch.
pub fn train(
    docs: &[Document],
    dev: Option<&[Document]>,
    lex: Lexicon,
    cfg: &TrainConfig,
    log: &mut dyn FnMut(&str),
) -> Trained {
    let mut learner = Learner::new(cfg.bits);
    let mut ws = Workspace::default();
    let mut counts: HashKeyed<[u16; 4]> = HashKeyed::default();
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut rng = cfg.seed | 1;
    let mut model = Model {
        weights: Weights::zeros(cfg.bits.min(8)),
        lex,
    };
    let mut best: Option<(Weights, usize, Option<f64>)> = None;
    for epoch in 1..=cfg.epochs.max(1) {
        for i in (1..order.len()).rev() {
            order.swap(i, (xorshift(&mut rng) % (i as u64 + 1)) as usize);
        }
        for &di in &order {
            let d = &docs[di];
            prepare_doc(&d.words(), &model.lex, 0, &mut ws);
            // Word dropout: now and then hide a token's identity so that the model also
            // learns from its shape, context and lexicon, as it must for unseen words.
            if cfg.dropout > 0.0 {
                for t in &mut ws.toks {
                    if (xorshift(&mut rng) % 10_000) as f32 / 10_000.0 < cfg.dropout {
                        t.word = 0xd0d0;
                        t.lower = 0xd0d0;
                        t.pre[2..].fill(0xd0d0);
                        t.suf[2..].fill(0xd0d0);
                    }
                }
            }
            for pass in 0..2 {
                if pass == 1 {
                    set_doc_codes(&mut ws.toks, &ws.labels, &mut counts);
                } else {
                    clear_doc_codes(&mut ws.toks);
                }
                let bounds = std::mem::take(&mut ws.bounds);
                for (&(a, b), s) in bounds.iter().zip(&d.sentences) {
                    learn_sentence(&mut learner, &mut ws, a, b, &s.labels);
                }
                ws.bounds = bounds;
            }
        }
        model.weights = learner.averaged();
        let f1 = dev.map(|dv| evaluate(&model, dv).overall().2);
        match f1 {
            Some(f) => log(&format!("epoch {epoch:>2}: dev F1 {f:.2}")),
            None => log(&format!("epoch {epoch:>2} done")),
        }
        let better = match (&best, f1) {
            (None, _) | (_, None) => true,
            (Some((_, _, Some(b))), Some(f)) => f > *b,
            _ => false,
        };
        if better {
            best = Some((model.weights.clone(), epoch, f1));
        }
    }
    if let Some((w, epoch, dev_f1)) = best {
        model.weights = w;
        return Trained {
            model,
            epoch,
            dev_f1,
        };
    }
    Trained {
        model,
        epoch: 0,
        dev_f1: None,
    }
}

/// Trains `members` models for `cfg.epochs` epochs each, the documents shuffled by a
/// different seed for each (`cfg.seed`, `cfg.seed + 2`, …), and averages their weights:
/// the mean cancels some of the noise of the visiting order, and tags as fast as one model.
pub fn train_ensemble(
    docs: &[Document],
    lex: Lexicon,
    cfg: &TrainConfig,
    members: usize,
    log: &mut dyn FnMut(&str),
) -> Model {
    let mut all = Vec::new();
    let mut model = None;
    for m in 0..members.max(1) {
        let c = TrainConfig {
            seed: cfg.seed.wrapping_add(2 * m as u64),
            ..cfg.clone()
        };
        log(&format!("member {} of {}", m + 1, members.max(1)));
        let t = train(docs, None, lex.clone(), &c, log);
        all.push(t.model.weights.clone());
        model = Some(t.model);
    }
    let mut model = model.unwrap_or(Model {
        weights: Weights::zeros(cfg.bits.min(8)),
        lex,
    });
    if let Some(w) = Weights::mean(&all) {
        model.weights = w;
    }
    model
}

/// Tags one sentence with the averaged weights and no document evidence (for tests).
#[cfg(test)]
pub(crate) fn tag_sentence(model: &Model, words: &[&str]) -> Vec<u8> {
    let mut ws = Workspace::default();
    prepare_doc(&[words], &model.lex, 0, &mut ws);
    let mut labels = vec![O; words.len()];
    super::decode::greedy(&model.weights, &ws.toks, &mut ws.feats, &mut labels);
    labels
}
