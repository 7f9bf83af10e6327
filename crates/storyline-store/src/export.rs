//! `storyline export`: articles, mentions, quotes, claims and timexes as JSON Lines or
//! CSV, one file per table.

use std::io::Write;
use std::path::Path;

use rusqlite::types::ValueRef;

use crate::{Result, Store, StoreError};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line (`.jsonl`).
    Jsonl,
    /// Comma-separated values with a header line (`.csv`), quoted as RFC 4180.
    Csv,
}

/// The tables exported, and the columns of each.
const TABLES: &[(&str, &str)] = &[
    ("articles", "id, path, url, title, date, date_source, lang, source, author, duplicate_of, text"),
    ("mentions", "article_id, idx, start, end, text, type, entity, resolved, role"),
    ("quotes", "article_id, idx, start, end, text, kind, speaker, speaker_name, cue, via, date"),
    ("claims", "article_id, idx, start, end, text, low, high, hedge, counted, unit, place, source, source_name, date"),
    ("timexes", "article_id, idx, start, end, text, value, type"),
];

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn to_json(v: ValueRef) -> serde_json::Value {
    match v {
        ValueRef::Null => serde_json::Value::Null,
        ValueRef::Integer(i) => i.into(),
        ValueRef::Real(f) => {
            serde_json::Number::from_f64(f).map_or(serde_json::Value::Null, Into::into)
        }
        ValueRef::Text(t) | ValueRef::Blob(t) => String::from_utf8_lossy(t).into_owned().into(),
    }
}

/// Writes one file per table into `dir` (created if needed). Returns the files written
/// with their row counts.
pub fn export(store: &Store, format: Format, dir: &Path) -> Result<Vec<(String, usize)>> {
    let io = |p: &Path, e| StoreError::io(p.display().to_string(), e);
    std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    let mut written = Vec::new();
    for (table, cols) in TABLES {
        let ext = match format {
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
        };
        let path = dir.join(format!("{table}.{ext}"));
        let file = std::fs::File::create(&path).map_err(|e| io(&path, e))?;
        let mut w = std::io::BufWriter::new(file);
        let names: Vec<&str> = cols.split(", ").collect();
        if format == Format::Csv {
            writeln!(w, "{}", names.join(",")).map_err(|e| io(&path, e))?;
        }
        let order = if *table == "articles" {
            "rowid"
        } else {
            "article_id, idx"
        };
        let mut stmt = store
            .conn
            .prepare(&format!("SELECT {cols} FROM {table} ORDER BY {order}"))?;
        let mut rows = stmt.query([])?;
        let mut n = 0;
        while let Some(r) = rows.next()? {
            let line = match format {
                Format::Jsonl => {
                    let mut o = serde_json::Map::new();
                    for (i, name) in names.iter().enumerate() {
                        o.insert((*name).to_string(), to_json(r.get_ref(i)?));
                    }
                    serde_json::to_string(&o)?
                }
                Format::Csv => (0..names.len())
                    .map(|i| {
                        Ok(match to_json(r.get_ref(i)?) {
                            serde_json::Value::Null => String::new(),
                            serde_json::Value::String(s) => csv_field(&s),
                            v => v.to_string(),
                        })
                    })
                    .collect::<Result<Vec<_>>>()?
                    .join(","),
            };
            writeln!(w, "{line}").map_err(|e| io(&path, e))?;
            n += 1;
        }
        w.flush().map_err(|e| io(&path, e))?;
        written.push((path.display().to_string(), n));
    }
    Ok(written)
}
