//! The one way to show a failure: the visitor's message and a Retry button. When the browser comes
//! back online, it retries by itself. Failed requests (`ApiError`) and a sound engine that would not
//! load (`player::EngineError`) both show here.

use crate::backend::ApiError;
use crate::player::EngineError;
use leptos::callback::UnsyncCallback;
use leptos::ev;
use leptos::prelude::*;
use std::fmt::Display;

/// Something that went wrong, told to a visitor by `message` and to the console by `Display`.
pub trait Problem: Display {
    fn message(&self) -> String;
}

impl Problem for ApiError {
    fn message(&self) -> String {
        ApiError::message(self)
    }
}

impl Problem for crate::lazy::ChunkError {
    fn message(&self) -> String {
        crate::lazy::ChunkError::message(self)
    }
}

impl Problem for EngineError {
    fn message(&self) -> String {
        EngineError::message(self)
    }
}

#[component]
pub fn ErrorPanel<E>(error: E, #[prop(into)] on_retry: UnsyncCallback<()>) -> impl IntoView
where
    E: Problem + 'static,
{
    panel(error.message(), format!("MicroJam: {error}"), on_retry)
}

/// The panel itself, once for every kind of problem.
fn panel(message: String, detail: String, on_retry: UnsyncCallback<()>) -> AnyView {
    web_sys::console::info_1(&detail.into());
    let back_online = window_event_listener(ev::online, move |_| on_retry.run(()));
    on_cleanup(move || back_online.remove());
    view! {
        <div class="error-panel" role="alert">
            <p>{message}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>"Retry"</button>
        </div>
    }
    .into_any()
}
