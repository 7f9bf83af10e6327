//! WARC archives (and `.warc.gz`, one gzip member per record, read as one stream):
//! every `response` record holding an HTML or plain-text page becomes an article,
//! with the target URI as `url` and `WARC-Date` kept in `meta` (and used as the date
//! when the page gives none). Records are streamed: one at a time, each bounded by
//! the article size limit.

use std::io::{self, BufRead, Read};

use flate2::read::MultiGzDecoder;
use serde_json::Value;
use storyline_model::{DateSource, Diagnostic, RawArticle};

use crate::error::Error;
use crate::stream::{self, Line};
use crate::{charset, date, dispatch, html, MAX_ARTICLE_BYTES};

/// Longest header line accepted.
const MAX_HEADER_LINE: usize = 64 * 1024;

/// Reads every record; a bad record gives a diagnostic. A broken stream or record
/// framing stops the archive (nothing after it can be found), after the records
/// before it were delivered.
pub(crate) fn read(
    name: &str,
    r: &mut dyn BufRead,
    sink: &mut dyn FnMut(Result<RawArticle, Diagnostic>),
) -> Result<(), Error> {
    let mut record = 0usize;
    let mut found = false;
    loop {
        record += 1;
        let headers = match headers(r) {
            Ok(Some(h)) => h,
            Ok(None) => break,
            Err(e) => {
                sink(Err(Diagnostic::error(
                    name,
                    None,
                    format!("record {record}: {e}"),
                )));
                return Ok(());
            }
        };
        let get = |k: &str| {
            headers
                .iter()
                .find(|(key, _)| key.eq_ignore_ascii_case(k))
                .map(|(_, v)| v.as_str())
        };
        let Some(len) = get("Content-Length").and_then(|v| v.trim().parse::<u64>().ok()) else {
            let e = Error::Warc("no valid Content-Length".into());
            sink(Err(Diagnostic::error(
                name,
                None,
                format!("record {record}: {e}"),
            )));
            return Ok(());
        };
        let is_response = get("WARC-Type").is_some_and(|t| t.trim() == "response")
            && get("Content-Type").is_some_and(|t| t.contains("application/http"));
        if !is_response || len > MAX_ARTICLE_BYTES as u64 {
            let skipped = io::copy(&mut r.take(len), &mut io::sink()).map_err(Error::from);
            match skipped {
                Ok(n) if n == len => {}
                Ok(_) => return Err(truncated(record)),
                Err(e) => {
                    sink(Err(Diagnostic::error(
                        name,
                        None,
                        format!("record {record}: {e}"),
                    )));
                    return Ok(());
                }
            }
            if is_response {
                found = true;
                let e = Error::TooLarge(MAX_ARTICLE_BYTES);
                sink(Err(Diagnostic::error(
                    name,
                    None,
                    format!("record {record}: {e}"),
                )));
            }
            continue;
        }
        let mut block = Vec::new();
        if let Err(e) = r.take(len).read_to_end(&mut block).map_err(Error::from) {
            sink(Err(Diagnostic::error(
                name,
                None,
                format!("record {record}: {e}"),
            )));
            return Ok(());
        }
        if block.len() as u64 != len {
            return Err(truncated(record));
        }
        let path = format!("{name}#{record}");
        match response(path, &block) {
            Ok(None) => {}
            Ok(Some(mut raw)) => {
                found = true;
                raw.url = get("WARC-Target-URI")
                    .map(|u| u.trim().to_string())
                    .or(raw.url);
                if let Some(d) = get("WARC-Date") {
                    raw.meta
                        .insert("warc_date".into(), Value::String(d.trim().into()));
                    if raw.date.is_none() {
                        raw.date = date::parse(d);
                        raw.date_source = raw.date.map(|_| DateSource::Metadata);
                    }
                }
                sink(Ok(raw));
            }
            Err(e) => {
                found = true;
                sink(Err(Diagnostic::error(
                    name,
                    None,
                    format!("record {record}: {e}"),
                )));
            }
        }
    }
    if !found {
        return Err(Error::NoText("no HTML or text response records".into()));
    }
    Ok(())
}

fn truncated(record: usize) -> Error {
    Error::Warc(format!(
        "record {record} is cut short (the archive is truncated)"
    ))
}

