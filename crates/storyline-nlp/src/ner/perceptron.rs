//! The averaged perceptron: hashed feature buckets, one row of label weights per bucket.
//! Training keeps dense `f32` weights and the running sums needed for averaging; the
//! saved model holds only the buckets whose averaged weights are non-zero.

use super::labels::N_LABELS;

/// Label scores for one token.
pub(crate) type Scores = [f32; N_LABELS];

/// Something that scores a feature set.
pub(crate) trait Scorer {
    /// Adds the weights of `feats` to `out`.
    fn score(&self, feats: &[u64], out: &mut Scores);

    /// A number that names these weights while they cannot change (scores made with them
    /// may be cached under it); 0 for weights that may still change.
    fn stamp(&self) -> u64 {
        0
    }

    /// The root mean square of the weights that are not zero: the scale of the scores,
    /// which grows with the number of updates (see [`super::decode::beam_search`]).
    fn weight_rms(&self) -> f32 {
        1.0
    }

    /// Scores many feature sets at once: set `k` is `feats[ends[k - 1]..ends[k]]` (from 0
    /// for the first), and its scores are pushed onto `out`.
    fn score_many(&self, feats: &[u64], ends: &[usize], out: &mut Vec<Scores>) {
        score_each(feats, ends, out, |f, s| self.score(f, s));
    }
}

/// Scores each feature set of `feats` (ending at `ends`, see [`Scorer::score_many`]) with
/// `score`, one after the other.
fn score_each(
    feats: &[u64],
    ends: &[usize],
    out: &mut Vec<Scores>,
    mut score: impl FnMut(&[u64], &mut Scores),
) {
    let mut a = 0;
    for &b in ends {
        let mut s = [0.0; N_LABELS];
        score(feats.get(a..b).unwrap_or(&[]), &mut s);
        out.push(s);
        a = b;
    }
}

/// How many features ahead [`Weights::score_many`] asks for memory.
const AHEAD: usize = 24;

