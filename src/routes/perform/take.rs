//! The take just recorded: play it back (alone, or the whole jam with it for a reply) through the
//! normal player, download it, record again, or keep it on this device. If it cannot be kept
//! (storage blocked or full), it says so and the take stays playable and downloadable.

use super::{Perform, Phase};
use crate::components::{DownloadWav, ErrorPanel, PlayButton, TraceCanvas};
use crate::store::StorageError;
use crate::urls::data_url;
use crate::wording::trace_label;
use leptos::html::Canvas;
use leptos::prelude::*;

#[component]
pub fn TakePanel() -> impl IntoView {
    let perform = expect_context::<Perform>();
    let failed = RwSignal::new(None::<StorageError>);
    let again = move || {
        // In this press, the audio wakes up again, ready for the next take's first touch.
        crate::player::stage::resume();
        failed.set(None);
        perform.take.set(None);
        perform.phase.set(Phase::Ready);
        perform
            .announce
            .set("Ready: your first touch starts a new take.".into());
    };
    let keep = move || {
        let Some(take) = perform.take.get_untracked() else {
            return;
        };
        let list = crate::kept::with(&perform.kept.get_untracked(), take);
        match crate::store::save(&list) {
            Ok(()) => {
                perform.kept.set(list);
                again();
                perform
                    .announce
                    .set("Kept on this device. Ready for a new take.".into());
            }
            Err(error) => failed.set(Some(error)),
        }
    };
    move || {
        let take = perform.take.get()?;
        let jam = perform.jam_of(take.clone());
        let canvas = NodeRef::<Canvas>::new();
        let what = if jam.layers.len() > 1 { "reply" } else { "take" };
        Some(view! {
            <section class="take-panel" aria-labelledby="take-heading">
                <h2 id="take-heading" tabindex="-1">{format!("Your {what}")}</h2>
                <div class="take-body">
                    <div class="jam-picture take-picture">
                        <TraceCanvas layers=jam.layers.clone() label=trace_label(&jam) eager=true canvas />
                    </div>
                    <div class="jam-actions">
                        <PlayButton jam=jam.clone() canvas />
                        <a class="button" href=data_url("text/csv", &take.csv) download=format!("{}.csv", take.id)>"Download CSV"</a>
                        <DownloadWav jam=jam.clone() />
                        <button type="button" class="button" on:click=move |_| again()>"Record again"</button>
                        <button type="button" class="button keep" on:click=move |_| keep()>"Keep"</button>
                    </div>
                </div>
                {move || failed.get().map(|error| view! { <ErrorPanel error on_retry=keep /> })}
            </section>
        })
    }
}
