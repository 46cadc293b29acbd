//! Strings and lead guitar: the plucked string (`strings.rs`) with the strings' envelope, and for
//! lead guitar a compressor, distortion and chorus after it.

use super::dsp::{advance, clampf, hz, sin_turn, soft_clip};
use super::env::Adsr;
use super::strings::KsString;
use super::{Automation, Prepared, BLOCK};

/// A plucked voice with the strings' ADSR (80 ms, 100 ms, 95 %, 1000 ms) on its output, through
/// `post` (a block at a time, in place); `tail` more samples of silence through `post` follow the
/// envelope's end.
fn pluck(p: &Prepared, out: &mut Vec<f32>, gain: f32, mut post: impl FnMut(&mut [f32]), tail: usize) {
    let sr = p.sr;
    let mut auto = Automation::new(p);
    let mut string = KsString::new(sr, p.seed);
    let mut tuned = auto.first().pitch;
    string.tune(hz(tuned), sr);
    string.pluck();
    let mut env = Adsr::new(sr, 0.08, 0.1, 0.95, 1.0);
    env.trigger();
    while let Some(b) = auto.next_block() {
        if b.retrigger {
            string.pluck();
            env.trigger();
        }
        if b.note_off {
            env.release();
        }
        if b.pitch != tuned {
            tuned = b.pitch;
            string.tune(hz(tuned), sr);
        }
        let n = b.end - b.start;
        let mut frame = [0.0f32; BLOCK];
        for s in &mut frame[..n] {
            *s = env.tick() * string.tick();
        }
        post(&mut frame[..n]);
        out.extend(frame[..n].iter().map(|s| gain * s));
        if p.finished(b.end, env.is_off(), true) {
            let mut left = tail.min(p.max_len.saturating_sub(out.len()));
            while left > 0 {
                let n = left.min(BLOCK);
                let mut frame = [0.0f32; BLOCK];
                post(&mut frame[..n]);
                out.extend(frame[..n].iter().map(|s| gain * s));
                left -= n;
            }
            break;
        }
    }
}

/// Strings: the plucked string with its ADSR.
pub(super) fn strings(p: &Prepared, out: &mut Vec<f32>) {
    pluck(p, out, 0.65 * p.velocity, |_| {}, 0);
}

/// Lead guitar: the strings' pluck through a compressor (threshold 0.1, ratio 4, 2 ms / 100 ms
/// peak follower), tanh distortion and a short chorus (8 ± 3 ms at 0.8 Hz, mixed 45 %). The dub
/// delay is the player's.
pub(super) fn leadguitar(p: &Prepared, out: &mut Vec<f32>) {
    const THRESHOLD: f32 = 0.1;
    let sr = p.sr;
    let attack = 1.0 - (-1.0 / (0.002 * sr)).exp();
    let release = (-1.0 / (0.1 * sr)).exp();
    let mut follower = 0.0f32;
    let size = ((0.02 * sr) as usize + 4).next_power_of_two();
    let mask = size - 1;
    let mut chorus = vec![0.0f32; size];
    let mut w = 0usize;
    let mut lfo = 0.0f32;
    let post = move |frame: &mut [f32]| {
        // The compressor's gain and the chorus delay, per block.
        let comp = if follower > THRESHOLD {
            (THRESHOLD / follower).powf(0.75)
        } else {
            1.0
        };
        let delay = clampf((0.008 + 0.003 * sin_turn(lfo)) * sr, 1.0, (size - 2) as f32);
        advance(&mut lfo, 0.8 * frame.len() as f32 / sr);
        for s in frame {
            let x = *s;
            let level = x.abs();
            if level > follower {
                follower += attack * (level - follower);
            } else {
                follower *= release;
            }
            let y = soft_clip(4.0 * comp * x);
            chorus[w & mask] = y;
            let pos = (w & mask) as f32 + size as f32 - delay;
            let i = pos as usize;
            let f = pos - i as f32;
            let wet = chorus[i & mask] * (1.0 - f) + chorus[(i + 1) & mask] * f;
            w = w.wrapping_add(1);
            *s = 0.55 * y + 0.45 * wet;
        }
    };
    pluck(p, out, 0.7 * p.velocity, post, (0.012 * sr) as usize);
}
