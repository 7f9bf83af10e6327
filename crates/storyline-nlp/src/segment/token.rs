//! The token scanner: one pass over the bytes of a paragraph, ASCII handled from a table.
//!
//! Decisions (see the module docs of [`super`] for the full list):
//! * English clitics split as in the Penn Treebank and CoNLL ("Russia" "'s", "do" "n't");
//!   French and Italian elisions keep their apostrophe ("l'" "homme"); other inner
//!   apostrophes ("O'Brien") and hyphens ("full-scale") stay inside the word.
//! * Numbers keep their separators: `3,000`, `3.000`, `10,5`, `3’000`, `3 000`.
//! * Abbreviations, initials and dotted acronyms keep their period: "Oct.", "J.", "U.S.".
//! * URLs, e-mail addresses, `@handles` and `#hashtags` are single [`TokenKind::Symbol`]s.

use storyline_model::{Span, Token, TokenKind};

use super::abbrev::{self, Abbrev};
use super::chars::{char_at, char_before, extends_symbol, is_han, is_punct, is_word_char, kana};
use super::chars::{Ascii, ASCII};
use super::Lang;

/// Scans one paragraph, `text[start..end]`, appending its tokens to `out`.
pub(super) struct Scanner<'a> {
    text: &'a str,
    b: &'a [u8],
    end: usize,
    lang: Lang,
    out: &'a mut Vec<Token>,
}

impl<'a> Scanner<'a> {
    pub(super) fn new(text: &'a str, end: usize, lang: Lang, out: &'a mut Vec<Token>) -> Self {
        Scanner {
            text,
            b: text.as_bytes(),
            end: end.min(text.len()),
            lang,
            out,
        }
    }

    #[inline]
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        self.out.push(Token {
            span: Span::new(start, end),
            kind,
        });
    }

    #[inline]
    fn byte(&self, i: usize) -> u8 {
        if i < self.end {
            self.b[i]
        } else {
            b' '
        }
    }

    #[inline]
    fn ch(&self, i: usize) -> Option<char> {
        if i < self.end {
            char_at(self.text, i)
        } else {
            None
        }
    }

    /// True when a word char starts at `i`.
    #[inline]
    fn word_at(&self, i: usize) -> bool {
        let c = self.byte(i);
        if c < 0x80 {
            c.is_ascii_alphanumeric()
        } else {
            self.ch(i).is_some_and(is_word_char)
        }
    }

    /// Tokenises `text[start..end]`.
    pub(super) fn run(&mut self, start: usize) {
        let mut i = start;
        while i < self.end {
            let c = self.b[i];
            if c < 0x80 {
                i = match ASCII[c as usize] {
                    Ascii::Space => i + 1,
                    Ascii::Alpha | Ascii::Digit => self.word(i),
                    Ascii::Other => self.ascii_other(i),
                };
                continue;
            }
            let Some(ch) = self.ch(i) else {
                // Not a char boundary: cannot happen for `&str` input; step on safely.
                i += 1;
                continue;
            };
            let len = ch.len_utf8();
            i = if ch.is_whitespace() {
                i + len
            } else if is_han(ch) {
                self.push(i, i + len, TokenKind::Word);
                i + len
            } else if kana(ch) != 0 {
                self.kana_run(i, kana(ch))
            } else if is_word_char(ch) {
                self.word(i)
            } else if ch == '’' && self.clitic_at(i + len).is_some() {
                let e = i + len + self.clitic_at(i + len).unwrap_or(0);
                self.push(i, e, TokenKind::Word);
                e
            } else if is_punct(ch) {
                self.push(i, i + len, TokenKind::Punct);
                i + len
            } else {
                self.symbol(i, len)
            };
        }
    }

    fn kana_run(&mut self, start: usize, kind: u8) -> usize {
        let mut i = start;
        while let Some(c) = self.ch(i) {
            if kana(c) != kind {
                break;
            }
            i += c.len_utf8();
        }
        self.push(start, i, TokenKind::Word);
        i
    }

    /// A symbol and the marks, selectors and joined symbols that extend it (emoji).
    fn symbol(&mut self, start: usize, len: usize) -> usize {
        let mut i = start + len;
        while let Some(c) = self.ch(i) {
            if !extends_symbol(c) {
                break;
            }
            i += c.len_utf8();
            if c == '\u{200D}' {
                match self.ch(i) {
                    Some(n) if !n.is_whitespace() && !n.is_alphanumeric() => i += n.len_utf8(),
                    _ => break,
                }
            }
        }
        self.push(start, i, TokenKind::Symbol);
        i
    }

    /// Length of an English clitic ('s 're 've 'll 'd 'm) starting at `i`, after its
    /// apostrophe, when the word ends right after it.
    fn clitic_at(&self, i: usize) -> Option<usize> {
        if self.lang != Lang::En {
            return None;
        }
        let mut n = 0;
        while n < 3 && self.byte(i + n).is_ascii_alphabetic() {
            n += 1;
        }
        if n == 0 || self.word_at(i + n) {
            return None;
        }
        let w = self.text.get(i..i + n)?;
        let ok = ["s", "re", "ve", "ll", "d", "m"]
            .iter()
            .any(|c| c.eq_ignore_ascii_case(w));
        ok.then_some(n)
    }

    fn ascii_other(&mut self, i: usize) -> usize {
        let c = self.b[i];
        let run = |s: &Self, set: &[u8]| {
            let mut e = i + 1;
            while e < s.end && set.contains(&s.b[e]) {
                e += 1;
            }
            e
        };
        match c {
            b'.' | b'!' | b'?' | b'-' => {
                let e = match c {
                    b'.' => run(self, b"."),
                    b'-' => run(self, b"-"),
                    _ => run(self, b"!?"),
                };
                self.push(i, e, TokenKind::Punct);
                e
            }
            b'@' | b'#' if self.word_at(i + 1) || self.byte(i + 1) == b'_' => {
                let mut e = i + 1;
                while e < self.end && (self.word_at(e) || self.b[e] == b'_') {
                    e += self.ch(e).map_or(1, char::len_utf8);
                }
                self.push(i, e, TokenKind::Symbol);
                e
            }
            b'\'' if self.clitic_at(i + 1).is_some() => {
                let e = i + 1 + self.clitic_at(i + 1).unwrap_or(0);
                self.push(i, e, TokenKind::Word);
                e
            }
            b'$' | b'+' | b'<' | b'=' | b'>' | b'^' | b'`' | b'|' | b'~' => {
                self.push(i, i + 1, TokenKind::Symbol);
                i + 1
            }
            0..=0x1F | 0x7F => self.symbol(i, 1),
            _ => {
                self.push(i, i + 1, TokenKind::Punct);
                i + 1
            }
        }
    }
}

mod word;
