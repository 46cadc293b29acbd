//! The live player: one jam at a time on the page's one AudioContext (made or resumed inside the
//! click, as Safari requires) through its one engine node, made when the engine has loaded. Play,
//! pause and resume reach the engine with the context time they take effect at, and the same times
//! move the transport, so the trace and the progress bar (drawn in requestAnimationFrame from the
//! audio clock) stay with the sound. The engine says when a jam has ended.

use super::animation::Animation;
use super::engine::{context_in_gesture, load, Engine, Ready};
use super::worklet::{self, EngineStats};
use super::{EngineError, Playback};
use crate::chain::Jam;
use crate::score::Score;
use crate::transport::Transport;
use futures::channel::oneshot;
use leptos::prelude::*;
use std::cell::RefCell;
use web_sys::{AudioContext, HtmlCanvasElement};

/// How far ahead of the audio clock play, pause and resume are set (s): time for the message to
/// reach the audio thread, so that the engine acts on exactly that frame.
const LEAD: f64 = 0.05;

/// A jam asked to play, and where to animate it.
pub(super) struct Request {
    pub(super) jam: Jam,
    canvas: Option<HtmlCanvasElement>,
    pub(super) signals: Playback,
}

pub(super) struct Session {
    id: String,
    pub(super) run: u64,
    pub(super) transport: Transport,
    length: f64,
    animation: Option<Animation>,
    signals: Playback,
}

#[derive(Default)]
pub(super) struct Player {
    pub(super) context: Option<AudioContext>,
    pub(super) engine: Option<Engine>,
    /// The engine is loading; the jam `waiting` plays when it has.
    pub(super) loading: bool,
    pub(super) waiting: Option<Request>,
    /// Told when the engine has loaded (or could not): the stage, waiting to be played.
    pub(super) ready: Vec<Ready>,
    /// The stage's live jam is sounding (`stage::start`).
    pub(super) live: bool,
    pub(super) session: Option<Session>,
    /// Counts plays: the engine's reports name the play they are about.
    runs: u64,
    /// Which run of the animation clock is current: a frame of an older run (started before a stop,
    /// pause or another play) sees a newer number and ends its loop.
    clock_run: u64,
    pub(super) stats: Vec<oneshot::Sender<EngineStats>>,
    pub(super) error_logged: bool,
}

thread_local! {
    pub(super) static PLAYER: RefCell<Player> = RefCell::new(Player::default());
}

fn reduced_motion() -> bool {
    let query = web_sys::window().and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten());
    query.is_some_and(|q| q.matches())
}

/// Plays `jam` from the top (stopping whatever plays), pauses it if it is playing, or resumes it if
/// paused. `canvas` is the picture to animate.
pub fn toggle(jam: &Jam, canvas: Option<HtmlCanvasElement>, signals: Playback) {
    let id = jam.leaf().id.clone();
    match signals.current.get_untracked() {
        Some((current, false)) if current == id => pause(),
        Some((current, true)) if current == id => resume(),
        _ if signals.loading.get_untracked().as_ref() == Some(&id) => {}
        _ => play(Request {
            jam: jam.clone(),
            canvas,
            signals,
        }),
    }
}

fn play(request: Request) {
    stop();
    let (signals, id) = (request.signals, request.jam.leaf().id.clone());
    signals.failed.set(None);
    let context = match context_in_gesture() {
        Ok(context) => context,
        Err(e) => return fail(signals, id, EngineError::start(&e)),
    };
    if PLAYER.with_borrow(|player| player.engine.is_some()) {
        start(request);
    } else {
        signals.loading.set(Some(id));
        PLAYER.with_borrow_mut(|player| player.waiting = Some(request));
        load(context);
    }
}

pub(super) fn fail(signals: Playback, id: String, error: EngineError) {
    signals.failed.try_set(Some((id, error)));
}

