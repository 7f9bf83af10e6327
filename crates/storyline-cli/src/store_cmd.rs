//! `storyline ingest`, `storyline serve` and `storyline export`: the commands over the
//! store. The database is `--db PATH`, else `$STORYLINE_DB`, else `./storyline.db`;
//! its search index lives beside it in `PATH.index/`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use storyline_model::Date;
use storyline_pipeline::{Config, Pipeline};
use storyline_store::{import_document, Format, Store};

/// The database path: the flag, else `$STORYLINE_DB`, else `./storyline.db`.
pub(crate) fn db_path(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(|| {
        std::env::var_os("STORYLINE_DB")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
    .unwrap_or_else(|| PathBuf::from("storyline.db"))
}

fn open(db: &Path) -> Result<Store> {
    Store::open(db).with_context(|| format!("opening the store {}", db.display()))
}

/// Arguments of `storyline ingest`.
#[derive(clap::Args, Debug)]
pub struct IngestArgs {
    /// The database (default: $STORYLINE_DB, else ./storyline.db).
    #[arg(long)]
    db: Option<PathBuf>,
    /// Dateline for articles that carry none (YYYY-MM-DD).
    #[arg(long, value_parser = crate::parse_date)]
    date: Option<Date>,
    /// Print the store's consistency figures as JSON (exit 1 if inconsistent) and stop.
    #[arg(long)]
    check: bool,
    /// Files or folders to read (`-` for stdin). A `.json` file holding an
    /// `analyze --json` document (schema storyline/1) is stored as it is.
    #[arg(required_unless_present = "check")]
    paths: Vec<String>,
}

/// Reads `path` as a storyline/1 document, if it is one.
fn contract_doc(path: &str) -> Option<serde_json::Value> {
    if !path.ends_with(".json") {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    let v: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    (v.get("schema").and_then(|s| s.as_str()) == Some(storyline_model::contract::SCHEMA))
        .then_some(v)
}

pub fn ingest(args: IngestArgs) -> Result<ExitCode> {
    let db = db_path(args.db);
    let mut store = open(&db)?;
    if args.check {
        let c = store.check()?;
        crate::write_stdout(format!("{c}\n").as_bytes())?;
        return Ok(if c["ok"] == true {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    let (docs, plain): (Vec<_>, Vec<_>) = args
        .paths
        .iter()
        .map(|p| (p.clone(), contract_doc(p)))
        .partition(|(_, d)| d.is_some());
    let mut read = 0;
    let mut total = storyline_store::IngestStats::default();
    let mut add = |s: storyline_store::IngestStats| {
        total.added += s.added;
        total.updated += s.updated;
        total.unchanged += s.unchanged;
    };
    for (path, doc) in docs {
        let imp = import_document(&doc.unwrap_or_default()).with_context(|| path.clone())?;
        for w in &imp.warnings {
            eprintln!("storyline: {path}: warning: {w}");
        }
        read += imp.articles.len();
        add(store.ingest_docs(&imp.articles, &imp.entities, &imp.stories)?);
    }
    if !plain.is_empty() {
        let paths: Vec<String> = plain.into_iter().map(|(p, _)| p).collect();
        let pipeline = Pipeline::new(Config { date: args.date });
        let out = pipeline.run(&paths, &|_| {});
        for d in &out.diagnostics {
            eprintln!("storyline: {d}");
        }
        read += out.articles.len();
        add(store.ingest(&out.articles, &out.entities, &out.stories)?);
    }
    eprintln!(
        "storyline: {read} articles read into {}: {} added, {} updated, {} unchanged",
        db.display(),
        total.added,
        total.updated,
        total.unchanged
    );
    if read == 0 {
        eprintln!("storyline: nothing could be read");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `storyline serve`.
#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// The database (default: $STORYLINE_DB, else ./storyline.db).
    #[arg(long)]
    db: Option<PathBuf>,
    /// Address to listen on; loopback unless you say otherwise.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: std::net::SocketAddr,
    /// Bearer token that enables POST /api/articles (default: $STORYLINE_TOKEN; without
    /// one, the API is read-only).
    #[arg(long)]
    token: Option<String>,
}

pub fn serve(args: ServeArgs) -> Result<ExitCode> {
    let db = db_path(args.db);
    let store = open(&db)?;
    let token = args.token.or_else(|| std::env::var("STORYLINE_TOKEN").ok());
    if !args.addr.ip().is_loopback() {
        eprintln!(
            "storyline: warning: listening on {}, reachable from other machines",
            args.addr
        );
    }
    let state = storyline_server::AppState::new(store, Pipeline::new(Config::default()), token);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the runtime")?;
    rt.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("binding {}", args.addr))?;
        let local = listener.local_addr()?;
        eprintln!("storyline: serving {} on http://{local}/", db.display());
        storyline_server::serve(listener, state)
            .await
            .context("serving")
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `storyline export`.
#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// The database (default: $STORYLINE_DB, else ./storyline.db).
    #[arg(long)]
    db: Option<PathBuf>,
    /// `jsonl`, `csv` or `parquet` (typed columns, Snappy-compressed).
    #[arg(long, default_value = "jsonl")]
    format: String,
    /// Folder to write articles, mentions, quotes, claims and timexes files into.
    #[arg(long, default_value = ".")]
    out: PathBuf,
}

pub fn export(args: ExportArgs) -> Result<ExitCode> {
    let Some(format) = Format::parse(&args.format) else {
        bail!(
            "unknown export format {:?}: use jsonl, csv or parquet",
            args.format
        );
    };
    let db = db_path(args.db);
    if !db.exists() {
        bail!("no store at {}: run storyline ingest first", db.display());
    }
    let store = open(&db)?;
    for (path, n) in storyline_store::export(&store, format, &args.out)? {
        eprintln!("storyline: wrote {n} rows to {path}");
    }
    Ok(ExitCode::SUCCESS)
}
