//! wub: `wub.pd` and its subpatch `bass` ("bass by Joe White 2010") (SPEC.md §4 wub).
//!
//! No note logic. `/x` glides the pitch mtof(20 + 80x) through a control-rate `line` (20 ms
//! steps) that carries over between touches and starts at 0 Hz; the carrier `osc~` runs at half
//! of it plus FM from `fm-osc` (nine sines) at a deviation of 100 + 10000·(0.2 + 0.8·x·y) Hz
//! through `lop~ 1`. As the patch is wired, y there is the previous touch's (`[*]`'s cold inlet),
//! and the glide time 1000·(0.2 + 0.8·x·y) ms reaches `pack` after the pitch: each touch glides
//! over the time the touch before it set (the first over 100 ms). `vcf~ 2` is swept 0–980 Hz by a triangle LFO at 140/60 Hz × {1, 1.5, 2, 3,
//! 4}[int(5.99y)], its rate changes waiting for the next tick of a 53.57 ms `metro` that runs
//! since the patch loaded. Every incoming message fires `vline~` `1 25, 0 350 25`. Out: ×0.6 to
//! both channels + ×0.05 → `rev2~ 80 85 14400 60`.

use super::Patch;
use crate::dsp::osc::cos_cycles;
use crate::dsp::{mtof, CtlLine, Lop, Metro, Osc, Phasor, Rev2, VLine, Vcf};
use crate::TouchMsg;

/// `[metro 53.57]` ("140 BPM") started at loadbang: the Pd reference kit opens the patch 345
/// blocks of 64 samples (500.7 ms) before time 0, as the app opens a layer before playing it.
const METRO_MS: f32 = 53.57;
const LOADED_MS_BEFORE_START: f32 = 345.0 * 64.0 / 44.1;
/// `[r $0-bpm]` (140, at loadbang) → `[/ 60]`.
const LFO_BASE_HZ: f32 = 140.0 / 60.0;

pub struct Wub {
    /// MAIN's `[*]` cold inlet: the last `/y`.
    y: f32,
    /// `[pack f 100]`'s time: the glide, set by the previous touch (1000·Glide).
    glide_ms: f32,
    freq: CtlLine,
    fm: FmOsc,
    /// `r $0-Tone` → `[* 10000]` → `[+ 100]` → `lop~ 1`: the FM deviation in Hz.
    tone: f32,
    deviation: Lop,
    carrier: Osc,
    lfo: Lfo,
    vcf: Vcf,
    env: VLine,
    reverb: Rev2,
}

impl Wub {
    pub fn new(sr: f32) -> Wub {
        Wub {
            y: 0.0,
            glide_ms: 100.0,
            freq: CtlLine::new(sr, 0.0),
            fm: FmOsc::new(sr),
            tone: 0.0,
            deviation: Lop::new(sr, 1.0),
            carrier: Osc::new(sr),
            lfo: Lfo::new(sr),
            vcf: Vcf::new(sr, 2.0),
            env: VLine::new(sr),
            reverb: Rev2::new(sr, 80.0, 85.0, 14_400.0, 60.0),
        }
    }
}

impl Patch for Wub {
    fn touch(&mut self, m: TouchMsg, _now: u64) {
        // /x → [* 80] → [+ 20] → bass: mtof → [pack f glide] → line (the previous touch's glide).
        self.freq.set(mtof(20.0 + 80.0 * m.x), self.glide_ms);
        // /x → [*] by the last /y → [* 0.8] → [+ 0.2] → bass: Tone and Glide.
        let tone = 0.2 + 0.8 * m.x * self.y;
        self.tone = 100.0 + 10_000.0 * tone;
        self.glide_ms = 1000.0 * tone;
        // /y → [*]'s cold inlet, and the bass's Wobble.
        self.y = m.y;
        self.lfo.wobble(m.y);
        // /z and /m go nowhere. Every message (four, at this same instant) fires the envelope.
        self.env.set(1.0, 25.0, 0.0);
        self.env.set(0.0, 350.0, 25.0);
    }

