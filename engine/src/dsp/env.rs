//! Envelopes: metaPdLibs' `adsr` (built on `vline~`, and rj's `c_adsr` is the same) and rj's
//! `c_ead`.

use super::{ms_to_samples, VLine};

/// metaPdLibs' `adsr` (Miller Puckette's example abstraction): `adsr level A D S% R`. A positive
/// trigger attacks to the level in A ms, then decays to S % of it in D ms; 0 releases to 0 in R ms;
/// a negative trigger first jumps to 0. The trigger's value itself is not a level (the level
/// inlet sets it).
#[derive(Debug, Clone)]
pub struct Adsr {
    vline: VLine,
    pub level: f32,
    pub attack: f32,
    pub decay: f32,
    pub sustain: f32,
    pub release: f32,
}

impl Adsr {
    pub fn new(sr: f32, level: f32, attack: f32, decay: f32, sustain: f32, release: f32) -> Adsr {
        Adsr {
            vline: VLine::new(sr),
            level,
            attack,
            decay,
            sustain,
            release,
        }
    }

    pub fn trigger(&mut self, value: f32) {
        if value == 0.0 {
            self.vline.stop();
            self.vline.set(0.0, self.release, 0.0);
            return;
        }
        if value < 0.0 {
            self.vline.set(0.0, 0.0, 0.0);
        }
        self.vline.set(self.level, self.attack, 0.0);
        self.vline
            .set(self.sustain * 0.01 * self.level, self.decay, self.attack);
    }

    #[inline]
    pub fn tick(&mut self) -> f32 {
        self.vline.tick()
    }
}

/// rj's `c_adsr` (quack): the same abstraction as metaPdLibs' `adsr`, object for object (the two
/// files differ only in comments): `c_adsr level A D S% R`, its level, A and R settable between
/// triggers through the pub fields.
pub type CAdsr = Adsr;

/// rj's `c_ead attack decay` (ms, each at least 0.1).
#[derive(Debug, Clone)]
pub struct Ead {
    attack: f32,
    decay: f32,
    /// The falling ramp (the `vline~` raised to the 4th power) and its step per sample.
    ramp: f32,
    step: f32,
    /// Samples of attack left; then the decay ramp.
    attack_left: u32,
    decay_step: f32,
    sr: f32,
}

impl Ead {
    pub fn new(sr: f32, attack: f32, decay: f32) -> Ead {
        Ead {
            attack: attack.max(0.1),
            decay: decay.max(0.1),
            ramp: 0.0,
            step: 0.0,
            attack_left: 0,
            decay_step: 0.0,
            sr,
        }
    }

    pub fn set_decay(&mut self, ms: f32) {
        self.decay = if ms.is_finite() { ms.clamp(0.1, 60_000.0) } else { 0.1 };
    }

    pub fn trigger(&mut self) {
        let a = ms_to_samples(self.attack, self.sr).max(1.0);
        self.attack_left = a.round() as u32;
        self.ramp = 1.0;
        self.step = 1.0 / a;
        self.decay_step = 1.0 / ms_to_samples(self.decay, self.sr).max(1.0);
    }

    #[inline]
    pub fn tick(&mut self) -> f32 {
        let r = self.ramp;
        let r4 = (r * r) * (r * r);
        if self.attack_left > 0 {
            // The first vline~ falls from 1 over the attack; at its end both jump.
            self.attack_left -= 1;
            if self.attack_left == 0 {
                self.ramp = 1.0;
                self.step = self.decay_step;
            } else {
                self.ramp = (r - self.step).max(0.0);
            }
            1.0 - r4
        } else {
            self.ramp = (r - self.step).max(0.0);
            r4
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adsr_attacks_decays_sustains_and_releases() {
        let mut e = Adsr::new(1000.0, 1.0, 10.0, 10.0, 50.0, 20.0);
        e.trigger(1.0);
        let xs: Vec<f32> = (0..40).map(|_| e.tick()).collect();
        assert!((xs[10] - 1.0).abs() < 1e-6, "peak {}", xs[10]);
        assert!((xs[25] - 0.5).abs() < 1e-6, "sustain {}", xs[25]);
        e.trigger(0.0);
        let ys: Vec<f32> = (0..25).map(|_| e.tick()).collect();
        assert!((ys[10] - 0.25).abs() < 1e-6 && ys[24] == 0.0, "{ys:?}");
    }

    #[test]
    fn an_early_release_cancels_the_decay() {
        let mut e = Adsr::new(1000.0, 1.0, 10.0, 10.0, 50.0, 5.0);
        e.trigger(1.0);
        (0..5).for_each(|_| {
            e.tick();
        });
        e.trigger(0.0);
        let xs: Vec<f32> = (0..30).map(|_| e.tick()).collect();
        assert_eq!(xs[29], 0.0, "{xs:?}");
    }

    #[test]
    fn ead_rises_in_its_attack_and_falls_as_a_fourth_power() {
        let mut e = Ead::new(1000.0, 10.0, 100.0);
        e.trigger();
        let xs: Vec<f32> = (0..130).map(|_| e.tick()).collect();
        assert_eq!(xs[0], 0.0);
        assert!((xs[5] - (1.0 - 0.5f32.powi(4))).abs() < 1e-4, "{}", xs[5]);
        assert!((xs[10] - 1.0).abs() < 1e-6, "{}", xs[10]);
        assert!((xs[60] - 0.5f32.powi(4)).abs() < 1e-4, "{}", xs[60]);
        assert_eq!(xs[111], 0.0);
        assert!(xs.windows(2).skip(10).all(|w| w[1] <= w[0]));
    }
}
