//! The second learned step: given a cue in a sentence, tag the sentence's other tokens as
//! the attribution's source (`S`) or content (`C`), begin/inside, greedily from left to
//! right. Features describe each token relative to the cue: its side, its distance, the
//! commas, colons, quotation marks and "that" between them, and the cue's words.

use super::super::text::{is_closer, is_opener, Tok};
use super::{feat, hs, CueModel, Words, EDGE};

/// Labels: outside, source begin/inside, content begin/inside.
pub(crate) const N: usize = 5;

/// What a cue's roles came to, as token ranges `[start, end)`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roles {
    /// The source, if one was tagged (the first run).
    pub source: Option<(usize, usize)>,
    /// The content runs, in order.
    pub content: Vec<(usize, usize)>,
}

/// Counts before each token (prefix sums) of the marks that separate a token from a cue.
pub(crate) struct Between {
    comma: Vec<u16>,
    colon: Vec<u16>,
    quote: Vec<u16>,
    that: Vec<u16>,
}

impl Between {
    pub(crate) fn new(toks: &[Tok]) -> Between {
        let mut b = Between {
            comma: vec![0],
            colon: vec![0],
            quote: vec![0],
            that: vec![0],
        };
        for t in toks {
            let c = t.lower.chars().next().unwrap_or(' ');
            let push = |v: &mut Vec<u16>, on: bool| {
                let last = v.last().copied().unwrap_or(0);
                v.push(last + u16::from(on));
            };
            push(&mut b.comma, t.lower == ",");
            push(
                &mut b.colon,
                matches!(t.lower.as_str(), ":" | ";" | "—" | "(" | ")"),
            );
            push(&mut b.quote, !t.word && (is_opener(c) || is_closer(c)));
            push(&mut b.that, t.lower == "that");
        }
        b
    }

    /// The marks strictly between tokens `a` and `b` (`a <= b`): commas, colons, quote
    /// marks and "that", each capped at 2.
    fn count(&self, a: usize, b: usize) -> [u16; 4] {
        let d = |v: &Vec<u16>| {
            let x = v.get(b).copied().unwrap_or(0);
            let y = v.get(a + 1).copied().unwrap_or(x);
            x.saturating_sub(y).min(2)
        };
        [
            d(&self.comma),
            d(&self.colon),
            d(&self.quote),
            d(&self.that),
        ]
    }
}

fn bucket(d: usize) -> u64 {
    match d {
        0..=3 => d as u64,
        4..=5 => 4,
        6..=8 => 6,
        9..=12 => 9,
        13..=20 => 13,
        _ => 21,
    }
}

const REL: [u64; 3] = [hs("L"), hs("C"), hs("R")];

fn rel(i: usize, (cs, ce): (usize, usize)) -> usize {
    if i < cs {
        0
    } else if i >= ce {
        2
    } else {
        1
    }
}

