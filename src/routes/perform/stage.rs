//! The stage: a square played by pointer (touch, mouse or pen; one pointer at a time) or keyboard.
//! Every touch goes to the sound engine at once, in the handler of its event, and is drawn as the
//! app draws (dots for taps, lines for drags). The first touch starts the take (and, for a reply,
//! the jam beneath it from time 0); it stops five seconds later or on Stop.

use super::{ink, Perform, Phase};
use crate::colour::DEFAULT_BACKGROUND;
use crate::cursor::{action, KeyAction};
use crate::instrument::Instrument;
use crate::kept;
use crate::player::stage as live;
use crate::take::{PointerKind, PointerSample, Recorder, TakeState, TAKE_SECONDS};
use crate::touches::Touch;
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;
use web_sys::{KeyboardEvent, PointerEvent};

/// What the stage keeps between events.
#[derive(Default)]
struct Hand {
    recorder: Recorder,
    take_id: String,
    /// A take is under way and not yet handed to the page (the recorder may have ended it itself).
    open: bool,
    /// The pointer playing (one at a time), and whether a key is holding a touch down.
    pointer: Option<i32>,
    key_down: bool,
    /// The last point drawn (device px), where a drag continues from.
    pen: Option<(f64, f64)>,
    ticker: Option<IntervalHandle>,
    /// The last whole second announced in the countdown.
    announced: u32,
}

