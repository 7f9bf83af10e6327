//! `storyline eval quotes`: quotations against PolNeAR's attributions; `storyline train
//! quotes`: the English cue detector, learned from PolNeAR's training split.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use storyline_model::Article;
use storyline_nlp::quotes::{self, eval};

/// Arguments of `storyline eval quotes`.
#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// PolNeAR folder (holding `dev/`, `train/`) or one split folder.
    #[arg(long)]
    polnear: PathBuf,
    /// Split to evaluate on, when `--polnear` names the whole corpus.
    #[arg(long, default_value = "dev")]
    split: String,
    /// Write the predictions as brat `.ann` files here (one per text), for inspection.
    #[arg(long)]
    out: Option<PathBuf>,
}

/// Arguments of `storyline train quotes`.
#[derive(clap::Args, Debug)]
pub struct TrainArgs {
    /// PolNeAR folder holding `train/` (and `dev/`, scored after every pass).
    #[arg(long)]
    polnear: PathBuf,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 6)]
    epochs: usize,
    /// Feature buckets as a power of two.
    #[arg(long, default_value_t = 18)]
    bits: u32,
    /// Seed of the document shuffle.
    #[arg(long, default_value_t = 17)]
    seed: u64,
    /// Models to train, each on another shuffle, whose weights are averaged.
    #[arg(long, default_value_t = 1)]
    ensemble: usize,
}

/// The articles of one split with their gold attributions (first annotation of each
/// text, in name order: PolNeAR annotates some texts twice), each with its `.ann` file.
fn annotated(dir: &Path) -> Result<Vec<(PathBuf, Article, Vec<eval::Gold>)>> {
    let ann_dir = dir.join("attributions");
    let mut anns: Vec<PathBuf> = std::fs::read_dir(&ann_dir)
        .with_context(|| format!("reading {}", ann_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for ann in anns {
        let Some(txt) = text_for(dir, &ann) else {
            continue;
        };
        if !seen.insert(txt.clone()) {
            continue;
        }
        let text =
            std::fs::read_to_string(&txt).with_context(|| format!("reading {}", txt.display()))?;
        let gold_ann =
            std::fs::read_to_string(&ann).with_context(|| format!("reading {}", ann.display()))?;
        let gold = eval::parse_ann(&text, &gold_ann);
        let art = Article {
            text,
            lang: "en".into(),
            ..Default::default()
        };
        out.push((ann, art, gold));
    }
    Ok(out)
}

/// [`annotated`] without the file names, as training reads it.
fn cue_docs(dir: &Path) -> Result<Vec<(Article, Vec<eval::Gold>)>> {
    Ok(annotated(dir)?
        .into_iter()
        .map(|(_, art, gold)| (art, gold))
        .collect())
}

pub fn train(a: TrainArgs) -> Result<ExitCode> {
    let train = cue_docs(&a.polnear.join("train"))?;
    if train.is_empty() {
        bail!(
            "no annotated texts under {}",
            a.polnear.join("train").display()
        );
    }
    let dev_dir = a.polnear.join("dev");
    let dev = if dev_dir.is_dir() {
        cue_docs(&dev_dir)?
    } else {
        Vec::new()
    };
    let (model, report) = if a.ensemble > 1 {
        quotes::learn::train_ensemble(&train, &dev, a.epochs, a.bits, a.seed, a.ensemble)
    } else {
        quotes::learn::train(&train, &dev, a.epochs, a.bits, a.seed)
    };
    for (ep, p, r, f, roles) in &report.epochs {
        println!(
            "epoch {ep:>2}  dev cues P={p:.3} R={r:.3} F1={f:.3}  role token accuracy {roles:.3}"
        );
    }
    let bytes = model.to_bytes();
    std::fs::write(&a.out, &bytes).with_context(|| format!("writing {}", a.out.display()))?;
    println!("wrote {} ({} bytes)", a.out.display(), bytes.len());
    Ok(ExitCode::SUCCESS)
}

/// The split folder: `DIR/SPLIT` when it exists, else `DIR` itself.
fn split_dir(a: &EvalArgs) -> PathBuf {
    let d = a.polnear.join(&a.split);
    if d.join("attributions").is_dir() {
        d
    } else {
        a.polnear.clone()
    }
}

/// The text file an `.ann` file annotates: its name without the annotator suffix.
fn text_for(dir: &Path, ann: &Path) -> Option<PathBuf> {
    let stem = ann.file_stem()?.to_str()?;
    let base = stem.rsplit_once('_').map_or(stem, |(b, _)| b);
    let p = dir.join("text").join(format!("{base}.txt"));
    p.is_file().then_some(p)
}

pub fn eval(a: EvalArgs) -> Result<ExitCode> {
    let dir = split_dir(&a);
    let docs = annotated(&dir)?;
    if docs.is_empty() {
        bail!("no annotated texts under {}", dir.display());
    }
    let mut counts = eval::Counts::default();
    let (mut words, mut spent) = (0usize, std::time::Duration::ZERO);
    // The embedded cue model is loaded once per process, outside the timed calls.
    let _ = quotes::learn::embedded();
    for (ann, art, gold) in &docs {
        let t0 = std::time::Instant::now();
        let pred = quotes::extract_as(art, quotes::Convention::EveryClause);
        spent += t0.elapsed();
        words += art.text.split_whitespace().count();
        eval::score(&art.text, gold, &pred, &mut counts);
        if let Some(out) = &a.out {
            std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
            let name = ann.file_name().map(PathBuf::from).unwrap_or_default();
            let path = out.join(name);
            std::fs::write(&path, eval::to_ann(&art.text, &pred))
                .with_context(|| format!("writing {}", path.display()))?;
        }
    }
    println!("documents        {}", docs.len());
    let secs = spent.as_secs_f64().max(1e-9);
    println!(
        "throughput       {:.0} words/s on one core ({words} words)",
        words as f64 / secs
    );
    print!("{}", eval::report(&counts));
    Ok(ExitCode::SUCCESS)
}
