//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each `<item>` or `<entry>` becomes an
//! article. Its HTML content (`content:encoded`, Atom `content`, else `description`
//! or `summary`) goes through the HTML reader; title, link, date, author and id come
//! from the item, and the feed's own title is the source.

use storyline_model::{Date, DateSource, Diagnostic, RawArticle};

use crate::date;
use crate::error::Error;
use crate::html::{self, decode_entities, lex::Lexer, lex::Token};

/// One item's fields as read.
#[derive(Default)]
struct Item {
    title: String,
    link: Option<String>,
    date: String,
    updated: String,
    author: String,
    id: String,
    summary: String,
    content: String,
}

/// Reads every item of a feed; an item without text gives a diagnostic.
pub(crate) fn read(
    path: &str,
    src: &str,
    sink: &mut dyn FnMut(Result<RawArticle, Diagnostic>),
) -> Result<(), Error> {
    let scan = scan(src);
    if scan.items.is_empty() {
        return Err(Error::NoText("a feed with no items".into()));
    }
    for (i, it) in scan.items.into_iter().enumerate() {
        sink(article(path, i + 1, it, &scan.title));
    }
    Ok(())
}

/// A feed's title, its items, and whether its root was a feed element.
struct Scan {
    title: String,
    items: Vec<Item>,
    is_feed: bool,
}

/// One pass over the feed's tokens, collecting the items' fields.
fn scan(src: &str) -> Scan {
    let mut feed_title = String::new();
    let mut items = Vec::new();
    let mut is_feed = false;
    let mut item: Option<Item> = None;
    let mut field: Option<String> = None;
    for tok in Lexer::new(src) {
        match tok {
            Token::Start { name, attrs } => {
                if matches!(local(&name), "rss" | "feed" | "rdf") {
                    is_feed = true;
                }
                if local(&name) == "item" || local(&name) == "entry" {
                    // An item left open by a malformed feed still counts.
                    if let Some(open) = item.replace(Item::default()) {
                        items.push(open);
                    }
                    field = None;
                    continue;
                }
                if let (Some(it), "link") = (item.as_mut(), &*name) {
                    let rel = attrs.iter().find(|(k, _)| k == "rel").map(|(_, v)| &**v);
                    if let Some((_, href)) = attrs.iter().find(|(k, _)| k == "href") {
                        if matches!(rel, None | Some("alternate")) && it.link.is_none() {
                            it.link = Some(href.trim().to_string());
                        }
                    }
                }
                field = Some(name.into_owned());
            }
            Token::End { name } => {
                let name = local(&name);
                if name == "item" || name == "entry" {
                    if let Some(it) = item.take() {
                        items.push(it);
                    }
                }
                field = None;
            }
            Token::Text(t) => {
                let (Some(f), text) = (field.as_deref(), t) else {
                    continue;
                };
                let Some(it) = item.as_mut() else {
                    if f == "title" && feed_title.is_empty() {
                        feed_title = clean(text);
                    }
                    continue;
                };
                let slot = match f {
                    "title" => &mut it.title,
                    "link" => {
                        it.link
                            .get_or_insert_with(String::new)
                            .push_str(text.trim());
                        continue;
                    }
                    "pubdate" | "published" | "dc:date" | "issued" => &mut it.date,
                    "updated" => &mut it.updated,
                    "dc:creator" | "author" | "name" => &mut it.author,
                    "guid" | "id" => &mut it.id,
                    "description" | "summary" => &mut it.summary,
                    "content:encoded" | "content" => &mut it.content,
                    _ => continue,
                };
                slot.push_str(text);
            }
        }
    }
    items.extend(item);
    Scan {
        title: feed_title,
        items,
        is_feed,
    }
}

/// One item of a feed, as a source of a page to fetch.
#[derive(Debug, Clone, Default)]
pub struct FeedEntry {
    /// The item's link (Atom `rel="alternate"` or none), as written.
    pub url: Option<String>,
    /// The item's title, markup removed.
    pub title: Option<String>,
    /// Its publication (else update) date.
    pub date: Option<Date>,
    /// Its author.
    pub author: Option<String>,
    /// Its `guid` or Atom `id`.
    pub id: Option<String>,
    /// The feed's own title.
    pub source: Option<String>,
    /// The item's content read as an article, when it carries text.
    pub article: Option<RawArticle>,
}

