//! Claim comparison and timelines within a story.
//!
//! Claims that count the same thing (the same head noun of the counted phrase, read
//! through a small table of news synonyms: soldiers, troops, personnel) are grouped; each
//! value keeps its source and date; a group is flagged when some of its intervals do not
//! overlap; values come in date order, so the group reads as the history of the estimate.
//! The timeline lists the story's dated facts (dated time expressions, quotes, claims) in
//! date order, each with the sentence it comes from.

use std::collections::BTreeMap;

use storyline_model::{Article, ClaimGroup, ClaimValue, Hedge, Span, Story, TimelineEntry};

/// Heads that count the same kind of thing, mapped to one name.
const SYNONYMS: &[(&str, &str)] = &[
    ("troops", "soldiers"),
    ("personnel", "soldiers"),
    ("servicemen", "soldiers"),
    ("fighters", "soldiers"),
    ("soldaten", "soldiers"),
    ("soldados", "soldiers"),
    ("soldati", "soldiers"),
    ("военных", "soldiers"),
    ("солдат", "soldiers"),
    ("військових", "soldiers"),
    ("dead", "deaths"),
    ("killed", "deaths"),
    ("died", "deaths"),
    ("fatalities", "deaths"),
    ("toll", "deaths"),
    ("muertos", "deaths"),
    ("tote", "deaths"),
    ("toten", "deaths"),
    ("menschen", "people"),
    ("personas", "people"),
    ("persone", "people"),
    ("человек", "people"),
    ("людей", "people"),
];

/// The head of a counted phrase: its last content word, singular forms folded, synonyms
/// mapped ("North Korean soldiers" → "soldiers", "personnel in all" → "soldiers").
pub fn head(counted: &str) -> Option<String> {
    let c = counted.trim().trim_end_matches(" in all").to_lowercase();
    let last = c.split_whitespace().last()?;
    let last = last.trim_matches(|ch: char| !ch.is_alphanumeric());
    if last.is_empty() {
        return None;
    }
    if let Some((_, to)) = SYNONYMS.iter().find(|(from, _)| *from == last) {
        return Some(to.to_string());
    }
    // Plural and singular count as one: "brigade"/"brigades".
    let singular = last
        .strip_suffix('s')
        .filter(|s| s.len() > 3)
        .unwrap_or(last);
    let plural = format!("{singular}s");
    Some(
        SYNONYMS
            .iter()
            .find(|(from, _)| *from == plural)
            .map(|(_, to)| to.to_string())
            .unwrap_or(plural),
    )
}

fn bounds(v: &ClaimValue) -> (f64, f64) {
    (v.low.unwrap_or(0.0), v.high.unwrap_or(f64::INFINITY))
}

/// True when some two values' intervals do not overlap.
pub fn disagree(values: &[ClaimValue]) -> bool {
    let max_low = values
        .iter()
        .map(|v| bounds(v).0)
        .fold(f64::NEG_INFINITY, f64::max);
    let min_high = values
        .iter()
        .map(|v| bounds(v).1)
        .fold(f64::INFINITY, f64::min);
    max_low > min_high
}

/// The claim groups of a story: only things counted by two or more claims.
pub fn claim_groups(articles: &[&Article]) -> Vec<ClaimGroup> {
    let mut groups: BTreeMap<String, Vec<ClaimValue>> = BTreeMap::new();
    for a in articles {
        for (i, c) in a.claims.iter().enumerate() {
            // Money is compared by its currency, percentages with percentages.
            let key = match (&c.unit, c.counted.as_deref().and_then(head)) {
                (Some(u), _) => u.clone(),
                (None, Some(h)) => h,
                (None, None) => continue,
            };
            groups.entry(key).or_default().push(ClaimValue {
                article: a.id.clone(),
                claim: i,
                low: c.low,
                high: c.high,
                hedge: c.hedge,
                source_name: c.source_name.clone(),
                date: c.date,
            });
        }
    }
    groups
        .into_iter()
        .filter(|(_, v)| v.len() >= 2)
        .map(|(counted, mut values)| {
            values.sort_by(|a, b| {
                a.date
                    .cmp(&b.date)
                    .then(a.article.cmp(&b.article))
                    .then(a.claim.cmp(&b.claim))
            });
            let disagree = disagree(&values);
            ClaimGroup {
                counted,
                values,
                disagree,
            }
        })
        .collect()
}

fn sentence_of(a: &Article, span: Span) -> String {
    let s = a
        .sentences
        .iter()
        .find(|s| s.span.contains(&span))
        .map(|s| s.span)
        .unwrap_or_else(|| {
            let start = a.text[..span.start.min(a.text.len())]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let end = a.text[span.end.min(a.text.len())..]
                .find('\n')
                .map_or(a.text.len(), |i| span.end + i);
            Span::new(start, end)
        });
    // A header before the body ("date 2024-11-05") is no part of the sentence.
    let start = if span.start >= a.body.start && s.start < a.body.start {
        a.body.start.min(s.end)
    } else {
        s.start
    };
    let t = a.text.get(start..s.end).unwrap_or("").trim();
    if t.chars().count() > 240 {
        let mut c: String = t.chars().take(239).collect();
        c.push('…');
        c
    } else {
        t.to_string()
    }
}

