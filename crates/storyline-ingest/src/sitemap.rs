//! Sitemaps as a source of article URLs: a `<urlset>` lists pages (a news sitemap
//! adds `<news:news>` with `<news:publication_date>` and `<news:title>`), a
//! `<sitemapindex>` lists child sitemaps. Anything else is not a sitemap.
//!
//! The reader is one pass of the HTML tokenizer with a few small strings per entry.
//! It never fails on malformed XML: it keeps the entries it could read, drops those
//! without a `<loc>`, and stops after [`MAX_ENTRIES`] (the protocol's own limit).
//!
//! ```
//! use storyline_ingest::sitemap::{self, Kind};
//! let xml = r#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
//!   xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
//!   <url><loc>https://example.org/a</loc><news:news>
//!     <news:publication_date>2025-02-03T08:00:00Z</news:publication_date>
//!     <news:title>Dam &amp; weir repaired</news:title></news:news></url></urlset>"#;
//! let map = sitemap::parse(xml).unwrap();
//! assert_eq!(map.kind, Kind::UrlSet);
//! assert_eq!(map.entries[0].loc, "https://example.org/a");
//! assert_eq!(map.entries[0].title.as_deref(), Some("Dam & weir repaired"));
//! assert_eq!(map.entries[0].date.unwrap().to_string(), "2025-02-03");
//! ```

use std::io::Read;

use storyline_model::Date;

use crate::date;
use crate::html::{decode_entities, lex::Lexer, lex::Token};

/// The most entries read from one sitemap (the sitemap protocol allows 50,000).
pub const MAX_ENTRIES: usize = 50_000;

/// The most bytes a gzip-compressed sitemap may expand to.
const MAX_EXPANDED: u64 = 64 * 1024 * 1024;

/// What a sitemap lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `<urlset>`: pages.
    UrlSet,
    /// `<sitemapindex>`: other sitemaps.
    Index,
}

/// One `<url>` or `<sitemap>` entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    /// The page's (or child sitemap's) URL, entities decoded, trimmed.
    pub loc: String,
    /// `<news:title>`, if given.
    pub title: Option<String>,
    /// `<news:publication_date>`, else `<lastmod>`, as a calendar date.
    pub date: Option<Date>,
}

/// A parsed sitemap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sitemap {
    /// Pages or child sitemaps.
    pub kind: Kind,
    /// The entries with a `<loc>`, in document order.
    pub entries: Vec<Entry>,
}

/// The field whose text is being read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Loc,
    Title,
    PubDate,
    LastMod,
}

/// An entry as it is read: strings still raw.
#[derive(Default)]
struct Raw {
    loc: String,
    title: String,
    pub_date: String,
    lastmod: String,
}

/// Parses `src` as a sitemap; `None` when its root is neither `<urlset>` nor
/// `<sitemapindex>`.
pub fn parse(src: &str) -> Option<Sitemap> {
    let mut kind = None;
    let mut entries = Vec::new();
    let mut cur: Option<Raw> = None;
    let mut field = None;
    for tok in Lexer::new(src) {
        match tok {
            Token::Start { name, .. } => {
                let name = local(&name);
                if kind.is_none() {
                    kind = Some(match name {
                        "urlset" => Kind::UrlSet,
                        "sitemapindex" => Kind::Index,
                        _ => return None,
                    });
                    continue;
                }
                field = None;
                match name {
                    "url" | "sitemap" => {
                        finish(cur.take(), &mut entries);
                        if entries.len() >= MAX_ENTRIES {
                            break;
                        }
                        cur = Some(Raw::default());
                    }
                    "loc" => field = Some(Field::Loc),
                    "title" => field = Some(Field::Title),
                    "publication_date" => field = Some(Field::PubDate),
                    "lastmod" => field = Some(Field::LastMod),
                    _ => {}
                }
            }
            Token::End { name } => {
                if matches!(local(&name), "url" | "sitemap") {
                    finish(cur.take(), &mut entries);
                    if entries.len() >= MAX_ENTRIES {
                        break;
                    }
                }
                field = None;
            }
            Token::Text(t) => {
                let (Some(f), Some(raw)) = (field, cur.as_mut()) else {
                    continue;
                };
                let slot = match f {
                    Field::Loc => &mut raw.loc,
                    Field::Title => &mut raw.title,
                    Field::PubDate => &mut raw.pub_date,
                    Field::LastMod => &mut raw.lastmod,
                };
                // A hostile sitemap cannot grow one field without bound.
                if slot.len() + t.len() <= 8 * 1024 {
                    slot.push_str(t);
                }
            }
        }
    }
    finish(cur, &mut entries);
    Some(Sitemap {
        kind: kind?,
        entries,
    })
}

