//! The list of sources to watch: a text file of feed or sitemap URLs, one per line,
//! blank lines and `#` comments ignored; or an OPML file (its `xmlUrl` outlines).

/// The source URLs named by the content of a FEEDS file, in order, without repeats,
/// and the lines that are not http(s) URLs (1-based line number, text).
pub fn parse(src: &str) -> (Vec<String>, Vec<(usize, String)>) {
    let mut urls = Vec::new();
    let mut bad = Vec::new();
    let trimmed = src.trim_start_matches('\u{feff}').trim_start();
    let candidates: Vec<(usize, String)> = if trimmed.starts_with('<') {
        storyline_ingest::opml_feeds(src)
            .into_iter()
            .map(|u| (0, u))
            .collect()
    } else {
        src.lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.split(" #").next().unwrap_or("").trim().to_string()))
            .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
            .collect()
    };
    for (line, url) in candidates {
        match crate::url::resolve(&url, &url) {
            Some(u) if crate::url::Url::parse(&url).is_some() => {
                if !urls.contains(&u) {
                    urls.push(u);
                }
            }
            _ => bad.push((line, url)),
        }
    }
    (urls, bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_list() {
        let src = "# local outlets\nhttp://courier.example/rss.xml\n\n  https://notes.example/atom  # harbour\nhttp://courier.example/rss.xml\nnot a url\n";
        let (urls, bad) = parse(src);
        assert_eq!(
            urls,
            [
                "http://courier.example/rss.xml",
                "https://notes.example/atom"
            ]
        );
        assert_eq!(bad, [(6, "not a url".to_string())]);
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_text_never_panics(src in "\\PC{0,300}") {
            let (urls, _) = parse(&src);
            for u in urls {
                proptest::prop_assert!(crate::url::Url::parse(&u).is_some());
            }
        }
    }

    #[test]
    fn opml_list() {
        let src = "<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><body><outline text=\"a\" xmlUrl=\"http://a.example/feed\"/><outline xmlUrl=\"ftp://b.example/x\"/></body></opml>";
        let (urls, bad) = parse(src);
        assert_eq!(urls, ["http://a.example/feed"]);
        assert_eq!(bad.len(), 1);
    }
}
