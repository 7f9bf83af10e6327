//! One poll: every source fetched (conditionally), its new items' pages fetched,
//! read, analysed and stored, and the state saved after each source.

use std::fmt;
use std::path::{Path, PathBuf};

use storyline_ingest::sitemap::{self, Kind, Sitemap};
use storyline_model::{Date, DateSource, RawArticle};
use storyline_pipeline::{Config, Pipeline};
use storyline_store::Store;

use crate::fetch::{Fetched, Fetcher};
use crate::state::{state_path, State};
use crate::url::resolve;
use crate::{Options, Validators};

/// Why the watcher could not start or go on.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// The store could not be opened or written.
    #[error("store: {0}")]
    Store(#[from] storyline_store::StoreError),
    /// The state file could not be read or written.
    #[error("state file: {0}")]
    State(#[from] std::io::Error),
}

/// What one poll did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Feeds and sitemaps fetched (child sitemaps included).
    pub feeds: usize,
    /// Of those, how many answered (`200` or `304`).
    pub answered: usize,
    /// Of those, how many answered `304 Not Modified`.
    pub not_modified: usize,
    /// Pages fetched.
    pub pages: usize,
    /// Articles new to the store.
    pub new_articles: usize,
    /// Failures (each also reported as a line).
    pub errors: usize,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "polled {} feeds: {} not modified, {} pages fetched, {} new articles, {} errors",
            self.feeds, self.not_modified, self.pages, self.new_articles, self.errors
        )
    }
}

/// A page to fetch and what its source said about it.
#[derive(Default)]
struct Candidate {
    url: String,
    title: Option<String>,
    date: Option<Date>,
    author: Option<String>,
    source: Option<String>,
    /// The feed item's own content, used when the page yields no article.
    fallback: Option<RawArticle>,
}

/// The watcher: sources, store, state and fetcher for a run.
pub struct Watcher {
    sources: Vec<String>,
    opts: Options,
    fetcher: Fetcher,
    store: Store,
    pipeline: Pipeline,
    state: State,
    state_path: PathBuf,
    on_failure: Box<dyn FnMut(&str)>,
}

impl Watcher {
    /// Opens the store at `db` and the state beside it. Failures are written to
    /// stderr until [`Watcher::on_failure`] says otherwise.
    pub fn open(db: &Path, sources: Vec<String>, opts: Options) -> Result<Watcher, WatchError> {
        let store = Store::open(db)?;
        let state_path = state_path(db);
        let state = State::load(&state_path)?;
        Ok(Watcher {
            sources,
            fetcher: Fetcher::new(opts.clone()),
            opts,
            store,
            pipeline: Pipeline::new(Config::default()),
            state,
            state_path,
            on_failure: Box::new(|line| eprintln!("storyline: {line}")),
        })
    }

    /// Sets where failure lines (`URL: reason`) go.
    pub fn on_failure(&mut self, f: impl FnMut(&str) + 'static) {
        self.on_failure = Box::new(f);
    }

    /// The store written to.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The state as it stands.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// Polls every source once.
    pub fn poll(&mut self) -> Result<Summary, WatchError> {
        // robots.txt is read afresh at each poll (so at most once per host per poll).
        self.fetcher.forget_robots();
        let mut sum = Summary::default();
        for src in self.sources.clone() {
            self.source(&src, 0, &mut sum)?;
        }
        Ok(sum)
    }

    fn fail(&mut self, sum: &mut Summary, url: &str, why: &str) {
        sum.errors += 1;
        (self.on_failure)(&format!("{url}: {why}"));
    }

    /// Polls one feed or sitemap; returns whether everything in it was dealt with
    /// for good (else its validators are not kept, so the next poll retries).
    fn source(&mut self, url: &str, depth: u32, sum: &mut Summary) -> Result<bool, WatchError> {
        sum.feeds += 1;
        let known = self.state.feeds.get(url).cloned().unwrap_or_default();
        let page = match self.fetcher.get(url, &known) {
            Ok(Fetched::NotModified) => {
                sum.answered += 1;
                sum.not_modified += 1;
                return Ok(true);
            }
            Ok(Fetched::Page(p)) => {
                sum.answered += 1;
                p
            }
            Err(e) => {
                self.fail(sum, url, &e.to_string());
                return Ok(!e.is_transient());
            }
        };
        let mut keep = true;
        // A sitemap may come gzip-compressed without a `Content-Encoding`.
        let gzipped = page.body.starts_with(&[0x1f, 0x8b]);
        let map = (gzipped || sitemap::looks_like_sitemap(&page.body))
            .then(|| sitemap::parse_bytes(&page.body))
            .flatten();
        let done = if let Some(map) = map {
            // An index is read in full every time: a `304` for it would hide
            // children that changed under an unchanged index.
            keep = map.kind != Kind::Index;
            self.sitemap(url, &page.url, map, depth, sum)?
        } else if let Some(entries) =
            storyline_ingest::feed_entries(url, &String::from_utf8_lossy(&page.body))
        {
            let mut cands = Vec::new();
            for (i, e) in entries.into_iter().enumerate() {
                let Some(link) = e.url.as_deref().and_then(|l| resolve(&page.url, l)) else {
                    self.fail(sum, url, &format!("item {}: no usable link", i + 1));
                    continue;
                };
                cands.push(Candidate {
                    url: link,
                    title: e.title,
                    date: e.date,
                    author: e.author,
                    source: e.source,
                    fallback: e.article,
                });
            }
            self.pages(cands, sum)?
        } else {
            self.fail(sum, url, "neither an RSS/Atom feed nor a sitemap");
            true
        };
        if done && keep && !page.validators.is_empty() {
            self.state.feeds.insert(url.to_string(), page.validators);
        } else {
            self.state.feeds.remove(url);
        }
        self.state.save(&self.state_path)?;
        Ok(done)
    }

