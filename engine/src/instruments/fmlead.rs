//! fmlead: `fmlead.pd`, `microjam_fm_chain.pd` and two `microjam_fmlead.pd` (SPEC.md §4 fmlead).
//!
//! touch_to_notes 36 25 → two 2-operator FM voices, the second an octave down (`midi_down_octave`):
//! - each `microjam_fmlead`: carrier `osc~` at mtof~(note + `lop~ 100`(bend)) plus the modulator
//!   `osc~` at f·ratio × its envelope (`madsr`) × index·100 Hz; × the amplitude envelope (`cadsr`).
//!   Both envelopes are rj `c_adsr`s triggered by vel/127 (0 releases); the note-off also sends
//!   the bend back to 0 in 100 ms. Only note-ons set the note (`stripnote`).
//! - loadbang presets: ratio 9, index 40, A 15 (note); ratio 4, index 62, A 7 (octave below);
//!   both D 55, S 50 %, R 120; mod env A 0, D 20, S 8 %, R 292.
//! - the octave below × (1 − dy) (`octmix`, `vline~` 10 ms); each voice → `monovol 88`.
//! - Out: both voices to both channels, and into the crystal at level dy. The `reverb-aux`
//!   subpatch's `inlet~` is unconnected, so it is silent and left out.

use super::Patch;
use crate::dsp::clock::CtlLine;
use crate::dsp::env::CAdsr;
use crate::dsp::{dbtorms, mtof, Crystal, Line, Lop, Osc};
use crate::notes::NoteLogic;
use crate::TouchMsg;

/// One `microjam_fmlead` after its loadbang preset.
struct FmVoice {
    /// The carrier's `sig~` note: `stripnote` keeps note-ons only.
    note: f32,
    /// mtof(note): `mtof~`(note + bend) is this × 2^(bend/12).
    note_hz: f32,
    ratio: f32,
    /// index·100: the modulator's peak deviation in Hz.
    deviation: f32,
    carrier: Osc,
    modulator: Osc,
    amp_env: CAdsr,
    mod_env: CAdsr,
}

impl FmVoice {
    fn new(sr: f32, ratio: f32, index: f32, attack: f32) -> FmVoice {
        FmVoice {
            note: 0.0,
            note_hz: mtof(0.0),
            ratio,
            deviation: index * 100.0,
            carrier: Osc::new(sr),
            modulator: Osc::new(sr),
            amp_env: CAdsr::new(sr, 1.0, attack, 55.0, 50.0, 120.0),
            mod_env: CAdsr::new(sr, 1.0, 0.0, 20.0, 8.0, 292.0),
        }
    }

    /// The note list `pitch vel`: `s $0-trigger` (vel/127 → level, then trigger, of both envelopes)
    /// and `stripnote` → the note.
    fn note(&mut self, pitch: f32, vel: f32) {
        let trigger = vel / 127.0;
        for env in [&mut self.amp_env, &mut self.mod_env] {
            env.level = trigger;
            env.trigger(trigger);
        }
        if vel != 0.0 {
            self.note = pitch;
            self.note_hz = mtof(pitch);
        }
    }

    /// One sample, with the bend (after its `lop~ 100`) as a frequency ratio.
    #[inline]
    fn tick(&mut self, bend_ratio: f32) -> f32 {
        let f = self.note_hz * bend_ratio;
        let fm = self.modulator.tick(f * self.ratio) * self.mod_env.tick() * self.deviation;
        self.carrier.tick(f + fm) * self.amp_env.tick()
    }
}

pub struct Fmlead {
    notes: NoteLogic,
    /// `bend $1` → `$1 5` → `line` (`0 100` at the note-off) → `sig~` → `lop~ 100`, the same in
    /// both voices, so computed once.
    bend: CtlLine,
    bend_lop: Lop,
    /// 2^(bend/12), recomputed only when the bend moves.
    bend_in: f32,
    bend_ratio: f32,
    voice: FmVoice,
    octave_below: FmVoice,
    /// `octmix`: 1 − dy in 10 ms; its `vline~` is 0 until the first touch.
    octmix: Line,
    /// `monovol 88`.
    volume: f32,
    crystal: Crystal,
}

impl Fmlead {
    pub fn new(sr: f32) -> Fmlead {
        Fmlead {
            notes: NoteLogic::new(sr, 36.0, 25.0),
            bend: CtlLine::new(sr, 0.0),
            bend_lop: Lop::new(sr, 100.0),
            bend_in: 0.0,
            bend_ratio: 1.0,
            voice: FmVoice::new(sr, 9.0, 40.0, 15.0),
            octave_below: FmVoice::new(sr, 4.0, 62.0, 7.0),
            octmix: Line::new(sr, 0.0),
            volume: dbtorms(88.0),
            crystal: Crystal::new(sr),
        }
    }

