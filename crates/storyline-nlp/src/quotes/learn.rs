//! A learned cue detector for English: an averaged perceptron that tags the words of a
//! sentence as the beginning (`B`), inside (`I`) or outside (`O`) of an attribution cue,
//! greedily from left to right.
//!
//! It finds the broad cues that a closed verb list misses — beliefs, perceptions and
//! evaluations ("were frustrated that", "likened", "shows", "his claim that") — as they are
//! annotated in PolNeAR. A second table tags, for each cue, the sentence's source and
//! content tokens ([`roles`]). Both are trained together (6 passes, 2^18 buckets) from
//! PolNeAR's training split only; eight runs, each visiting the documents in another order
//! (seeds 17 to 24), are averaged (about twenty seconds in all; +0.003 F1 overall on the dev
//! split over one run), by
//!
//! ```text
//! storyline train quotes --polnear ../shared/data/polnear --ensemble 8 --out models/quotes-en.bin
//! ```
//!
//! which prints the cue scores on the dev split (after each pass of one run, or once for the
//! average); the model is embedded in the binary. File layout (little-endian): magic `SLQCUMDL`, `u32`
//! version, then two weight tables (cues, then roles), each as `u32` bucket bits, `u32`
//! label count, `u32` row count and per row a `u32` bucket and one `f32` per label;
//! finally the `u64` [`stable_hash`](storyline_model::stable_hash) of everything before it.

use storyline_model::{stable_hash, Article, Span};

use super::lexicon::{Kind, Lexicon};
use super::text::{self, Tok};

const MAGIC: &[u8; 8] = b"SLQCUMDL";
/// The cue model format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;
/// Outside, begin, inside.
const N: usize = 3;
const O: usize = 0;
const B: usize = 1;

/// The cue model built with the binary (`models/quotes-en.bin`).
static EMBEDDED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/quotes-en.bin"
));

/// One weight table, dense: `n` weights per bucket.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    bits: u32,
    n: usize,
    w: Vec<f32>,
}

impl Table {
    fn zeros(bits: u32, n: usize) -> Table {
        Table {
            bits,
            n,
            w: vec![0.0; (1usize << bits) * n],
        }
    }

    fn row(&self, f: u64) -> usize {
        (f as usize & ((1usize << self.bits) - 1)) * self.n
    }

    /// Adds the weights of features `fs` to `s` (one score per label).
    fn add(&self, fs: &[u64], s: &mut [f32]) {
        for &f in fs {
            let r = self.row(f);
            if let Some(ws) = self.w.get(r..r + self.n) {
                for (x, y) in s.iter_mut().zip(ws) {
                    *x += y;
                }
            }
        }
    }

    fn write(&self, b: &mut Vec<u8>) {
        b.extend(self.bits.to_le_bytes());
        b.extend((self.n as u32).to_le_bytes());
        let n = self.n;
        let rows: Vec<usize> = (0..1usize << self.bits)
            .filter(|&r| self.w[r * n..r * n + n].iter().any(|&x| x != 0.0))
            .collect();
        b.extend((rows.len() as u32).to_le_bytes());
        for r in rows {
            b.extend((r as u32).to_le_bytes());
            for x in &self.w[r * n..r * n + n] {
                b.extend(x.to_le_bytes());
            }
        }
    }

    fn read(body: &[u8], o: &mut usize) -> Option<Table> {
        let u32_at = |o: usize| -> Option<u32> {
            Some(u32::from_le_bytes(body.get(o..o + 4)?.try_into().ok()?))
        };
        let bits = u32_at(*o)?;
        let n = u32_at(*o + 4)? as usize;
        if !(8..=24).contains(&bits) || !(1..=8).contains(&n) {
            return None;
        }
        let mut t = Table::zeros(bits, n);
        let rows = u32_at(*o + 8)? as usize;
        *o += 12;
        for _ in 0..rows {
            let r = u32_at(*o)? as usize;
            if r >= 1usize << bits {
                return None;
            }
            for l in 0..n {
                let at = *o + 4 + 4 * l;
                t.w[r * n + l] = f32::from_le_bytes(body.get(at..at + 4)?.try_into().ok()?);
            }
            *o += 4 + 4 * n;
        }
        Some(t)
    }
}

/// The trained detector: cue weights, and role weights that find a cue's source and
/// content (see [`roles`]).
#[derive(Debug, Clone)]
pub struct CueModel {
    cue: Table,
    role: Table,
}

/// The embedded model, loaded once; `None` when the file is missing or damaged.
pub fn embedded() -> Option<&'static CueModel> {
    static ONCE: std::sync::OnceLock<Option<CueModel>> = std::sync::OnceLock::new();
    ONCE.get_or_init(|| CueModel::from_bytes(EMBEDDED)).as_ref()
}

