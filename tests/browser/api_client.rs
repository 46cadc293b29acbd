//! The real client fetching real files over HTTP from the loopback test server.

use crate::{next_url, server, sleep};
use leptos::prelude::Owner;
use leptos::reactive::computed::ScopedFuture;
use microjam_web::backend::json::{fetch, Endpoints};
use microjam_web::backend::{http, ApiError, Cursor, Page, Performer};
use microjam_web::performance::Performance;
use std::{collections::HashSet, time::Duration};
use wasm_bindgen_test::wasm_bindgen_test;

fn api() -> Endpoints {
    Endpoints::new(&format!("{}/api", server()))
}

#[wasm_bindgen_test]
async fn the_feed_pages_through_every_performance_once() {
    let first: Page = fetch(api().feed()).await.expect("first feed page");
    assert!(!first.performances.is_empty());
    assert_eq!(
        next_url(first.next.clone()).as_deref(),
        Some(format!("{}/api/performances/pages/2.json", server()).as_str())
    );
    let (mut seen, mut pages, mut next) = (HashSet::new(), 1, next_url(first.next.clone()));
    let mut last_date = i64::MAX;
    for p in &first.performances {
        assert!(seen.insert(p.id.clone()));
        assert!(p.timestamp_ms <= last_date, "newest first");
        last_date = p.timestamp_ms;
    }
    while let Some(url) = next {
        let page: Page = fetch(url).await.expect("a later feed page");
        assert!(page.skipped.is_empty());
        for p in &page.performances {
            assert!(seen.insert(p.id.clone()), "{} twice", p.id);
            assert!(p.timestamp_ms <= last_date, "newest first across pages");
            last_date = p.timestamp_ms;
        }
        pages += 1;
        next = next_url(page.next);
        assert!(pages < 100, "the feed must end");
    }
    assert!(
        pages >= 3 && seen.len() >= 120,
        "{pages} pages, {} performances",
        seen.len()
    );
}

#[wasm_bindgen_test]
async fn one_performance_and_its_performer_by_encoded_name() {
    let first: Page = fetch(api().feed()).await.unwrap();
    let listed = &first.performances[0];
    let alone: Performance = fetch(api().performance(&listed.id)).await.unwrap();
    assert_eq!(&alone, listed.as_ref());
    assert!(!alone.touches.is_empty());
    let performer: Performer = fetch(api().performer(&listed.performer)).await.unwrap();
    assert_eq!(performer.name, listed.performer);
    assert!(performer
        .page
        .performances
        .iter()
        .all(|p| p.performer == listed.performer));
    // A stage name with spaces and non-ASCII letters travels percent-encoded and back.
    let mut url = Some(api().feed());
    let mut fancy = None;
    while let (Some(u), None) = (url.take(), fancy.as_ref()) {
        let page: Page = fetch(u).await.unwrap();
        fancy = page
            .performances
            .iter()
            .find(|p| !p.performer.is_ascii() && p.performer.contains(' '))
            .cloned();
        url = next_url(page.next);
    }
    let fancy = fancy.expect("the default data has a performer named with a space and non-ASCII letters");
    let performer: Performer = fetch(api().performer(&fancy.performer)).await.unwrap();
    assert_eq!(performer.name, fancy.performer);
    let instrument: Page = fetch(api().instrument(fancy.instrument.name())).await.unwrap();
    assert!(instrument.performances.iter().all(|p| p.instrument == fancy.instrument));
}

#[wasm_bindgen_test]
async fn errors_are_typed() {
    let missing = fetch::<Performance>(api().performance("no-such-id")).await.unwrap_err();
    assert_eq!(missing, ApiError::Status(404));
    assert!(missing.is_not_found());
    let broken = fetch::<Page>(format!("{}/fixtures/api/malformed.json", server()))
        .await
        .unwrap_err();
    assert!(matches!(broken, ApiError::Decode(_)), "{broken:?}");
    let unavailable = fetch::<Page>(format!("{}/status/503", server())).await.unwrap_err();
    assert_eq!(unavailable, ApiError::Status(503));
    let refused = fetch::<Page>("http://127.0.0.1:9/performances.json".to_owned())
        .await
        .unwrap_err();
    assert_eq!(refused, ApiError::Network);
    let slow = format!("{}/slow/3000/api/performances.json", server());
    let timed_out = http::request(&slow, None, Duration::from_millis(300))
        .await
        .unwrap_err();
    assert_eq!(timed_out, ApiError::Timeout);
}

#[wasm_bindgen_test]
async fn bad_records_are_skipped_and_private_fields_dropped() {
    let url = format!("{}/fixtures/api/mixed.json", server());
    let page: Page = fetch(url.clone()).await.unwrap();
    let ids: Vec<_> = page.performances.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["good-1", "good-2"]);
    assert_eq!(page.skipped.len(), 1);
    assert_eq!(page.next, Some(Cursor::Url(format!("{url}?cursor=2"))));
    assert!(!format!("{page:?}").contains("Alice Private"));
}

#[wasm_bindgen_test]
async fn leaving_the_view_aborts_the_request() {
    let owner = Owner::new();
    let slow = format!("{}/slow/3000/api/performances.json", server());
    // The request runs under `owner`, as it would under a page's reactive owner.
    let request = owner.with(|| ScopedFuture::new(fetch::<Page>(slow)));
    let leave = owner.clone();
    wasm_bindgen_futures::spawn_local(async move {
        sleep(100).await;
        leave.cleanup();
    });
    let started = js_sys::Date::now();
    assert_eq!(request.await.unwrap_err(), ApiError::Aborted);
    assert!(
        js_sys::Date::now() - started < 2000.0,
        "aborted well before the server answered"
    );
}
