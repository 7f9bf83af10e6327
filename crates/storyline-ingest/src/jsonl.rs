//! JSON Lines (one article object per line) and JSON documents (one object, or an
//! array of them). Known fields fill the article; every other field goes to `meta`.

use std::io::BufRead;

use serde_json::{Map, Value};
use storyline_model::{DateSource, Diagnostic, RawArticle};

use crate::error::Error;
use crate::stream::{self, Line};
use crate::{date, MAX_ARTICLE_BYTES};

/// Field names for each article field, in order of preference.
const TEXT: &[&str] = &["text", "body", "content", "article", "maintext"];
const ID: &[&str] = &["id", "_id", "uuid", "guid"];
const URL: &[&str] = &["url", "link", "uri"];
const TITLE: &[&str] = &["title", "headline"];
const DATE: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publishedAt",
    "pubDate",
    "datePublished",
    "publish_date",
    "date_publish",
];
const LANG: &[&str] = &["lang", "language"];
const SOURCE: &[&str] = &["source", "site", "site_name", "outlet", "publisher"];
const AUTHOR: &[&str] = &["author", "authors", "byline"];

/// Reads JSON Lines, one article per line; a bad line gives one diagnostic and the
/// rest are still read. Returns an error only when the stream itself fails.
pub(crate) fn read_lines(
    path: &str,
    r: &mut dyn BufRead,
    sink: &mut dyn FnMut(Result<RawArticle, Diagnostic>),
) -> Result<(), Error> {
    let mut buf = Vec::new();
    let mut line_no = 0;
    let mut seen = false;
    loop {
        line_no += 1;
        let line = stream::read_line(r, &mut buf, MAX_ARTICLE_BYTES)
            .map_err(|e| (Error::from(e), line_no));
        match line {
            Err((e, n)) => {
                sink(Err(e.at(path, Some(n))));
                return Ok(());
            }
            Ok(Line::Eof) => break,
            Ok(Line::TooLong) => {
                seen = true;
                sink(Err(
                    Error::TooLarge(MAX_ARTICLE_BYTES).at(path, Some(line_no))
                ));
            }
            Ok(Line::Read) => {
                let trimmed = buf.trim_ascii();
                if trimmed.is_empty() {
                    continue;
                }
                seen = true;
                let at = format!("{path}:{line_no}");
                match parse_value(trimmed).and_then(|v| from_value(at, v)) {
                    Ok(raw) => sink(Ok(raw)),
                    Err(e) => sink(Err(e.at(path, Some(line_no)))),
                }
            }
        }
    }
    if !seen {
        return Err(Error::Empty);
    }
    Ok(())
}

/// Reads a whole JSON document: one article object, or an array of them.
pub(crate) fn read_document(
    path: &str,
    bytes: &[u8],
    sink: &mut dyn FnMut(Result<RawArticle, Diagnostic>),
) -> Result<(), Error> {
    match parse_value(bytes)? {
        Value::Array(items) => {
            if items.is_empty() {
                return Err(Error::Empty);
            }
            for (i, v) in items.into_iter().enumerate() {
                match from_value(format!("{path}#{}", i + 1), v) {
                    Ok(raw) => sink(Ok(raw)),
                    Err(e) => sink(Err(Diagnostic::error(
                        path,
                        None,
                        format!("item {}: {e}", i + 1),
                    ))),
                }
            }
            Ok(())
        }
        v => {
            sink(from_value(path.to_string(), v).map_err(|e| e.at(path, None)));
            Ok(())
        }
    }
}

fn parse_value(bytes: &[u8]) -> Result<Value, Error> {
    serde_json::from_slice(bytes).map_err(|e| {
        // serde's "at line 1 column 9" would read as a file line: keep the column only.
        let full = e.to_string();
        let what = full
            .rfind(" at line ")
            .and_then(|i| full.get(..i))
            .unwrap_or(&full);
        Error::Json(match e.line() {
            0 => what.to_string(),
            1 => format!("{what} (column {})", e.column()),
            l => format!("{what} (line {l} column {} of the document)", e.column()),
        })
    })
}

/// The article for one JSON object; `at` becomes its `path`.
pub(crate) fn from_value(at: String, v: Value) -> Result<RawArticle, Error> {
    let Value::Object(mut obj) = v else {
        return Err(Error::Json(format!(
            "expected an object, found {}",
            kind(&v)
        )));
    };
    let text = take_str(&mut obj, TEXT)
        .ok_or_else(|| Error::NoText("no `text`, `body` or `content` string field".to_string()))?;
    if text.trim().is_empty() {
        return Err(Error::NoText("the text field is empty".to_string()));
    }
    let mut raw = RawArticle {
        path: at,
        text,
        id: take_str(&mut obj, ID),
        url: take_str(&mut obj, URL),
        title: take_str(&mut obj, TITLE),
        lang: take_str(&mut obj, LANG),
        source: take_str(&mut obj, SOURCE),
        author: take_str(&mut obj, AUTHOR),
        ..Default::default()
    };
    if let Some(key) = DATE
        .iter()
        .find(|k| obj.get(**k).is_some_and(Value::is_string))
    {
        let d = obj.get(*key).and_then(Value::as_str).and_then(date::parse);
        if d.is_some() {
            raw.date = d;
            raw.date_source = Some(DateSource::Metadata);
            obj.remove(*key);
        }
    }
    raw.meta = obj.into_iter().collect();
    Ok(raw)
}

/// Removes and returns the first usable value among `keys`: a string, a number, a
/// `{"name": ...}` object, or an array of those (joined with `, `).
fn take_str(obj: &mut Map<String, Value>, keys: &[&str]) -> Option<String> {
    for k in keys {
        if let Some(s) = obj.get(*k).and_then(as_text) {
            obj.remove(*k);
            return Some(s);
        }
    }
    None
}

fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => o.get("name").and_then(as_text),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(as_text).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        _ => None,
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn maps_fields_and_aliases() {
        let v = json!({
            "id": 42, "link": "https://example.org/a", "headline": "Rates held",
            "published": "2024-10-26T08:00:00Z", "language": "en",
            "publisher": {"name": "The Ledger"}, "authors": ["A. Reyes", "B. Okafor"],
            "content": "The bank held rates.", "section": "business"
        });
        let raw = from_value("f.jsonl:1".into(), v).unwrap();
        assert_eq!(raw.id.as_deref(), Some("42"));
        assert_eq!(raw.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(raw.title.as_deref(), Some("Rates held"));
        assert_eq!(raw.date.unwrap().to_string(), "2024-10-26");
        assert_eq!(raw.date_source, Some(DateSource::Metadata));
        assert_eq!(raw.source.as_deref(), Some("The Ledger"));
        assert_eq!(raw.author.as_deref(), Some("A. Reyes, B. Okafor"));
        assert_eq!(raw.text, "The bank held rates.");
        assert_eq!(raw.meta.get("section"), Some(&json!("business")));
        assert_eq!(raw.meta.len(), 1);
    }

    #[test]
    fn unparsable_date_stays_in_meta() {
        let raw = from_value("x".into(), json!({"text": "t", "date": "last week"})).unwrap();
        assert_eq!(raw.date, None);
        assert_eq!(raw.meta.get("date"), Some(&json!("last week")));
    }

    #[test]
    fn refuses_non_articles() {
        for v in [
            json!([1]),
            json!({"title": "no text"}),
            json!({"text": "  "}),
        ] {
            assert!(from_value("x".into(), v).is_err());
        }
    }
}
