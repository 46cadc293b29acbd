//! Reply chains: a jam is a performance with the layers it replies to beneath it. Resolving one
//! follows `reply_to` from the newest layer down, fetching parents not yet loaded, with a depth bound
//! and cycle detection; a missing parent simply ends the chain.

use crate::performance::Performance;
use std::collections::HashSet;
use std::future::Future;
use std::sync::Arc;

/// The most layers a jam may have; deeper chains are cut here.
pub const MAX_LAYERS: usize = 16;

/// Why a chain stopped where it did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainEnd {
    /// The last layer replies to nothing: the chain is whole.
    Root,
    /// The last layer replies to a performance that could not be had.
    MissingParent(String),
    /// The last layer replies to a performance already in the chain.
    Cycle(String),
    /// The chain reached `MAX_LAYERS`.
    TooDeep,
}

/// A jam: layers from the newest (the leaf) to the oldest.
#[derive(Debug, Clone, PartialEq)]
pub struct Jam {
    pub layers: Vec<Arc<Performance>>,
    pub end: ChainEnd,
}

impl Jam {
    /// The newest layer, which the jam is named after.
    pub fn leaf(&self) -> &Arc<Performance> {
        &self.layers[0]
    }

    /// The oldest layer loaded, whose background the jam is drawn on.
    pub fn root(&self) -> &Arc<Performance> {
        self.layers.last().expect("a jam has at least one layer")
    }
}

/// Resolves the jam ending in `leaf`. `known` answers from what is already loaded; `fetch` loads a
/// parent by id (None when it does not exist or cannot be had, which ends the chain).
pub async fn resolve<K, F, Fut>(leaf: Arc<Performance>, known: K, mut fetch: F) -> Jam
where
    K: Fn(&str) -> Option<Arc<Performance>>,
    F: FnMut(String) -> Fut,
    Fut: Future<Output = Option<Arc<Performance>>>,
{
    let mut seen: HashSet<String> = HashSet::from([leaf.id.clone()]);
    let mut layers = vec![leaf];
    loop {
        let Some(parent_id) = layers.last().and_then(|p| p.reply_to.clone()) else {
            return Jam {
                layers,
                end: ChainEnd::Root,
            };
        };
        if seen.contains(&parent_id) {
            return Jam {
                layers,
                end: ChainEnd::Cycle(parent_id),
            };
        }
        if layers.len() >= MAX_LAYERS {
            return Jam {
                layers,
                end: ChainEnd::TooDeep,
            };
        }
        let parent = match known(&parent_id) {
            Some(p) => Some(p),
            None => fetch(parent_id.clone()).await,
        };
        match parent.filter(|p| p.id == parent_id) {
            Some(p) => {
                seen.insert(parent_id);
                layers.push(p);
            }
            None => {
                return Jam {
                    layers,
                    end: ChainEnd::MissingParent(parent_id),
                }
            }
        }
    }
}

/// Resolves a jam from loaded performances only: a parent that is not loaded ends it as missing.
pub fn resolve_loaded<K>(leaf: Arc<Performance>, known: K) -> Jam
where
    K: Fn(&str) -> Option<Arc<Performance>>,
{
    let future = resolve(leaf, known, |_| std::future::ready(None));
    let mut future = std::pin::pin!(future);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(jam) => jam,
        std::task::Poll::Pending => unreachable!("resolving with ready futures never waits"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::collections::HashMap;

    fn perf(id: &str, reply_to: Option<&str>) -> Arc<Performance> {
        Arc::new(Performance::new(id, &format!("by-{id}"), "chirp", reply_to, vec![]))
    }

    fn block_on<T>(f: impl Future<Output = T>) -> T {
        let mut f = std::pin::pin!(f);
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        loop {
            if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) {
                return v;
            }
        }
    }

    /// A fake server: `store` holds what exists; every fetch is recorded.
    fn resolve_with(leaf: &str, loaded: &[Arc<Performance>], store: &[Arc<Performance>]) -> (Jam, Vec<String>) {
        let loaded: HashMap<_, _> = loaded.iter().map(|p| (p.id.clone(), p.clone())).collect();
        let store: HashMap<_, _> = store.iter().map(|p| (p.id.clone(), p.clone())).collect();
        let fetched = RefCell::new(Vec::new());
        let leaf = loaded.get(leaf).or(store.get(leaf)).unwrap().clone();
        let jam = block_on(resolve(
            leaf,
            |id| loaded.get(id).cloned(),
            |id| {
                fetched.borrow_mut().push(id.clone());
                std::future::ready(store.get(&id).cloned())
            },
        ));
        (jam, fetched.into_inner())
    }

    fn ids(jam: &Jam) -> Vec<&str> {
        jam.layers.iter().map(|p| p.id.as_str()).collect()
    }

    #[test]
    fn follows_reply_to_fetching_only_what_is_not_loaded() {
        let (c, b, a) = (perf("c", Some("b")), perf("b", Some("a")), perf("a", None));
        let (jam, fetched) = resolve_with("c", &[c.clone(), a.clone()], std::slice::from_ref(&b));
        assert_eq!(ids(&jam), ["c", "b", "a"]);
        assert_eq!(jam.end, ChainEnd::Root);
        assert_eq!(fetched, ["b"]);
        assert_eq!((jam.leaf().id.as_str(), jam.root().id.as_str()), ("c", "a"));
    }

    #[test]
    fn a_missing_parent_ends_the_chain() {
        let (jam, fetched) = resolve_with("c", &[perf("c", Some("b")), perf("b", Some("gone"))], &[]);
        assert_eq!(ids(&jam), ["c", "b"]);
        assert_eq!(jam.end, ChainEnd::MissingParent("gone".into()));
        assert_eq!(fetched, ["gone"]);
    }

    #[test]
    fn a_cycle_stops_without_looping() {
        let loaded = [perf("a", Some("b")), perf("b", Some("c")), perf("c", Some("a"))];
        let (jam, fetched) = resolve_with("a", &loaded, &[]);
        assert_eq!(ids(&jam), ["a", "b", "c"]);
        assert_eq!(jam.end, ChainEnd::Cycle("a".into()));
        assert!(fetched.is_empty());
    }

    #[test]
    fn the_depth_bound_cuts_long_chains() {
        let chain: Vec<_> = (0..40)
            .map(|i| perf(&format!("p{i}"), Some(&format!("p{}", i + 1))))
            .collect();
        let (jam, fetched) = resolve_with("p0", &chain[..1], &chain);
        assert_eq!(jam.layers.len(), MAX_LAYERS);
        assert_eq!(jam.end, ChainEnd::TooDeep);
        assert_eq!(fetched.len(), MAX_LAYERS - 1);
    }

    #[test]
    fn a_fetch_answering_with_another_record_counts_as_missing() {
        let store = [perf("x", None)];
        let leaf = perf("c", Some("b"));
        let jam = block_on(resolve(leaf, |_| None, |_| std::future::ready(Some(store[0].clone()))));
        assert_eq!(jam.end, ChainEnd::MissingParent("b".into()));
    }

    #[test]
    fn resolving_from_loaded_performances_only() {
        let loaded: HashMap<_, _> = [perf("b", Some("a")), perf("a", None)]
            .into_iter()
            .map(|p| (p.id.clone(), p))
            .collect();
        let jam = resolve_loaded(perf("c", Some("b")), |id| loaded.get(id).cloned());
        assert_eq!(ids(&jam), ["c", "b", "a"]);
        let jam = resolve_loaded(perf("d", Some("zz")), |id| loaded.get(id).cloned());
        assert_eq!(jam.end, ChainEnd::MissingParent("zz".into()));
    }
}
