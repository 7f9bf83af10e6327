//! Every format and shape that should be read.
use super::*;

#[test]
fn plain_text_shapes() {
    let dir = temp_dir();
    let a = write(dir.path(), "a.txt", HEADLINE_ARTICLE.as_bytes());
    let b = write(dir.path(), "b.txt", HEADER_ARTICLE.as_bytes());
    let c = write(
        dir.path(),
        "c.txt",
        b"The strike ended on Friday. Trains ran normally by noon.",
    );
    let got = read_paths(&[&a, &b, &c]);
    assert!(got.diagnostics.is_empty(), "{:?}", got.diagnostics);
    let [a, b, c] = &got.articles[..] else {
        panic!("{got:?}")
    };

    assert_eq!(
        a.title.as_deref(),
        Some("Ferry service cut as fuel costs climb")
    );
    assert_eq!(a.text, HEADLINE_ARTICLE);
    assert!(a.text[a.body.clone().unwrap()].starts_with("The island ferry"));
    assert_eq!(a.date, None);

    assert_eq!(b.title, None);
    assert_eq!(b.date.unwrap().to_string(), "2024-05-17");
    assert_eq!(b.date_source, Some(DateSource::Header));
    assert_eq!(b.text, HEADER_ARTICLE);
    assert!(b.text[b.body.clone().unwrap()].starts_with("The regional council"));

    assert_eq!(
        (c.title.as_ref(), c.date, c.body.as_ref()),
        (None, None, None)
    );
}

#[test]
fn jsonl_fields_aliases_and_meta() {
    let mut data = jsonl_line(
        "The bank held rates at 4%.",
        r#", "id": "a1", "url": "https://ledger.example/rates", "title": "Rates held", "date": "2024-10-26T08:00:00Z", "lang": "en", "source": "The Ledger", "desk": "economy""#,
    );
    data.push('\n');
    data.push_str(
        r#"{"body": "Second story text.", "published": "2024-10-27", "author": "K. Mensah"}"#,
    );
    data.push('\n');
    data.push_str(r#"{"content": "Third story text."}"#);
    let got = read_bytes("feed.jsonl", data.as_bytes());
    assert!(got.diagnostics.is_empty(), "{:?}", got.diagnostics);
    let [a, b, c] = &got.articles[..] else {
        panic!("{got:?}")
    };
    assert_eq!(a.path, "feed.jsonl:1");
    assert_eq!(a.id.as_deref(), Some("a1"));
    assert_eq!(a.title.as_deref(), Some("Rates held"));
    assert_eq!(a.date.unwrap().to_string(), "2024-10-26");
    assert_eq!(a.date_source, Some(DateSource::Metadata));
    assert_eq!(a.lang.as_deref(), Some("en"));
    assert_eq!(a.source.as_deref(), Some("The Ledger"));
    assert_eq!(a.meta.get("desk"), Some(&serde_json::json!("economy")));
    assert_eq!(b.path, "feed.jsonl:3");
    assert_eq!(b.text, "Second story text.");
    assert_eq!(b.author.as_deref(), Some("K. Mensah"));
    assert_eq!(c.text, "Third story text.");
}

#[test]
fn json_document_array_and_object() {
    let got = read_bytes("all.json", br#"[{"text": "One."}, {"text": "Two."}]"#);
    assert_eq!(got.articles.len(), 2);
    let got = read_bytes(
        "one.json",
        b"{\n  \"title\": \"T\",\n  \"text\": \"Only one.\"\n}\n",
    );
    assert_eq!(got.articles.len(), 1);
    assert_eq!(got.articles[0].title.as_deref(), Some("T"));
}

#[test]
fn html_by_extension_and_by_content() {
    for name in ["page.html", "page.txt", "page"] {
        let got = read_bytes(name, PAGE.as_bytes());
        assert!(got.diagnostics.is_empty(), "{name}: {:?}", got.diagnostics);
        let a = &got.articles[0];
        assert_eq!(a.title.as_deref(), Some("Library extends hours"), "{name}");
        assert_eq!(a.date.unwrap().to_string(), "2024-02-01");
        assert_eq!(a.date_source, Some(DateSource::Metadata));
        assert!(!a.text.contains("Home"), "{}", a.text);
        assert!(!a.text.contains("Privacy"), "{}", a.text);
        assert_eq!(a.text.matches("\n\n").count(), 2, "{}", a.text);
    }
}

#[test]
fn windows_1252_html() {
    let page = b"<html><head><meta charset=\"windows-1252\"></head><body>\
        <p>\x93We will rebuild,\x94 the mayor said \x96 and the crowd cheered.</p></body></html>";
    let got = read_bytes("w.html", page);
    assert!(got.articles[0]
        .text
        .contains("“We will rebuild,” the mayor said – and"));
}

#[test]
fn stdin_is_read_as_a_stream() {
    let got = read_bytes("-", HEADLINE_ARTICLE.as_bytes());
    assert_eq!(got.articles[0].path, "-");
    assert!(got.articles[0].title.is_some());
    let lines = format!("{}{}", jsonl_line("A.", ""), jsonl_line("B.", ""));
    let got = read_bytes("-", lines.as_bytes());
    assert_eq!(got.articles.len(), 2);
    assert_eq!(got.articles[1].path, "-:2");
}

#[test]
fn utf16_with_bom() {
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(HEADLINE_ARTICLE.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let got = read_bytes("wide.txt", &bytes);
    assert!(got.diagnostics.is_empty(), "{:?}", got.diagnostics);
    assert_eq!(got.articles[0].text, HEADLINE_ARTICLE);
}
