//! Training the cue detector: an averaged perceptron, greedy decoding, documents shuffled
//! with a fixed seed so that a run is reproducible.

use storyline_model::{Article, Span};

use super::super::eval::Gold;
use super::super::lexicon;
use super::super::text::Tok;
use super::{features, hist, roles, runs, sentences, CueModel, Table, Words, N, O};

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

/// Per-epoch scores on the development documents: cue (exact token ranges) P, R, F1, and
/// the token accuracy of the roles on gold cues.
#[derive(Debug, Default, Clone)]
pub struct TrainReport {
    /// One line per epoch: (epoch, P, R, F1, role accuracy).
    pub epochs: Vec<(usize, f64, f64, f64, f64)>,
}

struct Learner {
    t: Table,
    total: Vec<f32>,
    stamp: Vec<u32>,
}

impl Learner {
    fn new(bits: u32, n: usize) -> Learner {
        let t = Table::zeros(bits, n);
        let size = t.w.len();
        Learner {
            t,
            total: vec![0.0; size],
            stamp: vec![0; size],
        }
    }

    fn update(&mut self, now: u32, fs: &[u64], l: usize, d: f32) {
        for &f in fs {
            let k = self.t.row(f) + l;
            let age = (now - self.stamp[k]) as f32;
            self.total[k] += age * self.t.w[k];
            self.stamp[k] = now;
            self.t.w[k] += d;
        }
    }

    fn averaged(&self, now: u32) -> Table {
        let mut t = self.t.clone();
        let n = now.max(1) as f32;
        for k in 0..t.w.len() {
            let age = (now - self.stamp[k]) as f32;
            t.w[k] = (self.total[k] + age * self.t.w[k]) / n;
        }
        t
    }
}

/// A sentence: tokens, quotation flags, gold cue labels, and each gold attribution whose
/// cue lies in it as (cue range, role labels).
struct Sent {
    toks: Vec<Tok>,
    quoted: Vec<bool>,
    cues: Vec<u8>,
    attrs: Vec<((usize, usize), Vec<u8>)>,
}

type Doc = Vec<Sent>;

fn role_labels(toks: &[Tok], cue: (usize, usize), g: &Gold) -> Vec<u8> {
    let hit = |t: &Tok, ps: &[Span]| {
        ps.iter()
            .any(|p| p.start < t.span.end && t.span.start < p.end)
    };
    let mut out = Vec::with_capacity(toks.len());
    let mut prev = 0u8;
    for (i, t) in toks.iter().enumerate() {
        let kind = if cue.0 <= i && i < cue.1 {
            0
        } else if hit(t, &g.content) {
            3
        } else if hit(t, &g.source) {
            1
        } else {
            0
        };
        let l = if kind != 0 && (prev == kind || prev == kind + 1) {
            kind + 1
        } else {
            kind
        };
        out.push(l);
        prev = l;
    }
    out
}

