//! The one browser-side feed loader, for the gallery, the instrument filters and the performer pages:
//! it owns the backend's cursor and the jams loaded so far, loads the next page when told the end is
//! near and nothing is loading, and is the only place that knows how paging works. The session keeps
//! the most recent feeds with their scroll place, so Back and Forward find them as they were without
//! asking the backend again; a reload starts fresh.

use crate::backend::config::backend;
use crate::backend::{ApiError, Backend, Page, Performer, View};
use crate::chain::Jam;
use crate::feed::Feed;
use crate::feed_pages::add_page;
use crate::feed_window::{Anchor, Layout};
use crate::paging::{Paging, Recent};
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// How many feeds the session remembers (all, a few instruments, a few performers).
const REMEMBERED_FEEDS: usize = 12;

thread_local! {
    static FEEDS: RefCell<Recent<FeedLoader>> = RefCell::new(Recent::new(REMEMBERED_FEEDS));
}

/// Where the visitor was in a feed: its geometry as last measured, and the card at the top.
#[derive(Debug, Clone, Default)]
pub struct Place {
    pub layout: Option<Layout>,
    pub anchor: Anchor,
}

/// One feed being loaded; clones share it. (The browser has one thread: views may hold it.)
#[derive(Clone)]
pub struct FeedLoader(SendWrapper<Rc<Inner>>);

struct Inner {
    view: View,
    feed: Rc<RefCell<Feed>>,
    /// The cards' jams in feed order.
    jams: ArcRwSignal<Vec<Jam>>,
    paging: ArcRwSignal<Paging>,
    /// The performer of a performer's feed, from its first page (without its performances).
    performer: ArcRwSignal<Option<Performer>>,
    place: RefCell<Place>,
    /// Page requests sent, for the tests and the benchmark to see that nothing is asked twice.
    requests: Cell<usize>,
}

impl FeedLoader {
    /// The session's loader for `view` on the configured backend, loading its first page if it has
    /// none (a new feed, or one whose first page failed). The gallery's first feed starts from the
    /// page `first_paint` loaded and showed before the App's code arrived, if it did.
    pub fn open(view: View) -> FeedLoader {
        let key = key(&view);
        let loader = FEEDS.with_borrow_mut(|feeds| feeds.get_or_insert_with(&key, || FeedLoader::new(view)));
        if loader.0.feed.borrow().pages() == 0 {
            let painted = (loader.0.view == View::All)
                .then(crate::first_paint::take_page)
                .flatten();
            match painted {
                Some(first) => loader.start_from(first.feed, first.jams),
                None => loader.load(),
            }
        }
        loader
    }

    /// Starts from a first page loaded elsewhere, at once (its cards are in the first render).
    fn start_from(&self, feed: Feed, jams: Vec<Jam>) {
        *self.0.feed.borrow_mut() = feed;
        self.0.jams.set(jams);
        self.0.paging.set(Paging::after_page(self.is_complete()));
    }

    fn new(view: View) -> FeedLoader {
        FeedLoader(SendWrapper::new(Rc::new(Inner {
            view,
            feed: Rc::default(),
            jams: ArcRwSignal::new(Vec::new()),
            paging: ArcRwSignal::new(Paging::Idle),
            performer: ArcRwSignal::new(None),
            place: RefCell::default(),
            requests: Cell::new(0),
        })))
    }

    pub fn jams(&self) -> Signal<Vec<Jam>> {
        self.0.jams.clone().into()
    }

    pub fn paging(&self) -> Signal<Paging> {
        self.0.paging.clone().into()
    }

    pub fn performer(&self) -> Signal<Option<Performer>> {
        self.0.performer.clone().into()
    }

    /// Whether every page is in (so the number of cards is known).
    pub fn is_complete(&self) -> bool {
        self.0.feed.borrow().is_complete()
    }

    #[cfg(any(test, feature = "test-support"))]
    pub fn requests(&self) -> usize {
        self.0.requests.get()
    }

    pub fn place(&self) -> Place {
        self.0.place.borrow().clone()
    }

    pub fn set_place(&self, place: Place) {
        *self.0.place.borrow_mut() = place;
    }

    /// Loads the next page whenever `near_end` says the end of the list is near and nothing is
    /// loading, for as long as the calling view lives.
    pub fn follow(&self, near_end: Signal<bool>) {
        let this = self.clone();
        let paging = self.0.paging.clone();
        Effect::new(move |_| {
            if paging.with(|p| p.wants_next(near_end.get())) {
                this.load();
            }
        });
    }

    /// Loads the next page (the first if none is in) unless one is loading or all are in: for the
    /// end of the list coming near, Load more and Retry.
    pub fn load(&self) {
        let paging = &self.0.paging;
        if !paging.with_untracked(Paging::may_load) {
            return;
        }
        let (first, cursor) = {
            let feed = self.0.feed.borrow();
            (feed.pages() == 0, feed.next().cloned())
        };
        if !first && cursor.is_none() {
            paging.set(Paging::Done);
            return;
        }
        paging.set(Paging::Loading);
        self.0.requests.set(self.0.requests.get() + 1);
        let this = self.clone();
        spawn_local(async move {
            let page = match cursor {
                Some(cursor) => backend().next(&cursor).await,
                None => this.first_page().await,
            };
            match page {
                Ok(page) => {
                    let new = add_page(&this.0.feed, page).await;
                    this.0.jams.update(|jams| jams.extend(new));
                    this.0.paging.set(Paging::after_page(this.is_complete()));
                }
                Err(error) => this.0.paging.set(Paging::Failed(error)),
            }
        });
    }

    /// The first page: a performer's comes with the performer.
    async fn first_page(&self) -> Result<Page, ApiError> {
        match &self.0.view {
            View::Performer(name) => {
                let mut performer = backend().performer(name).await?;
                let page = std::mem::take(&mut performer.page);
                self.0.performer.set(Some(performer));
                Ok(page)
            }
            view => backend().page(view).await,
        }
    }
}

/// What tells one feed from another: the backend it comes from and which list it is.
fn key(view: &View) -> String {
    let source = match backend() {
        Backend::Json(api) => api.base().to_owned(),
        Backend::CloudKit(config) => format!("{} {} {}", config.url, config.container, config.environment),
        Backend::Misconfigured(why) => why,
    };
    match view {
        View::All => source,
        View::Instrument(name) => format!("{source} instrument {name}"),
        View::Performer(name) => format!("{source} performer {name}"),
    }
}
