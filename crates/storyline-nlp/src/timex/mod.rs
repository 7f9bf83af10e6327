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
//! Friday" are never the dateline. Expressions that count from a date the text has just
//! named ("that year", "the following month", "the next morning") take it from the last
//! expression before them that is fine enough, and a year before a quarter ("a year ago",
//! "year-earlier results") is the same quarter a year before the one just named.
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
#[cfg(test)]
mod tests_periods;

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
    // Which of `out` count back from another expression ("a year ago" after a quarter).
    let mut derived: Vec<bool> = Vec::new();
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
                .zip(&derived)
                .rev()
                .take_while(|(p, _)| span.start.saturating_sub(p.span.end) < QUARTER_CONTEXT)
                .filter(|(_, d)| !**d)
                .find_map(|(p, _)| year_before_quarter(&p.value, *n))
                .map(|v| (v, "DATE")),
            (expr::Expr::Anaphor { unit, n, time }, _) => out
                .iter()
                .rev()
                .take_while(|p| span.start.saturating_sub(p.span.end) < ANAPHOR_CONTEXT)
                .find_map(|p| from_previous(&p.value, unit, *n, time.as_deref())),
            _ => None,
        };
        if let Some((value, kind)) = value.or_else(|| resolve::value(&expr, anchor, t)) {
            derived.push(matches!(
                expr,
                expr::Expr::Ago { .. }
                    | expr::Expr::Quarter {
                        shift: Some(-5),
                        ..
                    }
            ));
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

/// How far back (bytes) "that day", "the following year" look for the date they count from.
const ANAPHOR_CONTEXT: usize = 2000;

/// The value `n` units (`D`, `W`, `M`, `Y`, `Q`) from the date value `prev`, when `prev`
/// is fine enough for the unit ("1998" gives no day).
fn from_previous(
    prev: &str,
    unit: &str,
    n: i64,
    time: Option<&str>,
) -> Option<(String, &'static str)> {
    let year: i32 = prev.get(..4)?.parse().ok()?;
    let day = prev.get(..10).and_then(Date::parse);
    let month = prev
        .get(5..7)
        .filter(|_| prev.as_bytes().get(4) == Some(&b'-'))
        .and_then(|m| m.parse::<u8>().ok())
        .and_then(|m| Date::new(year, m, 1));
    let shift = i32::try_from(n).ok()?;
    Some(match unit {
        "D" => {
            let d = day?.add_days(n);
            match time {
                Some(t) => (format!("{d}T{t}"), "TIME"),
                None => (d.to_string(), "DATE"),
            }
        }
        "W" => {
            let (y, w) = day?.add_days(7 * n).iso_week();
            (format!("{y:04}-W{w:02}"), "DATE")
        }
        "M" => {
            let d = day.or(month)?.add_months(shift);
            (format!("{:04}-{:02}", d.year, d.month), "DATE")
        }
        "Y" => (format!("{:04}", year + shift), "DATE"),
        "Q" => {
            let q: i32 = match prev.get(4..6) {
                Some("-Q") => prev.get(6..7)?.parse().ok()?,
                _ => i32::from((day.or(month)?.month - 1) / 3 + 1),
            };
            let k = year * 4 + q - 1 + shift;
            (
                format!("{:04}-Q{}", k.div_euclid(4), k.rem_euclid(4) + 1),
                "DATE",
            )
        }
        _ => return None,
    })
}

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
