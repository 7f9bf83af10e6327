//! `storyline train ner` and `storyline eval ner`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use storyline_nlp::ner::{self, conll, Lexicon, Tagger, TrainConfig, WordCounts};

/// Arguments of `storyline train ner`.
#[derive(clap::Args, Debug)]
pub struct TrainArgs {
    /// Training data, CoNLL format.
    #[arg(long)]
    train: PathBuf,
    /// Development data, CoNLL format: scored after every epoch, the best epoch is kept.
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    /// Gazetteer files (`CATEGORY<TAB>name` lines, see models/ner-en.gazetteers.py),
    /// baked into the model.
    #[arg(long)]
    gazetteer: Vec<PathBuf>,
    /// Unlabelled news text (`.txt` files, or folders searched for them) whose word counts
    /// and casing feed the word classes.
    #[arg(long)]
    text: Vec<PathBuf>,
    /// Passes over the training data.
    #[arg(long, default_value_t = 12)]
    epochs: usize,
    /// Feature buckets as a power of two.
    #[arg(long, default_value_t = 18)]
    bits: u32,
    /// Seed of the document shuffle.
    #[arg(long, default_value_t = 17)]
    seed: u64,
    /// Share of training tokens whose word identity is hidden in each epoch.
    #[arg(long, default_value_t = 0.0)]
    dropout: f32,
}

/// Arguments of `storyline eval ner`.
#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// CoNLL file to evaluate on.
    file: PathBuf,
    /// Write token, gold and predicted tags here.
    #[arg(long)]
    out: Option<PathBuf>,
    /// A model file to use instead of the one built into the binary.
    #[arg(long)]
    model: Option<PathBuf>,
}

fn read_conll(path: &Path) -> Result<Vec<conll::Document>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    conll::read(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

fn read_gazetteer(path: &Path, lex: &mut Lexicon) -> Result<usize> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut n = 0;
    for (i, line) in text.lines().enumerate() {
        let Some((cat, name)) = line.split_once('\t') else {
            bail!("{}:{}: expected CATEGORY<TAB>name", path.display(), i + 1);
        };
        if !ner::GAZ_CATEGORIES.contains(&cat) {
            bail!(
                "{}:{}: unknown category {cat:?} (expected one of {:?})",
                path.display(),
                i + 1,
                ner::GAZ_CATEGORIES
            );
        }
        n += usize::from(lex.add_gazetteer(cat, name));
    }
    Ok(n)
}

/// Counts the words of `.txt` files under `path`: sentences end at `.`, `!` or `?`;
/// punctuation and a possessive `'s` are split off as the CoNLL tokenisation does.
fn count_text(path: &Path, counts: &mut WordCounts) -> Result<usize> {
    let mut files = vec![path.to_path_buf()];
    let mut n = 0;
    while let Some(p) = files.pop() {
        if p.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(&p)
                .with_context(|| format!("reading {}", p.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            entries.sort();
            files.extend(entries);
            continue;
        }
        if p.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text =
            std::fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?;
        let mut sent: Vec<&str> = Vec::new();
        for line in text.lines() {
            for raw in line.split_whitespace() {
                let core = raw.trim_matches(|c: char| !c.is_alphanumeric());
                let core = core
                    .strip_suffix("'s")
                    .or_else(|| core.strip_suffix("’s"))
                    .unwrap_or(core);
                if !core.is_empty() {
                    sent.push(core);
                    n += 1;
                }
                if raw.ends_with(['.', '!', '?']) || raw.ends_with(".\"") {
                    counts.add_sentence(&sent);
                    sent.clear();
                }
            }
            counts.add_sentence(&sent);
            sent.clear();
        }
    }
    Ok(n)
}

pub fn train(a: TrainArgs) -> Result<ExitCode> {
    if !(12..=24).contains(&a.bits) {
        bail!("--bits must be between 12 and 24");
    }
    let docs = read_conll(&a.train)?;
    let dev = a.dev.as_deref().map(read_conll).transpose()?;
    let mut lex = Lexicon::default();
    let mut counts = WordCounts::default();
    for s in docs.iter().flat_map(|d| &d.sentences) {
        counts.add_sentence(&s.words);
    }
    for t in &a.text {
        let n = count_text(t, &mut counts)?;
        eprintln!("text {}: {n} words", t.display());
    }
    counts.finish(&mut lex);
    for g in &a.gazetteer {
        let n = read_gazetteer(g, &mut lex)?;
        eprintln!("gazetteer {}: {n} names", g.display());
    }
    let words: usize = docs
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| s.words.len())
        .sum();
    eprintln!("training on {} documents, {words} tokens", docs.len());
    let cfg = TrainConfig {
        epochs: a.epochs,
        bits: a.bits,
        seed: a.seed,
        dropout: a.dropout,
    };
    let trained = ner::train(&docs, dev.as_deref(), lex, &cfg, &mut |line| {
        eprintln!("{line}")
    });
    let bytes = trained.model.to_bytes();
    if let Some(dir) = a.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(&a.out, &bytes).with_context(|| format!("writing {}", a.out.display()))?;
    let mut msg = format!(
        "kept epoch {} → {} ({:.1} MB)",
        trained.epoch,
        a.out.display(),
        bytes.len() as f64 / 1e6
    );
    if let Some(f) = trained.dev_f1 {
        let _ = write!(msg, ", dev F1 {f:.2}");
    }
    println!("{msg}");
    Ok(ExitCode::SUCCESS)
}

pub fn eval(a: EvalArgs) -> Result<ExitCode> {
    let tagger = match &a.model {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
            Tagger::from_bytes(&bytes).with_context(|| format!("loading {}", p.display()))?
        }
        None => Tagger::embedded().context("loading the built-in entity model")?,
    };
    let docs = read_conll(&a.file)?;
    let mut scores = conll::Scores::default();
    let mut ws = ner::Workspace::default();
    let mut pred_out = String::new();
    for d in &docs {
        tagger.model().tag_into(&d.words(), &mut ws);
        for (i, s) in d.sentences.iter().enumerate() {
            let pred = ws.sentence_labels(i);
            scores.add(&s.labels, pred);
            if a.out.is_some() {
                for ((w, &g), &p) in s.words.iter().zip(&s.labels).zip(pred) {
                    let _ = writeln!(
                        pred_out,
                        "{w} {} {}",
                        ner::labels::name(g),
                        ner::labels::name(p)
                    );
                }
                pred_out.push('\n');
            }
        }
    }
    if let Some(p) = &a.out {
        std::fs::write(p, pred_out).with_context(|| format!("writing {}", p.display()))?;
    }
    crate::write_stdout(format!("{}\n", scores.report()).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
