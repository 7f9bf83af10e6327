//! Throughput of normalisation + segmentation on a folder of plain-text articles.
//!
//! ```text
//! cargo run --release -p storyline-nlp --example bench_segment -- ../shared/data/polnear [ROUNDS]
//! ```
//!
//! Reads every file under the folder (recursively; files that are not UTF-8 are skipped),
//! then runs `normalize` + `segment` over all of them `ROUNDS` times (default 5) on one
//! thread and prints words per second, where words are whitespace-separated pieces of the
//! input, counted once outside the timed loop.

use std::path::{Path, PathBuf};
use std::time::Instant;

use storyline_nlp::{lang, normalize, segment};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            collect(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: bench_segment FOLDER [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let mut files = Vec::new();
    collect(Path::new(&dir), &mut files);
    let texts: Vec<String> = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let langs: Vec<&str> = texts
        .iter()
        .map(|t| lang::identify(t).unwrap_or("und"))
        .collect();
    let mut by_lang = std::collections::BTreeMap::new();
    for l in &langs {
        *by_lang.entry(*l).or_insert(0usize) += 1;
    }
    println!(
        "{} files, {:.1} MB, {} words; languages: {:?}",
        texts.len(),
        bytes as f64 / 1e6,
        words,
        by_lang
    );
    let mut best = f64::INFINITY;
    let mut counts = (0, 0, 0);
    for _ in 0..rounds {
        let t = Instant::now();
        let mut c = (0, 0, 0);
        for (text, lang) in texts.iter().zip(&langs) {
            let n = normalize::normalize(text);
            let s = segment::segment(&n.text, lang);
            c.0 += s.tokens.len();
            c.1 += s.sentences.len();
            c.2 += s.sentences.iter().filter(|s| s.boilerplate).count();
        }
        best = best.min(t.elapsed().as_secs_f64());
        counts = c;
    }
    println!(
        "{} tokens, {} sentences ({} boilerplate) per round",
        counts.0, counts.1, counts.2
    );
    println!(
        "best of {rounds}: {:.3} s = {:.2} M words/s, {:.0} MB/s (normalize + segment, 1 thread)",
        best,
        words as f64 / best / 1e6,
        bytes as f64 / best / 1e6
    );
}
