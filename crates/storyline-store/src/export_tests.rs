//! Export tests: every table in every format, Parquet read back with the `parquet`
//! crate's own reader and compared value by value with the JSON Lines export.

use std::fs::File;
use std::path::Path;

use parquet::basic::{Compression, Repetition, Type as Physical};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use proptest::prelude::*;
use serde_json::{json, Value};
use storyline_model::Article;

use crate::table::{exported, Ty, ARTICLES, FACETS};
use crate::tests::corpus;
use crate::{export, Format, Store};

fn stored() -> Store {
    let mut st = Store::open_in_memory().unwrap();
    let (arts, ents, stories) = corpus();
    st.ingest(&arts, &ents, &stories).unwrap();
    st
}

fn jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Every row of a Parquet file as a JSON object; a text column of JSON is parsed, as
/// the JSON Lines export does.
fn parquet_rows(path: &Path) -> Vec<Value> {
    let reader = SerializedFileReader::new(File::open(path).unwrap()).unwrap();
    let table = path.file_stem().and_then(|s| s.to_str()).unwrap();
    let t = exported().find(|t| t.name == table).unwrap();
    reader
        .get_row_iter(None)
        .unwrap()
        .map(|row| {
            let row = row.unwrap();
            let mut o = serde_json::Map::new();
            for (name, f) in row.get_column_iter() {
                let ty = t.columns.iter().find(|c| c.name == name).unwrap().ty;
                let v = match f {
                    Field::Null => Value::Null,
                    Field::Bool(b) => json!(b),
                    Field::Long(i) => json!(i),
                    Field::Double(x) => json!(x),
                    Field::Str(s) if ty == Ty::Json => serde_json::from_str(s).unwrap(),
                    Field::Str(s) => json!(s),
                    other => panic!("{name}: unexpected {other:?}"),
                };
                o.insert(name.clone(), v);
            }
            Value::Object(o)
        })
        .collect()
}

#[test]
fn every_format_writes_every_table_with_the_same_rows() {
    let st = stored();
    let want = [3, 1, 1, 3, 1];
    for format in [Format::Jsonl, Format::Csv, Format::Parquet] {
        let dir = tempfile::tempdir().unwrap();
        let files = export(&st, format, dir.path()).unwrap();
        let counts: Vec<usize> = files.iter().map(|f| f.1).collect();
        assert_eq!(counts, want, "{format:?}");
        for (path, _) in &files {
            assert!(path.ends_with(format.extension()), "{path}");
        }
    }
}

#[test]
fn csv_quotes_fields_and_leaves_null_empty() {
    let st = stored();
    let dir = tempfile::tempdir().unwrap();
    export(&st, Format::Csv, dir.path()).unwrap();
    let quotes = std::fs::read_to_string(dir.path().join("quotes.csv")).unwrap();
    let mut lines = quotes.lines();
    assert_eq!(
        lines.next(),
        Some("article_id,idx,start,end,text,kind,speaker,speaker_name,cue,via,date")
    );
    let row = lines.next().unwrap();
    assert!(
        row.contains(",The river took about 400 homes.,direct,e-kowal,"),
        "{row}"
    );
    assert!(row.ends_with(",said,[],"), "{row}");
    let mentions = std::fs::read_to_string(dir.path().join("mentions.csv")).unwrap();
    assert!(
        mentions.contains(",PERSON,e-kowal,false,Mayor"),
        "{mentions}"
    );
}

#[test]
fn parquet_reads_back_as_the_jsonl_export() {
    let st = stored();
    let (pq, jl) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    export(&st, Format::Parquet, pq.path()).unwrap();
    export(&st, Format::Jsonl, jl.path()).unwrap();
    for t in exported() {
        let got = parquet_rows(&pq.path().join(format!("{}.parquet", t.name)));
        let want = jsonl(&jl.path().join(format!("{}.jsonl", t.name)));
        assert_eq!(got, want, "{}", t.name);
    }
    let claims = jsonl(&jl.path().join("claims.jsonl"));
    assert_eq!(claims[0]["low"], json!(350.0));
    assert_eq!(claims[0]["place"], Value::Null);
}

