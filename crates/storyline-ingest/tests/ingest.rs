//! End-to-end tests of the readers: every format and shape, every kind of bad input,
//! on fixtures written by the tests themselves.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;
use proptest::prelude::*;
use storyline_ingest::{read, read_reader};
use storyline_model::{DateSource, Diagnostic, RawArticle};

/// Articles and diagnostics, in the order they came.
#[derive(Default, Debug)]
struct Got {
    articles: Vec<RawArticle>,
    diagnostics: Vec<Diagnostic>,
}

fn collect(f: impl FnOnce(&mut dyn FnMut(Result<RawArticle, Diagnostic>))) -> Got {
    let mut got = Got::default();
    f(&mut |item| match item {
        Ok(a) => got.articles.push(a),
        Err(d) => got.diagnostics.push(d),
    });
    for a in &got.articles {
        check_article(a);
    }
    got
}

fn read_paths(paths: &[&Path]) -> Got {
    let inputs: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    collect(|sink| read(&inputs, sink))
}

fn read_bytes(name: &str, bytes: &[u8]) -> Got {
    collect(|sink| read_reader(name, bytes, sink))
}

/// Invariants every article keeps.
fn check_article(a: &RawArticle) {
    assert!(!a.text.trim().is_empty(), "empty article from {}", a.path);
    if let Some(r) = &a.body {
        assert!(
            a.text.get(r.clone()).is_some(),
            "body {r:?} off text in {}",
            a.path
        );
    }
}

/// One line of JSONL with `text` and extra fields.
fn jsonl_line(text: &str, extra: &str) -> String {
    format!(
        "{{\"text\": {}{extra}}}\n",
        serde_json::to_string(text).unwrap()
    )
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn zstd(data: &[u8]) -> Vec<u8> {
    ruzstd::encoding::compress_to_vec(data, ruzstd::encoding::CompressionLevel::Fastest)
}

const HEADLINE_ARTICLE: &str = "Ferry service cut as fuel costs climb\nThe island ferry will run twice a day instead of four times from June, its operator said on Monday.\n\nPassengers groups called the decision \"a blow to every family on the island\".\n";

const HEADER_ARTICLE: &str = " date 2024-05-17 The regional council approved a new cycle lane on Thursday. Work starts in July and should take six weeks.";

const PAGE: &str = "<!DOCTYPE html><html lang=\"en\"><head><title>Library extends hours</title>\
    <meta property=\"article:published_time\" content=\"2024-02-01T10:00:00Z\"></head>\
    <body><nav><a href=\"/\">Home</a> <a href=\"/local\">Local</a></nav>\
    <article><h1>Library extends hours</h1>\
    <p>The central library will stay open until nine on weekdays from March, the city said.</p>\
    <p>Staff numbers will rise by four, paid for from the culture budget, officials added.</p></article>\
    <footer>Contact us | Privacy | Terms</footer></body></html>";

#[path = "ingest/bad_input.rs"]
mod bad_input;
#[path = "ingest/containers.rs"]
mod containers;
#[path = "ingest/formats.rs"]
mod formats;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048),
                                   name in prop::sample::select(vec!["x.txt", "x.jsonl", "x.json", "x.html", "x.xml", "x.gz", "x.warc", "-"])) {
        let got = read_bytes(name, &bytes);
        prop_assert!(!got.articles.is_empty() || !got.diagnostics.is_empty());
    }

    #[test]
    fn arbitrary_markup_never_panics(src in "(<rss>|<feed>|<item>|<entry>|<!\\[CDATA\\[|]]>|[<>a-zA-Z/=\"' &;#0-9\\n!-é“]){0,120}",
                                     name in prop::sample::select(vec!["x.html", "x.txt", "x.jsonl"])) {
        let got = read_bytes(name, src.as_bytes());
        prop_assert!(!got.articles.is_empty() || !got.diagnostics.is_empty());
    }

    #[test]
    fn plain_text_stays_whole(src in "\\PC{1,300}") {
        let got = read_bytes("x.txt", src.as_bytes());
        if let Some(a) = got.articles.first() {
            if !src.trim_start().starts_with(['<', '{', '[']) {
                prop_assert_eq!(&a.text, &src);
            }
        }
    }
}

/// A fresh folder under the system temp folder, removed when dropped.
fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("storyline-ingest")
        .tempdir()
        .unwrap()
}

fn write(dir: &Path, name: &str, data: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&p, data).unwrap();
    p
}

/// A reader of `n` copies of `byte`, never held in memory.
struct Repeat {
    left: u64,
    byte: u8,
}

impl Read for Repeat {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.left as usize);
        buf[..n].fill(self.byte);
        self.left -= n as u64;
        Ok(n)
    }
}

#[test]
fn header_shape_keeps_text_whole() {
    let got = read_bytes("h.txt", HEADER_ARTICLE.as_bytes());
    let a = &got.articles[0];
    assert_eq!(a.text, HEADER_ARTICLE);
    assert_eq!(a.date_source, Some(DateSource::Header));
}
