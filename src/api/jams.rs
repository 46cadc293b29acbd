//! Loading jams: a feed page's new cards with their layers, and one performance's jam, fetching
//! parents that are not loaded yet (all of a page's at once).

use super::{fetch, Page};
use crate::chain::{self, Jam};
use crate::config::endpoints;
use crate::feed::Feed;
use crate::performance::Performance;
use std::{cell::RefCell, rc::Rc, sync::Arc};

/// A feed shared by the view that shows it and the tasks that grow it (never borrowed across await).
pub type SharedFeed = Rc<RefCell<Feed>>;

/// Adds `page` to `feed` and returns the jams of its new cards, in feed order.
pub async fn add_page(feed: &SharedFeed, page: Page) -> Vec<Jam> {
    let leaves = feed.borrow_mut().add_page(&page.performances, page.next);
    futures::future::join_all(leaves.into_iter().map(|leaf| {
        let known = feed.clone();
        let store = feed.clone();
        chain::resolve(
            leaf,
            move |id| known.borrow().get(id),
            move |id| {
                let store = store.clone();
                async move {
                    let parent = Arc::new(fetch::<Performance>(endpoints().performance(&id)).await.ok()?);
                    store.borrow_mut().remember(parent.clone());
                    Some(parent)
                }
            },
        )
    }))
    .await
}

/// The jam that ends in `leaf`, fetching every parent.
pub async fn jam_of(leaf: Arc<Performance>) -> Jam {
    chain::resolve(
        leaf,
        |_| None,
        |id| async move {
            fetch::<Performance>(endpoints().performance(&id))
                .await
                .ok()
                .map(Arc::new)
        },
    )
    .await
}
