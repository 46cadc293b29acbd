//! One performance's jam, fetching every parent it replies to. (Feeds and their pages belong to
//! `components::FeedLoader`.)

use super::config::backend;
use super::error::ApiError;
use crate::chain::{self, Jam};
use std::sync::Arc;

/// The jam that ends in the performance `id`, fetching every parent.
pub async fn jam_of(id: &str) -> Result<Jam, ApiError> {
    let leaf = Arc::new(backend().performance(id).await?);
    let mut jams = chain::resolve(vec![leaf], |_| None, |ids| async move { backend().lookup(ids).await }).await;
    Ok(jams.pop().expect("one jam per leaf"))
}
