//! A small deterministic PRNG (SplitMix64) and the few transcendental functions the generator needs.
//!
//! The functions are written with basic IEEE arithmetic only (+, −, ×, ÷, round), which Rust evaluates
//! identically everywhere, whereas the platform libm behind `f64::sin`/`exp`/`ln` may differ in the last
//! bit between systems; that could change a printed digit and break the byte-for-byte comparison of
//! the committed data set.

use std::f64::consts::{FRAC_PI_2, LN_2, PI, TAU};

/// SplitMix64 (Steele, Lea & Flood 2014): tiny, fast and good enough for fictional data.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// An independent stream derived from this one and `salt` (so adding draws to one part of the
    /// generator does not reshuffle every other part).
    pub fn fork(&self, salt: u64) -> Self {
        let mut mixer = Self::new(self.state ^ salt.wrapping_mul(0xD1B5_4A32_D192_ED03));
        Self::new(mixer.next_u64())
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in [lo, hi).
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// Uniform integer in lo..=hi.
    pub fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    /// Uniform index in 0..n (n > 0, below 2³²).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Fisher–Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }

    /// An index chosen with probability proportional to its weight.
    pub fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut target = self.unit() * total;
        for (i, w) in weights.iter().enumerate() {
            if target < *w {
                return i;
            }
            target -= w;
        }
        weights.len() - 1
    }

    /// Roughly standard normal (Irwin–Hall sum of four uniforms, unit variance, tails cut at ±3.5).
    pub fn gauss(&mut self) -> f64 {
        let sum = self.unit() + self.unit() + self.unit() + self.unit();
        (sum - 2.0) * 3f64.sqrt()
    }

    /// Log-uniform in [lo, hi): as likely to be "a few minutes" as "a few hours".
    pub fn log_range(&mut self, lo: f64, hi: f64) -> f64 {
        exp(self.range(ln(lo), ln(hi)))
    }
}

pub fn sin(x: f64) -> f64 {
    let mut r = x - TAU * (x / TAU).round();
    if r > FRAC_PI_2 {
        r = PI - r;
    } else if r < -FRAC_PI_2 {
        r = -PI - r;
    }
    let r2 = r * r;
    let (mut term, mut sum) = (r, r);
    for k in 1..=9 {
        term *= -r2 / ((2 * k) * (2 * k + 1)) as f64;
        sum += term;
    }
    sum
}

pub fn cos(x: f64) -> f64 {
    sin(x + FRAC_PI_2)
}

/// e^x for |x| < 700.
pub fn exp(x: f64) -> f64 {
    let k = (x / LN_2).round();
    let r = x - k * LN_2;
    let (mut term, mut sum) = (1.0, 1.0);
    for n in 1..=16 {
        term *= r / n as f64;
        sum += term;
    }
    sum * f64::from_bits(((k as i64 + 1023) as u64) << 52)
}

/// Natural logarithm of a positive normal number.
pub fn ln(x: f64) -> f64 {
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64 - 1023;
    let mantissa = f64::from_bits((bits & ((1u64 << 52) - 1)) | (1023u64 << 52));
    let s = (mantissa - 1.0) / (mantissa + 1.0);
    let s2 = s * s;
    let (mut power, mut sum) = (s, s);
    for n in 1..=14 {
        power *= s2;
        sum += power / (2 * n + 1) as f64;
    }
    2.0 * sum + exponent as f64 * LN_2
}

/// base^e for base > 0.
pub fn powf(base: f64, e: f64) -> f64 {
    exp(e * ln(base))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maths_agrees_with_libm() {
        for i in -400..400 {
            let x = i as f64 * 0.037;
            assert!((sin(x) - x.sin()).abs() < 1e-12, "sin({x})");
            assert!((cos(x) - x.cos()).abs() < 1e-12, "cos({x})");
            assert!((exp(x) / x.exp() - 1.0).abs() < 1e-13, "exp({x})");
            let y = (i + 401) as f64 * 0.173;
            assert!((ln(y) - y.ln()).abs() < 1e-12, "ln({y})");
        }
        assert!((powf(0.3, 1.8) - 0.3f64.powf(1.8)).abs() < 1e-13);
    }

    #[test]
    fn the_stream_is_fixed_and_ranges_hold() {
        let mut rng = Rng::new(1);
        let first = rng.next_u64();
        assert_eq!(first, Rng::new(1).next_u64());
        assert_ne!(first, Rng::new(2).next_u64());
        for _ in 0..10_000 {
            let u = rng.unit();
            assert!((0.0..1.0).contains(&u));
            assert!((3..=7).contains(&rng.int(3, 7)));
            assert!(rng.below(5) < 5);
            assert!(rng.gauss().abs() <= 3.5);
        }
        assert_eq!(rng.weighted(&[0.0, 1.0, 0.0]), 1);
    }
}
