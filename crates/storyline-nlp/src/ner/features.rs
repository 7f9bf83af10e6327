//! Feature extraction. Each token's strings are hashed once (word, lowercase, shapes,
//! affixes); features are then integer mixes of a template id with those hashes, written
//! into reusable buffers, so tagging allocates nothing per token.

use super::clusters::prefix;
use super::hash::{fnv, hash_str, mix, HashKeyed, SEED};
use super::lexicon::{is_all_caps, Lexicon};

/// Token flags.
pub(crate) mod flag {
    pub const INIT_CAP: u32 = 1;
    pub const ALL_CAPS: u32 = 1 << 1;
    pub const HAS_DIGIT: u32 = 1 << 2;
    pub const ALL_DIGIT: u32 = 1 << 3;
    pub const HYPHEN: u32 = 1 << 4;
    pub const APOS: u32 = 1 << 5;
    pub const PUNCT: u32 = 1 << 6;
    pub const HAS_LOWER: u32 = 1 << 7;
    pub const SENT_START: u32 = 1 << 8;
    pub const ENDS_DOT: u32 = 1 << 9;
    pub const ONE_CAP: u32 = 1 << 10;
    pub const AFTER_QUOTE: u32 = 1 << 11;
    /// Sentence context: every word is in capitals (a headline or a wire slug).
    pub const CTX_ALL_CAPS: u32 = 1 << 12;
    /// Sentence context: most words are capitalised (a title-case headline).
    pub const CTX_TITLE: u32 = 1 << 13;
    /// Sentence context: a line of a results table (numbers, few lower-case words).
    pub const CTX_TABLE: u32 = 1 << 14;
}

/// What is computed once per token.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Tok {
    pub word: u64,
    pub lower: u64,
    pub shape: u64,
    pub short: u64,
    pub pre: [u64; 4],
    pub suf: [u64; 4],
    pub flags: u32,
    pub class: u8,
    pub gaz: u32,
    /// Prefixes of the word's Brown cluster path, of [`CLUSTER_PREFIXES`] bits (0: none).
    pub clus: [u32; 4],
    /// Document-level evidence: pass-one type counts of the same word elsewhere,
    /// as a small code (0 = none).
    pub doc: u32,
    /// The word's place in the word cache plus one (0: not cached): an index for
    /// per-word tables kept beside the cache (see [`Scratch::generation`]).
    pub slot: u32,
}

/// Reusable buffers for one sentence.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pub toks: Vec<Tok>,
    lowers: Vec<u64>,
    starts: Vec<bool>,
    gaz: Vec<u32>,
    lowered: String,
    chars: Vec<(usize, char)>,
    /// Word analyses by word hash, kept across documents while `cache_stamp` names the
    /// model they were made with (0: no caching).
    cache: HashKeyed<Tok>,
    cache_stamp: u64,
    /// Changes whenever the cache is emptied, so that tables indexed by [`Tok::slot`]
    /// know to start again.
    generation: u64,
}

impl Scratch {
    /// Empties the word cache if it belongs to another model or has grown past
    /// [`CACHE_LIMIT`]; called between documents only, so that slots stay valid for a
    /// whole document.
    pub(crate) fn begin_document(&mut self, stamp: u64) {
        if stamp != self.cache_stamp || self.cache.len() > CACHE_LIMIT {
            self.cache.clear();
            self.cache_stamp = stamp;
            self.generation += 1;
        }
    }

    /// Names the current contents of the word cache (see [`Tok::slot`]).
    pub(crate) fn generation(&self) -> u64 {
        self.generation
    }
}

/// Entries after which a word cache starts again empty.
pub(crate) const CACHE_LIMIT: usize = 1 << 16;

fn shape_char(c: char) -> u8 {
    if c.is_uppercase() {
        b'X'
    } else if c.is_lowercase() {
        b'x'
    } else if c.is_numeric() {
        b'd'
    } else if c.is_ascii() {
        c as u8
    } else {
        b'*'
    }
}

