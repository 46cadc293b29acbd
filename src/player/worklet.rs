//! The sound engine in the AudioWorklet: its wasm module, fetched and compiled once (on the first
//! Play or WAV download, never with the page), the processor script (`engine/worklet/processor.js`)
//! added to an audio context, the node that runs it, and the messages it takes and sends.

use super::EngineError;
use crate::score::{Score, TAIL};
use js_sys::{Array, Float32Array, Object, Reflect, WebAssembly};
use std::cell::RefCell;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AudioWorkletNode, AudioWorkletNodeOptions, BaseAudioContext, MessageEvent};

/// The name the processor script registers.
const PROCESSOR: &str = "microjam-engine";
/// The engine's module is larger than an API answer: give a slow connection time for it.
const FETCH_TIMEOUT: Duration = Duration::from_secs(30);

thread_local! {
    /// The module compiled last, and the URL it came from.
    static MODULE: RefCell<Option<(String, WebAssembly::Module)>> = const { RefCell::new(None) };
    /// The module's download, started before the code that compiles it (a chunk) has arrived.
    static DOWNLOAD: RefCell<Option<(String, js_sys::Promise)>> = const { RefCell::new(None) };
}

/// Starts downloading the engine's module now (unless that is under way or done), for `module` to
/// compile as it arrives: the first Play then waits for the module and the code that plays it
/// together, not one after the other. (`first_paint` starts it as soon as a Play is pressed.)
pub fn start_download() {
    let Some((url, _)) = crate::backend::config::engine_files() else {
        return;
    };
    let compiled = MODULE.with_borrow(|kept| kept.as_ref().is_some_and(|(from, _)| *from == url));
    let started = DOWNLOAD.with_borrow(|download| download.as_ref().is_some_and(|(from, _)| *from == url));
    if let (false, false, Some(window)) = (compiled, started, web_sys::window()) {
        DOWNLOAD.set(Some((url.clone(), window.fetch_with_str(&url))));
    }
}

/// The module compiled from the download `start_download` began, if it began one for `url` and it
/// worked (a wrong address or type, or a network failure, leaves it to a fresh request).
async fn downloaded(url: &str) -> Option<WebAssembly::Module> {
    let (from, response) = DOWNLOAD.take()?;
    let compiled = JsFuture::from(WebAssembly::compile_streaming(&response));
    (from == url).then_some(())?;
    compiled.await.ok().map(JsCast::unchecked_into)
}

/// The compiled engine, fetched on first use and kept (a failure is not: the next call tries again;
/// nor is a module from another URL than index.html names now).
pub async fn module() -> Result<WebAssembly::Module, EngineError> {
    let (url, _) = crate::backend::config::engine_files().ok_or(EngineError::NotConfigured)?;
    let kept = MODULE.with_borrow(|kept| kept.as_ref().filter(|(from, _)| *from == url).map(|(_, m)| m.clone()));
    if let Some(module) = kept {
        return Ok(module);
    }
    if let Some(module) = downloaded(&url).await {
        MODULE.set(Some((url, module.clone())));
        return Ok(module);
    }
    let bytes = crate::backend::http::fetch_bytes(&url, FETCH_TIMEOUT)
        .await
        .map_err(EngineError::Fetch)?;
    let bytes: JsValue = js_sys::Uint8Array::from(&bytes[..]).into();
    let compiled = JsFuture::from(WebAssembly::compile(&bytes))
        .await
        .map_err(|e| EngineError::start(&e))?;
    let module: WebAssembly::Module = compiled.unchecked_into();
    MODULE.set(Some((url, module.clone())));
    Ok(module)
}

fn set(target: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(target, &key.into(), &value.into());
}

