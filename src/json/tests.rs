use super::*;

fn ok(text: &str) -> Json {
    parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

fn string(s: &str) -> Json {
    Json::String(s.into())
}

#[test]
fn every_kind_of_value_reads_with_any_whitespace() {
    let value = ok(" {\"a\" : [1, -2.5, 3e2, 0, -0, 1E-2, 0.125e+1],\r\n\t\"b\":{\"c\":null,\"d\":true},\"e\":false,\"f\":\"x\",\"g\":[],\"h\":{}} ");
    let numbers: Vec<_> = value["a"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_f64().unwrap())
        .collect();
    assert_eq!(numbers, [1.0, -2.5, 300.0, 0.0, 0.0, 0.01, 1.25]);
    assert!(value["b"]["c"].is_null() && value["b"].get("c").is_some());
    assert_eq!((&value["b"]["d"], &value["e"]), (&Json::Bool(true), &Json::Bool(false)));
    assert_eq!(value["f"], "x");
    assert_eq!(
        (&value["g"], &value["h"]),
        (&Json::Array(vec![]), &Json::Object(vec![]))
    );
    assert_eq!(
        ok("1795183407250").as_f64(),
        Some(1_795_183_407_250.0),
        "integers are exact"
    );
    assert_eq!(ok("100000000000000000000000").as_f64(), Some(1e23));
    assert_eq!(ok("1e-400").as_f64(), Some(0.0));
    assert_eq!(ok("\"\""), string(""));
}

#[test]
fn strings_read_every_escape_and_any_unicode() {
    assert_eq!(
        ok(r#""q\" b\\ s\/ \b\f\n\r\t \u00e9\u00C5 \ud83c\udfb9 Åse 🎹""#),
        string("q\" b\\ s/ \u{8}\u{c}\n\r\t éÅ 🎹 Åse 🎹")
    );
    assert_eq!(ok(r#""\u0000""#), string("\0"));
    for bad in [
        r#""\ud83c""#,
        r#""\ud83c\u0041""#,
        r#""\udfb9""#,
        r#""\ud83c\n""#,
        r#""\u12""#,
        r#""\u12g4""#,
        r#""\x41""#,
        r#""\'""#,
        "\"tab\there\"",
        "\"line\nbreak\"",
        "\"open",
        "\"open\\",
        "\"open\\u",
    ] {
        assert!(parse(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn escapes_and_ends_are_found_at_every_offset() {
    for i in 0..40 {
        let plain = "é".repeat(i / 3) + &"x".repeat(i % 3);
        for (escape, c) in [("\\\"", '"'), ("\\\\", '\\'), ("\\n", '\n'), ("\\u00e9", 'é')] {
            let text = format!("\"{plain}{escape}{plain}\"");
            assert_eq!(ok(&text), string(&format!("{plain}{c}{plain}")), "{text:?}");
        }
        for bad in [
            format!("\"{plain}\t{plain}\""),
            format!("\"{plain}"),
            format!("\"{plain}\\"),
        ] {
            assert!(parse(&bad).is_err(), "{bad:?}");
        }
    }
}

#[test]
fn anything_but_strict_json_is_refused() {
    for bad in [
        "",
        " ",
        "nul",
        "tru",
        "True",
        "NULL",
        "nan",
        "NaN",
        "Infinity",
        "-Infinity",
        "undefined",
        "01",
        "-01",
        "1.",
        ".5",
        "+1",
        "-",
        "1e",
        "1e+",
        "0x10",
        "1.2.3",
        "1e400",
        "-1e400",
        "1e99999999999",
        "[1,]",
        "[,1]",
        "[1 2]",
        "[",
        "]",
        "[[]",
        "{",
        "}",
        "{\"a\"}",
        "{\"a\":}",
        "{\"a\":1,}",
        "{a:1}",
        "{'a':1}",
        "{1:1}",
        "{\"a\" 1}",
        "{\"a\":1 \"b\":2}",
        "1 2",
        "{} x",
        "[]]",
        "'x'",
        "// c\n1",
        "\u{feff}1",
        "\u{a0}1",
    ] {
        assert!(parse(bad).is_err(), "{bad:?} is not JSON");
    }
}

#[test]
fn errors_say_what_and_where() {
    let e = parse("{\n  \"Åse\": x}").unwrap_err();
    assert_eq!((e.message, e.line, e.column), ("expected a value", 2, 10));
    assert_eq!(e.to_string(), "expected a value at line 2 column 10");
    assert_eq!(
        parse("[1 2]").unwrap_err().to_string(),
        "expected ',' or ']' at line 1 column 4"
    );
    assert_eq!(parse("1e400").unwrap_err().message, "number out of range");
    assert_eq!(parse("{} x").unwrap_err().message, "trailing characters");
}

#[test]
fn nesting_is_limited_and_hostile_input_never_panics() {
    let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(parse(&nested(MAX_DEPTH)).is_ok());
    assert_eq!(parse(&nested(MAX_DEPTH + 1)).unwrap_err().message, "nested too deeply");
    assert!(parse(&"[".repeat(1_000_000)).is_err());
    assert!(parse(&"{\"a\":".repeat(100_000)).is_err());
    let document = r#"{"a": [1, -2.5e-3, {"b": null}], "c": "x\u00e9\ud83c\udfb9\n", "d": true, "e": false}"#;
    assert!(parse(document).is_ok());
    for end in 0..document.len() {
        if let Some(prefix) = document.get(..end) {
            assert!(parse(prefix).is_err(), "{prefix:?} is cut short");
        }
    }
    let mut bytes = document.as_bytes().to_vec();
    for i in 0..bytes.len() {
        for b in [b'"', b'\\', b'{', b']', b'-', b'e', b'0', b'u', 0, 0x1f, b' '] {
            let was = std::mem::replace(&mut bytes[i], b);
            if let Ok(text) = std::str::from_utf8(&bytes) {
                let _ = parse(text);
            }
            bytes[i] = was;
        }
    }
}

#[test]
fn keys_find_their_last_occurrence_and_index_past_anything_is_null() {
    let mut value = ok(r#"{"k": 1, "other": 2, "k": 3}"#);
    assert_eq!(value["k"], 3);
    assert_eq!(value.remove("k"), Some(Json::Number(3.0)));
    assert_eq!(value, ok(r#"{"other": 2}"#), "every occurrence goes");
    assert_eq!(value.remove("k"), None);
    assert!(value["missing"]["deeper"][3].is_null());
    assert!(ok("[1]")[1].is_null() && ok("[1]")["k"].is_null() && ok("\"s\"").get("k").is_none());
    assert_eq!(
        (ok("1").as_str(), ok("\"1\"").as_f64(), ok("{}").as_array()),
        (None, None, None)
    );
    value["other"] = "changed".into();
    value["new"]["inner"] = true.into();
    assert_eq!(value.to_string(), r#"{"other":"changed","new":{"inner":true}}"#);
}

#[test]
fn the_writer_escapes_what_it_must_and_nothing_else() {
    let text = "quote \" back \\ slash / tab \t line \n return \r \u{1} \u{1f} \u{7f} é 🎹";
    assert_eq!(
        string(text).to_string(),
        r#""quote \" back \\ slash / tab \t line \n return \r \u0001 \u001f "#.to_owned() + "\u{7f} é 🎹\""
    );
    let value = Json::object(vec![
        ("s", text.into()),
        (
            "list",
            Json::Array(vec![Json::Null, true.into(), 20u32.into(), string("")]),
        ),
        ("empty", Json::object(vec![])),
    ]);
    assert_eq!(ok(&value.to_string()), value, "what is written reads back");
    assert_eq!(value["list"].to_string(), r#"[null,true,20,""]"#, "compact, in order");
}

#[test]
fn numbers_are_written_as_integers_or_not_at_all() {
    let written = |n: f64| Json::Number(n).to_string();
    assert_eq!(written(20.0), "20");
    assert_eq!(written(-3.0), "-3");
    assert_eq!(written(-0.0), "0");
    assert_eq!(written(1_795_183_407_250.0), "1795183407250");
    assert_eq!(written(9_007_199_254_740_992.0), "9007199254740992");
    for n in [2.5, 1e300, f64::NAN, f64::INFINITY, -f64::INFINITY] {
        assert_eq!(written(n), "null", "{n}");
    }
}

/// The committed data set, read by this reader and by serde_json: the same values.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_data_set_reads_as_serde_json_reads_it() {
    fn same(ours: &Json, theirs: &serde_json::Value) -> bool {
        use serde_json::Value;
        match (ours, theirs) {
            (Json::Null, Value::Null) => true,
            (Json::Bool(a), Value::Bool(b)) => a == b,
            (Json::Number(a), Value::Number(b)) => Some(*a) == b.as_f64(),
            (Json::String(a), Value::String(b)) => a == b,
            (Json::Array(a), Value::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y)),
            (Json::Object(a), Value::Object(b)) => {
                a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
            }
            _ => false,
        }
    }
    let mut files = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/public/api"
    ))];
    let mut read = 0;
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|entry| entry.unwrap().path()));
        } else if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            let theirs: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert!(same(&ok(&text), &theirs), "{}", path.display());
            read += 1;
        }
    }
    assert!(read > 10, "read {read} files");
}
