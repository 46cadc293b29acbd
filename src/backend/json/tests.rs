use super::*;
use crate::backend::page::skipped_summary;
use crate::colour::Rgba;
use crate::json::parse;

const URL: &str = "http://127.0.0.1:8080/api/performances.json";

/// The URL a page's `next` cursor holds.
fn next_url(next: Option<Cursor>) -> Option<String> {
    next.map(|cursor| match cursor {
        Cursor::Url(url) => url,
        other => panic!("not a URL: {other:?}"),
    })
}

#[test]
fn endpoints_encode_their_segments() {
    let api = Endpoints::new("http://h.test/api/");
    assert_eq!(api.feed(), "http://h.test/api/performances.json");
    assert_eq!(api.performance("a/b"), "http://h.test/api/performances/a%2Fb.json");
    assert_eq!(
        api.performer("Åse Ny"),
        "http://h.test/api/performers/%C3%85se%20Ny.json"
    );
    assert_eq!(api.instrument("drums"), "http://h.test/api/instruments/drums.json");
}

fn record(id: &str) -> Json {
    let mut record = parse(
        r##"{
        "id": null, "performer": "alice", "instrument": "drums", "date": "2026-11-20T14:03:27Z",
        "colour": "#EC6B2DFF", "background_colour": "#141D26", "reply_to": null,
        "touches": "time,x,y,z,moving\n0.000000, 0.500000, 0.500000, 20.000000, 0\n"
    }"##,
    )
    .unwrap();
    record["id"] = id.into();
    record
}

#[test]
fn a_good_performance_decodes_with_touches_and_colours() {
    let p = decode_performance(&record("p1").to_string()).unwrap();
    assert_eq!(
        (p.id.as_str(), p.performer.as_str(), p.instrument.name()),
        ("p1", "alice", "drums")
    );
    assert_eq!(p.timestamp_ms, 1_795_183_407_000);
    assert_eq!(p.colour, Rgba::rgb(0xec, 0x6b, 0x2d));
    assert_eq!(p.background, Rgba::rgb(0x14, 0x1d, 0x26));
    assert_eq!(p.touches.len(), 1);
    assert!(p.csv.starts_with("time,x,y,z,moving\n"));
    assert_eq!(p.reply_to, None);
}

