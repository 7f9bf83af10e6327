//! API tests through the router, without a socket.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use storyline_model::{Article, Date, Entity, EntityType, Mention, Span, Story};
use storyline_pipeline::Pipeline;
use storyline_store::Store;
use tower::ServiceExt;

use super::*;

fn state(token: Option<&str>) -> AppState {
    let mut store = Store::open_in_memory().unwrap();
    let text = "Port officials in Gdańsk said 40 cranes stood idle.";
    let s = text.find("Gdańsk").unwrap();
    let a = Article {
        id: "a1".into(),
        title: Some("Cranes idle".into()),
        date: Date::parse("2024-09-02"),
        lang: "en".into(),
        source: Some("Baltic Wire".into()),
        text: text.into(),
        mentions: vec![Mention {
            span: Span::new(s, s + "Gdańsk".len()),
            kind: EntityType::Gpe,
            entity: Some("e1".into()),
            resolved: false,
            role: None,
        }],
        ..Default::default()
    };
    let e = Entity {
        id: "e1".into(),
        name: "Gdańsk".into(),
        kind: EntityType::Gpe,
        aliases: vec!["Gdańsk".into(), "Danzig".into()],
        roles: vec![],
        articles: vec!["a1".into()],
    };
    let st = Story {
        id: "s1".into(),
        title: "Port strike".into(),
        articles: vec!["a1".into()],
        claims: vec![],
        timeline: vec![],
    };
    store.ingest(&[a], &[e], &[st]).unwrap();
    AppState::new(
        store,
        Pipeline::new(Default::default()),
        token.map(str::to_string),
    )
}

async fn call(state: &AppState, req: Request<Body>) -> (StatusCode, Value, axum::http::HeaderMap) {
    let res = router(state.clone()).oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let v = serde_json::from_slice(&bytes)
        .unwrap_or(Value::String(String::from_utf8_lossy(&bytes).into()));
    (status, v, headers)
}

async fn get(state: &AppState, uri: &str) -> (StatusCode, Value) {
    let (s, v, _) = call(state, Request::get(uri).body(Body::empty()).unwrap()).await;
    (s, v)
}

#[tokio::test]
async fn every_read_endpoint_answers() {
    let st = state(None);
    let cases: &[(&str, StatusCode, &str, Value)] = &[
        ("/api/stories", StatusCode::OK, "/total", json!(1)),
        (
            "/api/stories/s1",
            StatusCode::OK,
            "/sources/0/independent",
            json!(1),
        ),
        (
            "/api/stories/nope",
            StatusCode::NOT_FOUND,
            "/error",
            json!("not found"),
        ),
        (
            "/api/articles?limit=1",
            StatusCode::OK,
            "/items/0/id",
            json!("a1"),
        ),
        (
            "/api/articles?source=Nobody",
            StatusCode::OK,
            "/total",
            json!(0),
        ),
        (
            "/api/articles/a1",
            StatusCode::OK,
            "/mentions/0/start",
            json!(18),
        ),
        (
            "/api/entities",
            StatusCode::OK,
            "/items/0/name",
            json!("Gdańsk"),
        ),
        (
            "/api/entities/e1",
            StatusCode::OK,
            "/aliases/1",
            json!("Danzig"),
        ),
        ("/api/quotes?speaker=x", StatusCode::OK, "/total", json!(0)),
        (
            "/api/claims?counted=cranes",
            StatusCode::OK,
            "/total",
            json!(0),
        ),
        (
            "/api/search?q=cranes",
            StatusCode::OK,
            "/items/0/id",
            json!("a1"),
        ),
        (
            "/api/search?q=cranes&from=2024-09-03",
            StatusCode::OK,
            "/total",
            json!(0),
        ),
        (
            "/api/search?q=cranes&lang=en&source=Baltic%20Wire",
            StatusCode::OK,
            "/total",
            json!(1),
        ),
        (
            "/api/search?q=x&from=yesterday",
            StatusCode::BAD_REQUEST,
            "/error",
            json!("from: expected YYYY-MM-DD, got \"yesterday\""),
        ),
        (
            "/api/stories?limit=0&offset=5",
            StatusCode::OK,
            "/limit",
            json!(1),
        ),
        (
            "/api/openapi.json",
            StatusCode::OK,
            "/openapi",
            json!("3.0.3"),
        ),
        (
            "/api/nothing",
            StatusCode::NOT_FOUND,
            "/error",
            json!("not found"),
        ),
    ];
    for (uri, status, pointer, want) in cases {
        let (s, v) = get(&st, uri).await;
        assert_eq!(s, *status, "{uri}: {v}");
        assert_eq!(v.pointer(pointer), Some(want), "{uri}: {v}");
    }
}

#[tokio::test]
async fn ui_is_served_with_a_strict_policy() {
    let st = state(None);
    for (uri, kind) in [
        ("/", "text/html"),
        ("/app.js", "text/javascript"),
        ("/app.css", "text/css"),
    ] {
        let (s, _, h) = call(&st, Request::get(uri).body(Body::empty()).unwrap()).await;
        assert_eq!(s, StatusCode::OK);
        assert!(h["content-type"].to_str().unwrap().starts_with(kind));
        assert!(h["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("script-src 'self'"));
    }
}

fn post(body: &str, auth: Option<&str>) -> Request<Body> {
    let mut b = Request::post("/api/articles").header("content-type", "application/json");
    if let Some(a) = auth {
        b = b.header("authorization", a);
    }
    b.body(Body::from(body.to_string())).unwrap()
}

#[tokio::test]
async fn posting_needs_the_token() {
    let body = r#"{"id": "p1", "title": "Ferry resumes", "date": "2024-09-03", "text": "The night ferry to the islands resumed service on Tuesday."}"#;
    let closed = state(None);
    assert_eq!(
        call(&closed, post(body, Some("Bearer t"))).await.0,
        StatusCode::FORBIDDEN
    );
    let st = state(Some("s3cret"));
    assert_eq!(
        call(&st, post(body, None)).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        call(&st, post(body, Some("Bearer wrong"))).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        call(&st, post("{}", Some("Bearer s3cret"))).await.0,
        StatusCode::BAD_REQUEST
    );
    let (s, v, _) = call(&st, post(body, Some("Bearer s3cret"))).await;
    assert_eq!((s, &v["id"]), (StatusCode::CREATED, &json!("p1")));
    let (s, v, _) = call(&st, post(body, Some("Bearer s3cret"))).await;
    assert_eq!((s, &v["unchanged"]), (StatusCode::OK, &json!(1)));
    assert_eq!(
        get(&st, "/api/search?q=ferry").await.1["items"][0]["id"],
        "p1"
    );
    assert_eq!(get(&st, "/api/articles/p1").await.1["date"], "2024-09-03");
}
