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
pub mod feed_window;
pub mod instrument;
pub mod json;
pub mod kept;
pub mod paging;
pub mod performance;
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
pub mod player;
#[cfg(target_arch = "wasm32")]
mod routes;
#[cfg(target_arch = "wasm32")]
pub mod store;

#[cfg(target_arch = "wasm32")]
pub use app::App;

#[cfg(target_arch = "wasm32")]
mod app {
    use crate::components::{FocusOnNavigate, OfflineBanner, SiteFooter, SiteHeader};
    use crate::routes::{GalleryPage, NotFound, PerformPage, PerformancePage, PerformerPage, PrivacyPage};
    use leptos::prelude::*;
    use leptos_meta::{provide_meta_context, Title};
    use leptos_router::components::{Route, Router, Routes};
    use leptos_router::path;

    /// The whole site: header, the routed page, footer. It reads its backend from index.html once,
    /// as it starts.
    #[component]
    pub fn App() -> impl IntoView {
        crate::backend::config::load();
        provide_meta_context();
        crate::player::Playback::provide();
        view! {
            <Title formatter=|page: String| {
                if page.is_empty() { "MicroJam".to_owned() } else { format!("{page} · MicroJam") }
            } />
            <Router>
                <FocusOnNavigate />
                <SiteHeader />
                <OfflineBanner />
                <main id="main" tabindex="-1">
                    <Routes fallback=|| view! { <NotFound /> }>
                        <Route path=path!("/") view=GalleryPage />
                        <Route path=path!("/privacy") view=PrivacyPage />
                        <Route path=path!("/perform") view=PerformPage />
                        <Route path=path!("/performances/:id") view=PerformancePage />
                        <Route path=path!("/performers/:name") view=PerformerPage />
                    </Routes>
                </main>
                <SiteFooter />
            </Router>
        }
    }
}
