//! Chebyshev waveshaping oscillators (`microjam_spad.pd`, ajf 2009): `pd csaw` and `pd 2chebypacket`.
//!
//! `csaw` shapes a cosine x = cos(2π·phase) through the Chebyshev polynomials T1…T6 (Tk(x) is the
//! k-th harmonic) into a sawtooth-like wave whose upper harmonics open with a "cutoff" c (0–1):
//! weights clip(0.5c, 0, 0.5), clip(c²/3), clip(c⁴/4), clip(c⁸/5), clip(c¹⁶/6) for T2…T6, the
//! fundamental at 1; plus a "packet resonance": a sine at 10c times the phase (hard-synced to the
//! period), windowed by min(((1 − phase)·resonance)², 1). The sum is × 0.4 × (1.5 − c).
//! `2chebypacket` runs two of them on `phasor~`s at f ± detune Hz and sums them × 0.4.

use super::osc::cos_cycles;
use super::Phasor;

/// `pd csaw`: one shaped period from a phase (0–1), a resonance and a cutoff.
#[inline]
pub fn csaw(phase: f32, resonance: f32, cutoff: f32) -> f32 {
    let x = cos_cycles(phase);
    let x2 = x * x;
    let x3 = x2 * x;
    let t2 = 2.0 * x2 - 1.0;
    let t3 = 4.0 * x3 - 3.0 * x;
    let t4 = 2.0 * t2 * t2 - 1.0;
    let t5 = 16.0 * x3 * x2 - 20.0 * x3 + 5.0 * x;
    let t6 = 2.0 * t3 * t3 - 1.0;
    let c = cutoff;
    let c2 = c * c;
    let c4 = c2 * c2;
    let c8 = c4 * c4;
    let c16 = c8 * c8;
    let harmonics = t2 * (0.5 * c).clamp(0.0, 0.5)
        + t3 * (0.333 * c2).clamp(0.0, 0.3333)
        + t4 * (0.25 * c4).clamp(0.0, 0.25)
        + t5 * (0.2 * c8).clamp(0.0, 0.2)
        + t6 * (0.1666 * c16).clamp(0.0, 0.166);
    // Packet resonance: `wrap~`(10c·phase) − 0.25 → `cos~`, i.e. a sine, × the window.
    let w = (1.0 - phase) * resonance;
    let packet = (w * w).min(1.0) * cos_cycles(10.0 * c * phase - 0.25);
    (x + packet + harmonics) * 0.4 * (1.5 - c)
}

/// `pd 2chebypacket`: two `csaw`s on phasors detuned by ± `detune` Hz, summed × 0.4.
#[derive(Debug, Clone)]
pub struct ChebyPacket {
    up: Phasor,
    down: Phasor,
}

impl ChebyPacket {
    pub fn new(sr: f32) -> ChebyPacket {
        ChebyPacket {
            up: Phasor::new(sr),
            down: Phasor::new(sr),
        }
    }

    /// Sets the two phasors' phases (0–1): where they are after running since the patch loaded.
    pub fn set_phases(&mut self, up: f32, down: f32) {
        self.up.set_phase(up);
        self.down.set_phase(down);
    }

    /// One sample at `hz`, its signal inlets `detune` (Hz), `resonance` and `cutoff` (0–1).
    #[inline]
    pub fn tick(&mut self, hz: f32, detune: f32, resonance: f32, cutoff: f32) -> f32 {
        let a = csaw(self.up.tick(hz + detune), resonance, cutoff);
        let b = csaw(self.down.tick(hz - detune), resonance, cutoff);
        (a + b) * 0.4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The amplitude of harmonic `k` of one period of `f(phase)`.
    fn harmonic(k: usize, f: impl Fn(f32) -> f32) -> f32 {
        let n = 4096;
        let (mut re, mut im) = (0.0f64, 0.0f64);
        for i in 0..n {
            let p = i as f64 / n as f64;
            let v = f64::from(f(p as f32));
            re += v * (std::f64::consts::TAU * k as f64 * p).cos();
            im += v * (std::f64::consts::TAU * k as f64 * p).sin();
        }
        (2.0 * (re * re + im * im).sqrt() / n as f64) as f32
    }

    #[test]
    fn the_chebyshev_weights_set_the_harmonics() {
        // No resonance: harmonic k has exactly its weight (× 0.4 × (1.5 − c)).
        let c: f32 = 0.8;
        let g = 0.4 * (1.5 - c);
        let want = [
            1.0,
            0.5 * c,
            0.333 * c * c,
            0.25 * c.powi(4),
            0.2 * c.powi(8),
            0.1666 * c.powi(16),
        ];
        for (k, w) in want.iter().enumerate() {
            let h = harmonic(k + 1, |p| csaw(p, 0.0, c));
            assert!((h - w * g).abs() < 2e-3, "harmonic {}: {h} vs {}", k + 1, w * g);
        }
    }

    #[test]
    fn the_cutoff_brightens_and_stays_bounded() {
        let dull = harmonic(3, |p| csaw(p, 0.0, 0.2));
        let bright = harmonic(3, |p| csaw(p, 0.0, 0.87));
        assert!(bright > 5.0 * dull, "{dull} {bright}");
        let mut o = ChebyPacket::new(44_100.0);
        for i in 0..44_100 {
            let y = o.tick(65.0, 0.23, 0.7, (i as f32 / 44_100.0) * 1.2);
            assert!(y.is_finite() && y.abs() < 1.5);
        }
    }
}
