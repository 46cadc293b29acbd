//! The windowed feed and its loader against the test server's long feed (`/bench`: 25 pages of 20)
//! and the fixture feed: only the cards near the viewport are mounted, empty space of their height
//! stands in for the rest, and a feed seen before is not asked for again.

use crate::{open, server, set_api_base, sleep, visit, wait_for};
use leptos::prelude::GetUntracked;
use microjam_web::backend::View;
use microjam_web::components::FeedLoader;
use microjam_web::paging::Paging;
use wasm_bindgen::JsCast;

fn attribute_numbers(root: &web_sys::Element, selector: &str, name: &str) -> Vec<i64> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|e| e.get_attribute(name)?.parse().ok())
        .collect()
}

fn scroll_to(y: f64) {
    web_sys::window().unwrap().scroll_to_with_x_and_y(0.0, y);
}

#[wasm_bindgen_test::wasm_bindgen_test]
async fn a_long_feed_mounts_only_the_cards_near_the_viewport() {
    let root = open("/bench", "/").await;
    wait_for("the first cards", || root.query_selector("article.jam-card").unwrap()).await;
    wait_for("all 25 pages", || {
        if let Some(button) = root.query_selector(".feed-end button").unwrap() {
            button.unchecked_into::<web_sys::HtmlElement>().click();
        }
        root.query_selector(".feed-done").unwrap()
    })
    .await;
    scroll_to(0.0);
    sleep(100).await;
    let feed = root.query_selector("[role=feed]").unwrap().expect("a feed");
    let sizes = attribute_numbers(&root, "article.jam-card", "aria-setsize");
    assert!(sizes.iter().all(|&s| s == 500), "{sizes:?}");
    let first = attribute_numbers(&root, "article.jam-card", "aria-posinset");
    assert!(first.len() < 60, "{} cards mounted of 500", first.len());
    assert_eq!(first[0], 1);
    // The list is as tall as 500 cards: what is not mounted is space.
    let height = feed.get_bounding_client_rect().height();
    let card = root
        .query_selector("article.jam-card")
        .unwrap()
        .unwrap()
        .get_bounding_client_rect()
        .height();
    assert!(
        height > card * 500.0 / 4.0,
        "the list is {height} px for 500 cards of {card} px"
    );

    // Halfway down, the cards there are mounted and the first ones are gone.
    let top = feed.get_bounding_client_rect().top() + web_sys::window().unwrap().scroll_y().unwrap();
    scroll_to(top + height / 2.0);
    let middle = wait_for("cards from the middle", || {
        let now = attribute_numbers(&root, "article.jam-card", "aria-posinset");
        (now.first().is_some_and(|&p| p > 100)).then_some(now)
    })
    .await;
    assert!((200..=300).contains(&middle[middle.len() / 2]), "{middle:?}");
    assert!(
        middle.windows(2).all(|w| w[1] == w[0] + 1),
        "in order, none missing: {middle:?}"
    );
    scroll_to(0.0);
}

#[wasm_bindgen_test::wasm_bindgen_test]
async fn a_feed_seen_before_is_not_asked_for_again_and_one_page_loads_at_a_time() {
    // A base of its own, so that no other test has loaded this feed in this session.
    let fresh = format!("/flaky/0/{}/fixtures/gallery", js_sys::Date::now());
    open(&fresh, "/privacy").await;
    let loader = FeedLoader::open(View::Instrument("drums".into()));
    assert_eq!(loader.requests(), 1, "the first page is asked for at once");
    loader.load();
    assert_eq!(loader.requests(), 1, "not twice while it loads");
    wait_for("the only page", || {
        (loader.paging().get_untracked() == Paging::Done).then_some(())
    })
    .await;
    let jams = loader.jams().get_untracked();
    assert_eq!(jams.len(), 3, "c (with its layers), e and f");
    assert!(
        jams.iter()
            .all(|jam| jam.leaf().csv.is_empty() && !jam.leaf().touches.is_empty()),
        "the feed keeps the touches, not the CSV text"
    );
    let again = FeedLoader::open(View::Instrument("drums".into()));
    assert_eq!(again.jams().get_untracked().len(), 3, "the same jams");
    again.load();
    assert_eq!(
        loader.requests(),
        1,
        "nothing asked again, and a complete feed asks for nothing"
    );
    set_api_base(&format!("{}/fixtures/gallery", server()));
    let elsewhere = FeedLoader::open(View::Instrument("drums".into()));
    assert_eq!(elsewhere.requests(), 1, "another backend's feed is another feed");
    visit("/");
}
