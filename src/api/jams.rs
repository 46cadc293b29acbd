//! Loading jams: a feed page's new cards with their layers, and one performance's jam, fetching the
//! parents that are not loaded yet (all of a page's at one depth in one request where possible).

use super::{ApiError, Page, View};
use crate::chain::{self, Jam};
use crate::config::backend;
use crate::feed::Feed;
use std::{cell::RefCell, rc::Rc, sync::Arc};

/// A feed shared by the view that shows it and the tasks that grow it (never borrowed across await).
pub type SharedFeed = Rc<RefCell<Feed>>;

/// Adds `page` to `feed` and returns the jams of its new cards, in feed order.
pub async fn add_page(feed: &SharedFeed, page: Page) -> Vec<Jam> {
    let leaves = feed.borrow_mut().add_page(&page.performances, page.next);
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

/// The first page of `view` and its jams, for a route's resource.
pub async fn first_page(view: View) -> Result<(SharedFeed, Vec<Jam>), ApiError> {
    let page = backend().page(&view).await?;
    let feed = SharedFeed::default();
    let jams = add_page(&feed, page).await;
    Ok((feed, jams))
}

/// The jam that ends in the performance `id`, fetching every parent.
pub async fn jam_of(id: &str) -> Result<Jam, ApiError> {
    let leaf = Arc::new(backend().performance(id).await?);
    let mut jams = chain::resolve(vec![leaf], |_| None, |ids| async move { backend().lookup(ids).await }).await;
    Ok(jams.pop().expect("one jam per leaf"))
}
