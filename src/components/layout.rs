//! The frame around every page: a header with the name and navigation, a footer with the policy link.

use crate::router::A;
use leptos::prelude::*;

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        // target="_self" keeps the router's click handling out, so the browser moves focus too.
        <a class="skip-link" href="#main" target="_self">"Skip to content"</a>
        <header class="site-header">
            <A href="/" attr:class="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                "MicroJam"
            </A>
            <nav aria-label="Main">
                <A href="/" exact=true>"Gallery"</A>
                <A href="/perform">"Perform"</A>
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

/// After a client-side navigation to another page, moves keyboard focus (and the screen reader) to
/// the new page's main content, as a full page load would.
#[component]
pub fn FocusOnNavigate() -> impl IntoView {
    let location = crate::router::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.path.get();
        if previous.is_some_and(|p| p != path) {
            focus_main();
        }
        path
    });
}

/// Moves keyboard focus to the page's main content (where a control that goes away leaves it).
pub fn focus_main() {
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"));
    if let Some(main) = main.and_then(|m| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(m).ok()) {
        let _ = main.focus();
    }
}
