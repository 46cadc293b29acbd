//! Playback in the browser: one way to make sound. The sound engine (`microjam-engine`, its own
//! small wasm module) runs in an AudioWorkletProcessor (`engine/worklet/processor.js`): one node on
//! the page's AudioContext plays every jam live (`live`), and a fresh node on an OfflineAudioContext
//! renders one for "Download WAV" (`offline`). The module is fetched on the first Play.

mod animation;
mod engine;
mod error;
mod live;
pub mod offline;
mod reports;
pub mod stage;
pub mod worklet;

pub use error::EngineError;
pub use live::{stop, stop_if_playing, toggle};
pub use reports::position;
#[cfg(any(test, feature = "test-support"))]
pub use reports::{engine_stats, live_nodes};
pub use worklet::EngineStats;

use leptos::prelude::*;

/// What is playing, for the buttons and progress bars; provided to the whole App.
#[derive(Clone, Copy)]
pub struct Playback {
    /// The id (leaf) of the jam playing or paused, and whether it is paused.
    pub current: RwSignal<Option<(String, bool)>>,
    /// The jam waiting for the sound engine to load (the first Play on a page).
    pub loading: RwSignal<Option<String>>,
    /// The jam that could not play, and why.
    pub failed: RwSignal<Option<(String, EngineError)>>,
    /// 0–1 through the playing jam.
    pub progress: RwSignal<f64>,
}

impl Playback {
    pub fn provide() {
        provide_context(Playback {
            current: RwSignal::new(None),
            loading: RwSignal::new(None),
            failed: RwSignal::new(None),
            progress: RwSignal::new(0.0),
        });
    }

    pub fn get() -> Option<Playback> {
        use_context::<Playback>()
    }
}
