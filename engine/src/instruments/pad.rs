//! pad: `pad.pd`, `microjam_pad_chain.pd` and `microjam_spad.pd` (SPEC.md §4 pad), with the
//! chain's loadbang preset (`mod1a 0.654016`, `osc1a 0.228346`, `env1a 0.080315` …) worked out.
//!
//! touch_to_notes 36 25 → `microjam_spad`, one monophonic voice:
//! - f = mtof~(pitch + bend) (×2 for `osc2a`, ×0.5) plus a vibrato in Hz: a triangle `pd lfo`
//!   at mod1a·10 = 6.54 Hz (±0.5) × mod1b·100 × `pd vibdel`'s fade-in squared (0 → 1 over
//!   mod1c·3000 = 1396.5 ms, restarted by every note message) × sqrt(mtof/2000) (`keyscale`).
//!   The chain sends dy as mod1b, so at a tap there is no vibrato.
//! - `lop~` 331.5 Hz (1000·(1 − mod1d^0.25) + 0.2) on that frequency → `pd 2chebypacket`
//!   (dsp::shaper): two Chebyshev `csaw`s at f ± 0.228 Hz, resonance 0.6995, cutoff
//!   `xfade`(osc1c, env2, osc1d) = 0.597 + (env2 − 0.597)·0.670.
//! - × env1 → `hip~ 10` → × 3·mod3b, with mod3b = 0.4 + 0.6·z' (`vline~` 5 ms).
//! - env1 (amplitude) `adsr` A 160.6 D 444.1 S 32.3 % R 1400 ms; env2 (timbre) A 800 D 283.5
//!   S 56.8 % R 226.5 ms; both at vel/127, released by the note-off. 1400 ms after a note-off
//!   (env1r·7000) the bend goes back to 0 in 100 ms.
//! - Out: the voice to both channels and into the crystal at level dy. `reverb-aux`'s `inlet~` is
//!   unconnected, so it is silent and left out.

use super::Patch;
use crate::dsp::clock::CtlLine;
use crate::dsp::shaper::ChebyPacket;
use crate::dsp::{mtof, Adsr, Crystal, Hip, Line, Lop, Phasor, Timer};
use crate::notes::NoteLogic;
use crate::TouchMsg;

/// How long the app has had the patch open when playback starts (the reference kit's pre-roll,
/// 345 blocks of 64): the free-running LFO and oscillators are that far into their cycles.
const OPENED_S: f32 = 345.0 * 64.0 / 44_100.0;

// The loadbang preset, scaled as `microjam_spad` scales it.
const LFO_HZ: f32 = 0.654_016 * 10.0;
const VIB_FADE_MS: f32 = 0.465_512 * 3000.0;
const DETUNE_HZ: f32 = 0.228_346;
const RESONANCE: f32 = 0.699_528;
const CUTOFF_BASE: f32 = 0.596_929;
const CUTOFF_ENV: f32 = 0.669_764;
const ENV1_RELEASE_MS: f32 = 0.2 * 7000.0;

pub struct Pad {
    notes: NoteLogic,
    sr: f32,
    /// `sig~` of the note's pitch (the note-off repeats it).
    pitch: f32,
    /// `bend $1` → `$1 5` → `line` → `sig~`.
    bend: CtlLine,
    /// `sel 0` → `delay 1400` → `0 100` into the bend's `line`.
    bend_return: Timer,
    /// `mtof~` and `sqrt~(/~ 2000)`, recomputed only when their input moves.
    mtof_in: f32,
    freq: f32,
    keyscale: f32,
    lfo: Phasor,
    /// mod1b·100: the vibrato's depth (dy·100 once touched).
    vib_depth: f32,
    /// `pd vibdel`'s `line~`, squared.
    vib_fade: Line,
    freq_lop: Lop,
    osc: ChebyPacket,
    env1: Adsr,
    env2: Adsr,
    hip: Hip,
    /// 3·mod3b, `vline~` 5 ms.
    gain: Line,
    /// Pad's copy of `pd crystal` lacks the direct path into its `rlop~`.
    crystal: Crystal,
}