#[test]
fn parquet_columns_are_typed_nullable_and_compressed() {
    let st = stored();
    let dir = tempfile::tempdir().unwrap();
    export(&st, Format::Parquet, dir.path()).unwrap();
    for t in exported() {
        let path = dir.path().join(format!("{}.parquet", t.name));
        let reader = SerializedFileReader::new(File::open(&path).unwrap()).unwrap();
        let meta = reader.metadata();
        let schema = meta.file_metadata().schema_descr();
        assert_eq!(schema.num_columns(), t.columns.len(), "{}", t.name);
        for (i, c) in t.columns.iter().enumerate() {
            let col = schema.column(i);
            let want = match c.ty {
                Ty::Text | Ty::Json => Physical::BYTE_ARRAY,
                Ty::Int => Physical::INT64,
                Ty::Real => Physical::DOUBLE,
                Ty::Bool => Physical::BOOLEAN,
            };
            assert_eq!((col.name(), col.physical_type()), (c.name, want));
            let rep = col.self_type().get_basic_info().repetition();
            let nullable = rep == Repetition::OPTIONAL;
            assert_eq!(nullable, c.null, "{}.{}", t.name, c.name);
            if want == Physical::BYTE_ARRAY {
                assert!(col.logical_type_ref().is_some(), "{} is UTF-8", c.name);
            }
        }
        for rg in meta.row_groups() {
            for cc in rg.columns() {
                assert_eq!(cc.compression(), Compression::SNAPPY);
            }
        }
    }
    assert_eq!(ARTICLES.columns.len(), 11);
    assert_eq!(FACETS.len(), 4);
}

#[test]
fn a_large_table_spans_several_row_groups() {
    let st = stored();
    let n = crate::parquet_file::ROW_GROUP * 2 + 5;
    let tx = st.conn.unchecked_transaction().unwrap();
    for i in 0..n {
        tx.execute(
            "INSERT INTO timexes VALUES ('a2', ?1, 0, 8, 'Officials', '2024', 'DATE')",
            [i as i64 + 100],
        )
        .unwrap();
    }
    tx.commit().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let files = export(&st, Format::Parquet, dir.path()).unwrap();
    assert_eq!(files[4].1, n + 1);
    let reader = SerializedFileReader::new(File::open(&files[4].0).unwrap()).unwrap();
    assert_eq!(reader.metadata().num_row_groups(), 3);
    let rows = parquet_rows(Path::new(&files[4].0));
    assert_eq!(rows.len(), n + 1);
    assert_eq!(rows[n]["idx"], json!(n as i64 + 99));
}

#[test]
fn an_empty_store_exports_empty_files() {
    let st = Store::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    for format in [Format::Jsonl, Format::Csv, Format::Parquet] {
        for (path, n) in export(&st, format, dir.path()).unwrap() {
            assert_eq!(n, 0, "{path}");
        }
    }
    assert!(parquet_rows(&dir.path().join("articles.parquet")).is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]
    #[test]
    fn any_text_round_trips_through_parquet(text in "\\PC{0,60}", title in proptest::option::of("\\PC{0,20}")) {
        let mut st = Store::open_in_memory().unwrap();
        let a = Article { id: "p".into(), text: text.clone(), title: title.clone(), lang: "en".into(), ..Default::default() };
        st.ingest(&[a], &[], &[]).unwrap();
        let dir = tempfile::tempdir().unwrap();
        export(&st, Format::Parquet, dir.path()).unwrap();
        let rows = parquet_rows(&dir.path().join("articles.parquet"));
        prop_assert_eq!(rows.len(), 1);
        prop_assert_eq!(rows[0]["text"].as_str(), Some(text.as_str()));
        prop_assert_eq!(rows[0]["title"].as_str(), title.as_deref());
    }
}
