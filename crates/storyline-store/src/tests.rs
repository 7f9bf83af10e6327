//! Store tests: idempotence, updates, search filters, migrations and import.

use proptest::prelude::*;
use storyline_model::{
    Article, Claim, ClaimGroup, Date, Entity, EntityType, Hedge, Mention, Quote, QuoteKind, Span,
    Story, Timex,
};

use super::*;

/// Byte span of the first `needle` in `text`.
fn at(text: &str, needle: &str) -> Span {
    let s = text.find(needle).expect("needle in text");
    Span::new(s, s + needle.len())
}

/// A small article with every facet set by hand.
pub(crate) fn article(id: &str, source: &str, date: &str, text: &str) -> Article {
    let mut a = Article {
        id: id.into(),
        path: format!("{id}.txt"),
        title: Some(format!("Report {id}")),
        date: Date::parse(date),
        lang: "en".into(),
        source: Some(source.into()),
        text: text.into(),
        ..Default::default()
    };
    if text.contains("Mayor Żaneta Kowal") {
        a.mentions.push(Mention {
            span: at(text, "Żaneta Kowal"),
            kind: EntityType::Person,
            entity: Some("e-kowal".into()),
            resolved: false,
            role: Some("Mayor".into()),
        });
    }
    if let Some(q) = text.find("“") {
        let end = text.find("”").unwrap_or(text.len());
        a.quotes.push(Quote {
            span: Span::new(q + "“".len(), end),
            kind: QuoteKind::Direct,
            speaker: Some("e-kowal".into()),
            speaker_name: Some("Żaneta Kowal".into()),
            speaker_span: None,
            cue: Some("said".into()),
            cue_span: None,
            via: vec![],
            date: None,
        });
    }
    for (needle, low, high, hedge) in [
        ("about 400", 350.0, 450.0, Hedge::Approx),
        ("600", 600.0, 600.0, Hedge::Exact),
    ] {
        if let Some(p) = text.find(needle) {
            a.claims.push(Claim {
                span: Span::new(p, p + needle.len()),
                low: Some(low),
                high: Some(high),
                hedge,
                counted: Some("homes flooded".into()),
                unit: None,
                place: None,
                source: None,
                source_name: "the outlet".into(),
                date: None,
                derived_from: vec![],
            });
        }
    }
    if let Some(p) = text.find("on Tuesday") {
        a.timexes.push(Timex {
            span: Span::new(p + 3, p + 10),
            value: "2024-05-14".into(),
            kind: "DATE".into(),
        });
    }
    a
}

pub(crate) fn corpus() -> (Vec<Article>, Vec<Entity>, Vec<Story>) {
    let a1 = article(
        "a1",
        "Valley Post",
        "2024-05-14",
        "Mayor Żaneta Kowal said on Tuesday: “The river took about 400 homes.”",
    );
    let a2 = article(
        "a2",
        "River Daily",
        "2024-05-15",
        "Officials now count 600 homes flooded in the lower town.",
    );
    let mut a3 = article(
        "a3",
        "Wire Copy",
        "2024-05-15",
        "Officials now count 600 homes flooded in the lower town.",
    );
    a3.duplicate_of = Some("a2".into());
    a3.lang = "pl".into();
    let e = Entity {
        id: "e-kowal".into(),
        name: "Żaneta Kowal".into(),
        kind: EntityType::Person,
        aliases: vec!["Żaneta Kowal".into(), "Kowal".into()],
        roles: vec!["Mayor".into()],
        articles: vec!["a1".into()],
    };
    let s = Story {
        id: "s1".into(),
        title: "Valley floods".into(),
        articles: vec!["a1".into(), "a2".into(), "a3".into()],
        claims: vec![],
        timeline: vec![],
    };
    (vec![a1, a2, a3], vec![e], vec![s])
}

fn q(text: &str) -> SearchQuery {
    SearchQuery {
        q: text.into(),
        limit: 10,
        ..Default::default()
    }
}