/// Parses sitemap bytes: gzip-compressed (`sitemap.xml.gz`) or plain, UTF-8 with
/// invalid bytes replaced. `None` when it is not a sitemap.
pub fn parse_bytes(bytes: &[u8]) -> Option<Sitemap> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        let dec = flate2::read::MultiGzDecoder::new(bytes);
        // A truncated stream still gives the entries before the cut.
        let _ = dec.take(MAX_EXPANDED).read_to_end(&mut out);
        return parse(&String::from_utf8_lossy(&out));
    }
    parse(&String::from_utf8_lossy(bytes))
}

/// True when `bytes` look like a sitemap's start (after an XML declaration and
/// comments): cheap enough to call on every fetched body.
pub fn looks_like_sitemap(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(2048)).unwrap_or(bytes);
    let head = String::from_utf8_lossy(head);
    head.contains("<urlset") || head.contains("<sitemapindex")
}

fn finish(raw: Option<Raw>, entries: &mut Vec<Entry>) {
    let Some(raw) = raw else { return };
    let loc = clean(&raw.loc);
    if loc.is_empty() {
        return;
    }
    let title = Some(clean(&raw.title)).filter(|t| !t.is_empty());
    let date = date::parse(&clean(&raw.pub_date)).or_else(|| date::parse(&clean(&raw.lastmod)));
    entries.push(Entry { loc, title, date });
}

/// `news:title` → `title`.
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// CDATA markers dropped, entities decoded, spaces collapsed.
fn clean(s: &str) -> String {
    let s = s.replace("<![CDATA[", "").replace("]]>", "");
    decode_entities(&s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn index_and_lastmod() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<!-- generated nightly -->
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
 <sitemap><loc> https://news.example/sitemap-1.xml </loc><lastmod>2024-11-02</lastmod></sitemap>
 <sitemap><lastmod>2024-11-02</lastmod></sitemap>
 <sitemap><loc><![CDATA[https://news.example/sitemap-2.xml?a=1&b=2]]></loc></sitemap>
</sitemapindex>"#;
        let map = parse(xml).unwrap();
        assert_eq!(map.kind, Kind::Index);
        let locs: Vec<_> = map.entries.iter().map(|e| e.loc.as_str()).collect();
        assert_eq!(
            locs,
            [
                "https://news.example/sitemap-1.xml",
                "https://news.example/sitemap-2.xml?a=1&b=2"
            ]
        );
        assert_eq!(map.entries[0].date.unwrap().to_string(), "2024-11-02");
    }

    #[test]
    fn not_a_sitemap() {
        assert!(parse("<rss><channel><item/></channel></rss>").is_none());
        assert!(parse("<html><body>hi</body></html>").is_none());
        assert!(parse("").is_none());
        assert!(!looks_like_sitemap(b"<feed xmlns='x'>"));
        assert!(looks_like_sitemap(b"<?xml version='1.0'?><urlset>"));
    }

    #[test]
    fn malformed_keeps_what_it_can() {
        let xml = "<urlset><url><loc>https://a.example/1</loc><url><loc>https://a.example/2";
        let map = parse(xml).unwrap();
        assert_eq!(map.entries.len(), 2);
        assert_eq!(map.entries[1].loc, "https://a.example/2");
    }

    #[test]
    fn gzip_bytes() {
        use std::io::Write;
        let xml = b"<urlset><url><loc>https://a.example/z</loc></url></urlset>";
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(xml).unwrap();
        let gz = enc.finish().unwrap();
        let map = parse_bytes(&gz).unwrap();
        assert_eq!(map.entries[0].loc, "https://a.example/z");
        // Cut short: still no panic.
        let _ = parse_bytes(&gz[..gz.len() / 2]);
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let _ = parse_bytes(&bytes);
            let _ = looks_like_sitemap(&bytes);
        }

        #[test]
        fn arbitrary_markup_never_panics(s in "(<urlset>|<url>|</url>|<loc>|</loc>|<news:title>|<!\\[CDATA\\[|\\]\\]>|&amp;|&#x1F;|[a-z:/. ]{0,8}){0,40}") {
            if let Some(map) = parse(&s) {
                prop_assert!(map.entries.iter().all(|e| !e.loc.is_empty()));
            }
        }
    }
}
