//! Folders, compression and WARC archives.
use super::*;

#[test]
fn folders_are_walked_sorted_skipping_hidden() {
    let dir = temp_dir();
    write(dir.path(), "b.txt", b"Second file text.");
    write(dir.path(), "a/z.txt", b"Nested file text.");
    write(dir.path(), "c/d/e.txt", b"Deep file text.");
    write(dir.path(), ".hidden.txt", b"Never read.");
    write(dir.path(), ".git/config.txt", b"Never read either.");
    let got = read_paths(&[dir.path()]);
    assert!(got.diagnostics.is_empty(), "{:?}", got.diagnostics);
    let texts: Vec<&str> = got.articles.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Nested file text.", "Second file text.", "Deep file text."]
    );
}

#[test]
fn gzip_multi_member_by_magic_and_extension() {
    let mut data = gzip(jsonl_line("First member.", "").as_bytes());
    data.extend(gzip(jsonl_line("Second member.", "").as_bytes()));
    for name in ["feed.jsonl.gz", "feed.bin"] {
        let got = read_bytes(name, &data);
        assert!(got.diagnostics.is_empty(), "{name}: {:?}", got.diagnostics);
        let texts: Vec<&str> = got.articles.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(texts, ["First member.", "Second member."], "{name}");
    }
    let got = read_bytes("page.html.gz", &gzip(PAGE.as_bytes()));
    assert_eq!(
        got.articles[0].title.as_deref(),
        Some("Library extends hours")
    );
}

#[test]
fn zstd_frames() {
    let mut data = zstd(jsonl_line("Frame one.", "").as_bytes());
    data.extend(zstd(jsonl_line("Frame two.", "").as_bytes()));
    let got = read_bytes("feed.jsonl.zst", &data);
    assert!(got.diagnostics.is_empty(), "{:?}", got.diagnostics);
    assert_eq!(got.articles.len(), 2);
    let got = read_bytes("a.txt.zst", &zstd(HEADLINE_ARTICLE.as_bytes()));
    assert_eq!(got.articles[0].text, HEADLINE_ARTICLE);
}

/// A WARC record with `headers` and `block`.
fn warc_record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-06-02T11:00:00Z\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n").into_bytes();
    r.extend_from_slice(body);
    r
}

fn warc_records() -> Vec<Vec<u8>> {
    let no_date_page = b"<html><body><p>The bakery on Mill Street has closed after forty years, its owner said.</p></body></html>";
    vec![
        warc_record(
            "warcinfo",
            "",
            "application/warc-fields",
            b"software: test\r\n",
        ),
        warc_record(
            "request",
            "https://herald.example/a",
            "application/http; msgtype=request",
            b"GET /a HTTP/1.1\r\n\r\n",
        ),
        warc_record(
            "response",
            "https://herald.example/a",
            "application/http; msgtype=response",
            &http("text/html; charset=utf-8", PAGE.as_bytes()),
        ),
        warc_record(
            "response",
            "https://herald.example/logo.png",
            "application/http; msgtype=response",
            &http("image/png", b"\x89PNG\r\n\x1a\n\0\0"),
        ),
        warc_record(
            "response",
            "https://herald.example/b",
            "application/http; msgtype=response",
            &http("text/html", no_date_page),
        ),
    ]
}

#[test]
fn warc_response_records() {
    let data: Vec<u8> = warc_records().concat();
    let got = read_bytes("crawl.warc", &data);
    assert!(got.diagnostics.is_empty(), "{:?}", got.diagnostics);
    let [a, b] = &got.articles[..] else {
        panic!("{got:?}")
    };
    assert_eq!(a.url.as_deref(), Some("https://herald.example/a"));
    assert_eq!(a.title.as_deref(), Some("Library extends hours"));
    assert_eq!(a.date.unwrap().to_string(), "2024-02-01");
    assert_eq!(
        a.meta.get("warc_date"),
        Some(&serde_json::json!("2024-06-02T11:00:00Z"))
    );
    assert_eq!(b.date.unwrap().to_string(), "2024-06-02");
    assert!(b.text.starts_with("The bakery on Mill Street"));
}

#[test]
fn warc_gz_truncated_member_keeps_good_records() {
    let members: Vec<Vec<u8>> = warc_records().iter().map(|r| gzip(r)).collect();
    let mut data = members.concat();
    let full = data.len();
    data.truncate(full - 30);
    let got = read_bytes("crawl.warc.gz", &data);
    assert_eq!(got.articles.len(), 1, "{got:?}");
    assert_eq!(got.diagnostics.len(), 1, "{:?}", got.diagnostics);
    assert!(
        got.diagnostics[0].message.contains("gzip"),
        "{:?}",
        got.diagnostics
    );
}

#[test]
fn gzipped_rss_feed() {
    let feed = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Dale Post</title>\
        <item><title>Road reopens</title><link>https://dale.example/road</link><pubDate>Mon, 04 Mar 2024 09:00:00 +0000</pubDate>\
        <description>&lt;p&gt;The valley road reopened on Monday after a landslide was cleared.&lt;/p&gt;</description></item>\
        <item><title>School wins prize</title><description>Pupils from Dale won a national science prize for a study of river birds.</description></item>\
        </channel></rss>";
    let got = read_bytes("dale.xml.gz", &gzip(feed.as_bytes()));
    assert!(got.diagnostics.is_empty(), "{:?}", got.diagnostics);
    let [a, b] = &got.articles[..] else {
        panic!("{got:?}")
    };
    assert_eq!(a.path, "dale.xml.gz#1");
    assert_eq!(a.source.as_deref(), Some("Dale Post"));
    assert_eq!(a.date.unwrap().to_string(), "2024-03-04");
    assert_eq!(b.title.as_deref(), Some("School wins prize"));
    assert!(b.text.ends_with("a study of river birds."));
}

#[cfg(unix)]
#[test]
fn links_in_folders() {
    let dir = temp_dir();
    let target = write(dir.path(), "real/a.txt", b"The only article.");
    std::os::unix::fs::symlink(dir.path().join("real"), dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink(&target, dir.path().join("link.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("broken.txt")).unwrap();
    let got = read_paths(&[dir.path()]);
    // The broken link is reported; the link to a folder is not followed; the link to
    // a file is read like the file.
    assert_eq!(got.diagnostics.len(), 1, "{:?}", got.diagnostics);
    assert!(got.diagnostics[0].path.ends_with("broken.txt"));
    assert_eq!(got.articles.len(), 2);
}
