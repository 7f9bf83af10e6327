//! The polite HTTP fetcher: robots.txt checked (and cached per host for the run)
//! before every request, a delay between requests to one host, conditional
//! requests, bounded retries with exponential backoff, redirects followed by hand
//! (so each hop is checked against robots.txt and a loop is caught), timeouts and a
//! body size limit.

use std::collections::{HashMap, HashSet};
use std::thread::sleep;
use std::time::Instant;

use ureq::Agent;

use crate::robots::Rules;
use crate::url::{resolve, Url};
use crate::{Options, Validators};

/// A successful answer.
#[derive(Debug, Clone)]
pub enum Fetched {
    /// `304 Not Modified`: the validators still hold.
    NotModified,
    /// A `2xx` answer with its body.
    Page(Page),
}

/// A fetched body and what the server said about it.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The URL after redirects.
    pub url: String,
    /// The body, decompressed if the server used `Content-Encoding`.
    pub body: Vec<u8>,
    /// `Content-Type`, if given.
    pub content_type: Option<String>,
    /// `ETag` and `Last-Modified`, to send back next time.
    pub validators: Validators,
}

impl Page {
    /// Whether the body may be a page: HTML, XHTML or plain text by its
    /// `Content-Type`, or no `Content-Type` at all (the content then decides).
    pub fn is_text(&self) -> bool {
        let Some(ct) = self.content_type.as_deref() else {
            return true;
        };
        let ct = ct.to_ascii_lowercase();
        ct.contains("html") || ct.starts_with("text/") || ct.trim().is_empty()
    }

    /// The `charset=` parameter of the `Content-Type`, if any.
    pub fn charset(&self) -> Option<&str> {
        let ct = self.content_type.as_deref()?;
        let i = ct.to_ascii_lowercase().find("charset=")?;
        let v = ct.get(i + "charset=".len()..)?;
        let v = v.split(';').next()?.trim().trim_matches('"');
        Some(v).filter(|v| !v.is_empty())
    }
}

/// Why a fetch failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// Not an absolute http(s) URL.
    #[error("not an http(s) URL")]
    BadUrl,
    /// robots.txt forbids it.
    #[error("disallowed by robots.txt")]
    Disallowed,
    /// robots.txt could not be read, so the host is not crawled this run.
    #[error("robots.txt unreachable ({0}): host skipped")]
    RobotsUnreachable(String),
    /// A status other than 2xx, 3xx, 304, after retries for 5xx and 429.
    #[error("HTTP status {0}")]
    Status(u16),
    /// Connect or read timed out on every try.
    #[error("timed out ({0})")]
    Timeout(String),
    /// A network error on every try.
    #[error("network error: {0}")]
    Network(String),
    /// More redirects than allowed.
    #[error("more than {0} redirects")]
    TooManyRedirects(u32),
    /// A redirect back to a URL already visited.
    #[error("redirect loop at {0}")]
    RedirectLoop(String),
    /// A redirect without a usable `Location`.
    #[error("redirect without a usable Location")]
    BadRedirect,
    /// The body is larger than the limit.
    #[error("body larger than {0} bytes")]
    TooLarge(u64),
}

impl FetchError {
    /// True when trying again later may succeed (5xx, timeouts, network errors,
    /// an unreachable robots.txt); a page that failed so is not marked seen.
    pub fn is_transient(&self) -> bool {
        match self {
            FetchError::Status(s) => *s >= 500 || *s == 429,
            FetchError::Timeout(_) | FetchError::Network(_) | FetchError::RobotsUnreachable(_) => {
                true
            }
            _ => false,
        }
    }
}

/// One HTTP exchange's outcome before redirects are followed.
enum Answer {
    Redirect(Option<String>),
    NotModified,
    Page(Page),
}

/// The fetcher; one per run, so that robots.txt is fetched once per host.
pub struct Fetcher {
    agent: Agent,
    opts: Options,
    robots: HashMap<String, Rules>,
    last: HashMap<String, Instant>,
}

impl Fetcher {
    /// A fetcher with these options.
    pub fn new(opts: Options) -> Fetcher {
        let agent: Agent = Agent::config_builder()
            .user_agent(opts.user_agent.as_str())
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_connect(Some(opts.connect_timeout))
            .timeout_recv_response(Some(opts.read_timeout))
            .timeout_recv_body(Some(opts.read_timeout))
            .timeout_send_request(Some(opts.read_timeout))
            .build()
            .into();
        Fetcher {
            agent,
            opts,
            robots: HashMap::new(),
            last: HashMap::new(),
        }
    }

    /// Forgets the robots.txt rules read so far (the next request to a host reads
    /// its robots.txt again); the politeness clock is kept.
    pub fn forget_robots(&mut self) {
        self.robots.clear();
    }

    /// Fetches `url`, sending `validators` as `If-None-Match` / `If-Modified-Since`.
    pub fn get(&mut self, url: &str, validators: &Validators) -> Result<Fetched, FetchError> {
        self.follow(url, validators, true)
    }

    fn follow(
        &mut self,
        url: &str,
        validators: &Validators,
        check_robots: bool,
    ) -> Result<Fetched, FetchError> {
        let mut url = url.to_string();
        let mut visited = HashSet::new();
        for _ in 0..=self.opts.max_redirects {
            if !visited.insert(url.clone()) {
                return Err(FetchError::RedirectLoop(url));
            }
            if check_robots {
                self.check_robots(&url)?;
            }
            match self.with_retries(&url, validators)? {
                Answer::NotModified => return Ok(Fetched::NotModified),
                Answer::Page(p) => return Ok(Fetched::Page(p)),
                Answer::Redirect(loc) => {
                    url = loc
                        .and_then(|l| resolve(&url, &l))
                        .ok_or(FetchError::BadRedirect)?;
                }
            }
        }
        Err(FetchError::TooManyRedirects(self.opts.max_redirects))
    }

