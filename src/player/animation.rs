//! The trace redrawn in time: as a layer's touches happen, their strokes are drawn again over the
//! still picture in a brighter shade (HSB brightness × 1.3), all layers together.

use crate::performance::Performance;
use crate::trace::canvas::{context, draw, draw_marks};
use crate::trace::{marks, Geometry, Mark};
use std::sync::Arc;
use web_sys::HtmlCanvasElement;

struct Layer {
    colour: String,
    marks: Vec<(f32, Mark)>,
    drawn: usize,
}

pub struct Animation {
    canvas: HtmlCanvasElement,
    jam: Vec<Arc<Performance>>,
    layers: Vec<Layer>,
}

impl Animation {
    /// Prepares to animate `jam` (layers newest first) on `canvas`, starting from the still picture.
    pub fn new(canvas: HtmlCanvasElement, jam: Vec<Arc<Performance>>) -> Self {
        draw(&canvas, &jam);
        let geometry = Geometry {
            side: f64::from(canvas.width()),
        };
        let layers = jam
            .iter()
            .rev()
            .map(|p| Layer {
                colour: p.colour.brighter(1.3).css(),
                marks: marks(&p.touches, &geometry),
                drawn: 0,
            })
            .collect();
        Animation { canvas, jam, layers }
    }

    /// Draws every stroke that has happened by jam time `position` and is not drawn yet.
    pub fn advance(&mut self, position: f64) {
        let Some(ctx) = context(&self.canvas) else { return };
        ctx.set_line_width(f64::from(self.canvas.width()) * crate::trace::STROKE_FRACTION);
        ctx.set_line_cap("round");
        ctx.set_line_join("round");
        for layer in &mut self.layers {
            let upto = layer.marks.partition_point(|(time, _)| f64::from(*time) <= position);
            if upto > layer.drawn {
                ctx.set_stroke_style_str(&layer.colour);
                ctx.set_fill_style_str(&layer.colour);
                // Start one mark back so a drag continues from where the last frame left it.
                let from = layer.drawn.saturating_sub(1);
                draw_marks(&ctx, layer.marks[from..upto].iter().map(|(_, m)| m));
                layer.drawn = upto;
            }
        }
    }

    /// Puts the still picture back.
    pub fn reset(&mut self) {
        draw(&self.canvas, &self.jam);
        self.layers.iter_mut().for_each(|l| l.drawn = 0);
    }
}