/// The items of an RSS or Atom feed, malformed ones included (a missing link or
/// text leaves a field `None`); `None` when `src` is not a feed.
pub fn entries(name: &str, src: &str) -> Option<Vec<FeedEntry>> {
    let scan = scan(src);
    if !scan.is_feed {
        return None;
    }
    let source = Some(scan.title.clone()).filter(|s| !s.is_empty());
    let out = scan
        .items
        .into_iter()
        .enumerate()
        .map(|(i, it)| {
            let url = it.link.as_deref().map(str::trim).filter(|l| !l.is_empty());
            let entry = FeedEntry {
                url: url.map(str::to_string),
                title: Some(clean(&it.title)).filter(|t| !t.is_empty()),
                date: date::parse(&clean(&it.date)).or_else(|| date::parse(&clean(&it.updated))),
                author: Some(clean(&it.author)).filter(|a| !a.is_empty()),
                id: Some(clean(&it.id)).filter(|i| !i.is_empty()),
                source: source.clone(),
                article: None,
            };
            FeedEntry {
                article: article(name, i + 1, it, &scan.title).ok(),
                ..entry
            }
        })
        .collect();
    Some(out)
}

/// The feed URLs of an OPML outline (`<outline xmlUrl="...">`, nested or not), in
/// document order; empty when `src` is not OPML.
pub fn opml_feeds(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut is_opml = false;
    for tok in Lexer::new(src) {
        if let Token::Start { name, attrs } = tok {
            if name == "opml" {
                is_opml = true;
            }
            if name == "outline" && is_opml {
                if let Some((_, url)) = attrs.iter().find(|(k, _)| k == "xmlurl") {
                    let url = url.trim();
                    if !url.is_empty() {
                        out.push(url.to_string());
                    }
                }
            }
        }
    }
    out
}

