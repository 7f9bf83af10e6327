//! `storyline export`: articles, mentions, quotes, claims and timexes as JSON Lines, CSV
//! or Parquet, one file per table. The columns and their types are those of
//! [`crate::table`]: the same in every format.

use std::io::Write;
use std::path::Path;

use rusqlite::types::ValueRef;

use crate::table::{exported, typed_json, Column, Table};
use crate::{Result, Store, StoreError};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line (`.jsonl`).
    Jsonl,
    /// Comma-separated values with a header line (`.csv`), quoted as RFC 4180.
    Csv,
    /// Apache Parquet (`.parquet`): typed columns (INT64, DOUBLE, BOOLEAN, UTF-8 text),
    /// optional where NULL can occur, Snappy-compressed.
    Parquet,
}

impl Format {
    /// The format named `name` (`jsonl`, `csv` or `parquet`).
    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "jsonl" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            "parquet" => Some(Format::Parquet),
            _ => None,
        }
    }

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Parquet => "parquet",
        }
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One row as a CSV line (without its line break): NULL is an empty field.
fn csv_line(columns: &[Column], r: &rusqlite::Row) -> Result<String> {
    let mut fields = Vec::with_capacity(columns.len());
    for (i, c) in columns.iter().enumerate() {
        fields.push(match r.get_ref(i)? {
            ValueRef::Null => String::new(),
            ValueRef::Text(t) => csv_field(&String::from_utf8_lossy(t)),
            v => typed_json(c.ty, v).to_string(),
        });
    }
    Ok(fields.join(","))
}

/// One row as a JSON object (without its line break).
fn json_line(columns: &[Column], r: &rusqlite::Row) -> Result<String> {
    let mut o = serde_json::Map::with_capacity(columns.len());
    for (i, c) in columns.iter().enumerate() {
        o.insert(c.name.to_string(), typed_json(c.ty, r.get_ref(i)?));
    }
    Ok(serde_json::to_string(&o)?)
}

/// Writes `t` as text lines (JSONL or CSV) to `path`. Returns the row count.
fn write_lines(store: &Store, t: &Table, format: Format, path: &Path) -> Result<usize> {
    let io = |e| StoreError::io(path.display().to_string(), e);
    let file = std::fs::File::create(path).map_err(io)?;
    let mut w = std::io::BufWriter::new(file);
    if format == Format::Csv {
        let names: Vec<&str> = t.columns.iter().map(|c| c.name).collect();
        writeln!(w, "{}", names.join(",")).map_err(io)?;
    }
    let mut stmt = store.conn.prepare(&t.select())?;
    let mut rows = stmt.query([])?;
    let mut n = 0;
    while let Some(r) = rows.next()? {
        let line = match format {
            Format::Csv => csv_line(t.columns, r)?,
            _ => json_line(t.columns, r)?,
        };
        writeln!(w, "{line}").map_err(io)?;
        n += 1;
    }
    w.flush().map_err(io)?;
    Ok(n)
}

/// Writes one file per table into `dir` (created if needed), named after the table
/// (`articles.jsonl`, `mentions.parquet`, …). Returns the files written with their row
/// counts.
pub fn export(store: &Store, format: Format, dir: &Path) -> Result<Vec<(String, usize)>> {
    std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir.display().to_string(), e))?;
    let mut written = Vec::new();
    for t in exported() {
        let path = dir.join(format!("{}.{}", t.name, format.extension()));
        let n = match format {
            Format::Parquet => crate::parquet_file::write_table(store, t, &path)?,
            _ => write_lines(store, t, format, &path)?,
        };
        written.push((path.display().to_string(), n));
    }
    Ok(written)
}