    fn note(&mut self, pitch: f32, vel: f32) {
        self.voice.note(pitch, vel);
        self.octave_below.note(pitch - 12.0, vel);
        // `r $0-trigger` → `sel 0` → `0 100` → the bend's `line`.
        if vel == 0.0 {
            self.bend.set(0.0, 100.0);
        }
    }
}

impl Patch for Fmlead {
    fn touch(&mut self, m: TouchMsg, now: u64) {
        let out = self.notes.touch(m, now);
        // Outlet 2, dy: the octave below's level and the crystal's. Outlet 1: the bend.
        self.octmix.set(1.0 - out.dy, 10.0);
        self.crystal.set_level(out.dy);
        self.bend.set(out.bend, 5.0);
        if let Some((pitch, vel)) = out.note_on {
            self.note(pitch, vel);
        }
    }

    fn next_due(&self) -> Option<u64> {
        self.notes.due()
    }

    fn fire(&mut self, now: u64) {
        if let Some(pitch) = self.notes.fire(now) {
            self.note(pitch, 0.0);
        }
    }

    fn render(&mut self, left: &mut [f32], right: &mut [f32]) {
        for (l, r) in left.iter_mut().zip(right.iter_mut()) {
            let bend = self.bend_lop.tick(self.bend.tick());
            if bend != self.bend_in {
                self.bend_in = bend;
                self.bend_ratio = (bend * (std::f32::consts::LN_2 / 12.0)).exp();
            }
            let a = self.voice.tick(self.bend_ratio) * self.volume;
            let b = self.octave_below.tick(self.bend_ratio) * self.octmix.tick() * self.volume;
            let dry = a + b;
            let (cl, cr) = self.crystal.tick(dry);
            *l = dry + cl;
            *r = dry + cr;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SR: f32 = 44_100.0;

    fn run(p: &mut Fmlead, n: usize) -> Vec<f32> {
        let (mut l, mut r) = (vec![0.0; n], vec![0.0; n]);
        p.render(&mut l, &mut r);
        l
    }

    #[test]
    fn the_modulation_jumps_up_and_decays_to_its_sustain_in_20_ms() {
        let mut p = Fmlead::new(SR);
        p.touch(TouchMsg::from_touch(0.5, 1.0, 20.0, false), 0);
        let first = p.voice.mod_env.tick();
        assert!((first - 1.0).abs() < 1e-6, "attack 0 jumps: {first}");
        run(&mut p, 882);
        let sustain = p.voice.mod_env.tick();
        assert!((sustain - 0.08).abs() < 1e-4, "{sustain}");
    }

    #[test]
    fn a_tap_sounds_its_note_and_an_octave_below() {
        // x = 0.5: MIDI 36 + 12 = 48 (130.8 Hz) and 36 (65.4 Hz): the sum repeats at 65.4 Hz.
        let mut p = Fmlead::new(SR);
        p.touch(TouchMsg::from_touch(0.5, 0.5, 20.0, false), 0);
        assert_eq!((p.voice.note, p.octave_below.note), (48.0, 36.0));
        let xs = run(&mut p, 8820);
        let period = (SR / mtof(36.0)).round() as usize;
        let s = &xs[4410..8820 - period];
        let same: f32 = s.iter().zip(&xs[4410 + period..]).map(|(a, b)| (a - b).abs()).sum();
        let level: f32 = s.iter().map(|a| a.abs()).sum();
        assert!(same < 0.05 * level, "{same} {level}");
        let peak = xs.iter().fold(0.0f32, |p, x| p.max(x.abs()));
        assert!(peak > 0.2 && peak < 0.6, "{peak}");
    }

    #[test]
    fn dragging_fades_the_octave_below_and_bends() {
        let mut p = Fmlead::new(SR);
        p.touch(TouchMsg::from_touch(0.5, 0.2, 20.0, false), 0);
        run(&mut p, 441);
        p.touch(TouchMsg::from_touch(0.6, 1.0, 20.0, true), 441);
        run(&mut p, 4410);
        assert!(p.octmix.tick() < 0.21);
        assert!((p.bend_lop.tick(p.bend.tick()) - 1.2).abs() < 1e-3);
        // The note-off brings the bend back.
        let due = p.next_due().unwrap();
        p.fire(due);
        run(&mut p, 8820);
        assert!(p.bend_lop.tick(p.bend.tick()).abs() < 1e-3);
    }
}
