//! The one error type of the crate: why an input (or one record of it) was skipped.

use std::fmt;
use std::io;

use storyline_model::Diagnostic;

/// Why an input, or one record of it, could not be read.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The operating system refused or failed a read.
    #[error("cannot read: {0}")]
    Io(io::Error),
    /// A compressed stream ended early or holds corrupt data.
    #[error("corrupt or truncated {format} data: {detail}")]
    Corrupt {
        /// `gzip` or `zstd`.
        format: &'static str,
        /// What the decoder said.
        detail: String,
    },
    /// One article is larger than [`crate::MAX_ARTICLE_BYTES`].
    #[error("larger than the {} MB limit for one article", .0 / (1024 * 1024))]
    TooLarge(usize),
    /// NUL bytes: an image, an archive, a database file...
    #[error("binary data (NUL bytes), not text")]
    Binary,
    /// Bytes that are not UTF-8, with no charset declared that we can decode.
    #[error("not valid UTF-8 (first bad byte at offset {0})")]
    NotUtf8(usize),
    /// A declared charset this crate does not decode.
    #[error("unsupported charset `{0}` (UTF-8, ISO-8859-1/-15 and windows-1252 are read)")]
    Charset(String),
    /// Nothing but whitespace.
    #[error("empty input")]
    Empty,
    /// A JSONL line or JSON document that does not parse, or is not an object.
    #[error("malformed JSON: {0}")]
    Json(String),
    /// The input parsed, but holds no article text.
    #[error("no article text: {0}")]
    NoText(String),
    /// A WARC record whose header cannot be read.
    #[error("malformed WARC record: {0}")]
    Warc(String),
}

/// The payload of an [`io::Error`] raised by a decompressing reader, so that the
/// error can be told apart from a failing disk once it comes back up.
#[derive(Debug)]
pub(crate) struct CorruptStream {
    pub(crate) format: &'static str,
    pub(crate) detail: String,
}

impl fmt::Display for CorruptStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "corrupt {} data: {}", self.format, self.detail)
    }
}

impl std::error::Error for CorruptStream {}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        if let Some(c) = e.get_ref().and_then(|i| i.downcast_ref::<CorruptStream>()) {
            return Error::Corrupt {
                format: c.format,
                detail: c.detail.clone(),
            };
        }
        Error::Io(e)
    }
}

impl Error {
    /// The diagnostic for this error at `path` (and `line`).
    pub fn at(&self, path: &str, line: Option<usize>) -> Diagnostic {
        Diagnostic::error(path, line, self.to_string())
    }
}
