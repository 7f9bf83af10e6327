//! `storyline train ner` and `storyline eval ner`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use storyline_nlp::ner::unlabelled::{self, TextKind};
use storyline_nlp::ner::{
    self, conll, BrownConfig, BrownCorpus, Lexicon, Tagger, TrainConfig, WordCounts,
};

/// Arguments of `storyline train ner`.
#[derive(clap::Args, Debug)]
pub struct TrainArgs {
    /// Training data, CoNLL format.
    #[arg(long)]
    train: PathBuf,
    /// Development data, CoNLL format: scored after every epoch; with no --holdout, the best
    /// epoch on it is kept.
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    /// Gazetteer files (`CATEGORY<TAB>name` lines, see models/ner-en.gazetteers.py),
    /// baked into the model.
    #[arg(long)]
    gazetteer: Vec<PathBuf>,
    /// Unlabelled news text (`.txt`, TimeML `.tml` or token `.xml` files, or folders
    /// searched for them) whose word counts and casing feed the word classes.
    #[arg(long)]
    text: Vec<PathBuf>,
    /// Word clusters (`path<TAB>word<TAB>count` lines, written by `storyline train
    /// clusters`), baked into the model.
    #[arg(long)]
    clusters: Option<PathBuf>,
    /// Share of the training documents held out to choose the number of epochs; the model
    /// is then trained again on all of them for that many epochs. 0 trains once, keeping
    /// the best epoch on --dev (or the last one).
    #[arg(long, default_value_t = 0.0)]
    holdout: f64,
    /// With --holdout: train this many models on differently shuffled documents and
    /// average their weights.
    #[arg(long, default_value_t = 1)]
    ensemble: usize,
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

/// Arguments of `storyline train clusters`.
#[derive(clap::Args, Debug)]
pub struct ClusterArgs {
    /// Unlabelled text: `.txt`, TimeML `.tml` or token `.xml` files, or folders searched
    /// for them.
    #[arg(long)]
    text: Vec<PathBuf>,
    /// CoNLL files whose tokens are read as more text (labels are ignored).
    #[arg(long)]
    conll: Vec<PathBuf>,
    /// Where to write the clusters (`path<TAB>word<TAB>count` lines).
    #[arg(long)]
    out: PathBuf,
    /// Number of clusters.
    #[arg(long, default_value_t = 300)]
    clusters: usize,
    /// Words seen fewer times get no cluster.
    #[arg(long, default_value_t = 3)]
    min_count: u32,
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
    /// Tag each document as an article, with everything done after the model (titles as
    /// roles, names joined or typed by the words around them, one type per name); the
    /// contract's types are read back as CoNLL's (GPE and LOC as LOC, NORP and EVENT as MISC).
    #[arg(long)]
    article: bool,
}

/// A CoNLL document as an English article: one line per sentence, tokens joined by spaces.
fn as_article(d: &conll::Document) -> storyline_model::Article {
    use storyline_model::{Article, Sentence, Span, Token, TokenKind};
    let mut a = Article {
        lang: "en".into(),
        ..Article::default()
    };
    for s in &d.sentences {
        let start = a.text.len();
        let first = a.tokens.len();
        for (k, w) in s.words.iter().enumerate() {
            if k > 0 {
                a.text.push(' ');
            }
            let at = a.text.len();
            a.text.push_str(w);
            a.tokens.push(Token {
                span: Span::new(at, a.text.len()),
                kind: TokenKind::Word,
            });
        }
        a.sentences.push(Sentence {
            span: Span::new(start, a.text.len()),
            tokens: first..a.tokens.len(),
            paragraph: a.sentences.len(),
            boilerplate: false,
        });
        a.paragraphs.push(Span::new(start, a.text.len()));
        a.text.push('\n');
    }
    a.body = Span::new(0, a.text.len());
    a
}

/// The labels of each sentence of `a` (made by [`as_article`]) from its mentions.
fn article_labels(tagger: &Tagger, a: &storyline_model::Article) -> Vec<Vec<u8>> {
    use storyline_model::EntityType;
    let mut labels: Vec<u8> = vec![ner::labels::O; a.tokens.len()];
    for m in tagger.tag(a) {
        let ty = match m.kind {
            EntityType::Person => 0,
            EntityType::Org => 1,
            EntityType::Gpe | EntityType::Loc => 2,
            _ => 3,
        };
        let toks: Vec<usize> = (0..a.tokens.len())
            .filter(|&i| {
                a.tokens[i].span.start >= m.span.start && a.tokens[i].span.end <= m.span.end
            })
            .collect();
        let (Some(&first), Some(&last)) = (toks.first(), toks.last()) else {
            continue;
        };
        if labels[first..=last].iter().any(|&l| l != ner::labels::O) {
            continue;
        }
        for (i, l) in labels.iter_mut().enumerate().take(last + 1).skip(first) {
            *l = if first == last {
                ner::labels::unit(ty)
            } else if i == first {
                ner::labels::begin(ty)
            } else if i == last {
                ner::labels::last(ty)
            } else {
                ner::labels::inside(ty)
            };
        }
    }
    a.sentences
        .iter()
        .map(|s| labels[s.tokens.clone()].to_vec())
        .collect()
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

/// Reads every text file under `path` (folders in sorted order) as sentences of tokens,
/// handing each to `sink`; returns the number of tokens.
fn read_text(path: &Path, sink: &mut dyn FnMut(&[String])) -> Result<usize> {
    let mut files = vec![path.to_path_buf()];
    let mut n = 0;
    while let Some(p) = files.pop() {
        if p.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(&p)
                .with_context(|| format!("reading {}", p.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            entries.sort();
            entries.reverse();
            files.extend(entries);
            continue;
        }
        let Some(kind) = p.to_str().and_then(TextKind::of) else {
            continue;
        };
        let text =
            std::fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?;
        for s in unlabelled::sentences(kind, &text) {
            n += s.len();
            sink(&s);
        }
    }
    Ok(n)
}

/// Reads a clusters file into `lex`; returns the number of words.
fn read_clusters(path: &Path, lex: &mut Lexicon) -> Result<usize> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    for (i, line) in text.lines().enumerate() {
        let mut cols = line.split('\t');
        let (Some(bits), Some(word)) = (cols.next(), cols.next()) else {
            bail!(
                "{}:{}: expected path<TAB>word<TAB>count",
                path.display(),
                i + 1
            );
        };
        if !lex.add_cluster(word, bits) {
            bail!("{}:{}: bad cluster path {bits:?}", path.display(), i + 1);
        }
    }
    Ok(lex.cluster_count())
}

/// `storyline train clusters`: Brown clusters of unlabelled text.
pub fn clusters(a: ClusterArgs) -> Result<ExitCode> {
    let mut corpus = BrownCorpus::default();
    for t in &a.text {
        let n = read_text(t, &mut |s| corpus.add_sentence(s))?;
        eprintln!("text {}: {n} tokens", t.display());
    }
    for c in &a.conll {
        let docs = read_conll(c)?;
        let mut n = 0;
        for s in docs.iter().flat_map(|d| &d.sentences) {
            n += s.words.len();
            corpus.add_sentence(&s.words);
        }
        eprintln!("conll {}: {n} tokens", c.display());
    }
    let cfg = BrownConfig {
        clusters: a.clusters,
        min_count: a.min_count,
    };
    eprintln!(
        "clustering {} distinct words (those seen {} times or more) into {} clusters",
        corpus.vocabulary(),
        cfg.min_count,
        cfg.clusters
    );
    let started = std::time::Instant::now();
    let paths = corpus.cluster(&cfg);
    let mut out = String::new();
    for p in &paths {
        let _ = writeln!(out, "{}\t{}\t{}", p.path, p.word, p.count);
    }
    if let Some(dir) = a.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(&a.out, out).with_context(|| format!("writing {}", a.out.display()))?;
    println!(
        "{} words clustered in {:.0} s → {}",
        paths.len(),
        started.elapsed().as_secs_f64(),
        a.out.display()
    );
    Ok(ExitCode::SUCCESS)
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
        let n = read_text(t, &mut |s| counts.add_sentence(s))?;
        eprintln!("text {}: {n} tokens", t.display());
    }
    counts.finish(&mut lex);
    if let Some(c) = &a.clusters {
        let n = read_clusters(c, &mut lex)?;
        eprintln!("clusters {}: {n} words", c.display());
    }
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
    let trained = if a.holdout > 0.0 {
        // Every k-th document is held out to choose the number of epochs.
        let k = ((1.0 / a.holdout.min(0.5)).round() as usize).max(2);
        let (held, rest): (Vec<_>, Vec<_>) = docs
            .iter()
            .cloned()
            .enumerate()
            .partition(|(i, _)| i % k == k - 1);
        let held: Vec<conll::Document> = held.into_iter().map(|(_, d)| d).collect();
        let rest: Vec<conll::Document> = rest.into_iter().map(|(_, d)| d).collect();
        eprintln!(
            "choosing epochs on {} held-out training documents",
            held.len()
        );
        let probe = ner::train(&rest, Some(&held), lex.clone(), &cfg, &mut |line| {
            eprintln!("{line}")
        });
        eprintln!("training again on all documents for {} epochs", probe.epoch);
        let cfg = TrainConfig {
            epochs: probe.epoch.max(1),
            ..cfg
        };
        let model = ner::train_ensemble(&docs, lex, &cfg, a.ensemble, &mut |line| {
            eprintln!("{line}")
        });
        let dev_f1 = dev.as_deref().map(|d| ner::evaluate(&model, d).overall().2);
        ner::Trained {
            model,
            epoch: cfg.epochs,
            dev_f1,
        }
    } else {
        ner::train(&docs, dev.as_deref(), lex, &cfg, &mut |line| {
            eprintln!("{line}")
        })
    };
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
        let by_article = if a.article {
            article_labels(&tagger, &as_article(d))
        } else {
            tagger.model().tag_into(&d.words(), &mut ws);
            Vec::new()
        };
        for (i, s) in d.sentences.iter().enumerate() {
            let pred = if a.article {
                by_article.get(i).map_or(&[][..], Vec::as_slice)
            } else {
                ws.sentence_labels(i)
            };
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
