//! keys: `keys.pd` and its subpatch `rhodey`, a clone of the STK Rhodey (SPEC.md §4 keys).
//!
//! touch_to_notes 25 49 → one monophonic 4-operator FM (phase modulation) voice:
//! - `mtof~(pitch + bend)`, the pitch a `sig~` (no glide), the bend `$1 5` → `line`;
//! - op A (`pmosc` at f + vibrato) phase-modulated by op B (f/2) × `mod` (2·dy, `line~` 5 ms);
//!   op C (f + vibrato) phase-modulated by op D (15f); out `xfade` 0.3: 0.7·A + 0.3·C;
//! - four metaPdLibs `adsr`s, levels vel/127 (× 0.535887 for B, × 0.108819 for D), attack 1 ms,
//!   sustain 40 %, release 40 ms; decays A and B 25 + 1000·y ms (`/y` → `decay`), C 250, D 1000;
//! - vibrato `osc~ 1.5` × z' Hz;
//! - the voice plus `rev2~ 90 70 14400 60` (its left outlet) → `stereovol 94` → both channels.

use super::Patch;
use crate::dsp::clock::CtlLine;
use crate::dsp::osc::cos_cycles;
use crate::dsp::{dbtorms, mtof, Adsr, Line, Osc, Phasor, Rev2};
use crate::notes::NoteLogic;
use crate::TouchMsg;

/// How long the app has had the patch open when playback starts (the reference kit's pre-roll,
/// 345 blocks of 64): the free-running vibrato is that far into its cycle.
const OPENED_S: f32 = 345.0 * 64.0 / 44_100.0;

/// `pd pmosc`: `phasor~` at a frequency, plus a phase (in cycles) → `cos~` → × an amplitude.
#[derive(Debug, Clone)]
struct PmOsc {
    phasor: Phasor,
}

impl PmOsc {
    fn new(sr: f32) -> PmOsc {
        PmOsc {
            phasor: Phasor::new(sr),
        }
    }

    #[inline]
    fn tick(&mut self, hz: f32, phase: f32, amp: f32) -> f32 {
        cos_cycles(self.phasor.tick(hz) + phase) * amp
    }
}

pub struct Keys {
    notes: NoteLogic,
    /// `sig~` of the note's pitch (the note-off repeats it).
    pitch: f32,
    /// `bend $1` → `$1 5` → `line` → `sig~`.
    bend: CtlLine,
    /// `mtof~`, recomputed only when its input moves.
    mtof_in: f32,
    freq: f32,
    /// `pd vib`: `osc~ 1.5` × depth (z', Hz).
    vib: Osc,
    vib_depth: f32,
    /// `mod $1` → `$1 5` → `line~`: op B's depth into op A.
    modulation: Line,
    op_a: PmOsc,
    op_b: PmOsc,
    op_c: PmOsc,
    op_d: PmOsc,
    env_a: Adsr,
    env_b: Adsr,
    env_c: Adsr,
    env_d: Adsr,
    /// `xfade f` at its loadbang setting: the share of op C.
    tone: f32,
    reverb: Rev2,
    /// `stereovol 94`.
    volume: f32,
}

impl Keys {
    pub fn new(sr: f32) -> Keys {
        let mut vib = Osc::new(sr);
        vib.set_phase(1.5 * OPENED_S);
        // The loadbang: mod 1 (the first tap ramps it to 0), decay 1800, vib-depth 0.6.
        let modulation = Line::new(sr, 1.0);
        Keys {
            notes: NoteLogic::new(sr, 25.0, 49.0),
            pitch: 0.0,
            bend: CtlLine::new(sr, 0.0),
            mtof_in: 0.0,
            freq: mtof(0.0),
            vib,
            vib_depth: 0.6,
            modulation,
            op_a: PmOsc::new(sr),
            op_b: PmOsc::new(sr),
            op_c: PmOsc::new(sr),
            op_d: PmOsc::new(sr),
            env_a: Adsr::new(sr, 1.0, 1.0, 1800.0, 40.0, 40.0),
            env_b: Adsr::new(sr, 1.0, 1.0, 1800.0, 40.0, 40.0),
            env_c: Adsr::new(sr, 1.0, 1.0, 250.0, 40.0, 40.0),
            env_d: Adsr::new(sr, 1.0, 1.0, 1000.0, 40.0, 40.0),
            tone: 0.3,
            reverb: Rev2::new(sr, 90.0, 70.0, 14_400.0, 60.0),
            volume: dbtorms(94.0),
        }
    }

    /// `r $0-vel` → `/ 127` (× the operator's scale) → `t a a`: the level, then the trigger
    /// (0 releases).
    fn velocity(&mut self, vel: f32) {
        let v = vel / 127.0;
        for (env, scale) in [
            (&mut self.env_a, 1.0),
            (&mut self.env_b, 0.535_887),
            (&mut self.env_c, 1.0),
            (&mut self.env_d, 0.108_819),
        ] {
            env.level = v * scale;
            env.trigger(v * scale);
        }
    }
}

