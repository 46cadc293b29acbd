//! strings: `strings.pd` + `microjam_string_chain.pd` (SPEC.md §4 strings).
//!
//! touch_to_notes 48 25 → `stringsynth` (notes and bend) → `e_dubdel` (both inputs, dry 1 − dy)
//! to the two outputs, and ×0.6 → `pd crystal` at level dy·z' to both.

use super::stringsynth::StringSynth;
use super::Patch;
use crate::dsp::control::earliest;
use crate::dsp::dubdel::{DubDel, MICROJAM_DUBDEL};
use crate::dsp::Crystal;
use crate::notes::NoteLogic;
use crate::TouchMsg;

/// What strings and leadguitar share: `touch_to_notes` playing the string synth, and the drag
/// setting the dub delay's dry level (1 − dy) and the crystal's (dy·z').
pub(super) struct StringChain {
    notes: NoteLogic,
    pub(super) synth: StringSynth,
    pub(super) dubdel: DubDel,
    pub(super) crystal: Crystal,
}

impl StringChain {
    /// `touch_to_notes base range` into the string synth.
    pub(super) fn new(sr: f32, seed: u32, base: f32, range: f32) -> StringChain {
        StringChain {
            notes: NoteLogic::new(sr, base, range),
            synth: StringSynth::new(sr, seed),
            dubdel: DubDel::new(sr, MICROJAM_DUBDEL),
            crystal: Crystal::new(sr),
        }
    }

    pub(super) fn touch(&mut self, m: TouchMsg, now: u64) {
        // touch_to_notes sends, on /m: the bend, the note, then dy (z came with /z before).
        let out = self.notes.touch(m, now);
        self.synth.bend(out.bend, now);
        if let Some((pitch, velocity)) = out.note_on {
            self.synth.note(pitch, velocity, now);
        }
        // dy → `pd flip` → `dry $1`; dy × pressure → the crystal.
        self.dubdel.set_dry(1.0 - out.dy);
        self.crystal.set_level(out.dy * out.z);
    }

    pub(super) fn next_due(&self) -> Option<u64> {
        earliest(&[self.notes.due(), self.synth.due()])
    }

    pub(super) fn fire(&mut self, now: u64) {
        if let Some(pitch) = self.notes.fire(now) {
            self.synth.note(pitch, 0.0, now);
        }
        self.synth.fire(now);
    }
}

pub struct Strings {
    chain: StringChain,
}

impl Strings {
    pub fn new(sr: f32, seed: u32) -> Strings {
        Strings {
            chain: StringChain::new(sr, seed, 48.0, 25.0),
        }
    }
}

impl Patch for Strings {
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
        let c = &mut self.chain;
        for (l, r) in left.iter_mut().zip(right.iter_mut()) {
            let voice = c.synth.tick();
            let (dl, dr) = c.dubdel.tick(voice, voice);
            let (cl, cr) = c.crystal.tick(0.6 * voice);
            *l = dl + cl;
            *r = dr + cr;
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::{Instrument, Layer, Touch};

    const SR: f32 = 44_100.0;

    fn render(instrument: Instrument, touches: &[Touch], secs: f32) -> Vec<f32> {
        let mut layer = Layer::new(instrument, SR, touches, 3);
        let n = (secs * SR) as usize;
        let (mut l, mut r) = (vec![0.0; n], vec![0.0; n]);
        for (cl, cr) in l.chunks_mut(128).zip(r.chunks_mut(128)) {
            layer.render(cl, cr);
        }
        l.iter().zip(&r).map(|(a, b)| 0.5 * (a + b)).collect()
    }

    pub(crate) fn tap(time: f64, x: f32, y: f32) -> Touch {
        Touch {
            time,
            x,
            y,
            z: 25.0,
            moving: false,
        }
    }

    /// The lag (samples) of the strongest autocorrelation in `min..max`.
    pub(crate) fn period(x: &[f32], min: usize, max: usize) -> usize {
        let c = |lag: usize| x.iter().zip(&x[lag..]).map(|(p, q)| p * q).sum::<f32>();
        (min..max).max_by(|&a, &b| c(a).partial_cmp(&c(b)).unwrap()).unwrap()
    }

    fn rms(x: &[f32]) -> f32 {
        (x.iter().map(|v| v * v).sum::<f32>() / x.len() as f32).sqrt()
    }

    #[test]
    fn a_tap_plays_its_note_a_little_flat() {
        // x = 0.5: MIDI 48 + 12 = 60 (261.6 Hz, 168.6 samples); the first tap starts from pitch 0.
        let x = render(Instrument::Strings, &[tap(0.0, 0.9, 0.5), tap(0.5, 0.5, 0.5)], 1.0);
        let p = period(&x[(0.7 * SR) as usize..(0.9 * SR) as usize], 120, 260);
        assert!((168..=171).contains(&p), "period {p}");
        assert!(rms(&x[(0.55 * SR) as usize..(0.75 * SR) as usize]) > 0.01);
    }

    #[test]
    fn a_drag_holds_one_note_and_a_pause_retriggers_it() {
        let mut touches = vec![tap(0.0, 0.3, 0.5)];
        for i in 1..50 {
            touches.push(Touch {
                time: 0.02 * i as f64,
                x: 0.3 + 0.001 * i as f32,
                y: 0.5,
                z: 25.0,
                moving: true,
            });
        }
        // A 400 ms pause, then the drag goes on: a new note.
        touches.push(Touch {
            time: 1.4,
            x: 0.36,
            y: 0.5,
            z: 25.0,
            moving: true,
        });
        let x = render(Instrument::Strings, &touches, 1.8);
        let frames: Vec<f32> = x.chunks(2205).map(rms).collect();
        // After the attack (80 ms) the held note only fades, until the re-trigger at 1.4 s.
        for w in frames[3..26].windows(2) {
            assert!(w[1] < w[0] * 1.12, "{frames:?}");
        }
        assert!(frames[29] > 2.0 * frames[26], "{frames:?}");
    }
}
