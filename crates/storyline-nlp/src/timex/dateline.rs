//! Guessing an article's dateline from its text.

use storyline_model::{Article, Date};

use super::expr::Expr;
use super::grammar::Grammar;
use super::lexicon;
use super::tokens::tokenize;

/// How far into the text a dateline lead or a first-paragraph date is looked for (bytes).
const LEAD: usize = 600;

/// Guesses the dateline of an article that carries none, from, in this order: a fully
/// dated expression in the lead (a header such as ` date 2024-10-26 `, "WASHINGTON —
/// Oct 26, 2024"); a fully dated embedded post ("— Name (@handle) October 25, 2024"); a
/// dateline lead without a year ("KYIV, Oct. 26 (Reuters) –") when the text states a year
/// elsewhere. `None` when nothing dates the article.
pub fn infer_dateline(article: &Article) -> Option<Date> {
    let text = &article.text;
    let lex = lexicon::for_lang(&article.lang);
    let mut toks = tokenize(text);
    lex.annotate(&mut toks);
    let g = Grammar::new(&toks, lex);
    let hits = g.scan();
    let lead_end = text
        .get(article.body.start.min(text.len())..)
        .and_then(|b| b.find("\n\n").map(|p| p + article.body.start))
        .unwrap_or(text.len())
        .min(article.body.start + LEAD);
    let full = |e: &Expr| -> Option<Date> {
        match e {
            Expr::Fixed { value, .. } if value.len() == 10 => Date::parse(value),
            Expr::Day {
                y: Some(y),
                m,
                d,
                to: None,
                ..
            } => Date::new(*y, *m, *d),
            _ => None,
        }
    };
    // 1. A fully dated expression in the lead.
    for (s, _, e) in &hits {
        if toks[*s].start > lead_end {
            break;
        }
        if let Some(d) = full(e) {
            return Some(d);
        }
    }
    // 2. A dated embedded post: the date follows an @handle.
    for (s, _, e) in &hits {
        let before = text
            .get(toks[*s].start.saturating_sub(80)..toks[*s].start)
            .unwrap_or("");
        if before.contains("(@") || before.contains("— @") {
            if let Some(d) = full(e) {
                return Some(d);
            }
        }
    }
    // 3. A lead "CITY, Oct. 26 (Reuters) –" with the year stated somewhere in the text.
    let lead_day = hits.iter().find_map(|(s, _, e)| match e {
        Expr::Day {
            y: None,
            m,
            d,
            to: None,
            ..
        } if toks[*s].start < 80 => Some((*m, *d)),
        _ => None,
    })?;
    let year = hits.iter().find_map(|(_, _, e)| match e {
        Expr::Fixed { value, .. } if value.len() == 4 => value.parse::<i32>().ok(),
        Expr::Day { y: Some(y), .. } | Expr::Month { y: Some(y), .. } => Some(*y),
        _ => None,
    })?;
    Date::new(year, lead_day.0, lead_day.1)
}
