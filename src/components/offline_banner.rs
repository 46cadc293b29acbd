//! A banner while the browser is offline.

use leptos::ev;
use leptos::prelude::*;

/// Whether the browser says it is online, kept up to date by its online and offline events.
pub fn online_signal() -> ReadSignal<bool> {
    let online = web_sys::window().is_none_or(|w| w.navigator().on_line());
    let (get, set) = signal(online);
    let on = window_event_listener(ev::online, move |_| set.set(true));
    let off = window_event_listener(ev::offline, move |_| set.set(false));
    on_cleanup(move || {
        on.remove();
        off.remove();
    });
    get
}

#[component]
pub fn OfflineBanner() -> impl IntoView {
    let online = online_signal();
    // The live region stays in the page so that screen readers announce the message appearing.
    view! {
        <div class="offline-region" role="status">
            <Show when=move || !online.get()>
                <p class="offline-banner">"You're offline. The gallery will try again when you're back online."</p>
            </Show>
        </div>
    }
}
