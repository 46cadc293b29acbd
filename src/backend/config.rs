//! Deploy-time configuration read from index.html, so one build serves any backend:
//! `<meta name="microjam-api" content="https://api.example.org/v1">` (default `/api`, same origin),
//! or `<meta name="microjam-backend" content="cloudkit">` with the container's
//! `microjam-cloudkit-container`, `-environment` (default production) and `-token`. The backend is
//! read once, as the App starts (`load`). The build writes where the sound engine is:
//! `microjam-engine` (its wasm module) and `microjam-engine-processor` (the AudioWorklet script), file
//! names with a content hash (scripts/engine-hook.sh), read when the engine loads.

use super::{cloudkit, json::Endpoints, Backend};
use crate::urls;

/// Where the API lives when index.html does not say.
pub const DEFAULT_API_BASE: &str = "/api";

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The backend `load` read.
    static BACKEND: std::cell::RefCell<Option<Backend>> = const { std::cell::RefCell::new(None) };
}

/// The backend that index.html's settings name: `setting` reads one (None when absent or empty),
/// and a relative API base is resolved against `document_url`.
pub fn backend_from(setting: impl Fn(&str) -> Option<String>, document_url: &str) -> Backend {
    match setting("microjam-backend").as_deref() {
        None | Some("json") => {
            let base = setting("microjam-api").unwrap_or_else(|| DEFAULT_API_BASE.to_owned());
            Backend::Json(Endpoints::new(&resolved(document_url, &base)))
        }
        Some("cloudkit") => {
            let (container, token) = (
                setting("microjam-cloudkit-container"),
                setting("microjam-cloudkit-token"),
            );
            match (container, token) {
                (Some(container), Some(token)) => Backend::CloudKit(cloudkit::Config {
                    url: setting("microjam-cloudkit-url").unwrap_or_else(|| cloudkit::DEFAULT_URL.to_owned()),
                    container,
                    environment: setting("microjam-cloudkit-environment").unwrap_or_else(|| "production".to_owned()),
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

fn resolved(document_url: &str, url: &str) -> String {
    urls::resolve(document_url, url).unwrap_or_else(|| url.to_owned())
}

/// Reads the backend from index.html and keeps it: the App does this once as it starts (the
/// browser tests again after pointing one running App at other data).
#[cfg(target_arch = "wasm32")]
pub fn load() -> Backend {
    let backend = backend_from(meta, &document_url());
    BACKEND.set(Some(backend.clone()));
    backend
}

/// The backend to read performances from: the one `load` read (reading it now if nothing has).
#[cfg(target_arch = "wasm32")]
pub fn backend() -> Backend {
    BACKEND.with_borrow(Option::clone).unwrap_or_else(load)
}

/// The sound engine's files, resolved against the document's URL: (wasm module, processor script).
/// None when the page does not name them (a build without the engine hook).
#[cfg(target_arch = "wasm32")]
pub fn engine_files() -> Option<(String, String)> {
    let (module, processor) = (meta("microjam-engine")?, meta("microjam-engine-processor")?);
    let document_url = document_url();
    Some((resolved(&document_url, &module), resolved(&document_url, &processor)))
}

#[cfg(target_arch = "wasm32")]
fn document_url() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default()
}

#[cfg(target_arch = "wasm32")]
fn meta(name: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let element = document.query_selector(&format!("meta[name=\"{name}\"]")).ok()??;
    element
        .get_attribute("content")
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://microjam.info/performances/x";

    fn settings<'a>(pairs: &'a [(&str, &str)]) -> impl Fn(&str) -> Option<String> + 'a {
        |name| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned())
    }

    #[test]
    fn the_json_api_by_default_at_api_on_the_same_origin() {
        let at = |base: &str| Backend::Json(Endpoints::new(base));
        assert_eq!(backend_from(settings(&[]), PAGE), at("https://microjam.info/api"));
        let elsewhere = [
            ("microjam-backend", "json"),
            ("microjam-api", "https://api.example.org/v1/"),
        ];
        assert_eq!(
            backend_from(settings(&elsewhere), PAGE),
            at("https://api.example.org/v1")
        );
    }

    #[test]
    fn cloudkit_needs_a_container_and_a_token() {
        let mut given = vec![
            ("microjam-backend", "cloudkit"),
            ("microjam-cloudkit-container", "iCloud.x"),
            ("microjam-cloudkit-token", "t"),
        ];
        let expected = cloudkit::Config {
            url: cloudkit::DEFAULT_URL.to_owned(),
            container: "iCloud.x".to_owned(),
            environment: "production".to_owned(),
            token: "t".to_owned(),
        };
        assert_eq!(backend_from(settings(&given), PAGE), Backend::CloudKit(expected));
        given.pop();
        let Backend::Misconfigured(why) = backend_from(settings(&given), PAGE) else {
            panic!("a CloudKit backend without a token")
        };
        assert!(why.contains("microjam-cloudkit-token"), "{why}");
        let Backend::Misconfigured(why) = backend_from(settings(&[("microjam-backend", "ftp")]), PAGE) else {
            panic!("an unknown backend")
        };
        assert!(why.contains("“ftp”"), "{why}");
    }
}
