use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::{Claim, Date, Mention, Quote, Span, Timex};

/// Where an article's dateline came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// A header in the file itself (` date 2024-10-26 ` before a plain-text body).
    Header,
    /// A field of the container: JSONL `date`, HTML meta tags, JSON-LD, `<time>`, WARC.
    Metadata,
    /// The `--date` flag.
    Flag,
    /// Guessed from the text (a dateline such as "KYIV, Oct. 26 —", or a dated post).
    Inferred,
}

/// One article as a reader found it, before any analysis.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawArticle {
    /// Where it came from: a file path, `path:line` for JSONL, `-` for stdin.
    pub path: String,
    /// An id the input gave (JSONL `id`), if any.
    pub id: Option<String>,
    /// The page's URL, if known.
    pub url: Option<String>,
    /// The headline, if the input marks one.
    pub title: Option<String>,
    /// The dateline, if the input gives one.
    pub date: Option<Date>,
    /// Where `date` came from.
    pub date_source: Option<DateSource>,
    /// Language code if the input declares one (it is still checked).
    pub lang: Option<String>,
    /// The outlet or site name.
    pub source: Option<String>,
    /// The author(s), if known.
    pub author: Option<String>,
    /// The article text as read (before normalisation).
    pub text: String,
    /// Byte range of `text` that holds the body (after a headline or header line).
    /// `None` means all of it.
    pub body: Option<Range<usize>>,
    /// Other fields the input carried (unknown JSONL keys, meta tags).
    pub meta: BTreeMap<String, serde_json::Value>,
}

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input (or part of it) was skipped.
    Error,
    /// Something odd that did not stop the input from being read.
    Warning,
}

/// A problem with one input, reported on stderr and never fatal to the run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The file (or `-`).
    pub path: String,
    /// 1-based line, where the problem has one.
    pub line: Option<usize>,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in words a user can act on.
    pub message: String,
}

impl Diagnostic {
    /// An error at `path` (and `line`): the input or record was skipped.
    pub fn error(path: impl Into<String>, line: Option<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.into(),
            line,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    /// A warning at `path` (and `line`).
    pub fn warning(
        path: impl Into<String>,
        line: Option<usize>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            path: path.into(),
            line,
            severity: Severity::Warning,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.line {
            Some(l) => write!(f, "{}:{}: {}: {}", self.path, l, sev, self.message),
            None => write!(f, "{}: {}: {}", self.path, sev, self.message),
        }
    }
}

/// What sort of token a [`Token`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TokenKind {
    /// Letters (any script), possibly with inner apostrophes or hyphens.
    Word,
    /// Digits with separators and decimals: `3,000`, `10.5`, `3 000`.
    Number,
    /// Punctuation, including quote marks and dashes.
    Punct,
    /// Anything else: symbols, emoji, `@handles`, URLs.
    Symbol,
}

/// A token: a span of the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// A sentence, with the range of [`Article::tokens`] it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where it is.
    pub span: Span,
    /// Indices into `Article::tokens`.
    pub tokens: Range<usize>,
    /// Index into `Article::paragraphs`.
    pub paragraph: usize,
    /// True for boilerplate (share buttons, related headlines, tickers): later stages skip it.
    pub boilerplate: bool,
}

/// An article under analysis: the normalised text and everything found in it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: the same input gives the same id.
    pub id: String,
    /// Where it came from.
    pub path: String,
    /// The page's URL, if known.
    pub url: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// The dateline.
    pub date: Option<Date>,
    /// Where the dateline came from.
    pub date_source: Option<DateSource>,
    /// ISO 639-1 language code (`und` when unknown).
    pub lang: String,
    /// The outlet.
    pub source: Option<String>,
    /// The author(s).
    pub author: Option<String>,
    /// The normalised text that every span indexes.
    pub text: String,
    /// Byte range of `text` that holds the body (after the headline and any header).
    pub body: Span,
    /// Other metadata from the input.
    pub meta: BTreeMap<String, serde_json::Value>,
    /// Paragraph spans.
    pub paragraphs: Vec<Span>,
    /// Sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Tokens, in order.
    pub tokens: Vec<Token>,
    /// Id of an earlier article this one nearly repeats.
    pub duplicate_of: Option<String>,
    /// Named-entity mentions.
    pub mentions: Vec<Mention>,
    /// Quotations.
    pub quotes: Vec<Quote>,
    /// Quantitative claims.
    pub claims: Vec<Claim>,
    /// Time expressions.
    pub timexes: Vec<Timex>,
}

impl Article {
    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        &self.tokens[self.sentences[i].tokens.clone()]
    }
}
