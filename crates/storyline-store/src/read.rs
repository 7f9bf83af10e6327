//! Reading the store: the queries behind the HTTP API and the web UI.
//! Every list is paged and returns its total.

use std::collections::BTreeMap;

use rusqlite::{params, OptionalExtension, Row as SqlRow, ToSql};
use serde::Serialize;
use serde_json::{json, Value};

use crate::search::Row;
use crate::{Result, Store};

/// One page of a list.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Page {
    /// Items in the whole list.
    pub total: usize,
    /// Page size asked for.
    pub limit: usize,
    /// Items skipped.
    pub offset: usize,
    /// This page.
    pub items: Vec<Value>,
}

/// How many articles of a story come from one outlet.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct StoryCounts {
    /// The outlet (`unknown` when not known).
    pub source: String,
    /// Articles that repeat no earlier one.
    pub independent: usize,
    /// Near-duplicates of another article (wire copies, reprints).
    pub duplicates: usize,
}

fn opt_json(s: Option<String>) -> Value {
    s.and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(Value::Array(vec![]))
}

fn like(s: &str) -> String {
    let esc = s
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{esc}%")
}

fn overlaps(a: (Option<f64>, Option<f64>), b: (Option<f64>, Option<f64>)) -> bool {
    let lo = |x: Option<f64>| x.unwrap_or(f64::NEG_INFINITY);
    let hi = |x: Option<f64>| x.unwrap_or(f64::INFINITY);
    lo(a.0) <= hi(b.1) && lo(b.0) <= hi(a.1)
}

impl Store {
    fn count(&self, sql: &str, p: &[&dyn ToSql]) -> Result<usize> {
        let n: i64 = self.conn.query_row(sql, p, |r| r.get(0))?;
        Ok(n.max(0) as usize)
    }

    fn rows<F>(&self, sql: &str, p: &[&dyn ToSql], f: F) -> Result<Vec<Value>>
    where
        F: Fn(&SqlRow) -> rusqlite::Result<Value>,
    {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let out = stmt.query_map(p, &f)?.collect::<rusqlite::Result<_>>()?;
        Ok(out)
    }

