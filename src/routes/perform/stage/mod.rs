//! The stage: a square played by pointer (touch, mouse or pen; one pointer at a time) or keyboard.
//! Every touch goes to the sound engine at once, in the handler of its event (`input.rs`), and is
//! drawn as the app draws (dots for taps, lines for drags). The first touch starts the take
//! (`recording.rs`; for a reply, the jam beneath it from time 0); it stops five seconds later or on
//! Stop.

mod input;
mod recording;

use super::{Perform, Phase};
use crate::colour::DEFAULT_BACKGROUND;
use leptos::prelude::*;
use recording::Recording;

#[component]
pub fn Stage() -> impl IntoView {
    let perform = expect_context::<Perform>();
    let rec = Recording::new(perform);
    let (stage, canvas, left) = (rec.stage, rec.canvas, rec.left);
    let cursor = RwSignal::new((0.5, 0.5));

    // A fresh stage for each take.
    Effect::new(move |_| {
        if matches!(perform.phase.get(), Phase::Ready | Phase::Idle) {
            rec.clear();
        }
    });
    on_cleanup(move || {
        rec.hand.try_update_value(|h| h.stop_ticker());
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
                on:pointerdown=move |ev| input::down(rec, ev) on:pointermove=move |ev| input::moved(rec, ev)
                on:pointerup=move |ev| input::up(rec, ev) on:pointercancel=move |ev| input::up(rec, ev)
                on:keydown=move |ev| input::key(rec, cursor, ev, true)
                on:keyup=move |ev| input::key(rec, cursor, ev, false)
                on:contextmenu=|ev| ev.prevent_default()>
                <canvas node_ref=canvas class="stage-canvas" aria-hidden="true"></canvas>
                <span class="stage-cursor" aria-hidden="true"
                    style:left=move || format!("{}%", cursor.get().0 * 100.0)
                    style:top=move || format!("{}%", cursor.get().1 * 100.0)></span>
            </div>
            <div class="stage-status">
                <p aria-hidden="true">{status}</p>
                <Show when=move || perform.phase.get() == Phase::Recording>
                    <button type="button" class="button stop" on:click=move |_| rec.finish()>"Stop"</button>
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