#[test]
fn reingest_changes_nothing_and_new_articles_are_added() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let (arts, ents, stories) = corpus();
    let mut st = Store::open(&db).unwrap();
    assert_eq!(st.ingest(&arts[..2], &ents, &stories).unwrap().added, 2);
    drop(st);
    let mut st = Store::open(&db).unwrap();
    let again = st.ingest(&arts, &ents, &stories).unwrap();
    assert_eq!(
        again,
        IngestStats {
            added: 1,
            updated: 0,
            unchanged: 2
        }
    );
    assert_eq!(st.ingest(&arts, &ents, &stories).unwrap().unchanged, 3);
    let check = st.check().unwrap();
    assert_eq!(check["ok"], true, "{check}");
    assert_eq!(check["indexed"], 3);
    assert_eq!(st.articles(10, 0, None, None).unwrap().total, 3);
    assert_eq!(
        st.entity("e-kowal").unwrap().unwrap()["aliases"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn a_changed_analysis_replaces_the_old_one() {
    let mut st = Store::open_in_memory().unwrap();
    let (mut arts, ents, stories) = corpus();
    st.ingest(&arts, &ents, &stories).unwrap();
    arts[0].claims.clear();
    arts[0].text.push_str(" Sandbags ran out.");
    let stats = st.ingest(&arts[..1], &[], &[]).unwrap();
    assert_eq!(stats.updated, 1);
    assert_eq!(st.claims(None, 10, 0).unwrap().total, 2);
    assert_eq!(st.search(&q("sandbags")).unwrap().0, 1);
    assert_eq!(st.check().unwrap()["indexed"], 3);
}

#[test]
fn search_filters_by_date_lang_and_source() {
    let mut st = Store::open_in_memory().unwrap();
    let (arts, ents, stories) = corpus();
    st.ingest(&arts, &ents, &stories).unwrap();
    let cases: &[(SearchQuery, &[&str])] = &[
        (q("homes"), &["a1", "a2", "a3"]),
        (
            SearchQuery {
                lang: Some("pl".into()),
                ..q("homes")
            },
            &["a3"],
        ),
        (
            SearchQuery {
                source: Some("River Daily".into()),
                ..q("")
            },
            &["a2"],
        ),
        (
            SearchQuery {
                from: Date::parse("2024-05-15"),
                ..q("homes")
            },
            &["a2", "a3"],
        ),
        (
            SearchQuery {
                to: Date::parse("2024-05-14"),
                ..q("homes")
            },
            &["a1"],
        ),
        (q("river took"), &["a1"]),
        (q("nonexistentword"), &[]),
    ];
    for (sq, want) in cases {
        let (total, hits) = st.search(sq).unwrap();
        let mut got: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
        got.sort();
        assert_eq!((total, got.as_slice()), (want.len(), *want), "{sq:?}");
    }
    let (_, hits) = st.search(&q("river")).unwrap();
    let h = &hits[0];
    let chars: Vec<char> = h.snippet.chars().collect();
    let [s, e] = h.highlights[0];
    assert_eq!(
        chars[s..e].iter().collect::<String>().to_lowercase(),
        "river"
    );
    // Pages.
    let page = st
        .search(&SearchQuery {
            limit: 1,
            offset: 1,
            ..q("homes")
        })
        .unwrap();
    assert_eq!((page.0, page.1.len()), (3, 1));
}

#[test]
fn story_has_sources_claim_groups_timeline_and_quotes() {
    let mut st = Store::open_in_memory().unwrap();
    let (arts, ents, stories) = corpus();
    st.ingest(&arts, &ents, &stories).unwrap();
    let s = st.story("s1").unwrap().unwrap();
    assert_eq!(
        (s["independent"].as_u64(), s["duplicates"].as_u64()),
        (Some(2), Some(1))
    );
    let g = &s["claims"][0];
    assert_eq!(g["counted"], "homes flooded");
    assert_eq!(g["disagree"], true);
    assert_eq!(g["values"].as_array().unwrap().len(), 3);
    assert_eq!(s["timeline"].as_array().unwrap().len(), 3);
    assert_eq!(s["quotes"][0]["speaker_name"], "Żaneta Kowal");
    assert_eq!(
        s["quotes"][0]["quotes"][0]["text"],
        "The river took about 400 homes."
    );
    assert!(st.story("nope").unwrap().is_none());
    // Stored groups win over computed ones, and get their claim texts.
    let mut stories = stories;
    stories[0].claims = vec![ClaimGroup {
        counted: "homes".into(),
        values: vec![],
        disagree: false,
    }];
    st.ingest(&[], &[], &stories).unwrap();
    assert_eq!(
        st.story("s1").unwrap().unwrap()["claims"][0]["counted"],
        "homes"
    );
}

#[test]
fn a_reprinted_quote_is_listed_once_in_its_story() {
    let mut st = Store::open_in_memory().unwrap();
    let (mut arts, ents, mut stories) = corpus();
    let mut reprint = arts[0].clone();
    reprint.id = "a1-copy".into();
    reprint.source = Some("Wire Copy".into());
    reprint.duplicate_of = Some("a1".into());
    arts.push(reprint);
    stories[0].articles.push("a1-copy".into());
    st.ingest(&arts, &ents, &stories).unwrap();
    let s = st.story("s1").unwrap().unwrap();
    assert_eq!(s["quotes"][0]["quotes"].as_array().unwrap().len(), 1);
    assert_eq!(st.quotes(Some("e-kowal"), 10, 0).unwrap().total, 2);
}

#[test]
fn article_offsets_are_chars_and_entities_are_listed() {
    let mut st = Store::open_in_memory().unwrap();
    let (arts, ents, stories) = corpus();
    st.ingest(&arts, &ents, &stories).unwrap();
    let a = st.article("a1").unwrap().unwrap();
    let chars: Vec<char> = a["text"].as_str().unwrap().chars().collect();
    for key in ["mentions", "quotes", "claims", "timexes"] {
        for m in a[key].as_array().unwrap() {
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                chars[s..e].iter().collect::<String>(),
                m["text"].as_str().unwrap(),
                "{key}"
            );
        }
    }
    assert_eq!(a["entities"][0]["name"], "Żaneta Kowal");
    assert_eq!(a["stories"][0]["id"], "s1");
    assert_eq!(st.quotes(Some("kowal"), 10, 0).unwrap().total, 1);
    assert_eq!(st.quotes(Some("e-kowal"), 10, 0).unwrap().total, 1);
    assert_eq!(st.quotes(Some("nobody"), 10, 0).unwrap().total, 0);
    assert_eq!(st.claims(Some("homes"), 10, 0).unwrap().total, 3);
    assert_eq!(
        st.entities(10, 0, Some("PERSON"), Some("kow"))
            .unwrap()
            .total,
        1
    );
    assert_eq!(st.entities(10, 0, Some("ORG"), None).unwrap().total, 0);
}

#[test]
fn the_index_is_rebuilt_when_missing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let (arts, ents, stories) = corpus();
    Store::open(&db)
        .unwrap()
        .ingest(&arts, &ents, &stories)
        .unwrap();
    std::fs::remove_dir_all(index_dir(&db)).unwrap();
    let st = Store::open(&db).unwrap();
    assert_eq!(st.search(&q("homes")).unwrap().0, 3);
    assert_eq!(st.check().unwrap()["ok"], true);
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    assert!(matches!(Store::open(&db), Err(StoreError::TooNew { .. })));
}

