//! metaPdLibs' `rev2~` (Miller Puckette's reverberator): `rev2~ level-dB liveness crossover-Hz damping%`.
//!
//! PLACEHOLDER until the real one lands: silent.

/// `rev2~` with its creation arguments; `tick` takes the input and gives its four outlets.
#[derive(Debug, Clone)]
pub struct Rev2 {}

impl Rev2 {
    pub fn new(_sr: f32, _level_db: f32, _liveness: f32, _crossover_hz: f32, _damping: f32) -> Rev2 {
        Rev2 {}
    }

    #[inline]
    pub fn tick(&mut self, _x: f32) -> [f32; 4] {
        [0.0; 4]
    }
}
