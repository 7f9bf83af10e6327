//! Reading the store: the queries behind the HTTP API and the web UI.
//! Every list is paged and returns its total.

use std::collections::BTreeMap;

use rusqlite::{params, OptionalExtension, Row as SqlRow, ToSql};
use serde::Serialize;
use serde_json::{json, Value};

use crate::search::Row;
use crate::table::row_json;
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

    /// Rows as JSON objects with `keys`, in the order of the `SELECT`.
    fn objects(&self, sql: &str, p: &[&dyn ToSql], keys: &str) -> Result<Vec<Value>> {
        self.rows(sql, p, |r| row_json(r, keys))
    }

    /// One page of a list: `count` takes the filter parameters `p`; `list` takes them,
    /// then the page size and offset.
    fn page<F>(
        &self,
        (count, list): (&str, &str),
        p: &[&dyn ToSql],
        (limit, offset): (usize, usize),
        f: F,
    ) -> Result<Page>
    where
        F: Fn(&SqlRow) -> rusqlite::Result<Value>,
    {
        let total = self.count(count, p)?;
        let (l, o) = (limit as i64, offset as i64);
        let mut all: Vec<&dyn ToSql> = p.to_vec();
        all.extend([&l as &dyn ToSql, &o]);
        let items = self.rows(list, &all, f)?;
        Ok(Page {
            total,
            limit,
            offset,
            items,
        })
    }

    pub(crate) fn article_row(&self, id: &str) -> Result<Option<Row>> {
        Ok(self
            .conn
            .query_row(
                &format!("{} WHERE id = ?1", Row::SELECT),
                [id],
                Row::from_sql,
            )
            .optional()?)
    }

    /// Stories, largest first.
    pub fn stories(&self, limit: usize, offset: usize) -> Result<Page> {
        self.page(
            (
                "SELECT COUNT(*) FROM stories",
                "SELECT s.id, s.title, COUNT(a.id), MIN(a.date), MAX(a.date)
                 FROM stories s LEFT JOIN story_articles m ON m.story_id = s.id
                 LEFT JOIN articles a ON a.id = m.article_id
                 GROUP BY s.id ORDER BY COUNT(a.id) DESC, s.id LIMIT ?1 OFFSET ?2",
            ),
            &[],
            (limit, offset),
            |r| row_json(r, "id, title, articles, first, last"),
        )
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
        let articles = self.objects(
            "SELECT a.id, a.title, a.date, a.source, a.duplicate_of, a.lang FROM articles a
             JOIN story_articles m ON m.article_id = a.id WHERE m.story_id = ?1
             ORDER BY a.date, a.id",
            &[&id],
            "id, title, date, source, duplicate_of, lang",
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
        let rows = self.objects(
            "SELECT c.article_id, c.idx, c.low, c.high, c.hedge, c.source_name,
                    COALESCE(c.date, a.date), c.text, c.counted
             FROM claims c JOIN story_articles m ON m.article_id = c.article_id
             JOIN articles a ON a.id = c.article_id
             WHERE m.story_id = ?1 AND c.counted IS NOT NULL AND c.counted != ''
             ORDER BY COALESCE(c.date, a.date), c.article_id, c.idx",
            &[&story],
            "article, claim, low, high, hedge, source_name, date, text, counted",
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
            &format!(
                "SELECT {QUOTE_COLUMNS} FROM quotes q
                 JOIN story_articles m ON m.article_id = q.article_id
                 JOIN articles a ON a.id = q.article_id WHERE m.story_id = ?1
                 ORDER BY COALESCE(q.speaker_name, '~'), a.date, q.article_id, q.idx"
            ),
            &[&story],
            quote_json,
        )?;
        let mut by: Vec<Value> = Vec::new();
        for q in rows {
            let key = (q["speaker"].clone(), q["speaker_name"].clone());
            match by.last_mut() {
                Some(g) if (g["speaker"].clone(), g["speaker_name"].clone()) == key => {
                    // A reprint repeats its original's quotes: each is listed once.
                    if let Some(a) = g["quotes"].as_array_mut() {
                        if !a.iter().any(|o| o["text"] == q["text"]) {
                            a.push(q);
                        }
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
        self.page(
            (
                &format!("SELECT COUNT(*) FROM articles {filter}"),
                &format!(
                    "SELECT id, title, date, lang, source, duplicate_of,
                       (SELECT COUNT(*) FROM mentions WHERE article_id = id),
                       (SELECT COUNT(*) FROM quotes WHERE article_id = id),
                       (SELECT COUNT(*) FROM claims WHERE article_id = id)
                     FROM articles {filter} ORDER BY date DESC, id LIMIT ?3 OFFSET ?4"
                ),
            ),
            &[&source, &lang],
            (limit, offset),
            |r| {
                row_json(
                    r,
                    "id, title, date, lang, source, duplicate_of, mentions, quotes, claims",
                )
            },
        )
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
        let stories = self.objects(
            "SELECT s.id, s.title FROM stories s JOIN story_articles m ON m.story_id = s.id
             WHERE m.article_id = ?1 ORDER BY s.id",
            &[&id],
            "id, title",
        )?;
        let entities = self.objects(
            "SELECT DISTINCT e.id, e.name, e.type FROM entities e JOIN mentions m ON m.entity = e.id
             WHERE m.article_id = ?1 ORDER BY e.name",
            &[&id],
            "id, name, type",
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
        self.page(
            (
                &format!("SELECT COUNT(*) FROM entities {filter}"),
                &format!(
                    "SELECT id, name, type, aliases, roles,
                       (SELECT COUNT(*) FROM entity_articles WHERE entity_id = id) AS n
                     FROM entities {filter} ORDER BY n DESC, name LIMIT ?3 OFFSET ?4"
                ),
            ),
            &[&kind, &pat],
            (limit, offset),
            entity_json,
        )
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
        let articles = self.objects(
            "SELECT a.id, a.title, a.date, a.source,
               (SELECT COUNT(*) FROM mentions m WHERE m.article_id = a.id AND m.entity = ?1)
             FROM articles a JOIN entity_articles x ON x.article_id = a.id
             WHERE x.entity_id = ?1 ORDER BY a.date, a.id",
            &[&id],
            "id, title, date, source, mentions",
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
        self.page(
            (
                &format!("SELECT COUNT(*) FROM quotes q {filter}"),
                &format!(
                    "SELECT {QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id
                     {filter} ORDER BY a.date, q.article_id, q.idx LIMIT ?3 OFFSET ?4"
                ),
            ),
            &[&speaker, &pat],
            (limit, offset),
            quote_json,
        )
    }

    /// Claims; with `counted`, only those whose counted thing contains it.
    pub fn claims(&self, counted: Option<&str>, limit: usize, offset: usize) -> Result<Page> {
        let pat = counted.map(like);
        let filter = "WHERE (?1 IS NULL OR c.counted LIKE ?1 ESCAPE '\\')";
        self.page(
            (
                &format!("SELECT COUNT(*) FROM claims c {filter}"),
                &format!(
                    "SELECT c.article_id, c.idx, c.text, c.low, c.high, c.hedge, c.counted, c.place,
                            c.source, c.source_name, COALESCE(c.date, a.date), c.unit
                     FROM claims c JOIN articles a ON a.id = c.article_id {filter}
                     ORDER BY COALESCE(c.date, a.date), c.article_id, c.idx LIMIT ?2 OFFSET ?3"
                ),
            ),
            &[&pat],
            (limit, offset),
            |r| {
                row_json(
                    r,
                    "article, claim, text, low, high, hedge, counted, where, source, source_name, date, unit",
                )
            },
        )
    }
}

fn entity_json(r: &SqlRow) -> rusqlite::Result<Value> {
    Ok(json!({
        "id": r.get::<_, String>(0)?, "name": r.get::<_, String>(1)?, "type": r.get::<_, String>(2)?,
        "aliases": opt_json(r.get(3)?), "roles": opt_json(r.get(4)?),
        "article_count": r.get::<_, i64>(5)?,
    }))
}

/// The columns of [`quote_json`], from `quotes q` joined with `articles a`.
const QUOTE_COLUMNS: &str =
    "q.article_id, q.idx, q.text, q.kind, q.speaker, q.speaker_name, q.cue, a.date";

fn quote_json(r: &SqlRow) -> rusqlite::Result<Value> {
    row_json(
        r,
        "article, quote, text, kind, speaker, speaker_name, cue, date",
    )
}
