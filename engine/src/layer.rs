//! One layer of a jam: one instance of its instrument's patch, fed its touches at their exact
//! samples (and live touches as they come), through the app's output stage.

use crate::instruments::{Instrument, Patch};
use crate::output::OutputStage;
use crate::{Touch, TouchMsg};

/// Touches later than this (s) are not played: a performance lasts about 5 s, and a row claiming
/// hours is broken.
pub const MAX_TIME: f64 = 60.0;

pub struct Layer {
    patch: Box<dyn Patch>,
    output: OutputStage,
    /// (sample, message), in time order.
    touches: Vec<(u64, TouchMsg)>,
    next: usize,
    /// Live touches, played at the start of the next render.
    live: Vec<TouchMsg>,
    now: u64,
}

impl Layer {
    /// A layer of `instrument` at `sr` that will play `touches` (any order; rows with a time that
    /// is not a number, negative or past [`MAX_TIME`] are dropped).
    pub fn new(instrument: Instrument, sr: f32, touches: &[Touch], seed: u32) -> Layer {
        let sr = crate::usable_rate(sr);
        let mut timed: Vec<(u64, TouchMsg)> = touches
            .iter()
            .filter(|t| t.time.is_finite() && (0.0..=MAX_TIME).contains(&t.time))
            .map(|t| {
                let at = (t.time * f64::from(sr)).round() as u64;
                (at, TouchMsg::from_touch(t.x, t.y, t.z, t.moving))
            })
            .collect();
        timed.sort_by_key(|(at, _)| *at);
        Layer {
            patch: instrument.patch(sr, seed),
            output: OutputStage::new(sr),
            touches: timed,
            next: 0,
            live: Vec::with_capacity(64),
            now: 0,
        }
    }

    /// Plays a touch now (at the start of the next rendered block): a live performance.
    pub fn touch_now(&mut self, x: f32, y: f32, z: f32, moving: bool) {
        if self.live.len() < self.live.capacity() {
            self.live.push(TouchMsg::from_touch(x, y, z, moving));
        }
    }

    /// Samples rendered so far.
    pub fn position(&self) -> u64 {
        self.now
    }

    /// Renders the next `left.len()` frames (overwriting both slices).
    pub fn render(&mut self, left: &mut [f32], right: &mut [f32]) {
        let frames = left.len().min(right.len());
        for m in self.live.drain(..) {
            self.patch.touch(m, self.now);
        }
        let mut pos = 0;
        while pos < frames {
            self.deliver();
            let mut until = frames - pos;
            if let Some(&(at, _)) = self.touches.get(self.next) {
                until = until.min((at - self.now) as usize);
            }
            if let Some(due) = self.patch.next_due() {
                until = until.min(due.saturating_sub(self.now).max(1) as usize);
            }
            let end = pos + until.max(1);
            self.patch.render(&mut left[pos..end], &mut right[pos..end]);
            self.now += (end - pos) as u64;
            pos = end;
        }
        self.output.process(&mut left[..frames], &mut right[..frames]);
    }

    /// Hands the patch every touch and timer due now.
    fn deliver(&mut self) {
        // Bounded: a patch whose timer keeps firing at the same sample cannot hang the engine.
        for _ in 0..64 {
            if let Some(&(at, m)) = self.touches.get(self.next) {
                if at <= self.now {
                    self.next += 1;
                    self.patch.touch(m, self.now);
                    continue;
                }
            }
            match self.patch.next_due() {
                Some(due) if due <= self.now => self.patch.fire(self.now),
                _ => return,
            }
        }
    }
}
