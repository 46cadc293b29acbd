//! A jam as a card: its picture, who played it, the instrument, its age and its layers.

use super::{toggle, PlayButton, TraceCanvas};
use crate::chain::Jam;
use crate::dates;
use crate::router::A;
use crate::urls::{performance_path, performer_path};
use crate::wording::{card_label, list_separator, open_label, plural, trace_label, with_performers};
use leptos::html::Canvas;
use leptos::prelude::*;

/// "drums · 3 hours ago", with the exact date in `<time datetime>`.
#[component]
pub fn Age(date: String, timestamp_ms: i64) -> impl IntoView {
    let now = js_sys::Date::now() as i64;
    view! {
        <time datetime=date title=dates::format_utc(timestamp_ms)>{dates::age_in_words(now, timestamp_ms)}</time>
    }
}

/// Links to each performer, "alice, bob and carol".
#[component]
pub fn PerformerLinks(names: Vec<String>) -> impl IntoView {
    let count = names.len();
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let separator = list_separator(i, count);
            view! { {separator} <A href=performer_path(&name)>{name.clone()}</A> }
        })
        .collect_view()
}

/// `index` is the card's place in its feed (from 0), `setsize` the number of cards in the feed, or
/// -1 while more may come; a card outside a feed has neither.
#[component]
pub fn JamCard(
    jam: Jam,
    #[prop(optional)] index: Option<usize>,
    #[prop(optional, into)] setsize: Option<Signal<i64>>,
) -> impl IntoView {
    let leaf = jam.leaf().clone();
    let name = leaf.performer.clone();
    let others = with_performers(&jam);
    let layers = jam.layers.len();
    let label = trace_label(&jam);
    let href = performance_path(&leaf.id);
    let open_label = open_label(&jam);
    let card_label = card_label(&jam);
    let canvas = NodeRef::<Canvas>::new();
    let jam_for_keys = jam.clone();
    // Space on the focused card (not on a control inside it) plays or pauses.
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == " " && ev.target() == ev.current_target() {
            ev.prevent_default();
            toggle(&jam_for_keys, canvas);
        }
    };
    view! {
        <article class="jam-card" tabindex="0" aria-label=card_label aria-keyshortcuts="Space" on:keydown=on_keydown
            data-index=index aria-posinset=index.map(|i| i + 1) aria-setsize=move || setsize.map(|s| s.get())>
            <div class="card-picture">
                <TraceCanvas layers=jam.layers.clone() label=label canvas />
            </div>
            <div class="card-body">
                <p class="card-performers">
                    <A href=performer_path(&name) attr:class="performer">{name.clone()}</A>
                    {(!others.is_empty()).then(|| view! { " with " <PerformerLinks names=others /> })}
                </p>
                <p class="card-details">
                    <span class="instrument">{leaf.instrument.label().to_owned()}</span>
                    " · "
                    <Age date=leaf.date.clone() timestamp_ms=leaf.timestamp_ms />
                    {(layers > 1).then(|| view! { " · " <span class="layer-count">{plural(layers, "layer", "layers")}</span> })}
                </p>
                <div class="card-actions">
                    <PlayButton jam=jam.clone() canvas />
                    <A href=href attr:class="card-open" attr:aria-label=open_label>"Open"</A>
                </div>
            </div>
        </article>
    }
}

/// Placeholders of a card's final size while jams load (no layout shift when they arrive).
#[component]
pub fn SkeletonCards(count: usize) -> impl IntoView {
    (0..count)
        .map(|_| {
            view! {
                <div class="jam-card skeleton" aria-hidden="true">
                    <div class="card-picture"><div class="trace"></div></div>
                    <div class="card-body">
                        <p class="card-performers"><span class="bar"></span></p>
                        <p class="card-details"><span class="bar short"></span></p>
                        <div class="card-actions"><span class="bar tiny"></span></div>
                    </div>
                </div>
            }
        })
        .collect_view()
}
