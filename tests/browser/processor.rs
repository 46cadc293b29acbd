//! The processor script on its own (engine/worklet/processor.js), driven by messages as the player
//! drives it, in an OfflineAudioContext paused part-way: an exception is reported and silences it
//! without killing it, and the next jam it is sent starts on the exact frame asked for.

use crate::{server, sleep, use_engine};
use js_sys::{Array, Float32Array, Object, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{AudioBuffer, AudioWorkletNode, AudioWorkletNodeOptions, MessageEvent, OfflineAudioContext};

const RATE: f32 = 44_100.0;

fn object(pairs: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        Reflect::set(&object, &(*key).into(), value).unwrap();
    }
    object
}

/// A play message: one drum hit (a kick, bottom-left) 0.1 s into a jam that starts at context time `at`.
fn kick_at(at: f64) -> Object {
    let rows = Float32Array::from(&[0.1_f32, 0.2, 0.8, 25.0, 0.0][..]);
    let layer = object(&[("instrument", 2.into()), ("seed", 1.into()), ("rows", rows.into())]);
    object(&[
        ("type", "play".into()),
        ("run", 7.into()),
        ("at", at.into()),
        ("length", 5.0.into()),
        ("tail", 3.0.into()),
        ("layers", Array::of1(&layer).into()),
    ])
}

/// An offline context of `seconds` with the test server's engine processor added, and the engine's
/// module compiled (for the nodes' processorOptions).
async fn engine_context(seconds: f32) -> (OfflineAudioContext, JsValue) {
    use_engine();
    let bytes = microjam_web::backend::http::fetch_bytes(
        &format!("{}/engine-build/microjam-engine.wasm", server()),
        std::time::Duration::from_secs(10),
    )
    .await
    .unwrap();
    let module = JsFuture::from(js_sys::WebAssembly::compile(
        &js_sys::Uint8Array::from(&bytes[..]).into(),
    ))
    .await
    .unwrap();
    let frames = (RATE * seconds) as u32;
    let ctx = OfflineAudioContext::new_with_number_of_channels_and_length_and_sample_rate(2, frames, RATE).unwrap();
    let script = format!("{}/engine-build/microjam-engine-processor.js", server());
    JsFuture::from(ctx.audio_worklet().unwrap().add_module(&script).unwrap())
        .await
        .unwrap();
    (ctx, module)
}

/// Starts rendering `ctx` and returns once it has paused at `seconds` (OfflineAudioContext.suspend,
/// which web-sys does not bind), with the promise of the whole render.
async fn render_until_paused(ctx: &OfflineAudioContext, seconds: f64) -> js_sys::Promise {
    let suspend: js_sys::Function = Reflect::get(ctx, &"suspend".into()).unwrap().unchecked_into();
    let paused: js_sys::Promise = suspend.call1(ctx, &seconds.into()).unwrap().unchecked_into();
    let rendered = ctx.start_rendering().unwrap();
    JsFuture::from(paused).await.unwrap();
    rendered
}

#[wasm_bindgen_test]
async fn an_exception_is_reported_and_silenced_and_the_next_jam_plays_on_its_frame() {
    let (ctx, module) = engine_context(2.0).await;
    // A jam whose layers are not a list: the constructor's play throws.
    let broken = object(&[("type", "play".into()), ("layers", 7.into()), ("length", 5.0.into())]);
    let options = AudioWorkletNodeOptions::new();
    options.set_number_of_inputs(0);
    options.set_output_channel_count(&Array::of1(&2.into()));
    options.set_processor_options(Some(&object(&[("module", module), ("jam", broken.into())])));
    let node = AudioWorkletNode::new_with_options(&ctx, "microjam-engine", &options).unwrap();
    node.connect_with_audio_node(&ctx.destination()).unwrap();
    let reports = Rc::new(RefCell::new(Vec::<String>::new()));
    let on_message = {
        let reports = reports.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let kind = Reflect::get(&event.data(), &"type".into()).unwrap();
            reports.borrow_mut().push(kind.as_string().unwrap_or_default());
        })
    };
    let port = node.port().unwrap();
    port.set_onmessage(Some(on_message.as_ref().unchecked_ref()));

    let rendered = render_until_paused(&ctx, 0.5).await;
    port.post_message(&kick_at(1.0)).unwrap();
    sleep(200).await;
    JsFuture::from(ctx.resume().unwrap()).await.unwrap();
    let buffer: AudioBuffer = JsFuture::from(rendered).await.unwrap().unchecked_into();
    sleep(100).await;
    assert_eq!(
        reports.borrow().first().map(String::as_str),
        Some("error"),
        "{:?}",
        reports.borrow()
    );

    let left = buffer.get_channel_data(0).unwrap();
    let first = left
        .iter()
        .position(|s| s.abs() > 0.003)
        .expect("the second jam sounds");
    let expected = (1.1 * f64::from(RATE)).round() as usize;
    assert!(
        left[..RATE as usize].iter().all(|s| *s == 0.0),
        "silence after the exception until the next jam starts"
    );
    assert!(
        first.abs_diff(expected) <= (RATE / 1000.0) as usize,
        "the kick at frame {first}, asked for {expected}"
    );
    assert!(left.iter().all(|s| s.is_finite() && s.abs() <= 1.0));
}

