//! Component and client tests in headless Chromium: `wasm-pack test --headless --chrome` (the README's
//! test command starts the loopback API server they read from, scripts/test-server.py).
#![cfg(target_arch = "wasm32")]

mod api_client;
mod cloudkit;
mod feed;
mod support;
pub use support::{document, next_url, server, set_meta, sleep, use_engine};
mod gallery;
mod playback;
mod processor;
mod site;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

/// Waits (up to 5 s) until `found` returns Some, and returns it; panics with `what` otherwise.
pub async fn wait_for<T>(what: &str, mut found: impl FnMut() -> Option<T>) -> T {
    for _ in 0..250 {
        if let Some(value) = found() {
            return value;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for {what}");
}

/// Waits until the page's only `<h1>` reads `heading`.
pub async fn wait_for_heading(root: &web_sys::HtmlElement, heading: &str) {
    wait_for(&format!("the heading “{heading}”"), || {
        (texts(root, "h1") == [heading]).then_some(())
    })
    .await;
}

/// The texts of all elements matching `selector` inside `root`.
pub fn texts(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}

thread_local! {
    static APP_ROOT: std::cell::OnceCell<web_sys::HtmlElement> = const { std::cell::OnceCell::new() };
}

/// The App, showing `path`. The App is mounted once, reading the API from the test server, and
/// later visits navigate it the way the browser's back and forward buttons do (a router cannot be
/// unmounted completely, so one App serves every test).
pub fn visit(path: &str) -> web_sys::HtmlElement {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    APP_ROOT.with(|root| {
        if let Some(root) = root.get() {
            let popstate = web_sys::Event::new("popstate").unwrap();
            window.dispatch_event(&popstate).unwrap();
            return root.clone();
        }
        if document()
            .query_selector("meta[name='microjam-api']")
            .unwrap()
            .is_none()
        {
            set_api_base(&format!("{}/api", server()));
        }
        // The site's stylesheets, so that cards are laid out (and windowed) as on the site.
        let style = document().create_element("style").unwrap();
        style.set_text_content(Some(concat!(
            include_str!("../../style/main.css"),
            include_str!("../../style/gallery.css"),
            include_str!("../../style/player.css")
        )));
        document().head().unwrap().append_child(&style).unwrap();
        let element: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
        document().body().unwrap().append_child(&element).unwrap();
        std::mem::forget(leptos::mount::mount_to(element.clone(), microjam_web::App));
        root.set(element.clone()).unwrap();
        element
    })
}

/// Points the App at another API base (the `microjam-api` meta tag, read again).
pub fn set_api_base(base: &str) {
    set_meta("microjam-api", base);
    microjam_web::backend::config::load();
}

/// Shows `path` freshly loaded from `api` (via a detour, so a route seen before is rebuilt).
pub async fn open(api: &str, path: &str) -> web_sys::HtmlElement {
    set_api_base(&format!("{}{api}", server()));
    let root = visit("/__elsewhere");
    wait_for_heading(&root, "Page not found").await;
    visit(path)
}

/// Loads the rest of the feed with the "Load more" button (scrolling may load it too) until the end,
/// then brings the feed into view and waits until every card of these small fixture feeds is mounted
/// (only the cards near the viewport are).
pub async fn load_to_end(root: &web_sys::HtmlElement) {
    wait_for("the end of the feed", || {
        if let Some(button) = root.query_selector(".feed-end button").unwrap() {
            button.unchecked_into::<web_sys::HtmlElement>().click();
        }
        root.query_selector(".feed-done, .feed-empty").unwrap()
    })
    .await;
    if let Some(feed) = root.query_selector("[role=feed]").unwrap() {
        feed.scroll_into_view();
        wait_for("every card mounted", || {
            let cards = root.query_selector_all("article.jam-card").unwrap().length();
            let size = root
                .query_selector("article.jam-card")
                .unwrap()?
                .get_attribute("aria-setsize")?;
            (size == cards.to_string()).then_some(())
        })
        .await;
    }
}
