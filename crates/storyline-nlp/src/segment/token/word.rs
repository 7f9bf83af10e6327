//! Words, numbers, URLs and e-mail addresses.

use super::*;

const fn alnum_table() -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
}

/// ASCII letters and digits.
static ALNUM: [bool; 256] = alnum_table();

/// French and Italian words that elide their last vowel before an apostrophe.
fn elides(prefix: &str) -> bool {
    let p = prefix.to_lowercase();
    matches!(
        p.as_str(),
        "l" | "d"
            | "j"
            | "m"
            | "n"
            | "s"
            | "t"
            | "c"
            | "qu"
            | "jusqu"
            | "lorsqu"
            | "puisqu"
            | "quoiqu"
            | "un"
            | "dell"
            | "all"
            | "dall"
            | "nell"
            | "sull"
            | "coll"
            | "quest"
            | "quell"
            | "anch"
            | "com"
            | "dov"
            | "cos"
            | "tutt"
            | "sant"
            | "buon"
            | "nessun"
    )
}

impl Scanner<'_> {
    /// End of a URL starting at `i` ("http://", "https://", "www."), if one does.
    fn url_end(&self, i: usize) -> Option<usize> {
        let head = self.b.get(i..self.end.min(i + 8))?;
        let lower = |p: &[u8]| head.len() >= p.len() && head[..p.len()].eq_ignore_ascii_case(p);
        let scheme = if lower(b"https://") {
            8
        } else if lower(b"http://") {
            7
        } else if lower(b"www.") {
            4
        } else {
            return None;
        };
        if !self.word_at(i + scheme) {
            return None;
        }
        let mut e = i;
        while let Some(c) = self.ch(e) {
            if c.is_whitespace() || matches!(c, '"' | '<' | '>' | '“' | '”' | '«' | '»' | '‘' | '’')
            {
                break;
            }
            e += c.len_utf8();
        }
        // Trailing punctuation belongs to the sentence; a closing bracket only when unopened.
        let url = self.text.get(i..e)?;
        let opened = url.contains('(');
        let trimmed = url.trim_end_matches(|c: char| {
            matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '\'') || (c == ')' && !opened)
        });
        Some(i + trimmed.len())
    }

    /// End of an e-mail domain starting at `i` (after the `@`), if it is one.
    fn email_end(&self, i: usize) -> Option<usize> {
        let mut e = i;
        let mut dot = false;
        while e < self.end {
            let c = self.b[e];
            if c.is_ascii_alphanumeric() || c == b'-' {
                e += 1;
            } else if c == b'.' && self.byte(e + 1).is_ascii_alphanumeric() {
                dot = true;
                e += 1;
            } else {
                break;
            }
        }
        (dot && e > i).then_some(e)
    }

    /// True when a space-like separator at `i` (of `len` bytes) joins digit groups:
    /// `3 000`, `12 500 000`. The group before must be 1–3 digits (first) or 3 digits, and
    /// exactly three digits must follow.
    fn joins_groups(&self, start: usize, i: usize, len: usize) -> bool {
        let mut g = 0;
        while g < 4 && i > start + g && self.b[i - 1 - g].is_ascii_digit() {
            g += 1;
        }
        let first = i - g == start;
        let before_ok = if first {
            (1..=3).contains(&g)
        } else {
            g == 3 && self.b[i - 4] == b' '
        };
        let j = i + len;
        before_ok && (0..3).all(|k| self.byte(j + k).is_ascii_digit()) && !self.word_at(j + 3)
    }

    /// A word or number starting at `start`; returns where it ends.
    pub(super) fn word(&mut self, start: usize) -> usize {
        // Only "ht…" and "ww…" can start a URL; most words starting with h or w cannot.
        let url_like = matches!(
            (self.b[start] | 0x20, self.byte(start + 1) | 0x20),
            (b'h', b't') | (b'w', b'w')
        );
        if url_like {
            if let Some(e) = self.url_end(start) {
                self.push(start, e, TokenKind::Symbol);
                return e;
            }
        }
        let mut i = start;
        let mut letters = self.b[start].is_ascii_alphabetic();
        // Only digits and group spaces so far (for `3 000`).
        let mut plain = true;
        loop {
            let run = i;
            while i < self.end && ALNUM[self.b[i] as usize] {
                i += 1;
            }
            if !letters {
                letters = self.b[run..i].iter().any(u8::is_ascii_alphabetic);
            }
            if i >= self.end {
                break;
            }
            let c = self.b[i];
            if c == b' ' && letters {
                break;
            }
            let prev_digit = i > start && self.b[i - 1].is_ascii_digit();
            if c >= 0x80 {
                let Some(ch) = self.ch(i) else { break };
                let len = ch.len_utf8();
                if is_word_char(ch) {
                    letters |= ch.is_alphabetic();
                    plain &= ch.is_numeric();
                    i += len;
                    continue;
                }
                if ch == '’' {
                    match self.apostrophe(start, i, len) {
                        Ok(next) => {
                            i = next;
                            plain = false;
                            continue;
                        }
                        Err(stop) => {
                            i = stop;
                            break;
                        }
                    }
                }
                if matches!(ch, '\u{A0}' | '\u{202F}')
                    && plain
                    && !letters
                    && self.joins_groups(start, i, len)
                {
                    i += len;
                    continue;
                }
                break;
            }
            match c {
                b'\'' => match self.apostrophe(start, i, 1) {
                    Ok(next) => {
                        i = next;
                        plain = false;
                    }
                    Err(stop) => {
                        i = stop;
                        break;
                    }
                },
                b'-' | b'_' if self.word_at(i + 1) => {
                    i += 1;
                    plain = false;
                }
                b'.' | b',' if prev_digit && self.byte(i + 1).is_ascii_digit() => {
                    i += 1;
                    plain = false;
                }
                // A dot inside a word: acronyms ("U.S", "Ph.D") and domains ("Amazon.com"),
                // but not two sentences run together ("ended.The").
                b'.' if letters
                    && char_before(self.text, i).is_some_and(char::is_alphabetic)
                    && self.ch(i + 1).is_some_and(|c| {
                        c.is_lowercase() || (c.is_alphabetic() && self.short_piece(start, i))
                    }) =>
                {
                    i += 1;
                    plain = false;
                }
                // An abbreviation in a compound: "U.S.-led".
                b'.' if letters
                    && self.byte(i + 1) == b'-'
                    && self.word_at(i + 2)
                    && self.keeps_period(start, i) =>
                {
                    i += 2;
                    plain = false;
                }
                b'@' if i > start && self.word_at(i + 1) => {
                    if let Some(e) = self.email_end(i + 1) {
                        self.push(start, e, TokenKind::Symbol);
                        return e;
                    }
                    break;
                }
                b' ' if plain && !letters && self.joins_groups(start, i, 1) => i += 1,
                _ => break,
            }
        }
        if i < self.end && self.b[i] == b'.' && letters && self.keeps_period(start, i) {
            i += 1;
        }
        let kind = if letters {
            TokenKind::Word
        } else {
            TokenKind::Number
        };
        self.push(start, i, kind);
        i
    }

    /// True when the piece of the word before the dot at `dot` (since `start` or the last
    /// dot) is one or two chars, as in dotted acronyms.
    fn short_piece(&self, start: usize, dot: usize) -> bool {
        let word = self.text.get(start..dot).unwrap_or("");
        let piece = word.rsplit('.').next().unwrap_or(word);
        piece.chars().count() <= 2
    }

    /// An apostrophe of `len` bytes at `i` inside the word begun at `start`: `Ok(next)` to
    /// go on scanning at `next`, `Err(end)` to end the word at `end`.
    fn apostrophe(&self, start: usize, i: usize, len: usize) -> Result<usize, usize> {
        let next = i + len;
        let prev_digit = i > start && self.b[i - 1].is_ascii_digit();
        // Swiss thousands: 3’000.
        if prev_digit && self.byte(next).is_ascii_digit() {
            return Ok(next);
        }
        if !self.ch(next).is_some_and(char::is_alphabetic) {
            return Err(i);
        }
        match self.lang {
            Lang::En => {
                // "n't": split before the n, unless the word is the clitic itself.
                let n_before = i > start && matches!(self.b[i - 1], b'n' | b'N');
                let t_after = matches!(self.byte(next), b't' | b'T') && !self.word_at(next + 1);
                if n_before && t_after {
                    return if i - 1 > start {
                        Err(i - 1)
                    } else {
                        Err(next + 1)
                    };
                }
                if self.clitic_at(next).is_some() {
                    Err(i)
                } else {
                    Ok(next)
                }
            }
            Lang::Fr | Lang::It => {
                if self.text.get(start..i).is_some_and(elides) {
                    Err(next)
                } else {
                    Ok(next)
                }
            }
            _ => Ok(next),
        }
    }

    /// True when the period at `dot` ends the abbreviation `text[start..dot]`.
    fn keeps_period(&self, start: usize, dot: usize) -> bool {
        let Some(w) = self.text.get(start..dot) else {
            return false;
        };
        // Initials and dotted acronyms: "J.", "U.S.", "e.g.", "a.m.", "Ph.D.".
        let mut chars = w.chars();
        if chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none() {
            return true;
        }
        if w.contains('.')
            && w.split('.')
                .all(|p| !p.is_empty() && p.chars().count() <= 3)
        {
            return true;
        }
        match abbrev::lookup(w, self.lang) {
            Some(Abbrev::Numeral) => {
                let mut j = dot + 1;
                while self.byte(j) == b' ' && j < self.end {
                    j += 1;
                }
                self.byte(j).is_ascii_digit()
            }
            Some(_) => true,
            None => false,
        }
    }
}
