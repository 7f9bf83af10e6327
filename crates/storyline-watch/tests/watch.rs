//! The watcher against a local server: feeds, sitemaps, conditional requests,
//! redirects, retries, timeouts, robots.txt, politeness and resuming.

mod common;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use common::{bare_page, page, rss, Resp, Server};
use storyline_watch::{Options, Watcher};

/// Fast options for tests: no politeness delay unless a test sets one.
fn fast() -> Options {
    Options {
        delay: Duration::ZERO,
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_secs(2),
        retries: 2,
        backoff: Duration::from_millis(10),
        ..Options::default()
    }
}

fn watcher(
    db: &std::path::Path,
    sources: Vec<String>,
    opts: Options,
) -> (Watcher, Rc<RefCell<Vec<String>>>) {
    let mut w = Watcher::open(db, sources, opts).unwrap();
    let lines: Rc<RefCell<Vec<String>>> = Rc::default();
    let sink = lines.clone();
    w.on_failure(move |l| sink.borrow_mut().push(l.to_string()));
    (w, lines)
}

fn articles(w: &Watcher) -> i64 {
    w.store().check().unwrap()["articles"].as_i64().unwrap()
}

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Notes</title>
<entry><title>Quay works</title><link rel="alternate" href="/news/d"/><updated>2025-03-13T10:00:00Z</updated></entry>
<entry><title>Same story, other feed</title><link href="/news/a"/></entry>
<entry><title>Broken <b>entry</title><summary>no link at all
<entry><title type="html">Unclosed &lt;i&gt;markup</title><link rel="alternate" href="/chain1"/></entry>
</feed>"#;

fn site(h: &common::Hit) -> Resp {
    let p = h.path.as_str();
    match p {
        "/robots.txt" => Resp::ok(
            "text/plain",
            "User-agent: *\nDisallow: /private/\n\nUser-agent: storyline\nDisallow: /private/\nDisallow: /admin\n",
        ),
        "/rss.xml" => {
            if h.header("if-none-match") == Some("\"rss-1\"") {
                return Resp::new(304, "");
            }
            let body = rss(
                "Marlow Bend Gazette",
                &[
                    Some("/news/a"),
                    Some("/news/b"),
                    Some("/private/c"),
                    None,
                    Some("/news/a#comments"),
                    Some("/loop1"),
                    Some("/r/0"),
                ],
            );
            Resp::ok("application/rss+xml", body).header("ETag", "\"rss-1\"")
        }
        "/atom.xml" => {
            let lm = "Thu, 13 Mar 2025 10:00:00 GMT";
            if h.header("if-modified-since") == Some(lm) {
                return Resp::new(304, "");
            }
            Resp::ok("application/atom+xml", ATOM).header("Last-Modified", lm)
        }
        "/sitemap-index.xml" => {
            if h.header("if-none-match") == Some("\"idx\"") {
                return Resp::new(304, "");
            }
            Resp::ok(
                "application/xml",
                "<?xml version=\"1.0\"?><sitemapindex><sitemap><loc>/sitemap-news.xml</loc></sitemap></sitemapindex>",
            )
            .header("ETag", "\"idx\"")
        }
        "/sitemap-news.xml" => {
            if h.header("if-none-match") == Some("\"sm\"") {
                return Resp::new(304, "");
            }
            Resp::ok(
                "application/xml",
                r#"<urlset xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>/news/e</loc><news:news><news:publication_date>2025-03-10</news:publication_date><news:title>Bridge supports cracked</news:title></news:news></url>
<url><loc>/news/d</loc></url></urlset>"#,
            )
            .header("ETag", "\"sm\"")
        }
        "/retry.xml" => Resp::ok(
            "application/rss+xml",
            rss("Retries", &[Some("/news/flaky"), Some("/news/broken")]),
        ),
        "/news/a" => Resp::html(page("Library plans approved", "library")),
        "/news/b" => Resp::redirect(301, "/news/b2"),
        "/news/b2" => Resp::html(page("Ferry timetable set", "ferry pier")),
        "/news/d" => Resp::html(page("Quay works start", "quay wall")),
        "/news/e" => Resp::html(bare_page("Old Mill bridge")),
        "/news/f" => Resp::html(page("Market hall to reopen", "market hall")),
        "/chain1" => Resp::redirect(302, "/chain2"),
        "/chain2" => Resp::redirect(301, "/news/f"),
        "/loop1" => Resp::redirect(302, "/loop2"),
        "/loop2" => Resp::redirect(302, "/loop1"),
        "/news/flaky" if h.nth == 0 => Resp::new(500, "busy"),
        "/news/flaky" => Resp::html(page("Flood barrier tested", "flood barrier")),
        "/news/broken" => Resp::new(503, "down"),
        _ => match p.strip_prefix("/r/").and_then(|n| n.parse::<u32>().ok()) {
            Some(n) => Resp::redirect(302, &format!("/r/{}", n + 1)),
            None => Resp::new(404, "not found"),
        },
    }
}

