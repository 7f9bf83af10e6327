//! A small tokenizer for the time-expression grammar: words, numbers and punctuation with
//! byte offsets into the text. It needs nothing from the segmenter.

/// What a [`Tok`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// A run of ASCII digits.
    Num,
    /// A run of letters (any script), combining marks included.
    Word,
    /// One punctuation character.
    Punct,
}

/// A token of the text.
#[derive(Debug, Clone)]
pub struct Tok {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Lower-cased text.
    pub norm: String,
    /// Kind.
    pub kind: TokKind,
    /// True when the original starts with an upper-case letter.
    pub upper: bool,
    /// True when whitespace precedes the token (or it is the first).
    pub space_before: bool,
    /// The lexicon classes that have a form starting with this token (bit = class id),
    /// set by [`Lexicon::annotate`](super::lexicon::Lexicon::annotate); all bits until then.
    pub classes: u64,
}

impl Tok {
    /// The numeric value of a digit token.
    pub fn num(&self) -> Option<i64> {
        if self.kind == TokKind::Num && self.norm.len() <= 9 {
            self.norm.parse().ok()
        } else {
            None
        }
    }

    /// True for a punctuation token equal to `s`.
    pub fn is(&self, s: &str) -> bool {
        self.norm == s
    }
}

/// True for characters that separate tokens on their own.
fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c, '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}' | '«' | '»' | '¡' | '¿' | '·' | '\u{0964}' | '\u{0965}')
        || c.is_control()
}

fn class(c: char) -> u8 {
    if c.is_whitespace() {
        0
    } else if c.is_ascii_digit() {
        1
    } else if is_punct(c) {
        2
    } else {
        3
    }
}

/// Splits `text` into tokens. Letters and digits never share a token ("8월" is two tokens).
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::new();
    let mut cur: Option<(usize, u8)> = None;
    let mut space = true;
    let push = |out: &mut Vec<Tok>, start: usize, end: usize, cls: u8, space: bool| {
        let Some(s) = text.get(start..end) else {
            return;
        };
        let kind = match cls {
            1 => TokKind::Num,
            2 => TokKind::Punct,
            _ => TokKind::Word,
        };
        out.push(Tok {
            start,
            end,
            norm: s.to_lowercase(),
            kind,
            upper: s.chars().next().is_some_and(char::is_uppercase),
            space_before: space,
            classes: u64::MAX,
        });
    };
    for (i, c) in text.char_indices() {
        let cls = class(c);
        if let Some((start, cc)) = cur {
            if cc != cls || cls == 2 {
                push(&mut out, start, i, cc, space);
                space = false;
                cur = None;
            }
        }
        if cls == 0 {
            space = true;
            continue;
        }
        if cur.is_none() {
            cur = Some((i, cls));
        }
    }
    if let Some((start, cc)) = cur {
        push(&mut out, start, text.len(), cc, space);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_scripts_and_digits() {
        let t = tokenize("12월 3일, Oct. 22–23");
        let n: Vec<&str> = t.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(n, ["12", "월", "3", "일", ",", "oct", ".", "22", "–", "23"]);
        assert!(t[5].upper && t[5].space_before && !t[6].space_before);
    }
}
