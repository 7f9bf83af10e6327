//! What the watcher remembers between runs: each feed's validators and the set of
//! page URLs already fetched.
//!
//! # Why a state file beside the database, not a table in it
//!
//! The state lives in `<db>.watch.json`, written whole to a temporary file and
//! renamed over the old one (so a crash leaves the old or the new state, never half
//! of one). A table in the store's SQLite database was the alternative; the file
//! wins here because:
//!
//! - the store stays about analysed content: its schema, migrations and
//!   `storyline ingest --check` know nothing of crawling, and a store can be copied
//!   or rebuilt without dragging crawl state along (or be re-crawled by deleting one
//!   file);
//! - no atomicity across the two is needed: the state is saved only after a feed's
//!   new articles are stored, and storing an article twice changes nothing, so a
//!   crash in between costs at most re-fetching that feed's pages once;
//! - it is plain JSON that an operator can read and edit.
//!
//! The cost is that the whole file is rewritten at each save; at ~100 bytes per URL
//! that is fine into the hundred thousands of URLs. Past that, the seen-set belongs
//! in a SQLite table (a migration in `storyline-store`).

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// `ETag` and `Last-Modified` of a feed's last `200` answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validators {
    /// Sent back as `If-None-Match`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// Sent back as `If-Modified-Since`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

impl Validators {
    /// True when there is nothing to send.
    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }
}

/// The persisted state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// Validators per feed or sitemap URL.
    #[serde(default)]
    pub feeds: BTreeMap<String, Validators>,
    /// Page URLs fetched (or given up on for good), without fragments.
    #[serde(default)]
    pub seen: BTreeSet<String>,
}

/// The state file that belongs to the database at `db`: `<db>.watch.json`.
pub fn state_path(db: &Path) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(".watch.json");
    PathBuf::from(s)
}

impl State {
    /// Loads the state at `path`; a missing file is an empty state.
    pub fn load(path: &Path) -> io::Result<State> {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{}: {e}", path.display()),
                )
            }),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(State::default()),
            Err(e) => Err(e),
        }
    }

    /// Saves the state to `path` atomically (write a temporary file, then rename).
    pub fn save(&self, path: &Path) -> io::Result<()> {
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(".tmp");
        let tmp = PathBuf::from(tmp);
        let json = serde_json::to_vec_pretty(self).map_err(io::Error::other)?;
        std::fs::write(&tmp, json)?;
        std::fs::rename(&tmp, path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_missing() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("s.db");
        let path = state_path(&db);
        assert!(path.ends_with("s.db.watch.json"));
        assert_eq!(State::load(&path).unwrap(), State::default());
        let mut st = State::default();
        st.feeds.insert(
            "http://h.example/rss".into(),
            Validators {
                etag: Some("\"v1\"".into()),
                last_modified: None,
            },
        );
        st.seen.insert("http://h.example/a".into());
        st.save(&path).unwrap();
        assert_eq!(State::load(&path).unwrap(), st);
        std::fs::write(&path, b"{not json").unwrap();
        assert!(State::load(&path).is_err());
    }
}