#[test]
fn polls_feeds_and_sitemaps_once_and_resumes() {
    let server = Server::start(site);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("news.db");
    let opml = format!(
        r#"<?xml version="1.0"?><opml version="2.0"><body><outline text="Local">
<outline type="rss" text="Gazette" xmlUrl="{}"/><outline text="Notes" xmlUrl="{}"/></outline>
<outline text="Sitemap" xmlUrl="{}"/><outline text="Retry" xmlUrl="{}"/></body></opml>"#,
        server.url("/rss.xml"),
        server.url("/atom.xml"),
        server.url("/sitemap-index.xml"),
        server.url("/retry.xml"),
    );
    let (sources, bad) = storyline_watch::parse_sources(&opml);
    assert!(bad.is_empty());
    assert_eq!(sources.len(), 4);

    let (mut w, lines) = watcher(&db, sources.clone(), fast());
    let first = w.poll().unwrap();
    // a, b2, d, e, f (via the redirect chain), flaky (after a retry).
    assert_eq!(first.new_articles, 6, "{first:?} {:?}", lines.borrow());
    assert_eq!(articles(&w), 6);
    assert_eq!(first.feeds, 5);
    assert_eq!((first.answered, first.not_modified), (5, 0));
    let failures = lines.borrow().clone();
    let has = |needle: &str, why: &str| {
        assert!(
            failures
                .iter()
                .any(|l| l.contains(needle) && l.contains(why)),
            "no failure {needle} / {why} in {failures:?}"
        )
    };
    has("/private/c", "disallowed by robots.txt");
    has("/rss.xml", "item 4: no usable link");
    has("/atom.xml", "item 3: no usable link");
    has("/loop1", "redirect loop");
    has("/r/0", "more than 5 redirects");
    has("/news/broken", "HTTP status 503");
    assert_eq!(first.errors, failures.len());
    // The bare page got its headline and date from the news sitemap.
    let e = server.url("/news/e");
    let page = w.store().articles(50, 0, None, None).unwrap();
    let with_title = page
        .items
        .iter()
        .find(|a| a["title"] == "Bridge supports cracked")
        .expect("sitemap title used");
    assert_eq!(with_title["date"], "2025-03-10");
    assert!(w.state().seen.contains(&e));
    // Retries: the flaky page twice (500 then 200), the broken one 1 + 2 retries.
    assert_eq!(server.hits_for("/news/flaky").len(), 2);
    assert_eq!(server.hits_for("/news/broken").len(), 3);
    drop(w);

    // A restart: everything conditional, nothing fetched again but what failed.
    let before = server.hits().len();
    let (mut w, _) = watcher(&db, sources, fast());
    let second = w.poll().unwrap();
    assert_eq!(second.new_articles, 0, "{second:?}");
    assert_eq!(articles(&w), 6);
    // rss, atom and the news sitemap answer 304 (the index is read in full); the
    // retry feed has no validators kept (one of its pages failed for a reason that
    // may pass) so it is read again.
    assert_eq!((second.feeds, second.not_modified), (5, 3), "{second:?}");
    let again: Vec<String> = server.hits()[before..]
        .iter()
        .map(|h| h.path.clone())
        .collect();
    assert!(
        again
            .iter()
            .all(|p| !p.starts_with("/news/") || p == "/news/broken"),
        "{again:?}"
    );
    let rss_hits = server.hits_for("/rss.xml");
    assert_eq!(
        rss_hits.last().unwrap().header("if-none-match"),
        Some("\"rss-1\"")
    );
    let atom_hits = server.hits_for("/atom.xml");
    assert!(atom_hits
        .last()
        .unwrap()
        .header("if-modified-since")
        .is_some());
    // robots.txt once per run; the disallowed path never asked for.
    assert_eq!(server.hits_for("/robots.txt").len(), 2);
    assert!(server
        .hits()
        .iter()
        .all(|h| !h.path.starts_with("/private/")));
    for p in [
        "/news/a", "/news/b", "/news/b2", "/news/d", "/news/e", "/news/f",
    ] {
        assert_eq!(server.hits_for(p).len(), 1, "{p} fetched more than once");
    }
    let ua = server.hits()[0]
        .header("user-agent")
        .unwrap_or("")
        .to_string();
    assert!(ua.starts_with("storyline/"), "{ua}");
}

