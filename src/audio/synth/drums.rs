//! Drums: four synthesised drums, each decaying over the hit's `decay` (−60 dB there), with the
//! shimmer: an octave-up copy (the hit at double speed) through a 500 ms feedback delay (feedback
//! 0.4), rendered as its first five echoes (the sixth would be below 2 % of the first). The gate
//! and the controls are not used.

use super::dsp::{sin_turn, step, Noise, OnePole, Svf};
use super::Prepared;
use crate::audio::{Drum, DrumHit};

const ECHO_DELAY: f64 = 0.5;
const ECHO_FEEDBACK: f32 = 0.4;
const ECHOES: usize = 5;
/// The 808 cymbal's six square-wave frequencies (Hz), for the hats' metallic cluster.
const METAL: [f32; 6] = [205.3, 304.4, 369.6, 522.7, 540.0, 800.0];

/// The hit to play: the note's, sanitised, or a default kick.
fn sanitise(hit: Option<DrumHit>) -> DrumHit {
    let hit = hit.unwrap_or(DrumHit {
        drum: Drum::Kick,
        decay: f64::NAN,
        shimmer: 0.0,
    });
    let default = match hit.drum {
        Drum::Kick => 0.35,
        Drum::Snare => 0.2,
        Drum::ClosedHat => 0.06,
        Drum::OpenHat => 0.4,
    };
    let decay = if hit.decay.is_nan() {
        default
    } else {
        hit.decay.clamp(0.01, 3.0)
    };
    let shimmer = if hit.shimmer.is_nan() {
        0.0
    } else {
        hit.shimmer.clamp(0.0, 1.0)
    };
    DrumHit {
        drum: hit.drum,
        decay,
        shimmer,
    }
}

pub(super) fn drums(p: &Prepared, hit: Option<DrumHit>, out: &mut Vec<f32>) {
    let hit = sanitise(hit);
    let dry = render_hit(hit.drum, hit.decay as f32, p.sr, p.seed, p.velocity);
    out.extend_from_slice(&dry);
    if hit.shimmer <= 0.0 {
        return;
    }
    // Octave up: the hit at double speed (pairs averaged, a crude anti-alias).
    let up: Vec<f32> = dry.chunks(2).map(|c| 0.5 * c.iter().sum::<f32>()).collect();
    let delay = (ECHO_DELAY * f64::from(p.sr)).round() as usize;
    out.resize(out.len().max(ECHOES * delay + up.len()), 0.0);
    let mut level = 0.7 * hit.shimmer as f32;
    for k in 1..=ECHOES {
        for (o, s) in out[k * delay..].iter_mut().zip(&up) {
            *o += level * s;
        }
        level *= ECHO_FEEDBACK;
    }
}

fn render_hit(drum: Drum, decay: f32, sr: f32, seed: u64, velocity: f32) -> Vec<f32> {
    // To −80 dB (below the trimming level at the peak levels used).
    let len = (1.34 * decay * sr) as usize + 1;
    let per_sample = |seconds: f32| (-6.9 / (seconds * sr)).exp();
    let k = per_sample(decay);
    let mut env = 1.0f32;
    let mut noise = Noise::new(seed, 1);
    let mut out = vec![0.0f32; len];
    match drum {
        Drum::Kick => {
            // A sine falling from 150 to 50 Hz (30 ms time constant), plus a 4 ms noise click.
            let (pk, ck) = ((-1.0 / (0.03 * sr)).exp(), per_sample(0.004));
            let (mut sweep, mut click, mut phase) = (1.0f32, 1.0f32, 0.0f32);
            let mut lp = OnePole::new(5000.0, sr);
            let gain = 0.5 * velocity;
            for o in &mut out {
                *o = gain * (env * sin_turn(phase) + 0.4 * click * lp.tick(noise.next()));
                step(&mut phase, (50.0 + 100.0 * sweep) / sr);
                sweep *= pk;
                click *= ck;
                env *= k;
            }
        }
        Drum::Snare => {
            // Band-passed noise over the whole decay, and a 185 Hz body for at most 150 ms.
            let mut bp = Svf::new(2200.0, 0.8, sr);
            let bk = per_sample(decay.min(0.15));
            let (mut body, mut phase) = (1.0f32, 0.25f32);
            let gain = 0.45 * velocity;
            for o in &mut out {
                *o = gain * (env * bp.bandpass(noise.next()) + 0.6 * body * sin_turn(phase));
                step(&mut phase, 185.0 / sr);
                body *= bk;
                env *= k;
            }
        }
        Drum::ClosedHat | Drum::OpenHat => {
            // The 808's square cluster and noise, high-passed at 7 kHz (or below Nyquist).
            let mut hp = Svf::new(7000.0, 0.7, sr);
            let mut phases = [0.0f32, 0.3, 0.6, 0.1, 0.5, 0.8];
            let incs = METAL.map(|f| f / sr);
            let gain = 0.6 * velocity;
            for o in &mut out {
                let mut metal = 0.0;
                for k in 0..METAL.len() {
                    metal += if phases[k] < 0.5 { 1.0 } else { -1.0 };
                    step(&mut phases[k], incs[k]);
                }
                *o = gain * env * hp.highpass(0.5 * noise.next() + metal / 12.0);
                env *= k;
            }
        }
    }
    out
}