#[wasm_bindgen_test]
async fn a_live_touch_sounds_at_the_start_of_the_next_quantum_and_reports_that_frame() {
    let (ctx, module) = engine_context(1.0).await;
    let options = AudioWorkletNodeOptions::new();
    options.set_number_of_inputs(0);
    options.set_output_channel_count(&Array::of1(&2.into()));
    options.set_processor_options(Some(&object(&[("module", module)])));
    let node = AudioWorkletNode::new_with_options(&ctx, "microjam-engine", &options).unwrap();
    node.connect_with_audio_node(&ctx.destination()).unwrap();
    let frames = Rc::new(RefCell::new(Vec::<f64>::new()));
    let on_message = {
        let frames = frames.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            if Reflect::get(&data, &"type".into()).unwrap().as_string().as_deref() == Some("touched") {
                assert_eq!(Reflect::get(&data, &"stamp".into()).unwrap().as_f64(), Some(42.0));
                frames
                    .borrow_mut()
                    .push(Reflect::get(&data, &"frame".into()).unwrap().as_f64().unwrap());
            }
        })
    };
    let port = node.port().unwrap();
    port.set_onmessage(Some(on_message.as_ref().unchecked_ref()));

    let rendered = render_until_paused(&ctx, 0.5).await;
    // A solo take of drums: the live jam, then a kick (bottom-left) at once.
    port.post_message(&object(&[("type", "report-touches".into()), ("on", true.into())]))
        .unwrap();
    port.post_message(&object(&[
        ("type", "live".into()),
        ("run", 1.into()),
        ("instrument", 2.into()),
        ("seed", 1.into()),
        ("layers", Array::new().into()),
    ]))
    .unwrap();
    port.post_message(&object(&[
        ("type", "touch".into()),
        ("x", 0.2.into()),
        ("y", 0.8.into()),
        ("z", 25.0.into()),
        ("moving", false.into()),
        ("stamp", 42.0.into()),
    ]))
    .unwrap();
    sleep(200).await;
    JsFuture::from(ctx.resume().unwrap()).await.unwrap();
    let buffer: AudioBuffer = JsFuture::from(rendered).await.unwrap().unchecked_into();
    sleep(100).await;

    let reported = frames.borrow().clone();
    assert_eq!(reported.len(), 1, "one report for one touch: {reported:?}");
    let at = reported[0] as usize;
    let half = (0.5 * RATE) as usize;
    assert!(
        at.is_multiple_of(128) && at.abs_diff(half) <= 128,
        "applied at the quantum {at}, by 0.5 s"
    );
    let left = buffer.get_channel_data(0).unwrap();
    assert!(left[..at].iter().all(|s| *s == 0.0), "nothing before the touch");
    let first = left.iter().position(|s| s.abs() > 0.003).expect("the touch sounds");
    assert!(
        first >= at && first < at + 128,
        "it sounds in its quantum: {first} for {at}"
    );
    assert!(left.iter().all(|s| s.is_finite() && s.abs() <= 1.0));
}
