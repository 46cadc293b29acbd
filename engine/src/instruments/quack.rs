//! quack: `quack.pd`, a PAF formant voice (Pd help patch 3.F14's wave packets) (SPEC.md §4 quack).
//!
//! `/x` sets the fundamental, continuous: a `phasor~` at mtof(24 + 49x − 12) whose two
//! half-period-offset phases each make one wave packet per period, so the sound is at
//! mtof(24 + 49x). `/y` sets the formant centre mtof(50 + 70y) and bandwidth mtof(45 + 70y)
//! (50 ms `line~`s), the release 50 + 200y ms and a new random pan. touch_to_notes 24 49 gates
//! `c_adsr 1 5 80 70 50` at vel/127, attacking in 200 ms for a tap and 25 ms for a moving touch.
//! Out: ×0.91 × env → pan → output, and → `rev2~ 70 95 3000 60` (stereo).

use super::Patch;
use crate::dsp::env::CAdsr;
use crate::dsp::osc::cos_cycles;
use crate::dsp::{mtof, Line, Phasor, Random, Rev2};
use crate::notes::NoteLogic;
use crate::TouchMsg;

pub struct Quack {
    notes: NoteLogic,
    /// The fundamental's floatatom → `- 12` → `mtof`: the `phasor~` frequency, and `expr 1/$f1`.
    f0: f32,
    inv_f0: f32,
    phasor: Phasor,
    centre: Line,
    bandwidth: Line,
    /// The `samphold~` pairs of the two phases: (centre, bandwidth) in multiples of f0, held from
    /// each phase's wrap.
    packet: [WavePacket; 2],
    env: CAdsr,
    /// `pd pan`: the `cos` and `sin` gains, each a `line~` of 10 ms.
    pan: [Line; 2],
    random: Random,
    reverb: Rev2,
}

impl Quack {
    pub fn new(sr: f32, seed: u32) -> Quack {
        let gain = (0.5 * std::f32::consts::FRAC_PI_2).cos();
        let mut quack = Quack {
            notes: NoteLogic::new(sr, 24.0, 49.0),
            f0: 0.0,
            inv_f0: 0.0,
            phasor: Phasor::new(sr),
            centre: Line::new(sr, 0.0),
            bandwidth: Line::new(sr, 0.0),
            packet: [WavePacket::default(); 2],
            env: CAdsr::new(sr, 1.0, 5.0, 80.0, 70.0, 50.0),
            // loadbang → 0.5: cos and sin of π/4.
            pan: [Line::new(sr, gain), Line::new(sr, gain)],
            random: Random::new(seed),
            reverb: Rev2::new(sr, 70.0, 95.0, 3000.0, 60.0),
        };
        // The floatatoms start at 0 (fundamental mtof(-12)).
        quack.fundamental(0.0);
        quack
    }

    /// fundamental floatatom (0..127) → `- 12` → `mtof`.
    fn fundamental(&mut self, pitch: f32) {
        self.f0 = mtof(pitch.clamp(0.0, 127.0) - 12.0);
        self.inv_f0 = 1.0 / self.f0;
    }
}

impl Patch for Quack {
    fn touch(&mut self, m: TouchMsg, now: u64) {
        // Each message goes first to `route /x /y /z /m`, then to touch_to_notes.
        // /x → [* 49] → [+ 24].
        self.fundamental(24.0 + 49.0 * m.x);
        // /y → [t a a a a], right to left: bandwidth, centre, release, then `s $0-trig` → random pan.
        self.bandwidth.set(mtof((45.0 + 70.0 * m.y).clamp(0.0, 127.0)), 50.0);
        self.centre.set(mtof((50.0 + 70.0 * m.y).clamp(0.0, 127.0)), 50.0);
        self.env.release = 50.0 + 200.0 * m.y;
        let p = (0.4 + self.random.below(20) as f32 / 100.0) * std::f32::consts::FRAC_PI_2;
        self.pan[0].set(p.cos(), 10.0);
        self.pan[1].set(p.sin(), 10.0);
        // /z → `s $0-vel`, which nothing receives. /m → `pd mov-proc`: the attack time.
        self.env.attack = if m.moving { 25.0 } else { 200.0 };
        // touch_to_notes: a note-on sets the level to vel/127, then triggers.
        if let Some((_pitch, vel)) = self.notes.touch(m, now).note_on {
            self.env.level = vel / 127.0;
            self.env.trigger(self.env.level);
        }
    }

    fn next_due(&self) -> Option<u64> {
        self.notes.due()
    }

    fn fire(&mut self, now: u64) {
        // The note-off `pitch 0`: level 0, trigger 0 → release.
        if self.notes.fire(now).is_some() {
            self.env.level = 0.0;
            self.env.trigger(0.0);
        }
    }

    fn render(&mut self, left: &mut [f32], right: &mut [f32]) {
        for (l, r) in left.iter_mut().zip(right.iter_mut()) {
            let p = self.phasor.tick(self.f0);
            // The second phase: [+~ 0.5] → [wrap~].
            let q = p + 0.5 - (p + 0.5).floor();
            // centre and bandwidth over f0; the bandwidth [max~ 1].
            let centre = self.centre.tick() * self.inv_f0;
            let bandwidth = (self.bandwidth.tick() * self.inv_f0).max(1.0);
            let voice = self.packet[0].tick(p, centre, bandwidth) + self.packet[1].tick(q, centre, bandwidth);
            let out = voice * 0.91 * self.env.tick();
            let wet = self.reverb.tick(out);
            *l = out * self.pan[0].tick() + wet[0];
            *r = out * self.pan[1].tick() + wet[1];
        }
    }
}

