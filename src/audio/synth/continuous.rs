//! The continuous schemes, whose pitch follows the touch: quack and wub.

use super::dsp::{advance, clampf, frac, hz, phase_inc, saw, sin_turn, step, Svf};
use super::env::Adsr;
use super::{Automation, Prepared, BLOCK};

/// Quack's band-pass: centre mtof(50 + 70·y) over bandwidth mtof(45 + 70·y), i.e. Q = 2^(5/12).
const QUACK_Q: f32 = 1.334_84;

/// Quack: a formant voice. A band-limited saw at the touch's pitch through a resonant band-pass at
/// mtof(50 + 70·y). ADSR: attack 25 ms at the note-on and 200 ms for later retriggers (the patch's
/// tap/drag distinction, simplified), decay 80 ms, sustain 70 %, release 50 + 200·y ms (y at the
/// note-off).
pub(super) fn quack(p: &Prepared, out: &mut Vec<f32>) {
    let sr = p.sr;
    let mut auto = Automation::new(p);
    let first = auto.first();
    let mut env = Adsr::new(sr, 0.025, 0.08, 0.7, 0.05 + 0.2 * first.y);
    env.trigger();
    let mut inc = phase_inc(hz(first.pitch), sr);
    // The saw starts rising from half its height, to wrap within 0.3 ms: the band-pass responds
    // to the wrap's edge, so even a slow saw sounds at once (the envelope smooths the start).
    let mut phase = 1.0 - clampf(0.0003 * hz(first.pitch), 0.0, 0.25);
    let mut bp = Svf::default();
    let mut filter_y = -1.0;
    let gain = 0.6 * p.velocity;
    while let Some(b) = auto.next_block() {
        if b.retrigger {
            env.set_attack(0.2);
            env.trigger();
        }
        if b.note_off {
            env.set_release(0.05 + 0.2 * b.y);
            env.release();
        }
        if b.y != filter_y {
            filter_y = b.y;
            bp.set(hz(50.0 + 70.0 * b.y), QUACK_Q, sr);
        }
        let target = phase_inc(hz(b.pitch), sr);
        let d = (target - inc) / (b.end - b.start) as f32;
        let mut frame = [0.0f32; BLOCK];
        for s in &mut frame[..b.end - b.start] {
            *s = gain * env.tick() * bp.bandpass(saw(phase, inc));
            inc += d;
            step(&mut phase, inc);
        }
        out.extend_from_slice(&frame[..b.end - b.start]);
        inc = target;
        if p.finished(b.end, env.is_off(), true) {
            break;
        }
    }
}

/// Wub's wobble rates: 140/60 Hz times these, chosen by y in five steps.
const WOBBLE: [f32; 5] = [1.0, 1.5, 2.0, 3.0, 4.0];

/// x·y for wub, with x recovered from the pitch (MIDI 20 + 80·x).
fn xy(pitch: f32, y: f32) -> f32 {
    clampf((pitch - 20.0) / 80.0, 0.0, 1.0) * y
}

/// Wub: an FM wobble bass. The carrier is at half the touch's frequency, phase-modulated by a sine
/// at the full frequency with an index of 0.2 + 0.8·x·y (taken as half-turns: 0.6–3.1 radians,
/// our reading of the patch's depth). The pitch glides over 0.2 + 0.8·x·y seconds (a one-pole with
/// a third of that as its time constant). An LFO at 140/60 Hz × {1, 1.5, 2, 3, 4} (y in five steps)
/// sweeps a band-pass (Q 2.5, our choice) between 980 Hz and the bottom (20 Hz, not 0), starting at
/// the top. Each retriggering event restarts a 25 ms attack, 350 ms decay envelope; as in the patch
/// the gate is not used.
pub(super) fn wub(p: &Prepared, out: &mut Vec<f32>) {
    let sr = p.sr;
    let mut auto = Automation::new(p);
    let first = auto.first();
    let mut env = Adsr::new(sr, 0.025, 0.35, 0.0, 0.05);
    env.trigger();
    let mut inc = phase_inc(0.5 * hz(first.pitch), sr);
    // The carrier's phase; the modulator is its double. The carrier starts at cosine phase.
    let (mut phase, mut lfo) = (0.0f32, 0.0f32);
    let mut bp = Svf::default();
    let gain = 0.5 * p.velocity;
    auto.set_pitch_glide((0.2 + 0.8 * xy(first.pitch, first.y)) / 3.0);
    while let Some(b) = auto.next_block() {
        if b.retrigger {
            env.trigger();
        }
        let t = b.target;
        auto.set_pitch_glide((0.2 + 0.8 * xy(t.pitch, t.y)) / 3.0);
        let index = 0.5 * (0.2 + 0.8 * xy(b.pitch, b.y));
        let rate = 140.0 / 60.0 * WOBBLE[((t.y * 5.0) as usize).min(4)];
        let n = b.end - b.start;
        bp.set(20.0 + 960.0 * (0.5 + 0.5 * sin_turn(lfo + 0.25)), 2.5, sr);
        advance(&mut lfo, rate * n as f32 / sr);
        let target = phase_inc(0.5 * hz(b.pitch), sr);
        let d = (target - inc) / n as f32;
        let mut frame = [0.0f32; BLOCK];
        for s in &mut frame[..n] {
            let x = sin_turn(phase + 0.25 + index * sin_turn(2.0 * phase));
            *s = gain * env.tick() * bp.bandpass(x);
            inc += d;
            phase += inc;
        }
        phase = frac(phase);
        out.extend_from_slice(&frame[..n]);
        inc = target;
        if p.finished(b.end, env.is_off(), false) {
            break;
        }
    }
}
