//! The gallery: the newest jams. (A plain list for now; cards, paging and filters come with the
//! gallery issue.)

use crate::api::{fetch, Page};
use crate::components::ErrorPanel;
use crate::config::endpoints;
use crate::urls::encode_segment;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn GalleryPage() -> impl IntoView {
    let feed = LocalResource::new(|| fetch::<Page>(endpoints().feed()));
    view! {
        <Title text="" />
        <h1>"Newest jams"</h1>
        <Suspense fallback=|| view! { <p class="loading">"Loading the newest jams…"</p> }>
            {move || Suspend::new(async move {
                match feed.await {
                    Err(error) => view! { <ErrorPanel error on_retry=move |_| feed.refetch() /> }.into_any(),
                    Ok(page) => view! {
                        <ul class="feed">
                            {page.performances.into_iter().map(|p| view! {
                                <li>
                                    <A href=format!("/performances/{}", encode_segment(&p.id))>
                                        {format!("{} by ", crate::instrument::label(&p.instrument))}
                                    </A>
                                    <A href=format!("/performers/{}", encode_segment(&p.performer))>
                                        {p.performer.clone()}
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
