//! The 404 page, for unknown paths and for performances or performers that do not exist.

use crate::router::{Title, A};
use leptos::prelude::*;

/// A not-found message with a way home. `what` names the missing thing ("page", "performance"…).
#[component]
pub fn NotFound(#[prop(default = "page")] what: &'static str) -> impl IntoView {
    let heading = format!("{}{} not found", what[..1].to_ascii_uppercase(), &what[1..]);
    view! {
        <Title text=heading.clone() />
        <section class="not-found">
            <h1>{heading}</h1>
            <p>{format!("There is no {what} at this address. It may have been moved or removed.")}</p>
            <p><A href="/">"Back to the gallery"</A></p>
        </section>
    }
}
