//! The one HTTP request of this site: a GET or a POST with a timeout, aborted when the view that
//! asked goes away (as Leptos' examples/hackernews does); the same for a static file's bytes. It is
//! the browser's `fetch` called directly: a wrapper crate (gloo-net, with the http crate and streams
//! behind it) cost the first load about 5 kB for the three calls made here.

use super::error::ApiError;
use leptos::prelude::{set_timeout, set_timeout_with_handle, Owner};
use send_wrapper::SendWrapper;
use std::{cell::Cell, rc::Rc, time::Duration};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Response};

/// How long a request may take before the visitor is told it timed out.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// An HTTP answer of any status.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub content_type: String,
    pub body: String,
    /// The URL that answered (after redirects).
    pub url: String,
}

/// The one HTTP request: a GET, or a POST of `body` (sent as text/plain, which needs no CORS
/// preflight), with a timeout. It is aborted when the reactive owner that started it is cleaned up
/// (the page was left, or the resource re-ran). Any status is an answer; no answer is an error.
pub async fn request(url: &str, body: Option<&str>, timeout: Duration) -> Result<Answer, ApiError> {
    guarded(timeout, |signal, timed_out| send(url, body, signal, timed_out)).await
}

/// The bytes of a static file (the sound engine's wasm module) fetched in the same way. A static
/// host's single-page-app fallback answers a missing file with index.html: that is a 404.
pub async fn fetch_bytes(url: &str, timeout: Duration) -> Result<Vec<u8>, ApiError> {
    guarded(timeout, |signal, timed_out| async move {
        let failed = || failure(&signal, &timed_out);
        let response = fetch(url, None, &signal).await.map_err(|_| failed())?;
        let content_type = content_type(&response);
        match response.status() {
            200..=299 if content_type.starts_with("text/html") => Err(ApiError::Status(404)),
            200..=299 => {
                let bytes = read(response.array_buffer()).await.map_err(|_| failed())?;
                Ok(js_sys::Uint8Array::new(&bytes).to_vec())
            }
            status => Err(ApiError::Status(status)),
        }
    })
    .await
}

/// The browser's `fetch`: a GET, or a POST of `body` as text/plain.
async fn fetch(url: &str, body: Option<&str>, signal: &AbortSignal) -> Result<Response, JsValue> {
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(signal));
    if let Some(body) = body {
        init.set_method("POST");
        let headers = web_sys::Headers::new()?;
        headers.set("Content-Type", "text/plain;charset=UTF-8")?;
        init.set_headers(&headers);
        init.set_body(&JsValue::from_str(body));
    }
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    read(Ok(window.fetch_with_str_and_init(url, &init))).await?.dyn_into()
}

/// Awaits one of the promises a `Response` hands out.
async fn read(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

fn content_type(response: &Response) -> String {
    response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// Runs `go` with an abort signal that fires after `timeout` (setting the flag it is given) or when
/// the reactive owner that started it is cleaned up (the page was left, or the resource re-ran).
async fn guarded<T, F>(timeout: Duration, go: impl FnOnce(AbortSignal, Rc<Cell<bool>>) -> F) -> Result<T, ApiError>
where
    F: std::future::Future<Output = Result<T, ApiError>>,
{
    let controller = web_sys::AbortController::new().map_err(|_| ApiError::Network)?;
    let signal = controller.signal();
    // Abort if the owner goes away first; once answered, the cleanup holds nothing.
    let pending = Rc::new(Cell::new(Some(controller.clone())));
    let on_leave = SendWrapper::new(pending.clone());
    Owner::on_cleanup(move || {
        if let Some(controller) = Cell::take(&on_leave) {
            controller.abort();
        }
    });
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let timed_out = timed_out.clone();
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                controller.abort();
            },
            timeout,
        )
        .ok()
    };
    let result = go(signal, timed_out).await;
    pending.set(None);
    if let Some(timer) = timer {
        timer.clear();
    }
    result
}

/// Why a request got no answer.
fn failure(signal: &AbortSignal, timed_out: &Cell<bool>) -> ApiError {
    if timed_out.get() {
        ApiError::Timeout
    } else if signal.aborted() {
        ApiError::Aborted
    } else {
        ApiError::Network
    }
}

async fn send(
    url: &str,
    body: Option<&str>,
    signal: AbortSignal,
    timed_out: Rc<Cell<bool>>,
) -> Result<Answer, ApiError> {
    let failed = || failure(&signal, &timed_out);
    let response = fetch(url, body, &signal).await.map_err(|_| failed())?;
    let content_type = content_type(&response);
    let text = read(response.text()).await.map_err(|_| failed())?;
    let answered = response.url();
    Ok(Answer {
        status: response.status(),
        content_type,
        body: text.as_string().unwrap_or_default(),
        url: if answered.is_empty() { url.to_owned() } else { answered },
    })
}

/// Resolves after `seconds` (for retrying after a server asked to wait).
pub async fn sleep(seconds: f64) {
    let (done, wait) = futures::channel::oneshot::channel::<()>();
    set_timeout(
        move || {
            let _ = done.send(());
        },
        Duration::from_secs_f64(seconds.max(0.0)),
    );
    let _ = wait.await;
}
