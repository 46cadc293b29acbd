//! The picture of a jam: every layer's touch trace on the root layer's background, root first and
//! newest on top, drawn sharp for the screen's pixel ratio when the canvas nears the viewport, and
//! its bitmap let go when the canvas goes away.

use super::visibility::watch_visibility;
use crate::performance::Performance;
use crate::trace::canvas::draw;
use leptos::html::Canvas;
use leptos::prelude::*;
use std::sync::Arc;

/// `layers` newest first, as in a `Jam`. `label` is the picture's accessible name.
#[component]
pub fn TraceCanvas(
    layers: Vec<Arc<Performance>>,
    label: String,
    #[prop(optional)] eager: bool,
    /// The canvas element, for whoever animates it.
    #[prop(optional)]
    canvas: Option<NodeRef<Canvas>>,
) -> impl IntoView {
    let canvas = canvas.unwrap_or_default();
    let background = layers.last().map(|root| root.background.css()).unwrap_or_default();
    // A card scrolled far away is unmounted: let its bitmap go now rather than whenever the
    // garbage collector gets to the element (it is drawn again if it comes back).
    on_cleanup(move || {
        if let Some(element) = canvas.try_get_untracked().flatten() {
            element.set_width(0);
            element.set_height(0);
        }
    });
    Effect::new(move |_| {
        let Some(element) = canvas.get() else { return };
        // (A picture the first paint drew is drawn at once, so that it is never blank for a frame.)
        if eager || layers.first().is_some_and(|leaf| crate::first_paint::drawn(&leaf.id)) {
            draw(&element, &layers);
            return;
        }
        let layers = layers.clone();
        let target = element.clone();
        // Drawn once, when near the viewport; then the observer is let go.
        watch_visibility(&target, "300px", move |visible| {
            if visible {
                draw(&element, &layers);
            }
            !visible
        });
    });
    view! {
        <canvas
            node_ref=canvas
            class="trace"
            role="img"
            aria-label=label
            style:background-color=background
            width="300"
            height="300"
        ></canvas>
    }
}
