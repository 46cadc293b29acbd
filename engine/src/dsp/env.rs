//! Envelopes and ramps: `line~`, `vline~`, metaPdLibs' `adsr` (built on `vline~`, and rj's `c_adsr`
//! is the same), and rj's `c_ead`.

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

/// metaPdLibs' `adsr` (Miller Puckette's example abstraction): `adsr level A D S% R`. A positive
/// trigger attacks to the level in A ms, then decays to S % of it in D ms; 0 releases to 0 in R ms;
/// a negative trigger first jumps to 0. The trigger's value itself is not a level (the level
/// inlet sets it).
#[derive(Debug, Clone)]
pub struct Adsr {
    vline: VLine,
    pub level: f32,
    pub attack: f32,
    pub decay: f32,
    pub sustain: f32,
    pub release: f32,
}

impl Adsr {
    pub fn new(sr: f32, level: f32, attack: f32, decay: f32, sustain: f32, release: f32) -> Adsr {
        Adsr {
            vline: VLine::new(sr),
            level,
            attack,
            decay,
            sustain,
            release,
        }
    }

    pub fn trigger(&mut self, value: f32) {
        if value == 0.0 {
            self.vline.stop();
            self.vline.set(0.0, self.release, 0.0);
            return;
        }
        if value < 0.0 {
            self.vline.set(0.0, 0.0, 0.0);
        }
        self.vline.set(self.level, self.attack, 0.0);
        self.vline
            .set(self.sustain * 0.01 * self.level, self.decay, self.attack);
    }

    #[inline]
    pub fn tick(&mut self) -> f32 {
        self.vline.tick()
    }
}

/// rj's `c_adsr` (quack): the same abstraction as metaPdLibs' `adsr`, object for object (the two
/// files differ only in comments): `c_adsr level A D S% R`, its level, A and R settable between
/// triggers through the pub fields.
pub type CAdsr = Adsr;

/// rj's `c_ead attack decay` (ms, each at least 0.1).
#[derive(Debug, Clone)]
pub struct Ead {
    attack: f32,
    decay: f32,
    /// The falling ramp (the `vline~` raised to the 4th power) and its step per sample.
    ramp: f32,
    step: f32,
    /// Samples of attack left; then the decay ramp.
    attack_left: u32,
    decay_step: f32,
    sr: f32,
}

impl Ead {
    pub fn new(sr: f32, attack: f32, decay: f32) -> Ead {
        Ead {
            attack: attack.max(0.1),
            decay: decay.max(0.1),
            ramp: 0.0,
            step: 0.0,
            attack_left: 0,
            decay_step: 0.0,
            sr,
        }
    }

    pub fn set_decay(&mut self, ms: f32) {
        self.decay = if ms.is_finite() { ms.clamp(0.1, 60_000.0) } else { 0.1 };
    }

    pub fn trigger(&mut self) {
        let a = ms_to_samples(self.attack, self.sr).max(1.0);
        self.attack_left = a.round() as u32;
        self.ramp = 1.0;
        self.step = 1.0 / a;
        self.decay_step = 1.0 / ms_to_samples(self.decay, self.sr).max(1.0);
    }

    #[inline]
    pub fn tick(&mut self) -> f32 {
        let r = self.ramp;
        let r4 = (r * r) * (r * r);
        if self.attack_left > 0 {
            // The first vline~ falls from 1 over the attack; at its end both jump.
            self.attack_left -= 1;
            if self.attack_left == 0 {
                self.ramp = 1.0;
                self.step = self.decay_step;
            } else {
                self.ramp = (r - self.step).max(0.0);
            }
            1.0 - r4
        } else {
            self.ramp = (r - self.step).max(0.0);
            r4
        }
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

    #[test]
    fn adsr_attacks_decays_sustains_and_releases() {
        let mut e = Adsr::new(1000.0, 1.0, 10.0, 10.0, 50.0, 20.0);
        e.trigger(1.0);
        let xs: Vec<f32> = (0..40).map(|_| e.tick()).collect();
        assert!((xs[10] - 1.0).abs() < 1e-6, "peak {}", xs[10]);
        assert!((xs[25] - 0.5).abs() < 1e-6, "sustain {}", xs[25]);
        e.trigger(0.0);
        let ys: Vec<f32> = (0..25).map(|_| e.tick()).collect();
        assert!((ys[10] - 0.25).abs() < 1e-6 && ys[24] == 0.0, "{ys:?}");
    }

    #[test]
    fn an_early_release_cancels_the_decay() {
        let mut e = Adsr::new(1000.0, 1.0, 10.0, 10.0, 50.0, 5.0);
        e.trigger(1.0);
        (0..5).for_each(|_| {
            e.tick();
        });
        e.trigger(0.0);
        let xs: Vec<f32> = (0..30).map(|_| e.tick()).collect();
        assert_eq!(xs[29], 0.0, "{xs:?}");
    }

    #[test]
    fn ead_rises_in_its_attack_and_falls_as_a_fourth_power() {
        let mut e = Ead::new(1000.0, 10.0, 100.0);
        e.trigger();
        let xs: Vec<f32> = (0..130).map(|_| e.tick()).collect();
        assert_eq!(xs[0], 0.0);
        assert!((xs[5] - (1.0 - 0.5f32.powi(4))).abs() < 1e-4, "{}", xs[5]);
        assert!((xs[10] - 1.0).abs() < 1e-6, "{}", xs[10]);
        assert!((xs[60] - 0.5f32.powi(4)).abs() < 1e-4, "{}", xs[60]);
        assert_eq!(xs[111], 0.0);
        assert!(xs.windows(2).skip(10).all(|w| w[1] <= w[0]));
    }
}
