//! Takes kept on this device: a take becomes a Performance record exactly as docs/api.md defines it
//! (so cards, pictures, playback and exports work on it unchanged), and the kept list is a JSON array
//! of such records, newest first, read back with the API's own lenient decoding.
//!
//! They live in the browser's localStorage (the browser part is `store.rs`): a take is a few kB of
//! CSV, a hundred of them fit in the usual 5 MB, reading them is synchronous and costs the bundle
//! nothing, where an IndexedDB crate would add bytes to every visitor's first load for no gain here.

use crate::backend::{json::performance_from_value, keep_valid};
use crate::colour::{Rgba, DEFAULT_BACKGROUND};
use crate::instrument::Instrument;
use crate::json::{self, Json};
use crate::performance::Performance;
use crate::touches::{self, Touch};
use std::sync::Arc;

/// The stage name used when the performer gives none.
pub const ANONYMOUS: &str = "Anonymous";

/// What the performer chose for a take.
#[derive(Debug, Clone, PartialEq)]
pub struct Performer {
    pub name: String,
    pub instrument: Instrument,
    pub colour: Rgba,
}

/// An id no backend uses: `local-` then the time and a random number, both in base 36.
pub fn new_id(now_ms: f64, random: f64) -> String {
    let base36 = |mut n: u64| {
        let mut digits = Vec::new();
        loop {
            digits.push(b"0123456789abcdefghijklmnopqrstuvwxyz"[(n % 36) as usize]);
            n /= 36;
            if n == 0 {
                break;
            }
        }
        digits.reverse();
        String::from_utf8(digits).unwrap_or_default()
    };
    let random = (random.clamp(0.0, 1.0) * 2_176_782_335.0) as u64; // 36^6 - 1
    format!("local-{}-{}", base36(now_ms.max(0.0) as u64), base36(random))
}

/// The take as a performance: its rows as the app's CSV (and read back from it, so the take plays
/// exactly as it will after a reload), dated `now_ms`, on the default background.
pub fn take(id: &str, who: &Performer, reply_to: Option<&str>, rows: &[Touch], now_ms: f64) -> Performance {
    let csv = touches::to_csv(rows);
    let name = who.name.trim();
    let timestamp_ms = now_ms as i64;
    Performance {
        id: id.to_owned(),
        performer: if name.is_empty() { ANONYMOUS } else { name }.to_owned(),
        instrument: who.instrument.clone(),
        date: crate::dates::format_rfc3339(timestamp_ms),
        timestamp_ms: timestamp_ms.div_euclid(1000) * 1000,
        colour: who.colour,
        background: DEFAULT_BACKGROUND,
        reply_to: reply_to.filter(|p| !p.is_empty()).map(str::to_owned),
        touches: touches::parse(&csv),
        csv,
    }
}

/// `#RRGGBBAA`, as the app writes colours.
fn hex(c: Rgba) -> String {
    format!("#{:02X}{:02X}{:02X}{:02X}", c.r, c.g, c.b, c.a)
}

/// The performance as an API record (docs/api.md).
fn value(p: &Performance) -> Json {
    Json::object(vec![
        ("id", p.id.as_str().into()),
        ("performer", p.performer.as_str().into()),
        ("instrument", p.instrument.name().into()),
        ("date", p.date.as_str().into()),
        ("colour", hex(p.colour).as_str().into()),
        ("background_colour", hex(p.background).as_str().into()),
        ("reply_to", p.reply_to.as_deref().map_or(Json::Null, Json::from)),
        ("touches", p.csv.as_str().into()),
    ])
}

/// The performance as an API record (docs/api.md), in JSON.
pub fn record(p: &Performance) -> String {
    value(p).to_string()
}

/// The kept list as stored: a JSON array of records, newest first.
pub fn encode(takes: &[Arc<Performance>]) -> String {
    Json::Array(takes.iter().map(|p| value(p)).collect()).to_string()
}

/// The kept list read back: the records that decode (a broken one is left out, never the rest),
/// newest first. Nothing stored, or something that is not a JSON array, is an empty list.
pub fn decode(stored: Option<&str>) -> Vec<Arc<Performance>> {
    let Some(Ok(Json::Array(records))) = stored.map(json::parse) else {
        return Vec::new();
    };
    let (mut takes, _) = keep_valid(records.into_iter().enumerate(), performance_from_value);
    takes.sort_by_key(|p| std::cmp::Reverse(p.timestamp_ms));
    takes
}

