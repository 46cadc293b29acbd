//! A feed of jam cards from a `FeedLoader`: skeletons while its first page loads, the windowed cards
//! (`CardWindow`), "Load more" for the keyboard, a failure with Retry, and the end. After Back or
//! Forward (a history navigation, which the router tells) the cards come back at the place the
//! visitor left them; a followed link shows the feed from its top.

use super::card_window::CardWindow;
use super::feed_loader::FeedLoader;
use super::{ErrorPanel, SkeletonCards};
use crate::paging::Paging;
use leptos::prelude::*;

/// Whether this feed is shown by Back or Forward (or a fresh load) rather than by following a link.
///
/// From the first feed on, the browser leaves the scroll position alone on Back and Forward: it
/// would put back a pixel offset, which points at another card once the cards have reflowed, and it
/// does so late, as the list grows, over the feed's own restoring.
fn came_by_history() -> bool {
    if let Ok(history) = window().history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    crate::router::use_location().by_history.get_untracked()
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
