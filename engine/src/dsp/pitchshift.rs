//! metaPdLibs' `pitchshift~` (`metaPdLibs/fx/pitchshift~.pd`, after Miller Puckette's B09 example):
//! two tape heads sweeping a delay line, each faded by a half-cosine window.
//!
//! - Inlets: signal, transposition (semitones), window (ms, at least 1; loadbang 100), delay (ms,
//!   at least 1.5; loadbang 1.5).
//! - Speed: transposition → `* 0.05776` → `exp` → `- 1` → `* -1` → `/` window·0.001 → `$1 30` →
//!   `line~` → `phasor~`: the heads move at (1 − 2^(t/12)) / window Hz.
//! - Head 1: delay phase·window + delay (`line~`s of 200 ms) → `vd~`, × `cos~`((phase − 0.5)/2);
//!   head 2 the same at `wrap~`(phase + 0.5). Out: their sum.
//!
//! The patch's `delwrite~` holds 5 s; here the line holds what the window and delay can reach
//! (the patches never change them). Until a transposition arrives the phasor stands still at 0:
//! only head 2 sounds, the input delayed by window/2 + delay.

use super::{DelayLine, Line, Phasor};
use crate::dsp::osc::cos_cycles;

/// `ln 2 / 12` as the patch writes it.
const SEMITONE: f32 = 0.05776;

#[derive(Debug, Clone)]
pub struct PitchShift {
    line: DelayLine,
    phasor: Phasor,
    /// The phasor's frequency, `line~` 30 ms.
    speed: Line,
    /// Window and delay in ms, `line~` 200 ms each.
    window: Line,
    delay: Line,
    /// The `/`'s left inlet, 1 − 2^(t/12), and right inlet, window in seconds.
    ratio: f32,
    window_s: f32,
    max_ms: f32,
}

impl PitchShift {
    /// `pitchshift~` after its loadbang: transposition 0, window 100 ms, delay 1.5 ms.
    pub fn new(sr: f32) -> PitchShift {
        PitchShift::with_window(sr, 100.0, 1.5)
    }

    /// With another window and delay (ms); the delay line is sized for them.
    pub fn with_window(sr: f32, window_ms: f32, delay_ms: f32) -> PitchShift {
        let window_ms = if window_ms.is_finite() {
            window_ms.clamp(1.0, 2000.0)
        } else {
            100.0
        };
        let delay_ms = if delay_ms.is_finite() {
            delay_ms.clamp(1.5, 2000.0)
        } else {
            1.5
        };
        let max_ms = window_ms + delay_ms + 1.0;
        PitchShift {
            line: DelayLine::new(sr, max_ms + 1.0),
            phasor: Phasor::new(sr),
            speed: Line::new(sr, 0.0),
            window: Line::new(sr, window_ms),
            delay: Line::new(sr, delay_ms),
            ratio: 0.0,
            window_s: window_ms * 0.001,
            max_ms,
        }
    }

    /// Inlet 1: the transposition in semitones (the speed follows in 30 ms).
    pub fn set_transpose(&mut self, semitones: f32) {
        let t = if semitones.is_finite() {
            semitones.clamp(-120.0, 120.0)
        } else {
            0.0
        };
        self.ratio = -((t * SEMITONE).exp() - 1.0);
        self.speed.set(self.ratio / self.window_s, 30.0);
    }

    /// Inlet 2: the window in ms (at least 1; up to what the line holds).
    pub fn set_window(&mut self, ms: f32) {
        let ms = if ms.is_finite() { ms.max(1.0) } else { 1.0 };
        self.window_s = ms * 0.001;
        self.window.set(ms, 200.0);
        self.speed.set(self.ratio / self.window_s, 30.0);
    }

    /// Inlet 3: the delay in ms (at least 1.5).
    pub fn set_delay(&mut self, ms: f32) {
        let ms = if ms.is_finite() { ms.max(1.5) } else { 1.5 };
        self.delay.set(ms, 200.0);
    }

    /// Sets the heads' phase (0–1): where a free-running phasor would be.
    pub fn set_phase(&mut self, phase: f32) {
        self.phasor.set_phase(phase);
    }

    #[inline]
    pub fn tick(&mut self, x: f32) -> f32 {
        self.line.write(x);
        let p = self.phasor.tick(self.speed.tick());
        let window = self.window.tick();
        let delay = self.delay.tick();
        let p2 = {
            let q = p + 0.5;
            if q >= 1.0 {
                q - 1.0
            } else {
                q
            }
        };
        // ms → samples once for both heads.
        let to_samples = self.line.sample_rate() * 0.001;
        let (window, delay) = (window * to_samples, delay * to_samples);
        let max = self.max_ms * to_samples;
        let head = |phase: f32| {
            let d = (phase * window + delay).min(max);
            self.line.read4(d) * cos_cycles((phase - 0.5) * 0.5)
        };
        head(p) + head(p2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dsp::Osc;

    const SR: f32 = 44_100.0;

    /// The frequency of `x` by counting rising zero crossings over its second half.
    fn freq(x: &[f32]) -> f32 {
        let half = &x[x.len() / 2..];
        let ups = half.windows(2).filter(|w| w[0] <= 0.0 && w[1] > 0.0).count();
        ups as f32 * SR / half.len() as f32
    }

    #[test]
    fn at_rest_it_is_a_plain_delay_of_half_the_window() {
        let mut p = PitchShift::new(SR);
        let out: Vec<f32> = (0..4000).map(|i| p.tick(if i == 0 { 1.0 } else { 0.0 })).collect();
        let at = (SR * 0.0515).round() as usize;
        let peak = out
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.abs().total_cmp(&b.1.abs()))
            .unwrap();
        assert!((peak.0 as i64 - at as i64).abs() <= 1, "{} vs {at}", peak.0);
    }

    #[test]
    fn it_shifts_a_sine_by_the_transposition() {
        for (semis, want) in [(12.0, 880.0), (-12.0, 220.0), (7.0, 440.0 * 1.4983)] {
            let mut p = PitchShift::new(SR);
            p.set_transpose(semis);
            let mut osc = Osc::new(SR);
            let out: Vec<f32> = (0..SR as usize).map(|_| p.tick(osc.tick(440.0))).collect();
            let f = freq(&out);
            // Zero crossings of a windowed overlap are rough: within 3 %.
            assert!((f / want - 1.0).abs() < 0.03, "{semis}: {f} vs {want}");
            assert!(out.iter().all(|s| s.is_finite() && s.abs() < 2.5));
        }
    }

    #[test]
    fn hostile_settings_stay_finite() {
        let mut p = PitchShift::new(SR);
        for v in [f32::NAN, f32::INFINITY, -1e30, 1e30] {
            p.set_transpose(v);
            p.set_window(v);
            p.set_delay(v);
            for _ in 0..2000 {
                assert!(p.tick(v).is_finite());
            }
        }
    }
}
