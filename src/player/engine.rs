//! The page's one AudioContext and the engine on it: the context is made or resumed inside a click
//! or touch (as Safari requires), and the engine's module is fetched, compiled and made into the one
//! engine node once, on the first Play or press of the stage; whoever waited is then told.

use super::live::{fail, start, PLAYER};
use super::worklet;
use super::EngineError;
use leptos::prelude::Set;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;
use web_sys::{AudioContext, AudioWorkletNode, MessageEvent};

/// The engine node, and the handler of what it reports (kept as long as the node).
pub(super) struct Engine {
    pub(super) node: AudioWorkletNode,
    pub(super) _reports: Closure<dyn FnMut(MessageEvent)>,
}

/// Someone waiting for the engine to load, told how it went.
pub(super) type Ready = Box<dyn FnOnce(Result<(), EngineError>)>;

/// The page's one AudioContext (interactive latency, the default), made or resumed now. Safari's
/// rule: this happens in the click or touch itself, before anything is awaited.
pub(super) fn context_in_gesture() -> Result<AudioContext, JsValue> {
    let context = PLAYER.with_borrow_mut(|player| -> Result<AudioContext, JsValue> {
        let context = match &player.context {
            Some(context) => context.clone(),
            None => AudioContext::new()?,
        };
        player.context = Some(context.clone());
        Ok(context)
    })?;
    let _ = context.resume();
    Ok(context)
}

/// Fetches the engine, compiles it and makes its node. (It is part of the App's chunk: a chunk of
/// its own would cost the first Play one more round trip, and the first load does not hold the App.)
async fn make(context: &AudioContext) -> Result<(), EngineError> {
    let node = worklet::node(context.as_ref(), None).await?;
    super::reports::install(node)
}

/// Loads the engine onto `context` (once); then the jam asked for last plays, and whoever waits in
/// `ready` hears how it went.
pub(super) fn load(context: AudioContext) {
    if PLAYER.with_borrow_mut(|player| std::mem::replace(&mut player.loading, true)) {
        return;
    }
    worklet::start_download();
    leptos::task::spawn_local(async move {
        let made = make(&context).await;
        let (waiting, ready) = PLAYER.with_borrow_mut(|player| {
            player.loading = false;
            (player.waiting.take(), std::mem::take(&mut player.ready))
        });
        for done in ready {
            done(made.clone());
        }
        let Some(request) = waiting else { return };
        request.signals.loading.try_set(None);
        match made {
            Ok(()) => start(request),
            Err(error) => {
                let _ = context.suspend();
                fail(request.signals, request.jam.leaf().id.clone(), error);
            }
        }
    });
}
