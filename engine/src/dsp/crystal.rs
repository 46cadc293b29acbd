//! The "crystal" effect that drums, strings, pad, fmlead and leadguitar share: the `pd crystal`
//! subpatch, the same in `drums.pd`, `microjam_string_chain.pd`, `microjam_pad_chain.pd`,
//! `microjam_fm_chain.pd` and `microjam_leadguitar_chain.pd`, with metaPdLibs' `feedbackdelay` and
//! `rlop~` (`metaPdLibs/fx/`).
//!
//! input × level → ×0.8 → `pitchshift~` (+12) → `feedbackdelay 500` (time 500, feedback 0.3) →
//! `rlop~ 4720 1`, plus the ×0.8 signal straight into that `rlop~`; then ×0.5 + `rev2~ 100 95 14400
//! 60` (outlet 0) ×0.5. One outlet, which every patch sends to both channels.
//!
//! API, for every patch:
//! - `Crystal::new(sr)`; pad's copy lacks the direct ×0.8 → `rlop~` connection: use
//!   `Crystal::without_direct(sr)` there.
//! - `set_level(v)`: the control inlet (`t b f`): the level ramps to v in 50 ms, then, 50 ms after
//!   the latest message, fades to 0 in 500 ms. Send it what the patch sends (dy, or dy·z').
//! - `tick(x) -> (left, right)`: the outlet, on both channels.
//!
//! The noise burst (`noise~` × `vline~`) is fired only by a GUI bang, so it is left out.

use super::{ms_to_samples, DelayLine, Hip, Line, Lop, Rev2, Vcf};
use crate::dsp::pitchshift::PitchShift;

/// metaPdLibs' `feedbackdelay max-ms`: in × volume (`line~` 20 ms, 1) plus the loop's return
/// written to a line; the read (`vd~`, time) → `hip~ 10` → × feedback (`clip -1 1`) is the outlet,
/// and → `lop~` (10000 Hz) back into the line. The outlet is wet only. Loadbang: time 800 ms
/// (clipped to the line), feedback 0.66, low-pass 10000 Hz.
#[derive(Debug, Clone)]
pub struct FeedbackDelay {
    line: DelayLine,
    /// The delay in samples, at most the line's length.
    delay: f32,
    max: f32,
    hip: Hip,
    feedback: f32,
    lop: Lop,
    volume: Line,
}

impl FeedbackDelay {
    pub fn new(sr: f32, max_ms: f32) -> FeedbackDelay {
        let max_ms = if max_ms.is_finite() {
            max_ms.clamp(1.0, 10_000.0)
        } else {
            1000.0
        };
        let mut d = FeedbackDelay {
            line: DelayLine::new(sr, max_ms + 1.0),
            delay: 0.0,
            max: ms_to_samples(max_ms, sr),
            hip: Hip::new(sr, 10.0),
            feedback: 0.66,
            lop: Lop::new(sr, 10_000.0),
            volume: Line::new(sr, 1.0),
        };
        d.set_time(800.0);
        d
    }

    /// Inlet 1: the delay in ms.
    pub fn set_time(&mut self, ms: f32) {
        let sr = self.line.sample_rate();
        self.delay = ms_to_samples(ms, sr).clamp(1.0, self.max);
    }

    /// Inlet 2: the feedback, clipped to ±1.
    pub fn set_feedback(&mut self, f: f32) {
        self.feedback = if f.is_nan() { 0.0 } else { f.clamp(-1.0, 1.0) };
    }

    /// Inlet 3: the loop's low-pass, Hz.
    pub fn set_lowpass(&mut self, hz: f32) {
        self.lop.set(hz);
    }

    /// The input volume (`$1 20` → `line~`).
    pub fn set_volume(&mut self, v: f32) {
        self.volume.set(v, 20.0);
    }

    #[inline]
    pub fn tick(&mut self, x: f32) -> f32 {
        // Read before this sample is written: `delay` samples back is one less from here.
        let out = self.hip.tick(self.line.read4(self.delay - 1.0)) * self.feedback;
        let back = self.lop.tick(out);
        self.line.write(x * self.volume.tick() + back);
        out
    }
}

/// metaPdLibs' `rlop~ hz q`: `vcf~ q` at a constant centre (its band-pass outlet) → three
/// `lop~ hz`.
#[derive(Debug, Clone)]
pub struct Rlop {
    vcf: Vcf,
    hz: f32,
    lop: [Lop; 3],
}

impl Rlop {
    pub fn new(sr: f32, hz: f32, q: f32) -> Rlop {
        let hz = if hz.is_finite() { hz } else { 0.0 };
        Rlop {
            vcf: Vcf::new(sr, q),
            hz,
            lop: [(); 3].map(|_| Lop::new(sr, hz)),
        }
    }

    /// Inlet 1: the cutoff, for the `vcf~` and the three `lop~`s.
    pub fn set_freq(&mut self, hz: f32) {
        self.hz = if hz.is_finite() { hz } else { 0.0 };
        for l in &mut self.lop {
            l.set(self.hz);
        }
    }

    /// Inlet 2: the `vcf~`'s q.
    pub fn set_q(&mut self, q: f32) {
        self.vcf.set_q(q);
    }

    #[inline]
    pub fn tick(&mut self, x: f32) -> f32 {
        let (band, _low) = self.vcf.tick(x, self.hz);
        let [a, b, c] = &mut self.lop;
        c.tick(b.tick(a.tick(band)))
    }
}

