//! The "crystal" effect that drums, strings, pad, fmlead and leadguitar share (SPEC.md §4 drums):
//! input × level → ×0.8 → `pitchshift~ 12` → `feedbackdelay 500` (fb 0.3) → `rlop~ 4720`, plus the
//! same signal direct → `rlop~`, then ×0.5 + `rev2~ 100 95 14400 60` ×0.5.
//!
//! PLACEHOLDER until the real one lands: silent. The API may still change to fit every patch.

#[derive(Debug, Clone)]
pub struct Crystal {}

impl Crystal {
    pub fn new(_sr: f32) -> Crystal {
        Crystal {}
    }

    /// The input level (dy, or dy·z'), ramped as the patch ramps it.
    pub fn set_level(&mut self, _level: f32) {}

    /// One input sample in, stereo out.
    #[inline]
    pub fn tick(&mut self, _x: f32) -> (f32, f32) {
        (0.0, 0.0)
    }
}