impl Pad {
    pub fn new(sr: f32) -> Pad {
        // Since the patch opened, the voice has idled at mtof(0) Hz.
        let idle = mtof(0.0);
        let mut osc = ChebyPacket::new(sr);
        osc.set_phases((idle + DETUNE_HZ) * OPENED_S, (idle - DETUNE_HZ) * OPENED_S);
        let mut lfo = Phasor::new(sr);
        lfo.set_phase(LFO_HZ * OPENED_S);
        let mut freq_lop = Lop::new(sr, 1000.0 * (1.0 - 0.2f32.powf(0.25)) + 0.2);
        (0..1000).for_each(|_| {
            freq_lop.tick(idle);
        });
        Pad {
            notes: NoteLogic::new(sr, 36.0, 25.0),
            sr,
            pitch: 0.0,
            bend: CtlLine::new(sr, 0.0),
            bend_return: Timer::default(),
            mtof_in: 0.0,
            freq: idle,
            keyscale: (idle / 2000.0).sqrt(),
            lfo,
            vib_depth: 0.166_614 * 100.0,
            vib_fade: Line::new(sr, 0.0),
            freq_lop,
            osc,
            env1: Adsr::new(
                sr,
                1.0,
                0.080_315 * 2000.0,
                0.111_024 * 4000.0,
                32.2835,
                ENV1_RELEASE_MS,
            ),
            env2: Adsr::new(
                sr,
                1.0,
                0.4 * 2000.0,
                0.070_866_1 * 4000.0,
                56.7795,
                0.032_362_2 * 7000.0,
            ),
            hip: Hip::new(sr, 10.0),
            gain: Line::new(sr, 3.0 * 0.520_079),
            crystal: Crystal::without_direct(sr),
        }
    }

    /// The note list `pitch vel` into `t a b b b b`: restart the vibrato's fade-in, then the
    /// pitch and `s $0-envelopes` (vel/127: level, then trigger; 0 releases).
    fn note(&mut self, pitch: f32, vel: f32, now: u64) {
        self.vib_fade.set(0.0, 0.0);
        self.vib_fade.set(1.0, VIB_FADE_MS);
        self.pitch = pitch;
        let v = vel / 127.0;
        for env in [&mut self.env1, &mut self.env2] {
            env.level = v;
            env.trigger(v);
        }
        if v == 0.0 {
            self.bend_return.start(now, ENV1_RELEASE_MS, self.sr);
        }
    }
}

impl Patch for Pad {
    fn touch(&mut self, m: TouchMsg, now: u64) {
        let out = self.notes.touch(m, now);
        // Outlet 3, z': `* 0.6` → `+ 0.4` → mod3b → `* 3` → `$1 5` → `vline~`.
        self.gain.set(3.0 * (0.4 + 0.6 * out.z), 5.0);
        // Outlet 2, dy: mod1b (the vibrato's depth) and the crystal's level. Outlet 1: the bend.
        self.vib_depth = out.dy * 100.0;
        self.crystal.set_level(out.dy);
        self.bend.set(out.bend, 5.0);
        if let Some((pitch, vel)) = out.note_on {
            self.note(pitch, vel, now);
        }
    }

    fn next_due(&self) -> Option<u64> {
        crate::dsp::control::earliest(&[self.notes.due(), self.bend_return.due()])
    }

    fn fire(&mut self, now: u64) {
        if let Some(pitch) = self.notes.fire(now) {
            self.note(pitch, 0.0, now);
        }
        if self.bend_return.fire(now) {
            self.bend.set(0.0, 100.0);
        }
    }

