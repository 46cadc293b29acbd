//! Play, pause and stop for a jam, with its progress; Space on a focused card toggles it too.

use crate::chain::Jam;
use crate::player::{self, Playback};
use leptos::html::Canvas;
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum State {
    Stopped,
    Playing,
    Paused,
}

fn state_of(playback: Playback, id: &str) -> State {
    match playback.current.get() {
        Some((current, paused)) if current == id => {
            if paused {
                State::Paused
            } else {
                State::Playing
            }
        }
        _ => State::Stopped,
    }
}

/// Plays (or pauses, or resumes) `jam`, animating `canvas`.
pub fn toggle(jam: &Jam, canvas: NodeRef<Canvas>) {
    if let Some(playback) = Playback::get() {
        player::toggle(jam, canvas.get_untracked(), playback);
    }
}

#[component]
pub fn PlayButton(jam: Jam, canvas: NodeRef<Canvas>) -> impl IntoView {
    let Some(playback) = Playback::get() else {
        return ().into_any();
    };
    let id = jam.leaf().id.clone();
    let performer = jam.leaf().performer.clone();
    let state = {
        let id = id.clone();
        Memo::new(move |_| state_of(playback, &id))
    };
    {
        let id = id.clone();
        on_cleanup(move || player::stop_if_playing(&id));
    }
    let label = move || match state.get() {
        State::Stopped => format!("Play jam by {performer}"),
        State::Playing => "Pause".to_owned(),
        State::Paused => "Resume".to_owned(),
    };
    let jam_for_click = jam.clone();
    let play_button = NodeRef::<leptos::html::Button>::new();
    // Stop removes itself: keyboard focus goes back to Play rather than to the page.
    let stop = move |_| {
        player::stop();
        if let Some(button) = play_button.get_untracked() {
            let _ = button.focus();
        }
    };
    view! {
        <div class="player">
            <button node_ref=play_button type="button" class="button play" aria-label=label.clone() title=label
                on:click=move |_| toggle(&jam_for_click, canvas)>
                <span class="play-icon" aria-hidden="true">
                    {move || if state.get() == State::Playing { "❚❚" } else { "▶" }}
                </span>
                <span class="play-text" aria-hidden="true">
                    {move || match state.get() { State::Playing => "Pause", State::Paused => "Resume", State::Stopped => "Play" }}
                </span>
            </button>
            <Show when=move || state.get() != State::Stopped>
                <button type="button" class="button stop" aria-label="Stop" on:click=stop>
                    <span aria-hidden="true">"■"</span>
                </button>
                <progress class="progress" max="1" value=move || playback.progress.get() aria-label="Playback progress"></progress>
            </Show>
        </div>
    }
    .into_any()
}
