//! Evaluation against PolNeAR (brat standoff: `attributions/*.ann` beside `text/*.txt`).
//!
//! Each gold attribution has a CONTENT span (possibly in several pieces), a CUE and usually
//! a SOURCE. Matching is one-to-one and greedy in gold order:
//!
//! * **content exact**: the predicted span equals the gold content (from its first piece's
//!   start to its last piece's end), both trimmed of white space, quote marks, the
//!   punctuation `.,;:` and a leading "that";
//! * **content overlap**: predicted and gold content share at least half of the shorter of
//!   the two (gold pieces counted separately, gaps not);
//! * **source**: a predicted speaker span shares at least one character with a gold source
//!   span (precision over predicted speaker spans, recall over gold sources);
//! * **overall**: content overlap *and* the right source: the predicted speaker span overlaps
//!   the gold source, or the gold attribution has no source.
//!
//! The extractor runs under PolNeAR's convention ([`Convention::EveryClause`]): every cue's
//! reported clause is an attribution, also in a sentence where storyline's own output lets a
//! partial quotation stand for it.
//!
//! Offsets in `.ann` files count Unicode scalar values; they are converted to bytes here.
//!
//! [`Convention::EveryClause`]: super::Convention::EveryClause

use storyline_model::{Quote, QuoteKind, Span};

/// One gold attribution, in byte offsets of the text.
#[derive(Debug, Clone, Default)]
pub struct Gold {
    /// Content pieces.
    pub content: Vec<Span>,
    /// Source pieces (empty when the annotation has no source).
    pub source: Vec<Span>,
    /// Cue pieces.
    pub cue: Vec<Span>,
}

/// Reads the attributions of one `.ann` file over `text`. Lines it cannot read are skipped.
pub fn parse_ann(text: &str, ann: &str) -> Vec<Gold> {
    let mut byte: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte.push(text.len());
    let to_b = |c: &str| c.parse::<usize>().ok().and_then(|c| byte.get(c).copied());
    let mut spans: std::collections::HashMap<&str, Vec<Span>> = Default::default();
    let mut rels = Vec::new();
    for line in ann.lines() {
        let mut f = line.split('\t');
        let (Some(id), Some(body)) = (f.next(), f.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let Some((_, ranges)) = body.split_once(' ') else {
                continue;
            };
            let pieces: Vec<Span> = ranges
                .split(';')
                .filter_map(|r| {
                    let (s, e) = r.trim().split_once(' ')?;
                    Some(Span::new(to_b(s)?, to_b(e)?))
                })
                .filter(|s| s.start < s.end)
                .collect();
            spans.insert(id, pieces);
        } else if id.starts_with('E') {
            rels.push(body);
        }
    }
    let mut out = Vec::new();
    for r in rels {
        let mut g = Gold::default();
        for arg in r.split_whitespace() {
            let Some((role, tid)) = arg.split_once(':') else {
                continue;
            };
            let pieces = spans.get(tid).cloned().unwrap_or_default();
            match role {
                "Content" => g.content = pieces,
                "Source" => g.source = pieces,
                "Cue" => g.cue = pieces,
                _ => {}
            }
        }
        if !g.content.is_empty() {
            out.push(g);
        }
    }
    out
}

/// Counts for one facet: true positives on each side, predictions, gold items.
#[derive(Debug, Clone, Copy, Default)]
pub struct Prf {
    /// Predictions matched.
    pub tp: usize,
    /// Predictions made.
    pub pred: usize,
    /// Gold items.
    pub gold: usize,
}

impl Prf {
    /// Precision, recall and F1.
    pub fn scores(&self) -> (f64, f64, f64) {
        crate::metrics::prf(self.tp, self.pred, self.gold)
    }
}

/// All the facets measured.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    /// Content spans, exact after trimming.
    pub exact: Prf,
    /// Content spans, overlapping.
    pub overlap: Prf,
    /// Speaker spans against gold sources.
    pub source: Prf,
    /// Content overlap with the right source.
    pub overall: Prf,
}

fn trim(t: &str, s: Span) -> Span {
    let Some(seg) = t.get(s.start..s.end) else {
        return s;
    };
    let junk = |c: char| c.is_whitespace() || ".,;:'\"“”‘’«»„".contains(c);
    let mut a = seg.len() - seg.trim_start_matches(junk).len();
    // A leading complementiser is annotated in PolNeAR's content and not in ours.
    if seg[a..].starts_with("that ") {
        a += 5;
    }
    let b = seg.trim_end_matches(junk).len();
    if a >= b {
        Span::new(s.start, s.start)
    } else {
        Span::new(s.start + a, s.start + b)
    }
}

fn shared(a: Span, b: &[Span]) -> usize {
    b.iter()
        .map(|p| a.end.min(p.end).saturating_sub(a.start.max(p.start)))
        .sum()
}

fn greedy(gold: &[Gold], pred: &[Quote], ok: impl Fn(&Gold, &Quote) -> bool) -> usize {
    let mut used = vec![false; pred.len()];
    let mut tp = 0;
    for g in gold {
        if let Some(k) = (0..pred.len()).find(|&k| !used[k] && ok(g, &pred[k])) {
            used[k] = true;
            tp += 1;
        }
    }
    tp
}

