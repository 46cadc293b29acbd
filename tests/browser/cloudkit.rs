//! The site configured for CloudKit, against the fake CloudKit in scripts/fake_cloudkit.py serving
//! the same records as the JSON gallery fixture: the same gallery, performer page and jam layers.

use crate::{document, load_to_end, open, server, texts, visit, wait_for, wait_for_heading};
use wasm_bindgen_test::wasm_bindgen_test;

/// Sets (or with None removes) a `<meta name=… content=…>` in the document head.
fn meta(name: &str, content: Option<&str>) {
    let head = document().head().unwrap();
    let existing = head.query_selector(&format!("meta[name='{name}']")).unwrap();
    match (existing, content) {
        (Some(meta), None) => meta.remove(),
        (Some(meta), Some(content)) => meta.set_attribute("content", content).unwrap(),
        (None, Some(content)) => {
            let meta = document().create_element("meta").unwrap();
            meta.set_attribute("name", name).unwrap();
            meta.set_attribute("content", content).unwrap();
            head.append_child(&meta).unwrap();
        }
        (None, None) => {}
    }
}

/// Points the site at the fake CloudKit with `token` until the guard is dropped.
struct CloudKit;

impl CloudKit {
    fn with_token(token: &str) -> CloudKit {
        meta("microjam-backend", Some("cloudkit"));
        meta("microjam-cloudkit-url", Some(&format!("{}/cloudkit", server())));
        meta("microjam-cloudkit-container", Some("iCloud.test.microjam"));
        meta("microjam-cloudkit-environment", Some("development"));
        meta("microjam-cloudkit-token", Some(token));
        microjam_web::backend::config::load();
        CloudKit
    }
}

impl Drop for CloudKit {
    fn drop(&mut self) {
        meta("microjam-backend", None);
        microjam_web::backend::config::load();
    }
}

#[wasm_bindgen_test]
async fn the_gallery_performer_and_jam_pages_match_the_json_api() {
    let _cloudkit = CloudKit::with_token("test-token");
    let root = open("/fixtures/gallery", "/").await;
    load_to_end(&root).await;
    assert_eq!(
        texts(&root, "article.jam-card .performer"),
        ["alice", "<img src=x onerror=alert(1)>", "dave", "erin"]
    );
    assert_eq!(texts(&root, "article.jam-card .layer-count"), ["3 layers"]);
    assert_eq!(
        texts(&root, "article.jam-card .card-performers")[0],
        "alice with bob and carol"
    );

    visit("/performers/alice");
    wait_for_heading(&root, "alice").await;
    load_to_end(&root).await;
    assert_eq!(texts(&root, "article.jam-card .performer"), ["alice"]);

    visit("/performances/c");
    wait_for("the jam's layers", || {
        (texts(&root, ".layers li").len() == 3).then_some(())
    })
    .await;
    assert_eq!(
        texts(&root, ".layers li .layer-text > a:first-child"),
        ["alice", "bob", "carol"]
    );
    assert!(!root.inner_html().contains("59.94") && !root.inner_html().contains("_private-user"));

    visit("/performances/no-such-record");
    wait_for_heading(&root, "Performance not found").await;
    visit("/performers/nobody");
    wait_for_heading(&root, "Performer not found").await;
}

#[wasm_bindgen_test]
async fn throttling_is_retried_and_a_refused_token_names_the_setting() {
    {
        let _cloudkit = CloudKit::with_token("throttle-once");
        let root = open("/fixtures/gallery", "/?instrument=drums").await;
        wait_for("drums after a retry", || {
            root.query_selector("article.jam-card").unwrap()
        })
        .await;
    }
    let _cloudkit = CloudKit::with_token("bad-token");
    let root = open("/fixtures/gallery", "/").await;
    let message = wait_for("the error", || texts(&root, ".error-panel p").first().cloned()).await;
    assert!(
        message.contains("microjam-cloudkit-token") && message.contains("AUTHENTICATION_REQUIRED"),
        "{message}"
    );
}
