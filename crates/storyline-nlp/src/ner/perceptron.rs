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
}

impl Weights {
    /// Weights with no rows over `2^bits` buckets.
    pub(crate) fn zeros(bits: u32) -> Weights {
        Weights {
            bits,
            index: vec![0; 1usize << bits],
            rows: Vec::new(),
        }
    }

    /// Adds the row of bucket `b` (which must not have one yet).
    pub(crate) fn push_row(&mut self, b: usize, row: &[f32]) -> bool {
        let n = (self.rows.len() / N_LABELS) as u32 + 1;
        match self.index.get_mut(b) {
            Some(slot) if *slot == 0 && row.len() == N_LABELS => {
                *slot = n;
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
    #[inline]
    fn score(&self, feats: &[u64], out: &mut Scores) {
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
