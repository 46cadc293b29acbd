//! The JSON wire format of API v1 (docs/api.md) and its lenient decoding: a record with a missing
//! required field or a wrong type is skipped and reported, the rest of the page is kept. Unknown
//! fields are ignored, so nothing but public data ever reaches the page.

use super::ApiError;
use crate::colour::{Rgba, DEFAULT_BACKGROUND, DEFAULT_TRACE};
use crate::performance::Performance;
use crate::{dates, touches, urls};
use serde::Deserialize;
use serde_json::Value;
use std::sync::Arc;

#[derive(Deserialize)]
struct PerformanceWire {
    id: String,
    performer: String,
    instrument: String,
    date: String,
    #[serde(default)]
    colour: Option<Value>,
    #[serde(default)]
    background_colour: Option<Value>,
    #[serde(default)]
    reply_to: Option<String>,
    touches: String,
}

#[derive(Deserialize)]
struct PageWire {
    performances: Vec<Value>,
    #[serde(default)]
    next: Option<String>,
}

#[derive(Deserialize)]
struct PerformerWire {
    name: String,
    #[serde(default)]
    colour: Option<Value>,
    #[serde(default)]
    background_colour: Option<Value>,
    performances: Vec<Value>,
    #[serde(default)]
    next: Option<String>,
}

/// A record left out of a page, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub index: usize,
    pub reason: String,
}

/// One page of a feed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub performances: Vec<Arc<Performance>>,
    /// The absolute URL of the following page; None on the last page.
    pub next: Option<String>,
    pub skipped: Vec<Skipped>,
}

/// A performer and the first page of their performances.
#[derive(Debug, Clone, PartialEq)]
pub struct Performer {
    pub name: String,
    pub colour: Rgba,
    pub background: Rgba,
    pub page: Page,
}

fn non_empty(field: &str, value: String) -> Result<String, String> {
    if value.trim().is_empty() {
        Err(format!("`{field}` is empty"))
    } else {
        Ok(value)
    }
}

/// A colour field: a `#RRGGBB(AA)` string, or — anything else, of any type — the fallback.
fn colour(value: Option<&Value>, fallback: Rgba) -> Rgba {
    value
        .and_then(Value::as_str)
        .map_or(fallback, |s| Rgba::parse_or(s, fallback))
}

/// Validates one performance record; the error says why it cannot be shown.
pub fn performance_from_value(value: Value) -> Result<Performance, String> {
    let wire: PerformanceWire = serde_json::from_value(value).map_err(|e| e.to_string())?;
    let timestamp_ms =
        dates::parse_rfc3339(&wire.date).ok_or_else(|| format!("`date` {:?} is not RFC 3339", wire.date))?;
    let id = non_empty("id", wire.id)?;
    let reply_to = wire
        .reply_to
        .filter(|parent| !parent.trim().is_empty() && *parent != id);
    Ok(Performance {
        performer: non_empty("performer", wire.performer)?,
        instrument: non_empty("instrument", wire.instrument)?.into(),
        timestamp_ms,
        date: wire.date,
        colour: colour(wire.colour.as_ref(), DEFAULT_TRACE),
        background: colour(wire.background_colour.as_ref(), DEFAULT_BACKGROUND),
        reply_to,
        touches: touches::parse(&wire.touches),
        csv: wire.touches,
        id,
    })
}

fn undecodable(e: serde_json::Error) -> ApiError {
    ApiError::Decode(e.to_string())
}

/// Decodes the body of `{base}/performances/{id}.json`.
pub fn decode_performance(body: &str) -> Result<Performance, ApiError> {
    let value: Value = serde_json::from_str(body).map_err(undecodable)?;
    performance_from_value(value).map_err(ApiError::Decode)
}

/// Decodes each record (numbered by its place in the answer) with `decode`: the good ones in
/// order, and why each other one was left out. Every backend's pages go through here.
pub fn keep_valid<T>(
    records: impl IntoIterator<Item = (usize, T)>,
    decode: impl Fn(T) -> Result<Performance, String>,
) -> (Vec<Arc<Performance>>, Vec<Skipped>) {
    let (mut good, mut skipped) = (Vec::new(), Vec::new());
    for (index, record) in records {
        match decode(record) {
            Ok(p) => good.push(Arc::new(p)),
            Err(reason) => skipped.push(Skipped { index, reason }),
        }
    }
    (good, skipped)
}

fn page(values: Vec<Value>, next: Option<String>, url: &str) -> Page {
    let mut page = Page::default();
    (page.performances, page.skipped) = keep_valid(values.into_iter().enumerate(), performance_from_value);
    page.next = next
        .filter(|n| !n.trim().is_empty())
        .and_then(|n| urls::resolve(url, &n))
        .filter(|n| n != url);
    page
}

/// Decodes a feed page (`performances.json`, an instrument feed, or any `next` page) fetched from
/// `url`, against which `next` is resolved.
pub fn decode_page(body: &str, url: &str) -> Result<Page, ApiError> {
    let wire: PageWire = serde_json::from_str(body).map_err(undecodable)?;
    Ok(page(wire.performances, wire.next, url))
}

/// Decodes `{base}/performers/{name}.json` fetched from `url`.
pub fn decode_performer(body: &str, url: &str) -> Result<Performer, ApiError> {
    let wire: PerformerWire = serde_json::from_str(body).map_err(undecodable)?;
    Ok(Performer {
        name: non_empty("name", wire.name).map_err(ApiError::Decode)?,
        colour: colour(wire.colour.as_ref(), DEFAULT_TRACE),
        background: colour(wire.background_colour.as_ref(), DEFAULT_BACKGROUND),
        page: page(wire.performances, wire.next, url),
    })
}

/// One line for the console about the records a page left out, or None when it left none out.
pub fn skipped_summary(skipped: &[Skipped], total: usize, url: &str) -> Option<String> {
    let first = skipped.first()?;
    Some(format!(
        "MicroJam: left out {} of {total} performances from {url} (record {}: {})",
        skipped.len(),
        first.index,
        first.reason
    ))
}

#[cfg(test)]
#[path = "wire_tests.rs"]
mod tests;
