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

/// How long after a click on a link its page is built, at most.
const LINK_TO_PAGE_MS: f64 = 2000.0;

thread_local! {
    /// The address of the link followed last and when (set before the router handles the click).
    static FOLLOWED: RefCell<Option<(String, f64)>> = const { RefCell::new(None) };
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

/// Whether this feed is shown by Back or Forward rather than by following a link to it: every
/// followed link is noted on its way to the router, and a feed whose address was not the link just
/// followed came from the history.
///
/// From the first feed on, the browser leaves the scroll position alone on Back and Forward: it
/// would put back a pixel offset, which points at another card once the cards have reflowed, and it
/// does so late, as the list grows, over the feed's own restoring.
fn came_by_history() -> bool {
    if !LISTENING.replace(true) {
        let on_click = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
            let link = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("a[href]").ok().flatten())
                .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
            if let Some(link) = link {
                FOLLOWED.set(Some((link.href(), js_sys::Date::now())));
            }
        });
        // In the capture phase, so before the router's own listener navigates.
        let _ = window().add_event_listener_with_callback_and_bool("click", on_click.as_ref().unchecked_ref(), true);
        on_click.forget();
        if let Ok(history) = window().history() {
            let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
        }
    }
    // A link builds its page at once; one clicked long ago (say, to the page already shown, which
    // goes nowhere) says nothing about this visit.
    let here = window().location().href().unwrap_or_default();
    FOLLOWED
        .take()
        .is_none_or(|(followed, at)| followed != here || js_sys::Date::now() - at > LINK_TO_PAGE_MS)
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
