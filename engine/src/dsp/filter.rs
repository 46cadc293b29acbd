//! Pd's vanilla filters, with Pd's own coefficient formulas (Pd 0.53 `d_filter.c`), so that the
//! instruments are as bright or as dull as the app's.

use super::osc::cos_cycles;
use super::TAU;

/// Pd's `lop~`: one-pole low-pass, y += k·(x − y), k = 2π·hz/sr clipped to 0–1.
#[derive(Debug, Clone, Default)]
pub struct Lop {
    k: f32,
    y: f32,
    sr: f32,
}

impl Lop {
    pub fn new(sr: f32, hz: f32) -> Lop {
        let mut f = Lop { k: 0.0, y: 0.0, sr };
        f.set(hz);
        f
    }

    pub fn set(&mut self, hz: f32) {
        let k = hz * TAU / self.sr;
        self.k = if k.is_nan() { 0.0 } else { k.clamp(0.0, 1.0) };
    }

    #[inline]
    pub fn tick(&mut self, x: f32) -> f32 {
        self.y += self.k * (x - self.y);
        self.y
    }
}

/// Pd's `hip~` (0.44 and later): one-pole high-pass with unity gain at Nyquist.
#[derive(Debug, Clone, Default)]
pub struct Hip {
    coef: f32,
    last: f32,
    sr: f32,
}

impl Hip {
    pub fn new(sr: f32, hz: f32) -> Hip {
        let mut f = Hip {
            coef: 0.0,
            last: 0.0,
            sr,
        };
        f.set(hz);
        f
    }

    pub fn set(&mut self, hz: f32) {
        let c = 1.0 - hz * TAU / self.sr;
        self.coef = if c.is_nan() { 0.0 } else { c.clamp(0.0, 1.0) };
    }

    #[inline]
    pub fn tick(&mut self, x: f32) -> f32 {
        if self.coef < 1.0 {
            let new = x + self.coef * self.last;
            let out = 0.5 * (1.0 + self.coef) * (new - self.last);
            self.last = new;
            out
        } else {
            x
        }
    }
}

/// Pd's `bp~`: two-pole band-pass at `hz` with quality `q`, Pd's gain normalisation.
#[derive(Debug, Clone, Default)]
pub struct Bp {
    coef1: f32,
    coef2: f32,
    gain: f32,
    last: f32,
    prev: f32,
    sr: f32,
}

/// π as Pd's `bp~` writes it (d_filter.c), which sets its exact tuning.
#[allow(clippy::approx_constant)]
const PD_PI: f32 = 3.14159;

/// Pd's cheap cosine for `bp~` (a Taylor series, 0 outside ±π/2).
fn qcos(f: f32) -> f32 {
    if (-0.5 * PD_PI..=0.5 * PD_PI).contains(&f) {
        let g = f * f;
        ((g * g * g * (-1.0 / 720.0) + g * g * (1.0 / 24.0)) - g * 0.5) + 1.0
    } else {
        0.0
    }
}

impl Bp {
    pub fn new(sr: f32, hz: f32, q: f32) -> Bp {
        let mut f = Bp { sr, ..Bp::default() };
        f.set(hz, q);
        f
    }

    pub fn set(&mut self, hz: f32, q: f32) {
        let hz = if hz.is_nan() || hz < 0.001 { 10.0 } else { hz };
        let q = if q.is_nan() { 0.0 } else { q.max(0.0) };
        let omega = hz * (2.0 * PD_PI) / self.sr;
        let oneminusr = if q < 0.001 { 1.0 } else { (omega / q).min(1.0) };
        let r = 1.0 - oneminusr;
        self.coef1 = 2.0 * qcos(omega) * r;
        self.coef2 = -r * r;
        self.gain = 2.0 * oneminusr * (oneminusr + r * omega);
    }

