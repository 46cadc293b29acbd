//! One file per page. The gallery comes with the App (whose first screen `first_paint` paints
//! before); every other page is a chunk of its own (`crate::lazy`), fetched when it is first visited.

mod gallery;
mod not_found;
mod perform;
mod performance;
mod performer;
mod privacy;

pub use gallery::GalleryPage;
pub use not_found::NotFound;

use crate::lazy::MakeView;
use leptos::prelude::*;

crate::lazy::split!(
    privacy,
    pub fn privacy_page() -> MakeView {
        Box::new(move || view! { <privacy::PrivacyPage /> }.into_any())
    }
);

crate::lazy::split!(
    perform,
    pub fn perform_page() -> MakeView {
        Box::new(move || view! { <perform::PerformPage /> }.into_any())
    }
);

crate::lazy::split!(
    performance,
    pub fn performance_page(id: String) -> MakeView {
        Box::new(move || view! { <performance::PerformancePage id /> }.into_any())
    }
);

crate::lazy::split!(
    performer,
    pub fn performer_page(name: String) -> MakeView {
        Box::new(move || view! { <performer::PerformerPage name /> }.into_any())
    }
);
