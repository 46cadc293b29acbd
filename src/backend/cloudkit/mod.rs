//! Apple CloudKit Web Services, where MicroJam's own performances live: the requests a browser makes
//! to read the public database anonymously with an API token (their bodies here, the records they
//! answer with in `records`, pure and natively tested), and in the browser the `client` that sends
//! them.

#[cfg(target_arch = "wasm32")]
pub mod client;
mod records;

pub use records::{decode_error, decode_lookup, decode_query, record_to_performance, CloudKitError, Lookup};

use crate::backend::page::View;
use crate::json::Json;

/// Apple's endpoint; a test points the site at a fake one instead.
pub const DEFAULT_URL: &str = "https://api.apple-cloudkit.com";
/// Records asked for per page.
pub const PAGE_SIZE: u32 = 20;
/// The record fields the site reads (never `PerformedAt`, a location, nor `Image`).
pub const DESIRED_KEYS: [&str; 7] = [
    "Date",
    "Performer",
    "Instrument",
    "Touches",
    "ReplyTo",
    "Colour",
    "BackgroundColour",
];

/// Which CloudKit container to read, chosen at deploy time (see README).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// e.g. `https://api.apple-cloudkit.com`.
    pub url: String,
    /// e.g. `iCloud.au.com.charlesmartin.microjam`.
    pub container: String,
    /// `development` or `production`.
    pub environment: String,
    /// An API token of the container whose allowed origins include the site's.
    pub token: String,
}

impl Config {
    fn database(&self) -> String {
        format!(
            "{}/database/1/{}/{}/public",
            self.url.trim_end_matches('/'),
            crate::urls::encode_segment(&self.container),
            crate::urls::encode_segment(&self.environment)
        )
    }

    fn with_token(&self, path: &str) -> String {
        format!(
            "{}{path}?ckAPIToken={}",
            self.database(),
            crate::urls::encode_segment(&self.token)
        )
    }

    /// The URL of `records/query`.
    pub fn query_url(&self) -> String {
        self.with_token("/records/query")
    }

    /// The URL of `records/lookup`.
    pub fn lookup_url(&self) -> String {
        self.with_token("/records/lookup")
    }
}

/// The body of a `records/query` for `view`, continuing after `marker` if given.
pub fn query_body(view: &View, marker: Option<&str>) -> Json {
    let filter = match view {
        View::All => None,
        View::Performer(name) => Some(("Performer", name)),
        View::Instrument(name) => Some(("Instrument", name)),
    };
    let sort = Json::object(vec![("fieldName", "Date".into()), ("ascending", false.into())]);
    let mut query = vec![
        ("recordType", "Performance".into()),
        ("sortBy", Json::Array(vec![sort])),
    ];
    if let Some((field, value)) = filter {
        let filter = Json::object(vec![
            ("comparator", "EQUALS".into()),
            ("fieldName", field.into()),
            ("fieldValue", Json::object(vec![("value", value.as_str().into())])),
        ]);
        query.push(("filterBy", Json::Array(vec![filter])));
    }
    let mut body = vec![
        ("query", Json::object(query)),
        ("resultsLimit", PAGE_SIZE.into()),
        ("desiredKeys", desired_keys()),
    ];
    if let Some(marker) = marker {
        body.push(("continuationMarker", marker.into()));
    }
    Json::object(body)
}

/// The body of a `records/lookup` of these record names (one request for a whole batch).
pub fn lookup_body(ids: &[String]) -> Json {
    let records = ids
        .iter()
        .map(|id| Json::object(vec![("recordName", id.as_str().into())]));
    Json::object(vec![
        ("records", Json::Array(records.collect())),
        ("desiredKeys", desired_keys()),
    ])
}

fn desired_keys() -> Json {
    Json::Array(DESIRED_KEYS.iter().map(|&key| key.into()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn json(text: &str) -> Json {
        parse(text).unwrap()
    }

    #[test]
    fn query_bodies_for_each_view() {
        let all = query_body(&View::All, None);
        assert_eq!(all["query"]["recordType"], "Performance");
        assert_eq!(
            all["query"]["sortBy"],
            json(r#"[{"fieldName": "Date", "ascending": false}]"#)
        );
        assert!(all["query"].get("filterBy").is_none() && all.get("continuationMarker").is_none());
        assert_eq!(all["resultsLimit"], PAGE_SIZE);
        assert_eq!(all["desiredKeys"].as_array().unwrap().len(), 7);
        let performer = query_body(&View::Performer("Åse Nygård".into()), Some("m2"));
        assert_eq!(
            performer["query"]["filterBy"],
            json(r#"[{"comparator": "EQUALS", "fieldName": "Performer", "fieldValue": {"value": "Åse Nygård"}}]"#)
        );
        assert_eq!(performer["continuationMarker"], "m2");
        let instrument = query_body(&View::Instrument("drums".into()), None);
        assert_eq!(instrument["query"]["filterBy"][0]["fieldName"], "Instrument");
        assert_eq!(
            lookup_body(&["a".into(), "b".into()])["records"],
            json(r#"[{"recordName": "a"}, {"recordName": "b"}]"#)
        );
    }

    #[test]
    fn urls_name_the_container_environment_and_token() {
        let config = Config {
            url: "https://api.apple-cloudkit.com/".into(),
            container: "iCloud.au.com.charlesmartin.microjam".into(),
            environment: "production".into(),
            token: "abc+/=".into(),
        };
        assert_eq!(
            config.query_url(),
            "https://api.apple-cloudkit.com/database/1/iCloud.au.com.charlesmartin.microjam/production/public/records/query?ckAPIToken=abc%2B%2F%3D"
        );
        assert!(config.lookup_url().contains("/public/records/lookup?ckAPIToken="));
    }
}
