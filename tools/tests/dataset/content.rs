//! What the performances contain: instruments, reply chains and touch recordings.

use std::collections::{BTreeMap, BTreeSet};

use microjam_web::instrument::{self, Instrument};
use serde_json::Value;

use super::{feed, text};

#[test]
fn every_instrument_is_played_several_times() {
    let feed = feed();
    for name in instrument::ALL.iter().map(Instrument::name) {
        let n = feed.iter().filter(|p| text(p, "instrument") == name).count();
        assert!(n >= 5, "{name} is played only {n} times");
    }
    let unknown: Vec<&str> = feed
        .iter()
        .map(|p| text(p, "instrument"))
        .filter(|i| !Instrument::from_name(i).is_known())
        .collect();
    assert!(unknown.is_empty(), "unknown instruments {unknown:?}");
}

/// Seconds since 1970 of an RFC 3339 UTC date with whole seconds (proleptic Gregorian).
fn seconds(date: &str) -> i64 {
    let n = |r: std::ops::Range<usize>| date[r].parse::<i64>().expect("digits");
    let (y, m, d) = (n(0..4), n(5..7), n(8..10));
    let y = if m <= 2 { y - 1 } else { y };
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let days = y * 365 + y / 4 - y / 100 + y / 400 + doy - 719_468;
    days * 86_400 + n(11..13) * 3_600 + n(14..16) * 60 + n(17..19)
}

#[test]
fn replies_form_chains_two_to_four_layers_deep() {
    assert_eq!(seconds("1970-01-01T00:00:00Z"), 0);
    assert_eq!(seconds("2026-11-20T18:00:00Z"), 1_795_197_600);
    let feed = feed();
    let by_id: BTreeMap<&str, &Value> = feed.iter().map(|p| (text(p, "id"), *p)).collect();
    let (mut replies, mut other_performer, mut other_instrument) = (0, 0, 0);
    let mut deepest: BTreeMap<&str, usize> = BTreeMap::new();
    for p in &feed {
        let (mut layer, mut depth) = (*p, 1);
        while let Some(parent_id) = layer["reply_to"].as_str() {
            let parent = by_id
                .get(parent_id)
                .unwrap_or_else(|| panic!("{} replies to unknown {parent_id}", layer["id"]));
            let delay = seconds(text(layer, "date")) - seconds(text(parent, "date"));
            assert!(
                (60..=14 * 86_400).contains(&delay),
                "{} replies {delay} s after its parent",
                layer["id"]
            );
            (layer, depth) = (parent, depth + 1);
        }
        assert!(
            layer["reply_to"].is_null(),
            "{}: reply_to must be a string or null",
            layer["id"]
        );
        let root = deepest.entry(text(layer, "id")).or_insert(1);
        *root = (*root).max(depth);
        if let Some(parent) = p["reply_to"].as_str().map(|id| by_id[id]) {
            replies += 1;
            other_performer += usize::from(parent["performer"] != p["performer"]);
            other_instrument += usize::from(parent["instrument"] != p["instrument"]);
        }
    }
    assert!(deepest.values().all(|d| *d <= 4), "a chain is deeper than four layers");
    let chains = deepest.values().filter(|d| **d >= 2).count();
    assert!(chains >= 15, "only {chains} reply chains");
    for depth in 2..=4 {
        assert!(deepest.values().any(|d| *d == depth), "no chain {depth} layers deep");
    }
    assert!(
        other_performer * 10 >= replies * 8,
        "{other_performer} of {replies} replies answer someone else"
    );
    assert!(
        other_instrument * 10 >= replies * 6,
        "{other_instrument} of {replies} replies change instrument"
    );
}

struct Row {
    time: f64,
    x: f64,
    y: f64,
    z: f64,
    moving: bool,
}

fn rows(id: &str, csv: &str) -> Vec<Row> {
    let body = csv
        .strip_prefix("time,x,y,z,moving\n")
        .unwrap_or_else(|| panic!("{id}: touches lack the header"));
    assert!(body.ends_with('\n'), "{id}: touches must end with a newline");
    let parse = |line: &str| {
        let fields: Vec<&str> = line.split(", ").collect();
        assert_eq!(
            fields.len(),
            5,
            "{id}: row {line:?} does not have five comma+space separated fields"
        );
        let numbers: Vec<f64> = fields[..4]
            .iter()
            .map(|f| {
                let v: f64 = f
                    .parse()
                    .unwrap_or_else(|_| panic!("{id}: {f:?} in {line:?} is not a number"));
                assert_eq!(
                    format!("{v:.6}"),
                    *f,
                    "{id}: {f:?} in {line:?} is not written with six decimals"
                );
                v
            })
            .collect();
        assert!(
            fields[4] == "0" || fields[4] == "1",
            "{id}: moving must be 0 or 1 in {line:?}"
        );
        Row {
            time: numbers[0],
            x: numbers[1],
            y: numbers[2],
            z: numbers[3],
            moving: fields[4] == "1",
        }
    };
    body.lines().map(parse).collect()
}

#[test]
fn touches_are_written_the_way_the_app_writes_them() {
    let (mut tapping, mut dragging, mut radii) = (0, 0, BTreeSet::new());
    for p in feed() {
        let id = text(p, "id");
        let rows = rows(id, text(p, "touches"));
        assert!((20..=400).contains(&rows.len()), "{id} has {} rows", rows.len());
        assert!(
            !rows[0].moving && (0.0..=0.05).contains(&rows[0].time),
            "{id}: first row must be a fresh touch"
        );
        assert!(rows.last().unwrap().time <= 5.02, "{id} runs past 5.02 s");
        assert!(rows.last().unwrap().time >= 4.0, "{id} stops before 4 s");
        for (i, r) in rows.iter().enumerate() {
            assert!(
                (0.0..=1.0).contains(&r.x) && (0.0..=1.0).contains(&r.y),
                "{id} row {i} is off the screen"
            );
            assert!((15.0..=50.0).contains(&r.z), "{id} row {i}: radius {}", r.z);
            radii.insert(format!("{:.6}", r.z));
        }
        for (i, pair) in rows.windows(2).enumerate() {
            let gap = pair[1].time - pair[0].time;
            assert!(gap >= 0.0, "{id}: time goes backwards at row {}", i + 1);
            if pair[1].moving {
                assert!(
                    (0.0099..=0.0401).contains(&gap),
                    "{id}: drag rows {} ms apart at row {}",
                    gap * 1e3,
                    i + 1
                );
            }
        }
        let moving = rows.iter().filter(|r| r.moving).count();
        tapping += usize::from(moving * 4 < rows.len());
        dragging += usize::from(moving * 10 > rows.len() * 9);
    }
    assert!(
        tapping >= 10 && dragging >= 10,
        "want both tapped ({tapping}) and dragged ({dragging}) performances"
    );
    for typical in ["20.000000", "25.524292", "38.290771"] {
        assert!(radii.contains(typical), "no touch has the typical radius {typical}");
    }
}
