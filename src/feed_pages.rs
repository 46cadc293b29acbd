//! Adding a backend's page to a feed in the browser: its performances, kept light, and the layers
//! they reply to, fetched where they are not loaded yet (all of a page's at one depth in one
//! request where the backend allows it). For `components::FeedLoader` and for `first_paint`, which
//! loads the gallery's first page before the App's code has arrived.

use crate::backend::config::backend;
use crate::backend::Page;
use crate::chain::{self, Jam};
use crate::feed::Feed;
use crate::performance::Performance;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// Adds `page` to `feed` and returns the jams of its new cards, in feed order.
pub async fn add_page(feed: &Rc<RefCell<Feed>>, page: Page) -> Vec<Jam> {
    let performances: Vec<_> = page.performances.into_iter().map(lighten).collect();
    let leaves = feed.borrow_mut().add_page(&performances, page.next);
    let known = feed.clone();
    let store = feed.clone();
    chain::resolve(
        leaves,
        move |id| known.borrow().get(id),
        move |ids| {
            let store = store.clone();
            async move {
                let parents = backend().lookup(ids).await;
                parents
                    .found
                    .iter()
                    .for_each(|p| store.borrow_mut().remember(p.clone()));
                parents
            }
        },
    )
    .await
}

/// A feed keeps every performance it loads for the session: it keeps them without their CSV text
/// (only the performance page offers it, and it loads the performance afresh), which is most of a
/// performance's memory.
fn lighten(performance: Arc<Performance>) -> Arc<Performance> {
    match Arc::try_unwrap(performance) {
        Ok(mut performance) => {
            performance.csv = String::new();
            performance.touches.shrink_to_fit();
            Arc::new(performance)
        }
        Err(shared) => shared,
    }
}
