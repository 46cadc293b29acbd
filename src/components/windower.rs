//! The measuring and scrolling half of a feed's card window (`CardWindow` holds the reactive half):
//! it reads the viewport and the grid's columns once a frame while scrolling, measures the rows
//! that mount, keeps the card at the top of the viewport in place when a row above it turns out
//! taller or shorter than counted, and brings back an anchor (after Back, or when the cards reflow).

use crate::feed_window::{Anchor, Layout, Viewport};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::{spawn_local, tick};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The measuring and scrolling half of the window; the reactive half is in `CardWindow`.
pub(super) struct Windower {
    pub(super) grid: NodeRef<Div>,
    pub(super) layout: RefCell<Layout>,
    pub(super) view: RwSignal<Viewport>,
    /// Bumped when a measurement changes the layout.
    pub(super) version: RwSignal<u64>,
    pub(super) anchor: Cell<Anchor>,
    /// An anchor to bring back once the rows around it are measured (after Back, or a resize).
    pub(super) pending: Cell<Option<Anchor>>,
    pub(super) frame_requested: Cell<bool>,
    /// Attempts so far at bringing back a pending anchor.
    pub(super) tries: Cell<u8>,
    /// The page's URL when the view was made.
    pub(super) href: String,
    /// False once the view is gone: frames and tasks still on their way then do nothing.
    pub(super) alive: Cell<bool>,
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
    pub(super) fn with_layout<T>(&self, cards: usize, read: impl FnOnce(&Layout) -> T) -> T {
        let mut layout = self.layout.borrow_mut();
        layout.set_cards(cards);
        read(&layout)
    }

    /// Schedules `update` for the next frame (once however many scroll events come).
    pub(super) fn request_update(self: &Rc<Self>) {
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
    pub(super) fn update(self: &Rc<Self>) {
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
    pub(super) fn go_to(self: &Rc<Self>, anchor: Anchor) {
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
pub(super) fn href() -> String {
    window().location().href().unwrap_or_default()
}

pub(super) fn inner_height() -> f64 {
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
