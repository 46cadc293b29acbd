//! Turns one `Note` into samples: a small pure-Rust synthesiser for MicroJam's nine sound schemes,
//! modelled on the app's Pure Data patches (each scheme's module says what it simplifies).
//!
//! Rendering is dry (the shared reverb and dub delay, and the `dry` level, are the player's), mono
//! per scheme, then panned equal-power. Sample 0 is the note-on; the output runs until the sound has
//! decayed (trailing samples below `SILENCE` are trimmed), at most `gate + release_tail(scheme)`.
//! Control values (pitch, y, dy, z) glide at a control rate of `BLOCK` samples; envelopes, phases
//! and filters run per sample. Any input is sanitised first, so no note can panic or make NaN.

mod continuous;
mod control;
mod drums;
mod dsp;
mod env;
mod pitched;
mod plucked;
mod strings;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_music;

use control::Prepared;
pub(crate) use control::{Automation, BLOCK};

use super::{Note, Scheme};

/// A rendered note: stereo samples at the requested rate, starting at the note's start.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rendered {
    pub left: Vec<f32>,
    pub right: Vec<f32>,
}

impl Rendered {
    /// The length in samples (both channels have it).
    pub fn len(&self) -> usize {
        self.left.len()
    }

    pub fn is_empty(&self) -> bool {
        self.left.is_empty()
    }
}

/// The shortest gate (seconds): a gate of 0, negative or NaN plays as this short blip.
pub const MIN_GATE: f64 = 0.02;
/// The longest gate (seconds); an infinite gate is held this long.
pub const MAX_GATE: f64 = 30.0;
/// The level below which trailing samples are trimmed.
pub const SILENCE: f32 = 1e-4;
/// Sample rates outside this range (or NaN) render nothing.
pub const MIN_SAMPLE_RATE: f32 = 1000.0;
pub const MAX_SAMPLE_RATE: f32 = 768_000.0;

/// The longest sound (seconds) after the note-off at `max(gate, MIN_GATE)`, for scheduling. For
/// drums, which ignore the gate, it bounds the whole hit including the shimmer echoes.
pub fn release_tail(scheme: Scheme) -> f64 {
    match scheme {
        // The 15 + 50 + 100 ms envelope of the last retrigger, which is at or before the gate.
        Scheme::Chirp => 0.2,
        Scheme::Keys => 0.06,
        Scheme::Drums => 4.5,
        Scheme::Strings | Scheme::LeadGuitar => 1.05,
        Scheme::Quack => 0.26,
        // The 25 + 350 ms envelope of the last retrigger.
        Scheme::Wub => 0.4,
        Scheme::Pad => 1.45,
        Scheme::FmLead => 0.13,
    }
}

/// Renders `note` (dry: the shared reverb and delay are the player's) at `sample_rate` Hz.
pub fn render(note: &Note, sample_rate: f32) -> Rendered {
    let Some(p) = Prepared::new(note, sample_rate) else {
        return Rendered::default();
    };
    // Drums size their own buffer (the cap is far longer than most hits).
    let mut mono = Vec::with_capacity(if note.scheme == Scheme::Drums { 0 } else { p.max_len });
    match note.scheme {
        Scheme::Chirp => pitched::chirp(&p, &mut mono),
        Scheme::Keys => pitched::keys(&p, &mut mono),
        Scheme::Pad => pitched::pad(&p, &mut mono),
        Scheme::FmLead => pitched::fmlead(&p, &mut mono),
        Scheme::Strings => plucked::strings(&p, &mut mono),
        Scheme::LeadGuitar => plucked::leadguitar(&p, &mut mono),
        Scheme::Quack => continuous::quack(&p, &mut mono),
        Scheme::Wub => continuous::wub(&p, &mut mono),
        Scheme::Drums => drums::drums(&p, note.drum, &mut mono),
    }
    mono.truncate(p.max_len);
    finish(mono, note.pan)
}

/// Sanitises, trims the decayed tail and pans equal-power.
fn finish(mut mono: Vec<f32>, pan: f64) -> Rendered {
    for s in &mut mono {
        *s = if s.is_finite() { s.clamp(-1.0, 1.0) } else { 0.0 };
    }
    let len = mono.iter().rposition(|s| s.abs() >= SILENCE).map_or(0, |i| i + 1);
    mono.truncate(len);
    let pan = if pan.is_nan() { 0.0 } else { pan.clamp(-1.0, 1.0) };
    let angle = (pan + 1.0) * std::f64::consts::FRAC_PI_4;
    let (gain_left, gain_right) = (angle.cos() as f32, angle.sin() as f32);
    // Fresh vectors of the exact length: the player keeps them, and `mono` was reserved for the cap.
    Rendered {
        left: mono.iter().map(|s| s * gain_left).collect(),
        right: mono.iter().map(|s| s * gain_right).collect(),
    }
}
