//! A feed's cards, windowed (`feed_window`): only the rows within a few screens of the viewport are
//! mounted, the rest is empty space of their height; the focused card and its neighbours, and the
//! playing card, stay mounted wherever they are. Rows are measured as they mount; when a row above
//! the viewport turns out taller or shorter than counted, the page scrolls by the difference so
//! that what the visitor reads does not move. The place is kept in the feed's loader for Back.

use super::feed_loader::{FeedLoader, Place};
use super::now_playing::NowPlaying;
use super::windower::{href, inner_height, Windower};
use super::{JamCard, SkeletonCards};
use crate::chain::Jam;
use crate::feed_window::{Anchor, Layout, Segment, Viewport};
use crate::numbers::fixed;
use crate::paging::Paging;
use crate::player::Playback;
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Screens mounted above and below the viewport.
const SCREENS: f64 = 1.5;
/// Screens from the end of the list at which the next page is asked for.
const PRELOAD_SCREENS: f64 = 2.0;

#[derive(Clone, PartialEq)]
enum Item {
    Space(usize, f64),
    Card(usize, Jam),
}

/// The feed index of the card holding `target`, if any.
fn card_index(target: Option<web_sys::EventTarget>) -> Option<usize> {
    let element = target?.dyn_into::<Element>().ok()?;
    element
        .closest("article[data-index]")
        .ok()??
        .get_attribute("data-index")?
        .parse()
        .ok()
}

#[component]
pub fn CardWindow(loader: FeedLoader, restore: bool) -> impl IntoView {
    let jams = loader.jams();
    let paging = loader.paging();
    let grid = NodeRef::<Div>::new();
    let place = loader.place();
    // A feed shown before in this session has a place to go back to; a new one starts at the top.
    let restore = restore && place.layout.is_some();
    let windower = Rc::new(Windower {
        grid,
        layout: RefCell::new(place.layout.unwrap_or_else(|| Layout::new(1, 0.0, 0.0))),
        view: RwSignal::new(Viewport {
            top: 0.0,
            height: inner_height(),
        }),
        version: RwSignal::new(0),
        anchor: Cell::new(if restore { place.anchor } else { Anchor::default() }),
        pending: Cell::new(None),
        frame_requested: Cell::new(false),
        tries: Cell::new(0),
        href: href(),
        alive: Cell::new(true),
    });
    let (view, version) = (windower.view, windower.version);
    // (A card focused on the first paint's page stays focused on the App's: src/first_paint/.)
    let focused = RwSignal::new(crate::first_paint::focused_card());
    let playback = Playback::get();
    let playing = Memo::new(move |_| {
        let (id, _) = playback?.current.get()?;
        jams.with(|jams| jams.iter().position(|jam| jam.leaf().id == id))
    });
    // The layout lives in the windower; `version` and the number of cards say when it changed.
    let shared = SendWrapper::new(windower.clone());
    let cards = move || {
        version.track();
        jams.with(Vec::len)
    };
    let segments = {
        let shared = shared.clone();
        Memo::new(move |_| {
            let mut keep: Vec<usize> = playing.get().into_iter().collect();
            let focus = focused.get();
            shared.with_layout(cards(), |layout| {
                if let Some(card) = focus {
                    let columns = layout.columns();
                    keep.extend([card.saturating_sub(columns), card, card + columns]);
                }
                layout.window(view.get(), SCREENS, &keep)
            })
        })
    };
    let items = move || {
        let mut items = Vec::new();
        jams.with(|jams| {
            for (i, segment) in segments.get().into_iter().enumerate() {
                match segment {
                    Segment::Space(height) => items.push(Item::Space(i, height)),
                    Segment::Cards(range) => {
                        items.extend(range.filter_map(|index| Some(Item::Card(index, jams.get(index)?.clone()))))
                    }
                }
            }
        });
        items
    };
    let near_end = {
        let shared = shared.clone();
        Memo::new(move |_| shared.with_layout(cards(), |layout| layout.near_end(view.get(), PRELOAD_SCREENS)))
    };
    loader.follow(near_end.into());
    let setsize = Signal::derive(move || {
        let done = paging.with(|p| *p == Paging::Done);
        if done {
            jams.with(Vec::len) as i64
        } else {
            -1
        }
    });
    // The playing card, while it is out of view.
    let out_of_view = Memo::new(move |_| {
        let index = playing.get()?;
        let visible = shared.with_layout(cards(), |layout| layout.visible(view.get()));
        (!visible.contains(&index)).then_some(index)
    });

    let on_scroll = {
        let windower = SendWrapper::new(windower.clone());
        move || windower.request_update()
    };
    let (scroll, resize) = {
        let on_resize = on_scroll.clone();
        (
            window_event_listener(ev::scroll, move |_| on_scroll()),
            window_event_listener(ev::resize, move |_| on_resize()),
        )
    };
    {
        let windower = SendWrapper::new(windower.clone());
        let loader = SendWrapper::new(loader.clone());
        on_cleanup(move || {
            windower.alive.set(false);
            scroll.remove();
            resize.remove();
            loader.set_place(Place {
                layout: Some(windower.layout.borrow().clone()),
                anchor: windower.anchor.get(),
            });
        });
    }
    let first = SendWrapper::new(windower);
    Effect::new(move |_| {
        if grid.get().is_some() {
            if restore {
                first.go_to(first.anchor.get());
            } else {
                first.update();
            }
        }
    });

    let busy = move || paging.with(|p| *p == Paging::Loading).to_string();
    view! {
        <div node_ref=grid class="jam-grid" role="feed" aria-label="Jams" aria-busy=busy
            on:focusin=move |ev| focused.set(card_index(ev.target()))
            on:focusout=move |ev: web_sys::FocusEvent| {
                let inside = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                let stays = grid.get_untracked().zip(inside).is_some_and(|(g, n)| g.contains(Some(&n)));
                if !stays {
                    focused.set(None);
                }
            }>
            <For each=items key=|item| match item {
                Item::Space(i, height) => format!("{i}:{}", fixed(*height, 2)),
                Item::Card(_, jam) => jam.leaf().id.clone(),
            } let:item>
                {match item {
                    Item::Space(_, height) => view! {
                        <div class="feed-space" aria-hidden="true" style:height=fixed(height, 2) + "px"></div>
                    }.into_any(),
                    Item::Card(index, jam) => view! { <JamCard jam index setsize /> }.into_any(),
                }}
            </For>
            {move || {
                let at_end = segments.with(|s| matches!(s.last(), Some(Segment::Cards(_))));
                (at_end && paging.with(|p| *p == Paging::Loading)).then(|| view! { <SkeletonCards count=3 /> })
            }}
        </div>
        {move || {
            let jam = jams.with(|jams| jams.get(out_of_view.get()?).cloned())?;
            Some(view! { <NowPlaying jam /> })
        }}
    }
}