fn analyse(w: &str, s: &mut Scratch, lex: &Lexicon) -> Tok {
    let mut t = Tok {
        word: hash_str(w),
        ..Tok::default()
    };
    s.lowered.clear();
    s.lowered.extend(w.chars().flat_map(char::to_lowercase));
    t.lower = super::lexicon::lower_hash(w);
    // Shapes.
    let (mut shape, mut short, mut n, mut last) = (SEED, SEED, 0, 0u8);
    let (mut upper, mut lower, mut digit, mut alnum) = (0, 0, 0, 0);
    for c in w.chars() {
        let k = shape_char(c);
        if n < 8 {
            shape = fnv(shape, &[k]);
        }
        if k != last {
            short = fnv(short, &[k]);
            last = k;
        }
        n += 1;
        match k {
            b'X' => upper += 1,
            b'x' => lower += 1,
            b'd' => digit += 1,
            _ => {}
        }
        if c.is_alphanumeric() {
            alnum += 1;
        }
        if c == '-' {
            t.flags |= flag::HYPHEN;
        }
        if c == '\'' || c == '’' {
            t.flags |= flag::APOS;
        }
    }
    t.shape = shape;
    t.short = short;
    if w.chars().next().is_some_and(char::is_uppercase) {
        t.flags |= flag::INIT_CAP;
    }
    if upper > 0 && is_all_caps(w) {
        t.flags |= flag::ALL_CAPS;
    }
    if upper == 1 && n == 1 {
        t.flags |= flag::ONE_CAP;
    }
    if digit > 0 {
        t.flags |= flag::HAS_DIGIT;
        if digit == n {
            t.flags |= flag::ALL_DIGIT;
        }
    }
    if lower > 0 {
        t.flags |= flag::HAS_LOWER;
    }
    if alnum == 0 {
        t.flags |= flag::PUNCT;
    }
    if n > 1 && w.ends_with('.') {
        t.flags |= flag::ENDS_DOT;
    }
    // Affixes over the lowercase form, in characters.
    s.chars.clear();
    s.chars.extend(s.lowered.char_indices());
    let len = s.lowered.len();
    for k in 0..4 {
        let cut = s.chars.get(k + 1).map_or(len, |&(b, _)| b);
        t.pre[k] = s.lowered.get(..cut).map_or(0, hash_str);
        let from = s
            .chars
            .len()
            .checked_sub(k + 1)
            .and_then(|j| s.chars.get(j))
            .map_or(0, |&(b, _)| b);
        t.suf[k] = s.lowered.get(from..).map_or(0, hash_str);
    }
    t.class = lex.word_class(t.lower);
    let code = lex.cluster(t.lower);
    for (c, &p) in t.clus.iter_mut().zip(&CLUSTER_PREFIXES) {
        *c = prefix(code, p);
    }
    t
}

/// Context aggregated over the document for one token: the lowercase words before and
/// after eight other occurrences of the same capitalised word (0: none). Kept beside the
/// tokens, not in them, so that the word cache's entries stay small.
pub(crate) type Agg = [u64; 16];

/// Lengths of the cluster path prefixes used as features (Ratinov and Roth 2009).
pub(crate) const CLUSTER_PREFIXES: [u32; 4] = [4, 6, 10, 20];

