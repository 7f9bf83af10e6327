//! The model file: a versioned header, the averaged weights stored sparsely (only
//! buckets with a non-zero weight), the word classes, the gazetteers, the word clusters,
//! and a checksum.
//!
//! Layout (little-endian): magic `SLNERMDL`, `u32` version, `u32` bucket bits,
//! `u32` label count; `u32` row count, then per row `u32` bucket, `u32`
//! label mask and one `f32` per set bit (quantised to `i16` on loading, see
//! [`Weights::pack`]); `u32` word count, then `u64` key + `u8` class;
//! `u32` gazetteer count, then `u64` key + `u8` categories; `u32` cluster count, then
//! `u64` key + `u32` packed Brown cluster path (version 2 on); finally the `u64`
//! [`stable_hash`](storyline_model::stable_hash) of everything before it.

use std::fmt;

use super::decode::{prepare_doc, tag_prepared, Workspace};
use super::labels::N_LABELS;
use super::lexicon::Lexicon;
use super::perceptron::{Scorer, Weights};

const MAGIC: &[u8; 8] = b"SLNERMDL";
/// The model format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 3;

/// Why a model could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// The bytes are not a storyline entity model.
    NotAModel,
    /// A model of another format version.
    Version(u32),
    /// Truncated or damaged.
    Corrupt(&'static str),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::NotAModel => write!(f, "not a storyline entity model (bad magic bytes)"),
            ModelError::Version(v) => write!(
                f,
                "entity model format version {v}, this build reads version {FORMAT_VERSION}: retrain it with `storyline train ner`"
            ),
            ModelError::Corrupt(what) => write!(f, "entity model is damaged: {what}"),
        }
    }
}

impl std::error::Error for ModelError {}

/// A trained entity model: weights and lexicon.
#[derive(Debug, Clone)]
pub struct Model {
    pub(crate) weights: Weights,
    pub(crate) lex: Lexicon,
}

impl Model {
    /// Tags a document given as sentences of tokens; the labels are left in `ws`
    /// (read them with [`Workspace::sentence_labels`]).
    pub fn tag_into<T, S>(&self, doc: &[T], ws: &mut Workspace)
    where
        T: AsRef<[S]>,
        S: AsRef<str>,
    {
        prepare_doc(doc, &self.lex, self.weights.stamp(), ws);
        tag_prepared(&self.weights, ws);
    }

    /// Tags a document and returns one label sequence per sentence.
    pub fn tag<T, S>(&self, doc: &[T]) -> Vec<Vec<u8>>
    where
        T: AsRef<[S]>,
        S: AsRef<str>,
    {
        self.tag_with(doc, true)
    }

    /// [`Model::tag`], with the contexts of a capitalised word's other occurrences as
    /// evidence or not (`aggregate`): not in a language that capitalises every noun, where
    /// a repeated capitalised word is no sign of a name.
    pub fn tag_with<T, S>(&self, doc: &[T], aggregate: bool) -> Vec<Vec<u8>>
    where
        T: AsRef<[S]>,
        S: AsRef<str>,
    {
        // One workspace per thread, so that its word caches carry over between documents.
        thread_local! {
            static WS: std::cell::RefCell<Workspace> = std::cell::RefCell::new(Workspace::default());
        }
        let run = |ws: &mut Workspace| {
            ws.no_aggregate = !aggregate;
            self.tag_into(doc, ws);
            ws.no_aggregate = false;
            (0..ws.sentences())
                .map(|i| ws.sentence_labels(i).to_vec())
                .collect()
        };
        WS.with(|cell| match cell.try_borrow_mut() {
            Ok(mut ws) => run(&mut ws),
            Err(_) => run(&mut Workspace::default()),
        })
    }

