//! The second learned step: given a cue in a sentence, tag the sentence's other tokens as
//! the attribution's source (`S`) or content (`C`), begin/inside, greedily from left to
//! right. Features describe each token relative to the cue: its side, its distance, the
//! commas, colons, quotation marks and "that" between them, and the cue's words.

use super::super::text::{is_closer, is_opener, Tok};
use super::{feat, shape, suffix, CueModel};

/// Labels: outside, source begin/inside, content begin/inside.
pub(crate) const N: usize = 5;
const LABELS: [&str; N] = ["O", "BS", "IS", "BC", "IC"];

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
            push(&mut b.colon, matches!(t.lower.as_str(), ":" | ";" | "—" | "(" | ")"));
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
        [d(&self.comma), d(&self.colon), d(&self.quote), d(&self.that)]
    }
}

fn bucket(d: usize) -> &'static str {
    match d {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4..=5 => "4",
        6..=8 => "6",
        9..=12 => "9",
        13..=20 => "13",
        _ => "21",
    }
}

const DIGITS: [&str; 3] = ["0", "1", "2"];

/// The features of token `i` for the cue `[cs, ce)` (label history excluded).
pub(crate) fn features(
    toks: &[Tok],
    quoted: &[bool],
    bt: &Between,
    (cs, ce): (usize, usize),
    i: usize,
    out: &mut Vec<u64>,
) {
    out.clear();
    let w = |k: usize| toks.get(k).map_or("<s>", |t| t.lower.as_str());
    let (rel, d, c) = if i < cs {
        ("L", cs - i, bt.count(i, cs))
    } else if i >= ce {
        ("R", i + 1 - ce, bt.count(ce - 1, i))
    } else {
        ("C", 0, [0; 4])
    };
    let [cm, co, qu, th] = c.map(|x| DIGITS[usize::from(x)]);
    let t = &toks[i];
    let w0 = t.lower.as_str();
    let head = w(ce - 1);
    let db = bucket(d);
    let q = if quoted.get(i).copied().unwrap_or(false) {
        "q"
    } else {
        "n"
    };
    let edge = if i == 0 {
        "first"
    } else if i + 1 == toks.len() {
        "last"
    } else {
        "mid"
    };
    let prev = if i == 0 { "<s>" } else { w(i - 1) };
    out.extend([
        feat(40, &[rel]),
        feat(41, &[rel, db]),
        feat(42, &[rel, w0]),
        feat(43, &[rel, prev]),
        feat(44, &[rel, w(i + 1)]),
        feat(45, &[rel, shape(t), db]),
        feat(46, &[rel, head]),
        feat(47, &[rel, db, head]),
        feat(48, &[rel, cm, co]),
        feat(49, &[rel, cm, db]),
        feat(50, &[rel, q, qu]),
        feat(51, &[rel, th, db]),
        feat(52, &[rel, w(cs), cm]),
        feat(53, &[rel, if cs == 0 { "<s>" } else { w(cs - 1) }]),
        feat(54, &[rel, w(ce)]),
        feat(55, &[rel, suffix(head, 3), cm]),
        feat(56, &[rel, edge, cm]),
        feat(57, &[rel, head, w(ce)]),
        feat(58, &[rel, co, qu, db]),
        feat(59, &[rel, shape(t), w(i + 1)]),
    ]);
}

/// The label-history features of a token.
pub(crate) fn hist(prev: usize, i: usize, cue: (usize, usize), w0: &str) -> [u64; 2] {
    let p = LABELS.get(prev).copied().unwrap_or("O");
    let rel = if i < cue.0 {
        "L"
    } else if i >= cue.1 {
        "R"
    } else {
        "C"
    };
    [feat(60, &[p, rel]), feat(61, &[p, w0])]
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
        toks: &[Tok],
        quoted: &[bool],
        bt: &Between,
        cue: (usize, usize),
    ) -> Vec<u8> {
        let mut fs = Vec::with_capacity(24);
        let mut out = Vec::with_capacity(toks.len());
        let mut prev = 0;
        for i in 0..toks.len() {
            features(toks, quoted, bt, cue, i, &mut fs);
            let mut s = [0.0f32; N];
            self.role.add(&fs, &mut s);
            self.role.add(&hist(prev, i, cue, &toks[i].lower), &mut s);
            let l = best(&s, prev, cue.0 <= i && i < cue.1);
            out.push(l as u8);
            prev = l;
        }
        out
    }

    /// The source and content of the cue `[cs, ce)` in a sentence.
    pub fn roles(&self, toks: &[Tok], quoted: &[bool], cue: (usize, usize)) -> Roles {
        if cue.0 >= cue.1 || cue.1 > toks.len() {
            return Roles::default();
        }
        let bt = Between::new(toks);
        let labels = self.role_labels(toks, quoted, &bt, cue);
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
