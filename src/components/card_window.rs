//! A feed's cards, windowed (`feed_window`): only the rows within a few screens of the viewport are
//! mounted, the rest is empty space of their height; the focused card and its neighbours, and the
//! playing card, stay mounted wherever they are. Rows are measured as they mount; when a row above
//! the viewport turns out taller or shorter than counted, the page scrolls by the difference so
//! that what the visitor reads does not move. The place is kept in the feed's loader for Back.

use super::feed_loader::{FeedLoader, Place};
use super::{JamCard, NowPlaying, SkeletonCards};
use crate::chain::Jam;
use crate::feed_window::{Anchor, Layout, Segment, Viewport};
use crate::paging::Paging;
use crate::player::Playback;
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::{spawn_local, tick};
use send_wrapper::SendWrapper;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Screens mounted above and below the viewport.
const SCREENS: f64 = 1.5;
/// Screens from the end of the list at which the next page is asked for.
const PRELOAD_SCREENS: f64 = 2.0;

#[derive(Clone, PartialEq)]
enum Item {
    Space(usize, f64),
    Card(usize, Jam),
}

/// The measuring and scrolling half of the window; the reactive half is in `CardWindow`.
struct Windower {
    grid: NodeRef<Div>,
    layout: RefCell<Layout>,
    view: RwSignal<Viewport>,
    /// Bumped when a measurement changes the layout.
    version: RwSignal<u64>,
    anchor: Cell<Anchor>,
    /// An anchor to bring back once the rows around it are measured (after Back, or a resize).
    pending: Cell<Option<Anchor>>,
    frame_requested: Cell<bool>,
    /// Attempts so far at bringing back a pending anchor.
    tries: Cell<u8>,
    /// The page's URL when the view was made.
    href: String,
    /// False once the view is gone: frames and tasks still on their way then do nothing.
    alive: Cell<bool>,
}

impl Windower {
    /// The grid while the view lives.
    fn grid(&self) -> Option<HtmlElement> {
        self.alive
            .get()
            .then(|| self.grid.get_untracked())
            .flatten()
            .map(Into::into)
    }

    /// Reads the layout of a feed of `cards` cards.
    fn with_layout<T>(&self, cards: usize, read: impl FnOnce(&Layout) -> T) -> T {
        let mut layout = self.layout.borrow_mut();
        layout.set_cards(cards);
        read(&layout)
    }

    /// Schedules `update` for the next frame (once however many scroll events come).
    fn request_update(self: &Rc<Self>) {
        if !self.frame_requested.replace(true) {
            let this = self.clone();
            request_animation_frame(move || {
                this.frame_requested.set(false);
                this.update();
            });
        }
    }

    /// Takes the grid's columns and width as laid out now; true if they changed (the measured
    /// heights then no longer hold). The first look at a new list is not a change.
    fn refresh_geometry(&self, grid: &HtmlElement) -> bool {
        let (columns, width, gap) = geometry(grid);
        let mut layout = self.layout.borrow_mut();
        if layout.columns() == columns && (layout.width() - width).abs() < 0.5 {
            return false;
        }
        let laid_out = layout.width() > 0.0;
        *layout = layout.resized(columns, width, gap);
        drop(layout);
        self.version.update(|v| *v += 1);
        laid_out
    }

    /// Reads the width and the scroll position, then measures what that mounts. Once the page has
    /// moved on (the router scrolls to the top of the next page), the place is no longer updated.
    fn update(self: &Rc<Self>) {
        let Some(grid) = self.grid() else { return };
        if href() != self.href {
            return;
        }
        if self.refresh_geometry(&grid) && self.pending.get().is_none() {
            self.go_to(self.anchor.get());
            return;
        }
        let view = viewport(&grid);
        if self.pending.get().is_none() {
            self.anchor.set(self.layout.borrow().anchor_at(view.top));
        }
        if self.view.get_untracked() != view {
            self.view.set(view);
        }
        let this = self.clone();
        spawn_local(async move {
            tick().await;
            tick().await;
            this.settle();
        });
    }

