//! The browser's side of CloudKit Web Services: POSTs to records/query and records/lookup, retrying
//! THROTTLED and TRY_AGAIN_LATER after `retryAfter` (a bounded number of times).

use super::{decode_error, decode_lookup, decode_query, lookup_body, query_body, Config};
use crate::backend::error::ApiError;
use crate::backend::http::{request, sleep, Answer, TIMEOUT};
use crate::backend::page::{warn_skipped, Page, View};
use crate::performance::Performance;
use std::sync::Arc;

/// POSTs `body` to `url`; a 2xx answer's body, or the error CloudKit gave after any retries.
async fn post(url: &str, body: &crate::json::Json) -> Result<String, ApiError> {
    let body = body.to_string();
    let mut attempt = 0;
    loop {
        let Answer {
            status, body: answer, ..
        } = request(url, Some(&body), TIMEOUT).await?;
        if (200..300).contains(&status) {
            return Ok(answer);
        }
        let error = decode_error(status, &answer);
        match error.retry_delay(attempt) {
            Some(seconds) => {
                web_sys::console::info_1(
                    &format!("MicroJam: CloudKit said {}; trying again in {seconds} s", error.code).into(),
                );
                sleep(seconds).await;
                attempt += 1;
            }
            None => return Err(error.to_api_error()),
        }
    }
}

/// A page of `view`, continuing after `marker`.
pub async fn query(config: &Config, view: &View, marker: Option<&str>) -> Result<Page, ApiError> {
    let answer = post(&config.query_url(), &query_body(view, marker)).await?;
    let page = decode_query(&answer, view)?;
    warn_skipped(&page.skipped, page.performances.len() + page.skipped.len(), "CloudKit");
    Ok(page)
}

/// The performances with these record names that exist, in one request.
pub async fn lookup(config: &Config, ids: Vec<String>) -> Result<Vec<Arc<Performance>>, ApiError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let answer = post(&config.lookup_url(), &lookup_body(&ids)).await?;
    let lookup = decode_lookup(&answer)?;
    warn_skipped(&lookup.skipped, ids.len(), "CloudKit");
    Ok(lookup.found)
}