impl Patch for Keys {
    fn touch(&mut self, m: TouchMsg, now: u64) {
        let out = self.notes.touch(m, now);
        // /y → `* 1000` → `+ 25` → `decay $1`: the decay of ops A and B.
        let decay = 25.0 + 1000.0 * m.y;
        self.env_a.decay = decay;
        self.env_b.decay = decay;
        // Outlets 3, 2, 1: vib-depth z', mod 2·dy, bend.
        self.vib_depth = out.z;
        self.modulation.set(2.0 * out.dy, 5.0);
        self.bend.set(out.bend, 5.0);
        if let Some((pitch, vel)) = out.note_on {
            self.pitch = pitch;
            self.velocity(vel);
        }
    }

    fn next_due(&self) -> Option<u64> {
        self.notes.due()
    }

    fn fire(&mut self, now: u64) {
        if let Some(pitch) = self.notes.fire(now) {
            self.pitch = pitch;
            self.velocity(0.0);
        }
    }

    fn render(&mut self, left: &mut [f32], right: &mut [f32]) {
        for (l, r) in left.iter_mut().zip(right.iter_mut()) {
            let m = self.pitch + self.bend.tick();
            if m != self.mtof_in {
                self.mtof_in = m;
                self.freq = mtof(m);
            }
            let f = self.freq;
            let f_vib = f + self.vib.tick(1.5) * self.vib_depth;
            let d = self.op_d.tick(15.0 * f, 0.0, self.env_d.tick());
            let c = self.op_c.tick(f_vib, d, self.env_c.tick());
            let b = self.op_b.tick(0.5 * f, 0.0, self.env_b.tick()) * self.modulation.tick();
            let a = self.op_a.tick(f_vib, b, self.env_a.tick());
            let rhodey = a + (c - a) * self.tone;
            let wet = self.reverb.tick(rhodey)[0];
            let out = (rhodey + wet) * self.volume;
            *l = out;
            *r = out;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SR: f32 = 44_100.0;

    fn tap(x: f32, y: f32) -> TouchMsg {
        TouchMsg::from_touch(x, y, 20.0, false)
    }

    fn run(k: &mut Keys, n: usize) -> Vec<f32> {
        let (mut l, mut r) = (vec![0.0; n], vec![0.0; n]);
        k.render(&mut l, &mut r);
        l
    }

    /// The pitch of a periodic signal: past lag 0's lobe, the first lag whose autocorrelation is a
    /// peak near the best.
    fn f0(xs: &[f32]) -> f32 {
        let corr = |lag: usize| -> f32 { xs.iter().zip(&xs[lag..]).map(|(a, b)| a * b).sum() };
        let start = (1..2000).find(|&l| corr(l) < 0.0).unwrap();
        let best = (start..2000).map(corr).fold(f32::MIN, f32::max);
        let lag = (start..2000)
            .find(|&l| corr(l) > 0.9 * best && corr(l) >= corr(l + 1))
            .unwrap();
        SR / lag as f32
    }

    #[test]
    fn a_tap_plays_its_pitch_and_decays_by_y() {
        // x = 0.5: MIDI 25 + 24 = 49, 138.6 Hz. At a tap mod = 0: op A is a plain sine.
        let mut k = Keys::new(SR);
        k.touch(tap(0.5, 0.9), 0);
        let xs = run(&mut k, 4410);
        let hz = f0(&xs[1000..4410]);
        assert!((hz - 138.6).abs() < 1.0, "{hz}");
        let peak = xs.iter().fold(0.0f32, |p, x| p.max(x.abs()));
        // vel 119: 0.94 × (0.7 + 0.3) × 0.5.
        assert!((peak - 0.47).abs() < 0.05, "{peak}");
        // The decay of op A is 25 + 1000·y ms: 100 ms on, y = 0 is at its sustain, y = 0.9 barely down.
        let a = k.env_a.tick();
        assert!((a - 0.937 * (1.0 - 0.6 * 99.0 / 925.0)).abs() < 0.01, "{a}");
        let mut k = Keys::new(SR);
        k.touch(tap(0.5, 0.0), 0);
        run(&mut k, 4410);
        let a = k.env_a.tick();
        assert!((a - 0.4 * 47.0 / 127.0).abs() < 0.01, "{a}");
    }

    #[test]
    fn the_note_off_releases_in_40_ms() {
        let mut k = Keys::new(SR);
        k.touch(tap(0.3, 0.5), 0);
        let due = k.next_due().unwrap();
        run(&mut k, due as usize);
        k.fire(due);
        let xs = run(&mut k, 4410);
        assert!(xs[..441].iter().any(|x| x.abs() > 0.01));
        // (the reverb rings on)
        for env in [&mut k.env_a, &mut k.env_b, &mut k.env_c, &mut k.env_d] {
            assert_eq!(env.tick(), 0.0);
        }
    }
}
