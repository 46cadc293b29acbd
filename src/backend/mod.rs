//! Where performances come from, chosen at deploy time (`config`): this project's JSON API
//! (docs/api.md, `json`) or Apple's CloudKit, where the MicroJam app keeps them (`cloudkit`). Pages
//! and components only see `Backend`, the views it lists and the `Page`s it answers with. The
//! modules point one way (scripts/module-cycles.py): `page` and `error` use no other; `http` the
//! error; `early` http's answer; `json` and `cloudkit` those three; this file the two backends; `config` this file and the
//! backends' settings; `jams` the configured backend.

pub mod cloudkit;
pub mod config;
#[cfg(target_arch = "wasm32")]
pub mod early;
mod error;
#[cfg(target_arch = "wasm32")]
pub mod http;
#[cfg(target_arch = "wasm32")]
pub mod jams;
pub mod json;
mod page;

pub use error::ApiError;
pub use page::{keep_valid, skipped_summary, Cursor, Page, Performer, Skipped, View};

#[cfg(target_arch = "wasm32")]
use crate::{chain::Parents, performance::Performance};

/// The backend configured in index.html (see `config`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    Json(json::Endpoints),
    CloudKit(cloudkit::Config),
    /// Set up wrongly: every request fails with this message.
    Misconfigured(String),
}

#[cfg(target_arch = "wasm32")]
impl Backend {
    /// The first page of a list of performances, newest first.
    pub async fn page(&self, view: &View) -> Result<Page, ApiError> {
        match self {
            Backend::Json(api) => match view {
                View::All => json::fetch(api.feed()).await,
                View::Instrument(name) => json::fetch(api.instrument(name)).await,
                View::Performer(name) => Ok(json::fetch::<Performer>(api.performer(name)).await?.page),
            },
            Backend::CloudKit(config) => cloudkit::client::query(config, view, None).await,
            Backend::Misconfigured(why) => Err(ApiError::Configuration(why.clone())),
        }
    }

    /// The page that starts at `cursor` (a page's `next`).
    pub async fn next(&self, cursor: &Cursor) -> Result<Page, ApiError> {
        match (self, cursor) {
            (Backend::Json(_), Cursor::Url(url)) => json::fetch(url.clone()).await,
            (Backend::CloudKit(config), Cursor::CloudKit { view, marker }) => {
                cloudkit::client::query(config, view, Some(marker)).await
            }
            (Backend::Misconfigured(why), _) => Err(ApiError::Configuration(why.clone())),
            _ => Err(ApiError::Decode("a cursor of another backend".to_owned())),
        }
    }

    /// One performance; `Status(404)` when there is none.
    pub async fn performance(&self, id: &str) -> Result<Performance, ApiError> {
        match self {
            Backend::Json(api) => json::fetch(api.performance(id)).await,
            Backend::CloudKit(config) => {
                let found = cloudkit::client::lookup(config, vec![id.to_owned()]).await?;
                found
                    .into_iter()
                    .next()
                    .map(|p| (*p).clone())
                    .ok_or(ApiError::Status(404))
            }
            Backend::Misconfigured(why) => Err(ApiError::Configuration(why.clone())),
        }
    }

    /// The performances with these ids (a jam's parents, in one request where the backend allows
    /// it), and whether every one not found is known not to exist.
    pub async fn lookup(&self, ids: Vec<String>) -> Parents {
        match self {
            Backend::Json(api) => {
                let each = ids.iter().map(|id| json::fetch::<Performance>(api.performance(id)));
                let mut parents = Parents {
                    found: Vec::new(),
                    answered: true,
                };
                for result in futures::future::join_all(each).await {
                    match result {
                        Ok(p) => parents.found.push(std::sync::Arc::new(p)),
                        Err(e) => parents.answered &= e.is_not_found(),
                    }
                }
                parents
            }
            Backend::CloudKit(config) => match cloudkit::client::lookup(config, ids).await {
                Ok(found) => Parents { found, answered: true },
                Err(_) => Parents::default(),
            },
            Backend::Misconfigured(_) => Parents::default(),
        }
    }

    /// A performer and the first page of their performances; `Status(404)` for nobody.
    pub async fn performer(&self, name: &str) -> Result<Performer, ApiError> {
        match self {
            Backend::Json(api) => json::fetch(api.performer(name)).await,
            Backend::CloudKit(_) => {
                // CloudKit keeps no performer records: their colours are those of their newest performance.
                let page = self.page(&View::Performer(name.to_owned())).await?;
                let newest = page.performances.first().ok_or(ApiError::Status(404))?.clone();
                Ok(Performer {
                    name: newest.performer.clone(),
                    colour: newest.colour,
                    background: newest.background,
                    page,
                })
            }
            Backend::Misconfigured(why) => Err(ApiError::Configuration(why.clone())),
        }
    }
}
