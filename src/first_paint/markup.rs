//! The gallery's first screen as HTML text, element for element what the App renders for `/` (the
//! site's frame in `components/layout.rs`, the gallery in `routes/gallery.rs`, the feed's loading
//! state in `components/feed_view.rs`, a card in `components/jam_card.rs` and `play_button.rs`), so
//! that the App can take the page over without anything on screen moving. The end-to-end test
//! `first-paint.test.mjs` holds the two to each other: it compares this markup with the App's, card
//! by card, and fails on any difference.
//!
//! Every text that comes from a backend is escaped here (`escape`).

use crate::chain::Jam;
use crate::dates;
#[cfg(test)]
use crate::instrument;
use crate::urls::{performance_path, performer_path};
use crate::wording::{card_label, list_separator, open_label, play_label, plural, trace_label, with_performers};
use std::fmt::Write;

/// `text` safe inside an element or a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The whole page around the feed's grid (`grid`, from [`loading_grid`] or [`card_grid`]). index.html
/// holds it with the loading grid, for its inline script to show (a test checks the copy).
#[cfg(test)]
pub fn frame(grid: &str) -> String {
    let mut chips = String::from(r#"<li><a href="/" class="chip" aria-current="page">All</a></li>"#);
    for choice in &instrument::ALL {
        let _ = write!(
            chips,
            r#"<li><a href="/?instrument={}" class="chip">{}</a></li>"#,
            choice.name(),
            choice.label()
        );
    }
    format!(
        concat!(
            r##"<a class="skip-link" href="#main" target="_self">Skip to content</a>"##,
            r#"<header class="site-header"><a href="/" aria-current="page" class="brand"><span class="brand-mark" aria-hidden="true"></span>MicroJam</a>"#,
            r#"<nav aria-label="Main"><a href="/" aria-current="page">Gallery</a><a href="/perform">Perform</a><a href="/privacy">Privacy</a></nav></header>"#,
            r#"<div class="offline-region" role="status"></div>"#,
            r#"<main id="main" tabindex="-1"><h1>Newest jams</h1>"#,
            r#"<nav class="instrument-filter" aria-label="Filter by instrument"><ul>{chips}</ul></nav>"#,
            r#"<section aria-label="Jams">{grid}</section></main>"#,
            r#"<footer class="site-footer"><p>MicroJam: tiny touch-screen performances, a research project at the <a href="https://www.uio.no/" rel="external">University of Oslo</a>.</p>"#,
            r#"<p><a href="/privacy">Privacy Policy</a></p></footer>"#,
        ),
        chips = chips,
        grid = grid,
    )
}

/// The feed while its first page loads: six placeholders of a card's size.
#[cfg(test)]
pub fn loading_grid() -> String {
    let skeleton = concat!(
        r#"<div class="jam-card skeleton" aria-hidden="true"><div class="card-picture"><div class="trace"></div></div>"#,
        r#"<div class="card-body"><p class="card-performers"><span class="bar"></span></p>"#,
        r#"<p class="card-details"><span class="bar short"></span></p>"#,
        r#"<div class="card-actions"><span class="bar tiny"></span></div></div></div>"#,
    );
    format!(r#"<div class="jam-grid" aria-busy="true">{}</div>"#, skeleton.repeat(6))
}

/// A problem and Retry, as `components::ErrorPanel` shows one.
pub fn error_panel(message: &str) -> String {
    format!(
        r#"<div class="error-panel" role="alert"><p>{}</p><button type="button" class="button">Retry</button></div>"#,
        escape(message)
    )
}

/// The feed's grid holding `cards` (from [`card`]).
pub fn card_grid(cards: &str) -> String {
    format!(r#"<div class="jam-grid" role="feed" aria-label="Jams" aria-busy="false">{cards}</div>"#)
}

/// The card of `jam`, the `index`th of a feed that may go on, its age told at `now_ms`.
pub fn card(jam: &Jam, index: usize, now_ms: i64) -> String {
    let leaf = jam.leaf();
    let performer = escape(&leaf.performer);
    let mut performers = format!(
        r#"<a href="{}" class="performer">{performer}</a>"#,
        escape(&performer_path(&leaf.performer))
    );
    let others = with_performers(jam);
    if !others.is_empty() {
        performers.push_str(" with ");
        for (i, name) in others.iter().enumerate() {
            let separator = list_separator(i, others.len());
            let _ = write!(
                performers,
                r#"{separator}<a href="{}">{}</a>"#,
                escape(&performer_path(name)),
                escape(name)
            );
        }
    }
    let layers = match jam.layers.len() {
        1 => String::new(),
        n => format!(
            r#" · <span class="layer-count">{}</span>"#,
            plural(n, "layer", "layers")
        ),
    };
    let background = jam.layers.last().map(|root| root.background.css()).unwrap_or_default();
    let play = escape(&play_label(&leaf.performer));
    format!(
        concat!(
            r#"<article class="jam-card" tabindex="0" aria-label="{card}" aria-keyshortcuts="Space" data-index="{index}" aria-posinset="{position}" aria-setsize="-1">"#,
            r#"<div class="card-picture"><canvas class="trace" role="img" aria-label="{trace}" style="background-color: {background};" width="300" height="300"></canvas></div>"#,
            r#"<div class="card-body"><p class="card-performers">{performers}</p>"#,
            r#"<p class="card-details"><span class="instrument">{instrument}</span> · <time datetime="{date}" title="{exact}">{age}</time>{layers}</p>"#,
            r#"<div class="card-actions"><div class="player"><button type="button" class="button play" aria-label="{play}" title="{play}" aria-busy="false">"#,
            r#"<span class="play-icon" aria-hidden="true">▶</span><span class="play-text" aria-hidden="true">Play</span></button></div>"#,
            r#"<a href="{open}" aria-label="{open_label}" class="card-open">Open</a></div></div></article>"#,
        ),
        card = escape(&card_label(jam)),
        index = index,
        position = index + 1,
        trace = escape(&trace_label(jam)),
        background = background,
        performers = performers,
        instrument = escape(leaf.instrument.label()),
        date = escape(&leaf.date),
        exact = dates::format_utc(leaf.timestamp_ms),
        age = dates::age_in_words(now_ms, leaf.timestamp_ms),
        layers = layers,
        play = play,
        open = escape(&performance_path(&leaf.id)),
        open_label = escape(&open_label(jam)),
    )
}

#[cfg(test)]
mod tests;
