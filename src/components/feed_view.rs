//! A feed of jam cards that grows page by page: when its end scrolls into view, or with the
//! "Load more" button. It says when it has reached the end, and shows failures with Retry.

use super::visibility::{is_near_viewport, watch_visibility};
use super::{ErrorPanel, JamCard, SkeletonCards};
use crate::api::jams::{add_page, SharedFeed};
use crate::api::ApiError;
use crate::chain::Jam;
use crate::config::backend;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::{spawn_local, spawn_local_scoped_with_cancellation};
use send_wrapper::SendWrapper;
use std::{cell::Cell, rc::Rc};

/// How far below the viewport the end of the list starts loading the next page.
const PRELOAD_MARGIN_PX: f64 = 600.0;

#[derive(Debug, Clone, PartialEq)]
enum More {
    Idle,
    Loading,
    Failed(ApiError),
    Done,
}

/// Loads the pages after the first, one at a time. Callbacks from the observer, timers and the
/// network arrive outside any reactive owner and possibly after the view is gone: every step checks
/// `alive`, runs its task under the view's owner (so leaving the page cancels it and aborts its
/// requests), and touches signals only with `try_` methods.
struct Loader {
    feed: SharedFeed,
    jams: RwSignal<Vec<Jam>>,
    status: RwSignal<More>,
    sentinel: NodeRef<Div>,
    /// Whether the end of the list is (nearly) in view, as the observer last said.
    near_end: Cell<bool>,
    /// False once the view is cleaned up.
    alive: Cell<bool>,
    owner: Option<Owner>,
}

impl Loader {
    fn load_more(self: &Rc<Self>) {
        if !self.alive.get() || matches!(self.status.try_get_untracked(), None | Some(More::Loading | More::Done)) {
            return;
        }
        let Some(cursor) = self.feed.borrow().next().map(str::to_owned) else {
            self.status.try_set(More::Done);
            return;
        };
        self.status.try_set(More::Loading);
        let this = self.clone();
        let task = async move {
            let page = match backend().next(&cursor).await {
                Ok(page) => page,
                Err(error) => {
                    this.status.try_set(More::Failed(error));
                    return;
                }
            };
            let new = add_page(&this.feed, page).await;
            if !this.alive.get() {
                return;
            }
            this.jams.try_update(|all| all.extend(new));
            let done = this.feed.borrow().is_complete();
            this.status.try_set(if done { More::Done } else { More::Idle });
            // Still at the end of the list (a short page, a tall screen)? Keep going once laid out.
            if !done && this.near_end.get() {
                request_animation_frame(move || this.load_more_if_near());
            }
        };
        match &self.owner {
            Some(owner) => owner.with(|| spawn_local_scoped_with_cancellation(task)),
            None => spawn_local(task),
        }
    }

    fn load_more_if_near(self: Rc<Self>) {
        let near = self.alive.get()
            && self
                .sentinel
                .try_get_untracked()
                .flatten()
                .is_some_and(|e| is_near_viewport(&e, PRELOAD_MARGIN_PX));
        if near {
            self.load_more();
        }
    }
}

/// The cards of `feed` (whose first page gave `jams`), and the means to load the rest.
#[component]
pub fn FeedView(feed: SharedFeed, jams: Vec<Jam>, #[prop(into)] empty_message: String) -> impl IntoView {
    let status = RwSignal::new(if feed.borrow().is_complete() {
        More::Done
    } else {
        More::Idle
    });
    let jams = RwSignal::new(jams);
    let sentinel = NodeRef::<Div>::new();
    let loader = Rc::new(Loader {
        feed,
        jams,
        status,
        sentinel,
        near_end: Cell::new(false),
        alive: Cell::new(true),
        owner: Owner::current(),
    });
    {
        let loader = SendWrapper::new(loader.clone());
        on_cleanup(move || loader.alive.set(false));
    }

    Effect::new({
        let loader = loader.clone();
        move |_| {
            let Some(element) = sentinel.get() else { return };
            let loader = loader.clone();
            watch_visibility(&element, &format!("{PRELOAD_MARGIN_PX}px"), move |visible| {
                loader.near_end.set(visible);
                if visible {
                    loader.load_more();
                }
                true
            });
        }
    });

    let empty = move || jams.with(Vec::is_empty) && status.get() == More::Done;
    let loading = move || status.get() == More::Loading;
    // Views re-render from closures that must be Send; the browser has one thread.
    let loader = SendWrapper::new(loader);
    let (more, retry) = (loader.clone(), loader);
    view! {
        <Show when=move || !empty() fallback=move || view! { <p class="feed-empty">{empty_message.clone()}</p> }>
            <div class="jam-grid" aria-busy=move || loading().to_string()>
                <For each=move || jams.get() key=|jam| jam.leaf().id.clone() let:jam>
                    <JamCard jam />
                </For>
                {move || loading().then(|| view! { <SkeletonCards count=3 /> })}
            </div>
        </Show>
        <div node_ref=sentinel class="feed-end">
            // One button while there is more, busy while loading, so keyboard focus stays on it.
            <Show when=move || matches!(status.get(), More::Idle | More::Loading)>
                <button type="button" class="button" aria-disabled=move || loading().to_string()
                    on:click={
                        let more = more.clone();
                        move |_| more.load_more()
                    }>
                    {move || if loading() { "Loading more jams…" } else { "Load more" }}
                </button>
            </Show>
            {move || match status.get() {
                More::Failed(error) => {
                    let retry = retry.clone();
                    view! { <ErrorPanel error on_retry=move |_| retry.load_more() /> }.into_any()
                }
                _ => ().into_any(),
            }}
            <div class="feed-status" aria-live="polite">
                {move || (status.get() == More::Done && !empty()).then(|| view! {
                    <p class="feed-done">"You've reached the end: that's every jam."</p>
                })}
            </div>
        </div>
    }
}
