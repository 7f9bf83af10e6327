//! Throughput of normalisation + segmentation on a folder of plain-text articles.
//!
//! ```text
//! cargo run --release -p storyline-nlp --example bench_segment -- ../shared/data/polnear [ROUNDS]
//! ```
//!
//! Reads every file under the folder (recursively; files that are not UTF-8 are skipped),
//! then runs `normalize` + `segment` over all of them `ROUNDS` times (default 5) on one
//! thread and prints words per second, where words are whitespace-separated pieces of the
//! input, counted once outside the timed loop. Each figure is the best round, by wall clock
//! and by the thread's CPU time (which leaves out time other processes held the core).

#[path = "common/files.rs"]
mod files;

use std::path::Path;
use std::time::Instant;

use storyline_nlp::{lang, normalize, segment};

/// CPU time of this thread in seconds (Linux), so that other processes sharing the core do
/// not count against the figure; `None` elsewhere.
fn cpu_time() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: bench_segment FOLDER [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let files = files::files(Path::new(&dir), &|_| true);
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
    let normalized: Vec<String> = texts.iter().map(|t| normalize::normalize(t).text).collect();
    // Best round by wall clock and by thread CPU time.
    let time = |f: &dyn Fn() -> usize| {
        let mut best = (f64::INFINITY, f64::INFINITY);
        let mut out = 0;
        for _ in 0..rounds {
            let (t, c) = (Instant::now(), cpu_time());
            out = f();
            let wall = t.elapsed().as_secs_f64();
            let cpu = match (c, cpu_time()) {
                (Some(a), Some(b)) => b - a,
                _ => wall,
            };
            best = (best.0.min(wall), best.1.min(cpu));
        }
        (best, out)
    };
    let report = |what: &str, (wall, cpu): (f64, f64)| {
        println!(
            "{what:<20} wall {wall:.3} s = {:>6.2} M words/s | cpu {cpu:.3} s = {:>6.2} M words/s, {:>4.0} MB/s",
            words as f64 / wall / 1e6,
            words as f64 / cpu / 1e6,
            bytes as f64 / cpu / 1e6
        );
    };
    let (secs, _) = time(&|| {
        texts
            .iter()
            .map(|t| normalize::normalize(t).text.len())
            .sum()
    });
    report("normalize", secs);
    let (secs, _) = time(&|| {
        normalized
            .iter()
            .zip(&langs)
            .map(|(t, l)| segment::segment(t, l).tokens.len())
            .sum()
    });
    report("segment", secs);
    let (secs, tokens) = time(&|| {
        texts
            .iter()
            .zip(&langs)
            .map(|(t, l)| {
                let n = normalize::normalize(t);
                segment::segment(&n.text, l).tokens.len()
            })
            .sum()
    });
    report("normalize + segment", secs);
    let (sentences, boilerplate) = normalized.iter().zip(&langs).fold((0, 0), |acc, (t, l)| {
        let s = segment::segment(t, l);
        let b = s.sentences.iter().filter(|s| s.boilerplate).count();
        (acc.0 + s.sentences.len(), acc.1 + b)
    });
    println!("{tokens} tokens, {sentences} sentences ({boilerplate} boilerplate), 1 thread");
}