/// Fills `s.toks` for one sentence.
/// `stamp` names the model `lex` belongs to, for the word cache (0: a lexicon that may
/// still change, never cached).
pub(crate) fn prepare<S: AsRef<str>>(words: &[S], lex: &Lexicon, stamp: u64, s: &mut Scratch) {
    let mut toks = std::mem::take(&mut s.toks);
    toks.clear();
    if stamp != s.cache_stamp {
        s.cache.clear();
        s.cache_stamp = stamp;
        s.generation += 1;
    }
    for w in words {
        let w = w.as_ref();
        if stamp == 0 {
            toks.push(analyse(w, s, lex));
            continue;
        }
        let h = hash_str(w);
        let t = match s.cache.get(&h) {
            Some(t) => *t,
            None => {
                let mut t = analyse(w, s, lex);
                t.slot = u32::try_from(s.cache.len() + 1).unwrap_or(0);
                s.cache.insert(h, t);
                t
            }
        };
        toks.push(t);
    }
    // Sentence context.
    let letters = toks.iter().filter(|t| t.flags & flag::PUNCT == 0).count();
    let caps = toks
        .iter()
        .filter(|t| t.flags & flag::ALL_CAPS != 0 && t.flags & flag::HAS_LOWER == 0)
        .count();
    let titled = toks
        .iter()
        .filter(|t| t.flags & flag::INIT_CAP != 0)
        .count();
    let mut ctx = 0;
    if letters >= 2 && caps * 10 >= letters * 8 {
        ctx |= flag::CTX_ALL_CAPS;
    } else if letters >= 3 && titled * 10 >= letters * 7 {
        ctx |= flag::CTX_TITLE;
    }
    let numbers = toks
        .iter()
        .filter(|t| t.flags & flag::HAS_DIGIT != 0)
        .count();
    let lowers = toks
        .iter()
        .filter(|t| t.flags & (flag::HAS_LOWER | flag::INIT_CAP) == flag::HAS_LOWER)
        .count();
    if numbers >= 2 && lowers <= 1 {
        ctx |= flag::CTX_TABLE;
    }
    let mut after_quote = false;
    let mut start = true;
    for (t, w) in toks.iter_mut().zip(words) {
        t.flags |= ctx;
        if start {
            t.flags |= flag::SENT_START;
        }
        if after_quote {
            t.flags |= flag::AFTER_QUOTE;
        }
        let w = w.as_ref();
        after_quote = matches!(w, "\"" | "``" | "“" | "'" | "‘" | "(" | "-" | "—" | ":");
        start = start && t.flags & flag::PUNCT != 0;
    }
    s.lowers.clear();
    s.lowers.extend(toks.iter().map(|t| t.lower));
    s.starts.clear();
    s.starts
        .extend(toks.iter().map(|t| t.flags & flag::INIT_CAP != 0));
    lex.gazetteer_marks(&s.lowers, &s.starts, &mut s.gaz);
    for (t, g) in toks.iter_mut().zip(&s.gaz) {
        t.gaz = *g;
    }
    s.toks = toks;
}

const PAD: Tok = Tok {
    word: 0x5eed,
    lower: 0x5eed,
    shape: 0x5eed,
    short: 0x5eed,
    pre: [0; 4],
    suf: [0; 4],
    flags: 0,
    class: 0xff,
    gaz: 0,
    clus: [u32::MAX; 4],
    doc: 0,
    slot: 0,
};

#[inline]
const fn feature(id: u64, v: u64) -> u64 {
    mix(id.wrapping_mul(0x1000_0000_01b3), v)
}

/// Writes the features of token `t` that depend on its word alone (not on its neighbours,
/// its place in the sentence or the document), so that their scores can be cached by word.
#[inline]
pub(crate) fn word_statics(t: &Tok, out: &mut Vec<u64>) {
    let f = feature;
    out.extend_from_slice(&[
        f(2, t.word),
        f(3, t.lower),
        f(4, t.shape),
        f(5, t.short),
        f(6, t.pre[0]),
        f(7, t.pre[1]),
        f(8, t.pre[2]),
        f(9, t.pre[3]),
        f(10, t.suf[0]),
        f(11, t.suf[1]),
        f(12, t.suf[2]),
        f(13, t.suf[3]),
        f(26, mix(t.suf[2], t.short)),
    ]);
    // Word clusters: every prefix for the word.
    for (k, c) in t.clus.iter().enumerate() {
        out.push(f(45 + k as u64, u64::from(*c)));
    }
}

/// Writes the static (history-free) features of token `i` into `out`: its word's
/// ([`word_statics`]) and its context's ([`context_statics`]).
/// `aggs` holds the [`Agg`] of each token of `toks` (or nothing).
pub(crate) fn statics(toks: &[Tok], aggs: &[Agg], i: usize, out: &mut Vec<u64>) {
    if let Some(t) = toks.get(i) {
        word_statics(t, out);
    } else {
        word_statics(&PAD, out);
    }
    context_statics(toks, aggs, i, out);
}

