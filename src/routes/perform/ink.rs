//! Drawing on the stage as the app draws: each touch at once, a dot for a tap and a line from the
//! last point for a drag, in the performer's colour, on the default background.

use crate::colour::DEFAULT_BACKGROUND;
use crate::touches::Touch;
use crate::trace::canvas::{context, draw_marks};
use crate::trace::{Geometry, Mark};
use web_sys::HtmlCanvasElement;

/// Makes the canvas a blank stage, sharp for the screen at its displayed size.
pub fn clear(canvas: &HtmlCanvasElement) {
    let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let side = Geometry::new(f64::from(canvas.client_width()), ratio).side as u32;
    canvas.set_width(side);
    canvas.set_height(side);
    if let Some(ctx) = context(canvas) {
        ctx.set_fill_style_str(&DEFAULT_BACKGROUND.css());
        ctx.fill_rect(0.0, 0.0, f64::from(side), f64::from(side));
    }
}

/// Draws `touch` in `colour`, a drag continuing from `pen`; returns where the pen is now.
pub fn touch(canvas: &HtmlCanvasElement, touch: &Touch, pen: Option<(f64, f64)>, colour: &str) -> (f64, f64) {
    let geometry = Geometry {
        side: f64::from(canvas.width()),
    };
    let here = geometry.point(touch);
    let mark = match pen.filter(|_| touch.moving) {
        Some(from) => Mark::Segment { from, to: here },
        None => Mark::Dot {
            x: here.0,
            y: here.1,
            radius: geometry.line_width() / 2.0,
        },
    };
    if let Some(ctx) = context(canvas) {
        ctx.set_stroke_style_str(colour);
        ctx.set_fill_style_str(colour);
        ctx.set_line_width(geometry.line_width());
        ctx.set_line_cap("round");
        ctx.set_line_join("round");
        draw_marks(&ctx, std::iter::once(&mark));
    }
    here
}
