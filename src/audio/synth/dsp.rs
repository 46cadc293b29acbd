//! Small DSP building blocks shared by the schemes: a fast sine, phase accumulators, a band-limited
//! saw, seeded noise, a state-variable filter, a one-pole low-pass and a soft clipper. All f32 and allocation-free; the expensive maths (exp, tan) is only called when a
//! coefficient changes, never per sample, because in wasm those are software routines.

use std::f64::consts::TAU as TAU64;

const S1: f32 = TAU64 as f32;
const S3: f32 = (-TAU64 * TAU64 * TAU64 / 6.0) as f32;
const S5: f32 = (TAU64 * TAU64 * TAU64 * TAU64 * TAU64 / 120.0) as f32;
const S7: f32 = (-TAU64 * TAU64 * TAU64 * TAU64 * TAU64 * TAU64 * TAU64 / 5040.0) as f32;
const S9: f32 = (TAU64 * TAU64 * TAU64 * TAU64 * TAU64 * TAU64 * TAU64 * TAU64 * TAU64 / 362_880.0) as f32;

/// `x` clamped to `[lo, hi]`; NaN becomes `lo` (unlike `f32::clamp`, which keeps NaN).
#[inline(always)]
pub(crate) fn clampf(x: f32, lo: f32, hi: f32) -> f32 {
    x.max(lo).min(hi)
}

/// The fractional part of `p`, in [0, 1] (for |p| < 2³¹).
#[inline(always)]
pub(crate) fn frac(p: f32) -> f32 {
    let f = p - (p as i32) as f32;
    if f < 0.0 {
        f + 1.0
    } else {
        f
    }
}

/// 1.5·2²³: adding and subtracting it rounds an f32 below 2²² to the nearest integer, with plain
/// adds (float-to-int conversions are slow, and a dependency chain in every oscillator).
const ROUNDER: f32 = 12_582_912.0;

/// sin(2π·p) for a phase `p` in turns (|p| < 2²²): a branchless fold onto a quarter turn, then a
/// Taylor series (error below 4e-6).
#[inline(always)]
pub(crate) fn sin_turn(p: f32) -> f32 {
    // x = p − round(p) in [−0.5, 0.5]; sin(2πx) is odd and symmetric about ±0.25.
    let x = p - ((p + ROUNDER) - ROUNDER);
    let t = 0.25 - (x.abs() - 0.25).abs();
    let t2 = t * t;
    let s = t * (S1 + t2 * (S3 + t2 * (S5 + t2 * (S7 + t2 * S9))));
    s.copysign(x)
}

/// MIDI note number to Hz, in f32.
#[inline(always)]
pub(crate) fn hz(midi: f32) -> f32 {
    440.0 * ((midi - 69.0) / 12.0).exp2()
}

/// A phase increment (turns per sample) for `hz`, kept below Nyquist.
#[inline(always)]
pub(crate) fn phase_inc(hz: f32, sr: f32) -> f32 {
    clampf(hz / sr, 0.0, 0.49)
}

/// Advances a phase in turns, wrapping it into [0, 1] (any increment).
#[inline(always)]
pub(crate) fn advance(phase: &mut f32, inc: f32) {
    *phase = frac(*phase + inc);
}

/// Advances a phase in [0, 1) by an increment in [0, 1): an add and a conditional wrap, cheaper
/// than `advance` in a per-sample loop (the phase is a loop-carried dependency).
#[inline(always)]
pub(crate) fn step(phase: &mut f32, inc: f32) {
    let p = *phase + inc;
    *phase = if p >= 1.0 { p - 1.0 } else { p };
}

/// A saw from −1 to 1 at `phase` (turns), with PolyBLEP smoothing of the wrap against aliasing.
#[inline(always)]
pub(crate) fn saw(phase: f32, inc: f32) -> f32 {
    let mut v = 2.0 * phase - 1.0;
    if phase < inc {
        let t = phase / inc;
        v -= t + t - t * t - 1.0;
    } else if phase > 1.0 - inc {
        let t = (phase - 1.0) / inc;
        v -= t * t + t + t + 1.0;
    }
    v
}