    /// Serialises the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        b.extend_from_slice(&self.weights.bits.to_le_bytes());
        b.extend_from_slice(&(N_LABELS as u32).to_le_bytes());
        let rows: Vec<(usize, &[f32])> = self.weights.iter_rows().collect();
        b.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (i, row) in rows {
            b.extend_from_slice(&(i as u32).to_le_bytes());
            let mask = row
                .iter()
                .enumerate()
                .filter(|(_, &x)| x != 0.0)
                .fold(0u32, |m, (l, _)| m | 1 << l);
            b.extend_from_slice(&mask.to_le_bytes());
            for &x in row.iter().filter(|&&x| x != 0.0) {
                b.extend_from_slice(&x.to_le_bytes());
            }
        }
        for map in [&self.lex.words, &self.lex.gaz] {
            let mut entries: Vec<(u64, u8)> = map.iter().map(|(&k, &v)| (k, v)).collect();
            entries.sort_unstable();
            b.extend_from_slice(&(entries.len() as u32).to_le_bytes());
            for (k, v) in entries {
                b.extend_from_slice(&k.to_le_bytes());
                b.push(v);
            }
        }
        let mut entries: Vec<(u64, u32)> =
            self.lex.clusters.iter().map(|(&k, &v)| (k, v)).collect();
        entries.sort_unstable();
        b.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for (k, v) in entries {
            b.extend_from_slice(&k.to_le_bytes());
            b.extend_from_slice(&v.to_le_bytes());
        }
        let sum = storyline_model::stable_hash(&[&b]);
        b.extend_from_slice(&sum.to_le_bytes());
        b
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(ModelError::NotAModel);
        }
        let body_len = bytes
            .len()
            .checked_sub(8)
            .ok_or(ModelError::Corrupt("too short"))?;
        let (body, tail) = bytes.split_at(body_len);
        let mut r = Reader {
            b: body,
            at: MAGIC.len(),
        };
        let version = r.u32()?;
        if version != FORMAT_VERSION {
            return Err(ModelError::Version(version));
        }
        let sum = u64::from_le_bytes(tail.try_into().map_err(|_| ModelError::Corrupt("tail"))?);
        if sum != storyline_model::stable_hash(&[body]) {
            return Err(ModelError::Corrupt("checksum mismatch"));
        }
        let bits = r.u32()?;
        if !(8..=24).contains(&bits) {
            return Err(ModelError::Corrupt("bucket bits out of range"));
        }
        if r.u32()? as usize != N_LABELS {
            return Err(ModelError::Corrupt("label count"));
        }
        let mut weights = Weights::zeros(bits);
        let mut row = [0f32; N_LABELS];
        for _ in 0..r.u32()? {
            let b = r.u32()? as usize;
            let mask = r.u32()?;
            for (l, x) in row.iter_mut().enumerate() {
                *x = if mask & (1 << l) != 0 {
                    f32::from_bits(r.u32()?)
                } else {
                    0.0
                };
            }
            if !weights.push_row(b, &row) {
                return Err(ModelError::Corrupt("bad or repeated bucket"));
            }
        }
        let mut lex = Lexicon::default();
        for map in [&mut lex.words, &mut lex.gaz] {
            let n = r.u32()? as usize;
            map.reserve(n.min(body.len() / 9));
            for _ in 0..n {
                let k = r.u64()?;
                let v = r.u8()?;
                map.insert(k, v);
            }
        }
        let n = r.u32()? as usize;
        lex.clusters.reserve(n.min(body.len() / 12));
        for _ in 0..n {
            let k = r.u64()?;
            let v = r.u32()?;
            lex.clusters.insert(k, v);
        }
        if r.at != body.len() {
            return Err(ModelError::Corrupt("trailing bytes"));
        }
        weights.pack();
        Ok(Model { weights, lex })
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let s = self
            .b
            .get(self.at..self.at + N)
            .ok_or(ModelError::Corrupt("truncated"))?;
        self.at += N;
        s.try_into().map_err(|_| ModelError::Corrupt("truncated"))
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take::<1>()?[0])
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        self.take().map(u32::from_le_bytes)
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        self.take().map(u64::from_le_bytes)
    }
}