/// One phase's wave packet: a cosine at the held centre (in multiples of f0) around the middle of
/// the period, under a raised-cosine window as narrow as the held bandwidth allows.
#[derive(Debug, Clone, Copy, Default)]
struct WavePacket {
    /// `samphold~`s: they take their input when the phase wraps (falls).
    centre: f32,
    bandwidth: f32,
    last_phase: f32,
}

impl WavePacket {
    #[inline]
    fn tick(&mut self, phase: f32, centre: f32, bandwidth: f32) -> f32 {
        if phase < self.last_phase {
            self.centre = centre;
            self.bandwidth = bandwidth;
        }
        self.last_phase = phase;
        // [-~ 0.5]; the window: [*~ bandwidth] → [clip~ -0.5 0.5] → [cos~] → [+~ 1].
        let x = phase - 0.5;
        let window = cos_cycles((x * self.bandwidth).clamp(-0.5, 0.5)) + 1.0;
        cos_cycles(x * self.centre) * window
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SR: f32 = 44_100.0;

    /// Renders `frames` from sample `*now`, firing the patch's timers on time, as a layer does.
    fn play(q: &mut Quack, now: &mut u64, frames: usize) -> (Vec<f32>, Vec<f32>) {
        let (mut l, mut r) = (vec![0.0; frames], vec![0.0; frames]);
        let mut pos = 0;
        while pos < frames {
            while q.next_due().is_some_and(|due| due <= *now) {
                q.fire(*now);
            }
            let until = q
                .next_due()
                .map_or(frames, |due| pos + (due - *now) as usize)
                .min(frames);
            q.render(&mut l[pos..until], &mut r[pos..until]);
            *now += (until - pos) as u64;
            pos = until;
        }
        (l, r)
    }

    fn tap(x: f32, y: f32, moving: bool) -> TouchMsg {
        TouchMsg::from_touch(x, y, 20.0, moving)
    }

    fn peak(x: &[f32]) -> f32 {
        x.iter().fold(0.0f32, |m, v| m.max(v.abs()))
    }

    /// The strongest period (in samples) between `lo` and `hi`, by autocorrelation.
    fn period(x: &[f32], lo: usize, hi: usize) -> usize {
        let c = |k: usize| x.iter().zip(&x[k..]).map(|(u, v)| u * v).sum::<f32>();
        (lo..hi).max_by(|&a, &b| c(a).total_cmp(&c(b))).unwrap()
    }

    #[test]
    fn sounds_at_mtof_24_plus_49x_and_attacks_slowly_for_a_tap() {
        let (mut q, mut now) = (Quack::new(SR, 1), 0);
        q.touch(tap(0.5, 0.3, false), 0);
        let (l, _) = play(&mut q, &mut now, 12_000);
        // mtof(48.5) = 127.1 Hz: 347 samples (the phasor~ runs at half that).
        let want = SR / mtof(48.5);
        let got = period(&l[8_000..11_000], 250, 450) as f32;
        assert!((got - want).abs() < 2.0, "period {got}, want {want}");
        // 200 ms attack: quiet after 20 ms, loud at 200 ms.
        assert!(peak(&l[0..900]) < 0.3 * peak(&l[8_000..9_000]));
    }

    #[test]
    fn a_drag_holds_one_note_and_follows_the_finger() {
        let (mut q, mut now) = (Quack::new(SR, 2), 0);
        q.touch(tap(0.2, 0.5, false), 0);
        play(&mut q, &mut now, 8_820);
        for i in 1..40 {
            q.touch(tap(0.2 + 0.01 * i as f32, 0.5, true), now);
            assert_eq!(q.next_due(), Some(now + 13_230));
            play(&mut q, &mut now, 882);
        }
        // Still sustaining after 800 ms of dragging, at the finger's pitch: mtof(24 + 49·0.59).
        let (l, _) = play(&mut q, &mut now, 4_000);
        assert!(peak(&l) > 0.2, "{}", peak(&l));
        let want = SR / mtof(24.0 + 49.0 * 0.59);
        let got = period(&l, 150, 300) as f32;
        assert!((got - want).abs() < 2.0, "period {got}, want {want}");
    }

    #[test]
    fn releases_after_the_note_off_and_stays_finite_on_hostile_input() {
        let (mut q, mut now) = (Quack::new(SR, 3), 0);
        q.touch(TouchMsg::from_touch(f32::NAN, f32::INFINITY, f32::NAN, false), 0);
        let (l, r) = play(&mut q, &mut now, 44_100);
        assert!(l.iter().chain(&r).all(|v| v.is_finite()));
        assert!(peak(&l) < 2.0 && peak(&l) > 0.1, "{}", peak(&l));
        // Note-off at 300 ms, release 250 ms: only the reverb's tail from 560 ms.
        assert!(peak(&l[24_700..]) < 0.05 * peak(&l), "{}", peak(&l[24_700..]));
    }
}
