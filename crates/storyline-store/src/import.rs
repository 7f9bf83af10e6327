//! Reading an `analyze --json` document (schema `storyline/1`) back for storing, so
//! that an analysis made elsewhere, or annotated by hand, can be loaded as it is.

use serde_json::Value;
use storyline_model::{contract::SCHEMA, ClaimGroup, Entity, EntityType, Story, TimelineEntry};

use crate::{Result, StoreError};

/// What a document held, checked.
#[derive(Debug, Default)]
pub struct Imported {
    /// Articles as contract JSON objects, with facets whose offsets do not index the
    /// text dropped.
    pub articles: Vec<Value>,
    /// Entities.
    pub entities: Vec<Entity>,
    /// Stories.
    pub stories: Vec<Story>,
    /// Problems found (dropped items), in words.
    pub warnings: Vec<String>,
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// True when `item`'s `start`/`end` are char offsets of `chars` giving its `text`.
fn span_ok(chars: &[char], item: &Value) -> bool {
    let (Some(s), Some(e)) = (
        item.get("start").and_then(Value::as_u64),
        item.get("end").and_then(Value::as_u64),
    ) else {
        return false;
    };
    let (s, e) = (s as usize, e as usize);
    let Some(slice) = chars.get(s..e) else {
        return false;
    };
    match item.get("text").and_then(Value::as_str) {
        Some(t) => slice.iter().copied().eq(t.chars()),
        None => false,
    }
}

/// Checks and splits a `storyline/1` document.
pub fn import_document(doc: &Value) -> Result<Imported> {
    if doc.get("schema").and_then(Value::as_str) != Some(SCHEMA) {
        return Err(StoreError::Contract(format!(
            "\"schema\" is not {SCHEMA:?}"
        )));
    }
    let mut out = Imported::default();
    for (i, a) in doc
        .get("articles")
        .and_then(Value::as_array)
        .ok_or_else(|| StoreError::Contract("no \"articles\" list".into()))?
        .iter()
        .enumerate()
    {
        let (Some(id), Some(text)) = (
            a.get("id")
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty()),
            a.get("text").and_then(Value::as_str),
        ) else {
            out.warnings
                .push(format!("article {i}: no id or text; skipped"));
            continue;
        };
        let chars: Vec<char> = text.chars().collect();
        let mut a = a.clone();
        for key in ["mentions", "quotes", "claims", "timexes"] {
            if let Some(list) = a.get_mut(key).and_then(Value::as_array_mut) {
                let before = list.len();
                list.retain(|x| span_ok(&chars, x));
                if list.len() < before {
                    out.warnings.push(format!(
                        "article {id}: {} {key} whose offsets do not give their text; dropped",
                        before - list.len()
                    ));
                }
            }
        }
        out.articles.push(a);
    }
    for e in doc
        .get("entities")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let (Some(id), Some(name)) = (
            e.get("id").and_then(Value::as_str),
            e.get("name").and_then(Value::as_str),
        ) else {
            out.warnings
                .push("an entity without id or name; skipped".into());
            continue;
        };
        out.entities.push(Entity {
            id: id.into(),
            name: name.into(),
            kind: e
                .get("type")
                .and_then(Value::as_str)
                .and_then(EntityType::parse)
                .unwrap_or(EntityType::Misc),
            aliases: strings(&e["aliases"]),
            roles: strings(&e["roles"]),
            articles: strings(&e["articles"]),
        });
    }
    for s in doc
        .get("stories")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(id) = s.get("id").and_then(Value::as_str) else {
            out.warnings.push("a story without id; skipped".into());
            continue;
        };
        let mut claims = Vec::new();
        for g in s
            .get("claims")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let mut g = g.clone();
            if let Some(o) = g.as_object_mut() {
                o.entry("disagree").or_insert(Value::Bool(false));
            }
            match serde_json::from_value::<ClaimGroup>(g) {
                Ok(g) => claims.push(g),
                Err(e) => out.warnings.push(format!("story {id}: a claim group: {e}")),
            }
        }
        let timeline: Vec<TimelineEntry> = s
            .get("timeline")
            .and_then(|t| serde_json::from_value(t.clone()).ok())
            .unwrap_or_default();
        out.stories.push(Story {
            id: id.into(),
            title: s.get("title").and_then(Value::as_str).unwrap_or(id).into(),
            articles: strings(&s["articles"]),
            claims,
            timeline,
        });
    }
    Ok(out)
}
