//! Share this page: the system share sheet where the browser has one (phones), else copy the link.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

fn can_share(navigator: &web_sys::Navigator) -> bool {
    js_sys::Reflect::has(navigator, &"share".into()).unwrap_or(false)
}

/// A button that shares the current page's address under `title`.
#[component]
pub fn ShareButton(#[prop(into)] title: String) -> impl IntoView {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return ().into_any();
    };
    let native = can_share(&navigator);
    let status = RwSignal::new(String::new());
    let share = move |_| {
        let Some(url) = web_sys::window().and_then(|w| w.location().href().ok()) else {
            return;
        };
        let navigator = navigator.clone();
        let title = title.clone();
        leptos::task::spawn_local_scoped_with_cancellation(async move {
            let outcome = if native {
                let data = web_sys::ShareData::new();
                data.set_title(&title);
                data.set_url(&url);
                // Closing the share sheet rejects the promise: that is no error to report.
                let _ = JsFuture::from(navigator.share_with_data(&data)).await;
                String::new()
            } else if JsFuture::from(navigator.clipboard().write_text(&url)).await.is_ok() {
                "Link copied.".to_owned()
            } else {
                "Copy the address from the address bar to share this jam.".to_owned()
            };
            status.try_set(outcome);
        });
    };
    view! {
        <button type="button" class="button" on:click=share>{if native { "Share" } else { "Copy link" }}</button>
        <span class="share-status" role="status">{move || status.get()}</span>
    }
    .into_any()
}
