//! The one way to show a failed request: the visitor's message and a Retry button.

use crate::api::ApiError;
use leptos::prelude::*;

#[component]
pub fn ErrorPanel(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    web_sys::console::info_1(&format!("MicroJam: {error}").into());
    view! {
        <div class="error-panel" role="alert">
            <p>{error.message()}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>"Retry"</button>
        </div>
    }
}