/// The FNV-1a hash of a string (a feature's part).
const fn hs(s: &str) -> u64 {
    storyline_model::fnv1a(storyline_model::FNV_OFFSET, s.as_bytes())
}

/// A feature: its template number and the hashes of its parts, mixed.
fn feat(tag: u8, parts: &[u64]) -> u64 {
    let mut h = 0x9e37_79b9_7f4a_7c15u64.wrapping_mul(u64::from(tag) + 1);
    for &p in parts {
        h = (h ^ p).wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 32;
    }
    h
}

fn suffix(w: &str, n: usize) -> &str {
    let k = w.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    w.get(k..).unwrap_or(w)
}

fn shape(t: &Tok) -> &'static str {
    if !t.word {
        "p"
    } else if t.lower.starts_with(|c: char| c.is_ascii_digit()) {
        "d"
    } else if t.cap {
        "C"
    } else {
        "a"
    }
}

/// Hashes of each token's word, suffixes and shape, computed once per sentence.
pub(crate) struct Words {
    pub(crate) w: Vec<u64>,
    pub(crate) s3: Vec<u64>,
    pub(crate) s2: Vec<u64>,
    pub(crate) shape: Vec<u64>,
}

/// The hash standing for a word outside the sentence.
pub(crate) const EDGE: u64 = hs("<s>");

impl Words {
    pub(crate) fn new(toks: &[Tok]) -> Words {
        Words {
            w: toks.iter().map(|t| hs(&t.lower)).collect(),
            s3: toks.iter().map(|t| hs(suffix(&t.lower, 3))).collect(),
            s2: toks.iter().map(|t| hs(suffix(&t.lower, 2))).collect(),
            shape: toks.iter().map(|t| hs(shape(t))).collect(),
        }
    }

    /// The word hash at `k`, or [`EDGE`] outside the sentence.
    pub(crate) fn at(&self, k: isize) -> u64 {
        usize::try_from(k)
            .ok()
            .and_then(|k| self.w.get(k))
            .copied()
            .unwrap_or(EDGE)
    }
}

/// Number of fixed cue features per token.
const NF: usize = 18;

/// The fixed features of every token of a sentence (the label history is added while
/// decoding). `quoted[i]` is true for tokens inside quotation marks.
fn features(toks: &[Tok], ws: &Words, quoted: &[bool], lex: &Lexicon) -> Vec<[u64; NF]> {
    let w = |k: isize| ws.at(k);
    let n = toks.len();
    let verbs: Vec<bool> = toks
        .iter()
        .map(|t| t.word && lex.is(&t.lower, Kind::Verb))
        .collect();
    (0..n)
        .map(|i| {
            let k = i as isize;
            let w0 = ws.w[i];
            let q = hs(if quoted.get(i).copied().unwrap_or(false) {
                "q"
            } else {
                "n"
            });
            let verb = hs(if verbs[i] { "v" } else { "-" });
            let prev_pron = i > 0 && toks[i - 1].word && lex.is(&toks[i - 1].lower, Kind::Pron);
            let prev_cap = i > 0 && toks[i - 1].cap;
            let left = if prev_pron {
                hs("pron")
            } else if prev_cap {
                hs("cap")
            } else if i > 0 {
                ws.shape[i - 1]
            } else {
                EDGE
            };
            let pos = hs(if i == 0 {
                "first"
            } else if i + 2 >= n {
                "end"
            } else {
                "mid"
            });
            let sh = ws.shape[i];
            [
                feat(0, &[]),
                feat(1, &[w0]),
                feat(2, &[w(k - 1)]),
                feat(3, &[w(k + 1)]),
                feat(4, &[w(k - 2)]),
                feat(5, &[w(k + 2)]),
                feat(6, &[w(k - 1), w0]),
                feat(7, &[w0, w(k + 1)]),
                feat(8, &[ws.s3[i]]),
                feat(9, &[ws.s2[i]]),
                feat(10, &[sh, q]),
                feat(11, &[verb, w(k + 1)]),
                feat(12, &[left, w0]),
                feat(13, &[left, verb]),
                feat(14, &[pos, verb, sh]),
                feat(15, &[ws.s3[i], w(k + 1)]),
                feat(16, &[q, w0]),
                feat(17, &[w(k + 1), w(k + 2)]),
            ]
        })
        .collect()
}

/// The label-history features of a token whose word hash is `w0`.
fn hist(prev: usize, w0: u64) -> [u64; 2] {
    let p = prev as u64 + 1;
    [feat(20, &[p]), feat(21, &[p, w0])]
}

