//! The [`Article`] adapter: tokens of the article's sentences in, [`Mention`]s out.

use storyline_model::{Article, EntityType, Mention, Span};

use super::labels::chunks;
use super::types::refine;
use super::Tagger;

/// A name found in the article, before it becomes a [`Mention`].
struct Found {
    span: Span,
    kind: EntityType,
    /// Indices into the flat token list of the tagged sentences.
    toks: std::ops::Range<usize>,
}

fn is_punct(w: &str) -> bool {
    !w.chars().any(char::is_alphanumeric)
}

impl Tagger {
    /// Tags the article's sentences (boilerplate skipped) as one document. Every span
    /// indexes `article.text` exactly.
    pub fn tag(&self, article: &Article) -> Vec<Mention> {
        let text = article.text.as_str();
        let mut doc: Vec<Vec<&str>> = Vec::new();
        let mut spans: Vec<Span> = Vec::new();
        for s in article.sentences.iter().filter(|s| !s.boilerplate) {
            let Some(toks) = article.tokens.get(s.tokens.clone()) else {
                continue;
            };
            let words: Vec<&str> = toks
                .iter()
                .map(|t| text.get(t.span.start..t.span.end).unwrap_or(""))
                .collect();
            spans.extend(toks.iter().map(|t| t.span));
            doc.push(words);
        }
        let labels = self.model.tag(&doc);
        let words: Vec<&str> = doc.iter().flatten().copied().collect();
        let mut found = Vec::new();
        let mut base = 0;
        for (sent, labels) in doc.iter().zip(&labels) {
            for c in chunks(labels) {
                // Names never begin or end with punctuation ("Zelenskyy /").
                let (mut a, mut b) = (c.start, c.end);
                while a < b && sent.get(a).is_some_and(|w| is_punct(w)) {
                    a += 1;
                }
                while b > a && sent.get(b - 1).is_some_and(|w| is_punct(w)) {
                    b -= 1;
                }
                let (Some(first), Some(last)) =
                    (spans.get(base + a), spans.get(base + b.max(1) - 1))
                else {
                    continue;
                };
                if a >= b {
                    continue;
                }
                let span = Span::new(first.start, last.end);
                if !span.is_valid_in(text) || span.is_empty() {
                    continue;
                }
                let kind = refine(&self.model.lex, &sent[a..b], c.ty);
                found.push(Found {
                    span,
                    kind,
                    toks: base + a..base + b,
                });
            }
            base += sent.len();
        }
        propagate_surnames(&mut found, &words);
        found
            .into_iter()
            .map(|f| Mention {
                span: f.span,
                kind: f.kind,
                entity: None,
                resolved: false,
                role: None,
            })
            .collect()
    }
}

/// A one-word name that is the last word of a longer PERSON name in the same article is
/// that person ("President Olena Kovalenko" … "Kovalenko said").
fn propagate_surnames(found: &mut [Found], words: &[&str]) {
    let surnames: Vec<&str> = found
        .iter()
        .filter(|f| f.kind == EntityType::Person && f.toks.len() >= 2)
        .filter_map(|f| words.get(f.toks.end - 1).copied())
        .collect();
    for f in found.iter_mut().filter(|f| f.toks.len() == 1) {
        if let Some(w) = words.get(f.toks.start) {
            if surnames.contains(w) {
                f.kind = EntityType::Person;
            }
        }
    }
}
