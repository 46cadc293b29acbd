use super::*;
use crate::colour::{Rgba, DEFAULT_BACKGROUND, DEFAULT_TRACE};
use crate::json::parse;

/// JSON text as a value.
fn json(text: &str) -> Json {
    parse(text).unwrap()
}

/// A record in Apple's documented shape, with every field type MicroJam's records carry.
fn record(name: &str) -> Json {
    let mut record = json(
        r##"{
        "recordName": null,
        "recordType": "Performance",
        "recordChangeTag": "k2",
        "fields": {
            "Date": {"value": 1795183407250, "type": "TIMESTAMP"},
            "Performer": {"value": "alice", "type": "STRING"},
            "Instrument": {"value": "drums", "type": "STRING"},
            "Touches": {"value": "time,x,y,z,moving\n0.000000, 0.500000, 0.500000, 20.000000, 0\n", "type": "STRING"},
            "ReplyTo": {"value": "", "type": "STRING"},
            "Colour": {"value": "#EC6B2DFF", "type": "STRING"},
            "BackgroundColour": {"value": "#141D2680", "type": "STRING"},
            "PerformedAt": {"value": {"latitude": 59.94, "longitude": 10.72, "horizontalAccuracy": 5}, "type": "LOCATION"},
            "Image": {"value": {"fileChecksum": "x", "size": 1, "downloadURL": "https://cvws.icloud-content.com/x"}, "type": "ASSETID"}
        },
        "created": {"timestamp": 1795183407000, "userRecordName": "_secret"},
        "modified": {"timestamp": 1795183407000}
    }"##,
    );
    record["recordName"] = name.into();
    record
}

#[test]
fn a_record_maps_every_field() {
    let p = record_to_performance(&record("A1B2")).unwrap();
    assert_eq!(
        (p.id.as_str(), p.performer.as_str(), p.instrument.name()),
        ("A1B2", "alice", "drums")
    );
    assert_eq!(p.timestamp_ms, 1_795_183_407_250);
    assert_eq!(p.date, "2026-11-20T14:03:27Z");
    assert_eq!(p.reply_to, None, "ReplyTo \"\" means none");
    assert_eq!(p.colour, Rgba::rgb(0xec, 0x6b, 0x2d));
    assert_eq!(
        p.background,
        Rgba {
            r: 0x14,
            g: 0x1d,
            b: 0x26,
            a: 0x80
        },
        "#RRGGBBAA"
    );
    assert_eq!(p.touches.len(), 1);
    let shown = format!("{p:?}");
    assert!(!shown.contains("59.94") && !shown.contains("_secret") && !shown.contains("icloud-content"));
}

