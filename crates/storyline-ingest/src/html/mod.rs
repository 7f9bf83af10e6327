//! HTML pages: the article body without page furniture, and the metadata the page
//! declares (`<title>`, OpenGraph and `article:` meta tags, JSON-LD `NewsArticle`,
//! `<time datetime>`).
//!
//! The text is the headline, a blank line, then the body paragraphs separated by
//! blank lines; `body` is the range after the headline.

mod content;
mod entity;
pub(crate) mod lex;
mod meta;
mod walk;

pub(crate) use entity::decode as decode_entities;

use storyline_model::{DateSource, RawArticle};

use crate::charset;
use crate::error::Error;

/// Reads one HTML page. `declared` is a charset from outside the page (an HTTP
/// header); without one, the page's own `<meta charset>` is used.
pub(crate) fn read(
    path: String,
    bytes: Vec<u8>,
    declared: Option<&str>,
) -> Result<RawArticle, Error> {
    let sniffed = charset::sniff_declared(&bytes);
    let label = declared.map(str::to_string).or(sniffed);
    let html = charset::decode(bytes, label.as_deref())?;
    let w = walk::walk(&html);
    let info = meta::Info::gather(&w);
    let paragraphs = content::select(&w.blocks, &w.nodes);
    let title = info.title.clone();
    let body: Vec<&str> = paragraphs
        .iter()
        .map(String::as_str)
        .filter(|p| Some(*p) != title.as_deref())
        .collect();
    if body.is_empty() {
        return Err(Error::NoText("no paragraphs found in the page".to_string()));
    }
    let mut text = String::new();
    let mut body_start = None;
    if let Some(t) = &title {
        text.push_str(t);
        text.push_str("\n\n");
        body_start = Some(text.len());
    }
    text.push_str(&body.join("\n\n"));
    Ok(RawArticle {
        path,
        id: None,
        url: info.url,
        title,
        date_source: info.date.map(|_| DateSource::Metadata),
        date: info.date,
        lang: info.lang,
        source: info.source,
        author: info.author,
        body: body_start.map(|s| s..text.len()),
        text,
        meta: info.meta,
    })
}

#[cfg(test)]
mod tests;
