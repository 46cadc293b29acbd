//! The oscillator schemes: chirp, keys, pad and FM lead.

use super::dsp::{advance, frac, hz, phase_inc, saw, sin_turn, step, Svf};
use super::env::Adsr;
use super::{Automation, Prepared, BLOCK};
use std::f32::consts::TAU;

/// The per-sample step that ramps `from` to `to` over the block `start..end`.
fn ramp(from: f32, to: f32, start: usize, end: usize) -> f32 {
    (to - from) / (end - start) as f32
}

/// Chirp: a sine and a sine an octave below, crossfaded by y (0 = the note only, 1 = the octave
/// below only). Each retriggering touch event restarts a 15 ms attack, 50 ms hold, 100 ms release,
/// so drags sustain; the gate itself is not used (as in the patch).
pub(super) fn chirp(p: &Prepared, out: &mut Vec<f32>) {
    let sr = p.sr;
    let mut auto = Automation::new(p);
    let mut env = Adsr::new(sr, 0.015, 0.0, 1.0, 0.1);
    env.trigger();
    let hold = (0.065 * sr) as usize;
    let mut release_at = hold;
    let mut inc = phase_inc(hz(auto.first().pitch), sr);
    // One phase at the octave below; the note is its double. Cosine phase: both start at their
    // peak, and the envelope makes the onset.
    let mut sub = 0.125f32;
    let gain = 0.45 * p.velocity;
    while let Some(b) = auto.next_block() {
        if b.retrigger {
            env.trigger();
            release_at = b.start + hold;
        }
        let target = phase_inc(hz(b.pitch), sr);
        let d = ramp(inc, target, b.start, b.end);
        let mix = b.y;
        if (b.start..b.end).contains(&release_at) {
            env.release();
        }
        let mut frame = [0.0f32; BLOCK];
        for s in &mut frame[..b.end - b.start] {
            let (a, o) = (sin_turn(2.0 * sub), sin_turn(sub));
            *s = gain * env.tick() * (a + mix * (o - a));
            inc += d;
            sub += 0.5 * inc;
        }
        sub = frac(sub);
        out.extend_from_slice(&frame[..b.end - b.start]);
        inc = target;
        if p.finished(b.end, env.is_off(), false) {
            break;
        }
    }
}

/// Keys: a 4-operator phase-modulation electric piano, two stacks in the style of the DX7 piano:
/// operator 2 (ratio 1) modulates carrier 1 (ratio 1), and operator 3 (a ratio-14 "tine")
/// modulates carrier 4 (ratio 1). Envelopes: attack 1 ms, decays 1500/1000/250/1500 ms, sustain
/// 40 %, release 40 ms; y at the (re)trigger sets the two carriers' decays to 25 + 1000·y ms (our
/// reading of "two of the decays": the two equal ones, so that y shapes every note, taps too).
/// The modulation index is 2·dy radians (the patch's 2·dy; its unit is our reading), and a
/// 1.5 Hz vibrato has a depth of 0.3·z semitones (the depth scale is our choice).
pub(super) fn keys(p: &Prepared, out: &mut Vec<f32>) {
    let sr = p.sr;
    let mut auto = Automation::new(p);
    // The two carriers' envelopes are equal, so they share one.
    let mut carriers = Adsr::new(sr, 0.001, 1.5, 0.4, 0.04);
    let mut body = Adsr::new(sr, 0.001, 1.0, 0.4, 0.04);
    let mut tine = Adsr::new(sr, 0.001, 0.25, 0.4, 0.04);
    fn trigger(carriers: &mut Adsr, body: &mut Adsr, tine: &mut Adsr, y: f32) {
        carriers.set_decay(0.025 + y);
        carriers.trigger();
        body.trigger();
        tine.trigger();
    }
    trigger(&mut carriers, &mut body, &mut tine, auto.first().y);
    // One phase for all: the carriers start at cosine phase, operator 2 at sine phase.
    let mut phase = 0.25f32;
    let mut vibrato = 0.0f32;
    let mut inc = phase_inc(hz(auto.first().pitch), sr);
    let gain = 0.25 * p.velocity;
    while let Some(b) = auto.next_block() {
        if b.retrigger {
            trigger(&mut carriers, &mut body, &mut tine, b.y);
        }
        if b.note_off {
            carriers.release();
            body.release();
            tine.release();
        }
        let n = b.end - b.start;
        let vib = 0.3 * b.z * sin_turn(vibrato);
        advance(&mut vibrato, 1.5 * n as f32 / sr);
        let target = phase_inc(hz(b.pitch + vib), sr);
        let d = ramp(inc, target, b.start, b.end);
        let index = 2.0 * b.dy / TAU;
        let mut frame = [0.0f32; BLOCK];
        for s in &mut frame[..n] {
            let m2 = index * body.tick() * sin_turn(phase - 0.25);
            let m3 = index * tine.tick() * sin_turn(14.0 * phase);
            *s = gain * carriers.tick() * (sin_turn(phase + m2) + sin_turn(phase + m3));
            inc += d;
            phase += inc;
        }
        phase = frac(phase);
        out.extend_from_slice(&frame[..n]);
        inc = target;
        if p.finished(b.end, carriers.is_off(), true) {
            break;
        }
    }
}

