//! MicroJam's sound engine: each layer of a jam is one instance of its instrument's Pure Data patch
//! from the iOS app (`SPEC.md` in the Pd reference kit describes them), a stateful voice fed touch
//! messages at sample-exact times and rendered in blocks of stereo audio.
//!
//! - [`dsp`]: the building blocks, written once (oscillators, filters, delays, envelopes, reverb,
//!   pitch shifter, effects chains), each a Pd object or abstraction.
//! - [`instruments`]: the nine patches, each short and reading like its `.pd` file.
//! - [`Layer`] drives one patch: touches in, audio out through the app's output stage; [`Jam`] mixes
//!   layers from time 0.
//!
//! No allocation happens while rendering, and no input can make a sample NaN or beyond ±1.

pub mod dsp;
pub mod instruments;
mod jam;
mod layer;
mod notes;
mod output;
pub mod wav;

#[cfg(target_arch = "wasm32")]
mod ffi;

pub use instruments::Instrument;
pub use jam::Jam;
pub use layer::Layer;

/// Frames per block: Web Audio's render quantum. Layers render any length; this is the usual one.
pub const BLOCK: usize = 128;

/// `sr` if it is a usable sample rate, else the app's 44.1 kHz.
pub(crate) fn usable_rate(sr: f32) -> f32 {
    if sr.is_finite() && (1000.0..=768_000.0).contains(&sr) {
        sr
    } else {
        44_100.0
    }
}

/// One touch event of a performance, as recorded (the app's CSV row).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Touch {
    /// Seconds from the start of the performance.
    pub time: f64,
    /// Position in the square, 0–1, origin top-left, y down.
    pub x: f32,
    pub y: f32,
    /// The raw touch radius in points (the patch gets min(z / 120, 1)).
    pub z: f32,
    /// false: a touch-down (tap); true: a drag continuing.
    pub moving: bool,
}

/// What a patch receives for a touch: the app's four messages `/x`, `/y`, `/z`, `/m`, sanitised.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TouchMsg {
    pub x: f32,
    pub y: f32,
    /// z' = min(z / 120, 1), as the app scales it.
    pub z: f32,
    pub moving: bool,
}

impl TouchMsg {
    /// The message the app sends for `touch`; NaN and out-of-range values are brought into range.
    pub fn from_touch(x: f32, y: f32, z: f32, moving: bool) -> TouchMsg {
        let unit = |v: f32| if v.is_nan() { 0.0 } else { v.clamp(0.0, 1.0) };
        let z = if z.is_nan() { 0.0 } else { (z / 120.0).clamp(0.0, 1.0) };
        TouchMsg {
            x: unit(x),
            y: unit(y),
            z,
            moving,
        }
    }
}
