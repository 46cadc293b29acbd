//! DSP building blocks, each one Pd object (or metaPdLibs / rj abstraction) written once and shared
//! by the instruments. Signals are f32 at the engine's sample rate; every block is ticked once per
//! sample (`tick`) so that an instrument's render loop reads like its patch, top to bottom.
//!
//! | file | Pd objects |
//! |---|---|
//! | `control` | `mtof`, `dbtorms`, `delay` (a timer in samples), `random` |
//! | `osc` | `osc~`, `phasor~`, `noise~` |
//! | `filter` | `lop~`, `hip~`, `bp~`, `vcf~` |
//! | `env` | `line~`, `vline~`, metaPdLibs `adsr` |
//! | `delay` | `delwrite~` with `delread~` / `delread4~` |
//! | `reverb` | metaPdLibs `rev2~` |
//! | `crystal` | the shared crystal chain: `pitchshift~`, `feedbackdelay`, `rlop~`, `rev2~` |

pub mod control;
pub mod crystal;
pub mod delay;
pub mod env;
pub mod filter;
pub mod osc;
pub mod reverb;

pub use control::{dbtorms, mtof, Random, Timer};
pub use crystal::Crystal;
pub use delay::DelayLine;
pub use env::{Adsr, Line, VLine};
pub use filter::{Bp, Hip, Lop, Vcf};
pub use osc::{Noise, Osc, Phasor};
pub use reverb::Rev2;

/// 2π in f32.
pub const TAU: f32 = std::f32::consts::TAU;

/// Milliseconds to samples at `sr`, never negative.
pub fn ms_to_samples(ms: f32, sr: f32) -> f32 {
    if ms.is_finite() {
        (ms * 0.001 * sr).max(0.0)
    } else {
        0.0
    }
}
