//! Deploy-time configuration read from index.html, so one build serves any backend:
//! `<meta name="microjam-api" content="https://api.example.org/v1">` (default `/api`, same origin).

use crate::api::Endpoints;
use crate::urls;

/// Where the API lives when index.html does not say.
pub const DEFAULT_API_BASE: &str = "/api";

/// The API endpoints for this page, resolved against the document's URL. Read on every request (a
/// meta tag lookup costs microseconds), so a page can be re-pointed without reloading.
pub fn endpoints() -> Endpoints {
    Endpoints::new(&api_base())
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
    let configured = meta("microjam-api").unwrap_or_else(|| DEFAULT_API_BASE.to_owned());
    let document_url = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    urls::resolve(&document_url, &configured).unwrap_or(configured)
}
