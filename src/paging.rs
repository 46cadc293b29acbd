//! Where loading a feed stands, and the feeds a visitor has seen this session. The browser's feed
//! loader (`components::feed_loader`) keeps one `Paging` per feed and asks it what to do; the
//! session keeps the most recent feeds (`Recent`) so that Back finds them loaded.

use crate::backend::ApiError;

/// The state of a feed's paging.
#[derive(Debug, Clone, PartialEq)]
pub enum Paging {
    /// Not asked yet, or the last page came in and more follow.
    Idle,
    /// A page is on its way.
    Loading,
    /// The last request failed; Retry asks again.
    Failed(ApiError),
    /// Every page is in.
    Done,
}

impl Paging {
    /// Whether to ask for the next page now: the end of the list is near and nothing is loading,
    /// failed (a failure waits for Retry) or done.
    pub fn wants_next(&self, near_end: bool) -> bool {
        near_end && *self == Paging::Idle
    }

    /// Whether a request may start now (on Load more or Retry): nothing is loading and more follow.
    pub fn may_load(&self) -> bool {
        matches!(self, Paging::Idle | Paging::Failed(_))
    }

    /// The state after a page came in.
    pub fn after_page(complete: bool) -> Paging {
        if complete {
            Paging::Done
        } else {
            Paging::Idle
        }
    }
}

/// At most `capacity` values by key, the least recently used one dropped first.
#[derive(Debug, Clone)]
pub struct Recent<V> {
    capacity: usize,
    /// Least recently used first.
    entries: Vec<(String, V)>,
}

impl<V: Clone> Recent<V> {
    pub fn new(capacity: usize) -> Self {
        Recent {
            capacity: capacity.max(1),
            entries: Vec::new(),
        }
    }

    /// The value for `key`, made by `make` if there is none; either way it becomes the most recent.
    pub fn get_or_insert_with(&mut self, key: &str, make: impl FnOnce() -> V) -> V {
        let value = match self.entries.iter().position(|(k, _)| k == key) {
            Some(i) => self.entries.remove(i).1,
            None => make(),
        };
        self.entries.push((key.to_owned(), value.clone()));
        if self.entries.len() > self.capacity {
            self.entries.remove(0);
        }
        value
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_page_is_asked_for_only_near_the_end_and_when_idle() {
        assert!(Paging::Idle.wants_next(true));
        assert!(!Paging::Idle.wants_next(false));
        assert!(!Paging::Loading.wants_next(true), "one request at a time");
        assert!(!Paging::Done.wants_next(true));
        assert!(
            !Paging::Failed(ApiError::Network).wants_next(true),
            "a failure waits for Retry"
        );
        assert!(Paging::Failed(ApiError::Timeout).may_load());
        assert!(!Paging::Loading.may_load());
        assert!(!Paging::Done.may_load());
        assert_eq!(Paging::after_page(true), Paging::Done);
        assert_eq!(Paging::after_page(false), Paging::Idle);
    }

    #[test]
    fn recent_keeps_the_latest_and_drops_the_least_recently_used() {
        let mut recent = Recent::new(2);
        assert_eq!(recent.get_or_insert_with("all", || 1), 1);
        assert_eq!(recent.get_or_insert_with("drums", || 2), 2);
        assert_eq!(recent.get_or_insert_with("all", || 99), 1, "found, not made again");
        assert_eq!(recent.get_or_insert_with("keys", || 3), 3);
        assert_eq!(recent.len(), 2);
        assert_eq!(recent.get_or_insert_with("drums", || 4), 4, "drums was dropped");
        assert_eq!(recent.get_or_insert_with("keys", || 5), 3);
        assert!(!recent.is_empty());
    }
}