/// An engine node on `ctx`, playing to its speakers: the processor script is added to the
/// context's AudioWorklet first. With `jam` (a `play` message) it plays that from frame 0: an
/// offline render, which may start before any message could arrive.
pub async fn node(ctx: &BaseAudioContext, jam: Option<&Object>) -> Result<AudioWorkletNode, EngineError> {
    let module = module().await?;
    let (_, script) = crate::backend::config::engine_files().ok_or(EngineError::NotConfigured)?;
    let worklet = ctx
        .audio_worklet()
        .ok()
        .filter(|w| !w.is_undefined())
        .ok_or_else(|| EngineError::Start("no AudioWorklet here (it needs a secure https:// page)".into()))?;
    let added = worklet.add_module(&script).map_err(|e| EngineError::start(&e))?;
    JsFuture::from(added).await.map_err(|e| EngineError::start(&e))?;
    let processor_options = Object::new();
    set(&processor_options, "module", module);
    if let Some(jam) = jam {
        set(&processor_options, "jam", jam);
    }
    let options = AudioWorkletNodeOptions::new();
    options.set_number_of_inputs(0);
    options.set_number_of_outputs(1);
    options.set_output_channel_count(&Array::of1(&2.into()));
    options.set_processor_options(Some(&processor_options));
    let node = AudioWorkletNode::new_with_options(ctx, PROCESSOR, &options).map_err(|e| EngineError::start(&e))?;
    node.connect_with_audio_node(&ctx.destination())
        .map_err(|e| EngineError::start(&e))?;
    Ok(node)
}

/// Play `score` from context time `at`; `run` comes back with what the engine reports about it.
pub fn play(score: &Score, run: u64, at: f64) -> Object {
    let layers = Array::new();
    for part in &score.parts {
        let layer = Object::new();
        set(&layer, "instrument", part.instrument);
        set(&layer, "seed", part.seed);
        set(&layer, "rows", Float32Array::from(&part.rows[..]));
        layers.push(&layer);
    }
    let message = command("play", at);
    set(&message, "run", run as f64);
    set(&message, "length", score.length);
    set(&message, "tail", TAIL);
    set(&message, "layers", layers);
    message
}

/// `pause` or `resume` at context time `at`, or `stop` or `stats` (now).
pub fn command(kind: &str, at: f64) -> Object {
    let message = Object::new();
    set(&message, "type", kind);
    set(&message, "at", at);
    message
}

pub fn post(node: &AudioWorkletNode, message: &Object) -> Result<(), EngineError> {
    let port = node.port().map_err(|e| EngineError::start(&e))?;
    port.post_message(message).map_err(|e| EngineError::start(&e))
}

/// What the processor said.
#[derive(Debug, Clone, PartialEq)]
pub enum Report {
    /// The jam of `run` has sounded and died away.
    Ended {
        run: f64,
    },
    /// A command for `run` arrived `seconds` after its time and took effect at once.
    Late {
        run: f64,
        seconds: f64,
    },
    /// An exception in the processor (it carries on, silent).
    Failed {
        run: f64,
        message: String,
    },
    Stats(EngineStats),
}

/// The processor's own figures (for the benchmark and the tests).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EngineStats {
    /// Processors made in the context's AudioWorklet scope.
    pub instances: u32,
    /// Its wasm instance's linear memory, in bytes.
    pub memory: u32,
    /// Frames of the current jam rendered, at `sample_rate`.
    pub position: u64,
    pub sample_rate: f32,
}

pub fn report(event: &MessageEvent) -> Option<Report> {
    let data = event.data();
    let get = |key: &str| Reflect::get(&data, &key.into()).ok();
    let number = |key: &str| get(key).and_then(|v| v.as_f64()).unwrap_or(f64::NAN);
    match get("type")?.as_string()?.as_str() {
        "ended" => Some(Report::Ended { run: number("run") }),
        "late" => Some(Report::Late {
            run: number("run"),
            seconds: number("seconds"),
        }),
        "error" => Some(Report::Failed {
            run: number("run"),
            message: get("message").and_then(|m| m.as_string()).unwrap_or_default(),
        }),
        "stats" => Some(Report::Stats(EngineStats {
            instances: number("instances") as u32,
            memory: number("memory") as u32,
            position: number("position") as u64,
            sample_rate: number("rate") as f32,
        })),
        _ => None,
    }
}
