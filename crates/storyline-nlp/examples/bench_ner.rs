//! Tagging throughput of the built-in entity model on one thread.
//!
//! ```text
//! cargo run --release -p storyline-nlp --example bench_ner -- ../shared/data/conll2003/valid.txt [ROUNDS]
//! ```
//! A CoNLL file is read as documents of sentences; any other file is split at blank lines
//! into documents, at line ends into sentences and at whitespace into tokens.

use std::time::Instant;

/// Nanoseconds this thread has run on a CPU (Linux), so that the figure does not depend on
/// how busy the machine is; `None` elsewhere.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

use storyline_nlp::ner::{conll, Tagger, Workspace};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: bench_ner FILE [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("bench_ner: reading {path}: {e}");
            std::process::exit(2);
        }
    };
    let docs: Vec<Vec<Vec<String>>> = if text.starts_with("-DOCSTART-") {
        match conll::read(&text) {
            Ok(d) => d
                .into_iter()
                .map(|d| d.sentences.into_iter().map(|s| s.words).collect())
                .collect(),
            Err(e) => {
                eprintln!("bench_ner: {path}: {e}");
                std::process::exit(2);
            }
        }
    } else {
        text.split("\n\n")
            .map(|d| {
                d.lines()
                    .map(|l| l.split_whitespace().map(str::to_string).collect())
                    .collect()
            })
            .collect()
    };
    let words: usize = docs.iter().flatten().map(Vec::len).sum();
    let tagger = match Tagger::embedded() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("bench_ner: {e}");
            std::process::exit(2);
        }
    };
    let mut ws = Workspace::default();
    let mut names = 0usize;
    let cpu0 = cpu_ns();
    let start = Instant::now();
    for _ in 0..rounds {
        for d in &docs {
            tagger.model().tag_into(d, &mut ws);
            names += (0..ws.sentences())
                .map(|i| {
                    ws.sentence_labels(i)
                        .iter()
                        .filter(|&&l| l % 2 == 1)
                        .count()
                })
                .sum::<usize>();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu0
        .zip(cpu_ns())
        .map(|(a, b)| b.saturating_sub(a) as f64 / 1e9);
    let total = words * rounds;
    println!(
        "{total} words ({rounds} rounds of {words}) in {secs:.3} s wall: {:.0} words/s ({names} names)",
        total as f64 / secs
    );
    if let Some(c) = cpu.filter(|&c| c > 0.0) {
        println!(
            "{c:.3} s on the CPU: {:.0} words per CPU-second",
            total as f64 / c
        );
    }
}