/// The on-disk format: a version-1 store, as a SQL dump, must still open and read.
#[test]
fn a_version_1_store_still_reads() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v1.db");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(include_str!("../tests/fixtures/store-v1.sql"))
        .unwrap();
    drop(conn);
    let st = Store::open(&db).unwrap();
    assert_eq!(st.schema_version().unwrap(), SCHEMA_VERSION);
    let a = st.article("fx1").unwrap().unwrap();
    assert_eq!(a["mentions"][0]["text"], "Harbour Authority");
    assert_eq!(st.search(&q("ferry")).unwrap().0, 1);
    assert_eq!(
        st.story("fs1").unwrap().unwrap()["articles"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        st.entity("fe1").unwrap().unwrap()["roles"][0],
        "port operator"
    );
}

#[test]
fn import_drops_facets_whose_offsets_are_wrong() {
    let (arts, ents, stories) = corpus();
    let mut doc = storyline_model::contract::document(&arts, &ents, &stories);
    doc["articles"][0]["mentions"][0]["end"] = 999.into();
    let imp = import_document(&doc).unwrap();
    assert_eq!(imp.articles.len(), 3);
    assert_eq!(imp.articles[0]["mentions"].as_array().unwrap().len(), 0);
    assert_eq!(imp.warnings.len(), 1);
    assert_eq!((imp.entities.len(), imp.stories.len()), (1, 1));
    assert!(import_document(&serde_json::json!({"schema": "other"})).is_err());
    let mut st = Store::open_in_memory().unwrap();
    assert_eq!(
        st.ingest_docs(&imp.articles, &imp.entities, &imp.stories)
            .unwrap()
            .added,
        3
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn any_text_round_trips_and_any_query_is_safe(text in "\\PC{0,80}", query in "\\PC{0,20}|[a-z]{1,6}:[*a-z\\[\\] ]{0,4}") {
        let mut st = Store::open_in_memory().unwrap();
        let a = Article { id: "p".into(), text: text.clone(), lang: "en".into(), ..Default::default() };
        st.ingest(&[a], &[], &[]).unwrap();
        let got = st.article("p").unwrap().unwrap();
        prop_assert_eq!(got["text"].as_str().unwrap(), text.as_str());
        let (total, hits) = st.search(&q(&query)).unwrap();
        prop_assert!(total <= 1);
        for h in hits {
            let n = h.snippet.chars().count();
            prop_assert!(h.highlights.iter().all(|[s, e]| s <= e && *e <= n));
        }
    }
}

#[test]
fn a_query_naming_an_unknown_or_unsearchable_field_still_runs() {
    let mut st = Store::open_in_memory().unwrap();
    let a = Article {
        id: "p".into(),
        text: "Rescuers reached the village on Friday.".into(),
        lang: "en".into(),
        ..Default::default()
    };
    st.ingest(&[a], &[], &[]).unwrap();
    // An existence test on a field the index lacks, or on one it cannot answer, is read
    // as the words around it.
    for (query, total) in [
        ("abc:*", 0),
        ("village:*", 1),
        ("text:*", 0),
        ("id:*", 0),
        ("rescuers date:*", 0),
    ] {
        let got = st.search(&q(query));
        assert!(got.is_ok(), "{query}: {got:?}");
        assert_eq!(got.unwrap().0, total, "{query}");
    }
    assert_eq!(st.search(&q("nofield:village")).unwrap().0, 0);
    assert_eq!(st.search(&q("text:village")).unwrap().0, 1);
}
