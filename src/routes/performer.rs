//! A performer's page at `/performers/:name`: their stage name in their colours, then their jams.

use super::NotFound;
use crate::api::jams::{add_page, SharedFeed};
use crate::api::ApiError;
use crate::colour::readable_style;
use crate::components::{ErrorPanel, FeedView, SkeletonCards};
use crate::config::backend;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PerformerPage() -> impl IntoView {
    let params = use_params_map();
    let name = move || params.read().get("name").unwrap_or_default();
    let performer = LocalResource::new(move || {
        let name = name();
        async move {
            let performer = backend().performer(&name).await?;
            let feed = SharedFeed::default();
            let jams = add_page(&feed, performer.page.clone()).await;
            Ok::<_, ApiError>((performer, feed, jams))
        }
    });
    view! {
        <Suspense fallback=move || view! {
            <Title text=name() />
            <h1 class="performer-name">{name()}</h1>
            <div class="jam-grid" aria-busy="true"><SkeletonCards count=6 /></div>
        }>
            {move || Suspend::new(async move {
                match performer.await {
                    Err(e) if e.is_not_found() => view! { <NotFound what="performer" /> }.into_any(),
                    Err(error) => view! {
                        <Title text=name() />
                        <h1 class="performer-name">{name()}</h1>
                        <ErrorPanel error on_retry=move || performer.refetch() />
                    }.into_any(),
                    Ok((performer, feed, jams)) => view! {
                        <Title text=performer.name.clone() />
                        <h1 class="performer-name">
                            <span class="performer-badge" style=readable_style(performer.colour, performer.background)>{performer.name.clone()}</span>
                        </h1>
                        <FeedView feed jams empty_message=format!("{} has no public jams yet.", performer.name) />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
