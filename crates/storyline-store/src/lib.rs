//! The embedded database and full-text index that `storyline ingest` writes and
//! `storyline serve` reads.
//!
//! SQLite (WAL mode, schema versioned with `PRAGMA user_version`) is the source of
//! truth: one row per article, with its contract JSON, and one table per facet
//! (mentions, quotes, claims, timexes), plus entities and stories with their members.
//! A tantivy index over title and text, kept in the folder `<db>.index` beside the
//! database, is derived from it and caught up on open.
//!
//! ```
//! use storyline_model::Article;
//! use storyline_store::{Page, Store};
//! let mut store = Store::open_in_memory().unwrap();
//! let a = Article { id: "a1".into(), text: "Floods hit the valley.".into(), lang: "en".into(), ..Default::default() };
//! let stats = store.ingest(&[a.clone()], &[], &[]).unwrap();
//! assert_eq!(stats.added, 1);
//! assert_eq!(store.ingest(&[a], &[], &[]).unwrap().unchanged, 1);
//! let (total, hits) = store.search(&storyline_store::SearchQuery { q: "floods".into(), limit: 10, ..Default::default() }).unwrap();
//! assert_eq!((total, hits[0].id.as_str()), (1, "a1"));
//! ```
#![warn(missing_docs)]

use std::path::{Path, PathBuf};

use rusqlite::Connection;

mod error;
mod export;
mod import;
mod parquet_file;
mod read;
mod schema;
mod search;
mod table;
mod write;

pub use error::{Result, StoreError};
pub use export::{export, Format};
pub use import::{import_document, Imported};
pub use read::{Page, StoryCounts};
pub use schema::VERSION as SCHEMA_VERSION;
pub use search::{Hit, SearchQuery};
pub use write::{IngestStats, BATCH};

/// The store: a SQLite database and its full-text index.
pub struct Store {
    conn: Connection,
    search: search::SearchIndex,
    path: Option<PathBuf>,
}

/// The folder of the full-text index that belongs to the database at `db`.
pub fn index_dir(db: &Path) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(".index");
    PathBuf::from(s)
}

impl Store {
    /// Opens (creating if needed) the store at `path`, migrates its schema, and
    /// catches the search index up.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| StoreError::io(parent.display().to_string(), e))?;
        }
        let conn = Connection::open(path)?;
        let search = search::SearchIndex::open(Some(&index_dir(path)))?;
        Store::setup(conn, search, Some(path.to_path_buf()))
    }

    /// A store that lives in memory (for tests and one-off runs).
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        let search = search::SearchIndex::open(None)?;
        Store::setup(conn, search, None)
    }

    fn setup(
        mut conn: Connection,
        search: search::SearchIndex,
        path: Option<PathBuf>,
    ) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        schema::migrate(&mut conn)?;
        let mut store = Store { conn, search, path };
        store.catch_up()?;
        Ok(store)
    }

    /// Where the database lives (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version on disk.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Consistency figures: articles in the database, distinct ids among them,
    /// documents in the search index, and whether the index is caught up.
    pub fn check(&self) -> Result<serde_json::Value> {
        let (rows, ids, max): (i64, i64, i64) = self.conn.query_row(
            "SELECT COUNT(*), COUNT(DISTINCT id), COALESCE(MAX(seq), 0) FROM articles",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let docs = self.search.num_docs()?;
        let seq = self.search.indexed_seq()?;
        let ok = rows == ids && docs as i64 == rows && seq == max;
        Ok(serde_json::json!({
            "articles": rows, "distinct_ids": ids, "indexed": docs,
            "indexed_seq": seq, "seq": max, "ok": ok,
        }))
    }
}

#[cfg(test)]
mod export_tests;
#[cfg(test)]
mod tests;
