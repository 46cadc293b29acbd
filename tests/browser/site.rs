//! The App's routes: the privacy policy, the 404 page, and client-side navigation.

use crate::{document, texts, visit, wait_for, wait_for_heading};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

const POLICY_SECTIONS: [&str; 8] = [
    "Information Collection And Use",
    "Log Data",
    "Service Providers",
    "Security",
    "Links To Other Sites",
    "Children's Privacy",
    "Changes To This Privacy Policy",
    "Contact Us",
];

#[wasm_bindgen_test]
async fn the_privacy_page_shows_every_section_of_the_policy() {
    let root = visit("/privacy");
    let headings = wait_for("policy headings", || {
        let h = texts(&root, "article h2");
        (h.len() >= POLICY_SECTIONS.len()).then_some(h)
    })
    .await;
    assert_eq!(headings, POLICY_SECTIONS);
    assert!(texts(&root, "article h3").contains(&"Last updated: August 01, 2017".to_owned()));
    assert!(
        root.query_selector("h2#security").unwrap().is_some(),
        "headings carry ids for /privacy#security"
    );
    let contact = root.query_selector("#contact-us + p a[href^='http']").unwrap();
    assert!(contact.is_some(), "links in the policy are real links");
    assert_eq!(texts(&root, "h1"), ["Privacy Policy"]);
    wait_for("the document title", || {
        document().title().starts_with("Privacy Policy").then_some(())
    })
    .await;
}

#[wasm_bindgen_test]
async fn an_unknown_path_shows_the_404_page_with_a_way_home() {
    let root = visit("/no/such/page");
    wait_for_heading(&root, "Page not found").await;
    let home = root.query_selector(".not-found a").unwrap().expect("a link home");
    assert_eq!(home.get_attribute("href").as_deref(), Some("/"));
    wait_for("404 title", || {
        document().title().starts_with("Page not found").then_some(())
    })
    .await;
    assert_eq!(
        texts(&root, ".site-footer a[href='/privacy']"),
        ["Privacy Policy"],
        "footer links the policy"
    );
}

#[wasm_bindgen_test]
async fn moving_between_routes_does_not_reload_the_document() {
    let root = visit("/no/such/page");
    wait_for_heading(&root, "Page not found").await;
    // A marker on window survives only if the document is not reloaded.
    let window = web_sys::window().unwrap();
    js_sys::Reflect::set(&window, &"microjamMarker".into(), &42.into()).unwrap();
    let link: web_sys::HtmlElement = root
        .query_selector(".site-footer a[href='/privacy']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    link.click();
    wait_for_heading(&root, "Privacy Policy").await;
    assert_eq!(window.location().pathname().unwrap(), "/privacy");
    assert_eq!(js_sys::Reflect::get(&window, &"microjamMarker".into()).unwrap(), 42);
}
