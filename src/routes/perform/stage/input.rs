//! The stage's input, each event played on the take at once: pointer events (touch, mouse or pen;
//! one pointer at a time) and the keyboard (arrow keys move a cursor, Space or Enter touches, holding
//! it while moving drags).

use super::recording::Recording;
use crate::cursor::{action, KeyAction};
use crate::take::PointerKind;
use leptos::prelude::*;
use web_sys::{KeyboardEvent, PointerEvent};

/// A number field of an event as the browser has it (web-sys rounds some to whole pixels).
fn field(ev: &PointerEvent, name: &str) -> f64 {
    js_sys::Reflect::get(ev, &name.into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

/// Plays a pointer's press or move where it is (in CSS px from the stage's corner), with its size.
fn play_at(rec: Recording, kind: PointerKind, ev: &PointerEvent) {
    let rect = rec.stage.get_untracked().map(|s| s.get_bounding_client_rect());
    let (left, top) = rect.map_or((0.0, 0.0), |r| (r.left(), r.top()));
    let (x, y) = (field(ev, "clientX") - left, field(ev, "clientY") - top);
    let size = (field(ev, "width"), field(ev, "height"));
    rec.play(kind, x, y, size, ev.time_stamp());
}

pub fn down(rec: Recording, ev: PointerEvent) {
    if rec.hand.with_value(|h| h.pointer.is_some()) {
        return;
    }
    ev.prevent_default();
    if let Some(s) = rec.stage.get_untracked() {
        let _ = s.set_pointer_capture(ev.pointer_id());
        // Keyboard focus follows the finger, without scrolling the stage under it.
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = s.focus_with_options(&options);
    }
    rec.hand.update_value(|h| h.pointer = Some(ev.pointer_id()));
    play_at(rec, PointerKind::Down, &ev);
}

pub fn moved(rec: Recording, ev: PointerEvent) {
    if rec.hand.with_value(|h| h.pointer == Some(ev.pointer_id())) {
        play_at(rec, PointerKind::Move, &ev);
    }
}

pub fn up(rec: Recording, ev: PointerEvent) {
    if rec.hand.with_value(|h| h.pointer == Some(ev.pointer_id())) {
        rec.hand.update_value(|h| h.pointer = None);
        crate::player::stage::resume();
        rec.play(PointerKind::Up, 0.0, 0.0, (0.0, 0.0), ev.time_stamp());
    }
}

/// A key pressed or released on the stage; `cursor` is the keyboard's point in the unit square.
pub fn key(rec: Recording, cursor: RwSignal<(f64, f64)>, ev: KeyboardEvent, pressed: bool) {
    let side = rec
        .stage
        .get_untracked()
        .map_or(1.0, |s| s.get_bounding_client_rect().width());
    let point = move |(x, y): (f64, f64)| (x * side, y * side);
    match action(&ev.key(), pressed, ev.shift_key(), cursor.get_untracked()) {
        KeyAction::None => return,
        KeyAction::Move(x, y) => {
            cursor.set((x, y));
            if rec.hand.with_value(|h| h.key_down) {
                let (x, y) = point((x, y));
                rec.play(PointerKind::Move, x, y, (0.0, 0.0), ev.time_stamp());
            }
        }
        KeyAction::Press if !ev.repeat() => {
            rec.hand.update_value(|h| h.key_down = true);
            let (x, y) = point(cursor.get_untracked());
            rec.play(PointerKind::Down, x, y, (0.0, 0.0), ev.time_stamp());
        }
        KeyAction::Press => {}
        KeyAction::Release => {
            rec.hand.update_value(|h| h.key_down = false);
            rec.play(PointerKind::Up, 0.0, 0.0, (0.0, 0.0), ev.time_stamp());
        }
    }
    ev.prevent_default();
}
