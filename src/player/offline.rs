//! Rendering a whole jam offline (OfflineAudioContext) through the same scheduler, graph and
//! instruments as live playback: for "Download WAV", and how the timing is tested.

use super::engine::Engine;
use super::graph::Buses;
use crate::audio::notes::{jam_length, jam_notes};
use crate::audio::scheduler::{Transport, LOOKAHEAD, TICK_MS};
use crate::chain::Jam;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AudioBuffer, OfflineAudioContext};

/// Seconds rendered after the last touch, for the releases and the echoes to die away.
pub const TAIL: f64 = 3.0;

/// The jam's stereo mix at `sample_rate`: (left, right).
pub async fn render(jam: &Jam, sample_rate: f32) -> Result<(Vec<f32>, Vec<f32>), JsValue> {
    let seconds = jam_length(jam) + TAIL;
    let frames = (seconds * f64::from(sample_rate)).ceil() as u32;
    let ctx = OfflineAudioContext::new_with_number_of_channels_and_length_and_sample_rate(2, frames, sample_rate)?;
    let base: &web_sys::BaseAudioContext = ctx.as_ref();
    let buses = Buses::new(base)?;
    let mut engine = Engine::new(base.clone(), jam_notes(jam));
    let transport = Transport::start(0.0);
    // The live player's ticks, simulated: the same windows, so the same code decides every start.
    let mut position = 0.0;
    while position <= seconds {
        engine.top_up(&buses, position, LOOKAHEAD, &transport)?;
        position += f64::from(TICK_MS) / 1000.0;
    }
    let buffer: AudioBuffer = JsFuture::from(ctx.start_rendering()?).await?.dyn_into()?;
    Ok((buffer.get_channel_data(0)?, buffer.get_channel_data(1)?))
}

/// The jam as a 16-bit PCM WAV file at 44.1 kHz.
pub async fn wav(jam: &Jam) -> Result<Vec<u8>, JsValue> {
    let (left, right) = render(jam, 44_100.0).await?;
    Ok(microjam_engine::wav::encode(&left, &right, 44_100))
}
