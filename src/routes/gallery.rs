//! The gallery at `/`: the newest jams as cards, filtered by instrument with `/?instrument=drums`.

use crate::backend::View;
use crate::components::{FeedLoader, FeedView};
use crate::instrument::{self, Instrument};
use crate::router::{query, Title};
use leptos::prelude::*;

#[component]
pub fn GalleryPage() -> impl IntoView {
    let instrument = query("instrument");
    let selected = Memo::new(move |_| instrument.get().filter(|name| !name.trim().is_empty()));
    let title = move || match selected.get() {
        Some(name) => format!("{} jams", Instrument::from_name(&name).label()),
        None => String::new(),
    };
    view! {
        <Title text=title />
        <h1>
            {move || match selected.get() {
                Some(name) => format!("Newest {} jams", Instrument::from_name(&name).label()),
                None => "Newest jams".to_owned(),
            }}
        </h1>
        <InstrumentFilter selected />
        {move || match selected.get() {
            Some(name) if !Instrument::from_name(&name).is_known() => view! {
                <p class="feed-empty">
                    {format!("There is no instrument called “{name}”. ")}
                    <a href="/">"Show every jam"</a>
                </p>
            }.into_any(),
            name => view! { <FeedSection instrument=name /> }.into_any(),
        }}
    }
}

/// One link per instrument and "All"; the current one is marked for assistive technology.
#[component]
fn InstrumentFilter(selected: Memo<Option<String>>) -> impl IntoView {
    let choices = std::iter::once((None, "All")).chain(instrument::ALL.iter().map(|i| (Some(i.name()), i.label())));
    view! {
        <nav class="instrument-filter" aria-label="Filter by instrument">
            <ul>
                {choices.map(|(name, label)| {
                    let href = name.map_or_else(|| "/".to_owned(), |n| format!("/?instrument={n}"));
                    let current = move || (selected.get().as_deref() == name).then_some("page");
                    view! { <li><a href=href class="chip" aria-current=current>{label}</a></li> }
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// The feed of every jam, or of one instrument's.
#[component]
fn FeedSection(instrument: Option<String>) -> impl IntoView {
    let view = match &instrument {
        Some(name) => View::Instrument(name.clone()),
        None => View::All,
    };
    let empty = match &instrument {
        Some(name) => format!(
            "No {} jams yet. Try another instrument.",
            Instrument::from_name(name).label()
        ),
        None => "No jams yet. Check back soon.".to_owned(),
    };
    view! {
        <section aria-label="Jams">
            <FeedView loader=FeedLoader::open(view) empty_message=empty />
        </section>
    }
}
