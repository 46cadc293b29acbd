//! Small browser helpers that need no Leptos (so that the first load, which has no Leptos, can use
//! them too).

use wasm_bindgen::{closure::Closure, JsCast};
use wasm_bindgen_futures::JsFuture;

/// Runs `f` in the next animation frame (before the frame is painted).
pub fn next_frame(f: impl FnOnce() + 'static) {
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(Closure::once_into_js(f).unchecked_ref());
    }
}

/// The page's document.
pub fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Resolves once the browser has painted what is on the page now (after the next animation frame
/// and the task that follows it), for work that must not hold that frame up.
pub async fn after_paint() {
    let painted = js_sys::Promise::new(&mut |resolve, _| {
        next_frame(move || {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback(resolve.unchecked_ref());
            }
        })
    });
    let _ = JsFuture::from(painted).await;
}
