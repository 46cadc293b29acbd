//! A small bar at the bottom of the screen for the jam that plays while its card is out of view:
//! what it is, Pause or Resume, Stop, and its progress, until it ends.

use super::toggle;
use crate::chain::Jam;
use crate::player::{self, Playback};
use leptos::prelude::*;

#[component]
pub fn NowPlaying(jam: Jam) -> impl IntoView {
    let Some(playback) = Playback::get() else {
        return ().into_any();
    };
    let title = crate::wording::jam_title(&jam);
    let paused = move || playback.current.get().is_some_and(|(_, paused)| paused);
    let label = move || {
        if paused() {
            "Resume the playing jam"
        } else {
            "Pause the playing jam"
        }
    };
    view! {
        <div class="now-playing" role="region" aria-label="Now playing">
            <span class="now-playing-title">{title}</span>
            <button type="button" class="button play" aria-label=label title=label
                on:click=move |_| toggle(&jam, NodeRef::new())>
                <span class="play-icon" aria-hidden="true">{move || if paused() { "▶" } else { "❚❚" }}</span>
                <span class="play-text" aria-hidden="true">{move || if paused() { "Resume" } else { "Pause" }}</span>
            </button>
            <button type="button" class="button stop" aria-label="Stop the playing jam" on:click=|_| {
                    // The bar goes with the jam: keep the keyboard in the page, not on its body.
                    player::stop();
                    super::focus_main();
                }>
                <span aria-hidden="true">"■"</span>
            </button>
            <progress class="progress" max="1" value=move || crate::numbers::fixed(playback.progress.get(), 4) aria-label="Playback progress"></progress>
        </div>
    }
    .into_any()
}
