//! Sentence boundaries within a paragraph, decided on its tokens.
//!
//! A sentence ends after `.`, `?`, `!`, `…` (and the closing quotes and brackets that follow)
//! when the next token can start a sentence (a capital, a number, an uncased script, an
//! opening quote); after an abbreviation only when the next word surely starts one; after
//! `。！？`, `।` and `؟` always; and at the end of the paragraph. Inside a quotation that
//! closes within the paragraph nothing is split.

use std::ops::Range;

use storyline_model::{Sentence, Span, Token, TokenKind};

use super::abbrev::{self, Abbrev};
use super::chars::{is_closer, is_opener};
use super::Lang;

/// How a token ends a sentence.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    /// Always (CJK and Indic full stops).
    Hard,
    /// When the next token can start a sentence.
    Soft,
    /// When the next word surely starts a sentence.
    Weak,
}

fn first_char(text: &str, t: &Token) -> Option<char> {
    text.get(t.span.start..t.span.end)?.chars().next()
}

/// Tracks quotation depth through a paragraph.
#[derive(Default)]
struct Quotes {
    curly: i32,
    ascii: bool,
    /// The last opener was a low „ (German-style, closed by “).
    low: bool,
}

impl Quotes {
    /// Takes the mark `c`; `attached` when it touches the token before it, where a closer
    /// stands. Mixed pairs close too: “…" and "…”.
    fn feed(&mut self, c: char, lang: Lang, attached: bool) {
        match c {
            '"' if !self.ascii && self.curly > 0 && attached => self.curly -= 1,
            '"' => self.ascii = !self.ascii,
            '”' if self.curly == 0 && self.ascii => self.ascii = false,
            '„' => {
                self.curly += 1;
                self.low = true;
            }
            '“' if self.low && self.curly > 0 && lang != Lang::En => {
                self.curly -= 1;
                self.low = false;
            }
            '“' | '«' | '「' | '『' => self.curly += 1,
            '”' | '»' | '」' | '』' => self.curly -= 1,
            _ => {}
        }
    }

    fn open(&self) -> bool {
        self.curly > 0 || self.ascii
    }

    fn balanced(&self) -> bool {
        self.curly == 0 && !self.ascii
    }
}

/// How token `k` ends a sentence, if it may.
fn end_kind(text: &str, toks: &[Token], k: usize, lang: Lang) -> Option<End> {
    let t = &toks[k];
    let s = text.get(t.span.start..t.span.end)?;
    match t.kind {
        TokenKind::Punct => {
            let c = s.chars().next()?;
            match c {
                '。' | '！' | '？' | '｡' | '।' | '॥' | '؟' | '۔' => Some(End::Hard),
                '!' | '?' | '…' => Some(End::Soft),
                '.' => {
                    // German ordinals: "am 3. Oktober".
                    let ordinal = lang == Lang::De
                        && k > 0
                        && toks[k - 1].kind == TokenKind::Number
                        && toks[k - 1].span.len() <= 2
                        && toks[k - 1].span.end == t.span.start;
                    (!ordinal).then_some(End::Soft)
                }
                _ => None,
            }
        }
        TokenKind::Word if s.len() > 1 && s.ends_with('.') => {
            let w = &s[..s.len() - 1];
            match abbrev::lookup(w, lang) {
                Some(Abbrev::Title) | Some(Abbrev::Numeral) => None,
                _ => Some(End::Weak),
            }
        }
        _ => None,
    }
}

/// True when token `k` can start a sentence.
fn can_start(text: &str, toks: &[Token], k: usize) -> bool {
    let Some(t) = toks.get(k) else { return true };
    let Some(c) = first_char(text, t) else {
        return true;
    };
    match t.kind {
        // "iPhone", "eBay": a capital after a lower-case start still names something.
        TokenKind::Word => {
            !c.is_lowercase()
                || text
                    .get(t.span.start..t.span.end)
                    .is_some_and(|s| s.chars().skip(1).any(char::is_uppercase))
        }
        TokenKind::Number | TokenKind::Symbol => true,
        TokenKind::Punct => {
            if is_opener(c) || matches!(c, '-' | '—' | '–' | '•') {
                can_start(text, toks, k + 1)
            } else {
                false
            }
        }
    }
}