    pub(crate) fn article_row(&self, id: &str) -> Result<Option<Row>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, title, text, date, lang, source FROM articles WHERE id = ?1",
                [id],
                |r| {
                    Ok(Row {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        text: r.get(2)?,
                        date: r.get(3)?,
                        lang: r.get(4)?,
                        source: r.get(5)?,
                    })
                },
            )
            .optional()?)
    }

    /// Stories, largest first.
    pub fn stories(&self, limit: usize, offset: usize) -> Result<Page> {
        let total = self.count("SELECT COUNT(*) FROM stories", &[])?;
        let items = self.rows(
            "SELECT s.id, s.title, COUNT(a.id), MIN(a.date), MAX(a.date)
             FROM stories s LEFT JOIN story_articles m ON m.story_id = s.id
             LEFT JOIN articles a ON a.id = m.article_id
             GROUP BY s.id ORDER BY COUNT(a.id) DESC, s.id LIMIT ?1 OFFSET ?2",
            &[&(limit as i64), &(offset as i64)],
            |r| {
                Ok(json!({
                    "id": r.get::<_, String>(0)?, "title": r.get::<_, String>(1)?,
                    "articles": r.get::<_, i64>(2)?, "first": r.get::<_, Option<String>>(3)?,
                    "last": r.get::<_, Option<String>>(4)?,
                }))
            },
        )?;
        Ok(Page {
            total,
            limit,
            offset,
            items,
        })
    }

    /// One story: its articles, sources, claim groups, timeline and quotes by speaker.
    pub fn story(&self, id: &str) -> Result<Option<Value>> {
        let row: Option<(String, String, String)> = self
            .conn
            .query_row(
                "SELECT title, claims, timeline FROM stories WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((title, claims, timeline)) = row else {
            return Ok(None);
        };
        let articles = self.rows(
            "SELECT a.id, a.title, a.date, a.source, a.duplicate_of, a.lang FROM articles a
             JOIN story_articles m ON m.article_id = a.id WHERE m.story_id = ?1
             ORDER BY a.date, a.id",
            &[&id],
            |r| {
                Ok(json!({
                    "id": r.get::<_, String>(0)?, "title": r.get::<_, Option<String>>(1)?,
                    "date": r.get::<_, Option<String>>(2)?, "source": r.get::<_, Option<String>>(3)?,
                    "duplicate_of": r.get::<_, Option<String>>(4)?, "lang": r.get::<_, String>(5)?,
                }))
            },
        )?;
        let mut sources: BTreeMap<String, StoryCounts> = BTreeMap::new();
        for a in &articles {
            let name = a["source"].as_str().unwrap_or("unknown").to_string();
            let c = sources.entry(name.clone()).or_insert(StoryCounts {
                source: name,
                independent: 0,
                duplicates: 0,
            });
            if a["duplicate_of"].is_null() {
                c.independent += 1;
            } else {
                c.duplicates += 1;
            }
        }
        let mut groups = opt_json(Some(claims));
        if !matches!(groups.as_array(), Some(g) if !g.is_empty()) {
            groups = self.claim_groups(id)?;
        } else {
            self.add_claim_texts(&mut groups)?;
        }
        let mut timeline = opt_json(Some(timeline));
        if !matches!(timeline.as_array(), Some(t) if !t.is_empty()) {
            timeline = Value::Array(
                articles
                    .iter()
                    .filter(|a| a["date"].is_string())
                    .map(|a| json!({"date": a["date"], "article": a["id"], "text": a["title"], "kind": "published"}))
                    .collect(),
            );
        }
        let quotes = self.story_quotes(id)?;
        Ok(Some(json!({
            "id": id, "title": title, "articles": articles,
            "sources": sources.into_values().collect::<Vec<_>>(),
            "independent": articles.iter().filter(|a| a["duplicate_of"].is_null()).count(),
            "duplicates": articles.iter().filter(|a| !a["duplicate_of"].is_null()).count(),
            "claims": groups, "timeline": timeline, "quotes": quotes,
        })))
    }

    /// Adds each value's claim text to stored claim groups.
    fn add_claim_texts(&self, groups: &mut Value) -> Result<()> {
        for g in groups.as_array_mut().into_iter().flatten() {
            for v in g
                .get_mut("values")
                .and_then(Value::as_array_mut)
                .into_iter()
                .flatten()
            {
                let art = v["article"].as_str().unwrap_or("").to_string();
                let idx = v["claim"].as_i64().unwrap_or(-1);
                let text: Option<String> = self
                    .conn
                    .query_row(
                        "SELECT text FROM claims WHERE article_id = ?1 AND idx = ?2",
                        params![art, idx],
                        |r| r.get(0),
                    )
                    .optional()?;
                v["text"] = json!(text);
            }
        }
        Ok(())
    }

    /// Claim groups computed from the stored claims of a story's articles, grouped by
    /// what they count (case-insensitive), for stories stored without groups.
    fn claim_groups(&self, story: &str) -> Result<Value> {
        let rows = self.rows(
            "SELECT c.article_id, c.idx, c.low, c.high, c.hedge, c.source_name, c.date, c.text,
                    c.counted, a.date FROM claims c JOIN story_articles m ON m.article_id = c.article_id
             JOIN articles a ON a.id = c.article_id
             WHERE m.story_id = ?1 AND c.counted IS NOT NULL AND c.counted != ''
             ORDER BY COALESCE(c.date, a.date), c.article_id, c.idx",
            &[&story],
            |r| {
                Ok(json!({
                    "article": r.get::<_, String>(0)?, "claim": r.get::<_, i64>(1)?,
                    "low": r.get::<_, Option<f64>>(2)?, "high": r.get::<_, Option<f64>>(3)?,
                    "hedge": r.get::<_, String>(4)?, "source_name": r.get::<_, String>(5)?,
                    "date": r.get::<_, Option<String>>(6)?.or(r.get::<_, Option<String>>(9)?),
                    "text": r.get::<_, String>(7)?, "counted": r.get::<_, String>(8)?,
                }))
            },
        )?;
        let mut groups: BTreeMap<String, (String, Vec<Value>)> = BTreeMap::new();
        for mut v in rows {
            let counted = v["counted"].as_str().unwrap_or("").trim().to_string();
            if let Some(o) = v.as_object_mut() {
                o.remove("counted");
            }
            groups
                .entry(counted.to_lowercase())
                .or_insert_with(|| (counted.clone(), Vec::new()))
                .1
                .push(v);
        }
        let out = groups
            .into_values()
            .map(|(counted, values)| {
                let iv: Vec<_> = values
                    .iter()
                    .map(|v| (v["low"].as_f64(), v["high"].as_f64()))
                    .collect();
                let disagree = iv
                    .iter()
                    .enumerate()
                    .any(|(i, a)| iv[i + 1..].iter().any(|b| !overlaps(*a, *b)));
                json!({"counted": counted, "values": values, "disagree": disagree})
            })
            .collect();
        Ok(Value::Array(out))
    }

    fn story_quotes(&self, story: &str) -> Result<Value> {
        let rows = self.rows(
            "SELECT q.article_id, q.idx, q.text, q.kind, q.speaker, q.speaker_name, q.cue, a.date
             FROM quotes q JOIN story_articles m ON m.article_id = q.article_id
             JOIN articles a ON a.id = q.article_id WHERE m.story_id = ?1
             ORDER BY COALESCE(q.speaker_name, '~'), a.date, q.article_id, q.idx",
            &[&story],
            quote_json,
        )?;
        let mut by: Vec<Value> = Vec::new();
        for q in rows {
            let key = (q["speaker"].clone(), q["speaker_name"].clone());
            match by.last_mut() {
                Some(g) if (g["speaker"].clone(), g["speaker_name"].clone()) == key => {
                    if let Some(a) = g["quotes"].as_array_mut() {
                        a.push(q);
                    }
                }
                _ => by.push(json!({"speaker": key.0, "speaker_name": key.1, "quotes": [q]})),
            }
        }
        Ok(Value::Array(by))
    }

    /// Articles, newest first; optionally only one outlet's or one language's.
    pub fn articles(
        &self,
        limit: usize,
        offset: usize,
        source: Option<&str>,
        lang: Option<&str>,
    ) -> Result<Page> {
        let filter = "WHERE (?1 IS NULL OR source = ?1) AND (?2 IS NULL OR lang = ?2)";
        let total = self.count(
            &format!("SELECT COUNT(*) FROM articles {filter}"),
            &[&source, &lang],
        )?;
        let items = self.rows(
            &format!(
                "SELECT id, title, date, lang, source, duplicate_of,
                   (SELECT COUNT(*) FROM mentions WHERE article_id = id),
                   (SELECT COUNT(*) FROM quotes WHERE article_id = id),
                   (SELECT COUNT(*) FROM claims WHERE article_id = id)
                 FROM articles {filter} ORDER BY date DESC, id LIMIT ?3 OFFSET ?4"
            ),
            &[&source, &lang, &(limit as i64), &(offset as i64)],
            |r| {
                Ok(json!({
                    "id": r.get::<_, String>(0)?, "title": r.get::<_, Option<String>>(1)?,
                    "date": r.get::<_, Option<String>>(2)?, "lang": r.get::<_, String>(3)?,
                    "source": r.get::<_, Option<String>>(4)?, "duplicate_of": r.get::<_, Option<String>>(5)?,
                    "mentions": r.get::<_, i64>(6)?, "quotes": r.get::<_, i64>(7)?, "claims": r.get::<_, i64>(8)?,
                }))
            },
        )?;
        Ok(Page {
            total,
            limit,
            offset,
            items,
        })
    }

    /// One article as the contract's JSON, plus the stories it belongs to and the
    /// entities its mentions name.
    pub fn article(&self, id: &str) -> Result<Option<Value>> {
        let doc: Option<String> = self
            .conn
            .query_row("SELECT doc FROM articles WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        let Some(doc) = doc else { return Ok(None) };
        let mut doc: Value = serde_json::from_str(&doc)?;
        let stories = self.rows(
            "SELECT s.id, s.title FROM stories s JOIN story_articles m ON m.story_id = s.id
             WHERE m.article_id = ?1 ORDER BY s.id",
            &[&id],
            |r| Ok(json!({"id": r.get::<_, String>(0)?, "title": r.get::<_, String>(1)?})),
        )?;
        let entities = self.rows(
            "SELECT DISTINCT e.id, e.name, e.type FROM entities e JOIN mentions m ON m.entity = e.id
             WHERE m.article_id = ?1 ORDER BY e.name",
            &[&id],
            |r| Ok(json!({"id": r.get::<_, String>(0)?, "name": r.get::<_, String>(1)?, "type": r.get::<_, String>(2)?})),
        )?;
        if let Some(o) = doc.as_object_mut() {
            o.insert("stories".into(), Value::Array(stories));
            o.insert("entities".into(), Value::Array(entities));
        }
        Ok(Some(doc))
    }

    /// Entities, most-mentioned first; optionally of one type or with `q` in the name.
    pub fn entities(
        &self,
        limit: usize,
        offset: usize,
        kind: Option<&str>,
        q: Option<&str>,
    ) -> Result<Page> {
        let pat = q.map(like);
        let filter = "WHERE (?1 IS NULL OR type = ?1) AND (?2 IS NULL OR name LIKE ?2 ESCAPE '\\' OR aliases LIKE ?2 ESCAPE '\\')";
        let total = self.count(
            &format!("SELECT COUNT(*) FROM entities {filter}"),
            &[&kind, &pat],
        )?;
        let items = self.rows(
            &format!(
                "SELECT id, name, type, aliases, roles,
                   (SELECT COUNT(*) FROM entity_articles WHERE entity_id = id) AS n
                 FROM entities {filter} ORDER BY n DESC, name LIMIT ?3 OFFSET ?4"
            ),
            &[&kind, &pat, &(limit as i64), &(offset as i64)],
            entity_json,
        )?;
        Ok(Page {
            total,
            limit,
            offset,
            items,
        })
    }

    /// One entity with its articles and the quotes it is the speaker of.
    pub fn entity(&self, id: &str) -> Result<Option<Value>> {
        let e = self
            .conn
            .query_row(
                "SELECT id, name, type, aliases, roles,
                   (SELECT COUNT(*) FROM entity_articles WHERE entity_id = id) FROM entities WHERE id = ?1",
                [id],
                entity_json,
            )
            .optional()?;
        let Some(mut e) = e else { return Ok(None) };
        let articles = self.rows(
            "SELECT a.id, a.title, a.date, a.source,
               (SELECT COUNT(*) FROM mentions m WHERE m.article_id = a.id AND m.entity = ?1)
             FROM articles a JOIN entity_articles x ON x.article_id = a.id
             WHERE x.entity_id = ?1 ORDER BY a.date, a.id",
            &[&id],
            |r| {
                Ok(json!({
                    "id": r.get::<_, String>(0)?, "title": r.get::<_, Option<String>>(1)?,
                    "date": r.get::<_, Option<String>>(2)?, "source": r.get::<_, Option<String>>(3)?,
                    "mentions": r.get::<_, i64>(4)?,
                }))
            },
        )?;
        let quotes = self.quotes(Some(id), 100, 0)?;
        let roles_in_text = self.rows(
            "SELECT DISTINCT role FROM mentions WHERE entity = ?1 AND role IS NOT NULL ORDER BY role",
            &[&id],
            |r| Ok(json!(r.get::<_, String>(0)?)),
        )?;
        if let Some(o) = e.as_object_mut() {
            if let Some(roles) = o.get_mut("roles").and_then(Value::as_array_mut) {
                for r in roles_in_text {
                    if !roles.contains(&r) {
                        roles.push(r);
                    }
                }
            }
            o.insert("articles".into(), Value::Array(articles));
            o.insert("quotes".into(), json!(quotes));
        }
        Ok(Some(e))
    }

    /// Quotes; with `speaker`, only those whose speaker id is it or whose speaker name
    /// contains it (case-insensitive).
    pub fn quotes(&self, speaker: Option<&str>, limit: usize, offset: usize) -> Result<Page> {
        let pat = speaker.map(like);
        let filter = "WHERE (?1 IS NULL OR q.speaker = ?1 OR q.speaker_name LIKE ?2 ESCAPE '\\')";
        let total = self.count(
            &format!("SELECT COUNT(*) FROM quotes q {filter}"),
            &[&speaker, &pat],
        )?;
        let items = self.rows(
            &format!(
                "SELECT q.article_id, q.idx, q.text, q.kind, q.speaker, q.speaker_name, q.cue, a.date
                 FROM quotes q JOIN articles a ON a.id = q.article_id {filter}
                 ORDER BY a.date, q.article_id, q.idx LIMIT ?3 OFFSET ?4"
            ),
            &[&speaker, &pat, &(limit as i64), &(offset as i64)],
            quote_json,
        )?;
        Ok(Page {
            total,
            limit,
            offset,
            items,
        })
    }

    /// Claims; with `counted`, only those whose counted thing contains it.
    pub fn claims(&self, counted: Option<&str>, limit: usize, offset: usize) -> Result<Page> {
        let pat = counted.map(like);
        let filter = "WHERE (?1 IS NULL OR c.counted LIKE ?1 ESCAPE '\\')";
        let total = self.count(&format!("SELECT COUNT(*) FROM claims c {filter}"), &[&pat])?;
        let items = self.rows(
            &format!(
                "SELECT c.article_id, c.idx, c.text, c.low, c.high, c.hedge, c.counted, c.place,
                        c.source, c.source_name, COALESCE(c.date, a.date), c.unit
                 FROM claims c JOIN articles a ON a.id = c.article_id {filter}
                 ORDER BY COALESCE(c.date, a.date), c.article_id, c.idx LIMIT ?2 OFFSET ?3"
            ),
            &[&pat, &(limit as i64), &(offset as i64)],
            |r| {
                Ok(json!({
                    "article": r.get::<_, String>(0)?, "claim": r.get::<_, i64>(1)?,
                    "text": r.get::<_, String>(2)?, "low": r.get::<_, Option<f64>>(3)?,
                    "high": r.get::<_, Option<f64>>(4)?, "hedge": r.get::<_, String>(5)?,
                    "counted": r.get::<_, Option<String>>(6)?, "where": r.get::<_, Option<String>>(7)?,
                    "source": r.get::<_, Option<String>>(8)?, "source_name": r.get::<_, String>(9)?,
                    "date": r.get::<_, Option<String>>(10)?, "unit": r.get::<_, Option<String>>(11)?,
                }))
            },
        )?;
        Ok(Page {
            total,
            limit,
            offset,
            items,
        })
    }
}

fn entity_json(r: &SqlRow) -> rusqlite::Result<Value> {
    Ok(json!({
        "id": r.get::<_, String>(0)?, "name": r.get::<_, String>(1)?, "type": r.get::<_, String>(2)?,
        "aliases": opt_json(r.get(3)?), "roles": opt_json(r.get(4)?),
        "article_count": r.get::<_, i64>(5)?,
    }))
}

fn quote_json(r: &SqlRow) -> rusqlite::Result<Value> {
    Ok(json!({
        "article": r.get::<_, String>(0)?, "quote": r.get::<_, i64>(1)?,
        "text": r.get::<_, String>(2)?, "kind": r.get::<_, String>(3)?,
        "speaker": r.get::<_, Option<String>>(4)?, "speaker_name": r.get::<_, Option<String>>(5)?,
        "cue": r.get::<_, Option<String>>(6)?, "date": r.get::<_, Option<String>>(7)?,
    }))
}
