//! The per-performer and per-instrument lists, and the performers' colours.

use std::collections::BTreeSet;

use microjam_web::instrument;
use serde_json::Value;

use super::{feed, file, follow, json, text};

/// `{prefix}{name}.json` for every top-level list file under `prefix`.
fn lists(prefix: &str) -> Vec<String> {
    let names = json()
        .keys()
        .filter_map(|k| k.strip_prefix(prefix)?.strip_suffix(".json").map(String::from));
    names.filter(|n| !n.contains('/')).collect()
}

#[test]
fn performer_and_instrument_lists_agree_with_the_feed() {
    let feed = feed();
    let performers = lists("performers/");
    let instruments = lists("instruments/");
    let want: BTreeSet<String> = instrument::ALL.iter().map(|i| i.name().to_owned()).collect();
    assert_eq!(
        instruments.iter().cloned().collect::<BTreeSet<_>>(),
        want,
        "one file per instrument"
    );
    let in_feed: BTreeSet<&str> = feed.iter().map(|p| text(p, "performer")).collect();
    assert_eq!(
        performers.iter().map(String::as_str).collect::<BTreeSet<_>>(),
        in_feed,
        "one file per performer"
    );
    for (prefix, key, names) in [
        ("performers/", "performer", &performers),
        ("instruments/", "instrument", &instruments),
    ] {
        for name in names {
            let path = format!("{prefix}{name}.json");
            let theirs: Vec<&Value> = feed.iter().copied().filter(|p| text(p, key) == name).collect();
            assert_eq!(
                follow(&path).0,
                theirs,
                "{path} does not list the feed's performances of {name} in order"
            );
            assert!(theirs.len() >= 3, "{path} has only {} performances", theirs.len());
            if key == "performer" {
                let header = file(&path);
                assert_eq!(header["name"], name.as_str(), "{path}: name");
                for field in ["colour", "background_colour"] {
                    assert!(
                        theirs.iter().all(|p| p[field] == header[field]),
                        "{path}: {field} differs from theirs"
                    );
                }
            }
        }
    }
    assert!(performers.len() >= 12, "only {} performers", performers.len());
    assert!(
        performers.iter().any(|n| n.contains(' ') && !n.is_ascii()),
        "no name with a space and non-ASCII letters"
    );
    assert!(
        performers
            .iter()
            .any(|n| file(&format!("performers/{n}.json"))["next"].is_string()),
        "no paged performer"
    );
}

fn rgb(colour: &str) -> [u8; 3] {
    let hex = colour
        .strip_prefix('#')
        .unwrap_or_else(|| panic!("colour {colour} lacks '#'"));
    let upper = hex.chars().all(|c| c.is_ascii_digit() || ('A'..='F').contains(&c));
    assert!(
        upper && (hex.len() == 6 || hex.len() == 8),
        "colour {colour} is not #RRGGBB or #RRGGBBAA"
    );
    [0, 2, 4].map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
}

/// WCAG relative luminance.
fn luminance(c: [u8; 3]) -> f64 {
    let lin = |v: u8| {
        let s = v as f64 / 255.0;
        if s <= 0.03928 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

#[test]
fn performers_have_distinct_readable_colours_in_both_forms() {
    let (mut traces, mut backgrounds, mut lengths) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    for name in lists("performers/") {
        let page = file(&format!("performers/{name}.json"));
        let (colour, background) = (text(page, "colour"), text(page, "background_colour"));
        assert!(traces.insert(rgb(colour)), "{name} shares trace colour {colour}");
        assert!(
            backgrounds.insert(rgb(background)),
            "{name} shares background {background}"
        );
        lengths.insert(colour.len());
        let (a, b) = (luminance(rgb(colour)), luminance(rgb(background)));
        let contrast = (a.max(b) + 0.05) / (a.min(b) + 0.05);
        assert!(
            contrast >= 3.0,
            "{name}: {colour} on {background} has contrast {contrast:.2}"
        );
    }
    assert_eq!(lengths, BTreeSet::from([7, 9]), "use both #RRGGBB and #RRGGBBAA");
}
