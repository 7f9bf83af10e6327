//! The columns of the exported tables, described once and shared by writing (contract
//! JSON → SQL row), reading (SQL row → JSON) and export (SQL row → JSONL, CSV, Parquet).

use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::Row as SqlRow;
use serde_json::Value;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ty {
    /// UTF-8 text.
    Text,
    /// A 64-bit integer.
    Int,
    /// A 64-bit float.
    Real,
    /// A boolean, kept as 0 or 1.
    Bool,
    /// A JSON value, kept as its text.
    Json,
}

/// One column of a table.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    /// The SQL name, also the name in every export.
    pub name: &'static str,
    /// What it holds.
    pub ty: Ty,
    /// Whether it may be NULL.
    pub null: bool,
    /// The key of the contract's JSON object it is filled from.
    pub key: &'static str,
    /// The value written when a NOT NULL text column's key is missing.
    pub default: &'static str,
}

const fn col(name: &'static str, ty: Ty) -> Column {
    Column {
        name,
        ty,
        null: false,
        key: name,
        default: "",
    }
}

const fn opt(name: &'static str, ty: Ty) -> Column {
    Column {
        null: true,
        ..col(name, ty)
    }
}

const fn text_or(name: &'static str, default: &'static str) -> Column {
    Column {
        default,
        ..col(name, Ty::Text)
    }
}

/// An exported table: its columns and the order rows come out in.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Table {
    /// The SQL name, also the file name of its export.
    pub name: &'static str,
    /// Its columns, in export order.
    pub columns: &'static [Column],
    /// `ORDER BY` of the export.
    pub order: &'static str,
}

impl Table {
    /// `SELECT` of every column, in export order.
    pub fn select(&self) -> String {
        let cols: Vec<&str> = self.columns.iter().map(|c| c.name).collect();
        format!(
            "SELECT {} FROM {} ORDER BY {}",
            cols.join(", "),
            self.name,
            self.order
        )
    }
}

/// The article columns that are exported (the stored document, hash and sequence
/// number are not).
pub(crate) const ARTICLES: Table = Table {
    name: "articles",
    order: "rowid",
    columns: &[
        col("id", Ty::Text),
        col("path", Ty::Text),
        opt("url", Ty::Text),
        opt("title", Ty::Text),
        opt("date", Ty::Text),
        opt("date_source", Ty::Text),
        text_or("lang", "und"),
        opt("source", Ty::Text),
        opt("author", Ty::Text),
        opt("duplicate_of", Ty::Text),
        col("text", Ty::Text),
    ],
};

/// The first two columns of every facet table: the article and the facet's position
/// in the article's list; the rest come from the facet's JSON object.
const KEY: [Column; 2] = [col("article_id", Ty::Text), col("idx", Ty::Int)];
const SPAN: [Column; 3] = [
    col("start", Ty::Int),
    col("end", Ty::Int),
    col("text", Ty::Text),
];

/// Mentions, quotes, claims and time expressions: one row per item of the article's
/// list of that name.
pub(crate) const FACETS: [Table; 4] = [
    Table {
        name: "mentions",
        order: "article_id, idx",
        columns: &[
            KEY[0],
            KEY[1],
            SPAN[0],
            SPAN[1],
            SPAN[2],
            text_or("type", "MISC"),
            opt("entity", Ty::Text),
            col("resolved", Ty::Bool),
            opt("role", Ty::Text),
        ],
    },
    Table {
        name: "quotes",
        order: "article_id, idx",
        columns: &[
            KEY[0],
            KEY[1],
            SPAN[0],
            SPAN[1],
            SPAN[2],
            text_or("kind", "direct"),
            opt("speaker", Ty::Text),
            opt("speaker_name", Ty::Text),
            opt("cue", Ty::Text),
            col("via", Ty::Json),
            opt("date", Ty::Text),
        ],
    },
    Table {
        name: "claims",
        order: "article_id, idx",
        columns: &[
            KEY[0],
            KEY[1],
            SPAN[0],
            SPAN[1],
            SPAN[2],
            opt("low", Ty::Real),
            opt("high", Ty::Real),
            text_or("hedge", "exact"),
            opt("counted", Ty::Text),
            opt("unit", Ty::Text),
            Column {
                key: "where",
                ..opt("place", Ty::Text)
            },
            opt("source", Ty::Text),
            text_or("source_name", "the outlet"),
            opt("date", Ty::Text),
        ],
    },
    Table {
        name: "timexes",
        order: "article_id, idx",
        columns: &[
            KEY[0],
            KEY[1],
            SPAN[0],
            SPAN[1],
            SPAN[2],
            col("value", Ty::Text),
            text_or("type", "DATE"),
        ],
    },
];

/// Every exported table, articles first.
pub(crate) fn exported() -> impl Iterator<Item = &'static Table> {
    std::iter::once(&ARTICLES).chain(FACETS.iter())
}

/// `INSERT` of a whole row of `t`.
pub(crate) fn insert_sql(t: &Table) -> String {
    let cols: Vec<&str> = t.columns.iter().map(|c| c.name).collect();
    let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO {} ({}) VALUES ({})",
        t.name,
        cols.join(", "),
        marks.join(", ")
    )
}

/// The SQL value of column `c` taken from a contract JSON object: a missing or
/// mistyped value becomes NULL where the column allows it, else its default.
pub(crate) fn sql_value(c: &Column, obj: &Value) -> SqlValue {
    let v = obj.get(c.key).filter(|v| !v.is_null());
    match c.ty {
        Ty::Text => match v.and_then(Value::as_str) {
            Some(s) => SqlValue::Text(s.to_string()),
            None if c.null => SqlValue::Null,
            None => SqlValue::Text(c.default.to_string()),
        },
        Ty::Int => match v.and_then(Value::as_i64) {
            Some(i) => SqlValue::Integer(i),
            None if c.null => SqlValue::Null,
            None => SqlValue::Integer(0),
        },
        Ty::Real => match v.and_then(Value::as_f64) {
            Some(f) => SqlValue::Real(f),
            None if c.null => SqlValue::Null,
            None => SqlValue::Real(0.0),
        },
        Ty::Bool => SqlValue::Integer(i64::from(v.and_then(Value::as_bool).unwrap_or(false))),
        Ty::Json => SqlValue::Text(v.map_or_else(|| "[]".to_string(), Value::to_string)),
    }
}

/// The JSON of one SQL value, untyped: NULL, integer, float or text.
pub(crate) fn json_of(v: ValueRef) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => i.into(),
        ValueRef::Real(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Into::into),
        ValueRef::Text(t) | ValueRef::Blob(t) => String::from_utf8_lossy(t).into_owned().into(),
    }
}

/// The JSON of one SQL value of column type `ty`: booleans as `true`/`false`, JSON text
/// as the value it holds.
pub(crate) fn typed_json(ty: Ty, v: ValueRef) -> Value {
    match (ty, v) {
        (Ty::Bool, ValueRef::Integer(i)) => Value::Bool(i != 0),
        (Ty::Json, ValueRef::Text(t)) => serde_json::from_slice(t).unwrap_or_else(|_| json_of(v)),
        _ => json_of(v),
    }
}

/// A row as a JSON object whose keys are `keys` (separated by commas), in the order
/// of the `SELECT`.
pub(crate) fn row_json(r: &SqlRow, keys: &str) -> rusqlite::Result<Value> {
    let mut o = serde_json::Map::new();
    for (i, k) in keys.split(',').enumerate() {
        o.insert(k.trim().to_string(), json_of(r.get_ref(i)?));
    }
    Ok(Value::Object(o))
}
