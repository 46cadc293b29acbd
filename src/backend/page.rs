//! What every backend answers with: a page of a list of performances (a feed view), the cursor of
//! the page after it, a performer, and the records a page left out.

use crate::colour::Rgba;
use crate::json::Json;
use crate::performance::Performance;
use std::sync::Arc;

/// A colour field of either backend: a `#RRGGBB(AA)` string, or (anything else, of any type) the
/// fallback.
pub fn colour_or(value: Option<&Json>, fallback: Rgba) -> Rgba {
    value
        .and_then(Json::as_str)
        .map_or(fallback, |s| Rgba::parse_or(s, fallback))
}

/// A list of performances, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    All,
    Performer(String),
    Instrument(String),
}

/// Where the page after this one starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cursor {
    /// The JSON API's `next`: the absolute URL of the following page.
    Url(String),
    /// CloudKit's continuation marker for the next page of `view`.
    CloudKit { view: View, marker: String },
}

/// One page of a feed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub performances: Vec<Arc<Performance>>,
    /// Where the following page starts; None on the last page.
    pub next: Option<Cursor>,
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

/// A record left out of a page, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub index: usize,
    pub reason: String,
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

/// Reports once per answer the records it left out.
#[cfg(target_arch = "wasm32")]
pub fn warn_skipped(skipped: &[Skipped], total: usize, source: &str) {
    if let Some(line) = skipped_summary(skipped, total, source) {
        web_sys::console::warn_1(&line.into());
    }
}
