//! The JSON of `storyline analyze --json` (schema `storyline/1`), as CONTRACT.md defines it.
//!
//! Internal spans are byte offsets; here they become offsets in Unicode scalar values,
//! so that `text[start:end]` in Python gives the span's text.

use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::{Article, Entity, Span, Story};

/// The schema name written in every document.
pub const SCHEMA: &str = "storyline/1";

/// Converts byte offsets of one text to char offsets.
pub struct CharIndex {
    /// For non-ASCII text: the byte offset of every char start, plus the text length.
    starts: Option<Vec<usize>>,
}

impl CharIndex {
    /// Builds the index for `text` (free for ASCII text).
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharIndex { starts: None };
        }
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        CharIndex {
            starts: Some(starts),
        }
    }

    /// The char offset of byte offset `byte` (which must be a char boundary; otherwise the
    /// next boundary's char offset).
    pub fn char_of(&self, byte: usize) -> usize {
        match &self.starts {
            None => byte,
            Some(s) => s.partition_point(|&b| b < byte),
        }
    }

    /// `(start, end)` of a span, in chars.
    pub fn span(&self, span: Span) -> (usize, usize) {
        (self.char_of(span.start), self.char_of(span.end))
    }
}

fn num(x: Option<f64>) -> Value {
    match x {
        Some(v) if v.fract() == 0.0 && v.abs() < 9.0e15 => json!(v as i64),
        Some(v) if v.is_finite() => json!(v),
        _ => Value::Null,
    }
}

fn spanned(ix: &CharIndex, text: &str, span: Span) -> Map<String, Value> {
    let (s, e) = ix.span(span);
    let mut m = Map::new();
    m.insert(
        "text".into(),
        json!(text.get(span.start..span.end).unwrap_or("")),
    );
    m.insert("start".into(), json!(s));
    m.insert("end".into(), json!(e));
    m
}

/// One article as the contract's JSON object.
pub fn article_json(a: &Article) -> Value {
    let ix = CharIndex::new(&a.text);
    let t = &a.text;
    let mentions: Vec<Value> = a
        .mentions
        .iter()
        .map(|m| {
            let mut o = spanned(&ix, t, m.span);
            o.insert("type".into(), json!(m.kind.as_str()));
            o.insert("entity".into(), json!(m.entity));
            if m.resolved {
                o.insert("resolved".into(), json!(true));
            }
            if let Some(r) = &m.role {
                o.insert("role".into(), json!(r));
            }
            Value::Object(o)
        })
        .collect();
    let quotes: Vec<Value> = a
        .quotes
        .iter()
        .map(|q| {
            let mut o = spanned(&ix, t, q.span);
            o.insert("kind".into(), json!(q.kind));
            o.insert("speaker".into(), json!(q.speaker));
            o.insert("speaker_name".into(), json!(q.speaker_name));
            o.insert("cue".into(), json!(q.cue));
            o.insert("via".into(), json!(q.via));
            if let Some(d) = q.date {
                o.insert("date".into(), json!(d));
            }
            Value::Object(o)
        })
        .collect();
    let claims: Vec<Value> = a
        .claims
        .iter()
        .map(|c| {
            let mut o = spanned(&ix, t, c.span);
            o.insert("low".into(), num(c.low));
            o.insert("high".into(), num(c.high));
            o.insert("hedge".into(), json!(c.hedge));
            o.insert("counted".into(), json!(c.counted));
            o.insert("where".into(), json!(c.place));
            o.insert("source".into(), json!(c.source));
            o.insert("source_name".into(), json!(c.source_name));
            o.insert("date".into(), json!(c.date));
            if let Some(u) = &c.unit {
                o.insert("unit".into(), json!(u));
            }
            if !c.derived_from.is_empty() {
                let from: Vec<Value> = c
                    .derived_from
                    .iter()
                    .map(|s| {
                        let (a, b) = ix.span(*s);
                        json!({"start": a, "end": b})
                    })
                    .collect();
                o.insert("derived_from".into(), Value::Array(from));
            }
            Value::Object(o)
        })
        .collect();
    let timexes: Vec<Value> = a
        .timexes
        .iter()
        .map(|x| {
            let mut o = spanned(&ix, t, x.span);
            o.insert("value".into(), json!(x.value));
            o.insert("type".into(), json!(x.kind));
            Value::Object(o)
        })
        .collect();
    json!({
        "id": a.id,
        "path": a.path,
        "url": a.url,
        "title": a.title,
        "date": a.date,
        "date_source": a.date_source,
        "lang": a.lang,
        "source": a.source,
        "text": a.text,
        "duplicate_of": a.duplicate_of,
        "mentions": mentions,
        "quotes": quotes,
        "claims": claims,
        "timexes": timexes,
    })
}

/// The whole `analyze --json` document.
pub fn document(articles: &[Article], entities: &[Entity], stories: &[Story]) -> Value {
    #[derive(Serialize)]
    struct Doc<'a> {
        schema: &'static str,
        articles: Vec<Value>,
        entities: &'a [Entity],
        stories: &'a [Story],
    }
    serde_json::to_value(Doc {
        schema: SCHEMA,
        articles: articles.iter().map(article_json).collect(),
        entities,
        stories,
    })
    .unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EntityType, Mention};
    use proptest::prelude::*;

    #[test]
    fn char_offsets_for_cyrillic() {
        let text = "Володимир Зеленський said".to_string();
        let start = text.find("said").unwrap();
        let a = Article {
            text: text.clone(),
            mentions: vec![Mention {
                span: Span::new(0, start - 1),
                kind: EntityType::Person,
                entity: None,
                resolved: false,
                role: None,
            }],
            ..Default::default()
        };
        let v = article_json(&a);
        let m = &v["mentions"][0];
        assert_eq!(m["start"], 0);
        assert_eq!(m["end"], 20);
        assert_eq!(m["text"], "Володимир Зеленський");
    }

    proptest! {
        #[test]
        fn char_index_matches_char_indices(s in "\\PC{0,40}") {
            let ix = CharIndex::new(&s);
            for (ci, (bi, _)) in s.char_indices().enumerate() {
                prop_assert_eq!(ix.char_of(bi), ci);
            }
            prop_assert_eq!(ix.char_of(s.len()), s.chars().count());
        }
    }
}
