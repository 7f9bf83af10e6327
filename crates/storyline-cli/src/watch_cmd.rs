//! `storyline watch`: polls feeds and sitemaps and stores their new articles.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use storyline_watch::{Options, Watcher};

/// Arguments of `storyline watch`.
#[derive(clap::Args, Debug)]
pub struct WatchArgs {
    /// The database (default: $STORYLINE_DB, else ./storyline.db); the crawl state
    /// lives beside it in PATH.watch.json.
    #[arg(long)]
    db: Option<PathBuf>,
    /// Poll every feed once and exit (for cron).
    #[arg(long)]
    once: bool,
    /// Seconds between polls when not --once.
    #[arg(long, default_value_t = 900)]
    interval: u64,
    /// Least seconds between two requests to one host.
    #[arg(long, default_value_t = 1.0)]
    delay: f64,
    /// Connect and read timeout, in seconds.
    #[arg(long, default_value_t = 30.0)]
    timeout: f64,
    /// Retries on 5xx answers, timeouts and network errors.
    #[arg(long, default_value_t = 3)]
    retries: u32,
    /// A file of feed or sitemap URLs, one per line (`#` comments), or an OPML file.
    feeds: PathBuf,
}

fn secs(v: f64, what: &str) -> Result<Duration> {
    Duration::try_from_secs_f64(v)
        .with_context(|| format!("--{what} must be a number of seconds >= 0"))
}

pub fn run(args: WatchArgs) -> Result<ExitCode> {
    let text = std::fs::read_to_string(&args.feeds)
        .with_context(|| format!("reading {}", args.feeds.display()))?;
    let (sources, bad) = storyline_watch::parse_sources(&text);
    for (line, what) in &bad {
        eprintln!(
            "storyline: {}:{line}: not an http(s) URL: {what:?}",
            args.feeds.display()
        );
    }
    if sources.is_empty() {
        bail!("no feed URLs in {}", args.feeds.display());
    }
    let timeout = secs(args.timeout, "timeout")?;
    let opts = Options {
        delay: secs(args.delay, "delay")?,
        connect_timeout: timeout,
        read_timeout: timeout,
        retries: args.retries,
        ..Options::default()
    };
    let db = crate::store_cmd::db_path(args.db);
    let mut watcher = Watcher::open(&db, sources, opts)
        .with_context(|| format!("opening the store {}", db.display()))?;
    loop {
        let sum = watcher.poll()?;
        eprintln!("storyline: {sum}");
        if args.once {
            // Exit 1 only when no feed answered at all.
            let failed = sum.answered == 0;
            return Ok(if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            });
        }
        std::thread::sleep(Duration::from_secs(args.interval));
    }
}
