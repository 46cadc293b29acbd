//! "Saved on this device": the kept takes, newest first, each with its picture, Play, Download CSV,
//! Download WAV and Delete (with Undo). A kept reply shows as a jam with the layers it answers when
//! those can be fetched through the backend, else alone with a note.

use super::Perform;
use crate::backend::config::backend;
use crate::chain::{self, ChainEnd, Jam};
use crate::components::{Age, DownloadWav, ErrorPanel, PlayButton, TraceCanvas};
use crate::performance::Performance;
use crate::router::A;
use crate::store::StorageError;
use crate::urls::{data_url, performance_path};
use crate::wording::{plural, take_title, trace_label};
use leptos::html::Canvas;
use leptos::prelude::*;
use std::sync::Arc;

/// The kept takes as jams: replies with the layers they answer (kept takes first, then the backend).
async fn jams(kept: Vec<Arc<Performance>>) -> Vec<Jam> {
    if kept.iter().all(|p| p.reply_to.is_none()) {
        return kept.into_iter().map(alone).collect();
    }
    let local = kept.clone();
    let find = move |id: &str| local.iter().find(|p| p.id == id).cloned();
    chain::resolve(kept, find, |ids| async move { backend().lookup(ids).await }).await
}

fn alone(take: Arc<Performance>) -> Jam {
    Jam {
        end: match &take.reply_to {
            Some(parent) => ChainEnd::Unavailable(parent.clone()),
            None => ChainEnd::Root,
        },
        layers: vec![take],
    }
}

#[component]
pub fn Saved(load_error: Option<StorageError>) -> impl IntoView {
    let perform = expect_context::<Perform>();
    let load_error = RwSignal::new(load_error);
    let failed = RwSignal::new(None::<StorageError>);
    let deleted = RwSignal::new(None::<Arc<Performance>>);
    // Each take shows alone until the layers it answers arrive (a task and a signal: a resource
    // of its own type would cost the first load more).
    let shown = RwSignal::new(Vec::<Jam>::new());
    Effect::new(move |_| {
        let kept = perform.kept.get();
        shown.set(kept.iter().cloned().map(alone).collect());
        leptos::task::spawn_local_scoped_with_cancellation(async move {
            let jams = jams(kept).await;
            shown.try_set(jams);
        });
    });
    let save = move |list: Vec<Arc<Performance>>| match crate::store::save(&list) {
        Ok(()) => {
            failed.set(None);
            perform.kept.set(list);
            true
        }
        Err(error) => {
            failed.set(Some(error));
            false
        }
    };
    let delete = move |take: Arc<Performance>| {
        if save(crate::kept::without(&perform.kept.get_untracked(), &take.id)) {
            perform
                .announce
                .set("Take deleted. Undo is next to the heading.".into());
            deleted.set(Some(take));
        }
    };
    let undo = move |_| {
        if let Some(take) = deleted.get_untracked() {
            if save(crate::kept::with(&perform.kept.get_untracked(), take)) {
                deleted.set(None);
                perform.announce.set("Take restored.".into());
            }
        }
    };
    let reload = move || match crate::store::takes() {
        Ok(list) => {
            load_error.set(None);
            perform.kept.set(list);
        }
        Err(error) => load_error.set(Some(error)),
    };
    view! {
        <section class="saved" aria-labelledby="saved-heading">
            <h2 id="saved-heading">"Saved on this device"</h2>
            <div role="status" class="saved-status">
                {move || deleted.get().map(|_| view! {
                    "Take deleted. " <button type="button" class="button" on:click=undo>"Undo"</button>
                })}
            </div>
            {move || load_error.get().map(|error| view! { <ErrorPanel error on_retry=reload /> })}
            {move || failed.get().map(|error| view! { <ErrorPanel error on_retry=move || failed.set(None) /> })}
            <Show when=move || perform.kept.with(|k| k.is_empty()) && load_error.with(|e| e.is_none())>
                <p class="note">"Takes you keep show here. They stay in this browser until you delete them."</p>
            </Show>
            <ol class="saved-list">
                <For each=move || shown.get() key=|jam| (jam.leaf().id.clone(), jam.layers.len()) let:jam>
                    <SavedTake jam on_delete=delete />
                </For>
            </ol>
        </section>
    }
}

#[component]
fn SavedTake(jam: Jam, on_delete: impl Fn(Arc<Performance>) + Copy + 'static) -> impl IntoView {
    let take = jam.leaf().clone();
    let canvas = NodeRef::<Canvas>::new();
    let title = take_title(&jam);
    let note = match (&jam.end, take.reply_to.as_deref()) {
        (ChainEnd::MissingParent(_) | ChainEnd::Unavailable(_), Some(parent)) if jam.layers.len() == 1 => Some(view! {
            <p class="note">
                "It answers " <A href=performance_path(parent)>"a performance"</A>
                " that couldn't be loaded just now, so it plays alone."
            </p>
        }),
        _ => None,
    };
    let doomed = take.clone();
    view! {
        <li class="saved-take">
            <div class="jam-picture">
                <TraceCanvas layers=jam.layers.clone() label=trace_label(&jam) canvas />
            </div>
            <div class="saved-info">
                <h3>{title.clone()}</h3>
                <p class="card-details">
                    <Age date=take.date.clone() timestamp_ms=take.timestamp_ms />
                    {format!(" · {}", plural(take.touches.len(), "touch", "touches"))}
                    {(jam.layers.len() > 1).then(|| format!(" · {}", plural(jam.layers.len(), "layer", "layers")))}
                </p>
                {note}
                <div class="jam-actions">
                    <PlayButton jam=jam.clone() canvas />
                    <a class="button" href=data_url("text/csv", &take.csv) download=format!("{}.csv", take.id)>"Download CSV"</a>
                    <DownloadWav jam=jam.clone() />
                    <button type="button" class="button" aria-label=format!("Delete {title}")
                        on:click=move |_| on_delete(doomed.clone())>"Delete"</button>
                </div>
            </div>
        </li>
    }
}
