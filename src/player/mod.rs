//! The live player: one jam at a time on one AudioContext (made on the first press of Play, as
//! browsers require), topped up every 25 ms by the look-ahead scheduler, with the trace animated in
//! requestAnimationFrame from the audio clock so that picture and sound stay together.

mod animation;
mod engine;
mod graph;
pub mod offline;

use crate::audio::notes::{jam_length, jam_notes};
use crate::audio::scheduler::{Transport, LOOKAHEAD, TICK_MS};
use crate::chain::Jam;
use animation::Animation;
use engine::Engine;
use graph::Buses;
use leptos::prelude::*;
use std::cell::RefCell;
use std::time::Duration;
use web_sys::{AudioContext, HtmlCanvasElement};

/// What is playing, for the buttons and progress bars; provided to the whole App.
#[derive(Clone, Copy)]
pub struct Playback {
    /// The id (leaf) of the jam playing or paused, and whether it is paused.
    pub current: RwSignal<Option<(String, bool)>>,
    /// 0–1 through the playing jam.
    pub progress: RwSignal<f64>,
}

impl Playback {
    pub fn provide() {
        provide_context(Playback {
            current: RwSignal::new(None),
            progress: RwSignal::new(0.0),
        });
    }

    pub fn get() -> Option<Playback> {
        use_context::<Playback>()
    }
}

struct Session {
    id: String,
    engine: Engine,
    transport: Transport,
    length: f64,
    animation: Option<Animation>,
    timer: Option<IntervalHandle>,
    signals: Playback,
}

#[derive(Default)]
struct Player {
    context: Option<(AudioContext, Buses)>,
    session: Option<Session>,
    /// Which run of the clock is current: a frame of an older run (started before a stop, pause or
    /// another play) sees a newer number and ends its loop.
    clock_run: u64,
}

thread_local! {
    static PLAYER: RefCell<Player> = RefCell::new(Player::default());
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
        _ => {
            if let Err(e) = play(jam, canvas, signals) {
                web_sys::console::warn_1(&e);
                stop();
            }
        }
    }
}

fn play(jam: &Jam, canvas: Option<HtmlCanvasElement>, signals: Playback) -> Result<(), wasm_bindgen::JsValue> {
    stop();
    let ctx = PLAYER.with_borrow_mut(|player| -> Result<AudioContext, wasm_bindgen::JsValue> {
        if player.context.is_none() {
            let ctx = AudioContext::new()?;
            let buses = Buses::new(&ctx)?;
            player.context = Some((ctx, buses));
        }
        Ok(player.context.as_ref().expect("made above").0.clone())
    })?;
    let _ = ctx.resume();
    let transport = Transport::start(ctx.current_time() + 0.05);
    let mut engine = Engine::new(ctx.clone().into(), jam_notes(jam));
    PLAYER.with_borrow(|player| {
        let buses = &player.context.as_ref().expect("made above").1;
        engine.seek(buses, 0.0, &transport)?;
        engine.top_up(buses, 0.0, LOOKAHEAD, &transport)
    })?;
    let animation = canvas
        .filter(|_| !reduced_motion())
        .map(|c| Animation::new(c, jam.layers.clone()));
    let id = jam.leaf().id.clone();
    PLAYER.with_borrow_mut(|player| {
        player.session = Some(Session {
            id: id.clone(),
            engine,
            transport,
            length: jam_length(jam),
            animation,
            timer: None,
            signals,
        });
    });
    signals.progress.set(0.0);
    signals.current.set(Some((id, false)));
    start_clock();
    Ok(())
}

fn start_clock() {
    let timer = set_interval_with_handle(tick, Duration::from_millis(TICK_MS as u64)).ok();
    let run = PLAYER.with_borrow_mut(|player| {
        player.clock_run += 1;
        if let Some(session) = player.session.as_mut() {
            session.timer = timer;
        }
        player.clock_run
    });
    request_animation_frame(move || frame(run));
}

fn stop_clock(session: &mut Session) {
    if let Some(timer) = session.timer.take() {
        timer.clear();
    }
}

/// Lets the audio hardware rest between jams (`play` resumes it).
fn rest(ctx: &AudioContext) {
    let _ = ctx.suspend();
}

/// Tops the schedule up; ends the session once everything has sounded.
fn tick() {
    let finished = PLAYER.with_borrow_mut(|player| {
        let (Some((ctx, buses)), Some(session)) = (player.context.as_ref(), player.session.as_mut()) else {
            return false;
        };
        if session.transport.is_paused() {
            return false;
        }
        let clock = ctx.current_time();
        let position = session.transport.position(clock);
        if let Err(e) = session.engine.top_up(buses, position, LOOKAHEAD, &session.transport) {
            web_sys::console::warn_1(&e);
        }
        session.engine.sweep(clock);
        position >= session.length && session.engine.is_finished(clock)
    });
    if finished {
        stop();
    }
}

/// One animation frame of clock run `run`: progress and trace from the audio clock.
fn frame(run: u64) {
    let progress = PLAYER.with_borrow_mut(|player| {
        if player.clock_run != run {
            return None;
        }
        let (Some((ctx, _)), Some(session)) = (player.context.as_ref(), player.session.as_mut()) else {
            return None;
        };
        if session.transport.is_paused() {
            return None;
        }
        let position = session.transport.position(ctx.current_time());
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

fn pause() {
    let signals = PLAYER.with_borrow_mut(|player| {
        let (ctx, _) = player.context.as_ref()?;
        let session = player.session.as_mut()?;
        session.transport.pause(ctx.current_time());
        session.engine.silence();
        stop_clock(session);
        Some((session.signals, session.id.clone()))
    });
    if let Some((signals, id)) = signals {
        signals.current.set(Some((id, true)));
    }
}

fn resume() {
    let signals = PLAYER.with_borrow_mut(|player| {
        let (ctx, buses) = player.context.as_ref()?;
        let _ = ctx.resume();
        let session = player.session.as_mut()?;
        let position = session.transport.position(ctx.current_time());
        session.transport.resume(ctx.current_time() + 0.05);
        if let Err(e) = session.engine.seek(buses, position, &session.transport) {
            web_sys::console::warn_1(&e);
        }
        Some((session.signals, session.id.clone()))
    });
    if let Some((signals, id)) = signals {
        signals.current.set(Some((id, false)));
        start_clock();
    }
}

/// Stops whatever plays and puts its picture back as it was.
pub fn stop() {
    let ended = PLAYER.with_borrow_mut(|player| {
        player.clock_run += 1;
        let mut session = player.session.take()?;
        if let Some((ctx, _)) = player.context.as_ref() {
            rest(ctx);
        }
        stop_clock(&mut session);
        session.engine.silence();
        if let Some(animation) = session.animation.as_mut() {
            animation.reset();
        }
        Some(session.signals)
    });
    if let Some(signals) = ended {
        signals.current.try_set(None);
        signals.progress.try_set(0.0);
    }
}

/// Stops the jam `id` if it is the one playing (when its card or page goes away).
pub fn stop_if_playing(id: &str) {
    if PLAYER.with_borrow(|player| player.session.as_ref().is_some_and(|s| s.id == id)) {
        stop();
    }
}

/// Audio nodes alive: the shared buses plus every voice not yet released (for the benchmark).
pub fn live_nodes() -> usize {
    PLAYER.with_borrow(|player| {
        player.context.as_ref().map_or(0, |(_, buses)| buses.nodes)
            + player.session.as_ref().map_or(0, |s| s.engine.live_nodes())
    })
}
