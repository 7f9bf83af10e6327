//! Time expressions, normalised against the article's dateline.
//!
//! [`extract`] finds dates, times, durations and sets in `Article::text` and gives each a
//! TimeML value (`2024-10-25`, `2024-W43`, `2024-10`, `P3D`, `PRESENT_REF`, ...). It works
//! on the raw text and needs no segmentation. Relative expressions are anchored at
//! `Article::date` or, when the article carries none, at [`infer_dateline`]; without any
//! dateline, a year the text does not state stays `XXXX` (`XXXX-10-22`).
//!
//! The rules are shared by every language; the words come from one data file per language
//! (`lexicons/timex/LANG.txt`, see [`lexicon`]). Where an expression leaves the direction
//! open ("on Friday", "in October"), the nearest tense cue in the clause decides: past
//! cues pick the most recent such day on or before the dateline, future cues the next one
//! on or after it. A weekday equal to the dateline's own is the dateline itself either way
//! (news style names the day of publication by its weekday); "last Friday" and "next
//! Friday" are never the dateline.
//!
//! ```
//! use storyline_model::{Article, Date};
//! use storyline_nlp::timex;
//! let text = "Officials said on Friday they will meet again on Tuesday.";
//! let a = Article {
//!     text: text.into(),
//!     lang: "en".into(),
//!     date: Date::parse("2024-10-26"),
//!     ..Default::default()
//! };
//! let values: Vec<String> = timex::extract(&a).into_iter().map(|t| t.value).collect();
//! assert_eq!(values, ["2024-10-25", "2024-10-29"]);
//! ```

mod dateline;
mod expr;
mod grammar;
pub mod lexicon;
mod resolve;
pub mod timeml;
mod tokens;

#[cfg(test)]
mod tests;

use storyline_model::{Article, Date, Span, Timex};

pub use dateline::infer_dateline;

use grammar::Grammar;
use resolve::Tense;

/// Finds and normalises the time expressions of an article.
pub fn extract(article: &Article) -> Vec<Timex> {
    let anchor = article.date.or_else(|| infer_dateline(article));
    extract_with(&article.text, &article.lang, anchor)
}

/// Finds and normalises the time expressions of `text` in language `lang`, anchored at
/// `anchor` (the dateline) when there is one.
pub fn extract_with(text: &str, lang: &str, anchor: Option<Date>) -> Vec<Timex> {
    let lex = lexicon::for_lang(lang);
    let mut toks = tokens::tokenize(text);
    lex.annotate(&mut toks);
    let g = Grammar::new(&toks, lex);
    let mut out: Vec<Timex> = Vec::new();
    for (s, e, expr) in g.scan() {
        let (Some(first), Some(last)) = (toks.get(s), e.checked_sub(1).and_then(|l| toks.get(l)))
        else {
            continue;
        };
        let span = Span::new(first.start, last.end);
        if !span.is_valid_in(text) || span.is_empty() {
            continue;
        }
        let t = if anchor.is_some() {
            resolve::tense(&toks, text, lex, s, e)
        } else {
            Tense::Unknown
        };
        let value = match (&expr, out.last()) {
            // "Profit rose 5% from a year earlier": a year before the quarter just named.
            (expr::Expr::Ago { unit, n }, Some(_)) if unit == "Y" => out
                .iter()
                .rev()
                .take_while(|p| span.start.saturating_sub(p.span.end) < QUARTER_CONTEXT)
                .filter_map(|p| year_before_quarter(&p.value, *n))
                .max()
                .map(|v| (v, "DATE")),
            _ => None,
        };
        if let Some((value, kind)) = value.or_else(|| resolve::value(&expr, anchor, t)) {
            out.push(Timex {
                span,
                value,
                kind: kind.to_string(),
            });
        }
    }
    out
}

/// How far back (bytes) a quarter sets the period that "a year ago" is measured from.
const QUARTER_CONTEXT: usize = 1500;

/// `1989-Q3` moved by `n` years, for "a year ago" after a quarter.
fn year_before_quarter(prev: &str, n: i64) -> Option<String> {
    let (y, q) = prev.split_once("-Q")?;
    let y: i64 = y.parse().ok()?;
    let q: u8 = q.parse().ok()?;
    Some(format!("{:04}-Q{q}", y + n))
}

/// Scores predictions against gold `(text, value)` pairs of one text: a gold expression is
/// found when a prediction overlaps its first unused occurrence and has the same value.
pub fn score_gold(text: &str, gold: &[(String, String)], pred: &[Timex]) -> timeml::Counts {
    let mut from = 0;
    let mut spans = Vec::new();
    for (t, _) in gold {
        let at = text
            .get(from..)
            .and_then(|s| s.find(t.as_str()))
            .map(|p| p + from)
            .or_else(|| text.find(t.as_str()));
        if let Some(p) = at {
            from = p + t.len();
        }
        spans.push(at.map(|p| Span::new(p, p + t.len())));
    }
    let mut used = vec![false; pred.len()];
    let mut tp = 0;
    for ((_, v), span) in gold.iter().zip(&spans) {
        let Some(span) = span else { continue };
        let hit = pred
            .iter()
            .enumerate()
            .find(|(i, p)| !used[*i] && p.span.overlaps(span) && p.value == *v);
        if let Some((i, _)) = hit {
            used[i] = true;
            tp += 1;
        }
    }
    timeml::Counts {
        tp,
        predicted: pred.len(),
        gold: gold.len(),
    }
}
