//! `storyline train ner` and `storyline eval ner`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Result};

/// Arguments of `storyline train ner`.
#[derive(clap::Args, Debug)]
pub struct TrainArgs {
    /// Training data, CoNLL format.
    #[arg(long)]
    train: PathBuf,
    /// Development data, CoNLL format.
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
}

/// Arguments of `storyline eval ner`.
#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// CoNLL file to evaluate on.
    file: PathBuf,
    /// Write token, gold and predicted tags here.
    #[arg(long)]
    out: Option<PathBuf>,
}

pub fn train(_a: TrainArgs) -> Result<ExitCode> {
    bail!("the entity tagger is not built yet")
}

pub fn eval(_a: EvalArgs) -> Result<ExitCode> {
    bail!("the entity tagger is not built yet")
}
