//! Throughput measurement: words per second on one core, stage by stage.
//!
//! Words are counted as the peer benchmark counts them: whitespace-separated pieces of
//! the input text. Everything runs on the calling thread, so the figures are per core.

use std::time::{Duration, Instant};

use storyline_model::{Article, RawArticle};
use storyline_nlp::{normalize, segment};

use crate::{Config, Pipeline};

/// An extractor under measurement: how many facts it found in an article.
type Extractor = fn(&Article) -> usize;

/// One measured stage.
#[derive(Debug, Clone)]
pub struct StageRate {
    /// What was measured.
    pub stage: &'static str,
    /// Words processed per round.
    pub words: usize,
    /// Best round's time.
    pub best: Duration,
}

impl StageRate {
    /// Words per second in the best round.
    pub fn words_per_sec(&self) -> f64 {
        self.words as f64 / self.best.as_secs_f64().max(1e-9)
    }
}

/// What `storyline bench` reports.
#[derive(Debug, Clone)]
pub struct BenchReport {
    /// Articles read.
    pub articles: usize,
    /// Input size in bytes.
    pub bytes: usize,
    /// The stages, in pipeline order.
    pub stages: Vec<StageRate>,
}

fn best_of(rounds: usize, mut f: impl FnMut()) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..rounds.max(1) {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed());
    }
    best
}

/// Reads `inputs` once (timed), then times normalise + segment and the full per-article
/// analysis over the articles read, `rounds` times each, keeping the best round.
pub fn run(inputs: &[String], rounds: usize) -> BenchReport {
    let mut raws: Vec<RawArticle> = Vec::new();
    let t = Instant::now();
    storyline_ingest::read(inputs, &mut |r| {
        if let Ok(a) = r {
            raws.push(a)
        }
    });
    let read_time = t.elapsed();
    let words: usize = raws.iter().map(|r| r.text.split_whitespace().count()).sum();
    let bytes: usize = raws.iter().map(|r| r.text.len()).sum();
    let mut stages = vec![StageRate {
        stage: "read (ingest)",
        words,
        best: read_time,
    }];

    let seg = best_of(rounds, || {
        let mut n = 0usize;
        for r in &raws {
            let norm = normalize::normalize(&r.text);
            n += segment::segment(&norm.text, "en").tokens.len();
        }
        std::hint::black_box(n);
    });
    stages.push(StageRate {
        stage: "normalise + segment",
        words,
        best: seg,
    });

    let pipeline = Pipeline::new(Config::default());
    let prepared: Vec<Article> = raws.iter().map(|r| pipeline.prepare(r.clone())).collect();
    let best = best_of(rounds, || {
        for a in &prepared {
            std::hint::black_box(pipeline.tagger().tag(a));
        }
    });
    stages.push(StageRate {
        stage: "entities",
        words,
        best,
    });
    // Each later extractor on its own, over articles that hold the entities found.
    let mut tagged = prepared;
    for a in &mut tagged {
        a.mentions = pipeline.tagger().tag(a);
    }
    let extractors: [(&'static str, Extractor); 3] = [
        ("quotes", |a| storyline_nlp::quotes::extract(a).len()),
        ("time expressions", |a| {
            storyline_nlp::timex::extract(a).len()
        }),
        ("claims", |a| storyline_nlp::claims::extract(a).len()),
    ];
    for (stage, f) in extractors {
        let best = best_of(rounds, || {
            std::hint::black_box(tagged.iter().map(f).sum::<usize>());
        });
        stages.push(StageRate { stage, words, best });
    }
    let full = best_of(rounds, || {
        let mut n = 0usize;
        for r in &raws {
            n += pipeline.analyze(r.clone()).tokens.len();
        }
        std::hint::black_box(n);
    });
    stages.push(StageRate {
        stage: "full per-article analysis",
        words,
        best: full,
    });
    let mut arts: Vec<Article> = raws.iter().map(|r| pipeline.analyze(r.clone())).collect();
    let t = Instant::now();
    std::hint::black_box(storyline_link::link(&mut arts));
    stages.push(StageRate {
        stage: "corpus linking",
        words,
        best: t.elapsed(),
    });
    BenchReport {
        articles: raws.len(),
        bytes,
        stages,
    }
}
