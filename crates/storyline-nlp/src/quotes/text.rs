//! Light segmentation for the quote extractor: paragraphs, quote-aware sentences and words.
//!
//! When the article carries the segmenter's sentences they are used; otherwise a small
//! splitter of our own stands in. Either way no sentence boundary falls inside a quotation.

use crate::segment::{after_dateline, is_letter_or_mark};
use storyline_model::{Article, Span};

/// A token of a sentence: a word or one punctuation character.
#[derive(Debug, Clone)]
pub struct Tok {
    /// Byte span in the article text.
    pub span: Span,
    /// Lower-cased text.
    pub lower: String,
    /// True for words (letters or digits), false for punctuation.
    pub word: bool,
    /// True when the word starts with an upper-case letter.
    pub cap: bool,
}

impl Tok {
    /// True for a word of a script without case (Devanagari, Hangul), which could be a
    /// name anywhere.
    pub fn uncased(&self) -> bool {
        self.word
            && self
                .lower
                .chars()
                .next()
                .is_some_and(crate::segment::is_uncased_letter)
    }
}

/// Paragraph spans: the article's own, or lines of the text.
pub fn paragraphs(a: &Article) -> Vec<Span> {
    if !a.paragraphs.is_empty() {
        return a.paragraphs.clone();
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in a.text.char_indices() {
        if c == '\n' {
            push_trimmed(&a.text, start, i, &mut out);
            start = i + 1;
        }
    }
    push_trimmed(&a.text, start, a.text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<Span>) {
    if let Some(seg) = text.get(s..e) {
        let lead = seg.len() - seg.trim_start().len();
        let trail = seg.len() - seg.trim_end().len();
        if lead + trail < seg.len() {
            out.push(Span::new(s + lead, e - trail));
        }
    }
}

/// Quote-aware sentence spans of the whole article, in order.
pub fn sentences(a: &Article, paras: &[Span], inside: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    // An article not segmented yet is segmented here, by the same rules.
    let own;
    let given = if a.sentences.is_empty() {
        own = crate::segment::segment(&a.text, &a.lang).sentences;
        &own
    } else {
        &a.sentences
    };
    for &p in paras {
        let mut starts = vec![p.start];
        starts.extend(
            given
                .iter()
                .map(|s| s.span.start)
                .filter(|&s| s > p.start && s < p.end)
                .filter(|&s| !inside.iter().any(|q| q.start < s && s < q.end)),
        );
        starts.dedup();
        for (k, &s) in starts.iter().enumerate() {
            let e = starts.get(k + 1).copied().unwrap_or(p.end);
            // A header before the body ("date 2026-03-09") and the dateline that opens it
            // ("GENEVA —", "KYIV, Ukraine (AP) —") belong to no sentence.
            let body = a.body.start;
            let s = if s <= body && body < e && body > 0 {
                body
            } else {
                s
            };
            let s = if s == body {
                after_dateline(&a.text, s, e)
            } else {
                s
            };
            push_trimmed(&a.text, s, e, &mut out);
        }
    }
    out
}

/// True for characters that open a quotation.
pub fn is_opener(c: char) -> bool {
    matches!(c, '"' | '“' | '„' | '«' | '‚' | '‘' | '「' | '『' | '‹')
}

/// True for characters that close a quotation.
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '”' | '“' | '»' | '’' | '‘' | '」' | '』' | '›' | '\''
    )
}

/// The tokens of `span`.
pub fn tokens(text: &str, span: Span) -> Vec<Tok> {
    let mut out = Vec::new();
    let Some(seg) = text.get(span.start..span.end) else {
        return out;
    };
    let mut it = seg.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if is_letter_or_mark(c) || c == '@' {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                let inner = matches!(d, '\'' | '’' | '-' | '.' | ',');
                if is_letter_or_mark(d) || d == '_' {
                    end = j + d.len_utf8();
                    it.next();
                } else if inner {
                    // Keep inner marks only between word characters ("U.S.", "3,000", "don't"),
                    // and a final dot of an abbreviation ("Oct.", "Mr.").
                    let rest = &seg[j + d.len_utf8()..];
                    let next = rest.chars().next();
                    let glue = next.is_some_and(|n| n.is_alphanumeric());
                    let digit_glue =
                        d == ',' && glue && seg[..j].ends_with(|x: char| x.is_numeric());
                    let word = &seg[i..end];
                    let abbrev_dot = d == '.'
                        && (crate::segment::is_abbreviation(word, "")
                            || word.contains('.')
                            || word.chars().count() == 1 && word.chars().all(char::is_uppercase));
                    if (glue && d != ',') || digit_glue || abbrev_dot && !glue {
                        end = j + d.len_utf8();
                        it.next();
                        if abbrev_dot && !glue {
                            break;
                        }
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let w = &seg[i..end];
            out.push(Tok {
                span: Span::new(span.start + i, span.start + end),
                lower: w.to_lowercase(),
                word: true,
                cap: w.chars().next().is_some_and(char::is_uppercase),
            });
        } else {
            let e = i + c.len_utf8();
            out.push(Tok {
                span: Span::new(span.start + i, span.start + e),
                lower: c.to_string(),
                word: false,
                cap: false,
            });
        }
    }
    out
}
