//! DSP building blocks, each one Pd object (or metaPdLibs / rj abstraction) written once and shared
//! by the instruments. Signals are f32 at the engine's sample rate; every block is ticked once per
//! sample (`tick`) so that an instrument's render loop reads like its patch, top to bottom.
//!
//! | file | Pd objects |
//! |---|---|
//! | `control` | `mtof`, `dbtorms`, `delay` (a timer in samples), `random` |
//! | `clock` | `line` (control rate, stepped every grain), `metro` |
//! | `osc` | `osc~`, `phasor~`, `noise~` |
//! | `filter` | `lop~`, `hip~`, `bp~`, `vcf~` |
//! | `ramp` | `line~`, `vline~` |
//! | `env` | metaPdLibs `adsr` (rj `c_adsr`), rj `c_ead` |
//! | `delay` | `delwrite~` with `delread~` / `delread4~` |
//! | `reverb` | metaPdLibs `rev2~` |
//! | `pitchshift` | metaPdLibs `pitchshift~` |
//! | `shaper` | `microjam_spad`'s Chebyshev `csaw` and `2chebypacket` |
//! | `dubdel`, `chorus`, `dynamics` | rj `e_dubdel`, `e_chorus`, `e_mcompressor` (+ `env~`); leadguitar's distortion |
//! | `crystal` | the shared crystal chain: `pitchshift~`, `feedbackdelay`, `rlop~`, `rev2~` |

pub mod chorus;
pub mod clock;
pub mod control;
pub mod crystal;
pub mod delay;
pub mod dubdel;
pub mod dynamics;
pub mod env;
pub mod filter;
pub mod osc;
pub mod pitchshift;
pub mod ramp;
pub mod reverb;
pub mod shaper;

pub use clock::{CtlLine, Metro};
pub use control::{dbtorms, mtof, Random, Timer};
pub use crystal::{Crystal, FeedbackDelay, Rlop};
pub use delay::DelayLine;
pub use env::{Adsr, Ead};
pub use filter::{Bp, Hip, Lop, Vcf};
pub use osc::{Noise, Osc, Phasor, PinkNoise};
pub use pitchshift::PitchShift;
pub use ramp::{Line, VLine};
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
