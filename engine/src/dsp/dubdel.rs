//! rj's `e_dubdel` (`rj/e_dubdel.pd`): a ping-pong delay. Each input is written to its own
//! line (`delwrite~ dubby-l`, `dubby-r`); each line's `vd~` tap is scaled by feedback/2, band-passed
//! (`bp~ mtof(bpitch) bq`) and written into the **other** line. Each output is `c_xfade`
//! tap + dry·(input − tap), the `dry` ramped by a 10 ms `vline~`. Delay times are
//! basedur/dell and basedur/delr ms.

use super::{mtof, Bp, DelayLine, Line};

/// The message that sets an `e_dubdel` up: `dry D, bq Q, basedur B, bpitch P, feedback F, dell L,
/// delr R`.
#[derive(Debug, Clone, Copy)]
pub struct DubDelSettings {
    pub dry: f32,
    pub bq: f32,
    pub basedur_ms: f32,
    pub bpitch: f32,
    pub feedback: f32,
    pub dell: f32,
    pub delr: f32,
}

/// The loadbang message of strings' and leadguitar's chains (`microjam_*_chain.pd`).
pub const MICROJAM_DUBDEL: DubDelSettings = DubDelSettings {
    dry: 0.2,
    bq: 2.0,
    basedur_ms: 500.0,
    bpitch: 83.0,
    feedback: 0.99,
    dell: 2.0,
    delr: 3.0,
};

#[derive(Debug, Clone)]
pub struct DubDel {
    left: DelayLine,
    right: DelayLine,
    /// Delays in samples.
    delay_l: f32,
    delay_r: f32,
    /// `feedback / 2` ("because of 2 delaylines").
    gain: f32,
    /// The band-pass writing into the left line (fed by the right tap), and the other.
    bp_l: Bp,
    bp_r: Bp,
    dry: Line,
}

impl DubDel {
    pub fn new(sr: f32, s: DubDelSettings) -> DubDel {
        // `swap 1000` → `/`: Pd's division by zero is 0.
        let ms = |div: f32| if div != 0.0 { s.basedur_ms / div } else { 0.0 };
        let clean = |ms: f32| {
            if ms.is_finite() {
                ms.clamp(0.0, 6000.0)
            } else {
                0.0
            }
        };
        let (ml, mr) = (clean(ms(s.dell)), clean(ms(s.delr)));
        let hz = mtof(s.bpitch);
        DubDel {
            left: DelayLine::new(sr, ml + 1.0),
            right: DelayLine::new(sr, mr + 1.0),
            delay_l: super::ms_to_samples(ml, sr),
            delay_r: super::ms_to_samples(mr, sr),
            gain: if s.feedback.is_finite() { s.feedback * 0.5 } else { 0.0 },
            bp_l: Bp::new(sr, hz, s.bq),
            bp_r: Bp::new(sr, hz, s.bq),
            dry: Line::new(sr, s.dry),
        }
    }

    /// `dry x`: 1 is the input alone, 0 the echoes alone (`pack 0 10` → `vline~`).
    pub fn set_dry(&mut self, dry: f32) {
        let dry = if dry.is_nan() { 1.0 } else { dry.clamp(0.0, 1.0) };
        self.dry.set(dry, 10.0);
    }

    /// One stereo sample in, one out.
    #[inline]
    pub fn tick(&mut self, l: f32, r: f32) -> (f32, f32) {
        // Each tap is read before this sample is written: a delay of d samples (at least 1).
        let tap_l = self.left.read4(self.delay_l - 1.0);
        let tap_r = self.right.read4(self.delay_r - 1.0);
        self.left.write(l + self.bp_l.tick(tap_r * self.gain));
        self.right.write(r + self.bp_r.tick(tap_l * self.gain));
        let x = self.dry.tick();
        (tap_l + x * (l - tap_l), tap_r + x * (r - tap_r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_impulse_echoes_left_then_right() {
        let sr = 44_100.0;
        let mut d = DubDel::new(sr, MICROJAM_DUBDEL);
        d.set_dry(0.0);
        (0..1000).for_each(|_| {
            d.tick(0.0, 0.0);
        });
        let out: Vec<(f32, f32)> = (0..30_000)
            .map(|i| if i == 0 { d.tick(1.0, 0.0) } else { d.tick(0.0, 0.0) })
            .collect();
        let loudest = |from: usize, to: usize, right: bool| {
            (from..to)
                .max_by(|&a, &b| {
                    let v = |i: usize| if right { out[i].1.abs() } else { out[i].0.abs() };
                    v(a).partial_cmp(&v(b)).unwrap()
                })
                .unwrap()
        };
        // The left line gives the impulse back after 250 ms; its band-passed echo (×0.495) then
        // comes out of the right line 166.7 ms later.
        assert_eq!(loudest(0, 13_000, false), 11_025);
        assert!((out[11_025].0 - 1.0).abs() < 1e-6);
        let r = loudest(13_000, 30_000, true);
        assert!((18_375..18_700).contains(&r), "right echo at {r}");
        assert!(out[r].1.abs() > 0.005 && out[r].1.abs() < 0.5, "{}", out[r].1);
    }

    #[test]
    fn dry_one_passes_the_input_unchanged() {
        let mut d = DubDel::new(44_100.0, MICROJAM_DUBDEL);
        d.set_dry(1.0);
        for i in 0..20_000 {
            let x = (i as f32 * 0.01).sin();
            let (l, r) = d.tick(x, -x);
            if i > 500 {
                assert!((l - x).abs() < 1e-6 && (r + x).abs() < 1e-6);
            }
        }
        d.set_dry(f32::NAN);
        assert!(d.tick(f32::INFINITY, 0.0).1.is_finite());
    }
}
