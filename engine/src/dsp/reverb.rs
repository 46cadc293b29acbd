//! metaPdLibs' `rev2~` (`metaPdLibs/fx/rev2~.pd`, Miller Puckette's "simple, cheap reverberator"):
//! `rev2~ level-dB liveness crossover-Hz damping%`, one signal inlet, four signal outlets.
//!
//! - `pd early-reflect`: a cascade of six delays (75.2546, 43.5337, 25.796, 19.392, 16.364,
//!   13.645 ms); at each stage the running sum and difference with the delayed signal go on, the
//!   difference into the next delay. Its two outlets are the last sum and the last delay's output.
//! - The tail: four recirculating delays (58.6435, 69.4325, 74.5234, 86.1244 ms). Each delay's
//!   output is damped, d + damping·(`lop~ crossover`(d) − d), and scaled by the feedback gain
//!   liveness/200 (`clip 0 100`, `line~` 50 ms). The early reflections are added to lines 1 and 2,
//!   then a 4-point sum/difference (Hadamard) matrix writes the four lines back.
//! - Outlets: the four scaled lines (1 + early 0, 2 + early 1, 3, 4) × dbtorms(level)·0.125
//!   (`line~` 30 ms).
//!
//! The `line~`s ramp from 0 only at loadbang, half a second before the app plays anything, so here
//! they start at their values. A crossover below 1 Hz means 3000 Hz, as in the patch. Pd's
//! `delread~` delays are exact whole samples here (every delay is longer than a block), and
//! `delwrite~` flushes denormals as Pd's does.

use super::{dbtorms, Lop};

/// A fixed whole-sample delay: `delwrite~` + one `delread~`.
#[derive(Debug, Clone)]
struct Fixed {
    buf: Vec<f32>,
    pos: usize,
}

impl Fixed {
    fn new(sr: f32, ms: f32) -> Fixed {
        // Pd: (int)(0.5 + sr·ms/1000), at least one sample.
        let n = ((0.5 + sr * ms * 0.001) as usize).max(1);
        Fixed {
            buf: vec![0.0; n],
            pos: 0,
        }
    }

    /// The sample written `n` (the delay) samples ago, before this one is written.
    #[inline]
    fn read(&self) -> f32 {
        self.buf[self.pos]
    }

    /// Writes this sample (over the one just read): Pd's `delwrite~` zeroes tiny, huge and NaN
    /// values.
    #[inline]
    fn write(&mut self, x: f32) {
        let a = x.abs();
        self.buf[self.pos] = if (1e-20..1e20).contains(&a) { x } else { 0.0 };
        self.pos += 1;
        if self.pos == self.buf.len() {
            self.pos = 0;
        }
    }
}

const EARLY_MS: [f32; 6] = [75.2546, 43.5337, 25.796, 19.392, 16.364, 13.645];
const TAIL_MS: [f32; 4] = [58.6435, 69.4325, 74.5234, 86.1244];

/// `rev2~` with its creation arguments; `tick` takes the input and gives its four outlets, left to
/// right as in Pd.
#[derive(Debug, Clone)]
pub struct Rev2 {
    early: [Fixed; 6],
    tail: [Fixed; 4],
    lop: [Lop; 4],
    /// liveness/200.
    feedback: f32,
    /// 0–1.
    damping: f32,
    /// dbtorms(level)·0.125.
    gain: f32,
    sr: f32,
}

impl Rev2 {
    pub fn new(sr: f32, level_db: f32, liveness: f32, crossover_hz: f32, damping: f32) -> Rev2 {
        let mut r = Rev2 {
            early: EARLY_MS.map(|ms| Fixed::new(sr, ms)),
            tail: TAIL_MS.map(|ms| Fixed::new(sr, ms)),
            lop: [(); 4].map(|_| Lop::new(sr, 3000.0)),
            feedback: 0.0,
            damping: 0.0,
            gain: 0.0,
            sr,
        };
        r.set(level_db, liveness, crossover_hz, damping);
        r
    }

    /// The four control inlets at once (taking effect at once: the patch's `line~`s are 30–50 ms).
    pub fn set(&mut self, level_db: f32, liveness: f32, crossover_hz: f32, damping: f32) {
        let clip = |v: f32| if v.is_nan() { 0.0 } else { v.clamp(0.0, 100.0) };
        self.gain = dbtorms(level_db) * 0.125;
        self.feedback = clip(liveness) / 200.0;
        self.damping = clip(damping) * 0.01;
        // `moses 1`: below 1 Hz (or not a number) is the default 3000.
        let hz = if crossover_hz >= 1.0 { crossover_hz } else { 3000.0 };
        for l in &mut self.lop {
            l.set(hz.min(self.sr));
        }
    }