/// Starts playing what `request` asks for (the jam as the engine's message, the animation).
pub(super) fn start(request: Request) {
    let Request { jam, canvas, signals } = request;
    let id = jam.leaf().id.clone();
    let animation = canvas
        .filter(|_| !reduced_motion())
        .map(|c| Animation::new(c, jam.layers.clone()));
    let started = PLAYER.with_borrow_mut(|player| {
        let (Some(context), Some(engine)) = (&player.context, &player.engine) else {
            return Ok(false);
        };
        player.runs += 1;
        let at = context.current_time() + LEAD;
        worklet::post(&engine.node, &worklet::play(&Score::of(&jam), player.runs, at))?;
        player.session = Some(Session {
            id: id.clone(),
            run: player.runs,
            transport: Transport::start(at),
            length: jam.length(),
            animation,
            signals,
        });
        Ok(true)
    });
    match started {
        Ok(true) => {
            signals.progress.set(0.0);
            signals.current.set(Some((id, false)));
            start_clock();
        }
        Ok(false) => {}
        Err(error) => fail(signals, id, error),
    }
}

fn start_clock() {
    let run = PLAYER.with_borrow_mut(|player| {
        player.clock_run += 1;
        player.clock_run
    });
    request_animation_frame(move || frame(run));
}

/// One animation frame of clock run `run`: progress and trace from the audio clock.
fn frame(run: u64) {
    let progress = PLAYER.with_borrow_mut(|player| {
        if player.clock_run != run {
            return None;
        }
        let (Some(context), Some(session)) = (player.context.as_ref(), player.session.as_mut()) else {
            return None;
        };
        let position = session.transport.position(context.current_time());
        if let Some(animation) = session.animation.as_mut() {
            animation.advance(position);
        }
        Some((session.signals, (position / session.length).min(1.0)))
    });
    if let Some((signals, progress)) = progress {
        signals.progress.try_set(progress);
        request_animation_frame(move || frame(run));
    }
}

/// Sends `kind` ("pause" or "resume") to take effect a moment from now, moves the transport the
/// same way, and says whether the jam is now paused.
fn at_once(kind: &str) {
    let changed = PLAYER.with_borrow_mut(|player| {
        let context = player.context.as_ref()?;
        let paused = kind == "pause";
        if !paused {
            let _ = context.resume();
        }
        let at = context.current_time() + LEAD;
        let node = &player.engine.as_ref()?.node;
        let session = player.session.as_mut()?;
        if let Err(e) = worklet::post(node, &worklet::command(kind, at)) {
            web_sys::console::warn_1(&format!("MicroJam: {e}").into());
        }
        if paused {
            session.transport.pause(at);
        } else {
            session.transport.resume(at);
        }
        player.clock_run += 1;
        Some((session.signals, session.id.clone(), paused))
    });
    if let Some((signals, id, paused)) = changed {
        signals.current.set(Some((id, paused)));
        if !paused {
            start_clock();
        }
    }
}

fn pause() {
    at_once("pause");
}

fn resume() {
    at_once("resume");
}

/// Stops whatever plays (or waits for the engine) and puts its picture back as it was.
pub fn stop() {
    let (waiting, session) = PLAYER.with_borrow_mut(|player| {
        player.clock_run += 1;
        let (waiting, session) = (player.waiting.take(), player.session.take());
        let live = std::mem::take(&mut player.live);
        if waiting.is_some() || session.is_some() || live {
            if let Some(engine) = &player.engine {
                let _ = worklet::post(&engine.node, &worklet::command("stop", 0.0));
            }
            // Lets the audio hardware rest between jams (`play` resumes it).
            if let Some(context) = &player.context {
                let _ = context.suspend();
            }
        }
        (waiting, session)
    });
    if let Some(waiting) = waiting {
        waiting.signals.loading.try_set(None);
    }
    if let Some(mut session) = session {
        if let Some(animation) = session.animation.as_mut() {
            animation.reset();
        }
        session.signals.current.try_set(None);
        session.signals.progress.try_set(0.0);
    }
}

/// Stops the jam `id` if it is the one playing or waiting to (when its card or page goes away).
pub fn stop_if_playing(id: &str) {
    let playing = PLAYER.with_borrow(|player| {
        player.session.as_ref().is_some_and(|s| s.id == id)
            || player.waiting.as_ref().is_some_and(|w| w.jam.leaf().id == id)
    });
    if playing {
        stop();
    }
}
