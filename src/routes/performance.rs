//! One performance at `/performances/:id`: the jam it ends, its layers, and its touch data.

use super::NotFound;
use crate::api::jams::jam_of;
use crate::chain::{ChainEnd, Jam};
use crate::components::{Age, ErrorPanel, PerformerLinks, PlayButton, ShareButton, TraceCanvas};
use crate::instrument;
use crate::performance::Performance;
use crate::player::EngineError;
use crate::urls::{data_url, performance_path, performer_path};
use crate::wording::{plural, trace_label, with_performers};
use leptos::html::Canvas;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

#[component]
pub fn PerformancePage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let jam = LocalResource::new(move || {
        let id = id();
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
    let kind = if jam.layers.len() > 1 { "jam" } else { "performance" };
    let title = format!("{} {kind} by {}", instrument::label(&leaf.instrument), leaf.performer);
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
                {format!(" · {} · ", instrument::label(&layer.instrument))}
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

/// Renders the jam offline and saves it as `<id>.wav`.
#[component]
fn DownloadWav(jam: Jam) -> impl IntoView {
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<EngineError>);
    // The render belongs to this component (leaving the page cancels it), also when Retry starts it
    // from the error panel, which goes away as it starts.
    let owner = Owner::current();
    let save = move || {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        failed.set(None);
        let jam = jam.clone();
        let render = async move {
            let saved = crate::player::offline::wav(&jam).await.and_then(|bytes| {
                save_file(&bytes, "audio/wav", &format!("{}.wav", jam.leaf().id)).map_err(|e| EngineError::start(&e))
            });
            busy.try_set(false);
            failed.try_set(saved.err());
        };
        match &owner {
            Some(owner) => owner.with(|| leptos::task::spawn_local_scoped_with_cancellation(render)),
            None => leptos::task::spawn_local_scoped_with_cancellation(render),
        }
    };
    let retry = save.clone();
    view! {
        <button type="button" class="button" on:click=move |_| save() disabled=move || busy.get()>
            {move || if busy.get() { "Rendering WAV…" } else { "Download WAV" }}
        </button>
        {move || failed.get().map(|error| view! { <ErrorPanel error on_retry=retry.clone() /> })}
    }
}

/// Offers `bytes` to the visitor as a download named `name`.
fn save_file(bytes: &[u8], mime: &str, name: &str) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Give the download a moment to start before letting go of the data.
    set_timeout(
        move || drop(web_sys::Url::revoke_object_url(&url)),
        std::time::Duration::from_secs(30),
    );
    Ok(())
}
