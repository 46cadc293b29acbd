//! chirp: `chirp.pd` + `microjam_chirp_chain.pd` (SPEC.md §4 chirp).
//!
//! touch_to_notes 60 25 → mtof(pitch + bend) glides 2 ms → `osc~` and an `osc~` an octave below,
//! cross-faded by y; every touch event fires the envelope (1 in 15 ms, then after 50 ms to 0 in
//! 100 ms); dry ×0.4 plus a send of 0.3·(0.05 + 0.95·dy) into `rev2~ 90 85 3000 100`.

use super::Patch;
use crate::dsp::{mtof, Line, Osc, Rev2, Timer};
use crate::notes::NoteLogic;
use crate::TouchMsg;

pub struct Chirp {
    notes: NoteLogic,
    sr: f32,
    /// `[f]` and `[+]`: the note's pitch and the bend added to it.
    pitch: f32,
    freq: Line,
    osc: Osc,
    octave_below: Osc,
    /// `xfade`: 0 = the note, 1 = the octave below.
    mix: Line,
    env: Line,
    env_release: Timer,
    send: Line,
    reverb: Rev2,
}

impl Chirp {
    pub fn new(sr: f32) -> Chirp {
        Chirp {
            notes: NoteLogic::new(sr, 60.0, 25.0),
            sr,
            pitch: 0.0,
            freq: Line::new(sr, 0.0),
            osc: Osc::new(sr),
            octave_below: Osc::new(sr),
            mix: Line::new(sr, 0.0),
            env: Line::new(sr, 0.0),
            env_release: Timer::default(),
            send: Line::new(sr, 0.0),
            reverb: Rev2::new(sr, 90.0, 85.0, 3000.0, 100.0),
        }
    }
}

impl Patch for Chirp {
    fn touch(&mut self, m: TouchMsg, now: u64) {
        let out = self.notes.touch(m, now);
        // /y → the cross-fade, 2 ms.
        self.mix.set(m.y, 2.0);
        // /z (every event) → [t b b]: up to 1 in 15 ms, and restart the 50 ms delay to the release.
        self.env.set(1.0, 15.0);
        self.env_release.start(now, 50.0, self.sr);
        // dy → reverb send.
        self.send.set(0.3 * (0.05 + 0.95 * out.dy), 2.0);
        // bend, then the note: mtof(pitch + bend) → `$1 2` → line~.
        if let Some((pitch, _velocity)) = out.note_on {
            self.pitch = pitch;
        }
        self.freq.set(mtof(self.pitch + out.bend), 2.0);
    }

    fn next_due(&self) -> Option<u64> {
        crate::dsp::control::earliest(&[self.notes.due(), self.env_release.due()])
    }

    fn fire(&mut self, now: u64) {
        // The note-off repeats the note's pitch: the frequency does not move.
        if let Some(pitch) = self.notes.fire(now) {
            self.pitch = pitch;
        }
        if self.env_release.fire(now) {
            self.env.set(0.0, 100.0);
        }
    }

    fn render(&mut self, left: &mut [f32], right: &mut [f32]) {
        for (l, r) in left.iter_mut().zip(right.iter_mut()) {
            let f = self.freq.tick();
            let env = self.env.tick();
            let note = self.osc.tick(f) * env;
            let below = self.octave_below.tick(f * 0.5) * env;
            let y = self.mix.tick();
            let voice = (1.0 - y) * note + y * below;
            let wet = self.reverb.tick(voice * self.send.tick())[0];
            let out = voice * 0.4 + wet;
            *l = out;
            *r = out;
        }
    }
}
