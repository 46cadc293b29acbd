//! Reply chains: a jam is a performance with the layers it replies to beneath it. Resolving one
//! follows `reply_to` from the newest layer down, fetching parents not yet loaded, with a depth bound
//! and cycle detection; a missing parent simply ends the chain.

use crate::performance::Performance;
use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::sync::Arc;

/// The most layers a jam may have; deeper chains are cut here.
pub const MAX_LAYERS: usize = 16;

/// Why a chain stopped where it did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainEnd {
    /// The last layer replies to nothing: the chain is whole.
    Root,
    /// The last layer replies to a performance that does not exist (any more).
    MissingParent(String),
    /// The last layer's parent could not be loaded just now (network or server trouble).
    Unavailable(String),
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

    /// How long the jam plays (s): 5, or longer when a layer runs past (touch times are at most
    /// `touches::MAX_TIME`).
    pub fn length(&self) -> f64 {
        self.layers
            .iter()
            .map(|p| f64::from(crate::touches::duration(&p.touches)))
            .fold(5.0, f64::max)
    }
}

/// A jam being resolved: its layers so far, and why it stopped once it has.
struct Walk {
    layers: Vec<Arc<Performance>>,
    seen: HashSet<String>,
    end: Option<ChainEnd>,
}

impl Walk {
    /// Follows `reply_to` through what `find` has; returns the parent it needs and does not have.
    fn advance(&mut self, find: impl Fn(&str) -> Option<Arc<Performance>>) -> Option<String> {
        while self.end.is_none() {
            let Some(parent_id) = self.layers.last().and_then(|p| p.reply_to.clone()) else {
                self.end = Some(ChainEnd::Root);
                break;
            };
            if self.seen.contains(&parent_id) {
                self.end = Some(ChainEnd::Cycle(parent_id));
            } else if self.layers.len() >= MAX_LAYERS {
                self.end = Some(ChainEnd::TooDeep);
            } else if let Some(parent) = find(&parent_id).filter(|p| p.id == parent_id) {
                self.seen.insert(parent_id);
                self.layers.push(parent);
            } else {
                return Some(parent_id);
            }
        }
        None
    }
}

/// What a batch fetch of parents brought back.
#[derive(Debug, Clone, Default)]
pub struct Parents {
    pub found: Vec<Arc<Performance>>,
    /// True when every id not found is known not to exist; false when some could not be had for
    /// another reason (the network, the server).
    pub answered: bool,
}

/// Resolves the jams ending in `leaves`, in order. `known` answers from what is already loaded;
/// `fetch` loads a batch of parents by id (one request for all the jams' parents at one depth). A
/// parent that cannot be had ends its chain.
pub async fn resolve<K, F, Fut>(leaves: Vec<Arc<Performance>>, known: K, mut fetch: F) -> Vec<Jam>
where
    K: Fn(&str) -> Option<Arc<Performance>>,
    F: FnMut(Vec<String>) -> Fut,
    Fut: Future<Output = Parents>,
{
    let mut walks: Vec<Walk> = leaves
        .into_iter()
        .map(|leaf| Walk {
            seen: HashSet::from([leaf.id.clone()]),
            layers: vec![leaf],
            end: None,
        })
        .collect();
    let mut fetched: HashMap<String, Arc<Performance>> = HashMap::new();
    loop {
        let find = |id: &str| known(id).or_else(|| fetched.get(id).cloned());
        let mut wanted: Vec<String> = Vec::new();
        for walk in &mut walks {
            if let Some(id) = walk.advance(find) {
                if !wanted.contains(&id) {
                    wanted.push(id);
                }
            }
        }
        if wanted.is_empty() {
            break;
        }
        let parents = fetch(wanted.clone()).await;
        for parent in parents.found {
            fetched.insert(parent.id.clone(), parent);
        }
        for id in wanted.into_iter().filter(|id| !fetched.contains_key(id)) {
            for walk in walks.iter_mut().filter(|w| w.end.is_none()) {
                if walk.layers.last().and_then(|p| p.reply_to.as_deref()) == Some(id.as_str()) {
                    walk.end = Some(if parents.answered {
                        ChainEnd::MissingParent(id.clone())
                    } else {
                        ChainEnd::Unavailable(id.clone())
                    });
                }
            }
        }
    }
    walks
        .into_iter()
        .map(|w| Jam {
            layers: w.layers,
            end: w.end.unwrap_or(ChainEnd::Root),
        })
        .collect()
}

