//! The page's own account of itself: JSON-LD first (the most structured), then
//! OpenGraph and `article:` meta tags, then `<h1>`, `<title>` and `<time>`.

use std::collections::BTreeMap;

use serde_json::Value;
use storyline_model::Date;

use super::walk::{collapse, Walk};
use crate::date;

/// JSON-LD types that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
];

/// Meta keys for the publication date, in order of preference.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
];

/// What the page says about the article.
#[derive(Debug, Default)]
pub(crate) struct Info {
    pub(crate) title: Option<String>,
    pub(crate) date: Option<Date>,
    pub(crate) author: Option<String>,
    pub(crate) source: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) lang: Option<String>,
    pub(crate) meta: BTreeMap<String, Value>,
}

impl Info {
    /// Merges every source of metadata the walk found.
    pub(crate) fn gather(w: &Walk) -> Info {
        let ld = w.json_ld.iter().find_map(|s| {
            let v: Value = serde_json::from_str(s.trim()).ok()?;
            find_article(&v).cloned()
        });
        let ld_str = |k: &str| ld.as_ref().and_then(|v| v.get(k)).and_then(text_of);
        let m = |k: &str| {
            w.metas
                .iter()
                .find(|(key, v)| key == k && !v.is_empty())
                .map(|(_, v)| v.clone())
        };
        let source = ld
            .as_ref()
            .and_then(|v| v.get("publisher"))
            .and_then(text_of)
            .or_else(|| m("og:site_name"))
            .or_else(|| m("application-name"));
        let page_title = clean_title(&collapse(&w.title), source.as_deref());
        let title = ld_str("headline")
            .or_else(|| m("og:title"))
            .or_else(|| m("twitter:title"))
            .or_else(|| w.h1.clone())
            .or(page_title)
            .map(|t| collapse(&super::decode_entities(&t)))
            .map(|t| strip_site(&t, source.as_deref()).to_string())
            .filter(|t| !t.is_empty());
        let date = ld_str("datePublished")
            .or_else(|| ld_str("dateCreated"))
            .and_then(|d| date::parse(&d))
            .or_else(|| {
                DATE_KEYS
                    .iter()
                    .filter_map(|k| m(k))
                    .find_map(|d| date::parse(&d))
            })
            .or_else(|| w.times.iter().find_map(|d| date::parse(d)));
        let author = ld
            .as_ref()
            .and_then(|v| v.get("author"))
            .and_then(text_of)
            .or_else(|| m("author"))
            .or_else(|| m("article:author").filter(|a| !a.starts_with("http")))
            .or_else(|| m("parsely-author"));
        let url = m("og:url")
            .or_else(|| w.canonical.clone())
            .or_else(|| ld_str("url"));
        let lang = w
            .lang
            .clone()
            .or_else(|| ld_str("inLanguage"))
            .or_else(|| m("og:locale"))
            .or_else(|| m("content-language"))
            .and_then(|l| {
                let primary = l.split(['-', '_']).next()?.trim().to_ascii_lowercase();
                (!primary.is_empty()).then_some(primary)
            });
        let mut meta = BTreeMap::new();
        let extra = [
            (
                "description",
                ld_str("description")
                    .or_else(|| m("og:description"))
                    .or_else(|| m("description")),
            ),
            (
                "keywords",
                ld_str("keywords")
                    .or_else(|| m("keywords"))
                    .or_else(|| m("news_keywords")),
            ),
            (
                "section",
                ld_str("articleSection").or_else(|| m("article:section")),
            ),
            (
                "modified",
                ld_str("dateModified").or_else(|| m("article:modified_time")),
            ),
        ];
        for (k, v) in extra {
            if let Some(v) = v {
                meta.insert(k.to_string(), Value::String(v));
            }
        }
        Info {
            title,
            date,
            author,
            source,
            url,
            lang,
            meta,
        }
    }
}

/// The first article object in a JSON-LD value (arrays and `@graph` searched).
fn find_article(v: &Value) -> Option<&Value> {
    match v {
        Value::Array(items) => items.iter().find_map(find_article),
        Value::Object(o) => {
            let is_article = match o.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            if is_article {
                return Some(v);
            }
            o.get("@graph").and_then(find_article)
        }
        _ => None,
    }
}

/// A string, a number, a `{"name"}` object, or a list of those joined by `, `.
fn text_of(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => collapse(s),
        Value::Number(n) => n.to_string(),
        Value::Object(o) => return o.get("name").and_then(text_of),
        Value::Array(items) => items
            .iter()
            .filter_map(text_of)
            .collect::<Vec<_>>()
            .join(", "),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// `<title>` without the site name: `Headline | Site` and `Headline - Site` (when the
/// site is known) give `Headline`.
fn clean_title(title: &str, site: Option<&str>) -> Option<String> {
    let mut t = title.trim();
    if let Some((head, _)) = t.split_once(" | ") {
        t = head.trim();
    }
    let t = strip_site(t, site);
    (!t.is_empty()).then(|| t.to_string())
}

/// `Headline - Site` (or with `|`, `–`, `—`, `::`) without the site, when the site
/// is known.
fn strip_site<'a>(title: &'a str, site: Option<&str>) -> &'a str {
    let Some(site) = site.filter(|s| !s.is_empty()) else {
        return title;
    };
    for sep in [" - ", " | ", " – ", " — ", " :: "] {
        if let Some(head) = title.strip_suffix(site).and_then(|h| h.strip_suffix(sep)) {
            if !head.trim().is_empty() {
                return head.trim();
            }
        }
    }
    title
}
