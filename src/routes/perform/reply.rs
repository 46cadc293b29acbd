//! A reply: the jam being answered, loaded through the backend (its reply chain resolved as
//! elsewhere), shown under the stage and played from time 0 as the take starts. An unknown id says
//! so, and the stage still records a solo take.

use super::Perform;
use crate::backend::jams::jam_of;
use crate::chain::Jam;
use crate::components::{ErrorPanel, TraceCanvas};
use crate::router::A;
use crate::urls::performance_path;
use crate::wording::{answered_title, trace_label};
use leptos::prelude::*;

#[component]
pub fn Reply(id: String) -> impl IntoView {
    let perform = expect_context::<Perform>();
    let wanted = id.clone();
    let jam = LocalResource::new(move || {
        let id = wanted.clone();
        async move { jam_of(&id).await }
    });
    Effect::new(move |_| {
        let answer = jam.get();
        perform.backing_loading.set(answer.is_none());
        if let Some(Ok(jam)) = answer {
            perform.backing.set(Some(jam));
        }
    });
    on_cleanup(move || {
        perform.backing_loading.try_set(false);
        perform.backing.try_set(None);
    });
    move || {
        let shown = match jam.get() {
            None => view! { <p class="loading">"Loading the jam you're answering…"</p> }.into_any(),
            Some(Ok(jam)) => view! { <Answering jam /> }.into_any(),
            Some(Err(e)) if e.is_not_found() => view! {
                <div class="not-found reply-missing">
                    <h2>"Performance not found"</h2>
                    <p>{format!("There is no performance \u{201c}{id}\u{201d} to reply to. You can still record a take of your own.")}</p>
                </div>
            }
            .into_any(),
            Some(Err(error)) => view! { <ErrorPanel error on_retry=move || jam.refetch() /> }.into_any(),
        };
        view! { <section class="reply" aria-label="The jam you are answering">{shown}</section> }
    }
}

#[component]
fn Answering(jam: Jam) -> impl IntoView {
    let leaf = jam.leaf().clone();
    let title = answered_title(&jam);
    view! {
        <h2>"Replying to " <A href=performance_path(&leaf.id)>{title}</A></h2>
        <p>"It plays from the start as your first touch starts the take."</p>
        <div class="jam-picture reply-picture">
            <TraceCanvas layers=jam.layers.clone() label=trace_label(&jam) eager=true />
        </div>
    }
}
