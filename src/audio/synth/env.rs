//! The ADSR envelope shared by the schemes.

use super::dsp::clampf;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Attack,
    Decay,
    Sustain,
    Release,
    Off,
}

/// Exponential segments aim this fraction of the step beyond their goal, so that they arrive in
/// exactly their time (an analogue-style curve with a finite end, unlike a pure exponential).
const OVERSHOOT: f32 = 0.01;
/// The attack's overshoot: larger, so the attack is convex (fast start, ~3× the linear slope).
const ATTACK_OVERSHOOT: f32 = 0.02;

fn segment_coef(seconds: f32, sr: f32, overshoot: f32) -> f32 {
    let n = seconds * sr;
    if n.is_nan() || n < 1.0 {
        return 0.0;
    }
    (-((1.0 + overshoot) / overshoot).ln() / n).exp()
}

/// An ADSR envelope. Retriggering attacks from the current level (no click); the release starts
/// from the current level too, like Pd's `vline~`. A sustain of 0 makes an attack–decay envelope.
pub(crate) struct Adsr {
    stage: Stage,
    level: f32,
    target: f32,
    att: f32,
    dec: f32,
    rel: f32,
    sustain: f32,
    sr: f32,
}

impl Adsr {
    /// Times in seconds, `sustain` 0–1. Starts off: call `trigger`.
    pub(crate) fn new(sr: f32, attack: f32, decay: f32, sustain: f32, release: f32) -> Adsr {
        Adsr {
            stage: Stage::Off,
            level: 0.0,
            target: 0.0,
            att: segment_coef(attack, sr, ATTACK_OVERSHOOT),
            dec: segment_coef(decay, sr, OVERSHOOT),
            rel: segment_coef(release, sr, OVERSHOOT),
            sustain: clampf(sustain, 0.0, 1.0),
            sr,
        }
    }

    pub(crate) fn set_attack(&mut self, seconds: f32) {
        self.att = segment_coef(seconds, self.sr, ATTACK_OVERSHOOT);
    }

    pub(crate) fn set_decay(&mut self, seconds: f32) {
        self.dec = segment_coef(seconds, self.sr, OVERSHOOT);
    }

    pub(crate) fn set_release(&mut self, seconds: f32) {
        self.rel = segment_coef(seconds, self.sr, OVERSHOOT);
    }

    pub(crate) fn trigger(&mut self) {
        self.stage = Stage::Attack;
        self.target = 1.0 + ATTACK_OVERSHOOT;
    }

    pub(crate) fn release(&mut self) {
        if self.stage != Stage::Off {
            self.stage = Stage::Release;
            self.target = -OVERSHOOT * self.level;
        }
    }

    pub(crate) fn is_off(&self) -> bool {
        self.stage == Stage::Off
    }

    #[inline(always)]
    pub(crate) fn tick(&mut self) -> f32 {
        match self.stage {
            Stage::Attack => {
                self.level = self.target + (self.level - self.target) * self.att;
                if self.level >= 1.0 {
                    self.level = 1.0;
                    self.stage = Stage::Decay;
                    self.target = self.sustain - OVERSHOOT * (1.0 - self.sustain);
                }
            }
            Stage::Decay => {
                self.level = self.target + (self.level - self.target) * self.dec;
                if self.level <= self.sustain {
                    self.level = self.sustain;
                    self.stage = if self.sustain > 0.0 { Stage::Sustain } else { Stage::Off };
                }
            }
            Stage::Release => {
                self.level = self.target + (self.level - self.target) * self.rel;
                if self.level <= 0.0 {
                    self.level = 0.0;
                    self.stage = Stage::Off;
                }
            }
            Stage::Sustain | Stage::Off => {}
        }
        self.level
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelopes_arrive_on_time_and_release_to_silence() {
        let sr = 1000.0;
        let mut env = Adsr::new(sr, 0.1, 0.2, 0.5, 0.3);
        env.trigger();
        let attack: Vec<f32> = (0..100).map(|_| env.tick()).collect();
        assert!(
            attack[0] > 0.0 && attack[98] < 1.0 && attack[99] == 1.0,
            "{:?}",
            &attack[95..]
        );
        assert!(attack.windows(2).all(|w| w[1] > w[0]));
        let decay: Vec<f32> = (0..200).map(|_| env.tick()).collect();
        assert!(decay[198] > 0.5 && decay[199] == 0.5);
        env.release();
        let release: Vec<f32> = (0..302).map(|_| env.tick()).collect();
        let silent = release.iter().position(|&x| x == 0.0);
        assert!(
            silent.is_some_and(|i| (297..=301).contains(&i)) && env.is_off(),
            "{silent:?}"
        );
    }
}
