//! The backend JSON API (docs/api.md): endpoint URLs, wire models, errors, and in the browser the one
//! generic fetch.

mod error;
pub mod wire;

#[cfg(target_arch = "wasm32")]
mod backend;
#[cfg(target_arch = "wasm32")]
mod cloudkit;
#[cfg(target_arch = "wasm32")]
mod fetch;
#[cfg(target_arch = "wasm32")]
pub mod jams;

#[cfg(target_arch = "wasm32")]
pub use backend::Backend;
pub use error::ApiError;
#[cfg(target_arch = "wasm32")]
pub use fetch::{fetch, fetch_bytes, fetch_with_timeout, Decode, TIMEOUT};
pub use wire::{Page, Performer};

use crate::urls::encode_segment;

/// A list of performances, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    All,
    Performer(String),
    Instrument(String),
}

/// The URLs of API v1 under one base, e.g. `https://microjam.info/api`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    base: String,
}

impl Endpoints {
    /// `base` is an absolute URL; a trailing '/' is ignored.
    pub fn new(base: &str) -> Self {
        Endpoints {
            base: base.trim().trim_end_matches('/').to_owned(),
        }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// The public feed, newest first.
    pub fn feed(&self) -> String {
        format!("{}/performances.json", self.base)
    }

    pub fn performance(&self, id: &str) -> String {
        format!("{}/performances/{}.json", self.base, encode_segment(id))
    }

    pub fn performer(&self, name: &str) -> String {
        format!("{}/performers/{}.json", self.base, encode_segment(name))
    }

    pub fn instrument(&self, instrument: &str) -> String {
        format!("{}/instruments/{}.json", self.base, encode_segment(instrument))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_encode_their_segments() {
        let api = Endpoints::new("http://h.test/api/");
        assert_eq!(api.feed(), "http://h.test/api/performances.json");
        assert_eq!(api.performance("a/b"), "http://h.test/api/performances/a%2Fb.json");
        assert_eq!(
            api.performer("Åse Ny"),
            "http://h.test/api/performers/%C3%85se%20Ny.json"
        );
        assert_eq!(api.instrument("drums"), "http://h.test/api/instruments/drums.json");
    }
}
