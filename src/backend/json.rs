//! The JSON API v1 (docs/api.md): its endpoint URLs, its wire format and the lenient decoding of it
//! (a record with a missing required field or a wrong type is skipped and reported, the rest of the
//! page is kept; unknown fields are ignored, so nothing but public data ever reaches the page), and
//! in the browser the fetch of one answer.

use super::error::ApiError;
use super::page::{colour_or, keep_valid, Cursor, Page, Performer};
use crate::colour::{DEFAULT_BACKGROUND, DEFAULT_TRACE};
use crate::json::{self, Json};
use crate::performance::Performance;
use crate::urls::encode_segment;
use crate::{dates, touches, urls};

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

/// A string field of a record or body, taken out of it: absent, or of another type, is an error.
fn required(record: &mut Json, key: &str) -> Result<String, String> {
    optional(record, key)?.ok_or_else(|| format!("missing field `{key}`"))
}

/// A string field that may be absent or null.
fn optional(record: &mut Json, key: &str) -> Result<Option<String>, String> {
    match record.remove(key) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(s)) => Ok(Some(s)),
        Some(_) => Err(format!("`{key}` is not a string")),
    }
}

fn non_empty(field: &str, value: String) -> Result<String, String> {
    if value.trim().is_empty() {
        Err(format!("`{field}` is empty"))
    } else {
        Ok(value)
    }
}

/// Validates one performance record; the error says why it cannot be shown. Fields it does not
/// know are ignored.
pub fn performance_from_value(mut record: Json) -> Result<Performance, String> {
    if !record.is_object() {
        return Err("a performance is not an object".into());
    }
    let id = required(&mut record, "id")?;
    let performer = required(&mut record, "performer")?;
    let instrument = required(&mut record, "instrument")?;
    let date = required(&mut record, "date")?;
    let csv = required(&mut record, "touches")?;
    let reply_to = optional(&mut record, "reply_to")?;
    let timestamp_ms = dates::parse_rfc3339(&date).ok_or_else(|| format!("`date` {date:?} is not RFC 3339"))?;
    let id = non_empty("id", id)?;
    let reply_to = reply_to.filter(|parent| !parent.trim().is_empty() && *parent != id);
    Ok(Performance {
        performer: non_empty("performer", performer)?,
        instrument: non_empty("instrument", instrument)?.into(),
        timestamp_ms,
        date,
        colour: colour_or(record.get("colour"), DEFAULT_TRACE),
        background: colour_or(record.get("background_colour"), DEFAULT_BACKGROUND),
        reply_to,
        touches: touches::parse(&csv),
        csv,
        id,
    })
}

/// A body that must be a JSON object.
fn object(body: &str) -> Result<Json, ApiError> {
    let value = json::parse(body).map_err(|e| ApiError::Decode(e.to_string()))?;
    if value.is_object() {
        Ok(value)
    } else {
        Err(ApiError::Decode("the answer is not a JSON object".into()))
    }
}

/// Decodes the body of `{base}/performances/{id}.json`.
pub fn decode_performance(body: &str) -> Result<Performance, ApiError> {
    performance_from_value(object(body)?).map_err(ApiError::Decode)
}

/// The page in a feed page's or performer's `body` (its `performances` and `next`), fetched from `url`.
fn page(body: &mut Json, url: &str) -> Result<Page, String> {
    let records = match body.remove("performances") {
        Some(Json::Array(records)) => records,
        Some(_) => return Err("`performances` is not an array".into()),
        None => return Err("missing field `performances`".into()),
    };
    let next = optional(body, "next")?;
    let mut page = Page::default();
    (page.performances, page.skipped) = keep_valid(records.into_iter().enumerate(), performance_from_value);
    page.next = next
        .filter(|n| !n.trim().is_empty())
        .and_then(|n| urls::resolve(url, &n))
        .filter(|n| n != url)
        .map(Cursor::Url);
    Ok(page)
}

/// Decodes a feed page (`performances.json`, an instrument feed, or any `next` page) fetched from
/// `url`, against which `next` is resolved.
pub fn decode_page(body: &str, url: &str) -> Result<Page, ApiError> {
    page(&mut object(body)?, url).map_err(ApiError::Decode)
}

/// Decodes `{base}/performers/{name}.json` fetched from `url`.
pub fn decode_performer(body: &str, url: &str) -> Result<Performer, ApiError> {
    let mut body = object(body)?;
    let name = required(&mut body, "name").map_err(ApiError::Decode)?;
    let page = page(&mut body, url).map_err(ApiError::Decode)?;
    Ok(Performer {
        name: non_empty("name", name).map_err(ApiError::Decode)?,
        colour: colour_or(body.get("colour"), DEFAULT_TRACE),
        background: colour_or(body.get("background_colour"), DEFAULT_BACKGROUND),
        page,
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
    let answer = match super::early::take(&url).await {
        Some(answer) => answer,
        None => super::http::request(&url, None, super::http::TIMEOUT).await?,
    };
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
