//! The one HTTP request of this site: a GET or a POST with a timeout, aborted when the view that
//! asked goes away (as Leptos' examples/hackernews does); the same for a static file's bytes.

use super::error::ApiError;
use gloo_net::http::Request;
use leptos::prelude::{set_timeout, set_timeout_with_handle, Owner};
use send_wrapper::SendWrapper;
use std::{cell::Cell, rc::Rc, time::Duration};
use web_sys::AbortSignal;

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
        let response = Request::get(url)
            .abort_signal(Some(&signal))
            .send()
            .await
            .map_err(|_| failed())?;
        let content_type = response.headers().get("content-type").unwrap_or_default();
        match response.status() {
            200..=299 if content_type.starts_with("text/html") => Err(ApiError::Status(404)),
            200..=299 => response.binary().await.map_err(|_| failed()),
            status => Err(ApiError::Status(status)),
        }
    })
    .await
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
    let signal = &signal;
    let sent = match body {
        None => match super::early::take(url).await {
            Some(early) => Ok(early.into()),
            None => Request::get(url).abort_signal(Some(signal)).send().await,
        },
        Some(body) => {
            let request = Request::post(url)
                .abort_signal(Some(signal))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .body(body.to_owned())
                .map_err(|_| ApiError::Network)?;
            request.send().await
        }
    };
    let response = sent.map_err(|_| failed())?;
    let content_type = response.headers().get("content-type").unwrap_or_default();
    let text = response.text().await.map_err(|_| failed())?;
    let answered = response.url();
    Ok(Answer {
        status: response.status(),
        content_type,
        body: text,
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