    /// Scrolls so that `anchor` is at the top, then corrects that once its rows are measured.
    fn go_to(self: &Rc<Self>, anchor: Anchor) {
        let Some(grid) = self.grid() else { return };
        self.refresh_geometry(&grid);
        let list_top = grid.get_bounding_client_rect().top() + scroll_y();
        let top = self.layout.borrow().top_for(anchor);
        self.anchor.set(anchor);
        self.pending.set(Some(anchor));
        self.tries.set(0);
        self.view.set(Viewport {
            top,
            height: inner_height(),
        });
        window().scroll_to_with_x_and_y(0.0, list_top + top);
        self.request_update();
    }

    /// Measures the mounted rows; if that changes the layout, keeps the card at the top in place.
    fn settle(self: &Rc<Self>) {
        let Some(grid) = self.grid() else { return };
        let cards = mounted_cards(&grid);
        let pending = self.pending.take();
        let keep = pending.or_else(|| {
            let first = cards
                .iter()
                .find(|(_, card)| card.get_bounding_client_rect().bottom() > 0.0)?;
            Some(Anchor {
                index: first.0,
                offset: -first.1.get_bounding_client_rect().top(),
            })
        });
        let mut changed = false;
        {
            let mut layout = self.layout.borrow_mut();
            let mut row_height: Option<(usize, f64)> = None;
            for (index, card) in &cards {
                let (row, height) = (layout.row_of(*index), card.get_bounding_client_rect().height());
                match row_height {
                    Some((r, h)) if r == row => row_height = Some((r, h.max(height))),
                    Some((r, h)) => {
                        changed |= layout.measure(r, h);
                        row_height = Some((row, height));
                    }
                    None => row_height = Some((row, height)),
                }
            }
            if let Some((r, h)) = row_height {
                changed |= layout.measure(r, h);
            }
        }
        if !changed && pending.is_none() {
            return;
        }
        if changed {
            self.version.update(|v| *v += 1);
        }
        let this = self.clone();
        spawn_local(async move {
            tick().await;
            tick().await;
            if let (Some(anchor), Some(grid)) = (keep, this.grid()) {
                let selector = format!("article[data-index='{}']", anchor.index);
                match grid.query_selector(&selector) {
                    Ok(Some(card)) => {
                        let moved = card.get_bounding_client_rect().top() + anchor.offset;
                        if moved.abs() >= 1.0 {
                            window().scroll_by_with_x_and_y(0.0, moved);
                        }
                    }
                    // Not mounted yet: try again after the next frame, a few times.
                    _ if pending.is_some() && this.tries.replace(this.tries.get() + 1) < 5 => {
                        this.go_to(anchor);
                        return;
                    }
                    _ => {}
                }
            }
            this.request_update();
        });
    }
}

/// The page's URL.
fn href() -> String {
    window().location().href().unwrap_or_default()
}

fn inner_height() -> f64 {
    window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0)
}

fn scroll_y() -> f64 {
    window().scroll_y().unwrap_or(0.0)
}

fn viewport(grid: &HtmlElement) -> Viewport {
    Viewport {
        top: -grid.get_bounding_client_rect().top(),
        height: inner_height(),
    }
}

/// The grid's columns, width and gap as laid out now.
fn geometry(grid: &HtmlElement) -> (usize, f64, f64) {
    let style = window().get_computed_style(grid).ok().flatten();
    let read = |name: &str| {
        style
            .as_ref()
            .and_then(|s| s.get_property_value(name).ok())
            .unwrap_or_default()
    };
    let columns = read("grid-template-columns").split_whitespace().count().max(1);
    let gap = crate::touches::decimal(read("row-gap").trim_end_matches("px")).unwrap_or(0.0);
    (columns, f64::from(grid.client_width()), gap)
}

/// The mounted cards in order, with their index in the feed.
fn mounted_cards(grid: &HtmlElement) -> Vec<(usize, Element)> {
    let Ok(list) = grid.query_selector_all("article[data-index]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .filter_map(|card| Some((card.get_attribute("data-index")?.parse().ok()?, card)))
        .collect()
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
    let focused = RwSignal::new(None::<usize>);
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
                Item::Space(i, height) => format!("{i}:{height}"),
                Item::Card(_, jam) => jam.leaf().id.clone(),
            } let:item>
                {match item {
                    Item::Space(_, height) => view! {
                        <div class="feed-space" aria-hidden="true" style:height=format!("{height}px")></div>
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
