//! The first page of the gallery's feed, asked for by an inline script in index.html while the wasm
//! is still on its way (`window.microjamEarly = { url, answer }`, `answer` the promise of
//! `{ status, type, url, body }`, the body read to its end by the script), so that the waits overlap
//! instead of adding up. `json::fetch` takes that answer, once, for exactly that URL, instead of
//! asking again.

use super::http::Answer;
use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const KEY: &str = "microjamEarly";

/// What index.html asked for, if nobody has taken it yet.
fn early() -> Option<JsValue> {
    field(web_sys::window()?.as_ref(), KEY).filter(JsValue::is_object)
}

/// Whether index.html asked for a page that nobody has taken yet.
pub fn asked() -> bool {
    early().is_some()
}

/// The early answer for `url`, if index.html asked for it and nobody has taken it yet.
pub async fn take(url: &str) -> Option<Answer> {
    let early = early()?;
    if field(&early, "url")?.as_string().as_deref() != Some(url) {
        return None;
    }
    let window = web_sys::window()?;
    let _ = Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &JsValue::from_str(KEY));
    let promise = field(&early, "answer")?.dyn_into::<Promise>().ok()?;
    // A failed early request is no answer: the caller asks again.
    let answer = JsFuture::from(promise).await.ok()?;
    let text = |name| field(&answer, name).and_then(|v| v.as_string());
    let answered = text("url").unwrap_or_default();
    Some(Answer {
        status: field(&answer, "status")?.as_f64()? as u16,
        content_type: text("type").unwrap_or_default(),
        body: text("body")?,
        url: if answered.is_empty() { url.to_owned() } else { answered },
    })
}

fn field(object: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(object, &JsValue::from_str(name)).ok()
}
