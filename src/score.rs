//! A jam as the sound engine (`microjam-engine`, in the AudioWorklet) is given it: per layer the
//! instrument's number, a seed for its random draws and the touches as rows of five numbers, and how
//! long the jam lasts. Live playback and "Download WAV" both play this, so they sound the same.

use crate::chain::Jam;

/// Seconds rendered after a jam's length for its sounds to die away: an offline render (the WAV
/// file) lasts `length + TAIL`; live playback ends as soon as the engine has fallen silent.
pub const TAIL: f64 = 3.0;

/// One layer: an instance of its instrument's patch playing its touches.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// The instrument's number in the engine's `Instrument::ALL`; an unknown instrument plays as chirp.
    pub instrument: u32,
    /// From the performance's id: a performance always sounds the same.
    pub seed: u32,
    /// time, x, y, z, moving (0 or 1) for each touch, as the engine reads them.
    pub rows: Vec<f32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    pub parts: Vec<Part>,
    /// Seconds: `Jam::length`.
    pub length: f64,
}

impl Score {
    pub fn of(jam: &Jam) -> Score {
        let parts = jam
            .layers
            .iter()
            .map(|p| Part {
                instrument: p.instrument.sound().index(),
                seed: seed(&p.id),
                rows: p
                    .touches
                    .iter()
                    .flat_map(|t| [t.time, t.x, t.y, t.z, if t.moving { 1.0 } else { 0.0 }])
                    .collect(),
            })
            .collect();
        Score {
            parts,
            length: jam.length(),
        }
    }
}

/// A layer's seed: FNV-1a of its performance's id, folded to 32 bits.
pub fn seed(id: &str) -> u32 {
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    (hash ^ (hash >> 32)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chain::ChainEnd;
    use crate::instrument::{Instrument, Sound, ALL};
    use crate::performance::Performance;
    use crate::touches::Touch;
    use std::sync::Arc;

    fn layer(id: &str, instrument: &str, touches: Vec<Touch>) -> Arc<Performance> {
        Arc::new(Performance::new(id, "p", instrument, None, touches))
    }

    #[test]
    fn layers_become_instrument_numbers_seeds_and_rows() {
        let touch = |time, moving| Touch {
            time,
            x: 0.25,
            y: 0.75,
            z: 30.0,
            moving,
        };
        let jam = Jam {
            layers: vec![
                layer("b", "drums", vec![touch(0.5, false), touch(0.6, true)]),
                layer("a", "theremin", vec![touch(6.0, false)]),
            ],
            end: ChainEnd::Root,
        };
        let score = Score::of(&jam);
        assert_eq!(score.length, 6.0);
        assert_eq!(score.parts[0].instrument, Sound::Drums.index());
        assert_eq!(
            score.parts[1].instrument,
            Sound::Chirp.index(),
            "unknown plays as chirp"
        );
        assert_eq!(
            score.parts[0].rows,
            [0.5, 0.25, 0.75, 30.0, 0.0, 0.6, 0.25, 0.75, 30.0, 1.0]
        );
        assert_ne!(score.parts[0].seed, score.parts[1].seed);
        assert_eq!(Score::of(&jam), score, "the same jam, the same score");
        for (name, i) in ALL.iter().map(Instrument::name).zip(0..) {
            let jam = Jam {
                layers: vec![layer("x", name, vec![])],
                end: ChainEnd::Root,
            };
            assert_eq!(Score::of(&jam).parts[0].instrument, i, "{name}");
        }
    }
}