/// Asks the processor to start loading the cache line of `x` (no effect elsewhere).
#[inline(always)]
pub(crate) fn prefetch<T>(x: Option<&T>) {
    #[cfg(target_arch = "x86_64")]
    if let Some(x) = x {
        // SAFETY: a prefetch is a hint that never faults, and `x` is a valid reference.
        unsafe {
            std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
                (x as *const T).cast::<i8>(),
            );
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

#[inline]
pub(crate) fn bucket(h: u64, bits: u32) -> usize {
    (h >> (64 - bits)) as usize
}

/// Weights used at run time: a bucket index into compact rows, so that only buckets
/// that carry weight take memory.
#[derive(Debug, Clone)]
pub struct Weights {
    pub(crate) bits: u32,
    /// Per bucket: 0 for no row, else the row number plus one.
    pub(crate) index: Vec<u32>,
    /// `N_LABELS` weights per row.
    pub(crate) rows: Vec<f32>,
    /// The same rows quantised to `i16` (`PACKED` lanes each, padded so that a row fills
    /// one aligned 64-byte block (a cache line)) for tagging: half the memory traffic of `f32`, and
    /// never split across cache lines. Empty until [`Weights::pack`].
    packed: Vec<PackedRow>,
    /// What one `i16` step is worth.
    scale: f32,
    /// Unique to each [`Weights::pack`] (0 before).
    stamp: u64,
    /// [`Scorer::weight_rms`], set by [`Weights::pack`].
    rms: f32,
}

/// Lanes of a packed row.
const PACKED: usize = 32;
const _: () = assert!(N_LABELS <= PACKED);

/// One packed row.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(64))]
struct PackedRow([i16; PACKED]);

impl Weights {
    /// Weights with no rows over `2^bits` buckets.
    pub(crate) fn zeros(bits: u32) -> Weights {
        Weights {
            bits,
            index: vec![0; 1usize << bits],
            rows: Vec::new(),
            packed: Vec::new(),
            scale: 0.0,
            stamp: 0,
            rms: 1.0,
        }
    }

    /// Builds the quantised copy of the rows that tagging reads (see `packed`); the step
    /// is the largest weight over `i16::MAX`, so the rounding error of a weight is at most
    /// half a step.
    pub(crate) fn pack(&mut self) {
        static STAMPS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let top = self.rows.iter().fold(0f32, |m, x| m.max(x.abs()));
        self.packed.clear();
        self.stamp = STAMPS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let (n, sq) = self
            .rows
            .iter()
            .filter(|x| **x != 0.0)
            .fold((0usize, 0f64), |(n, sq), &x| {
                (n + 1, sq + f64::from(x) * f64::from(x))
            });
        self.rms = if n > 0 && sq > 0.0 {
            (sq / n as f64).sqrt() as f32
        } else {
            1.0
        };
        if top == 0.0 || !top.is_finite() {
            self.scale = 0.0;
            return;
        }
        self.scale = top / f32::from(i16::MAX);
        let inv = 1.0 / self.scale;
        self.packed = self
            .rows
            .chunks_exact(N_LABELS)
            .map(|r| {
                let mut p = PackedRow::default();
                for (d, &x) in p.0.iter_mut().zip(r) {
                    *d = (x * inv).round().clamp(-32767.0, 32767.0) as i16;
                }
                p
            })
            .collect();
    }

    /// Adds the row of bucket `b` (which must not have one yet).
    pub(crate) fn push_row(&mut self, b: usize, row: &[f32]) -> bool {
        let n = (self.rows.len() / N_LABELS) as u32 + 1;
        match self.index.get_mut(b) {
            Some(slot) if *slot == 0 && row.len() == N_LABELS => {
                *slot = n;
                self.packed.clear();
                self.stamp = 0;
                self.rows.extend_from_slice(row);
                true
            }
            _ => false,
        }
    }

    /// The mean of several weight sets over the same buckets (`None` if they differ in size
    /// or there are none).
    pub(crate) fn mean(all: &[Weights]) -> Option<Weights> {
        let bits = all.first()?.bits;
        if all.iter().any(|w| w.bits != bits) {
            return None;
        }
        let mut sum = vec![0f32; (1usize << bits) * N_LABELS];
        for w in all {
            for (b, row) in w.iter_rows() {
                if let Some(dst) = sum.get_mut(b * N_LABELS..(b + 1) * N_LABELS) {
                    for (d, x) in dst.iter_mut().zip(row) {
                        *d += x;
                    }
                }
            }
        }
        let k = all.len() as f32;
        let mut out = Weights::zeros(bits);
        for (b, row) in sum.chunks_exact_mut(N_LABELS).enumerate() {
            if row.iter().any(|&x| x != 0.0) {
                row.iter_mut().for_each(|x| *x /= k);
                out.push_row(b, row);
            }
        }
        Some(out)
    }

    /// Every bucket with a row, in bucket order.
    pub(crate) fn iter_rows(&self) -> impl Iterator<Item = (usize, &[f32])> {
        self.index.iter().enumerate().filter_map(|(b, &r)| {
            let r = (r as usize).checked_sub(1)? * N_LABELS;
            Some((b, self.rows.get(r..r + N_LABELS)?))
        })
    }
}

impl Scorer for Weights {
    fn weight_rms(&self) -> f32 {
        self.rms
    }

    fn stamp(&self) -> u64 {
        if self.packed.is_empty() {
            0
        } else {
            self.stamp
        }
    }

    #[inline]
    fn score(&self, feats: &[u64], out: &mut Scores) {
        if !self.packed.is_empty() {
            let mut acc = [0i32; N_LABELS];
            for &f in feats {
                let r = self.index.get(bucket(f, self.bits)).copied().unwrap_or(0) as usize;
                if let Some(row) = r.checked_sub(1).and_then(|r| self.packed.get(r)) {
                    for (a, &x) in acc.iter_mut().zip(&row.0[..N_LABELS]) {
                        *a += i32::from(x);
                    }
                }
            }
            for (o, &a) in out.iter_mut().zip(&acc) {
                *o += a as f32 * self.scale;
            }
            return;
        }
        self.score_f32(feats, out);
    }

    fn score_many(&self, feats: &[u64], ends: &[usize], out: &mut Vec<Scores>) {
        if self.packed.is_empty() {
            score_each(feats, ends, out, |f, s| self.score_f32(f, s));
            return;
        }
        // Two sweeps so that the processor has many independent loads in flight: bucket
        // to row number (index loads prefetched ahead), then the rows themselves.
        let bucket_of = |f: &u64| bucket(*f, self.bits);
        let mut rows = Vec::with_capacity(feats.len());
        for (k, f) in feats.iter().enumerate() {
            prefetch(
                feats
                    .get(k + AHEAD)
                    .and_then(|g| self.index.get(bucket_of(g))),
            );
            rows.push(self.index.get(bucket_of(f)).copied().unwrap_or(0));
        }
        let mut a = 0;
        for &b in ends {
            let mut acc = [0i32; N_LABELS];
            for k in a..b.min(rows.len()) {
                prefetch(
                    rows.get(k + AHEAD)
                        .and_then(|&r| (r as usize).checked_sub(1))
                        .and_then(|r| self.packed.get(r)),
                );
                let r = rows[k] as usize;
                if let Some(row) = r.checked_sub(1).and_then(|r| self.packed.get(r)) {
                    for (x, &w) in acc.iter_mut().zip(&row.0[..N_LABELS]) {
                        *x += i32::from(w);
                    }
                }
            }
            let mut s = [0.0; N_LABELS];
            for (o, &x) in s.iter_mut().zip(&acc) {
                *o = x as f32 * self.scale;
            }
            out.push(s);
            a = b;
        }
    }
}

impl Weights {
    #[inline]
    fn score_f32(&self, feats: &[u64], out: &mut Scores) {
        for &f in feats {
            let r = self.index.get(bucket(f, self.bits)).copied().unwrap_or(0) as usize;
            if r == 0 {
                continue;
            }
            let r = (r - 1) * N_LABELS;
            if let Some(row) = self.rows.get(r..r + N_LABELS) {
                for (o, &x) in out.iter_mut().zip(row) {
                    *o += x;
                }
            }
        }
    }
}

/// Weights under training, with the sums for averaging (the "w − u/c" form).
#[derive(Debug)]
pub(crate) struct Learner {
    bits: u32,
    w: Vec<f32>,
    u: Vec<f32>,
    /// Number of examples seen so far (the averaging clock).
    pub c: f32,
}

impl Learner {
    pub fn new(bits: u32) -> Learner {
        let n = (1usize << bits) * N_LABELS;
        Learner {
            bits,
            w: vec![0.0; n],
            u: vec![0.0; n],
            c: 1.0,
        }
    }

    /// Moves the weights of `feats` for label `l` by `delta`.
    pub fn update(&mut self, feats: &[u64], l: u8, delta: f32) {
        let cu = self.c * delta;
        for &f in feats {
            let i = bucket(f, self.bits) * N_LABELS + usize::from(l);
            if let (Some(w), Some(u)) = (self.w.get_mut(i), self.u.get_mut(i)) {
                *w += delta;
                *u += cu;
            }
        }
    }

    /// The averaged weights.
    pub fn averaged(&self) -> Weights {
        let mut out = Weights::zeros(self.bits);
        let mut row = [0f32; N_LABELS];
        for (b, (w, u)) in self
            .w
            .chunks_exact(N_LABELS)
            .zip(self.u.chunks_exact(N_LABELS))
            .enumerate()
        {
            for ((r, w), u) in row.iter_mut().zip(w).zip(u) {
                *r = w - u / self.c;
            }
            if row.iter().any(|&x| x != 0.0) {
                out.push_row(b, &row);
            }
        }
        out
    }
}

impl Scorer for Learner {
    #[inline]
    fn score(&self, feats: &[u64], out: &mut Scores) {
        for &f in feats {
            let b = bucket(f, self.bits) * N_LABELS;
            if let Some(row) = self.w.get(b..b + N_LABELS) {
                for (o, &x) in out.iter_mut().zip(row) {
                    *o += x;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averaging_damps_late_updates() {
        let mut l = Learner::new(4);
        l.update(&[7], 1, 1.0);
        l.c += 9.0;
        l.update(&[7], 2, 1.0);
        l.c += 1.0;
        let w = l.averaged();
        let mut s = [0.0; N_LABELS];
        w.score(&[7], &mut s);
        assert!(s[1] > s[2] && s[2] > 0.0, "{s:?}");
    }

    #[test]
    fn mean_of_weights_averages_rows() {
        let mut a = Weights::zeros(4);
        let mut b = Weights::zeros(4);
        let mut row = [0.0; N_LABELS];
        row[1] = 2.0;
        a.push_row(3, &row);
        row[1] = 0.0;
        row[2] = 4.0;
        b.push_row(3, &row);
        b.push_row(5, &row);
        let m = Weights::mean(&[a, b.clone()]).unwrap();
        let rows: Vec<(usize, Vec<f32>)> = m.iter_rows().map(|(i, r)| (i, r.to_vec())).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].1[1], rows[0].1[2]), (1.0, 2.0));
        assert_eq!(rows[1].1[2], 2.0);
        assert!(Weights::mean(&[]).is_none());
        assert!(Weights::mean(&[b, Weights::zeros(5)]).is_none());
    }
}
