//! Embedded social-media posts: "TEXT — Name / Other-script name (@handle) October 25, 2024".

use storyline_model::{Date, Quote, QuoteKind, Span};

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The posts of `text`, one quote each.
pub fn find(text: &str, paras: &[Span]) -> Vec<Quote> {
    let mut out = Vec::new();
    for (p, para) in paras.iter().enumerate() {
        let Some(seg) = text.get(para.start..para.end) else {
            continue;
        };
        let mut from = 0;
        while let Some(k) = seg.get(from..).and_then(|s| s.find("(@")) {
            let at = from + k;
            from = at + 2;
            let Some(close) = seg[at..].find(')').map(|c| at + c) else {
                break;
            };
            // The dash that introduces the author, before the handle on the same line.
            let head = &seg[..at];
            let Some((dash, dlen)) = ["—", "–", "- "]
                .iter()
                .filter_map(|d| head.rfind(d).map(|i| (i, d.len())))
                .max()
            else {
                continue;
            };
            let names = head[dash + dlen..].trim();
            let name = names.split(" / ").next().unwrap_or("").trim();
            if name.is_empty() || name.len() > 80 {
                continue;
            }
            let body = head[..dash].trim_end();
            let content = if body.trim().is_empty() {
                // The author line stands alone: the post is the paragraph before.
                match p.checked_sub(1).and_then(|q| paras.get(q)) {
                    Some(prev) => *prev,
                    None => continue,
                }
            } else {
                let lead = body.len() - body.trim_start().len();
                Span::new(para.start + lead, para.start + body.len())
            };
            let name_at = para.start
                + dash
                + dlen
                + (head[dash + dlen..].len() - head[dash + dlen..].trim_start().len());
            out.push(Quote {
                span: content,
                kind: QuoteKind::Post,
                speaker: None,
                speaker_name: Some(name.to_string()),
                speaker_span: Some(Span::new(name_at, name_at + name.len())),
                cue: None,
                cue_span: None,
                via: Vec::new(),
                date: parse_date(&seg[close + 1..]),
            });
            from = close + 1;
        }
    }
    out
}

/// An English date at the start of `s`: "October 25, 2024" (also "Oct 25, 2024").
pub fn parse_date(s: &str) -> Option<Date> {
    let mut it = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    let month = it.next()?.trim_end_matches('.').to_lowercase();
    let m = MONTHS
        .iter()
        .position(|name| month.len() >= 3 && name.starts_with(month.as_str()))?;
    let day: u8 = it.next()?.parse().ok()?;
    let year: i32 = it.next()?.get(..4)?.parse().ok()?;
    Date::new(year, m as u8 + 1, day)
}
