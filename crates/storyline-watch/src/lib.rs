//! Live sources for the store: `storyline watch` polls RSS and Atom feeds and news
//! sitemaps, fetches the pages of new items, extracts them as the HTML reader does,
//! analyses them and writes them into the store.
//!
//! # Decisions
//!
//! - **Blocking HTTP (`ureq`, rustls).** One poll is a sequence of requests paced by
//!   a per-host delay, so concurrency would buy little and an async runtime nothing;
//!   `ureq` is small, speaks http:// and https:// (rustls, webpki roots), and lets us
//!   turn its redirect handling off.
//! - **Politeness first.** robots.txt is fetched once per host per run and checked
//!   before every request, redirect hops included (the longest `Allow`/`Disallow`
//!   match for `storyline`, else `*`; an unreachable robots.txt keeps us off the
//!   host). Requests to one host are spaced by [`Options::delay`] (or the host's
//!   `Crawl-delay`, if longer), measured from the end of the previous answer.
//! - **Nothing twice.** Feeds are fetched with `If-None-Match` / `If-Modified-Since`
//!   (a `304` means nothing new); page URLs go into a seen-set before they are
//!   fetched. A page that failed for a reason that may pass (5xx, timeout) leaves
//!   the set again, and its feed's validators are not saved, so the next poll
//!   retries it.
//! - **Resumable.** Validators and the seen-set persist in a state file beside the
//!   database (see [`state`] for why not a table), saved after each feed.
//! - **Bounded.** Retries (with doubling backoff), redirects, sitemap index depth,
//!   body size, and connect/read timeouts all have limits in [`Options`].
//!
//! Every failure is one line (URL and reason) handed to the failure callback
//! (stderr in the command line); nothing panics on what a server sends.
#![warn(missing_docs)]

mod fetch;
mod poll;
pub mod robots;
mod sources;
pub mod state;
pub mod url;

use std::time::Duration;

pub use fetch::{FetchError, Fetched, Fetcher, Page};
pub use poll::{Summary, WatchError, Watcher};
pub use sources::parse as parse_sources;
pub use state::{State, Validators};

/// The product token matched against robots.txt `User-agent` lines.
pub const PRODUCT: &str = "storyline";

/// How the watcher fetches.
#[derive(Debug, Clone)]
pub struct Options {
    /// Least time between the end of one answer and the next request to the same host.
    pub delay: Duration,
    /// Connect timeout.
    pub connect_timeout: Duration,
    /// Timeout for the response head, and again for the body.
    pub read_timeout: Duration,
    /// Retries after the first try, for 5xx, 429, timeouts and network errors.
    pub retries: u32,
    /// Wait before the first retry; it doubles at each further one.
    pub backoff: Duration,
    /// Redirects followed for one URL.
    pub max_redirects: u32,
    /// Largest body read, in bytes (after decompression).
    pub max_body: u64,
    /// How many levels of `<sitemapindex>` are followed below a source.
    pub sitemap_depth: u32,
    /// The `User-Agent` header.
    pub user_agent: String,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            delay: Duration::from_secs(1),
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(30),
            retries: 3,
            backoff: Duration::from_secs(1),
            max_redirects: 5,
            max_body: 10 * 1024 * 1024,
            sitemap_depth: 2,
            user_agent: format!("{PRODUCT}/{}", env!("CARGO_PKG_VERSION")),
        }
    }
}
