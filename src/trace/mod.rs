//! The geometry of a touch-trace picture: touches in the unit square become dots (taps) and line
//! segments (drags) on a square canvas of any size and device pixel ratio. What to draw is decided
//! here; drawing it on a canvas is the browser's part ([`canvas`]).

#[cfg(target_arch = "wasm32")]
pub mod canvas;

use crate::touches::Touch;

/// The stroke width as a fraction of the side: the app drew 10 pt lines on a 300 pt square.
pub const STROKE_FRACTION: f64 = 1.0 / 30.0;

/// A square canvas: its side in device pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    pub side: f64,
}

impl Geometry {
    /// A canvas shown `css_side` CSS pixels wide on a screen with `device_pixel_ratio` (clamped to 1–4
    /// so a broken value cannot ask for a huge bitmap), rounded to whole device pixels.
    pub fn new(css_side: f64, device_pixel_ratio: f64) -> Self {
        let dpr = if device_pixel_ratio.is_finite() {
            device_pixel_ratio.clamp(1.0, 4.0)
        } else {
            1.0
        };
        let css = if css_side.is_finite() { css_side.max(1.0) } else { 1.0 };
        Geometry {
            side: (css * dpr).round().max(1.0),
        }
    }

    pub fn line_width(&self) -> f64 {
        self.side * STROKE_FRACTION
    }

    /// A touch's position in device pixels (origin top-left, y down, as the app recorded it).
    pub fn point(&self, touch: &Touch) -> (f64, f64) {
        (f64::from(touch.x) * self.side, f64::from(touch.y) * self.side)
    }
}

/// One thing to draw, in device pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mark {
    /// A tap (or the start of a drag): a filled dot as wide as a line.
    Dot { x: f64, y: f64, radius: f64 },
    /// A drag from the previous touch to this one (round caps and joins).
    Segment { from: (f64, f64), to: (f64, f64) },
}

/// The marks of one layer in touch order, each with the time (s) of the touch that makes it.
pub fn marks(touches: &[Touch], geometry: &Geometry) -> Vec<(f32, Mark)> {
    let radius = geometry.line_width() / 2.0;
    let mut previous: Option<(f64, f64)> = None;
    touches
        .iter()
        .map(|touch| {
            let here = geometry.point(touch);
            let mark = match (touch.moving, previous) {
                (true, Some(from)) => Mark::Segment { from, to: here },
                _ => Mark::Dot {
                    x: here.0,
                    y: here.1,
                    radius,
                },
            };
            previous = Some(here);
            (touch.time, mark)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(time: f32, x: f32, y: f32, moving: bool) -> Touch {
        Touch {
            time,
            x,
            y,
            z: 20.0,
            moving,
        }
    }

    #[test]
    fn size_follows_css_pixels_times_device_pixel_ratio() {
        assert_eq!(Geometry::new(300.0, 1.0).side, 300.0);
        assert_eq!(Geometry::new(300.0, 2.0).side, 600.0);
        assert_eq!(Geometry::new(250.5, 1.5).side, 376.0);
        assert_eq!(
            Geometry::new(300.0, 0.5).side,
            300.0,
            "never below one device pixel per CSS pixel"
        );
        assert_eq!(Geometry::new(300.0, 10.0).side, 1200.0, "ratio capped at 4");
        assert_eq!(Geometry::new(f64::NAN, f64::INFINITY).side, 1.0);
        assert_eq!(Geometry::new(0.0, 2.0).side, 2.0);
    }

    #[test]
    fn stroke_is_a_thirtieth_of_the_side() {
        assert_eq!(Geometry::new(300.0, 1.0).line_width(), 10.0);
        assert_eq!(Geometry::new(300.0, 3.0).line_width(), 30.0);
    }

    #[test]
    fn touches_map_to_pixels_with_y_down() {
        let g = Geometry::new(200.0, 2.0);
        assert_eq!(g.point(&touch(0.0, 0.0, 0.0, false)), (0.0, 0.0));
        assert_eq!(g.point(&touch(0.0, 1.0, 1.0, false)), (400.0, 400.0));
        assert_eq!(g.point(&touch(0.0, 0.25, 0.75, false)), (100.0, 300.0));
    }

    #[test]
    fn taps_are_dots_and_drags_are_segments_from_the_previous_touch() {
        let g = Geometry::new(100.0, 1.0);
        let touches = [
            touch(0.0, 0.1, 0.1, false),
            touch(0.1, 0.2, 0.1, true),
            touch(0.2, 0.2, 0.3, true),
            touch(0.5, 0.9, 0.9, false),
        ];
        let marks = marks(&touches, &g);
        let r = 100.0 / 60.0;
        let close = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).abs() < 1e-4 && (a.1 - b.1).abs() < 1e-4;
        assert!(
            matches!(marks[0], (0.0, Mark::Dot { x, y, radius }) if close((x, y), (10.0, 10.0)) && (radius - r).abs() < 1e-9)
        );
        assert!(
            matches!(marks[1].1, Mark::Segment { from, to } if close(from, (10.0, 10.0)) && close(to, (20.0, 10.0)))
        );
        assert!(
            matches!(marks[2].1, Mark::Segment { from, to } if close(from, (20.0, 10.0)) && close(to, (20.0, 30.0)))
        );
        assert!(matches!(marks[3], (0.5, Mark::Dot { .. })));
    }

    #[test]
    fn a_drag_sample_with_nothing_before_it_is_a_dot() {
        let marks = marks(&[touch(0.0, 0.5, 0.5, true)], &Geometry::new(100.0, 1.0));
        assert!(matches!(marks[0].1, Mark::Dot { .. }));
    }
}