/// The dated facts of a story in date order.
pub fn timeline(articles: &[&Article]) -> Vec<TimelineEntry> {
    let mut out: Vec<TimelineEntry> = Vec::new();
    for a in articles {
        for t in &a.timexes {
            let v = &t.value;
            let dated = v.len() == 10
                && v.as_bytes()[4] == b'-'
                && v.as_bytes()[7] == b'-'
                && !v.starts_with('X');
            if dated && t.span.start >= a.body.start {
                out.push(TimelineEntry {
                    date: v.clone(),
                    article: a.id.clone(),
                    text: sentence_of(a, t.span),
                });
            }
        }
        for q in &a.quotes {
            if let Some(d) = q.date {
                out.push(TimelineEntry {
                    date: d.to_string(),
                    article: a.id.clone(),
                    text: sentence_of(a, q.span),
                });
            }
        }
        for c in &a.claims {
            if c.hedge != Hedge::Exact || c.counted.is_some() {
                if let Some(d) = c.date {
                    out.push(TimelineEntry {
                        date: d.to_string(),
                        article: a.id.clone(),
                        text: sentence_of(a, c.span),
                    });
                }
            }
        }
    }
    out.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then(a.article.cmp(&b.article))
            .then(a.text.cmp(&b.text))
    });
    out.dedup_by(|a, b| a.date == b.date && a.text == b.text);
    out
}

/// Fills the claim groups and timeline of each story.
pub fn fill(stories: &mut [Story], articles: &[Article]) {
    let by_id: std::collections::HashMap<&str, &Article> =
        articles.iter().map(|a| (a.id.as_str(), a)).collect();
    for s in stories {
        // Wire copies count once: leave duplicates out.
        let arts: Vec<&Article> = s
            .articles
            .iter()
            .filter_map(|id| by_id.get(id.as_str()).copied())
            .filter(|a| a.duplicate_of.is_none())
            .collect();
        s.claims = claim_groups(&arts);
        s.timeline = timeline(&arts);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_model::{Claim, Date};

    fn claim(counted: &str, low: Option<f64>, high: Option<f64>, date: &str) -> Claim {
        Claim {
            span: Span::new(0, 1),
            low,
            high,
            hedge: if low == high {
                Hedge::Exact
            } else {
                Hedge::UpTo
            },
            counted: Some(counted.into()),
            unit: None,
            place: None,
            source: None,
            source_name: "the outlet".into(),
            date: Date::parse(date),
            derived_from: vec![],
        }
    }

    #[test]
    fn groups_soldier_counts_and_flags_disagreement() {
        let a = Article {
            id: "a".into(),
            text: "x".into(),
            claims: vec![
                claim(
                    "North Korean soldiers",
                    Some(3000.0),
                    Some(3000.0),
                    "2024-10-24",
                ),
                claim("personnel in all", None, Some(12000.0), "2024-10-22"),
                claim("brigades", Some(2.0), Some(2.0), "2024-10-22"),
            ],
            ..Default::default()
        };
        let b = Article {
            id: "b".into(),
            text: "x".into(),
            claims: vec![claim("troops", Some(10000.0), Some(10000.0), "2024-10-23")],
            ..Default::default()
        };
        let g = claim_groups(&[&a, &b]);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].counted, "soldiers");
        let order: Vec<Option<f64>> = g[0].values.iter().map(|v| v.high).collect();
        assert_eq!(order, vec![Some(12000.0), Some(10000.0), Some(3000.0)]);
        assert!(g[0].disagree);
    }

    #[test]
    fn heads_fold_plurals() {
        assert_eq!(head("North Korean brigade").as_deref(), Some("brigades"));
        assert_eq!(head("civilians killed").as_deref(), Some("deaths"));
    }

    #[test]
    fn timeline_sentences_leave_the_header_out() {
        let text = " date 2024-11-05 SEOUL — Troops moved on Monday.\nMore came.";
        let body = text.find("SEOUL").unwrap();
        let a = Article {
            text: text.into(),
            body: Span::new(body, text.len()),
            sentences: vec![storyline_model::Sentence {
                span: Span::new(0, text.find('\n').unwrap()),
                tokens: 0..0,
                paragraph: 0,
                boilerplate: false,
            }],
            ..Default::default()
        };
        let at = text.find("Monday").unwrap();
        assert_eq!(
            sentence_of(&a, Span::new(at, at + 6)),
            "SEOUL — Troops moved on Monday."
        );
    }
}
