//! Why the sound engine could not play: shown under the Play button (or the WAV button) in the
//! page's one error style, `components::ErrorPanel`.

use crate::backend::ApiError;
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EngineError {
    /// index.html does not say where the engine's files are (a build without its hook).
    NotConfigured,
    /// The engine's wasm module could not be downloaded.
    Fetch(ApiError),
    /// The browser could not start it (no AudioWorklet, or the module or the script refused); the
    /// browser's own words, for the console.
    Start(String),
}

impl EngineError {
    /// From a JavaScript exception or rejection.
    pub fn start(error: &JsValue) -> EngineError {
        EngineError::Start(match error.dyn_ref::<js_sys::Error>() {
            Some(e) => format!("{}: {}", String::from(e.name()), String::from(e.message())),
            None => error.as_string().unwrap_or_else(|| format!("{error:?}")),
        })
    }

    /// What a visitor is told.
    pub fn message(&self) -> String {
        match self {
            EngineError::NotConfigured => {
                "This copy of the site was built without its sound engine, so jams can't play here.".into()
            }
            EngineError::Fetch(ApiError::Status(code)) => {
                format!("The sound engine could not be downloaded (HTTP {code}). Reload the page and try again.")
            }
            EngineError::Fetch(_) => "Can't download the sound engine. Check your connection and try again.".into(),
            EngineError::Start(_) => "This browser could not start the sound engine, so jams can't play here.".into(),
        }
    }
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EngineError::Fetch(e) => write!(f, "{} ({e})", self.message()),
            EngineError::Start(detail) => write!(f, "{} ({detail})", self.message()),
            EngineError::NotConfigured => f.write_str(&self.message()),
        }
    }
}
