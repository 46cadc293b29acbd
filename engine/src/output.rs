//! The app's `output_stage.pd`, the same for all nine instruments: `hip~ 3`, `clip~ -1 1`, × volume,
//! × fade, to the speakers. The fade-in has finished before playback starts (the app opens each
//! patch half a second ahead), so it starts at 1 here.

use crate::dsp::Hip;

#[derive(Debug, Clone)]
pub struct OutputStage {
    hip: [Hip; 2],
    volume: f32,
}

impl OutputStage {
    pub fn new(sr: f32) -> OutputStage {
        OutputStage {
            hip: [Hip::new(sr, 3.0), Hip::new(sr, 3.0)],
            volume: 1.0,
        }
    }

    /// Processes a stereo block in place. Anything that is not a finite number becomes silence.
    pub fn process(&mut self, left: &mut [f32], right: &mut [f32]) {
        for (channel, hip) in [left, right].into_iter().zip(self.hip.iter_mut()) {
            for s in channel.iter_mut() {
                let x = if s.is_finite() { *s } else { 0.0 };
                *s = hip.tick(x).clamp(-1.0, 1.0) * self.volume;
            }
        }
    }
}