    fn render(&mut self, left: &mut [f32], right: &mut [f32]) {
        for (l, r) in left.iter_mut().zip(right.iter_mut()) {
            // line → [t f f]: fm-osc, and [/ 2] → [+~] with fm-osc × deviation → osc~.
            let f = self.freq.tick();
            let fm = self.fm.tick(f) * self.deviation.tick(self.tone);
            let carrier = self.carrier.tick(0.5 * f + fm);
            let (band, _low) = self.vcf.tick(carrier, self.lfo.tick());
            let out = band * self.env.tick();
            let wet = self.reverb.tick(out * 0.05);
            *l = out * 0.6 + wet[0];
            *r = out * 0.6 + wet[1];
        }
    }
}

/// `pd fm-osc`: nine `osc~` at f × ratio, weighted, summed, × 0.1. (Their phases are advanced
/// here by increments recomputed only when f moves, every 20 ms at most.)
struct FmOsc {
    phases: [f32; 9],
    steps: [f32; 9],
    f: f32,
    inv_sr: f32,
}

const FM_RATIOS: [f32; 9] = [0.5, 1.4983, 1.0, 2.0, 2.9966, 4.0, 5.0397, 5.9932, 8.0];
/// The `*~ 2`, `*~ 1` and `*~ 0.2` of each, times the common `*~ 0.1`.
const FM_GAINS: [f32; 9] = [0.2, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.02, 0.02];

impl FmOsc {
    fn new(sr: f32) -> FmOsc {
        FmOsc {
            phases: [0.0; 9],
            steps: [0.0; 9],
            f: 0.0,
            inv_sr: 1.0 / sr,
        }
    }

    #[inline]
    fn tick(&mut self, f: f32) -> f32 {
        if f != self.f {
            self.f = f;
            for (step, ratio) in self.steps.iter_mut().zip(FM_RATIOS) {
                let s = f * ratio * self.inv_sr;
                *step = if s.is_finite() { s - s.floor() } else { 0.0 };
            }
        }
        let mut sum = 0.0;
        for ((phase, step), gain) in self.phases.iter_mut().zip(self.steps).zip(FM_GAINS) {
            sum += gain * cos_cycles(*phase);
            *phase += step;
            if *phase >= 1.0 {
                *phase -= 1.0;
            }
        }
        sum
    }
}

/// The wobble: Wobble → [* 5.99] → [int] → [change] → [sel 0 1 2 3 4 5] → a rate multiplier →
/// × 140/60 → [change] → stored in `[f]` and the `[spigot]` opened; the next metro tick passes
/// the spigot, sets the `phasor~` rate and closes it. The triangle then gives the `vcf~` centre.
/// Until the first touch's rate gets through, the `phasor~` stands at 0: the centre is 0 Hz and
/// the filter silent.
struct Lfo {
    index: i32,
    /// `[*]`'s right inlet (the multiplier) and the last rate out of `[change]`.
    multiplier: f32,
    rate: f32,
    /// `[f]` and the `[spigot]`: a rate waiting for the tick.
    pending: f32,
    open: bool,
    metro: Metro,
    phasor: Phasor,
    hz: f32,
}

impl Lfo {
    fn new(sr: f32) -> Lfo {
        // At loadbang: bpm 140 → [*] → 140/60 × 0 = 0 → [change -100] lets it through.
        Lfo {
            index: -100,
            multiplier: 0.0,
            rate: 0.0,
            pending: 0.0,
            open: true,
            metro: Metro::new(sr, METRO_MS, LOADED_MS_BEFORE_START),
            phasor: Phasor::new(sr),
            hz: 0.0,
        }
    }

    fn wobble(&mut self, y: f32) {
        let index = (y * 5.99) as i32;
        if index == self.index {
            return;
        }
        self.index = index;
        // `sel`'s outlet 5 (y = 1) is not connected: the multiplier stays.
        self.multiplier = match index {
            0 => 1.0,
            1 => 1.5,
            2 => 2.0,
            3 => 3.0,
            4 => 4.0,
            _ => return,
        };
        let rate = LFO_BASE_HZ * self.multiplier;
        if rate != self.rate {
            self.rate = rate;
            self.pending = rate;
            self.open = true;
        }
    }

