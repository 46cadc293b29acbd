//! The picture of a jam: every layer's touch trace on the root layer's background, root first and
//! newest on top, drawn sharp for the screen's pixel ratio when the canvas nears the viewport, and
//! its bitmap let go when the canvas goes away.

use super::visibility::watch_visibility;
use crate::performance::Performance;
use crate::trace::{marks, Geometry, Mark};
use leptos::html::Canvas;
use leptos::prelude::*;
use std::f64::consts::TAU;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

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
        if eager {
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

/// Marks the frame after the first picture is drawn, for the load-time benchmark
/// (`microjam:first-trace`, in the browser's performance timeline).
fn mark_first_picture() {
    thread_local!(static MARKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if !MARKED.replace(true) {
        request_animation_frame(|| mark("microjam:first-trace"));
    }
}

/// A named mark in the browser's performance timeline.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Draws the layers (newest first) onto `canvas` at its displayed size.
pub fn draw(canvas: &HtmlCanvasElement, layers: &[Arc<Performance>]) {
    mark_first_picture();
    let css_side = f64::from(canvas.client_width());
    let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let geometry = Geometry::new(if css_side > 0.0 { css_side } else { 300.0 }, ratio);
    let side = geometry.side as u32;
    canvas.set_width(side);
    canvas.set_height(side);
    let Some(ctx) = context(canvas) else { return };
    if let Some(root) = layers.last() {
        ctx.set_fill_style_str(&root.background.css());
        ctx.fill_rect(0.0, 0.0, geometry.side, geometry.side);
    }
    ctx.set_line_width(geometry.line_width());
    ctx.set_line_cap("round");
    ctx.set_line_join("round");
    for layer in layers.iter().rev() {
        let colour = layer.colour.css();
        ctx.set_stroke_style_str(&colour);
        ctx.set_fill_style_str(&colour);
        draw_marks(&ctx, marks(&layer.touches, &geometry).iter().map(|(_, m)| m));
    }
}

/// The canvas's 2D drawing context.
pub fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// Strokes drags as connected paths (so joins are round) and fills taps as dots.
pub fn draw_marks<'a>(ctx: &CanvasRenderingContext2d, marks: impl Iterator<Item = &'a Mark>) {
    let mut pen: Option<(f64, f64)> = None;
    ctx.begin_path();
    for mark in marks {
        match *mark {
            Mark::Segment { from, to } => {
                if pen != Some(from) {
                    ctx.move_to(from.0, from.1);
                }
                ctx.line_to(to.0, to.1);
                pen = Some(to);
            }
            Mark::Dot { x, y, radius } => {
                ctx.stroke();
                ctx.begin_path();
                let _ = ctx.arc(x, y, radius, 0.0, TAU);
                ctx.fill();
                ctx.begin_path();
                ctx.move_to(x, y);
                pen = Some((x, y));
            }
        }
    }
    ctx.stroke();
}
