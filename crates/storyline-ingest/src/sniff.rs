//! Which reader an input needs, from its name and its first bytes. Content wins
//! over the extension where they disagree (a `.txt` holding HTML is HTML).

/// The formats this crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// Plain text, one article.
    Text,
    /// JSON Lines, one article per line.
    Jsonl,
    /// One JSON document: an article object or an array of them.
    Json,
    /// An HTML page.
    Html,
    /// A WARC archive of fetched pages.
    Warc,
    /// An RSS or Atom feed.
    Feed,
}

/// Tags whose presence near the top means HTML.
const HTML_MARKERS: &[&[u8]] = &[
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<body",
    b"<meta",
    b"<title",
    b"<p>",
    b"<p ",
    b"<div",
    b"<article",
    b"<br",
];

/// Detects the format from `name` (extension) and `head` (the first bytes).
pub(crate) fn detect(name: &str, head: &[u8]) -> Format {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .filter(|e| !e.contains('/'))
        .unwrap_or_default();
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let body = body.trim_ascii_start();
    if body.starts_with(b"WARC/") {
        return Format::Warc;
    }
    if body.starts_with(b"<") {
        let lower: Vec<u8> = body.iter().take(1024).map(u8::to_ascii_lowercase).collect();
        if [b"<rss".as_slice(), b"<feed", b"<rdf:rdf"]
            .iter()
            .any(|m| lower.windows(m.len()).any(|w| w == *m))
        {
            return Format::Feed;
        }
        let lower: Vec<u8> = body.iter().take(2048).map(u8::to_ascii_lowercase).collect();
        if HTML_MARKERS
            .iter()
            .any(|m| lower.windows(m.len()).any(|w| w == *m))
        {
            return Format::Html;
        }
    }
    match ext.as_str() {
        "html" | "htm" | "xhtml" | "shtml" => return Format::Html,
        "warc" => return Format::Warc,
        "json" => return Format::Json,
        "jsonl" | "ndjson" => return Format::Jsonl,
        _ => {}
    }
    let after_brace = body.get(1..).unwrap_or_default();
    match body.first() {
        // A pretty-printed document opens with `{` alone on its line.
        Some(b'{') if starts_line(after_brace) => Format::Json,
        // `{Update} ...`: text that merely starts with a brace.
        Some(b'{')
            if !after_brace.trim_ascii_start().starts_with(b"\"")
                && first_line_is_not_json(body) =>
        {
            Format::Text
        }
        Some(b'{') => Format::Jsonl,
        Some(b'[')
            if body
                .get(1..)
                .is_some_and(|r| r.trim_ascii_start().starts_with(b"{")) =>
        {
            Format::Json
        }
        _ => Format::Text,
    }
}

/// True when `rest` (what follows a `{`) starts with a line break after blanks.
fn starts_line(rest: &[u8]) -> bool {
    rest.iter()
        .find(|b| !matches!(b, b' ' | b'\t' | b'\r'))
        .is_some_and(|b| *b == b'\n')
}

/// True when the first line is complete within `head` and does not parse as JSON:
/// a text that merely starts with `{`.
fn first_line_is_not_json(head: &[u8]) -> bool {
    head.iter()
        .position(|&b| b == b'\n')
        .and_then(|i| head.get(..i))
        .is_some_and(|line| serde_json::from_slice::<serde_json::Value>(line).is_err())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects() {
        let cases: &[(&str, &[u8], Format)] = &[
            ("a.txt", b"Headline\nBody.", Format::Text),
            ("a.txt", b"<!DOCTYPE html><html>", Format::Html),
            ("a", b"  <html lang=en>", Format::Html),
            ("a.html", b"just text", Format::Html),
            ("a.jsonl", b"{\"text\": \"x\"}", Format::Jsonl),
            ("-", b"{\"text\": \"x\"}", Format::Jsonl),
            ("a.json", b"{\n \"text\": \"x\"\n}", Format::Json),
            ("a", b"[ {\"text\": \"x\"} ]", Format::Json),
            ("a.warc", b"WARC/1.1\r\n", Format::Warc),
            (
                "a.xml",
                b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>",
                Format::Feed,
            ),
            (
                "a",
                b"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>",
                Format::Feed,
            ),
            ("a.txt", b"<3 to all readers", Format::Text),
            ("dir.d/file", b"plain", Format::Text),
            (
                "a.txt",
                b"{Update} The vote was moved.\nMore text.",
                Format::Text,
            ),
            (
                "a.jsonl",
                b"{Update} The vote was moved.\nMore text.",
                Format::Jsonl,
            ),
            ("a", b"{\"text\": \"x\"}\n{\"text\": \"y\"}", Format::Jsonl),
        ];
        for (name, head, want) in cases {
            assert_eq!(
                detect(name, head),
                *want,
                "{name} {:?}",
                String::from_utf8_lossy(head)
            );
        }
    }
}
