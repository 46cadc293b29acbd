//! The gallery, performance and performer pages against the fixture feed in tests/fixtures/gallery:
//! page 1 [c→b, d], page 2 [d again, a, e→(missing z)], page 3 [f]; so four jams: c (3 layers: c, b
//! and a, fetched on its own), d (by a performer named like an HTML tag), e (its parent is gone), f.

use crate::{document, load_to_end, open, texts, visit, wait_for, wait_for_heading};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

const XSS_NAME: &str = "<img src=x onerror=alert(1)>";

fn click(root: &web_sys::HtmlElement, selector: &str) {
    let element = root
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"));
    element.unchecked_into::<web_sys::HtmlElement>().click();
}

#[wasm_bindgen_test]
async fn the_gallery_shows_every_jam_once_with_its_layers_and_stops_at_the_end() {
    let root = open("/fixtures/gallery", "/").await;
    load_to_end(&root).await;
    assert_eq!(
        texts(&root, "article.jam-card .performer"),
        ["alice", XSS_NAME, "dave", "erin"]
    );
    assert_eq!(
        texts(&root, "article.jam-card .card-performers")[0],
        "alice with bob and carol"
    );
    assert_eq!(
        texts(&root, "article.jam-card .layer-count"),
        ["3 layers"],
        "only c is a jam of several layers"
    );
    assert!(texts(&root, ".feed-end button").is_empty(), "no Load more at the end");
    let canvas = root
        .query_selector("article.jam-card canvas[role='img']")
        .unwrap()
        .expect("a picture");
    assert_eq!(
        canvas.get_attribute("aria-label").as_deref(),
        Some("Touch trace of a drums performance by alice with bob and carol, 3 layers, 12 touches")
    );
    let time = root.query_selector("article.jam-card time").unwrap().unwrap();
    assert_eq!(time.get_attribute("datetime").as_deref(), Some("2026-11-03T10:00:00Z"));
    // A name that looks like HTML is text: no element was made from it.
    assert!(root.query_selector("article img").unwrap().is_none());
    assert!(root.inner_html().contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[wasm_bindgen_test]
async fn the_instrument_filter_narrows_the_cards_and_the_url() {
    let root = open("/fixtures/gallery", "/?instrument=drums").await;
    load_to_end(&root).await;
    assert_eq!(
        texts(&root, "article.jam-card .instrument"),
        ["Drums", "Drums", "Drums"]
    );
    assert_eq!(texts(&root, ".instrument-filter a[aria-current='page']"), ["Drums"]);
    click(&root, ".instrument-filter a[href='/?instrument=keys']");
    wait_for("keys cards", || {
        (texts(&root, "article.jam-card .instrument") == ["Keys"]).then_some(())
    })
    .await;
    assert_eq!(
        web_sys::window().unwrap().location().search().unwrap(),
        "?instrument=keys"
    );
    assert_eq!(texts(&root, "h1"), ["Newest Keys jams"]);
    click(&root, ".instrument-filter a[href='/?instrument=pad']");
    let empty = wait_for("the empty message", || texts(&root, ".feed-empty").first().cloned()).await;
    assert_eq!(empty, "No Pad jams yet. Try another instrument.");
    visit("/?instrument=theremin");
    wait_for("unknown instrument", || {
        texts(&root, ".feed-empty")
            .first()?
            .contains("no instrument called “theremin”")
            .then_some(())
    })
    .await;
}

#[wasm_bindgen_test]
async fn an_error_shows_the_message_and_retry_recovers() {
    let fresh = format!("/flaky/1/{}/fixtures/gallery", js_sys::Date::now());
    let root = open(&fresh, "/").await;
    let message = wait_for("the error panel", || texts(&root, ".error-panel p").first().cloned()).await;
    assert!(message.contains("HTTP 500"), "{message}");
    assert!(root.query_selector("article.jam-card").unwrap().is_none());
    click(&root, ".error-panel button");
    wait_for("cards after Retry", || root.query_selector("article.jam-card").unwrap()).await;
    // The first page's panel is gone. (Page 2 is near and fails once too: its panel is below the cards.)
    assert!(root.query_selector(":not(.feed-end) > .error-panel").unwrap().is_none());
    let below = wait_for("page 2 failing once, below the cards", || {
        root.query_selector(".feed-end .error-panel").unwrap()
    })
    .await;
    below
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    wait_for("page 2 after Retry", || {
        texts(&root, "article.jam-card .performer")
            .contains(&"dave".to_owned())
            .then_some(())
    })
    .await;
}

#[wasm_bindgen_test]
async fn unknown_performances_and_performers_are_not_found() {
    let root = open("/fixtures/gallery", "/performances/nope").await;
    wait_for_heading(&root, "Performance not found").await;
    wait_for("its title", || {
        document().title().starts_with("Performance not found").then_some(())
    })
    .await;
    assert!(root.query_selector(".error-panel").unwrap().is_none());
    visit("/performers/nobody%20at%20all");
    wait_for_heading(&root, "Performer not found").await;
}

#[wasm_bindgen_test]
async fn the_performance_page_lists_layers_and_offers_the_csv() {
    let root = open("/fixtures/gallery", "/performances/c").await;
    wait_for("layers", || (texts(&root, ".layers li").len() == 3).then_some(())).await;
    assert_eq!(texts(&root, "h1"), ["Drums jam by alice"]);
    assert_eq!(
        texts(&root, ".layers li .layer-text > a:first-child"),
        ["alice", "bob", "carol"]
    );
    let csv = root.query_selector("a[download]").unwrap().expect("Download CSV");
    assert_eq!(csv.get_attribute("download").as_deref(), Some("c.csv"));
    let href = csv.get_attribute("href").unwrap();
    let data: String = js_sys::decode_uri_component(href.strip_prefix("data:text/csv;charset=utf-8,").unwrap())
        .unwrap()
        .into();
    assert!(
        data.starts_with("time,x,y,z,moving\n0.000000, 0.200000, 0.200000, 20.000000, 0\n"),
        "{data}"
    );
    visit("/performers/alice");
    wait_for_heading(&root, "alice").await;
    load_to_end(&root).await;
    assert_eq!(texts(&root, "article.jam-card .performer"), ["alice"]);
    assert!(
        !root.inner_html().contains("example.com"),
        "private fields are never shown"
    );
}

#[wasm_bindgen_test]
async fn skeletons_while_loading_and_leaving_mid_load_breaks_nothing() {
    let root = open("/slow/800/fixtures/gallery", "/").await;
    wait_for("skeleton cards of the final size", || {
        root.query_selector(".jam-grid[aria-busy='true'] .skeleton").unwrap()
    })
    .await;
    wait_for("the first cards", || root.query_selector("article.jam-card").unwrap()).await;
    click(&root, ".feed-end button");
    wait_for("loading the next page", || {
        root.query_selector(".feed-end button[aria-disabled='true']").unwrap()
    })
    .await;
    // Leave while the page is on its way; when it lands, nothing of the old view may be touched.
    visit("/privacy");
    crate::sleep(1500).await;
    visit("/no/such/page");
    wait_for_heading(&root, "Page not found").await;
}

#[wasm_bindgen_test]
async fn an_offline_banner_comes_and_goes_with_the_connection() {
    let root = open("/fixtures/gallery", "/privacy").await;
    let window = web_sys::window().unwrap();
    window.dispatch_event(&web_sys::Event::new("offline").unwrap()).unwrap();
    wait_for("the banner", || {
        root.query_selector(".offline-region .offline-banner").unwrap()
    })
    .await;
    window.dispatch_event(&web_sys::Event::new("online").unwrap()).unwrap();
    wait_for("no banner", || {
        root.query_selector(".offline-banner").unwrap().is_none().then_some(())
    })
    .await;
}
