//! `storyline bench`: words per second per core, stage by stage.

use std::process::ExitCode;

use anyhow::{bail, Result};

/// Arguments of `storyline bench`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Rounds per stage; the best is kept.
    #[arg(long, default_value_t = 5)]
    rounds: usize,
    /// Files or folders of articles (e.g. ../shared/data/polnear/text).
    #[arg(required = true)]
    paths: Vec<String>,
}

pub fn run(a: Args) -> Result<ExitCode> {
    let report = storyline_pipeline::bench::run(&a.paths, a.rounds);
    if report.articles == 0 {
        bail!("no article could be read from {:?}", a.paths);
    }
    let words = report.stages.first().map(|s| s.words).unwrap_or(0);
    println!(
        "storyline bench: {} articles, {} words, {:.1} MB, one core, best of {} rounds",
        report.articles,
        words,
        report.bytes as f64 / 1e6,
        a.rounds
    );
    for s in &report.stages {
        println!("  {:28} {:>14.0} words/s", s.stage, s.words_per_sec());
    }
    Ok(ExitCode::SUCCESS)
}
