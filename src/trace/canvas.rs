//! Drawing a jam's picture on a canvas in the browser: the layers' marks ([`super::marks`]) on the
//! root layer's background, sharp for the screen's pixel ratio.

use super::{marks, Geometry, Mark};
use crate::performance::Performance;
use std::f64::consts::TAU;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Draws the layers (newest first) onto `canvas` at its displayed size.
pub fn draw(canvas: &HtmlCanvasElement, layers: &[Arc<Performance>]) {
    draw_at(canvas, layers, f64::from(canvas.client_width()));
}

/// Draws the layers onto `canvas`, displayed `css_side` CSS pixels wide (measured by the caller).
pub fn draw_at(canvas: &HtmlCanvasElement, layers: &[Arc<Performance>], css_side: f64) {
    crate::bench_marks::first_picture();
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
