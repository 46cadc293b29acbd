use super::*;
use crate::chain::{ChainEnd, Jam};
use crate::performance::Performance;
use std::sync::Arc;

fn jam(names: &[&str]) -> Jam {
    // Newest first: each layer answers the next.
    let layers = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let parent = format!("p{}", i + 1);
            let reply_to = (i + 1 < names.len()).then_some(parent.as_str());
            Arc::new(Performance::new(&format!("p{i}"), name, "drums", reply_to, Vec::new()))
        })
        .collect();
    Jam {
        layers,
        end: ChainEnd::Root,
    }
}

#[test]
fn escapes_every_character_that_could_end_a_text_or_an_attribute() {
    assert_eq!(
        escape(r#"<a href="x">Tom & 'Jerry'</a>"#),
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
    );
    assert_eq!(escape("plain ünïcode"), "plain ünïcode");
}

#[test]
fn a_card_never_carries_a_backend_text_unescaped() {
    let card = card(&jam(&["<img src=x onerror=alert(1)>", "\"bob\""]), 0, 0);
    assert!(!card.contains("<img"), "{card}");
    assert!(!card.contains("\"bob\""), "{card}");
    assert!(card.contains("&lt;img src=x onerror=alert(1)&gt;"), "{card}");
    assert!(card.contains(">&quot;bob&quot;</a>"), "{card}");
}

#[test]
fn a_card_says_what_the_apps_card_says() {
    let jam = jam(&["alice", "bob", "carol"]);
    let day = 86_400_000;
    let card = card(&jam, 4, 3 * day);
    for expected in [
        r#"aria-label="Drums jam by alice with bob and carol""#,
        r#"data-index="4" aria-posinset="5" aria-setsize="-1""#,
        r#"<a href="/performers/alice" class="performer">alice</a> with <a href="/performers/bob">bob</a> and <a href="/performers/carol">carol</a>"#,
        r#"<span class="instrument">Drums</span> · <time datetime="1970-01-01T00:00:00Z""#,
        r#" · <span class="layer-count">3 layers</span>"#,
        r#"aria-label="Play jam by alice" title="Play jam by alice""#,
        r#"<a href="/performances/p0" aria-label="Open the Drums jam by alice" class="card-open">Open</a>"#,
        &format!(r#"aria-label="{}""#, trace_label(&jam)),
        &format!(">{}</time>", dates::age_in_words(3 * day, 0)),
    ] {
        assert!(card.contains(expected), "{expected}\nnot in\n{card}");
    }
}

#[test]
fn a_single_layer_card_has_no_others_and_no_layer_count() {
    let card = card(&jam(&["alice"]), 0, 0);
    assert!(!card.contains(" with "), "{card}");
    assert!(!card.contains("layer-count"), "{card}");
}

#[test]
fn the_frame_holds_the_grid_once_with_every_instrument_and_the_gallery_current() {
    let page = frame(&loading_grid());
    assert_eq!(page.matches(r#"class="jam-card skeleton""#).count(), 6);
    assert_eq!(page.matches(r#"class="chip""#).count(), instrument::ALL.len() + 1);
    assert!(page.contains(r#"<a href="/" aria-current="page">Gallery</a>"#));
    assert!(
        page.contains(r#"<a href="/?instrument=fmlead" class="chip">FM lead</a>"#),
        "{page}"
    );
    let cards = frame(&card_grid("CARDS"));
    assert!(cards.contains(r#"<section aria-label="Jams"><div class="jam-grid" role="feed" aria-label="Jams" aria-busy="false">CARDS</div></section>"#));
}

#[test]
fn an_error_panel_escapes_its_message() {
    assert!(error_panel("a < b").contains("<p>a &lt; b</p>"));
}

/// index.html holds the frame for its inline script to show before any wasm has arrived: it must be
/// exactly this module's (which the end-to-end test holds to the App's).
#[test]
fn index_html_holds_the_frame_as_written_here() {
    let index = include_str!("../../../index.html");
    let expected = format!(r#"<template id="first-paint">{}</template>"#, frame(&loading_grid()));
    assert!(
        index.lines().any(|line| line.trim() == expected),
        "index.html should hold this line (the frame changed: copy it there):\n{expected}"
    );
}
