//! The stage's live mode: the engine plays the recorded layers of a jam (none for a solo take, the
//! parent jam's for a reply) plus one live layer of the performer's instrument, and every touch on
//! the stage goes to the processor at once (one message per pointer event, no batching), where the
//! engine plays it at the start of the next 128-frame quantum. Same context, same node as playback.

use super::engine::{context_in_gesture, load};
use super::live::{stop, PLAYER};
use super::worklet;
use super::EngineError;
use crate::chain::Jam;
use crate::instrument::Sound;
use crate::score::Score;
use crate::touches::Touch;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

/// The engine has loaded on this page.
pub fn engine_ready() -> bool {
    PLAYER.with_borrow(|player| player.engine.is_some())
}

/// Makes or resumes the audio context now (call it in the gesture: a press, a touch, a key), and
/// loads the engine if it has not loaded; `done` hears when it is ready, or why it cannot be.
pub fn warm_up(done: impl FnOnce(Result<(), EngineError>) + 'static) {
    let context = match context_in_gesture() {
        Ok(context) => context,
        Err(e) => return done(Err(EngineError::start(&e))),
    };
    if engine_ready() {
        return done(Ok(()));
    }
    PLAYER.with_borrow_mut(|player| player.ready.push(Box::new(done)));
    load(context);
}

/// Resumes the audio context (a touch's release is a user activation where its press is not).
pub fn resume() {
    PLAYER.with_borrow(|player| {
        if let Some(context) = &player.context {
            let _ = context.resume();
        }
    });
}

fn set(target: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(target, &key.into(), &value.into());
}

/// Starts the live jam at once: `backing`'s layers from their time 0 and a live layer of `sound`
/// (seeded as its take will be when played back). Stops whatever else plays.
pub fn start(backing: Option<&Jam>, sound: Sound, seed: u32) -> Result<(), EngineError> {
    stop();
    let _ = context_in_gesture();
    let message = match backing {
        Some(jam) => worklet::play(&Score::of(jam), 0, 0.0),
        None => {
            let message = worklet::command("live", 0.0);
            set(&message, "layers", Array::new());
            message
        }
    };
    set(&message, "type", "live");
    set(&message, "instrument", sound.index());
    set(&message, "seed", seed);
    PLAYER.with_borrow_mut(|player| {
        let engine = player.engine.as_ref().ok_or(EngineError::NotConfigured)?;
        worklet::post(&engine.node, &message)?;
        player.live = true;
        Ok(())
    })
}

/// Plays `touch` on the live layer now; `stamp` is its event's time stamp (for the latency
/// benchmark, which the processor reports against when asked).
pub fn touch(touch: &Touch, stamp: f64) {
    PLAYER.with_borrow(|player| {
        let Some(engine) = player.engine.as_ref().filter(|_| player.live) else {
            return;
        };
        let message = worklet::command("touch", 0.0);
        set(&message, "x", touch.x);
        set(&message, "y", touch.y);
        set(&message, "z", touch.z);
        set(&message, "moving", touch.moving);
        set(&message, "stamp", stamp);
        let _ = worklet::post(&engine.node, &message);
    });
}

/// Ends the live jam `after` seconds from now (its last notes ring out meanwhile).
pub fn finish(after: f64) {
    PLAYER.with_borrow_mut(|player| {
        if !std::mem::take(&mut player.live) {
            return;
        }
        if let (Some(context), Some(engine)) = (&player.context, &player.engine) {
            let at = context.current_time() + after;
            let _ = worklet::post(&engine.node, &worklet::command("pause", at));
        }
    });
}

/// A short preview of `sound`: one touch in the middle of the stage, ringing for a second.
pub fn preview(sound: Sound) {
    if start(None, sound, 1).is_ok() {
        let middle = Touch {
            time: 0.0,
            x: 0.5,
            y: 0.5,
            z: crate::take::DEFAULT_RADIUS,
            moving: false,
        };
        touch(&middle, 0.0);
        finish(1.0);
    }
}
