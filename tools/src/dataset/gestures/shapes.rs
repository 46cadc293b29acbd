//! Single drags: swipes, swirls, zig-zags and scribbles, each a path from 0..1 to screen positions.

use std::f64::consts::{FRAC_PI_2, PI, TAU};

use super::{smooth, Take, ASPECT};
use crate::dataset::rng::{cos, sin};

impl Take<'_> {
    /// A short, nearly straight stroke of `len` (in screen widths) heading `angle` (y down).
    pub(super) fn swipe(&mut self, t: u64, dur: f64, angle: f64, len: f64) -> u64 {
        let (dx, dy) = (len * cos(angle), len * sin(angle) * ASPECT);
        let x0 = self.rng.range(0.04f64.max(0.04 - dx), 0.96f64.min(0.96 - dx));
        let y0 = self.rng.range(0.04f64.max(0.04 - dy), 0.96f64.min(0.96 - dy));
        let (px, py) = (-sin(angle), cos(angle) * ASPECT);
        let bow = self.rng.range(-0.04, 0.04);
        self.stroke(t, dur, move |s| {
            let (e, b) = (smooth(s), bow * sin(PI * s));
            (x0 + dx * e + px * b, y0 + dy * e + py * b)
        })
    }

    /// Circles or a spiral, a bit wobbly, drifting slowly.
    pub(super) fn swirl(&mut self, t: u64, dur: f64) -> u64 {
        let (r0, r1) = (self.rng.range(0.05, 0.3), self.rng.range(0.05, 0.3));
        let r = r0.max(r1) * 1.12;
        let (cx, cy) = (
            self.rng.range(r + 0.03, 0.97 - r),
            self.rng.range(r * ASPECT + 0.03, 0.97 - r * ASPECT),
        );
        let (drift_x, drift_y) = (self.rng.gauss() * 0.02, self.rng.gauss() * 0.03);
        let turns = self.rng.range(1.0, 2.2) * dur * if self.rng.chance(0.5) { 1.0 } else { -1.0 };
        let (theta0, wobble, wobble_freq, phase) = (
            self.rng.range(0.0, TAU),
            self.rng.range(0.02, 0.09),
            self.rng.range(2.0, 7.0),
            self.rng.range(0.0, TAU),
        );
        self.stroke(t, dur, move |s| {
            let radius = (r0 + (r1 - r0) * s) * (1.0 + wobble * sin(TAU * wobble_freq * s + phase));
            let theta = theta0 + TAU * turns * s;
            (
                cx + drift_x * s + radius * cos(theta),
                cy + drift_y * s + radius * sin(theta) * ASPECT,
            )
        })
    }

    /// Back and forth across a line, slowing at each turn.
    pub(super) fn zigzag(&mut self, t: u64, dur: f64) -> u64 {
        let teeth = self.rng.int(3, 8) as f64;
        let (amp, along) = (self.rng.range(0.06, 0.2), self.rng.range(0.25, 0.6));
        let angle = self.rng.below(4) as f64 * FRAC_PI_2 + self.rng.gauss() * 0.2;
        let (ux, uy, px, py) = (cos(angle), sin(angle) * ASPECT, -sin(angle), cos(angle) * ASPECT);
        let (cx, cy) = (self.rng.range(0.3, 0.7), self.rng.range(0.3, 0.7));
        self.stroke(t, dur, move |s| {
            let half = s * teeth * 2.0;
            let phase = (half.floor() + smooth(half - half.floor())) / 2.0;
            let tri = 1.0 - 4.0 * (phase - phase.floor() - 0.5).abs();
            let a = along * (s - 0.5);
            (cx + ux * a + px * amp * tri, cy + uy * a + py * amp * tri)
        })
    }

    /// An aimless loopy scribble: a few sine waves per axis.
    pub(super) fn scribble(&mut self, t: u64, dur: f64) -> u64 {
        let (cx, cy) = (self.rng.range(0.3, 0.7), self.rng.range(0.3, 0.7));
        let mut waves = [(0.0, 0.0, 0.0, 0.0, 0.0, 0.0); 3];
        for (k, w) in waves.iter_mut().enumerate() {
            let scale = 1.0 / (k + 1) as f64;
            *w = (
                self.rng.range(0.7, 4.0),
                self.rng.range(0.04, 0.14) * scale,
                self.rng.range(0.0, TAU),
                self.rng.range(0.7, 4.0),
                self.rng.range(0.04, 0.12) * scale,
                self.rng.range(0.0, TAU),
            );
        }
        self.stroke(t, dur, move |s| {
            let secs = s * dur;
            waves.iter().fold((cx, cy), |(x, y), &(fx, ax, px, fy, ay, py)| {
                (x + ax * sin(TAU * fx * secs + px), y + ay * sin(TAU * fy * secs + py))
            })
        })
    }
}
