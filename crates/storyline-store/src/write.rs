//! Writing analysed articles, entities and stories: incremental and idempotent.

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, OptionalExtension, Transaction};
use serde_json::Value;
use storyline_model::{contract, stable_hash, Article, Entity, Story};

use crate::table::{insert_sql, sql_value, FACETS};
use crate::{Result, Store};

/// How many articles go into one transaction.
pub const BATCH: usize = 256;

/// What an ingest changed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct IngestStats {
    /// Articles that were new.
    pub added: usize,
    /// Articles already stored whose analysis changed.
    pub updated: usize,
    /// Articles already stored exactly as given.
    pub unchanged: usize,
}

fn s<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn items<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = (usize, &'a Value)> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| a.as_slice())
        .unwrap_or(&[])
        .iter()
        .enumerate()
}

impl Store {
    /// Stores analysed articles (and the entities and stories found across them).
    /// Re-ingesting an identical article changes nothing.
    pub fn ingest(
        &mut self,
        articles: &[Article],
        entities: &[Entity],
        stories: &[Story],
    ) -> Result<IngestStats> {
        let docs: Vec<Value> = articles.iter().map(contract::article_json).collect();
        self.ingest_docs(&docs, entities, stories)
    }

    /// Stores articles given as the contract's JSON objects (offsets in chars), with
    /// the entities and stories found across them. One transaction per [`BATCH`]
    /// articles; the search index is caught up at the end.
    pub fn ingest_docs(
        &mut self,
        docs: &[Value],
        entities: &[Entity],
        stories: &[Story],
    ) -> Result<IngestStats> {
        let mut stats = IngestStats::default();
        let chunks: Vec<&[Value]> = if docs.is_empty() {
            vec![docs]
        } else {
            docs.chunks(BATCH).collect()
        };
        let last = chunks.len() - 1;
        for (i, chunk) in chunks.into_iter().enumerate() {
            let tx = self.conn.transaction()?;
            let mut seq: i64 =
                tx.query_row("SELECT COALESCE(MAX(seq), 0) FROM articles", [], |r| {
                    r.get(0)
                })?;
            for doc in chunk {
                put_article(&tx, doc, &mut seq, &mut stats)?;
            }
            if i == last {
                for e in entities {
                    put_entity(&tx, e)?;
                }
                for st in stories {
                    put_story(&tx, st)?;
                }
            }
            tx.commit()?;
        }
        self.catch_up()?;
        Ok(stats)
    }
}

fn put_article(
    tx: &Transaction,
    doc: &Value,
    seq: &mut i64,
    stats: &mut IngestStats,
) -> Result<()> {
    let Some(id) = s(doc, "id") else {
        return Ok(());
    };
    let body = serde_json::to_string(doc)?;
    let hash = format!("{:016x}", stable_hash(&[body.as_bytes()]));
    let old: Option<String> = tx
        .query_row("SELECT hash FROM articles WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    match old {
        Some(h) if h == hash => {
            stats.unchanged += 1;
            return Ok(());
        }
        Some(_) => {
            stats.updated += 1;
            for t in &FACETS {
                tx.execute(
                    &format!("DELETE FROM {} WHERE article_id = ?1", t.name),
                    [id],
                )?;
            }
        }
        None => stats.added += 1,
    }
    *seq += 1;
    tx.execute(
        "INSERT INTO articles (id, path, url, title, date, date_source, lang, source, author,
                               text, duplicate_of, doc, hash, seq)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT(id) DO UPDATE SET path = ?2, url = ?3, title = ?4, date = ?5,
             date_source = ?6, lang = ?7, source = ?8, author = ?9, text = ?10,
             duplicate_of = ?11, doc = ?12, hash = ?13, seq = ?14",
        params![
            id,
            s(doc, "path").unwrap_or(""),
            s(doc, "url"),
            s(doc, "title"),
            s(doc, "date"),
            s(doc, "date_source"),
            s(doc, "lang").unwrap_or("und"),
            s(doc, "source"),
            s(doc, "author"),
            s(doc, "text").unwrap_or(""),
            s(doc, "duplicate_of"),
            body,
            hash,
            *seq
        ],
    )?;
    for t in &FACETS {
        let mut stmt = tx.prepare_cached(&insert_sql(t))?;
        for (i, item) in items(doc, t.name) {
            let row = t.columns.iter().enumerate().map(|(k, c)| match k {
                0 => SqlValue::Text(id.to_string()),
                1 => SqlValue::Integer(i as i64),
                _ => sql_value(c, item),
            });
            stmt.execute(params_from_iter(row))?;
        }
    }
    for (_, m) in items(doc, "mentions") {
        if let Some(e) = s(m, "entity") {
            tx.execute(
                "INSERT OR IGNORE INTO entity_articles VALUES (?1, ?2)",
                [e, id],
            )?;
        }
    }
    Ok(())
}

/// Appends the items of `new` missing from the JSON list `old`, keeping order.
fn union(old: Option<String>, new: &[String]) -> Result<String> {
    let mut list: Vec<String> = match old {
        Some(o) => serde_json::from_str(&o)?,
        None => Vec::new(),
    };
    for x in new {
        if !list.contains(x) {
            list.push(x.clone());
        }
    }
    Ok(serde_json::to_string(&list)?)
}

fn put_entity(tx: &Transaction, e: &Entity) -> Result<()> {
    let old: Option<(String, String)> = tx
        .query_row(
            "SELECT aliases, roles FROM entities WHERE id = ?1",
            [&e.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (aliases, roles) = match old {
        Some((a, r)) => (union(Some(a), &e.aliases)?, union(Some(r), &e.roles)?),
        None => (union(None, &e.aliases)?, union(None, &e.roles)?),
    };
    tx.execute(
        "INSERT INTO entities VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(id) DO UPDATE SET name = ?2, type = ?3, aliases = ?4, roles = ?5",
        params![e.id, e.name, e.kind.as_str(), aliases, roles],
    )?;
    for a in &e.articles {
        tx.execute(
            "INSERT OR IGNORE INTO entity_articles VALUES (?1, ?2)",
            [&e.id, a],
        )?;
    }
    Ok(())
}

fn put_story(tx: &Transaction, st: &Story) -> Result<()> {
    tx.execute(
        "INSERT INTO stories VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(id) DO UPDATE SET title = ?2, claims = ?3, timeline = ?4",
        params![
            st.id,
            st.title,
            serde_json::to_string(&st.claims)?,
            serde_json::to_string(&st.timeline)?
        ],
    )?;
    for a in &st.articles {
        tx.execute(
            "INSERT OR IGNORE INTO story_articles VALUES (?1, ?2)",
            [&st.id, a],
        )?;
    }
    Ok(())
}
