//! `storyline watch --once` end to end against a feed server on 127.0.0.1.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::Command;

const STORY: &str = "<html><head><title>TITLE</title></head><body><article><h1>TITLE</h1>
<p>The regional water board said on Wednesday that the reservoir near Castlefield was back above half its capacity after a week of steady rain.</p>
<p>\"We are not out of the woods yet,\" said board spokesman Colin Reyes, who asked households to keep saving water until the end of the month.</p>
</article></body></html>";

/// Serves a feed (with an ETag it honours) and two pages; returns the base URL.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let feed = format!(
        "<rss><channel><title>Castlefield Post</title><item><title>a</title><link>{base}/a</link></item><item><title>b</title><link>/b</link></item></channel></rss>"
    );
    std::thread::spawn(move || {
        for mut s in listener.incoming().flatten() {
            let mut buf = Vec::new();
            let mut chunk = [0u8; 2048];
            while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
                match s.read(&mut chunk) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => buf.extend_from_slice(&chunk[..n]),
                }
            }
            let req = String::from_utf8_lossy(&buf).to_ascii_lowercase();
            let path = req.split(' ').nth(1).unwrap_or("/").to_string();
            let (status, body) = match path.as_str() {
                "/feed.xml" if req.contains("if-none-match: \"v1\"") => ("304", String::new()),
                "/feed.xml" => ("200", feed.clone()),
                "/a" => ("200", STORY.replace("TITLE", "Reservoir level recovers")),
                "/b" => ("200", STORY.replace("TITLE", "Water board lifts warning")),
                _ => ("404", String::new()),
            };
            let head = format!("HTTP/1.1 {status} X\r\nContent-Length: {}\r\nETag: \"v1\"\r\nConnection: close\r\n\r\n", body.len());
            let _ = s.write_all(head.as_bytes());
            let _ = s.write_all(body.as_bytes());
        }
    });
    base
}

#[test]
fn watch_once_stores_new_articles_then_nothing() {
    let base = serve();
    let dir = std::env::temp_dir().join(format!("storyline-cli-watch-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let feeds = dir.join("feeds.txt");
    std::fs::write(&feeds, format!("# test feeds\n{base}/feed.xml\n")).unwrap();
    let db = dir.join("w.db");
    let run = || {
        let out = Command::new(env!("CARGO_BIN_EXE_storyline"))
            .args(["watch", "--once", "--delay", "0", "--db"])
            .arg(&db)
            .arg(&feeds)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "{err}");
        err
    };
    let first = run();
    assert!(first.contains("2 new articles, 0 errors"), "{first}");
    let second = run();
    assert!(
        second.contains("1 not modified, 0 pages fetched, 0 new articles"),
        "{second}"
    );
    assert!(dir.join("w.db.watch.json").exists());
    let check = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(["ingest", "--check", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(v["articles"], 2);
    // No feed answers: a line naming the URL and the reason, and exit code 1.
    std::fs::write(&feeds, format!("{base}/missing.xml\n")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(["watch", "--once", "--delay", "0", "--retries", "0", "--db"])
        .arg(&db)
        .arg(&feeds)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("/missing.xml: HTTP status 404"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