#[test]
fn politeness_delay_between_requests_to_one_host() {
    let server = Server::start(|h| match h.path.as_str() {
        "/feed" => Resp::ok(
            "application/rss+xml",
            rss("Paced", &[Some("/p/1"), Some("/p/2"), Some("/p/3")]),
        ),
        "/robots.txt" => Resp::new(404, ""),
        p => Resp::html(page("Paced story", &p.replace('/', " "))),
    });
    let dir = tempfile::tempdir().unwrap();
    let delay = Duration::from_millis(200);
    let opts = Options { delay, ..fast() };
    let (mut w, _) = watcher(&dir.path().join("p.db"), vec![server.url("/feed")], opts);
    let sum = w.poll().unwrap();
    assert_eq!(sum.new_articles, 3, "{sum:?}");
    let hits = server.hits();
    assert_eq!(hits.len(), 5, "robots, feed, three pages");
    for pair in hits.windows(2) {
        let gap = pair[1].at.duration_since(pair[0].at);
        assert!(
            gap >= delay,
            "{} then {} after {gap:?}",
            pair[0].path,
            pair[1].path
        );
    }
}

#[test]
fn slow_host_times_out_and_is_reported() {
    let server = Server::start(|h| match h.path.as_str() {
        "/feed" => Resp::ok("application/rss+xml", rss("Slow", &[Some("/slow")])),
        "/robots.txt" => Resp::new(404, ""),
        _ => Resp::html(page("Late story", "slow road")).slow(Duration::from_secs(3)),
    });
    let dir = tempfile::tempdir().unwrap();
    let opts = Options {
        read_timeout: Duration::from_millis(300),
        retries: 1,
        ..fast()
    };
    let (mut w, lines) = watcher(&dir.path().join("s.db"), vec![server.url("/feed")], opts);
    let started = std::time::Instant::now();
    let sum = w.poll().unwrap();
    assert_eq!((sum.new_articles, sum.errors), (0, 1), "{sum:?}");
    assert!(lines.borrow()[0].contains("/slow") && lines.borrow()[0].contains("timed out"));
    assert_eq!(server.hits_for("/slow").len(), 2);
    // Not marked seen: the next poll tries again.
    assert!(w.state().seen.is_empty());
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[test]
fn nested_sitemap_index_is_bounded_and_junk_is_reported() {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(
        b"<urlset><url><loc>/news/z</loc></url><url><loc>/report.pdf</loc></url></urlset>",
    )
    .unwrap();
    let gz = gz.finish().unwrap();
    let server = Server::start(move |h| match h.path.as_str() {
        "/sitemap.xml.gz" => Resp::ok("application/x-gzip", gz.clone()),
        "/news/z" => Resp::html(page("Tram line extended", "tram line")),
        "/report.pdf" => Resp::ok("application/pdf", "%PDF-1.7"),
        "/robots.txt" => Resp::new(404, ""),
        "/self.xml" => Resp::ok(
            "application/xml",
            "<sitemapindex><sitemap><loc>/self.xml</loc></sitemap></sitemapindex>",
        ),
        "/junk" => Resp::ok("text/plain", "\u{0}\u{1}not a feed"),
        _ => Resp::new(404, ""),
    });
    let dir = tempfile::tempdir().unwrap();
    let sources = vec![
        server.url("/self.xml"),
        server.url("/junk"),
        server.url("/gone"),
        server.url("/sitemap.xml.gz"),
    ];
    let (mut w, lines) = watcher(&dir.path().join("n.db"), sources, fast());
    let sum = w.poll().unwrap();
    assert_eq!((sum.feeds, sum.new_articles), (6, 1), "{sum:?}");
    let lines = lines.borrow();
    assert!(lines
        .iter()
        .any(|l| l.contains("/report.pdf") && l.contains("not an HTML page")));
    assert!(
        lines.iter().any(|l| l.contains("nested deeper than 2")),
        "{lines:?}"
    );
    assert!(lines
        .iter()
        .any(|l| l.contains("/junk") && l.contains("neither")));
    assert!(lines
        .iter()
        .any(|l| l.contains("/gone") && l.contains("404")));
}

#[test]
fn unreachable_robots_keeps_the_watcher_off_the_host() {
    let server = Server::start(|h| match h.path.as_str() {
        "/robots.txt" => Resp::new(500, ""),
        _ => Resp::ok("application/rss+xml", rss("Never", &[Some("/x")])),
    });
    let dir = tempfile::tempdir().unwrap();
    let (mut w, lines) = watcher(&dir.path().join("r.db"), vec![server.url("/feed")], fast());
    let sum = w.poll().unwrap();
    assert_eq!((sum.errors, sum.answered), (1, 0));
    assert!(lines.borrow()[0].contains("robots.txt unreachable"));
    assert!(server.hits().iter().all(|h| h.path == "/robots.txt"));
}
