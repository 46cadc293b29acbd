//! Delay lines: Pd's `delwrite~` with `delread~` (whole samples) and `delread4~` (4-point
//! interpolation, for modulated delays such as Karplus-Strong tuning, chorus and pitch shifting).

/// A circular buffer written once per sample and read any number of times behind the write point.
#[derive(Debug, Clone)]
pub struct DelayLine {
    buf: Vec<f32>,
    write: usize,
    sr: f32,
}

impl DelayLine {
    /// A line holding up to `max_ms` of signal at `sr` (allocated once, here).
    pub fn new(sr: f32, max_ms: f32) -> DelayLine {
        let len = (super::ms_to_samples(max_ms, sr) as usize + 4).next_power_of_two();
        DelayLine {
            buf: vec![0.0; len],
            write: 0,
            sr,
        }
    }

    /// `delwrite~`: appends a sample.
    #[inline]
    pub fn write(&mut self, x: f32) {
        self.write = (self.write + 1) & (self.buf.len() - 1);
        self.buf[self.write] = if x.is_finite() { x } else { 0.0 };
    }

    /// The sample written `n` samples ago (0 = the latest), clamped to the line's length.
    #[inline]
    pub fn tap(&self, n: usize) -> f32 {
        let mask = self.buf.len() - 1;
        let n = n.min(mask);
        self.buf[(self.write + self.buf.len() - n) & mask]
    }

    /// `delread~ ms`: the signal `ms` ago, to the nearest sample.
    #[inline]
    pub fn read_ms(&self, ms: f32) -> f32 {
        self.tap(super::ms_to_samples(ms, self.sr).round() as usize)
    }

    /// `delread4~`: the signal `samples` ago (fractional), 4-point (Pd's cubic) interpolation.
    #[inline]
    pub fn read4(&self, samples: f32) -> f32 {
        let max = (self.buf.len() - 3) as f32;
        let d = if samples.is_finite() {
            samples.clamp(1.0, max)
        } else {
            1.0
        };
        let i = d as usize;
        let frac = d - i as f32;
        // Pd's delread4~ interpolates between a = tap(i-1), b = tap(i), c = tap(i+1), d = tap(i+2).
        let (a, b, c, e) = (self.tap(i - 1), self.tap(i), self.tap(i + 1), self.tap(i + 2));
        let cminusb = c - b;
        b + frac * (cminusb - 0.166_666_67 * (1.0 - frac) * ((e - a - 3.0 * cminusb) * frac + (e + 2.0 * a - 3.0 * b)))
    }

    /// `delread4~` with the delay in milliseconds.
    #[inline]
    pub fn read4_ms(&self, ms: f32) -> f32 {
        self.read4(super::ms_to_samples(ms, self.sr))
    }

    pub fn sample_rate(&self) -> f32 {
        self.sr
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_was_written_that_long_ago() {
        let mut d = DelayLine::new(1000.0, 100.0);
        for i in 0..50 {
            d.write(i as f32);
        }
        assert_eq!(d.tap(0), 49.0);
        assert_eq!(d.read_ms(10.0), 39.0);
        assert!((d.read4(10.5) - 38.5).abs() < 1e-4);
        assert!(d.read4(f32::NAN).is_finite() && d.read4(1e9).is_finite());
    }
}
