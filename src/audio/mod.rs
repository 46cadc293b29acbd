//! Playback: touches become notes (`notes`), notes become sound (`synth`), and a look-ahead
//! `scheduler` decides when each is handed to the audio clock. All of it is plain Rust; only the
//! browser's player builds Web Audio nodes.

pub mod note;
pub mod notes;
pub mod scheduler;
pub mod synth;

pub use note::{mtof, Control, Drum, DrumHit, Note, Scheme};