fn prepare(docs: &[(Article, Vec<Gold>)]) -> Vec<Doc> {
    docs.iter()
        .map(|(a, gold)| {
            let cues: Vec<Span> = gold.iter().flat_map(|g| g.cue.iter().copied()).collect();
            sentences(a)
                .into_iter()
                .map(|(toks, quoted)| {
                    let c = gold_labels(&toks, &cues);
                    let mut attrs = Vec::new();
                    for g in gold {
                        let Some(first) = g.cue.first() else { continue };
                        let on = |t: &Tok| first.start < t.span.end && t.span.start < first.end;
                        let Some(cs) = toks.iter().position(on) else {
                            continue;
                        };
                        let ce = cs + toks[cs..].iter().take_while(|t| on(t)).count();
                        attrs.push(((cs, ce), role_labels(&toks, (cs, ce), g)));
                    }
                    Sent {
                        toks,
                        quoted,
                        cues: c,
                        attrs,
                    }
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

/// Trains on `train` (articles with their gold attributions) for `epochs` passes with
/// `2^bits` feature buckets, scoring the cues of `dev` after each pass; returns the
/// averaged model of the last pass.
pub fn train(
    train: &[(Article, Vec<Gold>)],
    dev: &[(Article, Vec<Gold>)],
    epochs: usize,
    bits: u32,
    seed: u64,
) -> (CueModel, TrainReport) {
    let lex = lexicon::for_lang("en");
    let data = prepare(train);
    let dev = prepare(dev);
    let mut cue = Learner::new(bits, N);
    let mut role = Learner::new(bits, roles::N);
    let (mut now_c, mut now_r) = (0u32, 0u32);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = seed.max(1);
    let mut report = TrainReport::default();
    let mut fs = Vec::new();
    for ep in 1..=epochs {
        for i in (1..order.len()).rev() {
            let j = (xorshift(&mut rng) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &d in &order {
            for s in &data[d] {
                let toks = &s.toks;
                let ws = Words::new(toks);
                let feats = features(toks, &ws, &s.quoted, lex);
                let mut prev = O;
                for (i, f) in feats.iter().enumerate() {
                    now_c += 1;
                    let h = hist(prev, ws.w[i]);
                    let mut sc = [0.0f32; N];
                    cue.t.add(f, &mut sc);
                    cue.t.add(&h, &mut sc);
                    let p = CueModel::best(&sc, prev);
                    let g = usize::from(s.cues[i]);
                    if p != g {
                        cue.update(now_c, f, g, 1.0);
                        cue.update(now_c, &h, g, 1.0);
                        cue.update(now_c, f, p, -1.0);
                        cue.update(now_c, &h, p, -1.0);
                    }
                    prev = g;
                }
                let bt = roles::Between::new(toks);
                for (c, gold) in &s.attrs {
                    let mut prev = 0;
                    for (i, &gl) in gold.iter().enumerate() {
                        now_r += 1;
                        roles::features(&ws, &s.quoted, &bt, *c, i, &mut fs);
                        let h = roles::hist(prev, i, *c, ws.w[i]);
                        let mut sc = [0.0f32; roles::N];
                        role.t.add(&fs, &mut sc);
                        role.t.add(&h, &mut sc);
                        let p = roles::best(&sc, prev, c.0 <= i && i < c.1);
                        let g = usize::from(gl);
                        if p != g {
                            role.update(now_r, &fs, g, 1.0);
                            role.update(now_r, &h, g, 1.0);
                            role.update(now_r, &fs, p, -1.0);
                            role.update(now_r, &h, p, -1.0);
                        }
                        prev = g;
                    }
                }
            }
        }
        let m = CueModel {
            cue: cue.averaged(now_c),
            role: role.averaged(now_r),
        };
        let (p, r, f) = score(&m, &dev);
        let rt = role_score(&m, &dev);
        report.epochs.push((ep, p, r, f, rt));
    }
    let m = CueModel {
        cue: cue.averaged(now_c),
        role: role.averaged(now_r),
    };
    (m, report)
}

/// Token accuracy of the role labels on gold cues.
fn role_score(m: &CueModel, dev: &[Doc]) -> f64 {
    let (mut ok, mut n) = (0usize, 0usize);
    for doc in dev {
        for s in doc {
            let bt = roles::Between::new(&s.toks);
            let ws = Words::new(&s.toks);
            for (c, gold) in &s.attrs {
                let pred = m.role_labels(&ws, &s.quoted, &bt, *c);
                ok += pred.iter().zip(gold).filter(|(a, b)| a == b).count();
                n += gold.len();
            }
        }
    }
    if n == 0 {
        0.0
    } else {
        ok as f64 / n as f64
    }
}

fn score(m: &CueModel, dev: &[Doc]) -> (f64, f64, f64) {
    let lex = lexicon::for_lang("en");
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for doc in dev {
        for s in doc {
            let pred = m.cues(&s.toks, &s.quoted, lex);
            let g = runs(&s.cues);
            tp += pred.iter().filter(|(r, _)| g.contains(r)).count();
            np += pred.len();
            ng += g.len();
        }
    }
    crate::metrics::prf(tp, np, ng)
}

/// [`train`] `n` times, each visiting the documents in another order (seeds `seed`,
/// `seed + 1`, …), with the weights of the runs averaged; the report scores the average
/// after the last pass (one line).
pub fn train_ensemble(
    train_docs: &[(Article, Vec<Gold>)],
    dev: &[(Article, Vec<Gold>)],
    epochs: usize,
    bits: u32,
    seed: u64,
    n: usize,
) -> (CueModel, TrainReport) {
    let n = n.max(1);
    let mut sum: Option<CueModel> = None;
    for k in 0..n {
        let (m, _) = train(train_docs, &[], epochs, bits, seed + k as u64);
        match &mut sum {
            None => sum = Some(m),
            Some(s) => {
                for (a, b) in s.cue.w.iter_mut().zip(&m.cue.w) {
                    *a += b;
                }
                for (a, b) in s.role.w.iter_mut().zip(&m.role.w) {
                    *a += b;
                }
            }
        }
    }
    let mut m = sum.expect("at least one run");
    let scale = 1.0 / n as f32;
    m.cue
        .w
        .iter_mut()
        .chain(m.role.w.iter_mut())
        .for_each(|x| *x *= scale);
    let dev = prepare(dev);
    let mut report = TrainReport::default();
    if !dev.is_empty() {
        let (p, r, f) = score(&m, &dev);
        report.epochs.push((epochs, p, r, f, role_score(&m, &dev)));
    }
    (m, report)
}
