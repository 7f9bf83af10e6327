//! The merge loop of Brown clustering (see `clusters.rs`).
//!
//! Slots hold the active clusters. For each slot pair the state keeps the bigram count
//! `n(a,b)`, the term `q(a,b) = n(a,b) · ln(n(a,b) · N / (l(a) · r(b)))` of the mutual
//! information (`l`, `r`: left and right marginals, `N`: all bigrams), the sum `s(a)` of the
//! terms that touch `a`, and the loss `L(a,b)` of merging `a` and `b`. Adding or merging a
//! cluster changes `L(a,b)` of an untouched pair only through the terms of the pair with the
//! changed cluster, which is what [`State::merge`] and [`State::add`] correct.

/// One mutual-information term (0 for an unseen bigram).
#[inline]
fn q(n: f64, l: f64, r: f64, total: f64) -> f64 {
    if n <= 0.0 || l <= 0.0 || r <= 0.0 {
        0.0
    } else {
        n * (n * total / (l * r)).ln()
    }
}

struct State {
    k: usize,
    total: f64,
    active: Vec<bool>,
    n: Vec<f64>,
    q: Vec<f64>,
    loss: Vec<f64>,
    l: Vec<f64>,
    r: Vec<f64>,
    s: Vec<f64>,
    /// Tree node of each slot.
    node: Vec<usize>,
}

impl State {
    fn at(&self, a: usize, b: usize) -> usize {
        a * self.k + b
    }

    fn actives(&self) -> Vec<usize> {
        (0..self.k).filter(|&a| self.active[a]).collect()
    }

    /// The terms of the merged cluster `a ∪ b` with every other active cluster and itself.
    fn merged_terms(&self, a: usize, b: usize, act: &[usize]) -> f64 {
        let (la, ra) = (self.l[a] + self.l[b], self.r[a] + self.r[b]);
        let mut sum = 0.0;
        for &x in act {
            if x == a || x == b {
                continue;
            }
            let out = self.n[self.at(a, x)] + self.n[self.at(b, x)];
            let inn = self.n[self.at(x, a)] + self.n[self.at(x, b)];
            sum += q(out, la, self.r[x], self.total) + q(inn, self.l[x], ra, self.total);
        }
        let own = self.n[self.at(a, a)]
            + self.n[self.at(a, b)]
            + self.n[self.at(b, a)]
            + self.n[self.at(b, b)];
        sum + q(own, la, ra, self.total)
    }

    fn fresh_loss(&self, a: usize, b: usize, act: &[usize]) -> f64 {
        self.s[a] + self.s[b]
            - self.q[self.at(a, b)]
            - self.q[self.at(b, a)]
            - self.merged_terms(a, b, act)
    }

    fn set_q(&mut self, a: usize, act: &[usize]) {
        for &x in act {
            let (i, j) = (self.at(a, x), self.at(x, a));
            self.q[i] = q(self.n[i], self.l[a], self.r[x], self.total);
            self.q[j] = q(self.n[j], self.l[x], self.r[a], self.total);
        }
    }

    fn set_s(&mut self, a: usize, act: &[usize]) {
        let mut s = -self.q[self.at(a, a)];
        for &x in act {
            s += self.q[self.at(a, x)] + self.q[self.at(x, a)];
        }
        self.s[a] = s;
    }

    fn set_losses_of(&mut self, a: usize, act: &[usize]) {
        for &x in act {
            if x != a {
                let v = self.fresh_loss(a, x, act);
                let (i, j) = (self.at(a, x), self.at(x, a));
                self.loss[i] = v;
                self.loss[j] = v;
            }
        }
    }

    /// The terms of pair `(a, b)`'s merge with cluster `x` that enter `L(a,b)`, given `x`'s
    /// counts and marginals through `nx` (row `(·, x)` first, then `(x, ·)`).
    #[inline]
    fn pair_terms(
        &self,
        a: usize,
        b: usize,
        x_out: [f64; 2],
        x_in: [f64; 2],
        lx: f64,
        rx: f64,
    ) -> f64 {
        let t = self.total;
        let (la, lb, ra, rb) = (self.l[a], self.l[b], self.r[a], self.r[b]);
        q(x_out[0], la, rx, t)
            + q(x_in[0], lx, ra, t)
            + q(x_out[1], lb, rx, t)
            + q(x_in[1], lx, rb, t)
            - q(x_out[0] + x_out[1], la + lb, rx, t)
            - q(x_in[0] + x_in[1], lx, ra + rb, t)
    }

