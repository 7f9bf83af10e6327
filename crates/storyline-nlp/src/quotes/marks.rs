//! Quotation marks: pairing openers with closers in every common style.
//!
//! Styles: “…” "…" «…» „…“ „…” ‚…‘ ‘…’ 「…」 『…』 and the typewriter ''…''. A quotation
//! that runs over several paragraphs opens each of them and closes once; a quotation left
//! open runs to the end of its paragraph; a stray closer is ignored.

use storyline_model::Span;

/// One quotation found by its marks.
#[derive(Debug, Clone)]
pub struct Marked {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just past the closing mark (or the paragraph end when left open).
    pub close: usize,
    /// The words inside the marks, trimmed.
    pub content: Span,
    /// Index of the paragraph it opens in.
    pub para: usize,
    /// Index of the paragraph it closes in.
    pub last_para: usize,
}

/// The closers that end a quotation opened by `open` (`""` for the typewriter pair).
fn closers(open: &str) -> &'static [&'static str] {
    match open {
        // Mixed styles happen when copy is edited by hand: “…" and "…”.
        "“" => &["”", "“", "\""],
        "„" => &["“", "”"],
        "«" => &["»"],
        "‚" => &["‘", "’"],
        "‘" => &["’"],
        "「" => &["」"],
        "『" => &["』"],
        "''" => &["''"],
        _ => &["\"", "”"],
    }
}

fn opener_at(s: &str) -> Option<&'static str> {
    ["''", "“", "„", "«", "‚", "‘", "「", "『", "\""]
        .into_iter()
        .find(|o| s.starts_with(o))
}

/// Finds the quotations of `text`, paragraph by paragraph.
pub fn find(text: &str, paras: &[Span]) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut p = 0;
    while p < paras.len() {
        let para = paras[p];
        let mut i = para.start;
        let mut next_p = p + 1;
        while i < para.end {
            let Some(rest) = text.get(i..para.end) else {
                break;
            };
            let Some(c) = rest.chars().next() else {
                break;
            };
            // A closing mark that opens a paragraph before a word opens a quotation there
            // (”Mr. Trump embodies …”, a slip of the keyboard).
            let slipped = rest.starts_with('”')
                && text.get(para.start..i).is_some_and(|h| h.trim().is_empty())
                && rest['”'.len_utf8()..].starts_with(char::is_alphanumeric);
            let Some(op) = opener_at(rest).or(slipped.then_some("”")) else {
                i += c.len_utf8();
                continue;
            };
            let prev = text.get(..i).and_then(|t| t.chars().next_back());
            // A single ‘ or ' right after a letter is an apostrophe, not an opener.
            if op == "‘" && prev.is_some_and(char::is_alphanumeric) {
                i += op.len();
                continue;
            }
            // A typewriter " right after a word closes nothing we saw open: skip it.
            if (op == "\"" || op == "''") && prev.is_some_and(char::is_alphanumeric) {
                i += op.len();
                continue;
            }
            let body = i + op.len();
            match close_from(text, paras, p, body, op) {
                Some((close_at, close_len, q)) => {
                    push(
                        text,
                        &mut out,
                        i,
                        body,
                        close_at,
                        close_at + close_len,
                        p,
                        q,
                    );
                    i = close_at + close_len;
                    if q != p {
                        next_p = q + 1;
                        break;
                    }
                }
                None => {
                    push(text, &mut out, i, body, para.end, para.end, p, p);
                    i = para.end;
                }
            }
        }
        p = next_p;
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn push(
    text: &str,
    out: &mut Vec<Marked>,
    open: usize,
    s: usize,
    e: usize,
    close: usize,
    p: usize,
    q: usize,
) {
    let Some(inner) = text.get(s..e) else {
        return;
    };
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    if lead + trail >= inner.len() {
        return;
    }
    out.push(Marked {
        open,
        close,
        content: Span::new(s + lead, e - trail),
        para: p,
        last_para: q,
    });
}

/// Where the quotation opened with `op` at `from` (in paragraph `p`) closes: the closer's
/// offset, its length and its paragraph. It crosses into the next paragraph only when that
/// paragraph opens with the same mark.
fn close_from(
    text: &str,
    paras: &[Span],
    mut p: usize,
    mut from: usize,
    op: &str,
) -> Option<(usize, usize, usize)> {
    let cl = closers(op);
    loop {
        let para = *paras.get(p)?;
        let seg = text.get(from..para.end)?;
        let mut best: Option<usize> = None;
        for c in cl {
            if let Some(k) = find_closer(seg, c, op) {
                best = Some(best.map_or(k, |b| b.min(k)));
            }
        }
        if let Some(k) = best {
            let len = cl
                .iter()
                .find(|c| seg[k..].starts_with(**c))
                .map_or(1, |c| c.len());
            return Some((from + k, len, p));
        }
        let next = paras.get(p + 1)?;
        if !text.get(next.start..next.end)?.starts_with(op) {
            return None;
        }
        p += 1;
        from = next.start + op.len();
    }
}

/// The first `closer` in `seg`; a ’ followed by a letter is an apostrophe and is skipped.
fn find_closer(seg: &str, closer: &str, op: &str) -> Option<usize> {
    let mut base = 0;
    while let Some(k) = seg.get(base..)?.find(closer) {
        let at = base + k;
        let after = seg.get(at + closer.len()..)?.chars().next();
        let apostrophe = closer == "’" && after.is_some_and(char::is_alphabetic);
        // For “ as a closer (German „…“), an English opener “ followed by a letter is not one.
        let reopen = op == "“"
            && closer == "“"
            && after.is_some_and(|c| !c.is_whitespace() && !c.is_ascii_punctuation());
        // A typewriter " closing a curly opener must stand where a closer stands, after a
        // word and not before one, and close no " opened inside (`“I said "no" to him”`).
        let mixed = op != "\""
            && closer == "\""
            && (after.is_some_and(char::is_alphanumeric)
                || seg[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_whitespace)
                || seg[..at].matches('"').count() % 2 == 1);
        if !apostrophe && !reopen && !mixed {
            return Some(at);
        }
        base = at + closer.len();
    }
    None
}
