//! The privacy policy, rendered from content/privacy.md at compile time (see build.rs).

use crate::router::{scroll_to_fragment, use_location, Title};
use leptos::prelude::*;

const POLICY_HTML: &str = include_str!(concat!(env!("OUT_DIR"), "/privacy.html"));
const POLICY_TITLE: &str = include_str!(concat!(env!("OUT_DIR"), "/privacy.title"));

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let hash = use_location().hash;
    // The browser's own jump to `#security` happens before this page exists; redo it once it does.
    Effect::new(move |_| {
        let hash = hash.get();
        if hash.len() > 1 {
            request_animation_frame(move || {
                scroll_to_fragment(&hash);
            });
        }
    });
    // For the load-time benchmark: the frame after the policy text is in the page.
    Effect::new(|_| crate::bench_marks::policy_shown());
    view! {
        <Title text=POLICY_TITLE />
        <article class="prose">
            <h1>{POLICY_TITLE}</h1>
            <div inner_html=POLICY_HTML></div>
        </article>
    }
}