    #[inline]
    pub fn tick(&mut self, x: f32) -> [f32; 4] {
        let x = if x.is_finite() { x } else { 0.0 };
        // pd early-reflect.
        let mut sum = x;
        let mut diff = x;
        for (i, d) in self.early.iter_mut().enumerate() {
            let r = d.read();
            d.write(diff);
            if i == 5 {
                // The last delay's output is the second outlet.
                diff = r;
            } else {
                diff = sum - r;
                sum += r;
            }
        }
        let (e0, e1) = (sum, diff);
        // The four lines, damped and scaled by the feedback gain.
        let mut v = [0.0f32; 4];
        for ((out, d), lop) in v.iter_mut().zip(&self.tail).zip(&mut self.lop) {
            let r = d.read();
            let damped = r + self.damping * (lop.tick(r) - r);
            *out = damped * self.feedback;
        }
        let a = e0 + v[0];
        let b = e1 + v[1];
        let (c, d) = (v[2], v[3]);
        // The matrix.
        let (ab_sum, ab_diff) = (a + b, a - b);
        let (cd_sum, cd_diff) = (c + d, c - d);
        self.tail[0].write(ab_sum + cd_sum);
        self.tail[1].write(ab_diff + cd_diff);
        self.tail[2].write(ab_sum - cd_sum);
        self.tail[3].write(ab_diff - cd_diff);
        let g = self.gain;
        [a * g, b * g, c * g, d * g]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SR: f32 = 44_100.0;

    /// Energy of outlet 0 in consecutive 100 ms windows after an impulse.
    fn decay(liveness: f32) -> Vec<f32> {
        let mut r = Rev2::new(SR, 100.0, liveness, 3000.0, 0.0);
        let n = (SR * 0.1) as usize;
        (0..30)
            .map(|w| {
                (0..n)
                    .map(|i| {
                        let x = if w == 0 && i == 0 { 1.0 } else { 0.0 };
                        r.tick(x)[0].powi(2)
                    })
                    .sum()
            })
            .collect()
    }

    #[test]
    fn the_tail_decays_slower_with_more_liveness() {
        let live = decay(95.0);
        let dead = decay(60.0);
        assert!(live.iter().all(|e| e.is_finite()));
        // Energy late in the tail relative to the start.
        let ratio = |e: &[f32]| e[20] / e[1];
        assert!(
            ratio(&live) > 1000.0 * ratio(&dead),
            "{} {}",
            ratio(&live),
            ratio(&dead)
        );
        assert!(live[29] < live[5], "it decays");
    }

    #[test]
    fn the_first_echoes_and_the_level_follow_the_patch() {
        // With no feedback only the early reflections sound. The input goes straight to outlet 0
        // and, through the cascade, first comes back out of outlet 0 after the 16.364 ms delay and
        // out of outlet 1 after the 13.645 ms one, each at dbtorms(level)·0.125.
        for (db, want) in [(100.0, 0.125), (90.0, 0.125 * 0.316_227_8)] {
            let mut r = Rev2::new(SR, db, 0.0, 3000.0, 100.0);
            let out: Vec<[f32; 4]> = (0..4000).map(|i| r.tick(if i == 0 { 1.0 } else { 0.0 })).collect();
            assert!((out[0][0] - want).abs() < 1e-6, "{db}: {}", out[0][0]);
            let first0 = (0.5 + SR * 0.016_364) as usize;
            let first1 = (0.5 + SR * 0.013_645) as usize;
            assert!(out[1..first0].iter().all(|s| s[0] == 0.0));
            assert!(out[..first1].iter().all(|s| s[1] == 0.0));
            assert!((out[first0][0] - want).abs() < 1e-6, "{}", out[first0][0]);
            assert!((out[first1][1] - want).abs() < 1e-6, "{}", out[first1][1]);
            assert!(out.iter().all(|s| s[2] == 0.0 && s[3] == 0.0));
        }
    }

    #[test]
    fn the_impulse_response_matches_pd() {
        // RMS of each outlet of Pd 0.53's `rev2~ 90 85 3000 100` after a unit impulse (its line~s
        // settled), over samples 0–10000 and 10000–29000.
        const PD: [[f64; 4]; 2] = [
            [0.00235907, 0.0023423, 0.000696128, 0.000672254],
            [0.000477005, 0.000496926, 0.000447323, 0.00047077],
        ];
        let mut r = Rev2::new(SR, 90.0, 85.0, 3000.0, 100.0);
        let out: Vec<[f32; 4]> = (0..29_000).map(|i| r.tick(if i == 0 { 1.0 } else { 0.0 })).collect();
        for (w, (lo, hi)) in [(0, 10_000), (10_000, 29_000)].into_iter().enumerate() {
            for (o, &want) in PD[w].iter().enumerate() {
                let ms = out[lo..hi].iter().map(|s| f64::from(s[o]).powi(2)).sum::<f64>() / (hi - lo) as f64;
                let got = ms.sqrt();
                assert!(
                    (got / want - 1.0).abs() < 1e-3,
                    "window {w} outlet {o}: {got} vs {want}"
                );
            }
        }
    }

    #[test]
    fn full_liveness_without_damping_keeps_its_energy_bounded() {
        let mut r = Rev2::new(SR, 100.0, 100.0, 3000.0, 0.0);
        let mut peak: f32 = 0.0;
        for i in 0..(SR as usize * 10) {
            let x = if i < 1000 { 1.0 } else { 0.0 };
            for s in r.tick(x) {
                peak = peak.max(s.abs());
            }
        }
        assert!(peak.is_finite() && peak < 10.0, "{peak}");
    }

    #[test]
    fn hostile_input_and_arguments_stay_finite() {
        let mut r = Rev2::new(SR, f32::NAN, f32::INFINITY, f32::NAN, -5.0);
        for x in [f32::NAN, f32::INFINITY, 1e30, -1e30, 1.0] {
            for _ in 0..100 {
                assert!(r.tick(x).iter().all(|s| s.is_finite()));
            }
        }
        let mut r = Rev2::new(SR, 100.0, 95.0, 0.0, 60.0);
        for x in [f32::NAN, f32::INFINITY, 1e30, -1e30] {
            for _ in 0..10_000 {
                assert!(r.tick(x).iter().all(|s| s.is_finite()));
            }
        }
    }
}
