//! Oscillators: `osc~` (cosine), `phasor~` (ramp), `noise~` (white noise) and the drums' pink noise
//! (`s_pinknoise`).

use std::sync::OnceLock;

const TABLE_BITS: u32 = 11;
const TABLE: usize = 1 << TABLE_BITS;

/// One period of cosine (plus a guard point) for table lookup with linear interpolation, as Pd's
/// `cos~` and `osc~` do (Pd 0.53 uses 512 points; 2048 is closer to the ideal cosine).
fn cos_table() -> &'static [f32; TABLE + 1] {
    static TABLE_CELL: OnceLock<[f32; TABLE + 1]> = OnceLock::new();
    TABLE_CELL.get_or_init(|| {
        let mut t = [0.0; TABLE + 1];
        for (i, v) in t.iter_mut().enumerate() {
            *v = (std::f64::consts::TAU * i as f64 / TABLE as f64).cos() as f32;
        }
        t
    })
}

/// Pd's `cos~`: cos(2π·phase) for any phase (only its fractional part matters).
#[inline]
pub fn cos_cycles(phase: f32) -> f32 {
    let table = cos_table();
    let p = phase - phase.floor();
    let p = if p.is_finite() { p } else { 0.0 } * TABLE as f32;
    let i = (p as usize).min(TABLE - 1);
    let frac = p - i as f32;
    table[i] + frac * (table[i + 1] - table[i])
}

/// Pd's `phasor~`: a ramp from 0 to 1 at `hz`, wrapping.
#[derive(Debug, Clone, Default)]
pub struct Phasor {
    phase: f64,
    inv_sr: f64,
}

impl Phasor {
    pub fn new(sr: f32) -> Phasor {
        Phasor {
            phase: 0.0,
            inv_sr: 1.0 / f64::from(sr),
        }
    }

    /// The current phase (0–1), then advances by `hz`.
    #[inline]
    pub fn tick(&mut self, hz: f32) -> f32 {
        // (as f32, a phase just under 1 would round to 1)
        let out = (self.phase as f32).min(0.999_999_94);
        let hz = if hz.is_finite() { f64::from(hz) } else { 0.0 };
        self.phase += hz * self.inv_sr;
        self.phase -= self.phase.floor();
        out
    }

    /// Pd's phase inlet: jumps to `phase` (0–1).
    pub fn set_phase(&mut self, phase: f32) {
        self.phase = f64::from(phase).rem_euclid(1.0);
    }
}

/// Pd's `osc~`: a cosine at `hz`, starting at phase 0 (value 1).
#[derive(Debug, Clone, Default)]
pub struct Osc {
    phasor: Phasor,
}

impl Osc {
    pub fn new(sr: f32) -> Osc {
        Osc {
            phasor: Phasor::new(sr),
        }
    }

    #[inline]
    pub fn tick(&mut self, hz: f32) -> f32 {
        cos_cycles(self.phasor.tick(hz))
    }

    pub fn set_phase(&mut self, phase: f32) {
        self.phasor.set_phase(phase);
    }
}

/// Pd's `noise~`: uniform white noise in [-1, 1) from Pd's own congruential generator, seeded.
#[derive(Debug, Clone)]
pub struct Noise {
    state: u32,
}

impl Noise {
    pub fn new(seed: u32) -> Noise {
        Noise {
            state: 307u32.wrapping_mul(1319u32.wrapping_pow(seed.wrapping_add(1))),
        }
    }

    #[inline]
    pub fn tick(&mut self) -> f32 {
        let v = self.state;
        self.state = v.wrapping_mul(435_898_247).wrapping_add(382_842_987);
        ((v & 0x7fff_ffff) as i64 - 0x4000_0000) as f32 * (1.0 / 0x4000_0000 as f32)
    }
}

/// `s_pinknoise`: `noise~` through three `rzero~`/`rpole~` pairs, ×0.17.
#[derive(Debug, Clone)]
pub struct PinkNoise {
    noise: Noise,
    z: [f32; 3],
    p: [f32; 3],
}

const PINK_ZEROS: [f32; 3] = [0.984_436, 0.833_923, 0.075_683_6];
const PINK_POLES: [f32; 3] = [0.995_728, 0.947_906, 0.535_675];

impl PinkNoise {
    pub fn new(seed: u32) -> PinkNoise {
        PinkNoise {
            noise: Noise::new(seed),
            z: [0.0; 3],
            p: [0.0; 3],
        }
    }

    #[inline]
    pub fn tick(&mut self) -> f32 {
        let mut x = self.noise.tick();
        for i in 0..3 {
            let y = x - PINK_ZEROS[i] * self.z[i];
            self.z[i] = x;
            self.p[i] = y + PINK_POLES[i] * self.p[i];
            x = self.p[i];
        }
        x * 0.17
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc_is_a_cosine_at_its_frequency() {
        let sr = 48_000.0;
        let mut osc = Osc::new(sr);
        for i in 0..4800 {
            let want = (std::f64::consts::TAU * 440.0 * i as f64 / 48_000.0).cos() as f32;
            assert!((osc.tick(440.0) - want).abs() < 1e-3, "sample {i}");
        }
    }

    #[test]
    fn phasor_wraps_and_survives_nonsense() {
        let mut p = Phasor::new(100.0);
        let xs: Vec<f32> = (0..30).map(|_| p.tick(10.0)).collect();
        assert!(xs.iter().all(|x| (0.0..1.0).contains(x)));
        assert!((xs[11] - 0.1).abs() < 1e-5);
        assert!(p.tick(f32::NAN).is_finite() && cos_cycles(f32::INFINITY).is_finite());
    }

    #[test]
    fn noise_is_bounded_zero_mean_and_seeded() {
        let mut n = Noise::new(1);
        let xs: Vec<f32> = (0..100_000).map(|_| n.tick()).collect();
        assert!(xs.iter().all(|x| (-1.0..1.0).contains(x)));
        let mean = xs.iter().sum::<f32>() / xs.len() as f32;
        assert!(mean.abs() < 0.01, "mean {mean}");
        let mut m = Noise::new(2);
        assert_ne!(xs[0], m.tick());
    }
}
