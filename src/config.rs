//! Deploy-time configuration read from index.html, so one build serves any backend:
//! `<meta name="microjam-api" content="https://api.example.org/v1">` (default `/api`, same origin),
//! or `<meta name="microjam-backend" content="cloudkit">` with the container's
//! `microjam-cloudkit-container`, `-environment` (default production) and `-token`. The build writes
//! where the sound engine is: `microjam-engine` (its wasm module) and `microjam-engine-processor` (the
//! AudioWorklet script), file names with a content hash (scripts/engine-hook.sh).

use crate::api::{Backend, Endpoints};
use crate::{cloudkit, urls};

/// Where the API lives when index.html does not say.
pub const DEFAULT_API_BASE: &str = "/api";

/// The API endpoints for this page, resolved against the document's URL. Read on every request (a
/// meta tag lookup costs microseconds), so a page can be re-pointed without reloading.
pub fn endpoints() -> Endpoints {
    Endpoints::new(&api_base())
}

/// The backend to read performances from. Read on every request, like `endpoints`.
pub fn backend() -> Backend {
    match meta("microjam-backend").as_deref() {
        None | Some("json") => Backend::Json(endpoints()),
        Some("cloudkit") => {
            let (container, token) = (meta("microjam-cloudkit-container"), meta("microjam-cloudkit-token"));
            match (container, token) {
                (Some(container), Some(token)) => Backend::CloudKit(cloudkit::Config {
                    url: meta("microjam-cloudkit-url").unwrap_or_else(|| cloudkit::DEFAULT_URL.to_owned()),
                    container,
                    environment: meta("microjam-cloudkit-environment").unwrap_or_else(|| "production".to_owned()),
                    token,
                }),
                _ => Backend::Misconfigured(
                    "This site is set to read CloudKit but index.html lacks microjam-cloudkit-container or \
                     microjam-cloudkit-token."
                        .to_owned(),
                ),
            }
        }
        Some(other) => Backend::Misconfigured(format!(
            "This site's index.html names an unknown backend “{other}” in microjam-backend (use json or cloudkit)."
        )),
    }
}

/// The sound engine's files, resolved against the document's URL: (wasm module, processor script).
/// None when the page does not name them (a build without the engine hook).
pub fn engine_files() -> Option<(String, String)> {
    let (module, processor) = (meta("microjam-engine")?, meta("microjam-engine-processor")?);
    Some((resolved(&module), resolved(&processor)))
}

fn resolved(url: &str) -> String {
    let document_url = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    urls::resolve(&document_url, url).unwrap_or_else(|| url.to_owned())
}

fn meta(name: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let element = document.query_selector(&format!("meta[name=\"{name}\"]")).ok()??;
    element
        .get_attribute("content")
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty())
}

fn api_base() -> String {
    resolved(&meta("microjam-api").unwrap_or_else(|| DEFAULT_API_BASE.to_owned()))
}
