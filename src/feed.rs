//! A feed as the gallery shows it: pages arrive newest first, and their performances are grouped into
//! jams. A performance that a loaded one replies to is a layer of that jam, not a card of its own; a
//! performance seen before (pages may overlap) is dropped; a card once shown stays.

use crate::backend::Cursor;
use crate::performance::Performance;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Everything loaded so far from one feed, and where it goes on.
#[derive(Debug, Default, Clone)]
pub struct Feed {
    loaded: HashMap<String, Arc<Performance>>,
    /// Ids that some loaded performance replies to: layers, not cards.
    referenced: HashSet<String>,
    /// The leaves shown as cards, in feed order.
    cards: Vec<Arc<Performance>>,
    /// The cursor of the next page; None once the last page is in.
    next: Option<Cursor>,
    /// Every cursor followed so far: a backend whose pages link in a circle still comes to an end.
    /// (One per page: a list costs the bundle less than hashing cursors.)
    followed: Vec<Cursor>,
    pages: usize,
}

impl Feed {
    /// Adds a page and returns the performances that became new cards, in feed order.
    pub fn add_page(&mut self, performances: &[Arc<Performance>], next: Option<Cursor>) -> Vec<Arc<Performance>> {
        self.pages += 1;
        self.next = next.filter(|cursor| !self.followed.contains(cursor));
        self.followed.extend(self.next.clone());
        let fresh: Vec<&Arc<Performance>> = {
            let mut in_page = HashSet::new();
            performances
                .iter()
                .filter(|p| !self.loaded.contains_key(&p.id) && in_page.insert(p.id.as_str()))
                .collect()
        };
        // Replies first: within a page, a parent listed before its reply is still a layer.
        for p in &fresh {
            if let Some(parent) = &p.reply_to {
                self.referenced.insert(parent.clone());
            }
        }
        let mut new_cards = Vec::new();
        for p in fresh {
            self.loaded.insert(p.id.clone(), p.clone());
            if !self.referenced.contains(&p.id) {
                new_cards.push(p.clone());
            }
        }
        self.cards.extend(new_cards.iter().cloned());
        new_cards
    }

    /// Remembers a performance fetched on its own (a jam's parent) so that it is not fetched again
    /// and, should it come up in a later page, not shown as a card of its own.
    pub fn remember(&mut self, performance: Arc<Performance>) {
        self.referenced.insert(performance.id.clone());
        self.loaded.entry(performance.id.clone()).or_insert(performance);
    }

    pub fn get(&self, id: &str) -> Option<Arc<Performance>> {
        self.loaded.get(id).cloned()
    }

    #[cfg(test)]
    pub fn cards(&self) -> &[Arc<Performance>] {
        &self.cards
    }

    pub fn next(&self) -> Option<&Cursor> {
        self.next.as_ref()
    }

    /// True once at least one page is in and none follows.
    pub fn is_complete(&self) -> bool {
        self.pages > 0 && self.next.is_none()
    }

    pub fn pages(&self) -> usize {
        self.pages
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chain::resolve_loaded;

    fn perf(id: &str, reply_to: Option<&str>) -> Arc<Performance> {
        Arc::new(Performance::new(id, "p", "keys", reply_to, vec![]))
    }

    fn ids(list: &[Arc<Performance>]) -> Vec<&str> {
        list.iter().map(|p| p.id.as_str()).collect()
    }

    fn url(next: &str) -> Option<Cursor> {
        Some(Cursor::Url(next.to_owned()))
    }

    #[test]
    fn leaves_become_cards_and_parents_are_hidden() {
        let mut feed = Feed::default();
        let page = [
            perf("c", Some("b")),
            perf("d", None),
            perf("b", Some("a")),
            perf("a", None),
        ];
        assert_eq!(ids(&feed.add_page(&page, url("p2"))), ["c", "d"]);
        let jam = resolve_loaded(feed.cards()[0].clone(), |id| feed.get(id));
        assert_eq!(ids(&jam.layers), ["c", "b", "a"]);
        assert_eq!(feed.next(), url("p2").as_ref());
        assert!(!feed.is_complete());
    }

    #[test]
    fn a_parent_on_a_later_page_stays_hidden() {
        let mut feed = Feed::default();
        feed.add_page(&[perf("r2", Some("r1"))], url("p2"));
        let second = feed.add_page(&[perf("r1", Some("r0")), perf("x", None)], url("p3"));
        assert_eq!(ids(&second), ["x"]);
        let third = feed.add_page(&[perf("r0", None)], None);
        assert!(third.is_empty());
        assert_eq!(ids(feed.cards()), ["r2", "x"]);
        assert!(feed.is_complete());
        assert_eq!(feed.pages(), 3);
    }

    #[test]
    fn a_parent_listed_before_its_reply_in_one_page_is_still_a_layer() {
        let mut feed = Feed::default();
        assert_eq!(
            ids(&feed.add_page(&[perf("a", None), perf("b", Some("a"))], None)),
            ["b"]
        );
    }

    #[test]
    fn two_replies_to_one_root_are_two_cards_sharing_it() {
        let mut feed = Feed::default();
        let cards = feed.add_page(
            &[perf("y", Some("root")), perf("x", Some("root")), perf("root", None)],
            None,
        );
        assert_eq!(ids(&cards), ["y", "x"]);
    }

    #[test]
    fn duplicates_across_and_within_pages_are_dropped() {
        let mut feed = Feed::default();
        feed.add_page(&[perf("a", None), perf("b", None), perf("a", None)], url("2"));
        let second = feed.add_page(&[perf("b", None), perf("c", None)], None);
        assert_eq!(ids(&second), ["c"]);
        assert_eq!(ids(feed.cards()), ["a", "b", "c"]);
    }

    #[test]
    fn a_card_once_shown_stays_when_a_late_reply_arrives() {
        let mut feed = Feed::default();
        feed.add_page(&[perf("old", None)], url("2"));
        let second = feed.add_page(&[perf("late", Some("old"))], None);
        assert_eq!(ids(&second), ["late"]);
        assert_eq!(ids(feed.cards()), ["old", "late"]);
    }

    #[test]
    fn a_remembered_parent_is_not_a_card_when_its_page_comes() {
        let mut feed = Feed::default();
        feed.remember(perf("p", None));
        assert!(feed.get("p").is_some());
        assert!(feed.add_page(&[perf("p", None)], None).is_empty());
    }

    #[test]
    fn pages_linking_in_a_circle_end_the_feed() {
        let mut feed = Feed::default();
        feed.add_page(&[perf("a", None)], url("p2"));
        feed.add_page(&[perf("b", None)], url("p3"));
        feed.add_page(&[perf("c", None)], url("p2"));
        assert!(feed.is_complete(), "p2 again is the end");
        assert_eq!(ids(feed.cards()), ["a", "b", "c"]);
    }

    #[test]
    fn an_empty_feed_is_complete_after_its_only_page() {
        let mut feed = Feed::default();
        assert!(!feed.is_complete());
        assert!(feed.add_page(&[], None).is_empty());
        assert!(feed.is_complete());
    }
}
