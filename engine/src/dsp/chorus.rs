//! rj's `e_chorus` (`rj/e_chorus.pd`, its `pd engine`): the input ×0.5 into `delwrite~`, four
//! `vd~` taps at mod·(1 + cos 2π(φ + k/4)) ms + one sample, φ a `phasor~` at `freq` Hz; taps 0 and 2
//! (opposite phases) make the left output, taps 1 and 3 the right. No dry signal. As in Pd, no tap
//! reads closer than 65 samples (see [`MIN_DELAY`]): with mod 1 the delay sits there for two thirds
//! of the LFO's cycle.

use super::osc::cos_cycles;
use super::{DelayLine, Phasor};

/// In Pd the `vd~` taps are sorted before their `delwrite~` (nothing orders them after it), so in
/// a 64-sample block a delay under a block and a sample reads as 65.00001 samples.
const MIN_DELAY: f32 = 65.000_01;

#[derive(Debug, Clone)]
pub struct Chorus {
    line: DelayLine,
    phasor: Phasor,
    freq: f32,
    /// `mod`, in ms.
    depth: f32,
    sr_ms: f32,
}

impl Chorus {
    /// `freq F, mod M`, with the LFO at `phase` (0–1): it runs free from the moment the patch loads.
    pub fn new(sr: f32, freq: f32, depth_ms: f32, phase: f32) -> Chorus {
        let clean = |v: f32, max: f32| if v.is_finite() { v.clamp(0.0, max) } else { 0.0 };
        // `delwrite~ $0-c 2000`: a depth beyond 1 s would read past it.
        let depth = clean(depth_ms, 999.0);
        let mut phasor = Phasor::new(sr);
        phasor.set_phase(clean(phase, 1.0));
        Chorus {
            line: DelayLine::new(sr, 2.0 * depth + (MIN_DELAY + 2.0) * 1000.0 / sr),
            phasor,
            freq: clean(freq, sr * 0.5),
            depth,
            sr_ms: sr * 0.001,
        }
    }

    /// One sample in, stereo out.
    #[inline]
    pub fn tick(&mut self, x: f32) -> (f32, f32) {
        self.line.write(0.5 * x);
        let phase = self.phasor.tick(self.freq);
        let mut taps = [0.0; 4];
        for (k, tap) in taps.iter_mut().enumerate() {
            let ms = self.depth * (1.0 + cos_cycles(phase + 0.25 * k as f32));
            // `+~ sampledur`: one sample more.
            *tap = self.line.read4((ms * self.sr_ms + 1.0).max(MIN_DELAY));
        }
        (taps[0] + taps[2], taps[1] + taps[3])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_steady_tone_keeps_its_level_and_the_sides_differ() {
        let sr = 44_100.0;
        let mut c = Chorus::new(sr, 0.8, 1.0, 0.0);
        let mut osc = crate::dsp::Osc::new(sr);
        let (mut pl, mut pr, mut diff) = (0.0f32, 0.0f32, 0.0f32);
        for i in 0..44_100 {
            let (l, r) = c.tick(osc.tick(300.0));
            if i > 1000 {
                pl = pl.max(l.abs());
                pr = pr.max(r.abs());
                diff = diff.max((l - r).abs());
            }
        }
        assert!((0.8..=1.01).contains(&pl) && (0.8..=1.01).contains(&pr), "{pl} {pr}");
        assert!(diff > 0.05, "{diff}");
    }

    #[test]
    fn no_tap_is_closer_than_pds_block_and_a_sample() {
        let mut c = Chorus::new(44_100.0, 0.8, 1.0, 0.5);
        let out: Vec<(f32, f32)> = (0..200).map(|i| c.tick(if i == 0 { 1.0 } else { 0.0 })).collect();
        let first = out.iter().position(|(l, r)| l.abs() + r.abs() > 1e-4).unwrap();
        assert!((64..=66).contains(&first), "first echo at {first}");
    }

    #[test]
    fn nonsense_settings_stay_finite() {
        let mut c = Chorus::new(44_100.0, f32::NAN, f32::INFINITY, -3.0);
        for _ in 0..1000 {
            let (l, r) = c.tick(1.0);
            assert!(l.is_finite() && r.is_finite());
        }
    }
}
