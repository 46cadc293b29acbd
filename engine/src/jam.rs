//! A jam: its layers played together from time 0 and mixed, as the app plays a performance with
//! its replies (each layer its own patch, summed at the speakers).

use crate::{Instrument, Layer, Touch};

pub struct Jam {
    sr: f32,
    layers: Vec<Layer>,
    scratch: [Vec<f32>; 2],
}

impl Jam {
    /// An empty jam at `sr` Hz (an unusable rate is taken as 44.1 kHz).
    pub fn new(sr: f32) -> Jam {
        Jam {
            sr: crate::usable_rate(sr),
            layers: Vec::new(),
            scratch: [vec![0.0; crate::BLOCK], vec![0.0; crate::BLOCK]],
        }
    }

    /// Adds a layer playing `touches` on `instrument` (None, an unknown instrument: chirp).
    /// Returns its number.
    pub fn add_layer(&mut self, instrument: Option<Instrument>, touches: &[Touch], seed: u32) -> usize {
        let instrument = instrument.unwrap_or(Instrument::Chirp);
        self.layers.push(Layer::new(instrument, self.sr, touches, seed));
        self.layers.len() - 1
    }

    pub fn layer_mut(&mut self, index: usize) -> Option<&mut Layer> {
        self.layers.get_mut(index)
    }

    pub fn len(&self) -> usize {
        self.layers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.layers.is_empty()
    }

    pub fn sample_rate(&self) -> f32 {
        self.sr
    }

    /// Mixes the next frames of every layer into `left` and `right` (overwritten), within ±1.
    pub fn render(&mut self, left: &mut [f32], right: &mut [f32]) {
        left.fill(0.0);
        right.fill(0.0);
        let frames = left.len().min(right.len());
        let mut pos = 0;
        while pos < frames {
            let n = (frames - pos).min(crate::BLOCK);
            let [sl, sr] = &mut self.scratch;
            for layer in &mut self.layers {
                layer.render(&mut sl[..n], &mut sr[..n]);
                for i in 0..n {
                    left[pos + i] += sl[i];
                    right[pos + i] += sr[i];
                }
            }
            pos += n;
        }
        for s in left.iter_mut().chain(right.iter_mut()) {
            *s = s.clamp(-1.0, 1.0);
        }
    }

    /// Renders `seconds` from where the jam is: (left, right).
    pub fn render_seconds(&mut self, seconds: f64) -> (Vec<f32>, Vec<f32>) {
        let frames = (seconds.clamp(0.0, 3600.0) * f64::from(self.sr)).round() as usize;
        let (mut left, mut right) = (vec![0.0; frames], vec![0.0; frames]);
        self.render(&mut left, &mut right);
        (left, right)
    }
}
