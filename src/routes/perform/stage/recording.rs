//! A take being recorded: the first touch starts it (and, for a reply, the jam beneath it from time
//! 0); every touch after it goes to the sound engine at once, is drawn and recorded; it ends five
//! seconds later or on Stop, and the take is handed to the page.

use crate::instrument::Instrument;
use crate::kept;
use crate::player::stage as live;
use crate::routes::perform::{ink, Perform, Phase};
use crate::take::{PointerKind, PointerSample, Recorder, TakeState, TAKE_SECONDS};
use crate::touches::Touch;
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// What the stage keeps between events.
#[derive(Default)]
pub struct Hand {
    recorder: Recorder,
    take_id: String,
    /// A take is under way and not yet handed to the page (the recorder may have ended it itself).
    open: bool,
    /// The pointer playing (one at a time), and whether a key is holding a touch down.
    pub pointer: Option<i32>,
    pub key_down: bool,
    /// The last point drawn (device px), where a drag continues from.
    pen: Option<(f64, f64)>,
    ticker: Option<IntervalHandle>,
    /// The last whole second announced in the countdown.
    announced: u32,
}

/// The stage's state, shared by its event handlers (all handles: `Copy`).
#[derive(Clone, Copy)]
pub struct Recording {
    pub perform: Perform,
    pub stage: NodeRef<Div>,
    pub canvas: NodeRef<Canvas>,
    pub hand: StoredValue<Hand, LocalStorage>,
    /// Seconds left in the take under way.
    pub left: RwSignal<f64>,
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

impl Recording {
    pub fn new(perform: Perform) -> Recording {
        Recording {
            perform,
            stage: NodeRef::new(),
            canvas: NodeRef::new(),
            hand: StoredValue::new_local(Hand::default()),
            left: RwSignal::new(TAKE_SECONDS),
        }
    }

    /// A fresh stage for the next take.
    pub fn clear(self) {
        if let Some(c) = self.canvas.get_untracked() {
            ink::clear(&c);
        }
        self.hand.update_value(|h| h.pen = None);
    }

    fn draw(self, touch: &Touch) {
        let Some(c) = self.canvas.get_untracked() else { return };
        let pen = ink::touch(
            &c,
            touch,
            self.hand.with_value(|h| h.pen),
            &self.perform.colour.get_untracked().css(),
        );
        self.hand.update_value(|h| h.pen = Some(pen));
    }

    /// Ends the take under way (if any) and hands it to the page.
    pub fn finish(self) {
        let perform = self.perform;
        let Some(rows) = self.hand.try_update_value(|h| {
            h.stop_ticker();
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
    }

    /// Every 100 ms of a take: the countdown, and the end.
    fn tick(self) {
        // None once the recorder has ended the take itself: hand it over (finish does that once).
        let Some(remaining) = self.hand.with_value(|h| h.recorder.remaining(now_ms())) else {
            return self.finish();
        };
        self.left.set(remaining);
        let whole = remaining.ceil() as u32;
        if remaining <= 0.0 {
            self.finish();
        } else if matches!(whole, 3 | 1) && self.hand.with_value(|h| h.announced != whole) {
            self.hand.update_value(|h| h.announced = whole);
            self.perform.announce.set(format!(
                "{} left",
                crate::wording::plural(whole as usize, "second", "seconds")
            ));
        }
    }

    /// The first touch of a take: the live jam starts with it.
    fn begin(self) -> bool {
        let perform = self.perform;
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
        let ticker = set_interval_with_handle(move || self.tick(), Duration::from_millis(100)).ok();
        self.hand.update_value(|h| {
            h.recorder = Recorder::default();
            h.take_id = id;
            h.open = true;
            h.ticker = ticker;
            h.announced = 0;
        });
        self.left.set(TAKE_SECONDS);
        perform.phase.set(Phase::Recording);
        perform.announce.set("Recording: 5 seconds.".into());
        true
    }

    /// One event on the stage, at (x, y) CSS px from its corner.
    pub fn play(self, kind: PointerKind, x: f64, y: f64, size: (f64, f64), stamp: f64) {
        let perform = self.perform;
        match perform.phase.get_untracked() {
            Phase::Idle if kind == PointerKind::Down => return perform.warm_up(|| ()),
            Phase::Ready if kind == PointerKind::Down => {
                if !self.begin() {
                    return;
                }
            }
            Phase::Recording => {}
            _ => return,
        }
        let Some(side) = self.stage.get_untracked().map(|s| s.get_bounding_client_rect().width()) else {
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
        match self.hand.try_update_value(|h| h.recorder.sample(sample)).flatten() {
            Some(touch) => {
                live::touch(&touch, stamp);
                self.draw(&touch);
            }
            None if self.hand.with_value(|h| h.recorder.state() == TakeState::Done) => self.finish(),
            None => {}
        }
    }
}

impl Hand {
    /// Stops the countdown's timer, if it runs.
    pub fn stop_ticker(&mut self) {
        if let Some(ticker) = self.ticker.take() {
            ticker.clear();
        }
    }
}