    /// The `vcf~` centre: phasor~ → [*~ 2] → min~ 1 + (1 − max~ 1) → [*~ 2] → [-~ 1] → [*~ 490] →
    /// [+~ 490], a triangle 0 → 980 → 0 Hz.
    #[inline]
    fn tick(&mut self) -> f32 {
        if self.metro.tick() && self.open {
            self.hz = self.pending;
            self.open = false;
        }
        let a = 2.0 * self.phasor.tick(self.hz);
        let triangle = a.min(1.0) + (1.0 - a.max(1.0));
        (triangle * 2.0 - 1.0) * 490.0 + 490.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SR: f32 = 44_100.0;

    fn run(w: &mut Wub, frames: usize) -> Vec<f32> {
        let (mut l, mut r) = (vec![0.0; frames], vec![0.0; frames]);
        w.render(&mut l, &mut r);
        assert!(l.iter().chain(&r).all(|v| v.is_finite()));
        l
    }

    fn msg(x: f32, y: f32) -> TouchMsg {
        TouchMsg::from_touch(x, y, 20.0, false)
    }

    fn rms(x: &[f32]) -> f32 {
        (x.iter().map(|v| v * v).sum::<f32>() / x.len() as f32).sqrt()
    }

    #[test]
    fn the_glide_starts_at_zero_and_carries_over_between_touches() {
        let mut w = Wub::new(SR);
        w.touch(msg(0.5, 0.5), 0);
        // 100 ms glide from 0 Hz to mtof(60), in 20 ms steps.
        run(&mut w, 882 * 2 + 1);
        assert!((w.freq.value() - 0.4 * mtof(60.0)).abs() < 0.5, "{}", w.freq.value());
        run(&mut w, 4410);
        assert_eq!(w.freq.value(), mtof(60.0));
        // The next touch glides over the glide the first one set: 1000·(0.2 + 0.8·0.5·0) = 200 ms
        // (the first /y came after it); from where the line is.
        w.touch(msg(1.0, 0.5), 0);
        run(&mut w, 882 * 5 + 1);
        assert!((w.freq.value() - (mtof(60.0) + 0.5 * (mtof(100.0) - mtof(60.0)))).abs() < 0.5);
        run(&mut w, 4410);
        assert_eq!(w.freq.value(), mtof(100.0));
        // And that touch set 1000·(0.2 + 0.8·1·0.5) = 600 ms for the next.
        assert!((w.glide_ms - 600.0).abs() < 1e-3);
    }

    #[test]
    fn every_touch_fires_the_envelope_and_it_dies_in_375_ms() {
        let mut w = Wub::new(SR);
        w.touch(TouchMsg::from_touch(f32::NAN, f32::INFINITY, f32::NAN, false), 0);
        w.touch(msg(0.3, 0.4), 0);
        let a = run(&mut w, 22_050);
        assert!(rms(&a[4_000..8_000]) > 0.01, "{}", rms(&a[4_000..8_000]));
        // Only the reverb tail (×0.05 into rev2~ at 80 dB) after 375 ms.
        assert!(rms(&a[17_000..22_050]) < 0.05 * rms(&a[4_000..8_000]));
        // A moving touch fires it again.
        w.touch(TouchMsg::from_touch(0.3, 0.4, 20.0, true), 0);
        let b = run(&mut w, 8_000);
        assert!(rms(&b[2_000..6_000]) > 0.01);
    }

    #[test]
    fn the_lfo_waits_for_the_metro_and_runs_at_the_chosen_rate() {
        let mut lfo = Lfo::new(SR);
        lfo.wobble(0.5); // int(2.995) = 2: 140/60 × 2 Hz.
        let mut waited = 0;
        while lfo.hz == 0.0 {
            lfo.tick();
            waited += 1;
        }
        // The first tick after time 0 is 10 × 53.57 − 500.7 = 35.0 ms in.
        assert!((waited as f32 - 0.035 * SR).abs() < 3.0, "{waited}");
        assert!((lfo.hz - 14.0 / 3.0).abs() < 1e-5);
        // A triangle between 0 and 980 Hz.
        let xs: Vec<f32> = (0..10_000).map(|_| lfo.tick()).collect();
        let (lo, hi) = xs.iter().fold((f32::MAX, 0.0f32), |(a, b), &v| (a.min(v), b.max(v)));
        assert!(lo < 5.0 && hi > 975.0 && hi <= 980.0, "{lo} {hi}");
        // y = 1 (index 5) changes nothing.
        lfo.wobble(1.0);
        assert_eq!(lfo.pending, 14.0 / 3.0);
    }
}