/// The `pd crystal` subpatch.
#[derive(Debug, Clone)]
pub struct Crystal {
    level: Line,
    /// `delay 50` → `0 500`, in samples still to wait (0: not running).
    fade_in: u32,
    fade_after: u32,
    shift: PitchShift,
    echo: FeedbackDelay,
    rlop: Rlop,
    reverb: Rev2,
    direct: bool,
}

impl Crystal {
    pub fn new(sr: f32) -> Crystal {
        let mut shift = PitchShift::new(sr);
        shift.set_transpose(12.0);
        let mut echo = FeedbackDelay::new(sr, 500.0);
        echo.set_time(500.0);
        echo.set_feedback(0.3);
        Crystal {
            level: Line::new(sr, 0.0),
            fade_in: 0,
            fade_after: ms_to_samples(50.0, sr).round() as u32,
            shift,
            echo,
            rlop: Rlop::new(sr, 4720.0, 1.0),
            reverb: Rev2::new(sr, 100.0, 95.0, 14_400.0, 60.0),
            direct: true,
        }
    }

    /// Pad's copy of the subpatch: only the pitch-shifted echo reaches `rlop~`.
    pub fn without_direct(sr: f32) -> Crystal {
        Crystal {
            direct: false,
            ..Crystal::new(sr)
        }
    }

    /// The control inlet: to `level` in 50 ms, then (50 ms after the latest call) to 0 in 500 ms.
    pub fn set_level(&mut self, level: f32) {
        let level = if level.is_finite() {
            level.clamp(-10.0, 10.0)
        } else {
            0.0
        };
        self.level.set(level, 50.0);
        self.fade_in = self.fade_after.max(1);
    }

    /// One input sample in; the outlet on both channels.
    #[inline]
    pub fn tick(&mut self, x: f32) -> (f32, f32) {
        if self.fade_in > 0 {
            self.fade_in -= 1;
            if self.fade_in == 0 {
                self.level.set(0.0, 500.0);
            }
        }
        let x = if x.is_finite() { x.clamp(-1e3, 1e3) } else { 0.0 };
        let s = x * self.level.tick() * 0.8;
        let echoed = self.echo.tick(self.shift.tick(s));
        let filtered = self.rlop.tick(if self.direct { echoed + s } else { echoed });
        let out = 0.5 * (filtered + self.reverb.tick(filtered)[0]);
        (out, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dsp::Osc;

    const SR: f32 = 44_100.0;

    #[test]
    fn feedbackdelay_echoes_at_its_time_with_its_feedback() {
        let mut d = FeedbackDelay::new(SR, 500.0);
        d.set_time(500.0);
        d.set_feedback(0.3);
        let out: Vec<f32> = (0..50_000).map(|i| d.tick(if i == 0 { 1.0 } else { 0.0 })).collect();
        let at = 22_050;
        assert!(out[..at].iter().all(|&s| s == 0.0));
        assert!((out[at] - 0.3).abs() < 0.01, "{}", out[at]);
        assert!((out[2 * at] - 0.09).abs() < 0.01, "{}", out[2 * at]);
    }

    #[test]
    fn rlop_is_a_low_pass_at_its_cutoff() {
        // With q 1 the `vcf~` is barely resonant: its band-pass outlet passes the lows too.
        let gain = |hz: f32| {
            let (mut f, mut o) = (Rlop::new(SR, 4720.0, 1.0), Osc::new(SR));
            (0..20_000)
                .map(|_| f.tick(o.tick(hz)))
                .skip(10_000)
                .map(f32::abs)
                .fold(0.0, f32::max)
        };
        let (low, high) = (gain(100.0), gain(16_000.0));
        assert!(low > 0.9 && low < 1.3 && high < 0.15 * low, "{low} {high}");
    }

    #[test]
    fn rlop_impulse_response_matches_pd() {
        // Pd 0.53's `rlop~ 4720 1` after a unit impulse.
        let pd = [
            0.272_690_7,
            0.337_794_9,
            0.250_696_1,
            0.143_060_1,
            0.068_933_6,
            0.029_498_6,
        ];
        let mut f = Rlop::new(SR, 4720.0, 1.0);
        for (i, want) in pd.into_iter().enumerate() {
            let got = f.tick(if i == 0 { 1.0 } else { 0.0 });
            assert!((got - want).abs() < 2e-5, "sample {i}: {got} vs {want}");
        }
    }

    #[test]
    fn the_level_fades_after_the_last_message() {
        let mut c = Crystal::new(SR);
        let mut osc = Osc::new(SR);
        // Silent at level 0.
        assert!((0..5000).all(|_| c.tick(osc.tick(500.0)).0 == 0.0));
        c.set_level(1.0);
        let n = (SR * 0.6) as usize;
        for _ in 0..n {
            c.tick(osc.tick(500.0));
        }
        // 600 ms after the message the input is shut: what is left is the tail, which dies away.
        let tail: Vec<f32> = (0..(SR * 4.0) as usize).map(|_| c.tick(osc.tick(500.0)).0).collect();
        let rms = |s: &[f32]| (s.iter().map(|v| v * v).sum::<f32>() / s.len() as f32).sqrt();
        assert!(rms(&tail[..4410]) > 1e-3);
        assert!(rms(&tail[tail.len() - 4410..]) < 0.05 * rms(&tail[..4410]));
    }

    #[test]
    fn hostile_input_stays_finite() {
        let mut c = Crystal::without_direct(SR);
        for v in [f32::NAN, f32::INFINITY, 1e30, -1e30, 1.0] {
            c.set_level(v);
            for _ in 0..3000 {
                let (l, r) = c.tick(v);
                assert!(l.is_finite() && r.is_finite());
            }
        }
    }
}
