//! A feed of jam cards from a `FeedLoader`: skeletons while its first page loads, the windowed cards
//! (`CardWindow`), "Load more" for the keyboard, a failure with Retry, and the end. After Back or
//! Forward (a history navigation) the cards come back at the place the visitor left them.

use super::card_window::CardWindow;
use super::feed_loader::FeedLoader;
use super::{ErrorPanel, SkeletonCards};
use crate::paging::Paging;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::{closure::Closure, JsCast};

thread_local! {
    /// The URL a Back or Forward last arrived at, until a feed there has used it.
    static POPPED: RefCell<Option<String>> = const { RefCell::new(None) };
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

fn href() -> String {
    window().location().href().unwrap_or_default()
}

/// Whether this page was reached by Back or Forward. The listener runs in the capture phase, so
/// before the router's own, and it is installed with the first feed (no feed to restore before).
fn came_by_history() -> bool {
    if !LISTENING.replace(true) {
        let on_pop = Closure::<dyn Fn()>::new(|| POPPED.set(Some(href())));
        let _ = window().add_event_listener_with_callback_and_bool("popstate", on_pop.as_ref().unchecked_ref(), true);
        on_pop.forget();
    }
    POPPED.take().is_some_and(|url| url == href())
}

#[component]
pub fn FeedView(loader: FeedLoader, #[prop(into)] empty_message: String) -> impl IntoView {
    let restore = came_by_history();
    let (jams, paging) = (loader.jams(), loader.paging());
    let first_state = {
        let loader = loader.clone();
        move || match paging.get() {
            Paging::Idle | Paging::Loading => view! {
                <div class="jam-grid" aria-busy="true"><SkeletonCards count=6 /></div>
            }
            .into_any(),
            Paging::Failed(error) => {
                let loader = loader.clone();
                view! { <ErrorPanel error on_retry=move |_| loader.load() /> }.into_any()
            }
            Paging::Done => view! { <p class="feed-empty">{empty_message.clone()}</p> }.into_any(),
        }
    };
    view! {
        <Show when=move || jams.with(|jams| !jams.is_empty()) fallback=first_state>
            <CardWindow loader=loader.clone() restore />
            <FeedEnd loader=loader.clone() />
        </Show>
    }
}

/// Below the cards: Load more while there is more, a failure with Retry, or the end.
#[component]
fn FeedEnd(loader: FeedLoader) -> impl IntoView {
    let paging = loader.paging();
    let loading = move || paging.with(|p| *p == Paging::Loading);
    let more = loader.clone();
    view! {
        <div class="feed-end">
            // One button while there is more, busy while loading, so keyboard focus stays on it.
            <Show when=move || matches!(paging.get(), Paging::Idle | Paging::Loading)>
                <button type="button" class="button" aria-disabled=move || loading().to_string()
                    on:click={
                        let more = more.clone();
                        move |_| more.load()
                    }>
                    {move || if loading() { "Loading more jams…" } else { "Load more" }}
                </button>
            </Show>
            {move || match paging.get() {
                Paging::Failed(error) => {
                    let loader = loader.clone();
                    view! { <ErrorPanel error on_retry=move |_| loader.load() /> }.into_any()
                }
                _ => ().into_any(),
            }}
            <div class="feed-status" aria-live="polite">
                {move || (paging.get() == Paging::Done).then(|| view! {
                    <p class="feed-done">"You've reached the end: that's every jam."</p>
                })}
            </div>
        </div>
    }
}
