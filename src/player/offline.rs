//! Rendering a whole jam offline for "Download WAV": a fresh engine node on an OfflineAudioContext,
//! given the jam in its options, runs the same processor and module as live playback, so what you
//! download is what you hear.

use super::{worklet, EngineError};
use crate::chain::Jam;
use crate::score::{Score, TAIL};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AudioBuffer, MessageEvent, OfflineAudioContext};

/// The jam's stereo mix at `sample_rate`, `length + TAIL` seconds of it: (left, right).
pub async fn render(jam: &Jam, sample_rate: f32) -> Result<(Vec<f32>, Vec<f32>), EngineError> {
    let score = Score::of(jam);
    let frames = ((score.length + TAIL) * f64::from(sample_rate)).ceil() as u32;
    let ctx = OfflineAudioContext::new_with_number_of_channels_and_length_and_sample_rate(2, frames, sample_rate)
        .map_err(|e| EngineError::start(&e))?;
    let node = worklet::node(ctx.as_ref(), Some(&worklet::play(&score, 0, 0.0))).await?;
    // The processor carries on after an exception, silent: say so rather than hand out a broken file.
    let failed = std::rc::Rc::new(std::cell::RefCell::new(None));
    let reports = {
        let failed = failed.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(worklet::Report::Failed { message, .. }) = worklet::report(&event) {
                failed.replace(Some(message));
            }
        })
    };
    let port = node.port().map_err(|e| EngineError::start(&e))?;
    port.set_onmessage(Some(reports.as_ref().unchecked_ref()));
    let rendered = ctx.start_rendering().map_err(|e| EngineError::start(&e))?;
    let buffer: AudioBuffer = JsFuture::from(rendered)
        .await
        .map_err(|e| EngineError::start(&e))?
        .unchecked_into();
    port.set_onmessage(None);
    if let Some(message) = failed.take() {
        return Err(EngineError::Start(message));
    }
    let channel = |n| buffer.get_channel_data(n).map_err(|e| EngineError::start(&e));
    Ok((channel(0)?, channel(1)?))
}

/// The jam as a 16-bit PCM stereo WAV file at 44.1 kHz.
pub async fn wav(jam: &Jam) -> Result<Vec<u8>, EngineError> {
    let (left, right) = render(jam, 44_100.0).await?;
    Ok(microjam_engine::wav::encode(&left, &right, 44_100))
}
