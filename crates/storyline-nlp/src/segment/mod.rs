//! Paragraphs, sentences and tokens.
//!
//! One pass finds the paragraphs (blocks between blank lines; within a block every line,
//! unless the block is hard-wrapped prose), a byte-level scanner tokenises each paragraph,
//! and sentence boundaries are then decided on the tokens. All spans are byte offsets into
//! the text given, on char boundaries, in order and non-overlapping; a sentence never crosses
//! a paragraph.
//!
//! Tokenisation choices, for the stages that read tokens:
//! * English clitics split as the Penn Treebank and CoNLL-2003 do ("Russia 's", "do n't"),
//!   since the entity tagger is trained on that tokenisation; French and Italian elisions keep
//!   the apostrophe on the first part ("l'" "homme"); other inner apostrophes ("O'Brien") and
//!   hyphens ("full-scale", "COVID-19") stay inside the word.
//! * A number keeps its separators and decimals: `3,000`, `3.000`, `10,5`, `3’000`, and
//!   `3 000` (the one case where a token holds a space: single spaces between digit groups).
//! * Abbreviations, initials and dotted acronyms keep their period ("Oct.", "J.", "U.S.").
//! * URLs, e-mail addresses, `@handles` and `#hashtags` are one [`TokenKind::Symbol`] each.
//! * Han ideographs are one token each, a run of kana one token.
//!
//! ```
//! use storyline_nlp::segment::segment;
//! let text = "Gen. Mark Milley said the U.S. would send 3,000 troops. “It is ready,” he said.";
//! let seg = segment(text, "en");
//! assert_eq!(seg.sentences.len(), 2);
//! assert_eq!(seg.sentences[1].span.slice(text), "“It is ready,” he said.");
//! ```

mod abbrev;
mod boilerplate;
mod chars;
mod dateline;
pub(crate) use chars::{is_letter_or_mark, is_uncased_letter};
pub(crate) use dateline::{after_dateline, dateline_agency, dateline_place, words_start};
mod paragraph;
mod sentence;
mod token;

use storyline_model::{Sentence, Span, Token};

/// The segmentation of one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmentation {
    /// Paragraph spans.
    pub paragraphs: Vec<Span>,
    /// Sentences.
    pub sentences: Vec<Sentence>,
    /// Tokens.
    pub tokens: Vec<Token>,
}

/// The languages whose rules differ here; everything else follows the general rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lang {
    En,
    De,
    Es,
    Fr,
    It,
    Ru,
    Uk,
    Other,
}

impl Lang {
    fn from_code(code: &str) -> Lang {
        match code {
            "en" => Lang::En,
            "de" => Lang::De,
            "es" => Lang::Es,
            "fr" => Lang::Fr,
            "it" => Lang::It,
            "ru" => Lang::Ru,
            "uk" => Lang::Uk,
            _ => Lang::Other,
        }
    }
}

/// True when `word` (without its period) is an abbreviation that keeps its period in
/// `lang` ("Mr", "Sen", "Del", "Oct"), whatever follows it.
pub(crate) fn is_abbreviation(word: &str, lang: &str) -> bool {
    abbrev::lookup(word, Lang::from_code(lang)).is_some()
}

/// Segments `text` written in `lang` (an ISO 639-1 code; anything else gets the general
/// rules) into paragraphs, sentences and tokens, and marks boilerplate sentences.
pub fn segment(text: &str, lang: &str) -> Segmentation {
    let lang = Lang::from_code(lang);
    let paragraphs = paragraph::split(text);
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut sentences = Vec::with_capacity(text.len() / 100 + 1);
    let mut in_list = false;
    for (p, span) in paragraphs.iter().enumerate() {
        let t0 = tokens.len();
        token::Scanner::new(text, span.end, lang, &mut tokens).run(span.start);
        let s0 = sentences.len();
        sentence::split(text, &tokens, t0..tokens.len(), p, lang, &mut sentences);
        let line = text.get(span.start..span.end).unwrap_or("");
        let kind = boilerplate::classify(line);
        let flag = match kind {
            Some(boilerplate::Kind::ListHeader) => {
                in_list = true;
                true
            }
            Some(_) => true,
            None => in_list && boilerplate::is_headline(line),
        };
        if kind.is_none() && !flag {
            in_list = false;
        }
        if flag {
            for s in &mut sentences[s0..] {
                s.boilerplate = true;
            }
        }
    }
    Segmentation {
        paragraphs,
        sentences,
        tokens,
    }
}

#[cfg(test)]
mod tests;