/// Writes the static features of token `i` that [`word_statics`] leaves out: the bias,
/// [`pair_statics`] and each neighbour's [`neighbour_statics`].
pub(crate) fn context_statics(toks: &[Tok], aggs: &[Agg], i: usize, out: &mut Vec<u64>) {
    out.push(BIAS);
    pair_statics(toks, aggs, i, out);
    for (side, &j) in SIDES.iter().enumerate() {
        let n = usize::try_from(i as isize + j)
            .ok()
            .and_then(|k| toks.get(k))
            .unwrap_or(&PAD);
        neighbour_statics(n, side, out);
    }
}

/// The feature every token has.
pub(crate) const BIAS: u64 = feature(1, 0);

/// Where the neighbours of [`neighbour_statics`] stand: the word before, the word after,
/// two before, two after.
pub(crate) const SIDES: [isize; 4] = [-1, 1, -2, 2];

/// The padding token that stands for a neighbour outside the sentence.
pub(crate) fn pad() -> &'static Tok {
    &PAD
}

/// Writes the features that token `t` gives the token it stands beside, on side `side`
/// of [`SIDES`]: they depend on `t`'s word alone, so their scores can be cached by word.
#[inline]
pub(crate) fn neighbour_statics(t: &Tok, side: usize, out: &mut Vec<u64>) {
    let f = feature;
    // Each template comes in a pair of ids, one per side (before, after).
    let k = (side % 2) as u64;
    if side < 2 {
        // The 10-bit cluster prefix of the neighbours (every prefix of the neighbours cost
        // a third of the tagger's speed for no measurable gain).
        out.extend_from_slice(&[
            f(16 + k, t.lower),
            f(20 + k, t.short),
            f(37 + k, t.word),
            f(39 + k, t.suf[2]),
            f(49 + k, u64::from(t.clus[2])),
        ]);
    } else {
        out.push(f(18 + k, t.lower));
    }
}

/// Writes the context features of token `i` that join it with its neighbours or describe
/// its place in the sentence and the document (neither the bias nor
/// [`neighbour_statics`]).
pub(crate) fn pair_statics(toks: &[Tok], aggs: &[Agg], i: usize, out: &mut Vec<u64>) {
    let at = |j: isize| -> &Tok {
        usize::try_from(i as isize + j)
            .ok()
            .and_then(|k| toks.get(k))
            .unwrap_or(&PAD)
    };
    let t = at(0);
    let (p1, p2, n1, n2) = (at(-1), at(-2), at(1), at(2));
    let f = feature;
    let caseless = t.flags & (flag::CTX_ALL_CAPS | flag::SENT_START) != 0;
    let cap = u64::from(t.flags & (flag::INIT_CAP | flag::ALL_CAPS | flag::SENT_START));
    out.extend_from_slice(&[
        f(14, u64::from(t.flags)),
        f(15, u64::from(t.class) | cap << 8),
        f(22, mix(p1.lower, t.lower)),
        f(23, mix(t.lower, n1.lower)),
        f(24, mix(mix(p1.short, t.short), n1.short)),
        f(
            25,
            u64::from(p1.class) | u64::from(n1.class) << 8 | u64::from(t.class) << 16,
        ),
        f(27, mix(p1.word, t.short)),
        f(28, mix(t.short, n1.word)),
        f(29, u64::from(p1.gaz) | u64::from(n1.gaz) << 32),
        f(30, u64::from(n1.flags) << 32 | u64::from(p1.flags)),
        f(41, mix(p1.lower, n1.lower)),
        f(
            42,
            u64::from(p2.class) | u64::from(n2.class) << 8 | u64::from(t.class) << 16,
        ),
    ]);
    if t.flags & flag::CTX_TABLE != 0 {
        out.push(f(43, mix(t.lower, 1)));
        out.push(f(44, u64::from(t.gaz) | u64::from(t.class) << 32));
    }
    if caseless {
        out.push(f(31, mix(t.lower, u64::from(t.flags & flag::CTX_ALL_CAPS))));
    }
    for (k, &a) in aggs.get(i).into_iter().flatten().enumerate() {
        if a != 0 {
            out.push(f(60 + (k % 2) as u64, a));
        }
    }
    let mut g = t.gaz;
    while g != 0 {
        let bit = u64::from(g.trailing_zeros());
        g &= g - 1;
        out.push(f(32, bit));
        out.push(f(33, bit | cap << 8 | u64::from(t.class) << 16));
    }
}

