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
    #[cfg(test)]
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
#[cfg(test)]
pub fn resolve_loaded<K>(leaf: Arc<Performance>, known: K) -> Jam
where
    K: Fn(&str) -> Option<Arc<Performance>>,
{
    use futures::FutureExt;
    let nothing_more = |_| {
        std::future::ready(Parents {
            found: Vec::new(),
            answered: true,
        })
    };
    let mut jams = resolve(vec![leaf], known, nothing_more)
        .now_or_never()
        .expect("resolving with ready futures never waits");
    jams.pop().expect("one jam per leaf")
}

#[cfg(test)]
mod tests;
