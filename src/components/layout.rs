//! The frame around every page: a header with the name and navigation, a footer with the policy link.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <A href="/" attr:class="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                "MicroJam"
            </A>
            <nav aria-label="Main">
                <A href="/" exact=true>"Gallery"</A>
                <A href="/privacy">"Privacy"</A>
            </nav>
        </header>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                "MicroJam: tiny touch-screen performances, a research project at the "
                <a href="https://www.uio.no/" rel="external">"University of Oslo"</a> "."
            </p>
            <p>
                <A href="/privacy">"Privacy Policy"</A>
            </p>
        </footer>
    }
}
