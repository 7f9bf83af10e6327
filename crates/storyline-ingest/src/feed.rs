//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each `<item>` or `<entry>` becomes an
//! article. Its HTML content (`content:encoded`, Atom `content`, else `description`
//! or `summary`) goes through the HTML reader; title, link, date, author and id come
//! from the item, and the feed's own title is the source.

use storyline_model::{DateSource, Diagnostic, RawArticle};

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
    let mut feed_title = String::new();
    let mut item: Option<Item> = None;
    let mut field: Option<String> = None;
    let mut count = 0;
    for tok in Lexer::new(src) {
        match tok {
            Token::Start { name, attrs } => {
                if local(&name) == "item" || local(&name) == "entry" {
                    item = Some(Item::default());
                    field = None;
                    continue;
                }
                if let (Some(it), "link") = (item.as_mut(), name.as_str()) {
                    let rel = attrs
                        .iter()
                        .find(|(k, _)| k == "rel")
                        .map(|(_, v)| v.as_str());
                    if let Some((_, href)) = attrs.iter().find(|(k, _)| k == "href") {
                        if matches!(rel, None | Some("alternate")) && it.link.is_none() {
                            it.link = Some(href.trim().to_string());
                        }
                    }
                }
                field = Some(name);
            }
            Token::End { name } => {
                let name = local(&name);
                if (name == "item" || name == "entry") && item.is_some() {
                    count += 1;
                    if let Some(it) = item.take() {
                        sink(article(path, count, it, &feed_title));
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
    if count == 0 {
        return Err(Error::NoText("a feed with no items".into()));
    }
    Ok(())
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
