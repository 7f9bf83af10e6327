//! The HTTP API and web UI over the store: the only crate that knows HTTP.
//!
//! [`router`] builds the axum application: a JSON API under `/api/` (documented by the
//! OpenAPI 3 document at `/api/openapi.json`) and a small web UI at `/`, whose HTML,
//! CSS and JavaScript are compiled into the binary. Reads need no credentials; the one
//! write, `POST /api/articles`, needs `Authorization: Bearer TOKEN` and is refused when
//! the server was started without a token.
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use storyline_server::{serve, AppState};
//! let store = storyline_store::Store::open(std::path::Path::new("storyline.db"))?;
//! let state = AppState::new(store, storyline_pipeline::Pipeline::new(Default::default()), None);
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! serve(listener, state).await?;
//! # Ok(()) }
//! ```
#![warn(missing_docs)]

use std::sync::{Arc, Mutex};

use axum::Router;
use storyline_pipeline::Pipeline;
use storyline_store::Store;

mod api;
mod error;
mod ui;

pub use error::ApiError;

/// What every request handler shares.
#[derive(Clone)]
pub struct AppState {
    store: Arc<Mutex<Store>>,
    pipeline: Arc<Pipeline>,
    token: Option<Arc<str>>,
}

impl AppState {
    /// The state over an opened store; `token` enables `POST /api/articles`.
    pub fn new(store: Store, pipeline: Pipeline, token: Option<String>) -> AppState {
        AppState {
            store: Arc::new(Mutex::new(store)),
            pipeline: Arc::new(pipeline),
            token: token.filter(|t| !t.is_empty()).map(Arc::from),
        }
    }
}

/// The whole application: API and UI.
pub fn router(state: AppState) -> Router {
    api::routes()
        .merge(ui::routes())
        .layer(axum::middleware::from_fn(ui::security_headers))
        .with_state(state)
}

/// Serves `state` on `listener` until Ctrl-C.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}

#[cfg(test)]
mod tests;