/// A number field of an event as the browser has it (web-sys rounds some to whole pixels).
fn field(ev: &PointerEvent, name: &str) -> f64 {
    js_sys::Reflect::get(ev, &name.into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

#[component]
pub fn Stage() -> impl IntoView {
    let perform = expect_context::<Perform>();
    let stage = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    let hand = StoredValue::new_local(Hand::default());
    let cursor = RwSignal::new((0.5, 0.5));
    let left = RwSignal::new(TAKE_SECONDS);

    let clear = move || {
        if let Some(c) = canvas.get_untracked() {
            ink::clear(&c);
        }
        hand.update_value(|h| h.pen = None);
    };
    let draw = move |touch: &Touch| {
        let Some(c) = canvas.get_untracked() else { return };
        let pen = ink::touch(
            &c,
            touch,
            hand.with_value(|h| h.pen),
            &perform.colour.get_untracked().css(),
        );
        hand.update_value(|h| h.pen = Some(pen));
    };

    let finish = move || {
        let Some(rows) = hand.try_update_value(|h| {
            if let Some(ticker) = h.ticker.take() {
                ticker.clear();
            }
            h.recorder.finish();
            std::mem::take(&mut h.open).then(|| (h.recorder.rows().to_vec(), h.take_id.clone()))
        }) else {
            return;
        };
        let Some((rows, id)) = rows else { return };
        live::finish(0.6);
        let who = kept::Performer {
            name: perform.name.get_untracked(),
            instrument: Instrument::from_name(&perform.instrument.get_untracked()),
            colour: perform.colour.get_untracked(),
        };
        let reply_to = perform
            .backing
            .with_untracked(|b| b.as_ref().map(|j| j.leaf().id.clone()));
        let now = js_sys::Date::now();
        let take = kept::take(&id, &who, reply_to.as_deref(), &rows, now);
        perform.announce.set(format!(
            "Recording stopped: {}. Play it back, record again or keep it.",
            crate::wording::plural(rows.len(), "touch", "touches")
        ));
        perform.take.set(Some(Arc::new(take)));
        perform.phase.set(Phase::Done);
        // Stop goes away as the take ends: keyboard focus moves on to the take, not to the page.
        request_animation_frame(|| {
            let document = web_sys::window().and_then(|w| w.document());
            let lost = document
                .as_ref()
                .and_then(|d| d.active_element())
                .is_none_or(|e| e.tag_name() == "BODY");
            let heading = document.and_then(|d| d.get_element_by_id("take-heading"));
            if let Some(heading) = heading.filter(|_| lost) {
                let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(heading).focus();
            }
        });
    };

    let tick = move || {
        // None once the recorder has ended the take itself: hand it over (finish does that once).
        let Some(remaining) = hand.with_value(|h| h.recorder.remaining(now_ms())) else {
            return finish();
        };
        left.set(remaining);
        let whole = remaining.ceil() as u32;
        if remaining <= 0.0 {
            finish();
        } else if matches!(whole, 3 | 1) && hand.with_value(|h| h.announced != whole) {
            hand.update_value(|h| h.announced = whole);
            perform.announce.set(format!(
                "{} left",
                crate::wording::plural(whole as usize, "second", "seconds")
            ));
        }
    };

    // The first touch of a take: the live jam starts with it.
    let begin = move || -> bool {
        if perform.backing_loading.get_untracked() {
            perform
                .announce
                .set("Wait a moment: the jam you're answering is still loading.".into());
            return false;
        }
        let id = kept::new_id(js_sys::Date::now(), js_sys::Math::random());
        let backing = perform.backing.get_untracked();
        let sound = perform
            .instrument
            .with_untracked(|name| Instrument::from_name(name).sound());
        if let Err(error) = live::start(backing.as_ref(), sound, crate::score::seed(&id)) {
            perform.engine_error.set(Some(error));
            return false;
        }
        let ticker = set_interval_with_handle(tick, Duration::from_millis(100)).ok();
        hand.update_value(|h| {
            h.recorder = Recorder::default();
            h.take_id = id;
            h.open = true;
            h.ticker = ticker;
            h.announced = 0;
        });
        left.set(TAKE_SECONDS);
        perform.phase.set(Phase::Recording);
        perform.announce.set("Recording: 5 seconds.".into());
        true
    };

    // One event on the stage, at (x, y) CSS px from its corner.
    let play = move |kind: PointerKind, x: f64, y: f64, size: (f64, f64), stamp: f64| {
        match perform.phase.get_untracked() {
            Phase::Idle if kind == PointerKind::Down => return perform.warm_up(|| ()),
            Phase::Ready if kind == PointerKind::Down => {
                if !begin() {
                    return;
                }
            }
            Phase::Recording => {}
            _ => return,
        }
        let Some(side) = stage.get_untracked().map(|s| s.get_bounding_client_rect().width()) else {
            return;
        };
        let sample = PointerSample {
            kind,
            time_ms: stamp,
            x_px: x,
            y_px: y,
            side_px: side,
            width: size.0,
            height: size.1,
        };
        match hand.try_update_value(|h| h.recorder.sample(sample)).flatten() {
            Some(touch) => {
                live::touch(&touch, stamp);
                draw(&touch);
            }
            None if hand.with_value(|h| h.recorder.state() == TakeState::Done) => finish(),
            None => {}
        }
    };

    let at = move |ev: &PointerEvent| {
        let rect = stage.get_untracked().map(|s| s.get_bounding_client_rect());
        let (left, top) = rect.map_or((0.0, 0.0), |r| (r.left(), r.top()));
        (field(ev, "clientX") - left, field(ev, "clientY") - top)
    };
    let down = move |ev: PointerEvent| {
        if hand.with_value(|h| h.pointer.is_some()) {
            return;
        }
        ev.prevent_default();
        if let Some(s) = stage.get_untracked() {
            let _ = s.set_pointer_capture(ev.pointer_id());
            // Keyboard focus follows the finger, without scrolling the stage under it.
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = s.focus_with_options(&options);
        }
        hand.update_value(|h| h.pointer = Some(ev.pointer_id()));
        let (x, y) = at(&ev);
        play(
            PointerKind::Down,
            x,
            y,
            (field(&ev, "width"), field(&ev, "height")),
            ev.time_stamp(),
        );
    };
    let moved = move |ev: PointerEvent| {
        if hand.with_value(|h| h.pointer == Some(ev.pointer_id())) {
            let (x, y) = at(&ev);
            play(
                PointerKind::Move,
                x,
                y,
                (field(&ev, "width"), field(&ev, "height")),
                ev.time_stamp(),
            );
        }
    };
    let up = move |ev: PointerEvent| {
        if hand.with_value(|h| h.pointer == Some(ev.pointer_id())) {
            hand.update_value(|h| h.pointer = None);
            live::resume();
            play(PointerKind::Up, 0.0, 0.0, (0.0, 0.0), ev.time_stamp());
        }
    };

    let key = move |ev: KeyboardEvent, pressed: bool| {
        let side = stage
            .get_untracked()
            .map_or(1.0, |s| s.get_bounding_client_rect().width());
        let point = move |(x, y): (f64, f64)| (x * side, y * side);
        match action(&ev.key(), pressed, ev.shift_key(), cursor.get_untracked()) {
            KeyAction::None => return,
            KeyAction::Move(x, y) => {
                cursor.set((x, y));
                if hand.with_value(|h| h.key_down) {
                    let (x, y) = point((x, y));
                    play(PointerKind::Move, x, y, (0.0, 0.0), ev.time_stamp());
                }
            }
            KeyAction::Press if !ev.repeat() => {
                hand.update_value(|h| h.key_down = true);
                let (x, y) = point(cursor.get_untracked());
                play(PointerKind::Down, x, y, (0.0, 0.0), ev.time_stamp());
            }
            KeyAction::Press => {}
            KeyAction::Release => {
                hand.update_value(|h| h.key_down = false);
                play(PointerKind::Up, 0.0, 0.0, (0.0, 0.0), ev.time_stamp());
            }
        }
        ev.prevent_default();
    };

    // A fresh stage for each take.
    Effect::new(move |_| {
        if matches!(perform.phase.get(), Phase::Ready | Phase::Idle) {
            clear();
        }
    });
    on_cleanup(move || {
        if let Some(Some(ticker)) = hand.try_update_value(|h| h.ticker.take()) {
            ticker.clear();
        }
    });

    let status = move || match perform.phase.get() {
        Phase::Idle => "Touch the stage to start the sound.".to_owned(),
        Phase::Loading => "Loading the sound engine…".to_owned(),
        Phase::Ready if perform.backing_loading.get() => "Loading the jam you're answering…".to_owned(),
        Phase::Ready => "Ready: your first touch starts a 5-second take.".to_owned(),
        Phase::Recording => format!("Recording: {:.1} s left", left.get()),
        Phase::Done => "Take recorded.".to_owned(),
    };
    view! {
        <div class="stage-area">
            <div node_ref=stage class="stage" role="application" tabindex="0"
                style:background-color=DEFAULT_BACKGROUND.css()
                aria-label="Performance stage" aria-describedby="stage-help" aria-roledescription="stage"
                aria-busy=move || (perform.phase.get() == Phase::Loading).to_string()
                class:recording=move || perform.phase.get() == Phase::Recording
                on:pointerdown=down on:pointermove=moved on:pointerup=up on:pointercancel=up
                on:keydown=move |ev| key(ev, true) on:keyup=move |ev| key(ev, false)
                on:contextmenu=|ev| ev.prevent_default()>
                <canvas node_ref=canvas class="stage-canvas" aria-hidden="true"></canvas>
                <span class="stage-cursor" aria-hidden="true"
                    style:left=move || format!("{}%", cursor.get().0 * 100.0)
                    style:top=move || format!("{}%", cursor.get().1 * 100.0)></span>
            </div>
            <div class="stage-status">
                <p aria-hidden="true">{status}</p>
                <Show when=move || perform.phase.get() == Phase::Recording>
                    <button type="button" class="button stop" on:click=move |_| finish()>"Stop"</button>
                </Show>
            </div>
            {move || perform.engine_error.get().map(|error| view! {
                <crate::components::ErrorPanel error on_retry=move || perform.warm_up(|| ()) />
            })}
            <p id="stage-help" class="stage-help">
                "Touch, click or drag on the stage to play; the first touch starts a 5-second take. "
                "Keyboard: arrow keys move the cursor (hold Shift for larger steps), Space or Enter plays a touch, "
                "and holding it while moving drags."
            </p>
        </div>
    }
}
