//! `storyline eval timex`: time expressions against TimeML files (TempEval-3 layout).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use storyline_nlp::timex::{self, timeml};

/// Arguments of `storyline eval timex`.
#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// Folder of TimeML files (searched recursively for `.tml`).
    dir: PathBuf,
    /// Write TimeML with the predicted TIMEX3 tags here.
    #[arg(long)]
    out: Option<PathBuf>,
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "tml") {
            out.push(p);
        }
    }
    Ok(())
}

fn line(name: &str, c: timeml::Counts) -> String {
    let (p, r, f) = c.prf();
    format!("{name} P={p:.3} R={r:.3} F1={f:.3}")
}

pub fn eval(a: EvalArgs) -> Result<ExitCode> {
    let mut files = Vec::new();
    collect(&a.dir, &mut files)?;
    if files.is_empty() {
        bail!("no .tml files under {}", a.dir.display());
    }
    if let Some(o) = &a.out {
        std::fs::create_dir_all(o).with_context(|| format!("creating {}", o.display()))?;
    }
    let mut total = timeml::Scores::default();
    for f in &files {
        let src = std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?;
        let doc = timeml::parse(&src);
        let pred = timex::extract_with(&doc.text, "en", doc.dct);
        let s = timeml::score(&doc.timexes, &pred);
        total.strict.add(s.strict);
        total.relaxed.add(s.relaxed);
        total.value.add(s.value);
        if let Some(o) = &a.out {
            let name = f.file_name().unwrap_or_default();
            let id = name.to_string_lossy().trim_end_matches(".tml").to_string();
            std::fs::write(o.join(name), timeml::write(&id, &doc, &pred))
                .with_context(|| format!("writing into {}", o.display()))?;
        }
    }
    let mut report = format!(
        "{} documents, {} gold time expressions, {} predicted\n",
        files.len(),
        total.strict.gold,
        total.strict.predicted
    );
    report.push_str(&line("extent strict ", total.strict));
    report.push('\n');
    report.push_str(&line("extent relaxed", total.relaxed));
    report.push('\n');
    report.push_str(&line("value         ", total.value));
    report.push('\n');
    report.push_str(&line("overall", total.value));
    report.push('\n');
    crate::write_stdout(report.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
