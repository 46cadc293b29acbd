//! drums' synth: the app's local `s_drumelectro.pd` (with `s_pinknoise.pd` and rj's `c_ead`), fed
//! `type decay` messages (SPEC.md §4 drums). Its `cp` voice is left out: drums never sends `cp`.
//!
//! - `c_ead attack decay`: on a bang 1 − (1 − t/A)⁴ up, then (1 − t/D)⁴ down (two `vline~`s,
//!   each raised to the 4th power).
//! - `pd bd`: `osc~` at 50 + 150·env Hz × env, `c_ead 1 decay`.
//! - `pd sn`: (0.3·(`osc~` 200 + 400·env + `phasor~` 600 + 400·env) + 1.5·`bp~ 5000 3` of pink
//!   noise) × `osc~ 330` × env × 1.8, `c_ead 3 decay`.
//! - `pd hh`: six squares (210 ×0.9, 540 ×0.7, 550, 800, 380, 320 Hz) → `hip~ 8000` → two `bp~ 8906
//!   1.437` → ×150 → `clip~ -1 1`, × `c_ead 3` (the hh decay; 100 for oh) plus × (e² + e⁴) ×0.1 of a
//!   `c_ead 25` at the oh decay. An `hh` sets that tail's gain to 0 (a choke), an `oh` to 0.1.
//! - Each voice's `switch~` turns it on at a hit and off `decay + 50` ms later (bd, sn) or after
//!   the latest oh decay (1500 ms at first) (hh): while off it does not run, so its oscillators
//!   keep their phases for the next hit, and it outputs 0. Voices start switched off.

use crate::dsp::{ms_to_samples, Bp, Ead, Hip, Osc, Phasor, PinkNoise};

/// The drum a message names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Bd,
    Sn,
    Hh,
    Oh,
}

/// A voice's `switch~`: samples left on.
#[derive(Debug, Clone, Copy, Default)]
struct Switch(u32);

impl Switch {
    fn on_for(&mut self, ms: f32, sr: f32) {
        self.0 = ms_to_samples(ms.min(60_000.0), sr).round().max(1.0) as u32;
    }
}

/// `s_drumelectro`: the three voices it uses, summed (`throw~` / `catch~`).
#[derive(Debug, Clone)]
pub struct DrumElectro {
    sr: f32,
    bd_env: Ead,
    bd_osc: Osc,
    bd_on: Switch,
    sn_env: Ead,
    sn_osc: Osc,
    sn_phasor: Phasor,
    sn_ring: Osc,
    sn_bp: Bp,
    pink: PinkNoise,
    sn_on: Switch,
    squares: [Phasor; 6],
    hh_hip: Hip,
    hh_bp: [Bp; 2],
    hh_env: Ead,
    oh_env: Ead,
    /// `*~ 0.1`: the open tail's gain.
    oh_gain: f32,
    /// `f 1500`: how long a hit keeps `pd hh` on.
    hh_hold: f32,
    hh_on: Switch,
}

const SQUARES: [(f32, f32); 6] = [
    (210.0, 0.9),
    (540.0, 0.7),
    (550.0, 1.0),
    (800.0, 1.0),
    (380.0, 1.0),
    (320.0, 1.0),
];

impl DrumElectro {
    pub fn new(sr: f32, seed: u32) -> DrumElectro {
        DrumElectro {
            sr,
            bd_env: Ead::new(sr, 1.0, 400.0),
            bd_osc: Osc::new(sr),
            bd_on: Switch::default(),
            sn_env: Ead::new(sr, 3.0, 200.0),
            sn_osc: Osc::new(sr),
            sn_phasor: Phasor::new(sr),
            sn_ring: Osc::new(sr),
            sn_bp: Bp::new(sr, 5000.0, 3.0),
            pink: PinkNoise::new(seed),
            sn_on: Switch::default(),
            squares: [(); 6].map(|_| Phasor::new(sr)),
            hh_hip: Hip::new(sr, 8000.0),
            hh_bp: [Bp::new(sr, 8906.0, 1.437), Bp::new(sr, 8906.0, 1.437)],
            hh_env: Ead::new(sr, 3.0, 100.0),
            oh_env: Ead::new(sr, 25.0, 1500.0),
            oh_gain: 0.1,
            hh_hold: 1500.0,
            hh_on: Switch::default(),
        }
    }

