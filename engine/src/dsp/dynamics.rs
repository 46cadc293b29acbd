//! Dynamics: rj's `e_mcompressor` (`rj/e_mcompressor.pd`) and leadguitar's `pd distortion`
//! (`microjam_leadguitar_chain.pd`), with the `env~` they need.
//!
//! - `e_mcompressor threshold ratio`: `env~ 256` (RMS in Pd's dB, 100 = 1, every 128 samples); at
//!   or above the threshold the output level is threshold + (level − threshold)/ratio, the gain
//!   10^((out − level)/20) (at most 1) ramps there through `line~` in 40 ms.
//! - distortion: × dbtorms(120 + 42·dist) → `expr~ tanh($v1)` → three bands summed:
//!   `bp~ 200 3.1` × dbtorms(100 + 15·low), `bp~ (200 + 5000·midfreq) 4` × dbtorms(100 + 15·mid),
//!   `hip~ 7000` × dbtorms(100 + 15·high); × out. (Its `clip~ -1 1` goes nowhere.) Pd's `bp~` is
//!   all-pole and passes some DC: once a string's tone has decayed below the DC its loop holds, the
//!   output is a constant (silence after the output stage's `hip~ 3`, a thump when the envelope
//!   ends), in the app as here.

use super::{dbtorms, Bp, Hip, Line};

/// Pd's `env~ npoints`: a Hann-weighted mean square of the last `npoints` samples, every
/// `npoints / 2`, in dB (`powtodb`: 100 is a mean square of 1, 0 the floor).
#[derive(Debug, Clone)]
pub struct EnvRms {
    squares: Vec<f32>,
    weights: Vec<f32>,
    pos: usize,
    count: usize,
}

impl EnvRms {
    pub fn new(npoints: usize) -> EnvRms {
        let n = npoints.max(2);
        let weights = (0..n)
            .map(|i| ((1.0 - (std::f64::consts::TAU * i as f64 / n as f64).cos()) / n as f64) as f32)
            .collect();
        EnvRms {
            squares: vec![0.0; n],
            weights,
            pos: 0,
            count: 0,
        }
    }

    /// Takes a sample; every `npoints / 2` samples, returns the level in dB.
    #[inline]
    pub fn tick(&mut self, x: f32) -> Option<f32> {
        let n = self.squares.len();
        self.squares[self.pos] = if x.is_finite() { x * x } else { 0.0 };
        self.pos = (self.pos + 1) % n;
        self.count += 1;
        if self.count < n / 2 {
            return None;
        }
        self.count = 0;
        // The oldest sample is at `pos`.
        let (old, new) = self.squares.split_at(self.pos);
        let sum: f32 = new.iter().chain(old).zip(&self.weights).map(|(s, w)| s * w).sum();
        Some(powtodb(sum))
    }
}

/// Pd's `powtodb`.
pub fn powtodb(p: f32) -> f32 {
    if p > 0.0 && p.is_finite() {
        (100.0 + 10.0 * p.log10()).max(0.0)
    } else if p > 0.0 {
        485.0
    } else {
        0.0
    }
}

/// `e_mcompressor threshold ratio` (threshold in Pd's dB).
#[derive(Debug, Clone)]
pub struct Compressor {
    threshold: f32,
    ratio: f32,
    env: EnvRms,
    gain: Line,
}

impl Compressor {
    pub fn new(sr: f32, threshold: f32, ratio: f32) -> Compressor {
        Compressor {
            threshold: if threshold.is_finite() { threshold } else { 100.0 },
            // Pd's `/` by 0 gives 0: the output level is then the threshold.
            ratio: if ratio.is_finite() { ratio } else { 1.0 },
            env: EnvRms::new(256),
            // The loadbang's silence has already set the gain to 1.
            gain: Line::new(sr, 1.0),
        }
    }

    #[inline]
    pub fn tick(&mut self, x: f32) -> f32 {
        if let Some(level) = self.env.tick(x) {
            let out = if level < self.threshold {
                level
            } else if self.ratio != 0.0 {
                self.threshold + (level - self.threshold) / self.ratio
            } else {
                self.threshold
            };
            let gain = 10f32.powf((out - level) / 20.0).min(1.0);
            self.gain.set(gain, 40.0);
        }
        x * self.gain.tick()
    }
}

