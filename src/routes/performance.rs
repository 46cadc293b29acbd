//! One performance (a jam's leaf) at `/performances/:id`.

use super::NotFound;
use crate::api::fetch;
use crate::components::ErrorPanel;
use crate::config::endpoints;
use crate::performance::Performance;
use crate::urls::encode_segment;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PerformancePage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let performance = LocalResource::new(move || {
        let url = endpoints().performance(&id());
        fetch::<Performance>(url)
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading the performance…"</p> }>
            {move || Suspend::new(async move {
                match performance.await {
                    Err(e) if e.is_not_found() => view! { <NotFound what="performance" /> }.into_any(),
                    Err(error) => view! {
                        <Title text="Performance" />
                        <ErrorPanel error on_retry=move |_| performance.refetch() />
                    }.into_any(),
                    Ok(p) => {
                        let title = format!("{} by {}", crate::instrument::label(&p.instrument), p.performer);
                        view! {
                            <Title text=title.clone() />
                            <article class="performance">
                                <h1>{title}</h1>
                                <p>
                                    <A href=format!("/performers/{}", encode_segment(&p.performer))>
                                        {p.performer.clone()}
                                    </A>
                                    {format!(", {} touches", p.touches.len())}
                                </p>
                            </article>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