    /// The message `kind decay`.
    pub fn hit(&mut self, kind: Kind, decay: f32) {
        let decay = if decay.is_finite() {
            decay.clamp(0.1, 60_000.0)
        } else {
            100.0
        };
        let sr = self.sr;
        match kind {
            Kind::Bd => {
                self.bd_env.set_decay(decay);
                self.bd_on.on_for(decay + 50.0, sr);
                self.bd_env.trigger();
            }
            Kind::Sn => {
                self.sn_env.set_decay(decay);
                self.sn_on.on_for(decay + 50.0, sr);
                self.sn_env.trigger();
            }
            Kind::Hh => {
                self.oh_gain = 0.0;
                self.hh_env.set_decay(decay);
                self.hh_env.trigger();
                self.hh_on.on_for(self.hh_hold, sr);
            }
            Kind::Oh => {
                self.oh_gain = 0.1;
                self.oh_env.set_decay(decay);
                self.hh_hold = decay;
                self.oh_env.trigger();
                self.hh_env.set_decay(100.0);
                self.hh_env.trigger();
                self.hh_on.on_for(self.hh_hold, sr);
            }
        }
    }

    #[inline]
    pub fn tick(&mut self) -> f32 {
        let mut out = 0.0;
        if self.bd_on.0 > 0 {
            self.bd_on.0 -= 1;
            let env = self.bd_env.tick();
            out += self.bd_osc.tick(50.0 + 150.0 * env) * env;
        }
        if self.sn_on.0 > 0 {
            self.sn_on.0 -= 1;
            let env = self.sn_env.tick();
            let sweep = 400.0 * env;
            let tone = 0.3 * (self.sn_osc.tick(200.0 + sweep) + self.sn_phasor.tick(600.0 + sweep));
            let noise = 1.5 * self.sn_bp.tick(self.pink.tick());
            out += env * ((tone + noise) * self.sn_ring.tick(330.0)) * 1.8;
        }
        if self.hh_on.0 > 0 {
            self.hh_on.0 -= 1;
            let mut battery = 0.0;
            for (p, &(hz, gain)) in self.squares.iter_mut().zip(&SQUARES) {
                battery += if p.tick(hz) < 0.5 { 0.5 * gain } else { -0.5 * gain };
            }
            let [bp1, bp2] = &mut self.hh_bp;
            let metal = (bp2.tick(bp1.tick(self.hh_hip.tick(battery))) * 150.0).clamp(-1.0, 1.0);
            let closed = self.hh_env.tick();
            let open = self.oh_env.tick();
            let open2 = open * open;
            out += metal * closed + metal * (open2 + open2 * open2) * self.oh_gain;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SR: f32 = 44_100.0;

    fn render(kind: Kind, decay: f32, ms: f32) -> Vec<f32> {
        let mut d = DrumElectro::new(SR, 1);
        d.hit(kind, decay);
        (0..ms_to_samples(ms, SR) as usize).map(|_| d.tick()).collect()
    }

    fn rms(x: &[f32]) -> f32 {
        (x.iter().map(|v| v * v).sum::<f32>() / x.len() as f32).sqrt()
    }

    #[test]
    fn each_drum_sounds_and_ends_with_its_decay() {
        for (kind, decay) in [
            (Kind::Bd, 420.0),
            (Kind::Sn, 150.0),
            (Kind::Hh, 100.0),
            (Kind::Oh, 2000.0),
        ] {
            let x = render(kind, decay, 3000.0);
            let n = (SR * 0.05) as usize;
            assert!(rms(&x[..n]) > 0.05, "{kind:?} {}", rms(&x[..n]));
            let end = ms_to_samples(decay + 60.0, SR) as usize;
            assert!(x[end.min(x.len() - 1)..].iter().all(|&s| s.abs() < 1e-3), "{kind:?}");
            assert!(x.iter().all(|s| s.is_finite() && s.abs() < 3.0));
        }
    }

    #[test]
    fn the_bass_drum_sweeps_down_to_50_hz() {
        let x = render(Kind::Bd, 449.0, 450.0);
        let late = &x[(SR * 0.3) as usize..(SR * 0.44) as usize];
        let ups = late.windows(2).filter(|w| w[0] <= 0.0 && w[1] > 0.0).count() as f32;
        let hz = ups * SR / late.len() as f32;
        assert!((45.0..60.0).contains(&hz), "{hz}");
    }

    #[test]
    fn a_closed_hat_chokes_the_open_one() {
        let mut d = DrumElectro::new(SR, 1);
        d.hit(Kind::Oh, 2000.0);
        (0..4410).for_each(|_| {
            d.tick();
        });
        d.hit(Kind::Hh, 60.0);
        let x: Vec<f32> = (0..(SR * 0.5) as usize).map(|_| d.tick()).collect();
        assert!(x[(SR * 0.1) as usize..].iter().all(|&s| s.abs() < 1e-6));
    }
}