/// The features of token `i` for the cue `[cs, ce)` (label history excluded).
pub(crate) fn features(
    ws: &Words,
    quoted: &[bool],
    bt: &Between,
    (cs, ce): (usize, usize),
    i: usize,
    out: &mut Vec<u64>,
) {
    out.clear();
    let n = ws.w.len();
    let w = |k: usize| ws.w.get(k).copied().unwrap_or(EDGE);
    let r = rel(i, (cs, ce));
    let (d, c) = match r {
        0 => (cs - i, bt.count(i, cs)),
        2 => (i + 1 - ce, bt.count(ce - 1, i)),
        _ => (0, [0; 4]),
    };
    let [cm, co, qu, th] = c.map(u64::from);
    let rel = REL[r];
    let w0 = w(i);
    let head = w(ce - 1);
    let db = bucket(d);
    let q = u64::from(quoted.get(i).copied().unwrap_or(false));
    let edge: u64 = if i == 0 {
        0
    } else if i + 1 == n {
        1
    } else {
        2
    };
    let prev = if i == 0 { EDGE } else { w(i - 1) };
    let before_cue = if cs == 0 { EDGE } else { w(cs - 1) };
    let sh = ws.shape.get(i).copied().unwrap_or(EDGE);
    let hs3 = ws.s3.get(ce - 1).copied().unwrap_or(EDGE);
    out.extend([
        feat(40, &[rel]),
        feat(41, &[rel, db]),
        feat(42, &[rel, w0]),
        feat(43, &[rel, prev]),
        feat(44, &[rel, w(i + 1)]),
        feat(45, &[rel, sh, db]),
        feat(46, &[rel, head]),
        feat(47, &[rel, db, head]),
        feat(48, &[rel, cm, co]),
        feat(49, &[rel, cm, db]),
        feat(50, &[rel, q, qu]),
        feat(51, &[rel, th, db]),
        feat(52, &[rel, w(cs), cm]),
        feat(53, &[rel, before_cue]),
        feat(54, &[rel, w(ce)]),
        feat(55, &[rel, hs3, cm]),
        feat(56, &[rel, edge, cm]),
        feat(57, &[rel, head, w(ce)]),
        feat(58, &[rel, co, qu, db]),
        feat(59, &[rel, sh, w(i + 1)]),
    ]);
}

/// The label-history features of token `i`.
pub(crate) fn hist(prev: usize, i: usize, cue: (usize, usize), w0: u64) -> [u64; 2] {
    let p = prev as u64 + 1;
    [feat(60, &[p, REL[rel(i, cue)]]), feat(61, &[p, w0])]
}

/// The best label given scores `s` and the previous label: an inside label only continues
/// a run of its own kind; tokens of the cue are outside.
pub(crate) fn best(s: &[f32; N], prev: usize, in_cue: bool) -> usize {
    if in_cue {
        return 0;
    }
    let mut b = 0;
    for l in 1..N {
        let ok = match l {
            2 => prev == 1 || prev == 2,
            4 => prev == 3 || prev == 4,
            _ => true,
        };
        if ok && s[l] > s[b] {
            b = l;
        }
    }
    b
}

impl CueModel {
    /// Labels the tokens of a sentence for the cue `[cs, ce)`.
    pub(crate) fn role_labels(
        &self,
        ws: &Words,
        quoted: &[bool],
        bt: &Between,
        cue: (usize, usize),
    ) -> Vec<u8> {
        let mut fs = Vec::with_capacity(24);
        let n = ws.w.len();
        let mut out = Vec::with_capacity(n);
        let mut prev = 0;
        for i in 0..n {
            features(ws, quoted, bt, cue, i, &mut fs);
            let mut s = [0.0f32; N];
            self.role.add(&fs, &mut s);
            self.role.add(&hist(prev, i, cue, ws.w[i]), &mut s);
            let l = best(&s, prev, cue.0 <= i && i < cue.1);
            out.push(l as u8);
            prev = l;
        }
        out
    }

    /// The source and content of the cue `[cs, ce)` in a sentence whose tokens have the
    /// hashes `ws` and marks `bt`.
    pub(crate) fn roles(
        &self,
        ws: &Words,
        bt: &Between,
        quoted: &[bool],
        cue: (usize, usize),
    ) -> Roles {
        if cue.0 >= cue.1 || cue.1 > ws.w.len() {
            return Roles::default();
        }
        let labels = self.role_labels(ws, quoted, bt, cue);
        let mut r = Roles::default();
        let mut i = 0;
        while i < labels.len() {
            let l = labels[i];
            if l != 1 && l != 3 {
                i += 1;
                continue;
            }
            let mut e = i + 1;
            while e < labels.len() && labels[e] == l + 1 {
                e += 1;
            }
            if l == 1 {
                r.source.get_or_insert((i, e));
            } else {
                r.content.push((i, e));
            }
            i = e;
        }
        r
    }
}