    fn render(&mut self, left: &mut [f32], right: &mut [f32]) {
        for (l, r) in left.iter_mut().zip(right.iter_mut()) {
            let m = self.pitch + self.bend.tick();
            if m != self.mtof_in {
                self.mtof_in = m;
                self.freq = mtof(m);
                self.keyscale = (self.freq / 2000.0).sqrt();
            }
            // `pd lfo`: a triangle, ±0.5.
            let p = self.lfo.tick(LFO_HZ);
            let tri = (p.min(1.0 - p) - 0.25) * 2.0;
            let fade = self.vib_fade.tick();
            let vibrato = tri * self.vib_depth * fade * fade * self.keyscale;
            let f = self.freq_lop.tick(self.freq + vibrato);
            let env2 = self.env2.tick();
            let cutoff = CUTOFF_BASE + (env2 - CUTOFF_BASE) * CUTOFF_ENV;
            let x = self.osc.tick(f, DETUNE_HZ, RESONANCE, cutoff);
            let out = self.hip.tick(x * self.env1.tick()) * self.gain.tick();
            let (cl, cr) = self.crystal.tick(out);
            *l = out + cl;
            *r = out + cr;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SR: f32 = 44_100.0;

    fn run(p: &mut Pad, n: usize) -> Vec<f32> {
        let (mut l, mut r) = (vec![0.0; n], vec![0.0; n]);
        p.render(&mut l, &mut r);
        l
    }

    /// The best autocorrelation lag within `lags` (refined by a parabola), as a frequency.
    fn f0(xs: &[f32], lags: std::ops::Range<usize>) -> f32 {
        let corr = |lag: usize| -> f32 { xs[..xs.len() - 400].iter().zip(&xs[lag..]).map(|(a, b)| a * b).sum() };
        let lag = lags.max_by(|&a, &b| corr(a).total_cmp(&corr(b))).unwrap();
        let (a, b, c) = (corr(lag - 1), corr(lag), corr(lag + 1));
        SR / (lag as f32 + 0.5 * (a - c) / (a - 2.0 * b + c))
    }

    #[test]
    fn a_tap_swells_at_its_pitch_without_vibrato() {
        // x = 0.5: MIDI 36 + 12 = 48, 130.8 Hz (a period of 337 samples).
        let mut p = Pad::new(SR);
        p.touch(TouchMsg::from_touch(0.5, 0.5, 20.0, false), 0);
        let xs = run(&mut p, 13_230);
        let hz = f0(&xs[8820..], 250..450);
        assert!((hz - 130.8).abs() < 0.5, "{hz}");
        assert_eq!(p.vib_depth, 0.0);
        // The attack is slow (161 ms): the first 20 ms are far below the level at 160 ms.
        let peak = |s: &[f32]| s.iter().fold(0.0f32, |m, x| m.max(x.abs()));
        assert!(peak(&xs[..882]) < 0.2 * peak(&xs[6615..7497]));
    }

    /// Renders `n` frames from sample `now`, firing the patch's timers on their samples.
    fn play(p: &mut Pad, now: &mut u64, n: usize) -> Vec<f32> {
        let end = *now + n as u64;
        let mut out = Vec::with_capacity(n);
        while *now < end {
            match p.next_due() {
                Some(due) if due <= *now => p.fire(*now),
                due => {
                    let until = due.map_or(end, |d| d.min(end));
                    out.extend(run(p, (until - *now) as usize));
                    *now = until;
                }
            }
        }
        out
    }

    /// The pitch's spread (max − min, Hz) over one 6.54 Hz LFO period, from short windows.
    fn wander(xs: &[f32]) -> f32 {
        let fs: Vec<f32> = (0..13).map(|i| f0(&xs[i * 500..i * 500 + 1400], 300..380)).collect();
        fs.iter().fold(f32::MIN, |m, &f| m.max(f)) - fs.iter().fold(f32::MAX, |m, &f| m.min(f))
    }

    #[test]
    fn a_drag_adds_a_vibrato_that_fades_in_and_the_bend_returns_after_the_release() {
        let mut now = 0;
        let mut p = Pad::new(SR);
        p.touch(TouchMsg::from_touch(0.5, 0.2, 20.0, false), now);
        // A drag at (0.55, 0.5), an event every 50 ms: it holds the note, bent 0.6 semitones.
        let drag = |p: &mut Pad, now: &mut u64, events: usize| -> Vec<f32> {
            let mut out = Vec::new();
            for _ in 0..events {
                p.touch(TouchMsg::from_touch(0.55, 0.5, 20.0, true), *now);
                out.extend(play(p, now, 2205));
            }
            out
        };
        let early = drag(&mut p, &mut now, 6);
        assert!((p.vib_depth - 30.0).abs() < 1e-3);
        // 0.1–0.3 s in, the fade-in (squared, 1.4 s) has barely begun; 1.5 s on, the pitch
        // wanders by ±0.5 × 30 × sqrt(f/2000) ≈ ±3.9 Hz.
        let starting = wander(&early[4410..]);
        drag(&mut p, &mut now, 24);
        let vib = wander(&drag(&mut p, &mut now, 4));
        assert!(starting < 1.5 && vib > 4.0, "{starting} {vib}");
        // The note-off comes 300 ms after the last touch, and 1400 ms later the bend returns.
        assert!((p.bend.value() - 0.6).abs() < 1e-4);
        play(&mut p, &mut now, 66_150);
        assert!((p.bend.value() - 0.6).abs() < 1e-4);
        play(&mut p, &mut now, 22_050);
        assert_eq!(p.bend.value(), 0.0);
    }
}