/// Joins each quotation that continues the previous speaker in the same paragraph (no cue
/// of its own: `"A," he said. "B."`) to the quote before it, as PolNeAR annotates one
/// attribution with its content in pieces. The joined quote keeps the first one's span
/// for display; its pieces are returned beside it.
///
/// A quotation inside the reported clause of its own cue (`told radio that 150 were hurt
/// and that rescuers were "still digging"`: a partial and an indirect quote) is one
/// attribution too, and only the clause is kept.
pub fn join_pieces(text: &str, pred: &[Quote]) -> Vec<(Quote, Vec<Span>)> {
    let mut out: Vec<(Quote, Vec<Span>)> = Vec::new();
    let within_own_clause = |q: &Quote| {
        q.cue_span.is_some()
            && pred
                .iter()
                .any(|o| o.cue_span == q.cue_span && o.span != q.span && o.span.contains(&q.span))
    };
    for q in pred.iter().filter(|q| !within_own_clause(q)) {
        if let Some((prev, pieces)) = out.last_mut() {
            let gap = text
                .get(prev.span.end.min(q.span.start)..q.span.start)
                .unwrap_or("\n");
            let same = prev.speaker_name == q.speaker_name && prev.kind == q.kind;
            if q.cue.is_none() && q.kind != QuoteKind::Post && same && !gap.contains('\n') {
                pieces.push(q.span);
                continue;
            }
        }
        out.push((q.clone(), vec![q.span]));
    }
    out
}

/// Scores the predictions `pred` for one document against `gold`, adding to `c`.
pub fn score(text: &str, gold: &[Gold], pred: &[Quote], c: &mut Counts) {
    let joined = join_pieces(text, pred);
    let pieces: Vec<Vec<Span>> = joined.iter().map(|(_, p)| p.clone()).collect();
    let pred: Vec<Quote> = joined.into_iter().map(|(q, _)| q).collect();
    let pred = &pred[..];
    let piece_of = |q: &Quote| {
        pred.iter()
            .position(|p| std::ptr::eq(p, q))
            .map_or_else(|| vec![q.span], |k| pieces[k].clone())
    };
    let cover = |g: &Gold| Span::new(g.content[0].start, g.content[g.content.len() - 1].end);
    let exact = |g: &Gold, q: &Quote| trim(text, cover(g)) == trim(text, q.span);
    let overlap = |g: &Gold, q: &Quote| {
        let gl: usize = g.content.iter().map(|p| p.end - p.start).sum();
        let qp = piece_of(q);
        let ql: usize = qp.iter().map(|p| p.end.saturating_sub(p.start)).sum();
        let s: usize = qp.iter().map(|p| shared(*p, &g.content)).sum();
        s > 0 && 2 * s >= gl.min(ql)
    };
    let source_ok = |g: &Gold, q: &Quote| {
        g.source.is_empty() || q.speaker_span.is_some_and(|sp| shared(sp, &g.source) > 0)
    };
    for (f, tp) in [
        (&mut c.exact, greedy(gold, pred, exact)),
        (&mut c.overlap, greedy(gold, pred, overlap)),
        (
            &mut c.overall,
            greedy(gold, pred, |g, q| overlap(g, q) && source_ok(g, q)),
        ),
    ] {
        f.tp += tp;
        f.pred += pred.len();
        f.gold += gold.len();
    }
    let with_src: Vec<&Gold> = gold.iter().filter(|g| !g.source.is_empty()).collect();
    let speakers: Vec<&Quote> = pred.iter().filter(|q| q.speaker_span.is_some()).collect();
    let mut used = vec![false; speakers.len()];
    for g in &with_src {
        if let Some(k) = (0..speakers.len()).find(|&k| {
            !used[k]
                && speakers[k]
                    .speaker_span
                    .is_some_and(|sp| shared(sp, &g.source) > 0)
        }) {
            used[k] = true;
            c.source.tp += 1;
        }
    }
    c.source.pred += speakers.len();
    c.source.gold += with_src.len();
}

/// The report printed by `storyline eval quotes`; the last line is the overall score.
pub fn report(c: &Counts) -> String {
    let mut s = String::new();
    for (name, f) in [
        ("content exact", c.exact),
        ("content overlap", c.overlap),
        ("source", c.source),
    ] {
        let (p, r, f1) = f.scores();
        s.push_str(&format!(
            "{name:<16} P={p:.3} R={r:.3} F1={f1:.3} (tp {} pred {} gold {})\n",
            f.tp, f.pred, f.gold
        ));
    }
    let (p, r, f1) = c.overall.scores();
    s.push_str(&format!("overall P={p:.3} R={r:.3} F1={f1:.3}\n"));
    s
}

/// The predictions as brat standoff (character offsets): a Content, Cue and Source line per
/// quote, tied by an Attribution event.
pub fn to_ann(text: &str, pred: &[Quote]) -> String {
    let chars = |b: usize| text.get(..b).map_or(0, |s| s.chars().count());
    let mut out = String::new();
    let mut n = 0;
    let mut line = |out: &mut String, kind: &str, s: Span| {
        n += 1;
        let body = text
            .get(s.start..s.end)
            .unwrap_or("")
            .replace(['\n', '\t'], " ");
        out.push_str(&format!(
            "T{n}\t{kind} {} {}\t{body}\n",
            chars(s.start),
            chars(s.end)
        ));
        n
    };
    for (e, q) in pred.iter().enumerate() {
        let c = line(&mut out, "Content", q.span);
        let mut ev = format!("E{}\tAttribution:T{c} Content:T{c}", e + 1);
        if let Some(cue) = q.cue_span {
            let k = line(&mut out, "Cue", cue);
            ev.push_str(&format!(" Cue:T{k}"));
        }
        if let Some(sp) = q.speaker_span {
            let k = line(&mut out, "Source", sp);
            ev.push_str(&format!(" Source:T{k}"));
        }
        out.push_str(&ev);
        out.push('\n');
    }
    out
}
