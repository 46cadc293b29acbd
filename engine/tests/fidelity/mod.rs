//! The fidelity measurement: a Rust port of the Pd reference kit's `analyse.py` (the features of a
//! render: per expected note onset, f0, peak, attack, decay, brightness; overall levels; attacks
//! found blind) and of `compare.py`'s `judge` (reference vs candidate, pooled per instrument,
//! with the kit's tolerances), so that `cargo test` needs neither Pd, Python nor the kit.
//!
//! Reference features come from JSON fixtures written by `scripts/pd-reference-figures.sh`
//! (analyse.py's own output, trimmed); candidate features are measured here, natively.
//!
//! Shared by `tests/fidelity.rs` and the examples `render` and `fidelity_port_check`, each of
//! which uses only part of it.
#![allow(dead_code)]

pub mod analyse;
pub mod features;
pub mod judge;
pub mod notes;
pub mod onsets;
pub mod render;
pub mod signal;
pub mod touches;
pub mod wav;
pub mod yin;