    #[inline]
    pub fn tick(&mut self, x: f32) -> f32 {
        let out = x + self.coef1 * self.last + self.coef2 * self.prev;
        self.prev = self.last;
        self.last = out;
        self.gain * out
    }
}

/// Pd's `vcf~`: a resonant filter whose centre frequency is a signal. Returns (band-pass, low-pass),
/// its two outlets.
#[derive(Debug, Clone, Default)]
pub struct Vcf {
    re: f32,
    im: f32,
    qinv: f32,
    ampcorrect: f32,
    isr: f32,
}

impl Vcf {
    pub fn new(sr: f32, q: f32) -> Vcf {
        let mut f = Vcf {
            isr: TAU / sr,
            ..Vcf::default()
        };
        f.set_q(q);
        f
    }

    pub fn set_q(&mut self, q: f32) {
        let q = if q.is_nan() { 0.0 } else { q.max(0.0) };
        self.qinv = if q > 0.0 { 1.0 / q } else { 0.0 };
        self.ampcorrect = 2.0 - 2.0 / (q + 2.0);
    }

    #[inline]
    pub fn tick(&mut self, x: f32, hz: f32) -> (f32, f32) {
        let cf = (hz * self.isr).max(0.0);
        let cf = if cf.is_finite() { cf } else { 0.0 };
        let r = if self.qinv > 0.0 {
            (1.0 - cf * self.qinv).max(0.0)
        } else {
            0.0
        };
        let oneminusr = 1.0 - r;
        let cycles = cf / TAU;
        let coefr = r * cos_cycles(cycles);
        let coefi = r * cos_cycles(cycles - 0.25);
        let re2 = self.re;
        self.re = self.ampcorrect * oneminusr * x + coefr * re2 - coefi * self.im;
        self.im = coefi * re2 + coefr * self.im;
        (self.re, self.im)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dsp::Osc;

    /// Steady-state gain of `f` for a sine at `hz`.
    fn gain(hz: f32, mut f: impl FnMut(f32) -> f32) -> f32 {
        let sr = 44_100.0;
        let mut osc = Osc::new(sr);
        let mut peak: f32 = 0.0;
        for i in 0..44_100 {
            let y = f(osc.tick(hz));
            if i > 22_050 {
                peak = peak.max(y.abs());
            }
        }
        peak
    }

    #[test]
    fn lop_passes_lows_and_cuts_highs() {
        let mut lo = Lop::new(44_100.0, 500.0);
        assert!(gain(50.0, |x| lo.tick(x)) > 0.95);
        let mut lo = Lop::new(44_100.0, 500.0);
        assert!(gain(10_000.0, |x| lo.tick(x)) < 0.1);
    }

    #[test]
    fn hip_cuts_lows_and_passes_highs() {
        let mut hi = Hip::new(44_100.0, 3.0);
        assert!(gain(1_000.0, |x| hi.tick(x)) > 0.99);
        let mut hi = Hip::new(44_100.0, 1_000.0);
        assert!(gain(20.0, |x| hi.tick(x)) < 0.05);
    }

    #[test]
    fn bp_peaks_at_its_centre() {
        let mut bp = Bp::new(44_100.0, 1_000.0, 5.0);
        let centre = gain(1_000.0, |x| bp.tick(x));
        let mut bp = Bp::new(44_100.0, 1_000.0, 5.0);
        let off = gain(4_000.0, |x| bp.tick(x));
        assert!(centre > 0.5 && off < 0.3 * centre, "{centre} {off}");
    }

    #[test]
    fn vcf_band_passes_around_its_signal_frequency() {
        let mut v = Vcf::new(44_100.0, 5.0);
        let centre = gain(800.0, |x| v.tick(x, 800.0).0);
        let mut v = Vcf::new(44_100.0, 5.0);
        let off = gain(5_000.0, |x| v.tick(x, 800.0).0);
        assert!(centre > 0.5 && off < 0.3 * centre, "{centre} {off}");
    }
}
