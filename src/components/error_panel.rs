//! The one way to show a failed request: the visitor's message and a Retry button. When the browser
//! comes back online, it retries by itself.

use crate::api::ApiError;
use leptos::callback::UnsyncCallback;
use leptos::ev;
use leptos::prelude::*;

#[component]
pub fn ErrorPanel(error: ApiError, #[prop(into)] on_retry: UnsyncCallback<()>) -> impl IntoView {
    web_sys::console::info_1(&format!("MicroJam: {error}").into());
    let back_online = window_event_listener(ev::online, move |_| on_retry.run(()));
    on_cleanup(move || back_online.remove());
    view! {
        <div class="error-panel" role="alert">
            <p>{error.message()}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>"Retry"</button>
        </div>
    }
}
