//! The `storyline` command line.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use storyline_model::Date;

/// mimalloc keeps allocation cheap when millions of small objects (features, mentions,
/// postings) are alive at once, where the system allocator slows down as its heap fragments.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod analyze;
mod bench_cmd;
mod ner_cmd;
mod quotes_cmd;
mod report;
mod store_cmd;
mod timex_cmd;
mod watch_cmd;

/// Follow a developing news story: entities, quotes, claims, time, across articles.
#[derive(Parser, Debug)]
#[command(name = "storyline", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Analyse articles and print a report (or the JSON of the contract with --json).
    Analyze(analyze::Args),
    /// Measure throughput (words per second per core) on a corpus.
    Bench(bench_cmd::Args),
    /// Analyse articles and write them into the store (re-ingesting changes nothing).
    Ingest(store_cmd::IngestArgs),
    /// Serve the JSON API and the web UI over the store.
    Serve(store_cmd::ServeArgs),
    /// Poll RSS/Atom feeds and news sitemaps and store their new articles.
    Watch(watch_cmd::WatchArgs),
    /// Export the store's articles, mentions, quotes, claims and timexes.
    Export(store_cmd::ExportArgs),
    /// Train a model.
    #[command(subcommand)]
    Train(Train),
    /// Measure an extractor against annotated data.
    #[command(subcommand)]
    Eval(Eval),
}

#[derive(Subcommand, Debug)]
enum Train {
    /// Train the named-entity tagger on CoNLL-format data.
    Ner(ner_cmd::TrainArgs),
    /// Learn Brown word clusters from unlabelled text (for `train ner --clusters`).
    Clusters(ner_cmd::ClusterArgs),
    /// Train the English quotation cue detector on PolNeAR.
    Quotes(quotes_cmd::TrainArgs),
}

#[derive(Subcommand, Debug)]
enum Eval {
    /// Named entities against a CoNLL file (exact spans, as conlleval).
    Ner(ner_cmd::EvalArgs),
    /// Time expressions against TimeML files (TempEval-3).
    Timex(timex_cmd::EvalArgs),
    /// Quotations against PolNeAR attributions (content and source spans).
    Quotes(quotes_cmd::EvalArgs),
}

/// Parses a `YYYY-MM-DD` flag value.
pub(crate) fn parse_date(s: &str) -> std::result::Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("expected a date as YYYY-MM-DD, got {s:?}"))
}

/// Writes to stdout, treating a closed pipe (`| head`) as success.
pub(crate) fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.context("writing to stdout"),
    }
}

/// True when progress bars should be drawn.
pub(crate) fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(a) => analyze::run(a),
        Command::Bench(a) => bench_cmd::run(a),
        Command::Ingest(a) => store_cmd::ingest(a),
        Command::Serve(a) => store_cmd::serve(a),
        Command::Export(a) => store_cmd::export(a),
        Command::Watch(a) => watch_cmd::run(a),
        Command::Train(Train::Ner(a)) => ner_cmd::train(a),
        Command::Train(Train::Clusters(a)) => ner_cmd::clusters(a),
        Command::Train(Train::Quotes(a)) => quotes_cmd::train(a),
        Command::Eval(Eval::Ner(a)) => ner_cmd::eval(a),
        Command::Eval(Eval::Timex(a)) => timex_cmd::eval(a),
        Command::Eval(Eval::Quotes(a)) => quotes_cmd::eval(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("storyline: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
