//! A note's controls, sanitised, and their automation: control-rate blocks that glide towards each
//! control's values and mark the retriggers and the note-off.

use super::{release_tail, MAX_GATE, MAX_SAMPLE_RATE, MIN_GATE, MIN_SAMPLE_RATE};
use crate::audio::{Note, Scheme};

/// Control-rate block length in samples (shorter at control times and the note-off).
pub(crate) const BLOCK: usize = 16;
/// The default portamento time constant (seconds) between controls.
const GLIDE: f32 = 0.004;

/// A sanitised control: in range, finite, its time as a sample index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Ctl {
    pub at: usize,
    pub pitch: f32,
    pub y: f32,
    pub dy: f32,
    pub z: f32,
    pub retrigger: bool,
}

/// Everything a scheme needs from a `Note`, sanitised.
pub(crate) struct Prepared {
    pub sr: f32,
    /// The note-off, in samples (at least `MIN_GATE`).
    pub gate: usize,
    /// The hard cap on the output length.
    pub max_len: usize,
    pub velocity: f32,
    /// At least one; the first at sample 0; sorted; none after the gate.
    pub controls: Vec<Ctl>,
    /// The sample of the last retriggering control after the first (0 if none).
    pub last_retrigger: usize,
    pub seed: u64,
}

fn unit(x: f64) -> f32 {
    if x.is_nan() {
        0.0
    } else {
        x.clamp(0.0, 1.0) as f32
    }
}

impl Prepared {
    pub(crate) fn new(note: &Note, sample_rate: f32) -> Option<Prepared> {
        if !(MIN_SAMPLE_RATE..=MAX_SAMPLE_RATE).contains(&sample_rate) {
            return None;
        }
        let sr = sample_rate;
        let gate_s = if note.gate.is_nan() {
            MIN_GATE
        } else {
            note.gate.clamp(MIN_GATE, MAX_GATE)
        };
        let tail = release_tail(note.scheme);
        let max_len = ((gate_s + tail + 0.01) * f64::from(sr)).ceil() as usize;
        let gate = (gate_s * f64::from(sr)).round() as usize;
        let velocity = if note.velocity.is_nan() {
            0.75
        } else {
            note.velocity.clamp(0.0, 1.0) as f32
        };
        let mut controls: Vec<Ctl> = Vec::with_capacity(note.controls.len());
        let mut last_time = 0.0;
        let mut last_retrigger = 0;
        for (i, c) in note.controls.iter().enumerate() {
            let time = if i == 0 || c.time.is_nan() {
                last_time
            } else {
                c.time.clamp(last_time, gate_s)
            };
            last_time = time;
            let at = (time * f64::from(sr)).round() as usize;
            if i > 0 && c.retrigger {
                last_retrigger = at;
            }
            controls.push(Ctl {
                at,
                pitch: if c.pitch.is_nan() {
                    60.0
                } else {
                    c.pitch.clamp(0.0, 127.0) as f32
                },
                y: unit(c.y),
                dy: unit(c.dy),
                z: unit(c.z),
                retrigger: c.retrigger,
            });
        }
        if controls.is_empty() && note.scheme != Scheme::Drums {
            return None;
        }
        if controls.is_empty() {
            controls.push(Ctl {
                at: 0,
                pitch: 60.0,
                y: 0.0,
                dy: 0.0,
                z: 0.0,
                retrigger: true,
            });
        }
        Some(Prepared {
            sr,
            gate,
            max_len,
            velocity,
            controls,
            last_retrigger,
            seed: note.seed,
        })
    }

    /// Whether a voice whose envelope is `off` at sample `pos` is finished: no retrigger is due, and
    /// (if `gated`, i.e. the scheme holds until the note-off) the gate has passed.
    pub(crate) fn finished(&self, pos: usize, off: bool, gated: bool) -> bool {
        off && pos > self.last_retrigger && (!gated || pos > self.gate)
    }
}

/// One control-rate block, `start..end`: the events at its start and the smoothed controls.
pub(crate) struct Block {
    pub start: usize,
    pub end: usize,
    /// A control at `start` retriggers the envelope.
    pub retrigger: bool,
    /// `start` is the note-off.
    pub note_off: bool,
    /// Smoothed values at the block's end (interpolate from the previous block's for audio rate).
    pub pitch: f32,
    pub y: f32,
    pub dy: f32,
    pub z: f32,
    /// The control in force (unsmoothed).
    pub target: Ctl,
}

/// Walks a note's controls in blocks, gliding towards each control's values.
pub(crate) struct Automation<'a> {
    controls: &'a [Ctl],
    next: usize,
    pos: usize,
    gate: usize,
    len: usize,
    sr: f32,
    pitch_tau: f32,
    tau: f32,
    target: Ctl,
    pitch: f32,
    y: f32,
    dy: f32,
    z: f32,
}

/// The one-pole smoothing step for `n` samples with a time constant of `tau` samples.
fn smoothing(n: f32, tau: f32) -> f32 {
    if tau.is_nan() || tau <= 1.0 {
        1.0
    } else {
        1.0 - (-n / tau).exp()
    }
}

/// One smoothing step from `v` towards `target`, snapping once within `eps`.
fn glide(v: f32, target: f32, k: f32, eps: f32) -> f32 {
    let next = v + (target - v) * k;
    if (target - next).abs() < eps {
        target
    } else {
        next
    }
}

impl<'a> Automation<'a> {
    pub(crate) fn new(p: &'a Prepared) -> Automation<'a> {
        let first = p.controls[0];
        Automation {
            controls: &p.controls,
            next: 1,
            pos: 0,
            gate: p.gate,
            len: p.max_len,
            sr: p.sr,
            pitch_tau: GLIDE,
            tau: GLIDE,
            target: first,
            pitch: first.pitch,
            y: first.y,
            dy: first.dy,
            z: first.z,
        }
    }

    /// The first control's values.
    pub(crate) fn first(&self) -> Ctl {
        self.controls[0]
    }

    /// Sets the pitch glide's time constant in seconds (the scheme's portamento).
    pub(crate) fn set_pitch_glide(&mut self, seconds: f32) {
        self.pitch_tau = seconds;
    }

    pub(crate) fn next_block(&mut self) -> Option<Block> {
        let start = self.pos;
        if start >= self.len {
            return None;
        }
        let mut retrigger = false;
        while let Some(c) = self.controls.get(self.next).filter(|c| c.at <= start) {
            self.target = *c;
            retrigger |= c.retrigger;
            self.next += 1;
        }
        let mut end = (start + BLOCK).min(self.len);
        if let Some(c) = self.controls.get(self.next) {
            end = end.min(c.at);
        }
        if self.gate > start {
            end = end.min(self.gate);
        }
        let n = (end - start) as f32;
        let t = self.target;
        if self.pitch != t.pitch {
            self.pitch = glide(self.pitch, t.pitch, smoothing(n, self.pitch_tau * self.sr), 1e-4);
        }
        if (self.y, self.dy, self.z) != (t.y, t.dy, t.z) {
            let k = smoothing(n, self.tau * self.sr);
            self.y = glide(self.y, t.y, k, 1e-5);
            self.dy = glide(self.dy, t.dy, k, 1e-5);
            self.z = glide(self.z, t.z, k, 1e-5);
        }
        self.pos = end;
        Some(Block {
            start,
            end,
            retrigger,
            note_off: start == self.gate,
            pitch: self.pitch,
            y: self.y,
            dy: self.dy,
            z: self.z,
            target: t,
        })
    }
}