    fn sitemap(
        &mut self,
        url: &str,
        base: &str,
        map: Sitemap,
        depth: u32,
        sum: &mut Summary,
    ) -> Result<bool, WatchError> {
        let links = map
            .entries
            .into_iter()
            .filter_map(|e| resolve(base, &e.loc).map(|u| (u, e)));
        match map.kind {
            Kind::Index if depth >= self.opts.sitemap_depth => {
                let why = format!(
                    "sitemap index nested deeper than {}",
                    self.opts.sitemap_depth
                );
                self.fail(sum, url, &why);
                Ok(true)
            }
            Kind::Index => {
                let mut done = true;
                for (child, _) in links.collect::<Vec<_>>() {
                    done &= self.source(&child, depth + 1, sum)?;
                }
                Ok(done)
            }
            Kind::UrlSet => {
                let cands = links
                    .map(|(u, e)| Candidate {
                        url: u,
                        title: e.title,
                        date: e.date,
                        ..Candidate::default()
                    })
                    .collect();
                self.pages(cands, sum)
            }
        }
    }

    /// Fetches the unseen candidates, reads and stores them.
    fn pages(&mut self, cands: Vec<Candidate>, sum: &mut Summary) -> Result<bool, WatchError> {
        let mut done = true;
        let mut batch: Vec<RawArticle> = Vec::new();
        for c in cands {
            if !self.state.seen.insert(c.url.clone()) {
                continue;
            }
            let page = match self.fetcher.get(&c.url, &Validators::default()) {
                Ok(Fetched::Page(p)) => p,
                Ok(Fetched::NotModified) => continue,
                Err(e) => {
                    self.fail(sum, &c.url, &e.to_string());
                    if e.is_transient() {
                        self.state.seen.remove(&c.url);
                        done = false;
                    }
                    continue;
                }
            };
            sum.pages += 1;
            self.state.seen.insert(page.url.clone());
            if !page.is_text() {
                let ct = page.content_type.as_deref().unwrap_or("");
                self.fail(sum, &c.url, &format!("not an HTML page ({ct})"));
                continue;
            }
            let charset = page.charset().map(str::to_string);
            match storyline_ingest::read_html(&page.url, page.body, charset.as_deref()) {
                Ok(mut raw) => {
                    fill(&mut raw, &c, &page.url);
                    batch.push(raw);
                }
                Err(d) => match c.fallback.clone() {
                    Some(mut raw) => {
                        raw.url = Some(page.url.clone());
                        batch.push(raw);
                    }
                    None => self.fail(sum, &c.url, &d.message),
                },
            }
        }
        if !batch.is_empty() {
            let mut articles: Vec<_> = batch
                .into_iter()
                .map(|r| self.pipeline.analyze(r))
                .collect();
            let corpus = storyline_link::link(&mut articles);
            let stats = self
                .store
                .ingest(&articles, &corpus.entities, &corpus.stories)?;
            sum.new_articles += stats.added;
        }
        Ok(done)
    }
}

/// Fills what the page lacks from what its source said: URL, date, author, outlet,
/// and the headline (put in front of the text, as the HTML reader does).
fn fill(raw: &mut RawArticle, c: &Candidate, fetched: &str) {
    raw.path = fetched.to_string();
    if raw.url.is_none() {
        raw.url = Some(fetched.to_string());
    }
    if raw.date.is_none() {
        if let Some(d) = c.date {
            raw.date = Some(d);
            raw.date_source = Some(DateSource::Metadata);
        }
    }
    if raw.author.is_none() {
        raw.author = c.author.clone();
    }
    if raw.source.is_none() {
        raw.source = c.source.clone();
    }
    if let (None, Some(t)) = (&raw.title, &c.title) {
        let shift = t.len() + 2;
        let body = raw.body.clone().unwrap_or(0..raw.text.len());
        raw.text = format!("{t}\n\n{}", raw.text);
        raw.body = Some(body.start + shift..body.end + shift);
        raw.title = Some(t.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_prepends_title_and_keeps_body() {
        let mut raw = RawArticle {
            text: "The mayor opened the new library on Friday.".into(),
            ..RawArticle::default()
        };
        let c = Candidate {
            title: Some("Library opens".into()),
            date: Date::new(2024, 6, 7),
            ..Candidate::default()
        };
        fill(&mut raw, &c, "http://h.example/lib");
        assert_eq!(raw.title.as_deref(), Some("Library opens"));
        let body = raw.body.clone().unwrap();
        assert_eq!(
            &raw.text[body],
            "The mayor opened the new library on Friday."
        );
        assert_eq!(raw.url.as_deref(), Some("http://h.example/lib"));
        assert_eq!(raw.date_source, Some(DateSource::Metadata));
    }
}
