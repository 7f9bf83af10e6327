//! The SQLite schema and its migrations, versioned with `PRAGMA user_version`.

use rusqlite::Connection;

use crate::{Result, StoreError};

/// Each migration takes the schema from version `i` to `i + 1`. Never edit one that has
/// shipped: add a new one at the end.
const MIGRATIONS: &[&str] = &[
    // 1: the first schema.
    r#"
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        url TEXT,
        title TEXT,
        date TEXT,
        date_source TEXT,
        lang TEXT NOT NULL,
        source TEXT,
        author TEXT,
        text TEXT NOT NULL,
        duplicate_of TEXT,
        doc TEXT NOT NULL,
        hash TEXT NOT NULL,
        seq INTEGER NOT NULL
    );
    CREATE INDEX articles_date ON articles(date);
    CREATE INDEX articles_seq ON articles(seq);
    CREATE TABLE mentions (
        article_id TEXT NOT NULL, idx INTEGER NOT NULL,
        start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
        type TEXT NOT NULL, entity TEXT, resolved INTEGER NOT NULL, role TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX mentions_entity ON mentions(entity);
    CREATE TABLE quotes (
        article_id TEXT NOT NULL, idx INTEGER NOT NULL,
        start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
        kind TEXT NOT NULL, speaker TEXT, speaker_name TEXT, cue TEXT,
        via TEXT NOT NULL, date TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker);
    CREATE TABLE claims (
        article_id TEXT NOT NULL, idx INTEGER NOT NULL,
        start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
        low REAL, high REAL, hedge TEXT NOT NULL, counted TEXT, unit TEXT,
        place TEXT, source TEXT, source_name TEXT NOT NULL, date TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX claims_counted ON claims(counted);
    CREATE TABLE timexes (
        article_id TEXT NOT NULL, idx INTEGER NOT NULL,
        start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
        value TEXT NOT NULL, type TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    );
    CREATE TABLE entities (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL,
        aliases TEXT NOT NULL, roles TEXT NOT NULL
    );
    CREATE TABLE entity_articles (
        entity_id TEXT NOT NULL, article_id TEXT NOT NULL,
        PRIMARY KEY (entity_id, article_id)
    );
    CREATE TABLE stories (
        id TEXT PRIMARY KEY, title TEXT NOT NULL,
        claims TEXT NOT NULL, timeline TEXT NOT NULL
    );
    CREATE TABLE story_articles (
        story_id TEXT NOT NULL, article_id TEXT NOT NULL,
        PRIMARY KEY (story_id, article_id)
    );
    CREATE INDEX story_articles_article ON story_articles(article_id);
    "#,
];

/// The schema version this build writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the database up to [`VERSION`], one transaction per step.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > VERSION {
        return Err(StoreError::TooNew {
            found,
            supported: VERSION,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found.max(0) as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}
