//! The JSON API under `/api/`.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use storyline_model::{Date, RawArticle};
use storyline_store::{SearchQuery, Store};

use crate::{ApiError, AppState};

type ApiResult = Result<Json<Value>, ApiError>;

/// The default and largest page sizes.
const DEFAULT_LIMIT: usize = 50;
const MAX_LIMIT: usize = 500;

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/openapi.json", get(openapi))
        .route("/api/stories", get(stories))
        .route("/api/stories/{id}", get(story))
        .route("/api/articles", get(articles).post(post_article))
        .route("/api/articles/{id}", get(article))
        .route("/api/entities", get(entities))
        .route("/api/entities/{id}", get(entity))
        .route("/api/quotes", get(quotes))
        .route("/api/claims", get(claims))
        .route("/api/search", get(search))
        .fallback(|| async { ApiError::NotFound })
}

/// Runs `f` on the store on a blocking thread.
async fn with_store<T, F>(state: &AppState, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
{
    let store = state.store.clone();
    tokio::task::spawn_blocking(move || {
        let mut guard = store
            .lock()
            .map_err(|_| ApiError::Internal("store lock poisoned".into()))?;
        f(&mut guard)
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))?
}

fn found(v: Option<Value>) -> ApiResult {
    v.map(Json).ok_or(ApiError::NotFound)
}

fn page(p: storyline_store::Page) -> ApiResult {
    Ok(Json(
        serde_json::to_value(p).map_err(|e| ApiError::Internal(e.to_string()))?,
    ))
}

#[derive(Deserialize, Default)]
struct Paging {
    limit: Option<usize>,
    offset: Option<usize>,
}

impl Paging {
    fn get(&self) -> (usize, usize) {
        paging(self.limit, self.offset)
    }
}

/// Page size and offset from the query, with defaults and bounds. (Each query struct
/// lists `limit` and `offset` itself: `serde(flatten)` loses their number types.)
fn paging(limit: Option<usize>, offset: Option<usize>) -> (usize, usize) {
    (
        limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT),
        offset.unwrap_or(0),
    )
}

