//! Apple CloudKit Web Services, where MicroJam's own performances live: the requests a browser makes
//! to read the public database anonymously with an API token, and what comes back. Pure logic; the
//! browser's part is in `backend`.

mod records;

pub use records::{decode_error, decode_lookup, decode_query, record_to_performance, CloudKitError, Lookup, QueryPage};

pub use crate::api::View;
use serde_json::{json, Value};

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
pub fn query_body(view: &View, marker: Option<&str>) -> Value {
    let filter = match view {
        View::All => None,
        View::Performer(name) => Some(("Performer", name)),
        View::Instrument(name) => Some(("Instrument", name)),
    };
    let mut query = json!({
        "recordType": "Performance",
        "sortBy": [{"fieldName": "Date", "ascending": false}],
    });
    if let Some((field, value)) = filter {
        query["filterBy"] = json!([{"comparator": "EQUALS", "fieldName": field, "fieldValue": {"value": value}}]);
    }
    let mut body = json!({"query": query, "resultsLimit": PAGE_SIZE, "desiredKeys": DESIRED_KEYS});
    if let Some(marker) = marker {
        body["continuationMarker"] = json!(marker);
    }
    body
}

/// The body of a `records/lookup` of these record names (one request for a whole batch).
pub fn lookup_body(ids: &[String]) -> Value {
    let records: Vec<Value> = ids.iter().map(|id| json!({"recordName": id})).collect();
    json!({"records": records, "desiredKeys": DESIRED_KEYS})
}

/// The cursor of the page after this one: the view and the continuation marker, as one string that
/// only this module reads (`Page::next` holds it like a JSON API's `next` URL).
pub fn cursor(view: &View, marker: &str) -> String {
    let (kind, value) = match view {
        View::All => ("all", ""),
        View::Performer(name) => ("performer", name.as_str()),
        View::Instrument(name) => ("instrument", name.as_str()),
    };
    json!({"cloudkit": kind, "value": value, "marker": marker}).to_string()
}

/// The view and marker of a cursor made by `cursor`.
pub fn parse_cursor(cursor: &str) -> Option<(View, String)> {
    let value: Value = serde_json::from_str(cursor).ok()?;
    let name = value["value"].as_str()?.to_owned();
    let view = match value["cloudkit"].as_str()? {
        "all" => View::All,
        "performer" => View::Performer(name),
        "instrument" => View::Instrument(name),
        _ => return None,
    };
    Some((view, value["marker"].as_str()?.to_owned()))
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