/// Writes the document-level features of token `t` (none when it has no evidence).
#[inline]
pub(crate) fn doc_features(t: &Tok, out: &mut Vec<u64>) {
    if t.doc != 0 {
        let f = feature;
        let cap = u64::from(t.flags & (flag::INIT_CAP | flag::ALL_CAPS | flag::SENT_START));
        out.push(f(34, u64::from(t.doc)));
        out.push(f(35, u64::from(t.doc) | cap << 32));
        out.push(f(36, mix(u64::from(t.doc), t.lower)));
    }
}

/// Writes the history features of token `t` given the two previous labels: those of the
/// labels alone ([`history_labels`]), then those of the word and the previous label
/// ([`history_word`]).
pub(crate) fn history(t: &Tok, prev: u8, prev2: u8, out: &mut [u64; HISTORY]) {
    let [a, b] = history_labels(prev, prev2);
    let [c, d] = history_word(t, prev);
    *out = [a, b, c, d];
}

/// The history features that depend on the two previous labels alone (so that their
/// scores can be tabled once per model).
#[inline]
pub(crate) fn history_labels(prev: u8, prev2: u8) -> [u64; 2] {
    let (p, pp) = (u64::from(prev), u64::from(prev2));
    [mix(0x4001, p), mix(0x4002, p | pp << 8)]
}

/// The history features of token `t` and the previous label.
#[inline]
pub(crate) fn history_word(t: &Tok, prev: u8) -> [u64; 2] {
    let p = u64::from(prev);
    [mix(mix(0x4003, p), t.lower), mix(mix(0x4004, p), t.short)]
}

/// Number of history features per token.
pub(crate) const HISTORY: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(words: &[&str]) -> Vec<Tok> {
        let mut s = Scratch::default();
        prepare(words, &Lexicon::default(), 0, &mut s);
        s.toks
    }

    #[test]
    fn flags_describe_the_word() {
        let t = toks(&["KYIV", "U.S.", "1,200", "well-known", "O'Brien", "Анна"]);
        assert!(t[0].flags & flag::ALL_CAPS != 0 && t[0].flags & flag::SENT_START != 0);
        assert!(t[1].flags & flag::ENDS_DOT != 0);
        assert!(t[2].flags & flag::HAS_DIGIT != 0 && t[2].flags & flag::ALL_DIGIT == 0);
        assert!(t[3].flags & flag::HYPHEN != 0 && t[3].flags & flag::INIT_CAP == 0);
        assert!(t[4].flags & flag::APOS != 0 && t[4].flags & flag::INIT_CAP != 0);
        assert!(t[5].flags & flag::INIT_CAP != 0 && t[5].flags & flag::HAS_LOWER != 0);
    }

    #[test]
    fn headline_context_is_detected() {
        let t = toks(&["RUSSIA", "SAYS", "TALKS", "FAILED"]);
        assert!(t.iter().all(|t| t.flags & flag::CTX_ALL_CAPS != 0));
        let t = toks(&["Troops", "Enter", "Border", "Town", "Of", "Kursk"]);
        assert!(t.iter().all(|t| t.flags & flag::CTX_TITLE != 0));
    }

    #[test]
    fn case_does_not_change_affixes_or_lowercase() {
        let a = toks(&["Zelensky"]);
        let b = toks(&["ZELENSKY"]);
        assert_eq!(a[0].lower, b[0].lower);
        assert_eq!(a[0].suf, b[0].suf);
        assert_ne!(a[0].word, b[0].word);
        assert_ne!(a[0].shape, b[0].shape);
    }

    #[test]
    fn statics_are_deterministic_and_padded() {
        let t = toks(&["Olena", "Kovalenko", "said"]);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        statics(&t, &[], 0, &mut a);
        statics(&t, &[], 0, &mut b);
        assert_eq!(a, b);
        let mut c = Vec::new();
        statics(&t, &[], 2, &mut c);
        assert_ne!(a, c);
    }
}