async fn openapi() -> ([(axum::http::HeaderName, &'static str); 1], &'static str) {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        include_str!("assets/openapi.json"),
    )
}

async fn stories(State(s): State<AppState>, Query(p): Query<Paging>) -> ApiResult {
    let (limit, offset) = p.get();
    page(with_store(&s, move |st| Ok(st.stories(limit, offset)?)).await?)
}

async fn story(State(s): State<AppState>, Path(id): Path<String>) -> ApiResult {
    found(with_store(&s, move |st| Ok(st.story(&id)?)).await?)
}

#[derive(Deserialize)]
struct ArticleFilter {
    source: Option<String>,
    lang: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

async fn articles(State(s): State<AppState>, Query(f): Query<ArticleFilter>) -> ApiResult {
    let (limit, offset) = paging(f.limit, f.offset);
    page(
        with_store(&s, move |st| {
            Ok(st.articles(limit, offset, f.source.as_deref(), f.lang.as_deref())?)
        })
        .await?,
    )
}

async fn article(State(s): State<AppState>, Path(id): Path<String>) -> ApiResult {
    found(with_store(&s, move |st| Ok(st.article(&id)?)).await?)
}

#[derive(Deserialize)]
struct EntityFilter {
    #[serde(rename = "type")]
    kind: Option<String>,
    q: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

async fn entities(State(s): State<AppState>, Query(f): Query<EntityFilter>) -> ApiResult {
    let (limit, offset) = paging(f.limit, f.offset);
    page(
        with_store(&s, move |st| {
            Ok(st.entities(limit, offset, f.kind.as_deref(), f.q.as_deref())?)
        })
        .await?,
    )
}

async fn entity(State(s): State<AppState>, Path(id): Path<String>) -> ApiResult {
    found(with_store(&s, move |st| Ok(st.entity(&id)?)).await?)
}

#[derive(Deserialize)]
struct QuoteFilter {
    speaker: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

async fn quotes(State(s): State<AppState>, Query(f): Query<QuoteFilter>) -> ApiResult {
    let (limit, offset) = paging(f.limit, f.offset);
    let speaker = f.speaker.filter(|x| !x.is_empty());
    page(
        with_store(&s, move |st| {
            Ok(st.quotes(speaker.as_deref(), limit, offset)?)
        })
        .await?,
    )
}

#[derive(Deserialize)]
struct ClaimFilter {
    counted: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

async fn claims(State(s): State<AppState>, Query(f): Query<ClaimFilter>) -> ApiResult {
    let (limit, offset) = paging(f.limit, f.offset);
    let counted = f.counted.filter(|x| !x.is_empty());
    page(
        with_store(&s, move |st| {
            Ok(st.claims(counted.as_deref(), limit, offset)?)
        })
        .await?,
    )
}

#[derive(Deserialize)]
struct SearchParams {
    q: Option<String>,
    from: Option<String>,
    to: Option<String>,
    lang: Option<String>,
    source: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

fn date_param(name: &str, v: Option<String>) -> Result<Option<Date>, ApiError> {
    match v.filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => Date::parse(&s)
            .map(Some)
            .ok_or_else(|| ApiError::BadRequest(format!("{name}: expected YYYY-MM-DD, got {s:?}"))),
    }
}

async fn search(State(s): State<AppState>, Query(p): Query<SearchParams>) -> ApiResult {
    let (limit, offset) = paging(p.limit, p.offset);
    let sq = SearchQuery {
        q: p.q.unwrap_or_default(),
        from: date_param("from", p.from)?,
        to: date_param("to", p.to)?,
        lang: p.lang.filter(|x| !x.is_empty()),
        source: p.source.filter(|x| !x.is_empty()),
        limit,
        offset,
    };
    let (total, hits) = with_store(&s, move |st| Ok(st.search(&sq)?)).await?;
    Ok(Json(
        json!({"total": total, "limit": limit, "offset": offset, "items": hits}),
    ))
}

/// The body of `POST /api/articles`.
#[derive(Deserialize)]
struct NewArticle {
    text: String,
    id: Option<String>,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
    source: Option<String>,
    lang: Option<String>,
    author: Option<String>,
}

/// Compares without an early exit, so timing tells nothing about the token.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn authorize(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(token) = &state.token else {
        return Err(ApiError::Forbidden);
    };
    let given = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or(ApiError::Unauthorized)?;
    if same(given.trim().as_bytes(), token.as_bytes()) {
        Ok(())
    } else {
        Err(ApiError::Unauthorized)
    }
}

async fn post_article(
    State(s): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    authorize(&s, &headers)?;
    let new: NewArticle =
        serde_json::from_slice(&body).map_err(|e| ApiError::BadRequest(format!("body: {e}")))?;
    if new.text.trim().is_empty() {
        return Err(ApiError::BadRequest("text is empty".into()));
    }
    let date = date_param("date", new.date)?;
    let raw = RawArticle {
        path: new.url.clone().unwrap_or_else(|| "api".into()),
        id: new.id,
        url: new.url,
        title: new.title,
        date,
        date_source: date.map(|_| storyline_model::DateSource::Metadata),
        lang: new.lang,
        source: new.source,
        author: new.author,
        text: new.text,
        ..Default::default()
    };
    let pipeline = s.pipeline.clone();
    let article = tokio::task::spawn_blocking(move || pipeline.analyze(raw))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let id = article.id.clone();
    let stats = with_store(&s, move |st| Ok(st.ingest(&[article], &[], &[])?)).await?;
    let status = if stats.added > 0 {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        Json(
            json!({"id": id, "added": stats.added, "updated": stats.updated, "unchanged": stats.unchanged}),
        ),
    ))
}
