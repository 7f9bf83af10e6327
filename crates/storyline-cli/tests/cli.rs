//! End-to-end tests of the `storyline` binary: the contract's JSON, offsets, bad input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_storyline"))
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("storyline-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn analyze_json(args: &[&str]) -> (Value, Output) {
    let out = bin()
        .arg("analyze")
        .arg("--json")
        .args(args)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (v, out)
}

/// `text[start:end]` in Unicode scalar values, as the contract defines offsets.
fn char_slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

#[test]
fn example_corpus_follows_the_contract() {
    let (v, out) = analyze_json(&[corpus().to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(v["schema"], "storyline/1");
    let arts = v["articles"].as_array().unwrap();
    assert!(arts.len() >= 12, "{} articles", arts.len());
    let langs: std::collections::BTreeSet<&str> =
        arts.iter().filter_map(|a| a["lang"].as_str()).collect();
    assert!(langs.contains("en") && langs.contains("de"), "{langs:?}");
    for a in arts {
        for key in [
            "id",
            "path",
            "title",
            "date",
            "date_source",
            "lang",
            "text",
            "duplicate_of",
        ] {
            assert!(a.get(key).is_some(), "article lacks {key}");
        }
        let text = a["text"].as_str().unwrap();
        for facet in ["mentions", "quotes", "claims", "timexes"] {
            for x in a[facet]
                .as_array()
                .unwrap_or_else(|| panic!("{facet} missing"))
            {
                let (s, e) = (
                    x["start"].as_u64().unwrap() as usize,
                    x["end"].as_u64().unwrap() as usize,
                );
                assert!(
                    s <= e && e <= text.chars().count(),
                    "{facet} span out of bounds"
                );
                assert_eq!(
                    char_slice(text, s, e),
                    x["text"].as_str().unwrap(),
                    "{facet} offsets"
                );
            }
        }
    }
    assert!(v["entities"].is_array() && v["stories"].is_array());
    // The wire copy and its reprint are one near-duplicate pair.
    assert!(
        arts.iter().any(|a| !a["duplicate_of"].is_null()),
        "no near-duplicate found"
    );
}

#[test]
fn ids_are_stable_across_runs() {
    let ids = |v: &Value| -> Vec<String> {
        v["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap().to_string())
            .collect()
    };
    let (a, _) = analyze_json(&[corpus().to_str().unwrap()]);
    let (b, _) = analyze_json(&[corpus().to_str().unwrap()]);
    assert_eq!(ids(&a), ids(&b));
    assert_eq!(a, b, "the same input must give the same output");
}

#[test]
fn bad_inputs_are_reported_and_skipped() {
    let d = scratch("bad");
    std::fs::write(
        d.join("good.txt"),
        "Storm closes port\nThe port of Gdansk closed on Monday as winds reached 120 km/h.",
    )
    .unwrap();
    std::fs::write(d.join("empty.txt"), "").unwrap();
    std::fs::write(d.join("binary.bin"), [0u8, 159, 146, 150, 0, 1, 2, 3]).unwrap();
    std::fs::write(d.join("latin1.txt"), b"Caf\xe9 owners protest\n").unwrap();
    std::fs::write(
        d.join("lines.jsonl"),
        "{\"text\": \"One good line about a strike.\"}\n{broken\n",
    )
    .unwrap();
    let (v, out) = analyze_json(&[d.to_str().unwrap(), "/nonexistent/storyline/path"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let n = v["articles"].as_array().unwrap().len();
    assert!(n >= 2, "good inputs lost: {n}");
    assert!(stderr.contains("empty.txt"), "{stderr}");
    assert!(stderr.contains("binary.bin"), "{stderr}");
    assert!(stderr.contains("lines.jsonl:2"), "{stderr}");
    assert!(stderr.contains("/nonexistent/storyline/path"), "{stderr}");
}

#[test]
fn nothing_readable_exits_non_zero() {
    let out = bin()
        .args(["analyze", "/nonexistent/storyline/file.txt"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/storyline/file.txt"));
}

#[test]
fn stdin_and_date_flag() {
    let mut child = bin()
        .args(["analyze", "--json", "--date", "2024-10-26", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("The minister said on Friday that 300 homes had been flooded.".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let a = &v["articles"][0];
    assert_eq!(a["date"], "2024-10-26");
    assert_eq!(a["date_source"], "flag");
    let values: Vec<&str> = a["timexes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["value"].as_str())
        .collect();
    assert!(values.contains(&"2024-10-25"), "{values:?}");
}

#[test]
fn human_report_names_every_article() {
    let out = bin()
        .args(["analyze", corpus().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("articles") && s.contains("story:"), "{s}");
    assert!(s.contains("Oder flood wave reaches Wroclaw"), "{s}");
}
