#![cfg(not(target_arch = "wasm32"))]
//! The committed default data set under `public/api/` must equal what `microjam_tools::dataset`
//! generates, and that data must keep the promises the site (and anyone reading the API) relies on:
//! paging, links, replies, colours and touch recordings that look like the app's.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::OnceLock;
use std::{fs, io};

use microjam_tools::dataset;
use microjam_web::urls::{decode_segment, encode_segment, resolve};
use serde_json::Value;

const BASE: &str = "http://example.test/api/";
const REGENERATE: &str =
    "run `cargo run -p microjam-tools --bin gen-data` to regenerate public/api/ (and commit the result)";

fn files() -> &'static BTreeMap<String, String> {
    static FILES: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    FILES.get_or_init(dataset::generate)
}

fn json() -> &'static BTreeMap<String, Value> {
    static JSON: OnceLock<BTreeMap<String, Value>> = OnceLock::new();
    JSON.get_or_init(|| {
        let parse = |(path, text): (&String, &String)| {
            let value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{path} is not JSON: {e}"));
            (path.clone(), value)
        };
        files().iter().map(parse).collect()
    })
}

fn read_tree(dir: &Path, prefix: &str, out: &mut BTreeMap<String, String>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry
            .file_name()
            .into_string()
            .expect("file names under public/api are UTF-8");
        let relative = format!("{prefix}{name}");
        if entry.file_type()?.is_dir() {
            read_tree(&entry.path(), &format!("{relative}/"), out)?;
        } else {
            out.insert(relative, fs::read_to_string(entry.path())?);
        }
    }
    Ok(())
}

#[test]
fn committed_files_equal_the_generator_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tools/ is in the site's folder")
        .join("public/api");
    let mut disk = BTreeMap::new();
    read_tree(&root, "", &mut disk).unwrap_or_else(|e| panic!("cannot read {}: {e}; {REGENERATE}", root.display()));
    let mut problems = Vec::new();
    for (path, text) in files() {
        match disk.get(path) {
            None => problems.push(format!("public/api/{path} is missing")),
            Some(found) if found != text => {
                let line = found.lines().zip(text.lines()).position(|(a, b)| a != b);
                let line = line.unwrap_or_else(|| found.lines().count().min(text.lines().count())) + 1;
                problems.push(format!(
                    "public/api/{path} differs from the generator's output (first at line {line})"
                ));
            }
            Some(_) => {}
        }
    }
    for path in disk.keys().filter(|path| !files().contains_key(*path)) {
        problems.push(format!("public/api/{path} is not produced by the generator"));
    }
    if let Some(first) = problems.first() {
        let more = match problems.len() {
            1 => String::new(),
            n => format!(" (and {} more differences)", n - 1),
        };
        panic!("{first}{more}: {REGENERATE}");
    }
}

#[test]
fn generation_is_deterministic() {
    assert!(
        dataset::generate() == *files(),
        "two runs of dataset::generate() differ"
    );
}

fn file(path: &str) -> &'static Value {
    json().get(path).unwrap_or_else(|| panic!("no file {path}"))
}

/// Follows `next` links from `start` the way the site does (resolving against the file's URL).
/// Returns the performances in order and the files visited; checks page sizes along the way.
fn follow(start: &str) -> (Vec<&'static Value>, Vec<String>) {
    let (mut items, mut visited, mut path) = (Vec::new(), Vec::new(), start.to_owned());
    loop {
        assert!(
            !visited.contains(&path),
            "the `next` links starting at {start} loop back to {path}"
        );
        let page = file(&path);
        let performances = page["performances"]
            .as_array()
            .unwrap_or_else(|| panic!("{path} has no performances"));
        assert!(
            performances.len() <= dataset::PAGE_SIZE,
            "{path} holds more than a page"
        );
        items.extend(performances.iter());
        visited.push(path.clone());
        let Some(next) = page["next"].as_str() else {
            assert!(page["next"].is_null(), "{path}: next must be a string or null");
            return (items, visited);
        };
        assert_eq!(
            performances.len(),
            dataset::PAGE_SIZE,
            "{path} is not the last page but holds less than a page"
        );
        let canonical = next
            .split('/')
            .all(|s| decode_segment(s).is_some_and(|d| encode_segment(&d) == s));
        assert!(
            canonical,
            "{path}: next {next:?} is not percent-encoded segment by segment"
        );
        let url: String = path.split('/').map(encode_segment).collect::<Vec<_>>().join("/");
        let target = resolve(&format!("{BASE}{url}"), next).expect("resolvable link");
        let relative = target
            .strip_prefix(BASE)
            .unwrap_or_else(|| panic!("{path}: next {next} leaves the API"));
        let decoded: Vec<String> = relative
            .split('/')
            .map(|s| decode_segment(s).expect("UTF-8 segment"))
            .collect();
        path = decoded.join("/");
        assert!(
            json().contains_key(&path),
            "{start}: next {next} points to {path}, which does not exist"
        );
    }
}

