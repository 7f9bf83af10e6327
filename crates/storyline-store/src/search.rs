//! The full-text index over article title and text, derived from SQLite.
//!
//! The index is never the source of truth: every article row carries a `seq` number
//! that grows with each insert or update, and the index records the last `seq` it holds
//! in its commit payload. On open (and after each ingest) it catches up from SQLite;
//! if it is ahead of the database (a database replaced under it) it is rebuilt.

use std::ops::Bound;
use std::path::Path;

use serde::Serialize;
use storyline_model::Date;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    BooleanQuery, EnableScoring, Occur, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, Value as _, FAST, INDEXED, STORED, STRING, TEXT,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{doc, Index, IndexReader, ReloadPolicy, TantivyDocument, Term};

use crate::{Result, Store, StoreError};

/// The index's fields.
#[derive(Clone, Copy)]
pub(crate) struct Fields {
    id: Field,
    title: Field,
    text: Field,
    date: Field,
    lang: Field,
    source: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let f = Fields {
        id: b.add_text_field("id", STRING | STORED),
        title: b.add_text_field("title", TEXT),
        text: b.add_text_field("text", TEXT),
        date: b.add_i64_field("date", INDEXED | FAST),
        lang: b.add_text_field("lang", STRING),
        source: b.add_text_field("source", STRING),
    };
    (b.build(), f)
}

/// The opened index.
pub(crate) struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

impl SearchIndex {
    /// Opens (or creates) the index in folder `dir`, or in memory when `None`.
    pub(crate) fn open(dir: Option<&Path>) -> Result<SearchIndex> {
        let (schema, fields) = schema();
        let index = match dir {
            None => Index::create_in_ram(schema),
            Some(d) => {
                std::fs::create_dir_all(d)
                    .map_err(|e| StoreError::io(d.display().to_string(), e))?;
                let md = tantivy::directory::MmapDirectory::open(d)
                    .map_err(|e| StoreError::Index(e.into()))?;
                Index::open_or_create(md, schema)?
            }
        };
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
        })
    }

    /// The last `seq` the index holds.
    pub(crate) fn indexed_seq(&self) -> Result<i64> {
        let metas = self.index.load_metas()?;
        Ok(metas.payload.and_then(|p| p.parse().ok()).unwrap_or(0))
    }

    /// The number of documents the index holds.
    pub(crate) fn num_docs(&self) -> Result<u64> {
        self.reader.reload()?;
        Ok(self.reader.searcher().num_docs())
    }
}

/// One article in the rows the index is fed.
pub(crate) struct Row {
    pub id: String,
    pub title: Option<String>,
    pub text: String,
    pub date: Option<String>,
    pub lang: String,
    pub source: Option<String>,
}

impl Row {
    /// The `SELECT` whose rows [`Row::from_sql`] reads.
    pub const SELECT: &'static str = "SELECT id, title, text, date, lang, source FROM articles";

    /// One row of [`Row::SELECT`].
    pub fn from_sql(r: &rusqlite::Row) -> rusqlite::Result<Row> {
        Ok(Row {
            id: r.get(0)?,
            title: r.get(1)?,
            text: r.get(2)?,
            date: r.get(3)?,
            lang: r.get(4)?,
            source: r.get(5)?,
        })
    }
}

/// One search hit.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Hit {
    /// Article id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Dateline.
    pub date: Option<String>,
    /// Language.
    pub lang: String,
    /// Outlet.
    pub source: Option<String>,
    /// Relevance score.
    pub score: f32,
    /// A passage of the text around the matched words.
    pub snippet: String,
    /// Matched words in `snippet`, as `[start, end)` char offsets.
    pub highlights: Vec<[usize; 2]>,
}

/// A search request.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// Words, in tantivy's query language (`"exact phrase"`, `a AND b`, `title:kyiv`).
    pub q: String,
    /// Earliest dateline (inclusive).
    pub from: Option<Date>,
    /// Latest dateline (inclusive).
    pub to: Option<Date>,
    /// Language code.
    pub lang: Option<String>,
    /// Outlet, exactly.
    pub source: Option<String>,
    /// Page size.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
}

fn days(date: &str) -> Option<i64> {
    Date::parse(date).map(|d| d.to_days())
}

fn char_range(text: &str, r: std::ops::Range<usize>) -> [usize; 2] {
    let c = |b: usize| text.get(..b).map_or(0, |p| p.chars().count());
    [c(r.start), c(r.end)]
}