/// leadguitar's `pd distortion`, with the settings of its loadbang.
#[derive(Debug, Clone)]
pub struct Distortion {
    drive: f32,
    low: Bp,
    mid: Bp,
    high: Hip,
    gains: [f32; 3],
    out: f32,
}

impl Distortion {
    /// The sliders: dist, low, mid, high (−1 to 1), mid freq and out (0 to 1).
    pub fn new(sr: f32, dist: f32, low: f32, mid: f32, high: f32, mid_freq: f32, out: f32) -> Distortion {
        let band = |v: f32| dbtorms(100.0 + 15.0 * v.clamp(-1.0, 1.0));
        Distortion {
            drive: dbtorms(120.0 + 42.0 * dist.clamp(-1.0, 1.0)),
            low: Bp::new(sr, 200.0, 3.1),
            mid: Bp::new(sr, 200.0 + 5000.0 * mid_freq.clamp(0.0, 1.0), 4.0),
            high: Hip::new(sr, 7000.0),
            gains: [band(low), band(mid), band(high)],
            out: out.clamp(0.0, 1.0),
        }
    }

    /// The loadbang of `microjam_leadguitar_chain.pd`: dist 1, low 0.35, mid 0.51, high 0.1,
    /// mid freq 0.2 (1200 Hz), out 1.
    pub fn microjam_leadguitar(sr: f32) -> Distortion {
        Distortion::new(sr, 1.0, 0.35, 0.51, 0.1, 0.2, 1.0)
    }

    #[inline]
    pub fn tick(&mut self, x: f32) -> f32 {
        let v = self.drive * x;
        // Mostly saturated: beyond ±9.1 tanh is ±1 in f32, without the call.
        let y = if v.abs() > 9.1 {
            v.signum()
        } else if v.is_nan() {
            0.0
        } else {
            v.tanh()
        };
        let [gl, gm, gh] = self.gains;
        (gl * self.low.tick(y) + gm * self.mid.tick(y) + gh * self.high.tick(y)) * self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dsp::Osc;

    #[test]
    fn env_reads_a_full_scale_sine_as_97_db() {
        let mut e = EnvRms::new(256);
        let mut osc = Osc::new(44_100.0);
        let levels: Vec<f32> = (0..4096).filter_map(|_| e.tick(osc.tick(1000.0))).collect();
        assert_eq!(levels.len(), 32);
        assert!((levels[20] - 96.99).abs() < 0.1, "{}", levels[20]);
        assert_eq!(powtodb(0.0), 0.0);
    }

    #[test]
    fn the_compressor_halves_the_excess_over_its_threshold() {
        let mut c = Compressor::new(44_100.0, 67.0, 2.0);
        let mut osc = Osc::new(44_100.0);
        let mut last = 0.0f32;
        for _ in 0..44_100 {
            last = last.max(c.tick(osc.tick(500.0)).abs()) * 0.9999;
        }
        // 97 dB in: 67 + 15 = 82 dB out, a gain of −15 dB.
        let want = dbtorms(82.0 + 3.01);
        assert!((last / want - 1.0).abs() < 0.05, "{last} {want}");
        let mut quiet = Compressor::new(44_100.0, 67.0, 2.0);
        assert_eq!(quiet.tick(0.001), 0.001);
    }

    #[test]
    fn the_distortion_squares_quiet_and_loud_notes_alike_and_survives_nonsense() {
        let peak = |amp: f32| {
            let mut d = Distortion::microjam_leadguitar(44_100.0);
            let mut osc = Osc::new(44_100.0);
            (0..44_100)
                .map(|_| d.tick(amp * osc.tick(200.0)).abs())
                .fold(0.0, f32::max)
        };
        let (quiet, loud) = (peak(0.01), peak(1.0));
        assert!(quiet > 1.0 && quiet < 6.0, "{quiet}");
        assert!((quiet / loud - 1.0).abs() < 0.1, "{quiet} {loud}");
        let mut d = Distortion::microjam_leadguitar(44_100.0);
        assert!(d.tick(f32::NAN).is_finite() && d.tick(f32::INFINITY).is_finite());
        assert_eq!((9.1f32).tanh(), 1.0);
    }
}