    /// Puts a new cluster in the free slot `m`: counts, terms, and the losses of all pairs.
    fn add(&mut self, m: usize, act: &[usize]) {
        self.active[m] = true;
        let mut all = act.to_vec();
        all.push(m);
        self.set_q(m, &all);
        // Pairs without `m` gain the terms with `m`.
        for (ia, &a) in act.iter().enumerate() {
            let (qam, qma) = (self.q[self.at(a, m)], self.q[self.at(m, a)]);
            self.s[a] += qam + qma;
            for &b in &act[ia + 1..] {
                let d = self.pair_terms(
                    a,
                    b,
                    [self.n[self.at(a, m)], self.n[self.at(b, m)]],
                    [self.n[self.at(m, a)], self.n[self.at(m, b)]],
                    self.l[m],
                    self.r[m],
                );
                let (i, j) = (self.at(a, b), self.at(b, a));
                self.loss[i] += d;
                self.loss[j] = self.loss[i];
            }
        }
        self.set_s(m, &all);
        self.set_losses_of(m, &all);
        #[cfg(test)]
        self.check();
    }

    /// Checks every kept loss against one computed afresh (tests only).
    #[cfg(test)]
    fn check(&self) {
        let act = self.actives();
        for (ia, &a) in act.iter().enumerate() {
            for &b in &act[ia + 1..] {
                let kept = self.loss[self.at(a, b)];
                let fresh = self.fresh_loss(a, b, &act);
                assert!(
                    (kept - fresh).abs() <= 1e-6 * (1.0 + fresh.abs()),
                    "loss of ({a}, {b}): kept {kept}, fresh {fresh}"
                );
            }
        }
    }

    /// The active pair of least loss (ties by slot order).
    fn best(&self, act: &[usize]) -> Option<(usize, usize)> {
        let mut top: Option<(f64, usize, usize)> = None;
        for (ia, &a) in act.iter().enumerate() {
            for &b in &act[ia + 1..] {
                let v = self.loss[self.at(a, b)];
                if top.is_none_or(|(t, _, _)| v < t) {
                    top = Some((v, a, b));
                }
            }
        }
        top.map(|(_, a, b)| (a, b))
    }

    /// Merges slot `b` into slot `a`; `b` becomes free.
    fn merge(&mut self, a: usize, b: usize, act: &[usize]) {
        let rest: Vec<usize> = act.iter().copied().filter(|&x| x != a && x != b).collect();
        let (lk, rk) = (self.l[a] + self.l[b], self.r[a] + self.r[b]);
        for (ix, &x) in rest.iter().enumerate() {
            for &y in &rest[ix + 1..] {
                let mut d = 0.0;
                for c in [a, b] {
                    d -= self.pair_terms(
                        x,
                        y,
                        [self.n[self.at(x, c)], self.n[self.at(y, c)]],
                        [self.n[self.at(c, x)], self.n[self.at(c, y)]],
                        self.l[c],
                        self.r[c],
                    );
                }
                d += self.pair_terms(
                    x,
                    y,
                    [
                        self.n[self.at(x, a)] + self.n[self.at(x, b)],
                        self.n[self.at(y, a)] + self.n[self.at(y, b)],
                    ],
                    [
                        self.n[self.at(a, x)] + self.n[self.at(b, x)],
                        self.n[self.at(a, y)] + self.n[self.at(b, y)],
                    ],
                    lk,
                    rk,
                );
                let (i, j) = (self.at(x, y), self.at(y, x));
                self.loss[i] += d;
                self.loss[j] = self.loss[i];
            }
        }
        // `s(x)` loses its terms with `a` and `b`, and gains those with the merged cluster
        // once its terms are known.
        for &x in &rest {
            let old = self.q[self.at(x, a)]
                + self.q[self.at(a, x)]
                + self.q[self.at(x, b)]
                + self.q[self.at(b, x)];
            self.s[x] -= old;
        }
        // Counts of the merged cluster in slot `a`.
        let own = self.n[self.at(a, a)]
            + self.n[self.at(a, b)]
            + self.n[self.at(b, a)]
            + self.n[self.at(b, b)];
        for &x in &rest {
            let (ax, bx, xa, xb) = (self.at(a, x), self.at(b, x), self.at(x, a), self.at(x, b));
            self.n[ax] += self.n[bx];
            self.n[xa] += self.n[xb];
        }
        let aa = self.at(a, a);
        self.n[aa] = own;
        for x in 0..self.k {
            let (bx, xb) = (self.at(b, x), self.at(x, b));
            self.n[bx] = 0.0;
            self.n[xb] = 0.0;
            self.q[bx] = 0.0;
            self.q[xb] = 0.0;
        }
        self.l[a] = lk;
        self.r[a] = rk;
        self.l[b] = 0.0;
        self.r[b] = 0.0;
        self.active[b] = false;
        let mut now = rest.clone();
        now.push(a);
        self.set_q(a, &now);
        for &x in &rest {
            self.s[x] += self.q[self.at(x, a)] + self.q[self.at(a, x)];
        }
        self.set_s(a, &now);
        self.set_losses_of(a, &now);
        #[cfg(test)]
        self.check();
    }
}

