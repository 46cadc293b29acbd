//! One performance at `/performances/:id`: the jam it ends, its layers, and its touch data.

use super::NotFound;
use crate::backend::jams::jam_of;
use crate::chain::{ChainEnd, Jam};
use crate::components::{Age, DownloadWav, ErrorPanel, PerformerLinks, PlayButton, ShareButton, TraceCanvas};
use crate::performance::Performance;
use crate::router::{Title, A};
use crate::urls::{data_url, performance_path, performer_path, reply_path};
use crate::wording::{page_title, plural, trace_label, with_performers};
use leptos::html::Canvas;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn PerformancePage(id: String) -> impl IntoView {
    let jam = LocalResource::new(move || {
        let id = id.clone();
        async move { jam_of(&id).await }
    });
    view! {
        <Suspense fallback=|| view! {
            <div class="performance-page" aria-busy="true">
                <div class="jam-picture skeleton"><div class="trace"></div></div>
                <p class="loading">"Loading the performance…"</p>
            </div>
        }>
            {move || Suspend::new(async move {
                match jam.await {
                    Err(e) if e.is_not_found() => view! { <NotFound what="performance" /> }.into_any(),
                    Err(error) => view! {
                        <Title text="Performance" />
                        <ErrorPanel error on_retry=move || jam.refetch() />
                    }.into_any(),
                    Ok(jam) => view! { <JamDetails jam /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn JamDetails(jam: Jam) -> impl IntoView {
    let leaf = jam.leaf().clone();
    let title = page_title(&jam);
    let share_title = title.clone();
    let others = with_performers(&jam);
    let name = leaf.performer.clone();
    let missing = match &jam.end {
        ChainEnd::MissingParent(_) => Some("An earlier layer of this jam is no longer available."),
        ChainEnd::Unavailable(_) => Some("An earlier layer of this jam couldn't be loaded just now."),
        ChainEnd::TooDeep => Some("This jam has more layers than can be shown."),
        ChainEnd::Root | ChainEnd::Cycle(_) => None,
    };
    let canvas = NodeRef::<Canvas>::new();
    view! {
        <Title text=title.clone() />
        <article class="performance-page">
            <div class="jam-picture">
                <TraceCanvas layers=jam.layers.clone() label=trace_label(&jam) eager=true canvas />
            </div>
            <div class="jam-info">
                <h1>{title}</h1>
                <p class="card-performers">
                    "By " <A href=performer_path(&name)>{name.clone()}</A>
                    {(!others.is_empty()).then(|| view! { " with " <PerformerLinks names=others /> })}
                </p>
                <div class="jam-actions">
                    <PlayButton jam=jam.clone() canvas />
                    <a class="button" href=data_url("text/csv", &leaf.csv) download=format!("{}.csv", leaf.id)>"Download CSV"</a>
                    <DownloadWav jam=jam.clone() />
                    <A href=reply_path(&leaf.id) attr:class="button">"Reply"</A>
                    <ShareButton title=share_title />
                </div>
                <h2>{plural(jam.layers.len(), "layer", "layers")}</h2>
                <ol class="layers">
                    {jam.layers.iter().map(|layer| view! { <LayerItem layer=layer.clone() current=leaf.id.clone() /> }).collect_view()}
                </ol>
                {missing.map(|text| view! { <p class="note">{text}</p> })}
            </div>
        </article>
    }
}

#[component]
fn LayerItem(layer: Arc<Performance>, current: String) -> impl IntoView {
    let is_current = layer.id == current;
    let name = layer.performer.clone();
    view! {
        <li>
            <span class="swatch" style:background-color=layer.colour.css() aria-hidden="true"></span>
            <span class="layer-text">
                <A href=performer_path(&name)>{name.clone()}</A>
                {format!(" · {} · ", layer.instrument.label())}
                <Age date=layer.date.clone() timestamp_ms=layer.timestamp_ms />
                {format!(" · {}", plural(layer.touches.len(), "touch", "touches"))}
                {(!is_current).then(|| view! { " · " <A href=performance_path(&layer.id)>"Open this layer"</A> })}
                {layer.reply_to.clone().map(|parent| view! {
                    " · " <A href=performance_path(&parent)>"The performance it answers"</A>
                })}
            </span>
        </li>
    }
}