/// tanh-like soft clipping (a rational approximation; exactly ±1 beyond ±3).
#[inline(always)]
pub(crate) fn soft_clip(x: f32) -> f32 {
    let x = clampf(x, -3.0, 3.0);
    let x2 = x * x;
    x * (27.0 + x2) / (27.0 + 9.0 * x2)
}

/// White noise in [−1, 1): xorshift32, seeded through splitmix64 from the note's seed.
pub(crate) struct Noise(u32);

impl Noise {
    /// `stream` separates independent noise sources of one note.
    pub(crate) fn new(seed: u64, stream: u64) -> Noise {
        let mut z = seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03);
        z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        let s = (z ^ (z >> 32)) as u32;
        Noise(if s == 0 { 0x2545_F491 } else { s })
    }

    #[inline(always)]
    pub(crate) fn next(&mut self) -> f32 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        self.0 = x;
        f32::from_bits((x >> 9) | 0x4000_0000) - 3.0
    }
}

/// A state-variable filter (Simper's trapezoidal SVF): stable under modulation at any cutoff.
#[derive(Default)]
pub(crate) struct Svf {
    ic1: f32,
    ic2: f32,
    a1: f32,
    a2: f32,
    a3: f32,
    k: f32,
}

impl Svf {
    pub(crate) fn new(cutoff: f32, q: f32, sr: f32) -> Svf {
        let mut f = Svf::default();
        f.set(cutoff, q, sr);
        f
    }

    /// Sets the cutoff (kept within 10 Hz – 0.45·sr) and resonance; keeps the state.
    pub(crate) fn set(&mut self, cutoff: f32, q: f32, sr: f32) {
        let fc = clampf(cutoff, 10.0, 0.45 * sr);
        let g = (std::f32::consts::PI * fc / sr).tan();
        let k = 1.0 / clampf(q, 0.1, 50.0);
        self.a1 = 1.0 / (1.0 + g * (g + k));
        self.a2 = g * self.a1;
        self.a3 = g * self.a2;
        self.k = k;
    }

    /// Sets the state to the steady state for a constant input `x` (as if it had been playing).
    pub(crate) fn settle(&mut self, x: f32) {
        self.ic1 = 0.0;
        self.ic2 = x;
    }

    /// (low, band) outputs for input `v0`.
    #[inline(always)]
    fn tick(&mut self, v0: f32) -> (f32, f32) {
        let v3 = v0 - self.ic2;
        let v1 = self.a1 * self.ic1 + self.a2 * v3;
        let v2 = self.ic2 + self.a2 * self.ic1 + self.a3 * v3;
        self.ic1 = 2.0 * v1 - self.ic1;
        self.ic2 = 2.0 * v2 - self.ic2;
        (v2, v1)
    }

    #[inline(always)]
    pub(crate) fn lowpass(&mut self, x: f32) -> f32 {
        self.tick(x).0
    }

    /// Band-pass with unity gain at the centre.
    #[inline(always)]
    pub(crate) fn bandpass(&mut self, x: f32) -> f32 {
        self.k * self.tick(x).1
    }

    #[inline(always)]
    pub(crate) fn highpass(&mut self, x: f32) -> f32 {
        let (low, band) = self.tick(x);
        x - self.k * band - low
    }
}

/// A one-pole low-pass, y += a·(x − y).
pub(crate) struct OnePole {
    y: f32,
    a: f32,
}

impl OnePole {
    pub(crate) fn new(cutoff: f32, sr: f32) -> OnePole {
        let a = 1.0 - (-std::f32::consts::TAU * clampf(cutoff, 0.0, 0.5 * sr) / sr).exp();
        OnePole { y: 0.0, a }
    }

    #[inline(always)]
    pub(crate) fn tick(&mut self, x: f32) -> f32 {
        self.y += self.a * (x - self.y);
        self.y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_sine_is_a_sine() {
        for i in -2000..=2000 {
            let p = i as f32 / 997.0;
            let exact = (f64::from(p) * std::f64::consts::TAU).sin() as f32;
            assert!(
                (sin_turn(p) - exact).abs() < 1e-5,
                "sin_turn({p}) = {} not {exact}",
                sin_turn(p)
            );
        }
    }
}
