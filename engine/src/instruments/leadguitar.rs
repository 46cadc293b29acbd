//! leadguitar: `leadguitar.pd` + `microjam_leadguitar_chain.pd` (SPEC.md §4 leadguitar).
//!
//! touch_to_notes 36 37 → `stringsynth` → `e_mcompressor 67 2` → `pd distortion` (tanh at ×1259,
//! three bands) → ×0.15 → `e_chorus` (freq 0.8, mod 1) → `e_dubdel` (dry 1 − dy) to the two
//! outputs, and the same ×0.15 signal → `pd crystal` at level dy·z' to both.

use super::strings::StringChain;
use super::Patch;
use crate::dsp::chorus::Chorus;
use crate::dsp::dynamics::{Compressor, Distortion};
use crate::TouchMsg;

/// The chorus LFO's phase at time 0: it has run at 0.8 Hz since the patch opened, half a second
/// ahead of playback (its frequency ramps up in 50 ms at load): 0.8 × (0.5 − 0.025).
const CHORUS_PHASE: f32 = 0.38;

pub struct Leadguitar {
    chain: StringChain,
    compressor: Compressor,
    distortion: Distortion,
    chorus: Chorus,
}

impl Leadguitar {
    pub fn new(sr: f32, seed: u32) -> Leadguitar {
        Leadguitar {
            chain: StringChain::new(sr, seed, 36.0, 37.0),
            compressor: Compressor::new(sr, 67.0, 2.0),
            distortion: Distortion::microjam_leadguitar(sr),
            chorus: Chorus::new(sr, 0.8, 1.0, CHORUS_PHASE),
        }
    }
}

impl Patch for Leadguitar {
    fn touch(&mut self, m: TouchMsg, now: u64) {
        self.chain.touch(m, now);
    }

    fn next_due(&self) -> Option<u64> {
        self.chain.next_due()
    }

    fn fire(&mut self, now: u64) {
        self.chain.fire(now);
    }

    fn render(&mut self, left: &mut [f32], right: &mut [f32]) {
        for (l, r) in left.iter_mut().zip(right.iter_mut()) {
            let voice = self.chain.synth.tick();
            let driven = 0.15 * self.distortion.tick(self.compressor.tick(voice));
            let (wl, wr) = self.chorus.tick(driven);
            let (dl, dr) = self.chain.dubdel.tick(wl, wr);
            let (cl, cr) = self.chain.crystal.tick(driven);
            *l = dl + cl;
            *r = dr + cr;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::instruments::strings::tests::{period, tap};
    use crate::{Instrument, Layer};

    #[test]
    fn a_tap_is_a_loud_near_square_tone_at_its_pitch() {
        let sr = 44_100.0;
        // x = 0.3: MIDI 36 + 11 = 47 (123.5 Hz, 357 samples).
        let mut layer = Layer::new(Instrument::Leadguitar, sr, &[tap(0.0, 0.9, 0.5), tap(0.5, 0.3, 0.5)], 1);
        let (mut l, mut r) = (vec![0.0; 44_100], vec![0.0; 44_100]);
        for (cl, cr) in l.chunks_mut(128).zip(r.chunks_mut(128)) {
            layer.render(cl, cr);
        }
        let x: Vec<f32> = l.iter().zip(&r).map(|(a, b)| 0.5 * (a + b)).collect();
        let note = &x[(0.65 * sr) as usize..(0.85 * sr) as usize];
        let p = period(note, 250, 450);
        assert!((355..=362).contains(&p), "period {p}");
        let peak_db = 20.0 * note.iter().fold(0.0f32, |m, v| m.max(v.abs())).log10();
        assert!((-9.0..=-2.0).contains(&peak_db), "peak {peak_db} dBFS");
    }
}
