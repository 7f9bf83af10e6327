//! Language identification on the paragraphs of a folder of articles in one language.
//!
//! ```text
//! cargo run --release -p storyline-nlp --example eval_lang -- ../shared/data/polnear/dev/text en
//! ```
//!
//! Every paragraph (a line with at least `MIN_WORDS` words, default 5) is identified on its
//! own; prints how many came out right, wrong, or unsure (`None`), by length.

#[path = "common/files.rs"]
mod files;

use std::path::Path;

use storyline_nlp::lang::identify;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(expected)) = (args.next(), args.next()) else {
        eprintln!("usage: eval_lang FOLDER LANG [MIN_WORDS]");
        std::process::exit(2);
    };
    let min_words: usize = args.next().and_then(|m| m.parse().ok()).unwrap_or(5);
    let files = files::files(Path::new(&dir), &|_| true);
    // Buckets by word count: right, wrong, unsure.
    let buckets = [(min_words, 9), (10, 19), (20, 39), (40, usize::MAX)];
    let mut counts = vec![(0usize, 0usize, 0usize); buckets.len()];
    let mut wrong = std::collections::BTreeMap::new();
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue;
        };
        for line in text.lines() {
            let words = line.split_whitespace().count();
            let Some(b) = buckets
                .iter()
                .position(|(lo, hi)| (*lo..=*hi).contains(&words))
            else {
                continue;
            };
            match identify(line) {
                Some(l) if l == expected => counts[b].0 += 1,
                Some(l) => {
                    counts[b].1 += 1;
                    *wrong.entry(l).or_insert(0) += 1;
                }
                None => counts[b].2 += 1,
            }
        }
    }
    for ((lo, hi), (r, w, u)) in buckets.iter().zip(&counts) {
        let n = (r + w + u).max(1);
        let hi = if *hi == usize::MAX {
            "+".to_string()
        } else {
            format!("-{hi}")
        };
        println!(
            "{lo:>3}{hi:<4} words: {n:>6} paragraphs, right {:.3}, wrong {:.3}, unsure {:.3}",
            *r as f64 / n as f64,
            *w as f64 / n as f64,
            *u as f64 / n as f64
        );
    }
    println!("wrong answers: {wrong:?}");
}