/// Resolves a jam from loaded performances only: a parent that is not loaded ends it as missing.
pub fn resolve_loaded<K>(leaf: Arc<Performance>, known: K) -> Jam
where
    K: Fn(&str) -> Option<Arc<Performance>>,
{
    let future = resolve(vec![leaf], known, |_| {
        std::future::ready(Parents {
            found: Vec::new(),
            answered: true,
        })
    });
    let mut future = std::pin::pin!(future);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(mut jams) => jams.pop().expect("one jam per leaf"),
        std::task::Poll::Pending => unreachable!("resolving with ready futures never waits"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

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

    /// A fake server: `store` holds what exists; every batch fetched is recorded.
    fn resolve_all(
        leaves: &[&str],
        loaded: &[Arc<Performance>],
        store: &[Arc<Performance>],
    ) -> (Vec<Jam>, Vec<Vec<String>>) {
        let loaded: HashMap<_, _> = loaded.iter().map(|p| (p.id.clone(), p.clone())).collect();
        let store: HashMap<_, _> = store.iter().map(|p| (p.id.clone(), p.clone())).collect();
        let batches = RefCell::new(Vec::new());
        let leaves = leaves
            .iter()
            .map(|l| loaded.get(*l).or(store.get(*l)).unwrap().clone())
            .collect();
        let jams = block_on(resolve(
            leaves,
            |id| loaded.get(id).cloned(),
            |ids: Vec<String>| {
                batches.borrow_mut().push(ids.clone());
                let found = ids.iter().filter_map(|id| store.get(id).cloned()).collect();
                std::future::ready(Parents { found, answered: true })
            },
        ));
        (jams, batches.into_inner())
    }

    fn resolve_with(leaf: &str, loaded: &[Arc<Performance>], store: &[Arc<Performance>]) -> (Jam, Vec<String>) {
        let (mut jams, batches) = resolve_all(&[leaf], loaded, store);
        (jams.remove(0), batches.concat())
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
        let jams = block_on(resolve(
            vec![leaf],
            |_| None,
            |_| {
                std::future::ready(Parents {
                    found: vec![store[0].clone()],
                    answered: true,
                })
            },
        ));
        assert_eq!(jams[0].end, ChainEnd::MissingParent("b".into()));
    }

    #[test]
    fn a_parent_that_could_not_be_loaded_is_unavailable_not_missing() {
        let leaf = perf("c", Some("b"));
        let jams = block_on(resolve(
            vec![leaf],
            |_| None,
            |_| std::future::ready(Parents::default()),
        ));
        assert_eq!(jams[0].end, ChainEnd::Unavailable("b".into()));
    }

    #[test]
    fn the_parents_of_many_jams_are_fetched_in_one_batch_per_depth() {
        let store = [
            perf("p1", Some("g1")),
            perf("p2", Some("g1")),
            perf("g1", None),
            perf("p3", None),
        ];
        let loaded = [
            perf("a", Some("p1")),
            perf("b", Some("p2")),
            perf("c", Some("p3")),
            perf("d", Some("gone")),
            perf("e", None),
        ];
        let (jams, batches) = resolve_all(&["a", "b", "c", "d", "e"], &loaded, &store);
        assert_eq!(batches, [vec!["p1", "p2", "p3", "gone"], vec!["g1"]]);
        let layers: Vec<Vec<&str>> = jams.iter().map(ids).collect();
        assert_eq!(
            layers,
            [
                vec!["a", "p1", "g1"],
                vec!["b", "p2", "g1"],
                vec!["c", "p3"],
                vec!["d"],
                vec!["e"]
            ]
        );
        assert_eq!(jams[3].end, ChainEnd::MissingParent("gone".into()));
        assert!(jams.iter().enumerate().all(|(i, j)| i == 3 || j.end == ChainEnd::Root));
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

    #[test]
    fn a_jam_lasts_5_seconds_or_as_long_as_its_longest_layer() {
        let tap = |time| crate::touches::Touch {
            time,
            x: 0.5,
            y: 0.5,
            z: 20.0,
            moving: false,
        };
        let layer = |id: &str, time| Arc::new(Performance::new(id, "p", "keys", None, vec![tap(time)]));
        let jam = |layers| Jam {
            layers,
            end: ChainEnd::Root,
        };
        assert_eq!(jam(vec![layer("a", 1.0), layer("b", 4.0)]).length(), 5.0);
        assert_eq!(jam(vec![layer("a", 1.0), layer("b", 7.5)]).length(), 7.5);
    }
}