impl CueModel {
    fn best(s: &[f32; N], prev: usize) -> usize {
        let mut b = O;
        for l in 1..N {
            // An inside label continues a cue only.
            if l == 2 && prev == O {
                continue;
            }
            if s[l] > s[b] {
                b = l;
            }
        }
        b
    }

    /// Labels of a sentence's tokens (0 outside, 1 begin, 2 inside).
    pub fn tag(&self, toks: &[Tok], quoted: &[bool], lex: &Lexicon) -> (Vec<u8>, Vec<f32>) {
        let ws = Words::new(toks);
        let fs = features(toks, &ws, quoted, lex);
        let mut out = Vec::with_capacity(toks.len());
        let mut margin = Vec::with_capacity(toks.len());
        let mut prev = O;
        for (i, f) in fs.iter().enumerate() {
            let mut s = [0.0f32; N];
            self.cue.add(f, &mut s);
            self.cue.add(&hist(prev, ws.w[i]), &mut s);
            let l = Self::best(&s, prev);
            out.push(l as u8);
            margin.push(s[B] - s[O]);
            prev = l;
        }
        (out, margin)
    }

    /// The cues of a sentence as token ranges `[start, end)`, each with its confidence: how
    /// far the score of its first word's begin label is above the outside label.
    pub fn cues(&self, toks: &[Tok], quoted: &[bool], lex: &Lexicon) -> Vec<((usize, usize), f32)> {
        self.cues_and_margins(toks, quoted, lex).0
    }

    /// [`CueModel::cues`], and beside them the margin of every token: how far its begin
    /// label scores above the outside label.
    pub fn cues_and_margins(
        &self,
        toks: &[Tok],
        quoted: &[bool],
        lex: &Lexicon,
    ) -> (Vec<Cue>, Vec<f32>) {
        let (labels, margin) = self.tag(toks, quoted, lex);
        let cues = runs(&labels)
            .into_iter()
            .map(|r| (r, margin.get(r.0).copied().unwrap_or(0.0)))
            .collect();
        (cues, margin)
    }

    /// The model as bytes (see the module doc for the layout).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = MAGIC.to_vec();
        b.extend(FORMAT_VERSION.to_le_bytes());
        self.cue.write(&mut b);
        self.role.write(&mut b);
        let sum = stable_hash(&[&b]);
        b.extend(sum.to_le_bytes());
        b
    }

    /// Reads a model written by [`CueModel::to_bytes`]; `None` when the bytes are not one,
    /// are of another version, or are damaged.
    pub fn from_bytes(bytes: &[u8]) -> Option<CueModel> {
        let body = bytes.get(..bytes.len().checked_sub(8)?)?;
        let sum = u64::from_le_bytes(bytes.get(body.len()..)?.try_into().ok()?);
        if body.get(..8)? != MAGIC || stable_hash(&[body]) != sum {
            return None;
        }
        let version = u32::from_le_bytes(body.get(8..12)?.try_into().ok()?);
        if version != FORMAT_VERSION {
            return None;
        }
        let mut o = 12;
        let cue = Table::read(body, &mut o)?;
        let role = Table::read(body, &mut o)?;
        (cue.n == N && role.n == roles::N && o == body.len()).then_some(CueModel { cue, role })
    }
}

/// A cue found: its token range and the margin of its first word.
pub type Cue = ((usize, usize), f32);

/// Runs of begin/inside labels as token ranges.
fn runs(labels: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        if labels[i] as usize != B {
            i += 1;
            continue;
        }
        let mut e = i + 1;
        while e < labels.len() && labels[e] == 2 {
            e += 1;
        }
        out.push((i, e));
        i = e;
    }
    out
}

/// For each token of `toks`, whether it lies inside one of the quotation spans `quoted`.
pub fn inside(toks: &[Tok], quoted: &[Span]) -> Vec<bool> {
    toks.iter()
        .map(|t| {
            quoted
                .iter()
                .any(|q| q.start <= t.span.start && t.span.end <= q.end)
        })
        .collect()
}

/// The sentences of an article as the extractor cuts them, with their tokens and
/// quotation flags.
pub fn sentences(a: &Article) -> Vec<(Vec<Tok>, Vec<bool>)> {
    let t = a.text.as_str();
    let paras = text::paragraphs(a);
    let whole: Vec<Span> = super::marks::find(t, &paras)
        .iter()
        .map(|m| Span::new(m.open, m.close))
        .collect();
    text::sentences(a, &paras, &whole)
        .into_iter()
        .map(|s| {
            let toks = text::tokens(t, s);
            let q = inside(&toks, &whole);
            (toks, q)
        })
        .collect()
}

pub mod roles;
mod train;
pub use train::{gold_labels, train, train_ensemble, TrainReport};

#[cfg(test)]
mod tests;