impl Store {
    /// Brings the index up to date with SQLite. Returns the number of articles indexed.
    /// When another process holds the index's writer lock, nothing is done.
    pub fn catch_up(&mut self) -> Result<usize> {
        let mut since = self.search.indexed_seq()?;
        let max: i64 =
            self.conn
                .query_row("SELECT COALESCE(MAX(seq), 0) FROM articles", [], |r| {
                    r.get(0)
                })?;
        if since == max {
            return Ok(0);
        }
        let mut writer: tantivy::IndexWriter =
            match self.search.index.writer_with_num_threads(1, 30_000_000) {
                Ok(w) => w,
                Err(tantivy::TantivyError::LockFailure(..)) => return Ok(0),
                Err(e) => return Err(e.into()),
            };
        if since > max {
            writer.delete_all_documents()?;
            since = 0;
        }
        let f = self.search.fields;
        let mut stmt = self
            .conn
            .prepare(&format!("{} WHERE seq > ?1 ORDER BY seq", Row::SELECT))?;
        let rows = stmt.query_map([since], Row::from_sql)?;
        let mut count = 0;
        for row in rows {
            let row = row?;
            writer.delete_term(Term::from_field_text(f.id, &row.id));
            let mut d = doc!(
                f.id => row.id.as_str(),
                f.text => row.text.as_str(),
                f.lang => row.lang.as_str(),
            );
            if let Some(t) = &row.title {
                d.add_text(f.title, t);
            }
            if let Some(s) = &row.source {
                d.add_text(f.source, s);
            }
            if let Some(x) = row.date.as_deref().and_then(days) {
                d.add_i64(f.date, x);
            }
            writer.add_document(d)?;
            count += 1;
        }
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&max.to_string());
        prepared.commit()?;
        writer.wait_merging_threads()?;
        self.search.reader.reload()?;
        Ok(count)
    }

    /// Full-text search over title and text, with filters. Returns the total number of
    /// matches and one page of hits.
    pub fn search(&self, sq: &SearchQuery) -> Result<(usize, Vec<Hit>)> {
        let f = self.search.fields;
        let searcher = self.search.reader.searcher();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut text_query: Option<Box<dyn Query>> = None;
        if !sq.q.trim().is_empty() {
            let mut parser = QueryParser::for_index(&self.search.index, vec![f.title, f.text]);
            parser.set_conjunction_by_default();
            let (mut q, _errors) = parser.parse_query_lenient(&sq.q);
            // `field:*` asks whether a field exists, which the parser accepts for any
            // name, known or not, and which only fast fields can answer: such a query
            // fails when it runs. A query that cannot run is read again with its field
            // separators as plain spaces, so that its words are still searched.
            if q.weight(EnableScoring::disabled_from_searcher(&searcher))
                .is_err()
            {
                q = parser.parse_query_lenient(&sq.q.replace(':', " ")).0;
            }
            clauses.push((Occur::Must, q.box_clone()));
            text_query = Some(q);
        } else {
            clauses.push((Occur::Must, Box::new(tantivy::query::AllQuery)));
        }
        if sq.from.is_some() || sq.to.is_some() {
            let lo = sq.from.map_or(Bound::Unbounded, |d| {
                Bound::Included(Term::from_field_i64(f.date, d.to_days()))
            });
            let hi = sq.to.map_or(Bound::Unbounded, |d| {
                Bound::Included(Term::from_field_i64(f.date, d.to_days()))
            });
            clauses.push((Occur::Must, Box::new(RangeQuery::new(lo, hi))));
        }
        for (field, value) in [(f.lang, &sq.lang), (f.source, &sq.source)] {
            if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
                clauses.push((
                    Occur::Must,
                    Box::new(TermQuery::new(
                        Term::from_field_text(field, v),
                        IndexRecordOption::Basic,
                    )),
                ));
            }
        }
        let query = BooleanQuery::new(clauses);
        let limit = sq.limit.clamp(1, 1000);
        let (top, total) = searcher.search(
            &query,
            &(
                TopDocs::with_limit(limit)
                    .and_offset(sq.offset)
                    .order_by_score(),
                Count,
            ),
        )?;
        let snippets = match &text_query {
            Some(q) => Some(SnippetGenerator::create(&searcher, q.as_ref(), f.text)?),
            None => None,
        };
        let mut hits = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let d: TantivyDocument = searcher.doc(addr)?;
            let Some(id) = d
                .get_first(f.id)
                .and_then(|v| v.as_str())
                .map(str::to_string)
            else {
                continue;
            };
            let Some(art) = self.article_row(&id)? else {
                continue;
            };
            let (snippet, highlights) = match &snippets {
                Some(g) => {
                    let sn = g.snippet(&art.text);
                    let frag = sn.fragment().to_string();
                    let hl = sn
                        .highlighted()
                        .iter()
                        .map(|r| char_range(&frag, r.clone()))
                        .collect();
                    (frag, hl)
                }
                None => (art.text.chars().take(200).collect(), Vec::new()),
            };
            hits.push(Hit {
                id,
                title: art.title,
                date: art.date,
                lang: art.lang,
                source: art.source,
                score,
                snippet,
                highlights,
            });
        }
        Ok((total, hits))
    }
}
