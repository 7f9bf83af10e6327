//! Paths to streams: files, folders walked recursively in sorted order (hidden
//! entries skipped, symbolic links to folders not followed), and `-` for stdin.

use std::fs;
use std::io::{self, BufReader, Read};
use std::path::Path;

use storyline_model::{Diagnostic, RawArticle};

use crate::dispatch;
use crate::error::Error;

/// Deepest folder nesting walked.
const MAX_DEPTH: usize = 64;

/// Reads one path given by the user.
pub(crate) fn read_path(input: &str, sink: &mut dyn FnMut(Result<RawArticle, Diagnostic>)) {
    if input == "-" {
        return read_reader_dyn("-", &mut io::stdin().lock(), sink);
    }
    let path = Path::new(input);
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => walk(path, 0, sink),
        Ok(_) => read_file(path, sink),
        Err(e) => sink(Err(Diagnostic::error(
            input,
            None,
            format!("cannot open: {e}"),
        ))),
    }
}

fn read_file(path: &Path, sink: &mut dyn FnMut(Result<RawArticle, Diagnostic>)) {
    let name = path.display().to_string();
    match fs::File::open(path) {
        Ok(f) => read_reader_dyn(&name, &mut BufReader::new(f), sink),
        Err(e) => sink(Err(Diagnostic::error(
            name,
            None,
            format!("cannot open: {e}"),
        ))),
    }
}

/// Reads one stream, turning a whole-stream failure into its one diagnostic.
pub(crate) fn read_reader_dyn(
    name: &str,
    r: &mut dyn Read,
    sink: &mut dyn FnMut(Result<RawArticle, Diagnostic>),
) {
    if let Err(e) = dispatch::read_stream(name, Box::new(r), sink) {
        sink(Err(e.at(name, None)));
    }
}

/// Extensions of files a folder holds beside its articles: code, configuration, images,
/// archives of other kinds. Named on the command line they are still read.
const NOT_ARTICLES: &[&str] = &[
    "py", "sh", "rs", "js", "mjs", "ts", "css", "c", "h", "go", "java", "rb", "pl", "toml", "yaml",
    "yml", "lock", "ini", "cfg", "png", "jpg", "jpeg", "gif", "webp", "svg", "ico", "pdf", "zip",
    "tar", "7z", "exe", "so", "dll", "db", "sqlite", "parquet", "csv", "tsv",
];

/// True when a file found in a folder walk may hold articles: not code, images or the
/// folder's own documentation (README, LICENSE).
fn article_like(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let stem = lower.split('.').next().unwrap_or("");
    if matches!(
        stem,
        "readme" | "license" | "licence" | "copying" | "changelog" | "notice"
    ) {
        return false;
    }
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    !NOT_ARTICLES.contains(&ext)
}

fn walk(dir: &Path, depth: usize, sink: &mut dyn FnMut(Result<RawArticle, Diagnostic>)) {
    let shown = dir.display().to_string();
    if depth > MAX_DEPTH {
        return sink(Err(Diagnostic::error(
            shown,
            None,
            format!("folders nested deeper than {MAX_DEPTH} levels; skipped"),
        )));
    }
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            return sink(Err(Diagnostic::error(
                shown,
                None,
                format!("cannot read folder: {e}"),
            )))
        }
    };
    // Only the names in the folders being walked are held, never file contents.
    let mut names = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => names.push(e.file_name()),
            Err(e) => sink(Err(Error::Io(e).at(&shown, None))),
        }
    }
    names.sort();
    for name in names {
        if name.to_string_lossy().starts_with('.') || !article_like(&name.to_string_lossy()) {
            continue;
        }
        let path = dir.join(&name);
        match fs::symlink_metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, depth + 1, sink),
            Ok(m) if m.file_type().is_symlink() => match fs::metadata(&path) {
                Ok(t) if t.is_dir() => {}
                Ok(_) => read_file(&path, sink),
                Err(e) => sink(Err(Diagnostic::error(
                    path.display().to_string(),
                    None,
                    format!("broken link: {e}"),
                ))),
            },
            Ok(_) => read_file(&path, sink),
            Err(e) => sink(Err(Diagnostic::error(
                path.display().to_string(),
                None,
                format!("cannot open: {e}"),
            ))),
        }
    }
}

#[cfg(test)]
mod walk_tests {
    use super::article_like;

    #[test]
    fn folder_walks_skip_code_and_documentation() {
        for name in [
            "01_story.txt",
            "feed.xml",
            "dump.warc.gz",
            "a.jsonl.zst",
            "page.html",
            "notes",
        ] {
            assert!(article_like(name), "{name}");
        }
        for name in [
            "README.md",
            "readme",
            "LICENSE.txt",
            "check.py",
            "run.sh",
            "photo.JPG",
        ] {
            assert!(!article_like(name), "{name}");
        }
    }
}
