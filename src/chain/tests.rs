use super::*;
use futures::FutureExt;
use std::cell::RefCell;

fn perf(id: &str, reply_to: Option<&str>) -> Arc<Performance> {
    Arc::new(Performance::new(id, &format!("by-{id}"), "chirp", reply_to, vec![]))
}

/// The fake fetches answer at once: resolving never waits.
fn block_on<T>(f: impl Future<Output = T>) -> T {
    f.now_or_never().expect("ready fetches never wait")
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