/// The list with `take` kept: newest first, replacing one of the same id.
pub fn with(takes: &[Arc<Performance>], take: Arc<Performance>) -> Vec<Arc<Performance>> {
    let mut list: Vec<_> = takes.iter().filter(|p| p.id != take.id).cloned().collect();
    let at = list
        .iter()
        .position(|p| p.timestamp_ms <= take.timestamp_ms)
        .unwrap_or(list.len());
    list.insert(at, take);
    list
}

/// The list without the take `id`.
pub fn without(takes: &[Arc<Performance>], id: &str) -> Vec<Arc<Performance>> {
    takes.iter().filter(|p| p.id != id).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::colour::DEFAULT_TRACE;

    fn rows() -> Vec<Touch> {
        let t = |time, x, y, moving| Touch {
            time,
            x,
            y,
            z: 20.0,
            moving,
        };
        vec![
            t(0.0, 0.25, 0.5, false),
            t(0.1, 0.3, 0.5, true),
            t(1.25, 1.0, 0.0, false),
        ]
    }

    fn who(name: &str) -> Performer {
        Performer {
            name: name.into(),
            instrument: "keys".into(),
            colour: Rgba::rgb(0x12, 0xab, 0x3c),
        }
    }

    #[test]
    fn a_take_is_an_api_record_that_decodes_back_unchanged() {
        let take = take("local-1", &who(" Åse "), Some("parent-1"), &rows(), 1_764_684_207_250.0);
        assert_eq!(take.performer, "Åse");
        assert_eq!(take.date, "2025-12-02T14:03:27Z");
        assert!(take
            .csv
            .starts_with("time,x,y,z,moving\n0.000000, 0.250000, 0.500000, 20.000000, 0\n"));
        let value = json::parse(&record(&take)).unwrap();
        assert_eq!(value["colour"], "#12AB3CFF");
        assert_eq!(value["background_colour"], "#141D26FF");
        assert_eq!(value["reply_to"], "parent-1");
        assert_eq!(performance_from_value(value).unwrap(), take);
    }

    fn kept_name(name: &str) -> Performance {
        take("local-3", &who(name), None, &rows(), 0.0)
    }

    #[test]
    fn no_name_is_anonymous_and_no_parent_is_null() {
        let take = take("local-2", &who("  "), None, &rows(), 0.0);
        assert_eq!(take.performer, ANONYMOUS);
        assert_eq!(take.colour, Rgba::rgb(0x12, 0xab, 0x3c));
        assert_ne!(take.colour, DEFAULT_TRACE);
        let value = json::parse(&record(&take)).unwrap();
        assert!(value["reply_to"].is_null());
        let odd = kept_name("quote \" back \\ tab \t line \n é");
        let value = json::parse(&record(&odd)).unwrap();
        assert_eq!(performance_from_value(value).unwrap(), odd, "every character survives");
    }

    #[test]
    fn the_list_survives_storage_newest_first_and_tolerates_junk() {
        let old = Arc::new(take("a", &who("x"), None, &rows(), 1_000_000.0));
        let new = Arc::new(take("b", &who("y"), None, &rows(), 2_000_000.0));
        let list = with(&with(&[], old.clone()), new.clone());
        assert_eq!(list, [new.clone(), old.clone()]);
        assert_eq!(decode(Some(&encode(&list))), list);
        let junk = format!("[{{\"id\": 3}}, {}]", record(&old));
        assert_eq!(
            decode(Some(&junk)),
            vec![old.clone()],
            "a broken record never costs the rest"
        );
        assert!(decode(None).is_empty());
        assert!(decode(Some("{\"not\": \"a list\"}")).is_empty());
        assert!(decode(Some("not json")).is_empty());
        assert_eq!(without(&list, "b"), vec![old.clone()]);
        assert_eq!(with(&list, old.clone()).len(), 2, "keeping again replaces");
    }

    #[test]
    fn ids_are_local_and_differ() {
        let a = new_id(1_764_684_207_250.0, 0.5);
        assert!(a.starts_with("local-"), "{a}");
        assert_ne!(a, new_id(1_764_684_207_250.0, 0.25));
        assert_ne!(a, new_id(1_764_684_207_251.0, 0.5));
        assert_eq!(new_id(f64::NAN, f64::NAN), "local-0-0");
    }
}
