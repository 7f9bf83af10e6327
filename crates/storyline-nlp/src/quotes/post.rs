//! Embedded social-media posts: "TEXT — Name / Other-script name (@handle) October 25, 2024".

use storyline_model::{Date, Quote, QuoteKind, Span};

use super::marks::Marked;

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
    let m = storyline_model::english_month(it.next()?)?;
    let day: u8 = it.next()?.parse().ok()?;
    let year: i32 = it.next()?.get(..4)?.parse().ok()?;
    Date::new(year, m, day)
}

fn said(span: Span, kind: QuoteKind, name: Span, cue: Span, t: &str) -> Quote {
    Quote {
        span,
        kind,
        speaker: None,
        speaker_name: t.get(name.start..name.end).map(str::to_string),
        speaker_span: Some(name),
        cue: t.get(cue.start..cue.end).map(str::to_string),
        cue_span: Some(cue),
        via: Vec::new(),
        date: None,
    }
}

/// A quotation signed with a dash after it: `"…" ― Maria Lopez` (reader voices, epigraphs).
pub fn signed(t: &str, m: &Marked, paras: &[Span]) -> Option<Quote> {
    let para = paras.get(m.last_para)?;
    let rest = t.get(m.close..para.end)?;
    let lead = rest.len() - rest.trim_start().len();
    let dash = rest[lead..]
        .chars()
        .next()
        .filter(|c| matches!(c, '―' | '—' | '–'))?;
    let after = &rest[lead + dash.len_utf8()..];
    let skip = after.len() - after.trim_start().len();
    // Up to a comma, a parenthesis, the line's end or the next quotation's opening mark.
    let name = after[skip..]
        .split([',', '(', '\n', '“', '"', '«', '„'])
        .next()?
        .trim_end();
    let words = name.split_whitespace().count();
    if !(1..=5).contains(&words) || !name.chars().next()?.is_uppercase() {
        return None;
    }
    let ns = m.close + lead + dash.len_utf8() + skip;
    let cue = Span::new(m.close + lead, m.close + lead + dash.len_utf8());
    Some(said(
        m.content,
        QuoteKind::Direct,
        Span::new(ns, ns + name.len()),
        cue,
        t,
    ))
}

/// Words of the labels an outlet puts before its own text ("HOW TO HELP:", "READ MORE:",
/// "EDITOR'S NOTE:"); a speaker's label holds none of them.
const EDITORIAL: [&str; 22] = [
    "how",
    "to",
    "the",
    "of",
    "and",
    "for",
    "what",
    "why",
    "where",
    "when",
    "read",
    "more",
    "see",
    "also",
    "watch",
    "related",
    "update",
    "updated",
    "correction",
    "note",
    "editor's",
    "help",
];

/// True when a label in capitals is an outlet's, not a speaker's.
fn editorial(label: &str) -> bool {
    label
        .split_whitespace()
        .any(|w| EDITORIAL.contains(&w.to_lowercase().replace('’', "'").as_str()))
}

/// Turns of a transcript: a paragraph opening with a speaker's name in capitals and a colon
/// (`WALLACE: Let's start …`).
pub fn turns(t: &str, paras: &[Span]) -> Vec<(Quote, Span)> {
    let mut out = Vec::new();
    for whole in paras {
        // The turn may itself stand in quotation marks.
        let Some(full) = t.get(whole.start..whole.end) else {
            continue;
        };
        let skip = full.len() - full.trim_start_matches(['"', '“', '«', '„']).len();
        let p = &Span::new(whole.start + skip, whole.end);
        let Some(seg) = t.get(p.start..p.end) else {
            continue;
        };
        let Some(colon) = seg.get(..seg.len().min(40)).and_then(|h| h.find(':')) else {
            continue;
        };
        let label = &seg[..colon];
        let letters = label.chars().filter(|c| c.is_alphabetic()).count();
        let caps = label
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-'));
        let body = seg[colon + 1..].trim();
        if letters < 2 || !caps || body.split_whitespace().count() < 3 || editorial(label) {
            continue;
        }
        let bs =
            p.start + colon + 1 + (seg[colon + 1..].len() - seg[colon + 1..].trim_start().len());
        let name = Span::new(p.start, p.start + label.trim_end().len());
        let cue = Span::new(p.start + colon, p.start + colon + 1);
        let body = body.trim_end_matches(['"', '”', '»', '“']).trim_end();
        if body.is_empty() {
            continue;
        }
        let q = said(
            Span::new(bs, bs + body.len()),
            QuoteKind::Direct,
            name,
            cue,
            t,
        );
        out.push((q, *whole));
    }
    out
}