#[test]
fn reply_to_as_a_name_or_a_reference() {
    let mut r = record("child");
    r["fields"]["ReplyTo"] = json(r#"{"value": "parent", "type": "STRING"}"#);
    assert_eq!(record_to_performance(&r).unwrap().reply_to.as_deref(), Some("parent"));
    r["fields"]["ReplyTo"] = json(r#"{"value": {"recordName": "parent", "action": "NONE"}, "type": "REFERENCE"}"#);
    assert_eq!(record_to_performance(&r).unwrap().reply_to.as_deref(), Some("parent"));
    r["fields"].remove("ReplyTo");
    assert_eq!(record_to_performance(&r).unwrap().reply_to, None);
}

#[test]
fn missing_or_mistyped_fields_skip_the_record() {
    let broken: Vec<(&str, Json)> = vec![
        ("Touches", Json::Null),
        ("Performer", json(r#"{"value": 7, "type": "INT64"}"#)),
        ("Date", json(r#"{"value": "yesterday", "type": "TIMESTAMP"}"#)),
        ("Date", json(r#"{"value": -1e19, "type": "TIMESTAMP"}"#)),
        ("Date", Json::Null),
        ("Instrument", json(r#"{"value": "", "type": "STRING"}"#)),
        ("ReplyTo", json(r#"{"value": 3, "type": "INT64"}"#)),
    ];
    for (name, value) in broken {
        let mut r = record("x");
        if value.is_null() {
            r["fields"].remove(name);
        } else {
            r["fields"][name] = value;
        }
        assert!(record_to_performance(&r).is_err(), "{name}");
    }
    assert!(record_to_performance(&json(r#"{"recordName": "x"}"#)).is_err());
    assert!(record_to_performance(&json(r#"{"fields": {}}"#)).is_err());
}

#[test]
fn bad_colours_fall_back() {
    let mut r = record("x");
    r["fields"]["Colour"] = json(r#"{"value": 42, "type": "INT64"}"#);
    r["fields"].remove("BackgroundColour");
    let p = record_to_performance(&r).unwrap();
    assert_eq!((p.colour, p.background), (DEFAULT_TRACE, DEFAULT_BACKGROUND));
}

#[test]
fn query_pages_follow_the_continuation_marker() {
    let body = Json::object(vec![
        (
            "records",
            Json::Array(vec![record("a"), json(r#"{"recordName": "b"}"#), record("c")]),
        ),
        ("continuationMarker", "next-1".into()),
    ]);
    let view = View::Performer("Åse \"x\"".into());
    let page = decode_query(&body.to_string(), &view).unwrap();
    assert_eq!(
        page.performances.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        ["a", "c"]
    );
    assert_eq!(page.skipped.len(), 1);
    assert_eq!(
        page.next,
        Some(Cursor::CloudKit {
            view,
            marker: "next-1".into()
        })
    );
    let last = decode_query(&json(r#"{"records": []}"#).to_string(), &View::All).unwrap();
    assert_eq!(last.next, None);
    assert!(decode_query("{}", &View::All).is_err() && decode_query("<html>", &View::All).is_err());
}

#[test]
fn lookups_separate_found_missing_and_broken() {
    let body = Json::object(vec![(
        "records",
        Json::Array(vec![
            record("a"),
            json(r#"{"recordName": "gone", "reason": "Record not found", "serverErrorCode": "NOT_FOUND"}"#),
            json(r#"{"recordName": "odd", "fields": {}}"#),
        ]),
    )]);
    let lookup = decode_lookup(&body.to_string()).unwrap();
    assert_eq!(lookup.found.len(), 1);
    assert_eq!(lookup.missing, ["gone"]);
    assert_eq!(lookup.skipped.len(), 1);
}

#[test]
fn errors_map_to_messages_and_retries() {
    let throttled = decode_error(
        429,
        r#"{"uuid":"u","serverErrorCode":"THROTTLED","reason":"slow down","retryAfter":2}"#,
    );
    assert_eq!(
        (throttled.code.as_str(), throttled.retry_after),
        ("THROTTLED", Some(2.0))
    );
    assert_eq!(throttled.retry_delay(0), Some(2.0));
    assert_eq!(throttled.retry_delay(3), None, "a bounded number of tries");
    let later = decode_error(503, r#"{"serverErrorCode":"TRY_AGAIN_LATER"}"#);
    assert_eq!(
        [later.retry_delay(0), later.retry_delay(1), later.retry_delay(2)],
        [Some(0.5), Some(1.0), Some(2.0)]
    );
    let huge = decode_error(429, r#"{"serverErrorCode":"THROTTLED","retryAfter":3600}"#);
    assert_eq!(huge.retry_delay(0), Some(30.0), "capped");
    for code in ["AUTHENTICATION_FAILED", "AUTHENTICATION_REQUIRED", "ACCESS_DENIED"] {
        let e = decode_error(421, &Json::object(vec![("serverErrorCode", code.into())]).to_string());
        assert_eq!(e.retry_delay(0), None);
        let message = e.to_api_error().message();
        assert!(
            message.contains("microjam-cloudkit-token") && message.contains(code),
            "{message}"
        );
    }
    assert_eq!(decode_error(500, "not json").to_api_error(), ApiError::Status(500));
    assert!(decode_error(404, r#"{"serverErrorCode":"NOT_FOUND"}"#)
        .to_api_error()
        .is_not_found());
    assert_eq!(
        decode_error(400, r#"{"serverErrorCode":"BAD_REQUEST"}"#).retry_delay(0),
        None
    );
}
