//! A performer's page at `/performers/:name`: their stage name and performances.

use super::NotFound;
use crate::api::{fetch, Performer};
use crate::components::ErrorPanel;
use crate::config::endpoints;
use crate::urls::encode_segment;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PerformerPage() -> impl IntoView {
    let params = use_params_map();
    let name = move || params.read().get("name").unwrap_or_default();
    let performer = LocalResource::new(move || {
        let url = endpoints().performer(&name());
        fetch::<Performer>(url)
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading the performer…"</p> }>
            {move || Suspend::new(async move {
                match performer.await {
                    Err(e) if e.is_not_found() => view! { <NotFound what="performer" /> }.into_any(),
                    Err(error) => view! {
                        <Title text="Performer" />
                        <ErrorPanel error on_retry=move |_| performer.refetch() />
                    }.into_any(),
                    Ok(performer) => view! {
                        <Title text=performer.name.clone() />
                        <h1 class="performer-name">{performer.name.clone()}</h1>
                        <ul class="feed">
                            {performer.page.performances.into_iter().map(|p| view! {
                                <li>
                                    <A href=format!("/performances/{}", encode_segment(&p.id))>
                                        {crate::instrument::label(&p.instrument).to_owned()}
                                    </A>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
