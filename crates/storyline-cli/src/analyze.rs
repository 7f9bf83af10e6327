//! `storyline analyze`.

use std::process::ExitCode;
use std::time::Duration;

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use storyline_model::{contract, Date};
use storyline_pipeline::{Config, Pipeline};

/// Arguments of `storyline analyze`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Print the JSON of the contract (schema storyline/1) instead of a report.
    #[arg(long)]
    json: bool,
    /// Dateline for articles that carry none (YYYY-MM-DD).
    #[arg(long, value_parser = crate::parse_date)]
    date: Option<Date>,
    /// Files or folders to read (`-` for stdin).
    #[arg(required = true)]
    paths: Vec<String>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let pipeline = Pipeline::new(Config { date: args.date });
    let bar = if crate::stderr_is_terminal() {
        let b = ProgressBar::new_spinner();
        b.set_style(
            ProgressStyle::with_template("{spinner} {pos} articles analysed ({per_sec}) {elapsed}")
                .unwrap(),
        );
        b.enable_steady_tick(Duration::from_millis(120));
        b
    } else {
        ProgressBar::hidden()
    };
    let progress = |n: usize| bar.set_position(n as u64);
    let out = pipeline.run(&args.paths, &progress);
    bar.finish_and_clear();
    for d in &out.diagnostics {
        eprintln!("storyline: {d}");
    }
    if args.json {
        let doc = contract::document(&out.articles, &out.entities, &out.stories);
        let mut bytes = serde_json::to_vec_pretty(&doc)?;
        bytes.push(b'\n');
        crate::write_stdout(&bytes)?;
    } else {
        crate::write_stdout(crate::report::render(&out).as_bytes())?;
    }
    if out.articles.is_empty() {
        eprintln!("storyline: nothing could be read");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
