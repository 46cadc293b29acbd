//! The fictional default data set served from `public/api/` (at `/api`): about 180 performances by
//! sixteen made-up performers, as static JSON files. `cargo run -p microjam-tools --bin gen-data`
//! writes them and `tools/tests/dataset/` checks that the committed files still equal [`generate`]'s
//! output.
//!
//! Everything is derived from one fixed seed and fixed dates (no clock, no hash-map order, no libm),
//! so the output is byte-for-byte the same on every machine.
//!
//! Files (paths relative to `public/api/`; names are stored decoded, links are percent-encoded):
//! - `performances.json`: `{"performances": [...], "next": "performances/pages/2.json"}`, the public
//!   feed newest first, [`PAGE_SIZE`] per page; `performances/pages/N.json` are the later pages, each
//!   `next` resolved relative to the file that holds it (`"N+1.json"`, `null` on the last page).
//! - `performances/{id}.json`: one performance.
//! - `performers/{name}.json`: name, colours and the first page of their performances, with later
//!   pages at `performers/{name}/pages/N.json`.
//! - `instruments/{instrument}.json`, later pages at `instruments/{instrument}/pages/N.json`.

mod gestures;
mod performers;
mod rng;
mod timeline;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use microjam_web::instrument::Sound;
use microjam_web::urls::encode_segment;
use rng::Rng;

/// Performances per page in every paged list.
pub const PAGE_SIZE: usize = 20;
/// "MICROJAM" in ASCII.
const SEED: u64 = 0x4D49_4352_4F4A_414D;

/// One performance as the API sends it (field order is the wire order).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Performance {
    pub id: String,
    pub performer: String,
    pub instrument: String,
    /// RFC 3339 UTC, whole seconds.
    pub date: String,
    pub colour: String,
    pub background_colour: String,
    pub reply_to: Option<String>,
    /// The app's CSV: `time,x,y,z,moving` then one row per touch event.
    pub touches: String,
}

#[derive(Serialize)]
struct Page<'a> {
    performances: &'a [Performance],
    next: Option<String>,
}

#[derive(Serialize)]
struct PerformerPage<'a> {
    name: &'a str,
    colour: &'a str,
    background_colour: &'a str,
    performances: &'a [Performance],
    next: Option<String>,
}

/// Every performance of the data set, newest first.
pub fn performances() -> Vec<Performance> {
    let root = Rng::new(SEED);
    let slots = timeline::schedule(root.fork(1));
    let mut ids_rng = root.fork(2);
    let mut seen = BTreeSet::new();
    let ids: Vec<String> = slots
        .iter()
        .map(|_| loop {
            let id = uuid(&mut ids_rng);
            if seen.insert(id.clone()) {
                break id;
            }
        })
        .collect();
    let mut all: Vec<Performance> = slots
        .iter()
        .enumerate()
        .map(|(i, slot)| {
            let who = &performers::ALL[slot.performer];
            let mut touch_rng = root.fork(1_000 + i as u64);
            Performance {
                id: ids[i].clone(),
                performer: who.name.to_owned(),
                instrument: slot.instrument.to_owned(),
                date: timeline::rfc3339(slot.secs),
                colour: who.colour.to_owned(),
                background_colour: who.background.to_owned(),
                reply_to: slot.reply_to.map(|parent| ids[parent].clone()),
                touches: gestures::touches(&mut touch_rng, slot.instrument, who.finger),
            }
        })
        .collect();
    // Same-format RFC 3339 strings sort chronologically, and no two slots share a second.
    all.sort_by(|a, b| b.date.cmp(&a.date));
    all
}

/// A random version-4 UUID in lowercase hex, like the app's CloudKit record names.
fn uuid(rng: &mut Rng) -> String {
    let a = (rng.next_u64() & !0xF000) | 0x4000;
    let b = (rng.next_u64() & !(0b11 << 62)) | (0b10 << 62);
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xFFFF,
        a & 0xFFFF,
        b >> 48,
        b & 0xFFFF_FFFF_FFFF
    )
}

/// The whole `public/api/` tree: relative path (decoded, '/'-separated) ↦ file text.
pub fn generate() -> BTreeMap<String, String> {
    let all = performances();
    let mut files = BTreeMap::new();

    let (first, next) = paginate(&mut files, "performances", "performances/", &all);
    put(
        &mut files,
        "performances.json".to_owned(),
        &Page {
            performances: first,
            next,
        },
    );
    for p in &all {
        put(&mut files, format!("performances/{}.json", p.id), p);
    }

    for who in &performers::ALL {
        let theirs: Vec<Performance> = all.iter().filter(|p| p.performer == who.name).cloned().collect();
        let dir = format!("performers/{}", who.name);
        let (first, next) = paginate(&mut files, &dir, &format!("{}/", encode_segment(who.name)), &theirs);
        let page = PerformerPage {
            name: who.name,
            colour: who.colour,
            background_colour: who.background,
            performances: first,
            next,
        };
        put(&mut files, format!("{dir}.json"), &page);
    }

    for name in Sound::ALL.map(Sound::name) {
        let on_it: Vec<Performance> = all.iter().filter(|p| p.instrument == name).cloned().collect();
        let dir = format!("instruments/{name}");
        let (first, next) = paginate(&mut files, &dir, &format!("{}/", encode_segment(name)), &on_it);
        put(
            &mut files,
            format!("{dir}.json"),
            &Page {
                performances: first,
                next,
            },
        );
    }
    files
}

/// Writes pages 2.. of `items` as `{dir}/pages/N.json` and returns page 1 with its `next` link
/// (`{link_prefix}pages/2.json`, relative to the file that will hold page 1).
fn paginate<'a>(
    files: &mut BTreeMap<String, String>,
    dir: &str,
    link_prefix: &str,
    items: &'a [Performance],
) -> (&'a [Performance], Option<String>) {
    let pages: Vec<&[Performance]> = items.chunks(PAGE_SIZE).collect();
    for (i, page) in pages.iter().enumerate().skip(1) {
        let n = i + 1;
        let next = (n < pages.len()).then(|| format!("{}.json", n + 1));
        put(
            files,
            format!("{dir}/pages/{n}.json"),
            &Page {
                performances: page,
                next,
            },
        );
    }
    let next = (pages.len() > 1).then(|| format!("{link_prefix}pages/2.json"));
    (pages.first().copied().unwrap_or(&[]), next)
}

fn put(files: &mut BTreeMap<String, String>, path: String, value: &impl Serialize) {
    let mut text = serde_json::to_string_pretty(value).expect("the data set serialises");
    text.push('\n');
    let previous = files.insert(path, text);
    assert!(previous.is_none(), "two files of the data set share a path");
}