/// The header of the next record, or `None` at the end of the archive.
fn headers(r: &mut dyn BufRead) -> Result<Option<Vec<(String, String)>>, Error> {
    let mut buf = Vec::new();
    loop {
        match stream::read_line(r, &mut buf, MAX_HEADER_LINE)? {
            Line::Eof => return Ok(None),
            Line::TooLong => return Err(Error::Warc("header line too long".into())),
            Line::Read if buf.trim_ascii().is_empty() => continue,
            Line::Read if buf.starts_with(b"WARC/") => break,
            Line::Read => return Err(Error::Warc("expected a `WARC/` version line".into())),
        }
    }
    let mut out = Vec::new();
    loop {
        match stream::read_line(r, &mut buf, MAX_HEADER_LINE)? {
            Line::Eof => return Err(Error::Warc("the header ends early".into())),
            Line::TooLong => return Err(Error::Warc("header line too long".into())),
            Line::Read => {
                let line = String::from_utf8_lossy(&buf);
                let line = line.trim_end_matches(['\r', '\n']);
                if line.is_empty() {
                    return Ok(Some(out));
                }
                if let Some((k, v)) = line.split_once(':') {
                    out.push((k.trim().to_string(), v.trim().to_string()));
                }
            }
        }
    }
}

/// The article in an HTTP response block; `None` for responses that hold no page
/// (redirects, images, scripts).
fn response(path: String, block: &[u8]) -> Result<Option<RawArticle>, Error> {
    let split = find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| find(block, b"\n\n").map(|i| (i, i + 2)))
        .ok_or_else(|| Error::Warc("HTTP response without a header end".into()))?;
    let head = String::from_utf8_lossy(block.get(..split.0).unwrap_or_default());
    let body = block.get(split.1..).unwrap_or_default();
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    if !status
        .split_whitespace()
        .nth(1)
        .is_some_and(|c| c.starts_with('2'))
    {
        return Ok(None);
    }
    let headers: Vec<(&str, &str)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect();
    let get = |k: &str| {
        headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(k))
            .map(|(_, v)| *v)
    };
    let ctype = get("Content-Type").unwrap_or("").to_ascii_lowercase();
    let html = ctype.contains("html");
    if !html && !ctype.starts_with("text/plain") {
        return Ok(None);
    }
    let mut body = body.to_vec();
    if get("Transfer-Encoding").is_some_and(|t| t.eq_ignore_ascii_case("chunked")) {
        body = dechunk(&body).ok_or_else(|| Error::Warc("bad chunked encoding".into()))?;
    }
    match get("Content-Encoding")
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        None | Some("identity") => {}
        Some("gzip") | Some("x-gzip") => {
            let mut dec = MultiGzDecoder::new(body.as_slice());
            body = stream::read_bounded(&mut dec, MAX_ARTICLE_BYTES)?;
        }
        Some(other) => {
            return Err(Error::Warc(format!(
                "unsupported Content-Encoding `{other}`"
            )));
        }
    }
    if body.contains(&0) {
        return Err(Error::Binary);
    }
    let declared = charset::sniff_declared(ctype.as_bytes());
    if html {
        return html::read(path, body, declared.as_deref()).map(Some);
    }
    let text = charset::decode(body, declared.as_deref())?;
    dispatch::plain(path, text.into_bytes()).map(Some)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Undoes HTTP chunked transfer encoding.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let nl = find(b, b"\n")?;
        let size_line = std::str::from_utf8(b.get(..nl)?).ok()?;
        let size_hex = size_line.trim().split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        b = b.get(nl + 1..)?;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..size)?);
        b = b.get(size..)?;
        b = b
            .strip_prefix(b"\r\n")
            .or_else(|| b.strip_prefix(b"\n"))
            .unwrap_or(b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn dechunks() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6;x=1\r\n world\r\n0\r\n\r\n").unwrap(),
            b"hello world"
        );
        assert_eq!(dechunk(b"zz\r\n"), None);
        assert_eq!(dechunk(b"ff\r\nshort"), None);
    }

    #[test]
    fn response_with_chunked_gzip_body() {
        let page = "<html><body><p>The county fair opens on Friday with a record number of stalls, organisers said.</p></body></html>";
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(page.as_bytes()).unwrap();
        let gz = enc.finish().unwrap();
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\
            Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
            .to_vec();
        block.extend(format!("{:x}\r\n", gz.len()).as_bytes());
        block.extend(&gz);
        block.extend(b"\r\n0\r\n\r\n");
        let raw = response("w#1".into(), &block).unwrap().unwrap();
        assert!(raw.text.starts_with("The county fair opens"));
    }

    #[test]
    fn non_pages_are_skipped() {
        for block in [
            b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n".as_slice(),
            b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8",
        ] {
            assert!(response("w#1".into(), block).unwrap().is_none());
        }
        assert!(response("w#1".into(), b"no header end").is_err());
    }
}