#[test]
fn unknown_fields_are_ignored_and_never_kept() {
    let mut r = record("p1");
    r["email"] = "alice@example.com".into();
    r["real_name"] = "Alice Secret".into();
    r["location"] = parse(r#"{"lat": 59.9, "lon": 10.7}"#).unwrap();
    let p = decode_performance(&r.to_string()).unwrap();
    assert!(!format!("{p:?}").contains("Secret") && !format!("{p:?}").contains("example.com"));
}

#[test]
fn missing_fields_and_wrong_types_skip_only_that_record() {
    let mut missing = record("bad1");
    missing.remove("touches");
    let mut wrong_type = record("bad2");
    wrong_type["performer"] = Json::Number(42.0);
    let mut bad_date = record("bad3");
    bad_date["date"] = "yesterday".into();
    let mut empty_id = record("");
    empty_id["id"] = " ".into();
    let body = Json::object(vec![
        (
            "performances",
            Json::Array(vec![
                record("a"),
                missing,
                wrong_type,
                "not an object".into(),
                bad_date,
                empty_id,
                record("b"),
            ]),
        ),
        ("next", Json::Null),
    ]);
    let page = decode_page(&body.to_string(), URL).unwrap();
    let ids: Vec<_> = page.performances.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    let skipped: Vec<_> = page.skipped.iter().map(|s| s.index).collect();
    assert_eq!(skipped, [1, 2, 3, 4, 5]);
    assert!(page.skipped[0].reason.contains("touches"), "{:?}", page.skipped[0]);
    assert!(page.skipped[3].reason.contains("date"));
    let summary = skipped_summary(&page.skipped, 7, URL).unwrap();
    assert!(
        summary.contains("left out 5 of 7") && summary.contains(URL),
        "{summary}"
    );
    assert_eq!(skipped_summary(&[], 7, URL), None);
}

#[test]
fn optional_fields_fall_back() {
    let mut r = record("p1");
    r.remove("colour");
    r.remove("reply_to");
    r["background_colour"] = "chartreuse".into();
    let p = decode_performance(&r.to_string()).unwrap();
    assert_eq!(
        (p.colour, p.background, p.reply_to),
        (DEFAULT_TRACE, DEFAULT_BACKGROUND, None)
    );
    let mut colour_wrong_type = record("p2");
    colour_wrong_type["colour"] = Json::Number(16711680.0);
    colour_wrong_type["background_colour"] = parse(r#"{"r": 1}"#).unwrap();
    let p = decode_performance(&colour_wrong_type.to_string()).unwrap();
    assert_eq!(
        (p.colour, p.background),
        (DEFAULT_TRACE, DEFAULT_BACKGROUND),
        "any other colour falls back"
    );
}

#[test]
fn empty_or_self_reply_to_means_no_parent() {
    let mut r = record("p1");
    r["reply_to"] = "".into();
    assert_eq!(decode_performance(&r.to_string()).unwrap().reply_to, None);
    r["reply_to"] = "p1".into();
    assert_eq!(decode_performance(&r.to_string()).unwrap().reply_to, None);
    r["reply_to"] = "p0".into();
    assert_eq!(
        decode_performance(&r.to_string()).unwrap().reply_to.as_deref(),
        Some("p0")
    );
}

#[test]
fn unknown_instrument_is_kept_as_sent() {
    let mut r = record("p1");
    r["instrument"] = "theremin".into();
    assert_eq!(
        decode_performance(&r.to_string()).unwrap().instrument.name(),
        "theremin"
    );
}

#[test]
fn next_is_resolved_against_the_response_url() {
    let next = |n: Json, at: &str| {
        let body = Json::object(vec![("performances", Json::Array(vec![])), ("next", n)]);
        next_url(decode_page(&body.to_string(), at).unwrap().next)
    };
    assert_eq!(
        next("performances/pages/2.json".into(), URL).as_deref(),
        Some("http://127.0.0.1:8080/api/performances/pages/2.json")
    );
    assert_eq!(
        next("?cursor=abc".into(), URL).as_deref(),
        Some("http://127.0.0.1:8080/api/performances.json?cursor=abc")
    );
    assert_eq!(
        next("https://other.test/feed.json".into(), URL).as_deref(),
        Some("https://other.test/feed.json")
    );
    assert_eq!(next(Json::Null, URL), None);
    assert_eq!(next("".into(), URL), None);
    assert_eq!(
        next("performances.json".into(), URL),
        None,
        "a page whose next is itself ends the feed"
    );
    let absent = decode_page(r#"{"performances": []}"#, URL).unwrap();
    assert_eq!(absent.next, None);
}

#[test]
fn a_malformed_envelope_is_an_error_not_a_panic() {
    for body in [
        "",
        "null",
        "[]",
        "{",
        r#"{"performances": 3}"#,
        r#"{"performances": [], "next": 5}"#,
        "<!doctype html>",
    ] {
        assert!(matches!(decode_page(body, URL), Err(ApiError::Decode(_))), "{body:?}");
        assert!(decode_performance(body).is_err(), "{body:?}");
        assert!(decode_performer(body, URL).is_err(), "{body:?}");
    }
}

#[test]
fn performer_pages_decode_name_colours_and_page() {
    let body = format!(
        r##"{{
        "name": "Åse Nygård", "colour": "#00FF00", "background_colour": "#000000FF",
        "email": "private@example.com",
        "performances": [{}, {{"id": 1}}], "next": "%C3%85se%20Nyg%C3%A5rd/pages/2.json"
    }}"##,
        record("a")
    );
    let url = "http://h.test/api/performers/%C3%85se%20Nyg%C3%A5rd.json";
    let performer = decode_performer(&body.to_string(), url).unwrap();
    assert_eq!(performer.name, "Åse Nygård");
    assert_eq!(performer.colour, Rgba::rgb(0, 255, 0));
    assert_eq!(performer.page.performances.len(), 1);
    assert_eq!(performer.page.skipped.len(), 1);
    assert_eq!(
        next_url(performer.page.next.clone()).as_deref(),
        Some("http://h.test/api/performers/%C3%85se%20Nyg%C3%A5rd/pages/2.json")
    );
    assert!(!format!("{performer:?}").contains("private"));
}
