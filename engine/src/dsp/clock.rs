//! Clocked control objects, ticked once per sample like the signal blocks: Pd's `line` (a ramp
//! sent out as a float every grain, 20 ms by default) and `metro` (a bang every period, running
//! since the patch loaded).

use super::ms_to_samples;

/// Pd's control-rate `line` (x_time.c): `target ms` ramps from wherever the ramp is now, sending
/// its value at once and then every `grain` ms, the target last; so what it feeds moves in steps.
#[derive(Debug, Clone)]
pub struct CtlLine {
    /// The last value sent (what the receiving objects hold).
    out: f32,
    /// The ramp: from `from` at sample `start` to `target` at `end`.
    from: f32,
    target: f32,
    start: u64,
    end: u64,
    /// When the next value goes out, if the ramp is running.
    next: Option<u64>,
    grain: u64,
    now: u64,
    sr: f32,
}

impl CtlLine {
    /// A `line` at `value` with its default grain, 20 ms.
    pub fn new(sr: f32, value: f32) -> CtlLine {
        CtlLine {
            out: value,
            from: value,
            target: value,
            start: 0,
            end: 0,
            next: None,
            grain: (ms_to_samples(20.0, sr).round() as u64).max(1),
            now: 0,
            sr,
        }
    }

    /// The ramp's value at sample `at` (not what was last sent).
    fn at(&self, at: u64) -> f32 {
        if at >= self.end {
            self.target
        } else {
            let t = (at - self.start) as f64 / (self.end - self.start) as f64;
            (f64::from(self.from) + t * f64::from(self.target - self.from)) as f32
        }
    }

    /// `target ms` (the list `pack f ms` sends), at the current sample; `ms` ≤ 0 jumps.
    pub fn set(&mut self, target: f32, ms: f32) {
        let target = if target.is_finite() { target } else { 0.0 };
        let n = ms_to_samples(ms, self.sr).round() as u64;
        if n == 0 {
            self.from = target;
            self.target = target;
            self.out = target;
            self.end = self.now;
            self.next = None;
            return;
        }
        self.from = self.at(self.now);
        self.target = target;
        self.start = self.now;
        self.end = self.now + n;
        // line_float sends the starting value straight away.
        self.next = Some(self.now);
    }

    /// The value held at this sample (sending a new one if one is due), then advances.
    #[inline]
    pub fn tick(&mut self) -> f32 {
        if let Some(next) = self.next {
            if next <= self.now {
                self.out = self.at(self.now);
                self.next = (self.now < self.end).then(|| self.now + self.grain.min(self.end - self.now));
            }
        }
        self.now += 1;
        self.out
    }

    /// The value last sent.
    pub fn value(&self) -> f32 {
        self.out
    }
}

/// Pd's `metro`: a bang every `period` ms, the first one when the patch loaded. Ticks fall on the
/// nearest sample of their exact time, so a period that is not a whole number of samples does
/// not drift.
#[derive(Debug, Clone)]
pub struct Metro {
    /// The next tick, in samples from now (fractional).
    next: f64,
    period: f64,
}

impl Metro {
    /// A metro of `period_ms` that was started `since_ms` before the current sample (0: it ticks
    /// on the first sample).
    pub fn new(sr: f32, period_ms: f32, since_ms: f32) -> Metro {
        let period = f64::from(ms_to_samples(period_ms, sr)).max(1.0);
        let since = f64::from(ms_to_samples(since_ms, sr));
        Metro {
            next: (period - since.rem_euclid(period)) % period,
            period,
        }
    }

    /// True on the sample of a tick, then advances.
    #[inline]
    pub fn tick(&mut self) -> bool {
        let bang = self.next < 0.5;
        if bang {
            self.next += self.period;
        }
        self.next -= 1.0;
        bang
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_steps_every_grain_and_ends_on_its_target() {
        // 1000 Hz: a 20-sample grain.
        let mut l = CtlLine::new(1000.0, 0.0);
        l.set(100.0, 100.0);
        let xs: Vec<f32> = (0..120).map(|_| l.tick()).collect();
        assert_eq!(xs[0], 0.0);
        assert_eq!(xs[19], 0.0);
        assert!((xs[20] - 20.0).abs() < 1e-4 && xs[39] == xs[20], "{}", xs[20]);
        assert!((xs[80] - 80.0).abs() < 1e-4);
        assert_eq!(xs[100], 100.0);
        assert_eq!(xs[119], 100.0);
    }

    #[test]
    fn line_carries_its_ramp_over_a_new_target() {
        let mut l = CtlLine::new(1000.0, 0.0);
        l.set(100.0, 100.0);
        (0..50).for_each(|_| {
            l.tick();
        });
        // Mid-grain: the new ramp starts from the ramp's own value (50), not the last sent (40).
        l.set(0.0, 50.0);
        assert!((l.tick() - 50.0).abs() < 1e-4);
        let last = (0..60).map(|_| l.tick()).last().unwrap();
        assert_eq!(last, 0.0);
        l.set(7.0, 0.0);
        assert_eq!(l.tick(), 7.0);
    }

    #[test]
    fn metro_ticks_on_its_period_from_its_start() {
        let mut m = Metro::new(1000.0, 10.0, 25.0);
        let ticks: Vec<usize> = (0..40).filter(|_| m.tick()).collect();
        assert_eq!(ticks, vec![5, 15, 25, 35]);
        let mut m = Metro::new(1000.0, 2.5, 0.0);
        let ticks: Vec<usize> = (0..10).filter(|_| m.tick()).collect();
        assert_eq!(ticks.len(), 4, "{ticks:?}");
    }
}
