//! The Karplus–Strong plucked string of strings and lead guitar, computed sample by sample, so that
//! (unlike the patch's `delread~` loop, which cannot be shorter than Pd's 64-sample block) it
//! reaches high pitches, tuned to a fraction of a sample and following pitch bends.
//!
//! The loop: an integer delay, a first-order allpass for the fraction (its coefficient solved for
//! an exact phase delay at the fundamental), Pd's `lop~ 3800` one-pole low-pass, a DC blocker and
//! a gain. Deviation from the patch, so that high notes ring rather than die within tens of
//! milliseconds in the low-pass: the DC blocker's corner is placed so that the low-pass × DC blocker
//! response peaks exactly at the fundamental, and the loop gain is normalised there to the patch's
//! feedback of 0.999. Every other frequency then decays faster (the harmonics through the low-pass,
//! as in the patch), and the loop can never gain (|loop| ≤ 0.999 everywhere), so it is stable.

use super::dsp::{sin_turn, Noise, OnePole, Svf};
use std::f64::consts::{FRAC_PI_2, TAU};

const LOOP_CUTOFF: f64 = 3800.0;
const FEEDBACK: f64 = 0.999;
/// The lowest string (MIDI 12); lower pitches play at this.
const MIN_HZ: f64 = 16.351_6;
/// Filter warm-up before a burst is taken, in samples.
const BURST_WARM_UP: usize = 64;
/// The burst's fundamental amplitude, and the RMS of the rest of it.
const BURST_FUNDAMENTAL: f32 = 0.3;
const BURST_REST: f32 = 0.25;

/// The loop low-pass coefficient. Pd's `lop~ 3800` uses 2π·3800/sr, which at the app's 44.1 kHz
/// is a one-pole with a ~5.5 kHz cutoff; this is that filter at any rate (and still filters at
/// rates where Pd's coefficient would reach 1).
fn loop_coefficient(sr: f32) -> f64 {
    let pd = (TAU * LOOP_CUTOFF / 44_100.0).min(1.0);
    1.0 - (1.0 - pd).powf(44_100.0 / f64::from(sr))
}

pub(super) struct KsString {
    buf: Vec<f32>,
    mask: usize,
    w: usize,
    /// The integer delay and the allpass coefficient and state.
    m: usize,
    eta: f32,
    ap_x: f32,
    ap_y: f32,
    a: f32,
    lp: f32,
    r: f32,
    hp_x: f32,
    hp_y: f32,
    g: f32,
    period: f32,
    burst: Vec<f32>,
    burst_pos: usize,
    noise: Noise,
    bp3: Svf,
    bp5: Svf,
    lp_noise: OnePole,
}

impl KsString {
    pub(super) fn new(sr: f32, seed: u64) -> KsString {
        let size = ((f64::from(sr) / MIN_HZ) as usize + 8).next_power_of_two();
        KsString {
            buf: vec![0.0; size],
            mask: size - 1,
            w: 0,
            m: 1,
            eta: 0.0,
            ap_x: 0.0,
            ap_y: 0.0,
            a: loop_coefficient(sr) as f32,
            lp: 0.0,
            r: 0.99,
            hp_x: 0.0,
            hp_y: 0.0,
            g: FEEDBACK as f32,
            period: 2.0,
            burst: Vec::new(),
            burst_pos: 0,
            noise: Noise::new(seed, 3),
            bp3: Svf::new(3000.0, 1.0, sr),
            bp5: Svf::new(5100.0, 1.0, sr),
            lp_noise: OnePole::new(LOOP_CUTOFF as f32, sr),
        }
    }

    /// Tunes the loop to `f0` Hz (clamped to MIDI 12 … sr/4): the delay is the period less the
    /// filters' phase delays at the fundamental.
    pub(super) fn tune(&mut self, f0: f32, sr: f32) {
        let sr = f64::from(sr);
        let f0 = if f0.is_nan() {
            440.0
        } else {
            f64::from(f0).clamp(MIN_HZ, sr / 4.0)
        };
        let w0 = TAU * f0 / sr;
        let (s0, c0) = w0.sin_cos();
        let one_minus_c = 2.0 * (0.5 * w0).sin().powi(2);
        let a = f64::from(self.a);
        let b = 1.0 - a;
        let lp_den = 1.0 + b * b - 2.0 * b * c0;
        // The DC blocker's pole r that puts the peak of |LP·HP|² at w0 (a quadratic in r).
        let k = 1.0 / one_minus_c - 2.0 * b / lp_den;
        let q = 1.0 + k * c0;
        let disc = (2.0 * b * one_minus_c / lp_den) * (1.0 + k * (c0 + 1.0));
        let r = ((q - disc.max(0.0).sqrt()) / k).clamp(0.0, 0.999_999);
        let hp_den = 1.0 + r * r - 2.0 * r * c0;
        let at_f0 = a / lp_den.sqrt() * (2.0 * one_minus_c / hp_den).sqrt();
        let at_nyquist = a / (1.0 + b) * 2.0 / (1.0 + r);
        self.g = (FEEDBACK / at_f0.max(at_nyquist)) as f32;
        let lp_delay = (b * s0).atan2(1.0 - b * c0) / w0;
        let hp_delay = -(FRAC_PI_2 - 0.5 * w0 - (r * s0).atan2(1.0 - r * c0)) / w0;
        let delay = (sr / f0 - lp_delay - hp_delay).max(1.5);
        // An integer delay m ≥ 1 and an allpass delay d in [0.5, 1.5): the allpass coefficient
        // with a phase delay of exactly d at w0.
        let m = (delay - 0.5).floor().max(1.0);
        let d = delay - m;
        self.m = (m as usize).min(self.mask - 1);
        self.eta = (((1.0 - d) * 0.5 * w0).sin() / ((1.0 + d) * 0.5 * w0).sin()) as f32;
        self.r = r as f32;
        self.period = (sr / f0) as f32;
    }

