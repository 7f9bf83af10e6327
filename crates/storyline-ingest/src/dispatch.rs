//! One input stream to articles: decompress, sniff, and hand over to the reader for
//! its format.

use std::io::{BufReader, Read};

use storyline_model::{Diagnostic, RawArticle};

use crate::error::Error;
use crate::sniff::{self, Format};
use crate::stream::{self, Stream};
use crate::{charset, feed, html, jsonl, text, warc, MAX_ARTICLE_BYTES};

/// Bytes looked at to choose a format.
const SNIFF_BYTES: usize = 8192;

/// Reads every article in one stream named `name`. Problems with single records are
/// sent to `sink` by the readers; a problem with the whole stream is returned.
pub(crate) fn read_stream(
    name: &str,
    r: Stream<'_>,
    sink: &mut dyn FnMut(Result<RawArticle, Diagnostic>),
) -> Result<(), Error> {
    let (r, _compression, inner) = stream::decompress(name, r)?;
    let (head, mut r) = stream::peek(r, SNIFF_BYTES)?;
    // Whitespace up front may hide a large file: only a short input is empty,
    // and one whose stream broke is broken rather than empty.
    if head.trim_ascii().is_empty() && head.len() < SNIFF_BYTES {
        std::io::copy(&mut r, &mut std::io::sink())?;
        return Err(Error::Empty);
    }
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        let bytes = stream::read_bounded(&mut r, MAX_ARTICLE_BYTES)?;
        let text = charset::decode_utf16(&bytes)?;
        return read_stream(&inner, Box::new(text.as_bytes()), sink);
    }
    let format = sniff::detect(&inner, &head);
    if format != Format::Warc && head.contains(&0) {
        return Err(Error::Binary);
    }
    match format {
        Format::Warc => warc::read(name, &mut BufReader::new(r), sink),
        Format::Jsonl => jsonl::read_lines(name, &mut BufReader::new(r), sink),
        Format::Json => {
            let bytes = stream::read_bounded(&mut r, MAX_ARTICLE_BYTES)?;
            jsonl::read_document(name, &bytes, sink)
        }
        Format::Feed => {
            let bytes = whole(&mut r)?;
            let declared = charset::sniff_declared(&bytes);
            let src = charset::decode(bytes, declared.as_deref())?;
            feed::read(name, &src, sink)
        }
        Format::Html => {
            let bytes = whole(&mut r)?;
            sink(Ok(html::read(name.to_string(), bytes, None)?));
            Ok(())
        }
        Format::Text => {
            let bytes = whole(&mut r)?;
            sink(Ok(plain(name.to_string(), bytes)?));
            Ok(())
        }
    }
}

/// The whole of a one-article stream, checked for size and NUL bytes.
fn whole(r: &mut dyn Read) -> Result<Vec<u8>, Error> {
    let bytes = stream::read_bounded(r, MAX_ARTICLE_BYTES)?;
    if bytes.contains(&0) {
        return Err(Error::Binary);
    }
    if bytes.trim_ascii().is_empty() {
        return Err(Error::Empty);
    }
    Ok(bytes)
}

/// A plain-text article: UTF-8 only (a declared charset needs a container).
pub(crate) fn plain(path: String, bytes: Vec<u8>) -> Result<RawArticle, Error> {
    let s = charset::decode(bytes, None)?;
    if s.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(text::parse(path, s))
}
