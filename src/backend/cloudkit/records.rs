//! CloudKit records to performances, and CloudKit's answers (pages, lookups, errors) to ours.
//! Mapping is total: a record with a missing or mistyped field is skipped and reported, never fatal.

use crate::backend::error::ApiError;
use crate::backend::page::{colour_or, keep_valid, Cursor, Page, Skipped, View};
use crate::colour::{DEFAULT_BACKGROUND, DEFAULT_TRACE};
use crate::json::{self, Json};
use crate::performance::Performance;
use crate::{dates, touches};
use std::sync::Arc;

/// The answer to a `records/lookup`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lookup {
    pub found: Vec<Arc<Performance>>,
    /// Record names CloudKit does not have (NOT_FOUND).
    pub missing: Vec<String>,
    pub skipped: Vec<Skipped>,
}

/// A CloudKit error answer: `{"uuid", "serverErrorCode", "reason", "retryAfter"}` with its status.
#[derive(Debug, Clone, PartialEq)]
pub struct CloudKitError {
    pub status: u16,
    pub code: String,
    pub reason: String,
    pub retry_after: Option<f64>,
}

impl CloudKitError {
    /// How long to wait before trying again after `attempt` failed tries (0 = the first), or None
    /// when this error is not worth retrying or enough tries were made. THROTTLED and
    /// TRY_AGAIN_LATER are retried after `retryAfter`, or a doubling backoff, capped at 30 s.
    pub fn retry_delay(&self, attempt: u32) -> Option<f64> {
        let retryable =
            matches!(self.code.as_str(), "THROTTLED" | "TRY_AGAIN_LATER") || matches!(self.status, 429 | 503);
        (retryable && attempt < 3).then(|| {
            self.retry_after
                .unwrap_or(0.5 * f64::from(1u32 << attempt))
                .clamp(0.0, 30.0)
        })
    }

    /// What the visitor is told.
    pub fn to_api_error(&self) -> ApiError {
        match self.code.as_str() {
            "AUTHENTICATION_FAILED" | "AUTHENTICATION_REQUIRED" | "ACCESS_DENIED" => ApiError::Configuration(format!(
                "This site can't read its CloudKit container ({}). Check microjam-cloudkit-token, \
                 microjam-cloudkit-container and microjam-cloudkit-environment in index.html, and that the \
                 token allows this site's address.",
                self.code
            )),
            "NOT_FOUND" => ApiError::Status(404),
            _ => ApiError::Status(self.status),
        }
    }
}

/// Reads an error answer (status other than 2xx); an unreadable body keeps the status alone.
pub fn decode_error(status: u16, body: &str) -> CloudKitError {
    let value = json::parse(body).unwrap_or_default();
    CloudKitError {
        status,
        code: value["serverErrorCode"].as_str().unwrap_or_default().to_owned(),
        reason: value["reason"].as_str().unwrap_or_default().to_owned(),
        retry_after: value["retryAfter"].as_f64().filter(|s| s.is_finite() && *s >= 0.0),
    }
}

fn field<'a>(fields: &'a Json, name: &str, kind: &str) -> Result<Option<&'a Json>, String> {
    let Some(entry) = fields.get(name).filter(|f| !f.is_null()) else {
        return Ok(None);
    };
    match entry.get("type").and_then(Json::as_str) {
        Some(t) if t != kind => Err(format!("field {name} is a {t}, not a {kind}")),
        _ => Ok(entry.get("value").filter(|v| !v.is_null())),
    }
}

fn string(fields: &Json, name: &str) -> Result<Option<String>, String> {
    match field(fields, name, "STRING")? {
        None => Ok(None),
        Some(Json::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("field {name} is not a string")),
    }
}

fn required(fields: &Json, name: &str) -> Result<String, String> {
    string(fields, name)?
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| format!("field {name} is missing"))
}

/// A `Performance` record (`recordName`, `fields`) as a performance.
pub fn record_to_performance(record: &Json) -> Result<Performance, String> {
    let id = record["recordName"]
        .as_str()
        .filter(|s| !s.is_empty())
        .ok_or("no recordName")?
        .to_owned();
    if let Some(code) = record["serverErrorCode"].as_str() {
        return Err(format!("record {id}: {code}"));
    }
    let fields = record.get("fields").filter(|f| f.is_object()).ok_or("no fields")?;
    let timestamp_ms = match field(fields, "Date", "TIMESTAMP")? {
        // Years 1 to 9999, as RFC 3339 writes them; anything else is not a real date.
        Some(v) => v
            .as_f64()
            .filter(|t| (-62_135_596_800_000.0..=253_402_300_799_999.0).contains(t))
            .ok_or("field Date is not a timestamp")? as i64,
        None => return Err("field Date is missing".into()),
    };
    // ReplyTo is the parent's recordName: a string, or a REFERENCE {"recordName": …}.
    let reply_to = match fields.get("ReplyTo").and_then(|f| f.get("value")) {
        Some(Json::String(s)) => Some(s.clone()),
        Some(reference @ Json::Object(_)) => reference.get("recordName").and_then(Json::as_str).map(str::to_owned),
        Some(Json::Null) | None => None,
        Some(_) => return Err("field ReplyTo is not a record name".into()),
    }
    .filter(|parent| !parent.trim().is_empty() && *parent != id);
    // A colour of any other form or type falls back, as with the JSON API.
    let colour = |name: &str, fallback| colour_or(fields.get(name).and_then(|f| f.get("value")), fallback);
    let csv = required(fields, "Touches")?;
    Ok(Performance {
        performer: required(fields, "Performer")?,
        instrument: required(fields, "Instrument")?.into(),
        date: dates::format_rfc3339(timestamp_ms),
        timestamp_ms,
        colour: colour("Colour", DEFAULT_TRACE),
        background: colour("BackgroundColour", DEFAULT_BACKGROUND),
        reply_to,
        touches: touches::parse(&csv),
        csv,
        id,
    })
}

fn records(body: &str) -> Result<(Json, Vec<Json>), ApiError> {
    let mut value = json::parse(body).map_err(|e| ApiError::Decode(e.to_string()))?;
    match value.remove("records") {
        Some(Json::Array(records)) => Ok((value, records)),
        _ => Err(ApiError::Decode("no records array".into())),
    }
}

/// Reads a `records/query` answer for `view`: its next page goes on from its continuation marker.
pub fn decode_query(body: &str, view: &View) -> Result<Page, ApiError> {
    let (envelope, records) = records(body)?;
    let mut page = Page {
        next: envelope["continuationMarker"]
            .as_str()
            .filter(|m| !m.is_empty())
            .map(|marker| Cursor::CloudKit {
                view: view.clone(),
                marker: marker.to_owned(),
            }),
        ..Page::default()
    };
    (page.performances, page.skipped) = keep_valid(records.iter().enumerate(), record_to_performance);
    Ok(page)
}

/// Reads a `records/lookup` answer.
pub fn decode_lookup(body: &str) -> Result<Lookup, ApiError> {
    let (_, records) = records(body)?;
    let not_found = |record: &Json| record["serverErrorCode"].as_str() == Some("NOT_FOUND");
    let mut lookup = Lookup {
        missing: records
            .iter()
            .filter(|r| not_found(r))
            .filter_map(|r| r["recordName"].as_str().map(str::to_owned))
            .collect(),
        ..Lookup::default()
    };
    let rest = records.iter().enumerate().filter(|(_, r)| !not_found(r));
    (lookup.found, lookup.skipped) = keep_valid(rest, record_to_performance);
    Ok(lookup)
}

#[cfg(test)]
mod tests;