fn feed() -> Vec<&'static Value> {
    follow("performances.json").0
}

fn text<'a>(p: &'a Value, key: &str) -> &'a str {
    p[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is not a string in {}", p["id"]))
}

#[test]
fn the_feed_pages_through_every_performance_once_newest_first() {
    let (items, pages) = follow("performances.json");
    assert!(items.len() >= 150, "only {} performances", items.len());
    assert!(pages.len() >= 3, "only {} feed pages", pages.len());
    let ids: Vec<&str> = items.iter().map(|p| text(p, "id")).collect();
    let singles: BTreeSet<String> = json()
        .keys()
        .filter_map(|k| k.strip_prefix("performances/")?.strip_suffix(".json").map(String::from))
        .collect();
    let singles: BTreeSet<&str> = singles
        .iter()
        .filter(|k| !k.starts_with("pages/"))
        .map(String::as_str)
        .collect();
    assert_eq!(
        ids.iter().copied().collect::<BTreeSet<_>>(),
        singles,
        "the feed and performances/{{id}}.json differ"
    );
    assert_eq!(ids.len(), singles.len(), "an id appears twice in the feed");
    for pair in items.windows(2) {
        assert!(
            text(pair[0], "date") > text(pair[1], "date"),
            "feed not strictly newest first at {}",
            pair[1]["id"]
        );
    }
    for p in &items {
        let id = text(p, "id");
        assert_eq!(
            *p,
            file(&format!("performances/{id}.json")),
            "performances/{id}.json differs from the feed"
        );
        let keys: Vec<&str> = p.as_object().unwrap().keys().map(String::as_str).collect();
        let mut want = [
            "id",
            "performer",
            "instrument",
            "date",
            "colour",
            "background_colour",
            "reply_to",
            "touches",
        ];
        want.sort();
        assert_eq!(keys, want, "fields of {id}");
        let hex = |s: &str| s.chars().all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c));
        let groups: Vec<&str> = id.split('-').collect();
        let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
        assert!(
            lengths == [8, 4, 4, 4, 12] && groups.iter().all(|g| hex(g)),
            "id {id} is not a lowercase UUID"
        );
        let d = text(p, "date").as_bytes();
        let shape = d.len() == 20 && d[19] == b'Z' && d[10] == b'T' && [4, 7].iter().all(|&i| d[i] == b'-');
        assert!(
            shape && [13, 16].iter().all(|&i| d[i] == b':'),
            "date of {id} is not RFC 3339 UTC"
        );
        assert!(text(p, "date") <= "2026-11-20T18:00:00Z", "{id} is from the future");
    }
    let dates: Vec<&str> = items.iter().map(|p| text(p, "date")).collect();
    assert!(
        *dates.last().unwrap() < "2024-08-01" && *dates.last().unwrap() > "2024-04-01",
        "should span ~2.5 years"
    );
    let recent = dates.iter().filter(|d| **d >= "2025-11-20T18:00:00Z").count();
    let early = dates.iter().filter(|d| **d < "2025-05-20T18:00:00Z").count();
    assert!(
        recent > early * 3 / 2,
        "the last year ({recent}) should be busier than the first ({early})"
    );
    let mut every_file: BTreeSet<String> = pages.into_iter().collect();
    every_file.extend(ids.iter().map(|id| format!("performances/{id}.json")));
    for prefix in ["performers/", "instruments/"] {
        for path in json()
            .keys()
            .filter(|k| k.starts_with(prefix) && k.matches('/').count() == 1)
        {
            every_file.extend(follow(path).1);
        }
    }
    let stray: Vec<&String> = json().keys().filter(|k| !every_file.contains(*k)).collect();
    assert!(stray.is_empty(), "files no link or id reaches: {stray:?}");
}

mod content;
mod contract;
mod lists;