/// `rdf:item` → `item`: the name without its namespace prefix.
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// Text of a simple field: CDATA markers dropped, entities decoded, spaces collapsed.
fn clean(s: &str) -> String {
    let s = s.replace("<![CDATA[", "").replace("]]>", "");
    let s = decode_entities(&s);
    // An Atom `type="html"` title may hold markup: keep its text.
    let text: String = if s.contains('<') {
        Lexer::new(&s)
            .filter_map(|t| match t {
                Token::Text(t) => Some(decode_entities(t).into_owned()),
                _ => None,
            })
            .collect()
    } else {
        s.into_owned()
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn article(path: &str, n: usize, it: Item, feed_title: &str) -> Result<RawArticle, Diagnostic> {
    let at = format!("{path}#{n}");
    let body = if it.content.trim().is_empty() {
        &it.summary
    } else {
        &it.content
    };
    // Escaped HTML (`&lt;p&gt;`) becomes markup; CDATA content already is.
    let body = decode_entities(&body.replace("<![CDATA[", "").replace("]]>", "")).into_owned();
    let title = clean(&it.title);
    let page = format!(
        "<html><head><title>{}</title></head><body>{body}</body></html>",
        escape(&title)
    );
    let mut raw = html::read(at, page.into_bytes(), Some("utf-8"))
        .map_err(|e| Diagnostic::error(path, None, format!("item {n}: {e}")))?;
    raw.url = it
        .link
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty());
    raw.date = date::parse(&clean(&it.date)).or_else(|| date::parse(&clean(&it.updated)));
    raw.date_source = raw.date.map(|_| DateSource::Metadata);
    raw.author = Some(clean(&it.author)).filter(|a| !a.is_empty());
    raw.id = Some(clean(&it.id)).filter(|i| !i.is_empty());
    raw.source = Some(feed_title.to_string()).filter(|s| !s.is_empty());
    Ok(raw)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(src: &str) -> Vec<Result<RawArticle, Diagnostic>> {
        let mut out = Vec::new();
        let _ = read("f.xml", src, &mut |r| out.push(r));
        out
    }

    #[test]
    fn rss_items() {
        let src = r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Valley Courier</title><link>https://courier.example/</link>
<item><title>Mill to close &amp; jobs go</title><link>https://courier.example/mill</link>
<pubDate>Tue, 05 Mar 2024 07:00:00 GMT</pubDate><dc:creator>R. Osei</dc:creator><guid>mill-1</guid>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>The paper mill in Dunvale will close in June, its owners said.</p><p>About 300 jobs are affected.</p>]]></content:encoded></item>
<item><title>Bus fares frozen</title><description>&lt;p&gt;Fares will not rise this year, the transport board decided on Monday.&lt;/p&gt;</description></item>
<item><title>Empty</title></item>
</channel></rss>"#;
        let got = items(src);
        assert_eq!(got.len(), 3);
        let a = got[0].as_ref().unwrap();
        assert_eq!(a.title.as_deref(), Some("Mill to close & jobs go"));
        assert_eq!(a.url.as_deref(), Some("https://courier.example/mill"));
        assert_eq!(a.date.unwrap().to_string(), "2024-03-05");
        assert_eq!(a.author.as_deref(), Some("R. Osei"));
        assert_eq!(a.source.as_deref(), Some("Valley Courier"));
        assert_eq!(a.text, "Mill to close & jobs go\n\nThe paper mill in Dunvale will close in June, its owners said.\n\nAbout 300 jobs are affected.");
        let b = got[1].as_ref().unwrap();
        assert!(b.text.ends_with("the transport board decided on Monday."));
        assert!(got[2].is_err());
    }

    #[test]
    fn entries_keep_malformed_items() {
        let src = r#"<rss><channel><title>Valley Courier</title>
<item><title>Bridge reopens</title><link> https://courier.example/bridge </link><pubDate>Wed, 06 Mar 2024 09:00:00 GMT</pubDate></item>
<item><title>No link here</title><description>&lt;p&gt;The council met on Tuesday to discuss the budget.&lt;/p&gt;</description></item>
<item><link>https://courier.example/untitled</link>
</channel></rss>"#;
        let got = entries("f.xml", src).unwrap();
        // The unclosed last item still counts.
        assert_eq!(got.len(), 3);
        assert_eq!(
            got[2].url.as_deref(),
            Some("https://courier.example/untitled")
        );
        assert_eq!(
            got[0].url.as_deref(),
            Some("https://courier.example/bridge")
        );
        assert_eq!(got[0].date.unwrap().to_string(), "2024-03-06");
        assert_eq!(got[0].source.as_deref(), Some("Valley Courier"));
        assert!(got[0].article.is_none());
        assert!(got[1].url.is_none());
        assert!(got[1].article.is_some());
        assert!(entries("p.html", "<html><body><p>x</p></body></html>").is_none());
    }

    #[test]
    fn opml_outlines() {
        let src = r#"<?xml version="1.0"?><opml version="2.0"><head><title>Subs</title></head><body>
<outline text="Local"><outline type="rss" text="Courier" xmlUrl="https://courier.example/rss?x=1&amp;y=2"/>
<outline text="Notes" xmlUrl=" https://notes.example/atom.xml "></outline></outline></body></opml>"#;
        assert_eq!(
            opml_feeds(src),
            [
                "https://courier.example/rss?x=1&y=2",
                "https://notes.example/atom.xml"
            ]
        );
        assert!(opml_feeds("<outline xmlUrl='https://x.example/'/>").is_empty());
    }

    #[test]
    fn atom_entries() {
        let src = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Notes</title>
<entry><title type="html">Ferry &lt;b&gt;delayed&lt;/b&gt;</title><link rel="alternate" href="https://notes.example/ferry"/>
<id>tag:notes.example,2024:ferry</id><updated>2024-05-01T00:00:00Z</updated><published>2024-04-09T12:00:00+02:00</published>
<author><name>Lena Varga</name></author>
<content type="html">&lt;p&gt;The morning ferry left two hours late after a engine fault, the operator said.&lt;/p&gt;</content></entry></feed>"#;
        let got = items(src);
        let a = got[0].as_ref().unwrap();
        assert_eq!(a.url.as_deref(), Some("https://notes.example/ferry"));
        assert_eq!(a.title.as_deref(), Some("Ferry delayed"));
        assert_eq!(a.date.unwrap().to_string(), "2024-04-09");
        assert_eq!(a.author.as_deref(), Some("Lena Varga"));
        assert_eq!(a.source.as_deref(), Some("Harbour Notes"));
        assert!(a.text.contains("The morning ferry left"));
    }
}
