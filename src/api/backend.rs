//! Where performances come from, chosen at deploy time: this project's JSON API (docs/api.md) or
//! Apple's CloudKit, where the MicroJam app keeps them. Pages and components only see `Backend`.

use super::{fetch, ApiError, Endpoints, Page, Performer, View};
use crate::chain::Parents;
use crate::cloudkit;
use crate::performance::Performance;
use std::sync::Arc;

/// The backend configured in index.html (see `config`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    Json(Endpoints),
    CloudKit(cloudkit::Config),
    /// Set up wrongly: every request fails with this message.
    Misconfigured(String),
}

impl Backend {
    /// The first page of a list of performances, newest first.
    pub async fn page(&self, view: &View) -> Result<Page, ApiError> {
        match self {
            Backend::Json(api) => match view {
                View::All => fetch(api.feed()).await,
                View::Instrument(name) => fetch(api.instrument(name)).await,
                View::Performer(name) => Ok(fetch::<Performer>(api.performer(name)).await?.page),
            },
            Backend::CloudKit(config) => super::cloudkit::query(config, view, None).await,
            Backend::Misconfigured(why) => Err(ApiError::Configuration(why.clone())),
        }
    }

    /// The page after the one whose `next` was `cursor`.
    pub async fn next(&self, cursor: &str) -> Result<Page, ApiError> {
        match self {
            Backend::Json(_) => fetch(cursor.to_owned()).await,
            Backend::CloudKit(config) => match cloudkit::parse_cursor(cursor) {
                Some((view, marker)) => super::cloudkit::query(config, &view, Some(&marker)).await,
                None => Err(ApiError::Decode(format!("not a CloudKit cursor: {cursor}"))),
            },
            Backend::Misconfigured(why) => Err(ApiError::Configuration(why.clone())),
        }
    }

    /// One performance; `Status(404)` when there is none.
    pub async fn performance(&self, id: &str) -> Result<Performance, ApiError> {
        match self {
            Backend::Json(api) => fetch(api.performance(id)).await,
            Backend::CloudKit(config) => {
                let found = super::cloudkit::lookup(config, vec![id.to_owned()]).await?;
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
                let each = ids.iter().map(|id| fetch::<Performance>(api.performance(id)));
                let mut parents = Parents {
                    found: Vec::new(),
                    answered: true,
                };
                for result in futures::future::join_all(each).await {
                    match result {
                        Ok(p) => parents.found.push(Arc::new(p)),
                        Err(e) => parents.answered &= e.is_not_found(),
                    }
                }
                parents
            }
            Backend::CloudKit(config) => match super::cloudkit::lookup(config, ids).await {
                Ok(found) => Parents { found, answered: true },
                Err(_) => Parents::default(),
            },
            Backend::Misconfigured(_) => Parents::default(),
        }
    }

    /// A performer and the first page of their performances; `Status(404)` for nobody.
    pub async fn performer(&self, name: &str) -> Result<Performer, ApiError> {
        match self {
            Backend::Json(api) => fetch(api.performer(name)).await,
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
