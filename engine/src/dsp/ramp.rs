//! Pd's signal ramps: `line~` and `vline~`, which the envelopes (`env`) and the instruments build on.

use super::ms_to_samples;

/// Pd's `line~`: ramps linearly to a target over a time, from wherever it is.
#[derive(Debug, Clone, Default)]
pub struct Line {
    value: f32,
    target: f32,
    step: f32,
    left: u32,
    sr: f32,
}

impl Line {
    pub fn new(sr: f32, value: f32) -> Line {
        Line {
            value,
            target: value,
            sr,
            ..Line::default()
        }
    }

    /// `target ms`: a ramp of `ms` milliseconds (a jump when `ms` ≤ 0).
    pub fn set(&mut self, target: f32, ms: f32) {
        let target = if target.is_finite() { target } else { 0.0 };
        let n = ms_to_samples(ms, self.sr).round() as u32;
        if n == 0 {
            self.value = target;
            self.left = 0;
        } else {
            self.step = (target - self.value) / n as f32;
            self.left = n;
        }
        self.target = target;
    }

    #[inline]
    pub fn tick(&mut self) -> f32 {
        let out = self.value;
        if self.left > 0 {
            self.left -= 1;
            self.value = if self.left == 0 {
                self.target
            } else {
                self.value + self.step
            };
        }
        out
    }

    pub fn value(&self) -> f32 {
        self.value
    }
}

const SEGMENTS: usize = 8;

#[derive(Debug, Clone, Copy, Default)]
struct Segment {
    start: u64,
    target: f32,
    length: u32,
}

/// Pd's `vline~`: sample-accurate ramps `target time delay`, scheduled ahead. A segment starting at
/// or before a later-scheduled one cancels those, as in Pd.
#[derive(Debug, Clone, Default)]
pub struct VLine {
    line: Line,
    now: u64,
    pending: [Segment; SEGMENTS],
    count: usize,
}

impl VLine {
    pub fn new(sr: f32) -> VLine {
        VLine {
            line: Line::new(sr, 0.0),
            ..VLine::default()
        }
    }

    /// `target time delay` (ms), counted from the current sample.
    pub fn set(&mut self, target: f32, ms: f32, delay_ms: f32) {
        let sr = self.line.sr;
        let start = self.now + ms_to_samples(delay_ms, sr).round() as u64;
        let length = ms_to_samples(ms, sr).round() as u32;
        // Later segments are forgotten, as Pd's vline~ does; a jump at the same start is kept
        // before a new ramp (Pd's jump-and-slide: an `adsr` with attack 0).
        while let Some(last) = self.count.checked_sub(1).map(|i| self.pending[i]) {
            if last.start < start || (last.start == start && last.length == 0 && length > 0) {
                break;
            }
            self.count -= 1;
        }
        if self.count == SEGMENTS {
            self.pending.copy_within(1.., 0);
            self.count -= 1;
        }
        self.pending[self.count] = Segment {
            start,
            target: if target.is_finite() { target } else { 0.0 },
            length,
        };
        self.count += 1;
    }

    /// Forgets every scheduled segment (a running ramp goes on).
    pub fn stop(&mut self) {
        self.count = 0;
    }

    #[inline]
    pub fn tick(&mut self) -> f32 {
        while self.count > 0 && self.pending[0].start <= self.now {
            let seg = self.pending[0];
            self.pending.copy_within(1..self.count, 0);
            self.count -= 1;
            let sr = self.line.sr;
            self.line.set(seg.target, seg.length as f32 * 1000.0 / sr);
        }
        self.now += 1;
        self.line.tick()
    }

    pub fn value(&self) -> f32 {
        self.line.value()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ramps_then_holds() {
        let mut l = Line::new(1000.0, 0.0);
        l.set(1.0, 10.0);
        let xs: Vec<f32> = (0..12).map(|_| l.tick()).collect();
        assert_eq!(xs[0], 0.0);
        assert!((xs[5] - 0.5).abs() < 1e-6);
        assert_eq!(xs[10], 1.0);
        assert_eq!(xs[11], 1.0);
    }

    #[test]
    fn vline_starts_segments_on_their_sample() {
        let mut v = VLine::new(1000.0);
        v.set(1.0, 0.0, 5.0);
        let xs: Vec<f32> = (0..8).map(|_| v.tick()).collect();
        assert_eq!(xs[..5], [0.0; 5]);
        assert_eq!(xs[5], 1.0);
    }
}
