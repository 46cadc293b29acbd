//! Play, pause and stop for a jam, with its progress; Space on a focused card toggles it too. The
//! first Play on a page waits for the sound engine to load (the button is busy meanwhile); if it
//! cannot, the reason shows beneath, with Retry.

use super::ErrorPanel;
use crate::chain::Jam;
use crate::player::{self, Playback};
use crate::wording::{loading_label, play_label};
use leptos::html::Canvas;
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum State {
    Stopped,
    Loading,
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
        _ if playback.loading.get().as_deref() == Some(id) => State::Loading,
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
        State::Stopped => play_label(&performer),
        State::Loading => loading_label(&performer),
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
    let failure = move || {
        let failed = playback.failed.get().filter(|(failed, _)| *failed == id);
        let jam = jam.clone();
        failed.map(|(_, error)| {
            let retry = move || {
                if let Some(button) = play_button.get_untracked() {
                    let _ = button.focus();
                }
                toggle(&jam, canvas);
            };
            view! { <ErrorPanel error on_retry=retry /> }
        })
    };
    view! {
        <div class="player">
            <button node_ref=play_button type="button" class="button play" aria-label=label.clone() title=label
                aria-busy=move || (state.get() == State::Loading).to_string()
                on:click=move |_| toggle(&jam_for_click, canvas)>
                <span class="play-icon" aria-hidden="true">
                    {move || match state.get() { State::Playing => "❚❚", State::Loading => "◌", _ => "▶" }}
                </span>
                <span class="play-text" aria-hidden="true">
                    {move || match state.get() {
                        State::Playing => "Pause",
                        State::Paused => "Resume",
                        State::Loading => "Loading…",
                        State::Stopped => "Play",
                    }}
                </span>
            </button>
            <Show when=move || matches!(state.get(), State::Playing | State::Paused)>
                <button type="button" class="button stop" aria-label="Stop" on:click=stop>
                    <span aria-hidden="true">"■"</span>
                </button>
                <progress class="progress" max="1" value=move || crate::numbers::fixed(playback.progress.get(), 4) aria-label="Playback progress"></progress>
            </Show>
        </div>
        {failure}
    }
    .into_any()
}
