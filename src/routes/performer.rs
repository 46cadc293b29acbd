//! A performer's page at `/performers/:name`: their stage name in their colours, then their jams.

use super::NotFound;
use crate::backend::View;
use crate::colour::readable_style;
use crate::components::{FeedLoader, FeedView};
use crate::paging::Paging;
use crate::router::Title;
use leptos::prelude::*;

#[component]
pub fn PerformerPage(name: String) -> impl IntoView {
    let loader = FeedLoader::open(View::Performer(name.clone()));
    let (performer, paging) = (loader.performer(), loader.paging());
    let unknown = move || paging.with(|p| matches!(p, Paging::Failed(e) if e.is_not_found()));
    // The name as the performer record spells it, once it is in.
    let shown = move || performer.with(|p| p.as_ref().map_or_else(|| name.clone(), |p| p.name.clone()));
    // (Read without tracking: the page is built again only when the name in the URL changes.)
    let empty = format!("{} has no public jams yet.", untrack(&shown));
    let badge = move || {
        performer.with(|p| {
            p.as_ref().map(|p| {
                view! {
                    <span class="performer-badge" style=readable_style(p.colour, p.background)>{p.name.clone()}</span>
                }
            })
        })
    };
    view! {
        <Show when=move || !unknown() fallback=|| view! { <NotFound what="performer" /> }>
            <Title text=shown.clone() />
            <h1 class="performer-name">{badge} {
                let shown = shown.clone();
                move || performer.with(Option::is_none).then(&shown)
            }</h1>
            <FeedView loader=loader.clone() empty_message=empty.clone() />
        </Show>
    }
}
