//! The JSON API v1 (docs/api.md): its endpoint URLs, its wire format and the lenient decoding of it
//! (a record with a missing required field or a wrong type is skipped and reported, the rest of the
//! page is kept; unknown fields are ignored, so nothing but public data ever reaches the page), and
//! in the browser the fetch of one answer.

use super::error::ApiError;
use super::page::{keep_valid, Cursor, Page, Performer};
use crate::colour::{Rgba, DEFAULT_BACKGROUND, DEFAULT_TRACE};
use crate::performance::Performance;
use crate::urls::encode_segment;
use crate::{dates, touches, urls};
use serde::Deserialize;
use serde_json::Value;

/// The URLs of API v1 under one base, e.g. `https://microjam.info/api`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    base: String,
}

impl Endpoints {
    /// `base` is an absolute URL; a trailing '/' is ignored.
    pub fn new(base: &str) -> Self {
        Endpoints {
            base: base.trim().trim_end_matches('/').to_owned(),
        }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// The public feed, newest first.
    pub fn feed(&self) -> String {
        format!("{}/performances.json", self.base)
    }

    pub fn performance(&self, id: &str) -> String {
        format!("{}/performances/{}.json", self.base, encode_segment(id))
    }

    pub fn performer(&self, name: &str) -> String {
        format!("{}/performers/{}.json", self.base, encode_segment(name))
    }

    pub fn instrument(&self, instrument: &str) -> String {
        format!("{}/instruments/{}.json", self.base, encode_segment(instrument))
    }
}

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

fn page(values: Vec<Value>, next: Option<String>, url: &str) -> Page {
    let mut page = Page::default();
    (page.performances, page.skipped) = keep_valid(values.into_iter().enumerate(), performance_from_value);
    page.next = next
        .filter(|n| !n.trim().is_empty())
        .and_then(|n| urls::resolve(url, &n))
        .filter(|n| n != url)
        .map(Cursor::Url);
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

/// Something the API answers with, decoded from a body fetched from `url`.
#[cfg(target_arch = "wasm32")]
pub trait Decode: Sized {
    fn decode(body: &str, url: &str) -> Result<Self, ApiError>;
}

#[cfg(target_arch = "wasm32")]
impl Decode for Page {
    fn decode(body: &str, url: &str) -> Result<Self, ApiError> {
        let page = decode_page(body, url)?;
        super::page::warn_skipped(&page.skipped, page.performances.len() + page.skipped.len(), url);
        Ok(page)
    }
}

#[cfg(target_arch = "wasm32")]
impl Decode for Performer {
    fn decode(body: &str, url: &str) -> Result<Self, ApiError> {
        let performer = decode_performer(body, url)?;
        let page = &performer.page;
        super::page::warn_skipped(&page.skipped, page.performances.len() + page.skipped.len(), url);
        Ok(performer)
    }
}

#[cfg(target_arch = "wasm32")]
impl Decode for Performance {
    fn decode(body: &str, _url: &str) -> Result<Self, ApiError> {
        decode_performance(body)
    }
}

/// GETs `url` with the standard timeout and decodes the answer leniently.
#[cfg(target_arch = "wasm32")]
pub async fn fetch<T: Decode>(url: String) -> Result<T, ApiError> {
    let answer = super::http::request(&url, None, super::http::TIMEOUT).await?;
    if !(200..300).contains(&answer.status) {
        return Err(ApiError::Status(answer.status));
    }
    // A static host's single-page-app fallback answers a missing .json file with index.html: that is
    // a 404 in disguise, not a broken server.
    if answer.content_type.starts_with("text/html") {
        return Err(ApiError::Status(404));
    }
    T::decode(&answer.body, &answer.url)
}

#[cfg(test)]
mod tests;
