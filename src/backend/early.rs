//! The first page of the gallery's feed, asked for by an inline script in index.html while the wasm
//! is still on its way (`window.microjamEarly = { url, response }`, `response` a fetch's promise),
//! so that the two waits overlap instead of adding up. The one request (`http.rs`) takes that
//! answer, once, for exactly that URL, instead of asking again.

use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The early answer for `url`, if index.html asked for it and nobody has taken it yet.
pub async fn take(url: &str) -> Option<web_sys::Response> {
    let window = web_sys::window()?;
    let key = JsValue::from_str("microjamEarly");
    let early = Reflect::get(&window, &key).ok().filter(|e| e.is_object())?;
    let asked = Reflect::get(&early, &JsValue::from_str("url")).ok()?.as_string();
    if asked.as_deref() != Some(url) {
        return None;
    }
    let _ = Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &key);
    let promise = Reflect::get(&early, &JsValue::from_str("response"))
        .ok()?
        .dyn_into::<Promise>()
        .ok()?;
    // A failed early request is no answer: the caller asks again.
    JsFuture::from(promise).await.ok()?.dyn_into::<web_sys::Response>().ok()
}
