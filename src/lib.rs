//! microjam.info: the MicroJam privacy policy and public performance gallery.
//!
//! Pure logic lives in plain modules with native tests; the user interface (Leptos) only exists in the
//! browser build (`target_arch = "wasm32"`), so `cargo test` on the host never compiles it.

pub mod backend;
pub mod chain;
pub mod colour;
pub mod cursor;
pub mod dates;
pub mod feed;
#[cfg(target_arch = "wasm32")]
pub mod feed_pages;
pub mod feed_window;
pub mod first_paint;
pub mod instrument;
pub mod json;
pub mod kept;
pub mod numbers;
pub mod paging;
pub mod performance;
pub mod routing;
pub mod score;
pub mod take;
pub mod touches;
pub mod trace;
pub mod transport;
pub mod urls;
pub mod wording;

#[cfg(test)]
mod markdown;

#[cfg(target_arch = "wasm32")]
mod bench_marks;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
pub mod lazy;
#[cfg(target_arch = "wasm32")]
pub mod player;
#[cfg(target_arch = "wasm32")]
pub mod router;
#[cfg(target_arch = "wasm32")]
mod routes;
#[cfg(target_arch = "wasm32")]
pub mod store;

#[cfg(target_arch = "wasm32")]
pub use app::App;

/// Starts the site in the browser. The App is a chunk of its own: the gallery's first screen is
/// painted without it (`first_paint`), and the App, loaded next, takes the page over.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        // The App's code is asked for once the first screen is painted, not before: on a phone the
        // two would share one slow processor, and the first screen would wait.
        if first_paint::paint().await {
            dom::after_paint().await;
        }
        mount_or_explain(app::load().await);
    });
}

#[cfg(target_arch = "wasm32")]
fn mount_or_explain(app: Result<Box<dyn FnOnce()>, lazy::ChunkError>) {
    match app {
        Ok(mount) => mount(),
        Err(error) => first_paint::explain(&error.message(), || {
            wasm_bindgen_futures::spawn_local(async { mount_or_explain(app::load().await) })
        }),
    }
}

#[cfg(target_arch = "wasm32")]
mod app {
    use crate::components::{FocusOnNavigate, Lazy, OfflineBanner, SiteFooter, SiteHeader};
    use crate::routes::{self, GalleryPage, NotFound};
    use crate::routing::{page_of, Page};
    use leptos::prelude::*;

    crate::lazy::split!(
        app,
        /// The App, mounted in place of the first paint's page when called.
        pub fn load() -> Box<dyn FnOnce()> {
            Box::new(|| {
                let handover = crate::first_paint::take_over();
                leptos::mount::mount_to_body(App);
                handover.finish();
            })
        }
    );

    /// The whole site: header, the routed page, footer. It reads its backend from index.html once,
    /// as it starts.
    #[component]
    pub fn App() -> impl IntoView {
        crate::backend::config::load();
        crate::player::Playback::provide();
        let location = crate::router::provide();
        // A page is built again only when the address names another page (not for a new query).
        let page = Memo::new(move |_| page_of(&location.path.get()));
        let routed = move || match page.get() {
            Page::Gallery => view! { <GalleryPage /> }.into_any(),
            Page::Privacy => view! { <Lazy load=routes::privacy_page /> }.into_any(),
            Page::Perform => view! { <Lazy load=routes::perform_page /> }.into_any(),
            Page::Performance(id) => view! { <Lazy load=move || routes::performance_page(id.clone()) /> }.into_any(),
            Page::Performer(name) => view! { <Lazy load=move || routes::performer_page(name.clone()) /> }.into_any(),
            Page::NotFound => view! { <NotFound /> }.into_any(),
        };
        view! {
            <FocusOnNavigate />
            <SiteHeader />
            <OfflineBanner />
            <main id="main" tabindex="-1">{routed}</main>
            <SiteFooter />
        }
    }
}
