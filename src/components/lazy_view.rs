//! Shows a page (or any view) whose code is a chunk loaded on first use (`crate::lazy`).

use super::ErrorPanel;
use crate::lazy::{ChunkError, MakeView};
use leptos::prelude::*;
use std::future::Future;

/// Shows the view a chunk's function makes, once its chunk is in: nothing while it loads (the chunk
/// is small and the page around it stays), the error panel with Retry if it cannot be loaded.
/// (A signal set by a task rather than Leptos' `Suspend`, whose async machinery would otherwise be
/// part of the first load.)
#[component]
pub fn Lazy<F, Fut>(load: F) -> impl IntoView
where
    F: Fn() -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<MakeView, ChunkError>> + 'static,
{
    let loaded = RwSignal::new_local(None::<Result<MakeView, ChunkError>>);
    let start = move || {
        let load = load.clone();
        leptos::task::spawn_local(async move {
            let make = load().await;
            loaded.try_set(Some(make));
        });
    };
    start();
    move || {
        loaded.track();
        match loaded.try_update_untracked(Option::take).flatten()? {
            Ok(make) => Some(make()),
            Err(error) => {
                let start = start.clone();
                let retry = move || {
                    loaded.set(None);
                    start();
                };
                Some(view! { <ErrorPanel error on_retry=retry /> }.into_any())
            }
        }
    }
}