    /// Starts a pluck: one period of noise into the loop, band-passed at 3 and 5.1 kHz, without
    /// DC, and with its fundamental at a fixed amplitude (a random burst can miss the fundamental,
    /// which is all that high notes keep) and the rest at a fixed RMS.
    pub(super) fn pluck(&mut self) {
        let len = (self.period.round() as usize).max(1);
        self.burst.clear();
        for i in 0..len + BURST_WARM_UP {
            let n = self.noise.next();
            // The patch's burst is only band-passed; the low-passed part (our addition) gives low
            // and middle notes some body.
            let x = 0.6 * (self.bp3.bandpass(n) + self.bp5.bandpass(n)) + self.lp_noise.tick(n);
            if i >= BURST_WARM_UP {
                self.burst.push(x);
            }
        }
        let n = len as f32;
        let mean = self.burst.iter().sum::<f32>() / n;
        let turn = 1.0 / self.period;
        let (mut re, mut im) = (0.0, 0.0);
        for (i, x) in self.burst.iter_mut().enumerate() {
            *x -= mean;
            re += *x * sin_turn(i as f32 * turn + 0.25);
            im += *x * sin_turn(i as f32 * turn);
        }
        let (re, im) = (2.0 * re / n, 2.0 * im / n);
        let fundamental = |i: usize| re * sin_turn(i as f32 * turn + 0.25) + im * sin_turn(i as f32 * turn);
        let power = self
            .burst
            .iter()
            .enumerate()
            .map(|(i, x)| (x - fundamental(i)).powi(2))
            .sum::<f32>()
            / n;
        let rest = BURST_REST / power.sqrt().max(1e-6);
        let amplitude = (re * re + im * im).sqrt();
        let (re1, im1) = if amplitude > 1e-6 {
            (re / amplitude, im / amplitude)
        } else {
            (1.0, 0.0)
        };
        for (i, x) in self.burst.iter_mut().enumerate() {
            let phase = i as f32 * turn;
            let f = fundamental(i);
            *x = (*x - f) * rest + BURST_FUNDAMENTAL * (re1 * sin_turn(phase + 0.25) + im1 * sin_turn(phase));
        }
        self.burst_pos = 0;
    }

    #[inline(always)]
    pub(super) fn tick(&mut self) -> f32 {
        let mut excitation = 0.0;
        if let Some(&x) = self.burst.get(self.burst_pos) {
            excitation = x;
            self.burst_pos += 1;
        }
        let x = self.buf[self.w.wrapping_sub(self.m) & self.mask];
        let ap = self.eta * (x - self.ap_y) + self.ap_x;
        self.ap_x = x;
        self.ap_y = ap;
        self.lp += self.a * (ap - self.lp);
        let hp = self.lp - self.hp_x + self.r * self.hp_y;
        self.hp_x = self.lp;
        self.hp_y = hp;
        let y = self.g * hp + excitation;
        self.buf[self.w & self.mask] = y;
        self.w = self.w.wrapping_add(1);
        y
    }
}

#[cfg(test)]
mod tests {
    use super::super::dsp::hz;
    use super::*;

    /// |loop| = g·|low-pass|·|DC blocker| (the allpass has gain 1) peaks at the fundamental, where
    /// it is the feedback, for any pitch and rate: the string is stable and rings.
    #[test]
    fn the_loop_never_gains_and_rings_at_the_fundamental() {
        for sr in [8_000.0f32, 22_050.0, 44_100.0, 48_000.0, 192_000.0] {
            let mut s = KsString::new(sr, 1);
            for i in 0..=60 {
                let f0 = MIN_HZ * (f64::from(sr) / 4.0 / MIN_HZ).powf(f64::from(i) / 60.0);
                s.tune(f0 as f32, sr);
                let (a, r, g) = (f64::from(s.a), f64::from(s.r), f64::from(s.g));
                let gain = |w: f64| {
                    let c = w.cos();
                    let lp = a / (1.0 + (1.0 - a).powi(2) - 2.0 * (1.0 - a) * c).sqrt();
                    let hp = (2.0 * (1.0 - c)).sqrt() / (1.0 + r * r - 2.0 * r * c).sqrt();
                    g * lp * hp
                };
                for j in 1..=1000 {
                    let w = std::f64::consts::PI * (f64::from(j) / 1000.0).powi(2);
                    assert!(
                        gain(w) <= FEEDBACK + 1e-5,
                        "{sr} Hz, f0 {f0}: |loop({w})| = {}",
                        gain(w)
                    );
                }
                let at_f0 = gain(TAU * f0 / f64::from(sr));
                assert!(at_f0 > FEEDBACK - 1e-3, "{sr} Hz, f0 {f0}: {at_f0}");
            }
        }
    }

    #[test]
    fn a_long_string_never_grows() {
        let sr = 8_000.0;
        for midi in [0.0, 12.0, 40.0, 70.0, 100.0, 127.0] {
            let mut s = KsString::new(sr, 7);
            s.tune(hz(midi), sr);
            s.pluck();
            let samples: Vec<f32> = (0..(20.0 * sr) as usize).map(|_| s.tick()).collect();
            let first = samples[..(0.5 * sr) as usize]
                .iter()
                .fold(0.0f32, |m, x| m.max(x.abs()));
            let last = samples[(19.0 * sr) as usize..]
                .iter()
                .fold(0.0f32, |m, x| m.max(x.abs()));
            assert!(
                first.is_finite() && first > 0.05 && last <= first,
                "MIDI {midi}: {first} then {last}"
            );
        }
    }
}