/// Clusters words `0..n` (in the order they enter the window) given their right and left
/// bigram neighbours with counts; returns each word's path.
pub(crate) fn run(right: &[Vec<(u32, f64)>], left: &[Vec<(u32, f64)>], c: usize) -> Vec<String> {
    let words = right.len();
    if words == 0 {
        return Vec::new();
    }
    let k = c.min(words) + 1;
    let total: f64 = right
        .iter()
        .flatten()
        .map(|&(_, n)| n)
        .sum::<f64>()
        .max(1.0);
    let mut st = State {
        k,
        total,
        active: vec![false; k],
        n: vec![0.0; k * k],
        q: vec![0.0; k * k],
        loss: vec![0.0; k * k],
        l: vec![0.0; k],
        r: vec![0.0; k],
        s: vec![0.0; k],
        node: vec![0; k],
    };
    // Tree: nodes 0..words are the words; merges of the second phase add nodes.
    let mut children: Vec<(usize, usize)> = Vec::new();
    let mut slot_of = vec![usize::MAX; words];
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); k];
    let mut leaf_of = vec![usize::MAX; words];
    for w in 0..words {
        let act = st.actives();
        let Some(m) = (0..k).find(|&s| !st.active[s]) else {
            break;
        };
        slot_of[w] = m;
        members[m].push(w as u32);
        st.l[m] = right[w].iter().map(|&(_, n)| n).sum::<f64>().max(0.0);
        st.r[m] = left[w].iter().map(|&(_, n)| n).sum::<f64>().max(0.0);
        for &(x, n) in &right[w] {
            if let Some(&sx) = slot_of.get(x as usize).filter(|&&s| s != usize::MAX) {
                let i = st.at(m, sx);
                st.n[i] += n;
            }
        }
        for &(x, n) in &left[w] {
            if x as usize == w {
                continue;
            }
            if let Some(&sx) = slot_of.get(x as usize).filter(|&&s| s != usize::MAX) {
                let i = st.at(sx, m);
                st.n[i] += n;
            }
        }
        st.add(m, &act);
        let act = st.actives();
        if act.len() == k {
            if let Some((a, b)) = st.best(&act) {
                st.merge(a, b, &act);
                let moved = std::mem::take(&mut members[b]);
                for &x in &moved {
                    slot_of[x as usize] = a;
                }
                members[a].extend(moved);
            }
        }
    }
    // The clusters left are the leaves of the tree.
    let act = st.actives();
    for &a in &act {
        st.node[a] = words + children.len();
        children.push((usize::MAX, usize::MAX));
        for &x in &members[a] {
            leaf_of[x as usize] = st.node[a];
        }
    }
    let mut act = act;
    while act.len() > 1 {
        let Some((a, b)) = st.best(&act) else { break };
        st.merge(a, b, &act);
        let node = words + children.len();
        children.push((st.node[a], st.node[b]));
        st.node[a] = node;
        act = st.actives();
    }
    // Paths from the root (the last node made).
    let mut path = vec![String::new(); children.len()];
    let mut stack = vec![children.len().saturating_sub(1)];
    while let Some(v) = stack.pop() {
        let Some(&(x, y)) = children.get(v) else {
            continue;
        };
        for (child, bit) in [(x, '0'), (y, '1')] {
            if let Some(i) = child.checked_sub(words).filter(|&i| i < children.len()) {
                let p = format!("{}{bit}", path[v]);
                path[i] = p;
                stack.push(i);
            }
        }
    }
    leaf_of
        .iter()
        .map(|&n| {
            let p = n
                .checked_sub(words)
                .and_then(|i| path.get(i))
                .cloned()
                .unwrap_or_default();
            if p.is_empty() {
                "0".to_string()
            } else {
                p
            }
        })
        .collect()
}
