//! Sentence-boundary precision, recall and F1 against the MEANTIME corpus's sentences.
//!
//! ```text
//! cargo run --release -p storyline-nlp --example eval_sentences -- ../shared/data/meantime-en/intra-doc_annotation
//! ```
//!
//! MEANTIME gives tokens with sentence numbers, not the raw text, so each document is
//! rebuilt: tokens joined by spaces (none before `, . ; : ! ? ) %` and clitics, none after
//! `( $`), sentences joined by a space, or by a line break after a sentence without final
//! punctuation (the headline and the dateline). A boundary is the start of every sentence
//! but the first; ours are scored against the gold ones by exact offset. MEANTIME splits
//! inside quotations and we do not (a quotation is kept as one sentence), so the figure is
//! also given without the gold boundaries that fall inside a quotation.

#[path = "common/files.rs"]
mod files;

use std::path::Path;

use storyline_nlp::segment::segment;

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// `(sentence number, token)` for every `<token>` of a MEANTIME file.
fn tokens(xml: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for part in xml.split("<token ").skip(1) {
        let sent = part
            .split("sentence=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .and_then(|s| s.parse().ok());
        let text = part
            .split_once('>')
            .and_then(|(_, rest)| rest.split_once("</token>"))
            .map(|(t, _)| unescape(t));
        if let (Some(s), Some(t)) = (sent, text) {
            out.push((s, t));
        }
    }
    out
}

/// The rebuilt text and the gold sentence starts (all but the first).
fn rebuild(toks: &[(usize, String)]) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut prev_sent = None;
    let mut glue = false;
    let mut in_quote = false;
    for (s, t) in toks {
        // Quotation marks: an opening one glues to what follows, a closing one to what
        // precedes (`` and '' are the Penn Treebank's).
        let closing = t == "''" || (t == "\"" && in_quote);
        let opening = t == "``" || (t == "\"" && !in_quote);
        if t == "\"" {
            in_quote = !in_quote;
        }
        if prev_sent != Some(*s) {
            if prev_sent.is_some() {
                let final_punct = text.ends_with(['.', '!', '?', '"', '\'', ')']);
                text.push(if final_punct { ' ' } else { '\n' });
                gold.push(text.len());
            }
            prev_sent = Some(*s);
        } else if !glue
            && !closing
            && !matches!(t.as_str(), "," | "." | ";" | ":" | "!" | "?" | ")" | "%")
            && !t.starts_with('\'')
            && t != "n't"
        {
            text.push(' ');
        }
        text.push_str(match t.as_str() {
            "``" | "''" => "\"",
            other => other,
        });
        glue = opening || matches!(t.as_str(), "(" | "$");
    }
    (text, gold)
}

/// `text[from..to]` widened to char boundaries.
fn around(text: &str, at: usize) -> &str {
    let mut from = at.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (at + 20).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    &text[from..to]
}

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: eval_sentences MEANTIME_FOLDER");
        std::process::exit(2);
    };
    let files = files::files(Path::new(&dir), &|p| {
        p.extension().is_some_and(|e| e == "xml")
    });
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut docs = 0;
    let mut in_quotes = 0usize;
    for f in &files {
        let Ok(xml) = std::fs::read_to_string(f) else {
            continue;
        };
        let (text, gold) = rebuild(&tokens(&xml));
        if text.is_empty() {
            continue;
        }
        docs += 1;
        let seg = segment(&text, "en");
        let ours: Vec<usize> = seg.sentences.iter().skip(1).map(|s| s.span.start).collect();
        let verbose = std::env::var_os("SHOW_ERRORS").is_some();
        for b in &ours {
            if gold.contains(b) {
                tp += 1;
            } else {
                fp += 1;
                if verbose {
                    println!("FP {:?}", around(&text, *b));
                }
            }
        }
        for b in &gold {
            if !ours.contains(b) {
                fn_ += 1;
                // Inside a quotation our sentence goes on by design: count those apart.
                let from = seg
                    .sentences
                    .iter()
                    .rev()
                    .find(|s| s.span.start <= *b)
                    .map_or(0, |s| s.span.start);
                if text[from..*b].matches('"').count() % 2 == 1 {
                    in_quotes += 1;
                }
                if verbose {
                    println!("FN {:?}", around(&text, *b));
                }
            }
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    let f1 = |p: f64, r: f64| {
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    };
    println!(
        "{docs} documents, {} gold boundaries: precision {p:.3}, recall {r:.3}, F1 {:.3} (tp {tp}, fp {fp}, fn {fn_})",
        tp + fn_,
        f1(p, r)
    );
    let r2 = tp as f64 / (tp + fn_ - in_quotes).max(1) as f64;
    println!(
        "leaving out the {in_quotes} gold boundaries inside quotations (kept whole by design): recall {r2:.3}, F1 {:.3}",
        f1(p, r2)
    );
}
