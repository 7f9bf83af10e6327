//! Readers for every input format, turning bytes into [`storyline_model::RawArticle`]s
//! and reporting bad input as [`storyline_model::Diagnostic`]s.
//!
//! # What is read
//!
//! - **Plain text**: one article per file, in three shapes: a headline line then the
//!   body (`title` is the line), a ` date YYYY-MM-DD ` header glued to the body
//!   (`date`, with [`DateSource::Header`](storyline_model::DateSource::Header)), or
//!   the body alone. `text` stays the whole file; `body` is the range after the
//!   headline or header.
//! - **JSON Lines** (`.jsonl`, `.ndjson`, or any stream starting with `{`): one article
//!   per line with `id`, `url`, `title`, `date`, `lang`, `source`, `author`, `text`
//!   (aliases `body`, `content`, `headline`, `published`, `link`...); other fields go
//!   to `meta`. A timestamp keeps its date part. **JSON** (`.json`): one article
//!   object or an array of them, read whole (so within the size limit).
//! - **HTML**: the article body without navigation, header, footer, sidebars, share
//!   buttons, related links, scripts and styles, paragraphs separated by blank lines
//!   after the headline; title, date, author and site from JSON-LD, OpenGraph and
//!   `article:` meta tags, `<title>`, `<h1>` and `<time datetime>`. Bytes that are not
//!   UTF-8 are decoded by the declared charset (ISO-8859-1, ISO-8859-15,
//!   windows-1252). Any input may also be UTF-16 with a byte-order mark.
//! - **RSS and Atom feeds**: one article per `<item>` or `<entry>`, its HTML content
//!   read as above.
//! - **WARC** (`.warc`, `.warc.gz`): HTML and text `response` records.
//! - **Folders**, walked recursively in sorted order (hidden entries skipped,
//!   links to folders not followed);
//!   **`-`** for stdin; **gzip** (multi-member) and **zstd** streams, recognised by
//!   their magic bytes. Formats are recognised by content first, then extension.
//!
//! Everything streams: a folder is read one file at a time, JSONL and WARC one
//! record at a time, and no article may exceed [`MAX_ARTICLE_BYTES`].
//!
//! # Bad input
//!
//! Binary data, text that is not UTF-8, an empty file, a truncated gzip or zstd
//! stream, a malformed JSONL line, an oversized line or file, a missing file or an
//! unreadable folder each give exactly one [`Diagnostic`] naming the path (and line)
//! and are skipped; everything else is still read. No input makes a reader panic.
//!
//! # Why a hand-written HTML tokenizer
//!
//! Extracting an article needs tags, attributes and text in order, not a DOM: the
//! body is found by scoring the elements that hold paragraphs, which one pass over
//! a stack of open elements does. A full HTML5 parser (html5ever, behind `scraper`
//! or `dom_smoothie`) brings a dozen crates and a tree for every page; `tl` is small
//! but builds a tree we would then walk once anyway, and its behaviour on hostile
//! input would still be ours to prove. The tokenizer in `html/lex.rs` is about 200
//! lines, allocation-light, cannot fail (anything that is not a tag is text), only
//! slices at ASCII bytes (so never off a char boundary), and is covered by property
//! tests; the walk caps nesting depth, element count and block count, so a hostile
//! page cannot make it allocate without bound. Implied end tags are handled the way
//! extraction needs them (a block closes an open `<p>`, a `<li>` closes the previous
//! `<li>`), not with the full HTML5 tree-building rules.
//!
//! # Testing
//!
//! `tests/ingest.rs` covers every format and bad input on fixtures it writes, with
//! property tests on arbitrary bytes; `fuzz/` at the repository root holds a
//! `cargo fuzz` target (`cargo +nightly fuzz run read`) for the same promise:
//! articles or diagnostics, never a panic. `cargo run --release -p storyline-ingest
//! --example throughput` measures reading speed on generated inputs, and `--example
//! bench_warc` the speed and memory of reading a generated WARC.gz crawl.
//!
//! # Live sources
//!
//! For `storyline watch`: [`feed_entries`] lists a feed's items (malformed ones
//! included) with their links, [`opml_feeds`] an OPML subscription list, [`sitemap`]
//! reads sitemaps and sitemap indexes, and [`read_html`] extracts a fetched page.
//!
//! # Example
//!
//! ```
//! let mut titles = Vec::new();
//! let input = "Harbour reopens after storm\nThe port authority said ships could dock again.";
//! storyline_ingest::read_reader("story.txt", input.as_bytes(), &mut |item| {
//!     if let Ok(article) = item {
//!         titles.push(article.title);
//!     }
//! });
//! assert_eq!(titles, [Some("Harbour reopens after storm".to_string())]);
//! ```
#![warn(missing_docs)]

mod charset;
mod date;
mod dispatch;
mod error;
mod feed;
mod html;
mod input;
mod jsonl;
pub mod sitemap;
mod sniff;
mod stream;
mod text;
mod warc;

use std::io::Read;

pub use error::Error;
pub use feed::{entries as feed_entries, opml_feeds, FeedEntry};
use storyline_model::{Diagnostic, RawArticle};

/// The largest article (or JSONL line, or WARC record) read, in bytes: 50 MiB.
/// Larger ones are reported and skipped without being held in memory.
pub const MAX_ARTICLE_BYTES: usize = 50 * 1024 * 1024;

/// Reads every input (`-` is stdin; folders are walked) and hands each article or
/// problem to `sink`, in input order.
pub fn read(inputs: &[String], sink: &mut dyn FnMut(Result<RawArticle, Diagnostic>)) {
    for input in inputs {
        input::read_path(input, sink);
    }
}

/// Reads one fetched HTML page: `name` names it in diagnostics, `charset` is the
/// one the server declared (`Content-Type`), if any; without it the page's own
/// `<meta charset>` decides. The article is extracted as for an `.html` file.
pub fn read_html(
    name: &str,
    bytes: Vec<u8>,
    charset: Option<&str>,
) -> Result<RawArticle, Diagnostic> {
    html::read(name.to_string(), bytes, charset).map_err(|e| e.at(name, None))
}

/// Reads one stream (a file's content, stdin) named `name`: the name gives
/// the paths in diagnostics and an extension hint (`x.jsonl.gz`); the content decides.
pub fn read_reader(
    name: &str,
    mut reader: impl Read,
    sink: &mut dyn FnMut(Result<RawArticle, Diagnostic>),
) {
    input::read_reader_dyn(name, &mut reader, sink);
}
