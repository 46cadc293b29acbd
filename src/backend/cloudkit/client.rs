//! The browser's side of CloudKit Web Services: POSTs to records/query and records/lookup, retrying
//! THROTTLED and TRY_AGAIN_LATER after `retryAfter` (a bounded number of times). A site reading the
//! JSON API never runs any of it, so all of it is a chunk of its own (`crate::lazy`), loaded by the
//! first CloudKit request.

use super::{decode_error, decode_lookup, decode_query, lookup_body, query_body, Config};
use crate::backend::error::ApiError;
use crate::backend::http::{request, sleep, Answer, TIMEOUT};
use crate::backend::page::{warn_skipped, Page, View};
use crate::performance::Performance;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// A request under way, made in the CloudKit chunk.
type Pending<T> = Pin<Box<dyn Future<Output = Result<T, ApiError>>>>;

/// A chunk that could not be loaded is, to a visitor, a request that got no answer.
fn unloaded(_: crate::lazy::ChunkError) -> ApiError {
    ApiError::Network
}

crate::lazy::split!(
    cloudkit,
    fn start_query(config: Config, view: View, marker: Option<String>) -> Pending<Page> {
        Box::pin(async move { query_now(&config, &view, marker.as_deref()).await })
    }
);

crate::lazy::split!(
    cloudkit,
    fn start_lookup(config: Config, ids: Vec<String>) -> Pending<Vec<Arc<Performance>>> {
        Box::pin(async move { lookup_now(&config, ids).await })
    }
);

/// A page of `view`, continuing after `marker`.
pub async fn query(config: &Config, view: &View, marker: Option<&str>) -> Result<Page, ApiError> {
    let marker = marker.map(str::to_owned);
    start_query(config.clone(), view.clone(), marker)
        .await
        .map_err(unloaded)?
        .await
}

/// The performances with these record names that exist, in one request.
pub async fn lookup(config: &Config, ids: Vec<String>) -> Result<Vec<Arc<Performance>>, ApiError> {
    start_lookup(config.clone(), ids).await.map_err(unloaded)?.await
}

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

async fn query_now(config: &Config, view: &View, marker: Option<&str>) -> Result<Page, ApiError> {
    let answer = post(&config.query_url(), &query_body(view, marker)).await?;
    let page = decode_query(&answer, view)?;
    warn_skipped(&page.skipped, page.performances.len() + page.skipped.len(), "CloudKit");
    Ok(page)
}

async fn lookup_now(config: &Config, ids: Vec<String>) -> Result<Vec<Arc<Performance>>, ApiError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let answer = post(&config.lookup_url(), &lookup_body(&ids)).await?;
    let lookup = decode_lookup(&answer)?;
    warn_skipped(&lookup.skipped, ids.len(), "CloudKit");
    Ok(lookup.found)
}
