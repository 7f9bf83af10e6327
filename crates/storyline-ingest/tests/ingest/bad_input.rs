//! Every kind of bad input gives exactly one diagnostic and the rest is still read.
use super::*;

/// Reads `bytes` as `name` and expects exactly one diagnostic containing `want`.
fn one_diagnostic(name: &str, bytes: &[u8], want: &str) -> Got {
    let got = read_bytes(name, bytes);
    assert_eq!(got.diagnostics.len(), 1, "{name}: {:?}", got.diagnostics);
    let d = &got.diagnostics[0];
    assert_eq!(d.path, name);
    assert!(
        d.message.contains(want),
        "{name}: {:?} lacks {want:?}",
        d.message
    );
    got
}

#[test]
fn whole_file_problems() {
    let cases: &[(&str, &[u8], &str)] = &[
        ("img.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary"),
        ("notes.txt", b"caf\xe9 cr\xe8me", "UTF-8"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n", "empty"),
        ("empty.jsonl", b"\n\n", "empty"),
        (
            "page.html",
            b"<html><body><nav>Home</nav></body></html>",
            "no article text",
        ),
        ("bad.json", b"[{\"text\": ", "malformed JSON"),
    ];
    for (name, bytes, want) in cases {
        let got = one_diagnostic(name, bytes, want);
        assert!(got.articles.is_empty(), "{name}");
    }
}

#[test]
fn truncated_compression() {
    let gz = gzip(HEADLINE_ARTICLE.as_bytes());
    one_diagnostic("a.txt.gz", &gz[..gz.len() - 10], "truncated gzip");
    let zst = zstd(HEADLINE_ARTICLE.repeat(20).as_bytes());
    one_diagnostic("a.txt.zst", &zst[..zst.len() / 2], "zstd");
    one_diagnostic("a.txt.zst", &zst[..6], "zstd");
    let lines: String = (0..2000)
        .map(|i| jsonl_line(&format!("Story {i}."), ""))
        .collect();
    let gz = gzip(lines.as_bytes());
    let got = one_diagnostic("feed.jsonl.gz", &gz[..gz.len() * 3 / 4], "truncated gzip");
    assert!(
        got.articles.len() > 100,
        "good lines before the cut are read"
    );
    assert!(got.diagnostics[0].line.is_some());
}

#[test]
fn malformed_jsonl_lines_are_skipped() {
    let data = format!(
        "{}{{\"text\": \"broken\"\n[1, 2]\n{{\"title\": \"no text\"}}\n{}",
        jsonl_line("Good one.", ""),
        jsonl_line("Good two.", "")
    );
    let got = read_bytes("feed.jsonl", data.as_bytes());
    let lines: Vec<Option<usize>> = got.diagnostics.iter().map(|d| d.line).collect();
    assert_eq!(lines, [Some(2), Some(3), Some(4)], "{:?}", got.diagnostics);
    assert!(got.diagnostics.iter().all(|d| d.path == "feed.jsonl"));
    assert_eq!(got.articles.len(), 2);
    assert_eq!(got.articles[1].path, "feed.jsonl:5");
}

#[test]
fn huge_jsonl_line_is_skipped_without_holding_it() {
    let head = b"{\"text\": \"".as_slice();
    let huge = Repeat {
        left: 100 * 1024 * 1024,
        byte: b'a',
    };
    let tail = format!("\"}}\n{}", jsonl_line("After the big one.", ""));
    let input = head.chain(huge).chain(tail.as_bytes());
    let got = collect(|sink| read_reader("big.jsonl", input, sink));
    assert_eq!(got.diagnostics.len(), 1, "{:?}", got.diagnostics);
    assert_eq!(got.diagnostics[0].line, Some(1));
    assert!(got.diagnostics[0].message.contains("limit"));
    assert_eq!(got.articles.len(), 1);
    assert_eq!(got.articles[0].path, "big.jsonl:2");
}

#[test]
fn huge_text_file_is_refused() {
    let huge = Repeat {
        left: 100 * 1024 * 1024,
        byte: b'a',
    };
    let got = collect(|sink| read_reader("big.txt", huge, sink));
    assert_eq!(got.diagnostics.len(), 1);
    assert!(got.diagnostics[0].message.contains("50 MB"));
    assert!(got.articles.is_empty());
}

#[test]
fn missing_file_does_not_stop_the_rest() {
    let dir = temp_dir();
    let good = write(dir.path(), "good.txt", b"The bridge reopened on Sunday.");
    let missing = dir.path().join("missing.txt");
    let got = read_paths(&[&missing, &good]);
    assert_eq!(got.diagnostics.len(), 1);
    assert_eq!(got.diagnostics[0].path, missing.display().to_string());
    assert!(got.diagnostics[0].message.contains("cannot open"));
    assert_eq!(got.articles.len(), 1);
}

#[test]
fn folder_with_bad_files_reads_the_good_ones() {
    let dir = temp_dir();
    write(dir.path(), "1.txt", b"First good article.");
    write(dir.path(), "2.bin", b"\0\0\0\x01");
    write(dir.path(), "3.txt", b"");
    write(dir.path(), "4.txt", b"Last good article.");
    let got = read_paths(&[dir.path()]);
    assert_eq!(got.articles.len(), 2);
    assert_eq!(got.diagnostics.len(), 2, "{:?}", got.diagnostics);
}

#[cfg(unix)]
#[test]
fn unreadable_folder_gives_one_diagnostic() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir();
    let locked = dir.path().join("locked");
    write(&locked, "x.txt", b"Hidden away.");
    write(dir.path(), "open.txt", b"Readable article.");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read_dir(&locked).is_ok() {
        // Running with privileges that ignore permissions: nothing to test.
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    let got = read_paths(&[dir.path()]);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(got.diagnostics.len(), 1, "{:?}", got.diagnostics);
    assert!(got.diagnostics[0].message.contains("cannot read folder"));
    assert_eq!(got.articles.len(), 1);
}