/// True when token `k` surely starts a sentence.
fn surely_starts(text: &str, toks: &[Token], k: usize) -> bool {
    let Some(t) = toks.get(k) else { return true };
    let Some(s) = text.get(t.span.start..t.span.end) else {
        return true;
    };
    match t.kind {
        TokenKind::Word => abbrev::strong_starter(s),
        // An opening quotation mark, not a bracket: "U.S. (Reuters)" goes on.
        TokenKind::Punct => {
            s.chars()
                .next()
                .is_some_and(|c| is_opener(c) && !matches!(c, '(' | '[' | '{' | '（'))
                && can_start(text, toks, k + 1)
        }
        _ => false,
    }
}

/// Splits the paragraph whose tokens are `all[range]` into sentences, appended to `out`.
pub(super) fn split(
    text: &str,
    all: &[Token],
    range: Range<usize>,
    paragraph: usize,
    lang: Lang,
    out: &mut Vec<Sentence>,
) {
    let Some(toks) = all.get(range.clone()) else {
        return;
    };
    let n = toks.len();
    if n == 0 {
        return;
    }
    let base = range.start;
    let bytes = text.as_bytes();
    // Only punctuation starting with a quote, a closing bracket or a non-ASCII byte can be a
    // quotation mark or a closer.
    let punct_char = |t: &Token| {
        if t.kind == TokenKind::Punct
            && bytes
                .get(t.span.start)
                .is_some_and(|&b| matches!(b, b'"' | b'\'' | b')' | b']' | b'}') || b >= 0x80)
        {
            first_char(text, t)
        } else {
            None
        }
    };
    // Only tokens ending in `.`, `!`, `?` or a non-ASCII char can end a sentence.
    let may_end = |t: &Token| {
        t.span.end > 0
            && bytes
                .get(t.span.end - 1)
                .is_some_and(|&b| matches!(b, b'.' | b'!' | b'?') || b >= 0x80)
    };
    // Quotes are respected only when they balance within the paragraph.
    let attached = |k: usize| k > 0 && toks[k - 1].span.end == toks[k].span.start;
    let mut q = Quotes::default();
    for (k, t) in toks.iter().enumerate() {
        if let Some(c) = punct_char(t) {
            q.feed(c, lang, attached(k));
        }
    }
    let respect = q.balanced();
    let mut q = Quotes::default();
    let push = |from: usize, to: usize, out: &mut Vec<Sentence>| {
        out.push(Sentence {
            span: Span::new(toks[from].span.start, toks[to - 1].span.end),
            tokens: base + from..base + to,
            paragraph,
            boilerplate: false,
        });
    };
    let mut start = 0;
    let mut k = 0;
    while k < n {
        if let Some(c) = punct_char(&toks[k]) {
            q.feed(c, lang, attached(k));
        }
        if !may_end(&toks[k]) {
            k += 1;
            continue;
        }
        let Some(kind) = end_kind(text, toks, k, lang) else {
            k += 1;
            continue;
        };
        let mut e = k;
        // Closing quotes and brackets that touch the end go with it; “ closes only a „.
        while e + 1 < n && toks[e + 1].span.start == toks[e].span.end {
            let Some(c) = punct_char(&toks[e + 1]) else {
                break;
            };
            let low_close = c == '“' && q.low && q.curly > 0 && lang != Lang::En;
            if !is_closer(c) && !low_close {
                break;
            }
            e += 1;
            q.feed(c, lang, true);
        }
        let next = e + 1;
        // A period with no space after it ends nothing ("R-S.C.", "v1.2"), save in scripts
        // that write no spaces.
        let spaced = toks
            .get(next)
            .is_some_and(|t| t.span.start > toks[e].span.end);
        let ends = next < n
            && !(respect && q.open())
            && match kind {
                End::Hard => true,
                End::Soft => spaced && can_start(text, toks, next),
                End::Weak => spaced && surely_starts(text, toks, next),
            };
        if ends {
            push(start, next, out);
            start = next;
        }
        k = next;
    }
    if start < n {
        push(start, n, out);
    }
}
