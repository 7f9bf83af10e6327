//! `storyline eval timex`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Result};

/// Arguments of `storyline eval timex`.
#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// Folder of TimeML files.
    dir: PathBuf,
    /// Write TimeML with the predicted TIMEX3 tags here.
    #[arg(long)]
    out: Option<PathBuf>,
}

pub fn eval(_a: EvalArgs) -> Result<ExitCode> {
    bail!("time-expression evaluation is not built yet")
}