    /// Fails unless robots.txt of the URL's host allows it (fetching it on first use).
    fn check_robots(&mut self, url: &str) -> Result<(), FetchError> {
        let u = Url::parse(url).ok_or(FetchError::BadUrl)?;
        let origin = u.origin();
        if !self.robots.contains_key(&origin) {
            let robots_url = format!("{origin}/robots.txt");
            let rules = match self.follow(&robots_url, &Validators::default(), false) {
                Ok(Fetched::Page(p)) => {
                    Rules::parse(&String::from_utf8_lossy(&p.body), crate::PRODUCT)
                }
                Ok(Fetched::NotModified) => Rules::allow_all(),
                // A 4xx means there are no rules; a 5xx or no answer means stay away.
                Err(FetchError::Status(s)) if (400..500).contains(&s) => Rules::allow_all(),
                Err(e) => {
                    self.robots
                        .insert(origin.clone(), Rules::deny_all_because(e.to_string()));
                    return Err(FetchError::RobotsUnreachable(e.to_string()));
                }
            };
            self.robots.insert(origin.clone(), rules);
        }
        let rules = self.robots.get(&origin).cloned().unwrap_or_default();
        if let Some(why) = rules.unreachable() {
            return Err(FetchError::RobotsUnreachable(why.to_string()));
        }
        if rules.allowed(u.path) {
            Ok(())
        } else {
            Err(FetchError::Disallowed)
        }
    }

    /// Waits until the host's politeness delay (or its robots.txt `Crawl-delay`,
    /// whichever is longer) has passed since the last answer from it.
    fn wait_turn(&self, origin: &str) {
        let crawl = self
            .robots
            .get(origin)
            .and_then(|r| r.crawl_delay)
            .unwrap_or_default();
        let delay = self.opts.delay.max(crawl);
        if let Some(t) = self.last.get(origin) {
            let due = *t + delay;
            let now = Instant::now();
            if due > now {
                sleep(due - now);
            }
        }
    }

    /// One URL, retried on 5xx, 429, timeouts and network errors, with a backoff that
    /// doubles each time.
    fn with_retries(&mut self, url: &str, validators: &Validators) -> Result<Answer, FetchError> {
        let origin = Url::parse(url).ok_or(FetchError::BadUrl)?.origin();
        let mut attempt = 0;
        loop {
            self.wait_turn(&origin);
            let result = self.once(url, validators);
            self.last.insert(origin.clone(), Instant::now());
            match result {
                Err(e) if e.is_transient() && attempt < self.opts.retries => {
                    sleep(self.opts.backoff * 2u32.saturating_pow(attempt));
                    attempt += 1;
                }
                r => return r,
            }
        }
    }

    /// One request.
    fn once(&self, url: &str, validators: &Validators) -> Result<Answer, FetchError> {
        let mut req = self.agent.get(url);
        if let Some(etag) = &validators.etag {
            req = req.header("If-None-Match", etag.as_str());
        }
        if let Some(lm) = &validators.last_modified {
            req = req.header("If-Modified-Since", lm.as_str());
        }
        let mut resp = req.call().map_err(classify)?;
        let status = resp.status().as_u16();
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        match status {
            304 => Ok(Answer::NotModified),
            301 | 302 | 303 | 307 | 308 => Ok(Answer::Redirect(header("location"))),
            200..=299 => {
                let validators = Validators {
                    etag: header("etag"),
                    last_modified: header("last-modified"),
                };
                let content_type = header("content-type");
                let body = resp
                    .body_mut()
                    .with_config()
                    .limit(self.opts.max_body)
                    .read_to_vec()
                    .map_err(|e| match e {
                        ureq::Error::BodyExceedsLimit(n) => FetchError::TooLarge(n),
                        e => classify(e),
                    })?;
                Ok(Answer::Page(Page {
                    url: url.to_string(),
                    body,
                    content_type,
                    validators,
                }))
            }
            s => Err(FetchError::Status(s)),
        }
    }
}

/// A `ureq` error as a [`FetchError`].
fn classify(e: ureq::Error) -> FetchError {
    match e {
        ureq::Error::Timeout(t) => FetchError::Timeout(t.to_string()),
        ureq::Error::BadUri(_) => FetchError::BadUrl,
        ureq::Error::BodyExceedsLimit(n) => FetchError::TooLarge(n),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
            FetchError::Timeout(io.to_string())
        }
        e => FetchError::Network(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_from_content_type() {
        let mut p = Page {
            content_type: Some("text/html; Charset=\"ISO-8859-1\"; x=y".into()),
            ..Page::default()
        };
        assert_eq!(p.charset(), Some("ISO-8859-1"));
        p.content_type = Some("text/html".into());
        assert_eq!(p.charset(), None);
        assert!(p.is_text());
        p.content_type = Some("application/pdf".into());
        assert!(!p.is_text());
        p.content_type = None;
        assert!(p.is_text());
    }

    #[test]
    fn transient_errors() {
        assert!(FetchError::Status(503).is_transient());
        assert!(FetchError::Status(429).is_transient());
        assert!(!FetchError::Status(404).is_transient());
        assert!(!FetchError::Disallowed.is_transient());
        assert!(FetchError::Timeout("read".into()).is_transient());
    }
}