/// Pad: two saws detuned ±7 cents, each with its own envelope (A 161 ms, D 444 ms, S 32 %,
/// R 1400 ms and A 800 ms, D 283 ms, S 57 %, R 227 ms), each through a low-pass whose cutoff
/// follows the pitch and opens with dy (2 + 10·dy times the note, plus 200 Hz: our mapping).
pub(super) fn pad(p: &Prepared, out: &mut Vec<f32>) {
    const UP: f32 = 1.004_05; // 2^(7/1200)
    const DOWN: f32 = 0.995_96;
    let sr = p.sr;
    let mut auto = Automation::new(p);
    let mut env1 = Adsr::new(sr, 0.161, 0.444, 0.32, 1.4);
    let mut env2 = Adsr::new(sr, 0.8, 0.283, 0.57, 0.227);
    env1.trigger();
    env2.trigger();
    let mut inc = phase_inc(hz(auto.first().pitch), sr);
    // Both saws start at half height, rising, and their filters start settled there, so the
    // (slow) attack is audible at once.
    let (mut ph1, mut ph2) = (0.75f32, 0.75f32);
    let (mut lp1, mut lp2) = (Svf::default(), Svf::default());
    let mut cutoff = -1.0;
    let gain = 0.38 * p.velocity;
    while let Some(b) = auto.next_block() {
        if b.retrigger {
            env1.trigger();
            env2.trigger();
        }
        if b.note_off {
            env1.release();
            env2.release();
        }
        let f = hz(b.pitch);
        let c = f * (2.0 + 10.0 * b.dy) + 200.0;
        if c != cutoff {
            cutoff = c;
            lp1.set(c, 0.7, sr);
            lp2.set(c, 0.7, sr);
            if b.start == 0 {
                lp1.settle(saw(ph1, inc));
                lp2.settle(saw(ph2, inc));
            }
        }
        let target = phase_inc(f, sr);
        let d = ramp(inc, target, b.start, b.end);
        let mut frame = [0.0f32; BLOCK];
        for s in &mut frame[..b.end - b.start] {
            let (i1, i2) = (inc * UP, inc * DOWN);
            let x = env1.tick() * lp1.lowpass(saw(ph1, i1)) + env2.tick() * lp2.lowpass(saw(ph2, i2));
            *s = gain * x;
            inc += d;
            step(&mut ph1, i1);
            step(&mut ph2, i2);
        }
        out.extend_from_slice(&frame[..b.end - b.start]);
        inc = target;
        if p.finished(b.end, env1.is_off() && env2.is_off(), true) {
            break;
        }
    }
}

/// The patch's FM indices are scaled by this (40 → 2.4 and 62 → 3.7 radians), since at full size
/// they are all noise.
const FM_INDEX_SCALE: f32 = 0.06;

/// FM lead: two 2-operator FM (phase-modulation) voices, the note (modulator ratio 9, index 40)
/// with ADSR 15/55/50 %/120 ms and an octave below (ratio 4, index 62) with a 7 ms attack, at
/// level 1 − dy. The envelopes scale the index as well as the level (brightness follows loudness).
pub(super) fn fmlead(p: &Prepared, out: &mut Vec<f32>) {
    let sr = p.sr;
    let mut auto = Automation::new(p);
    let mut env_a = Adsr::new(sr, 0.015, 0.055, 0.5, 0.12);
    let mut env_b = Adsr::new(sr, 0.007, 0.055, 0.5, 0.12);
    env_a.trigger();
    env_b.trigger();
    let index_a = 40.0 * FM_INDEX_SCALE / TAU;
    let index_b = 62.0 * FM_INDEX_SCALE / TAU;
    // One phase, at the octave below; the other oscillators are its harmonics (cosine phase for
    // the carriers).
    let mut sub = 0.0f32;
    let mut inc = phase_inc(hz(auto.first().pitch), sr);
    let gain = 0.25 * p.velocity;
    while let Some(b) = auto.next_block() {
        if b.retrigger {
            env_a.trigger();
            env_b.trigger();
        }
        if b.note_off {
            env_a.release();
            env_b.release();
        }
        let target = phase_inc(hz(b.pitch), sr);
        let d = ramp(inc, target, b.start, b.end);
        let level_b = 1.0 - b.dy;
        let mut frame = [0.0f32; BLOCK];
        for s in &mut frame[..b.end - b.start] {
            let (ea, eb) = (env_a.tick(), env_b.tick());
            let a = sin_turn(2.0 * sub + 0.25 + index_a * ea * sin_turn(18.0 * sub));
            let o = sin_turn(sub + 0.25 + index_b * eb * sin_turn(4.0 * sub));
            *s = gain * (ea * a + level_b * eb * o);
            inc += d;
            sub += 0.5 * inc;
        }
        sub = frac(sub);
        out.extend_from_slice(&frame[..b.end - b.start]);
        inc = target;
        if p.finished(b.end, env_a.is_off() && env_b.is_off(), true) {
            break;
        }
    }
}
