//! The browser's part of keeping takes (`kept.rs`): localStorage, which may be blocked (a private
//! window, a site-data setting: reading it throws SecurityError) or full (QuotaExceededError). A
//! failed write leaves what was stored as it was; the caller keeps the take playable.

use crate::components::Problem;
use crate::performance::Performance;
use std::fmt;
use std::sync::Arc;
use wasm_bindgen::JsValue;
use web_sys::Storage;

const TAKES: &str = "microjam:takes";
const STAGE_NAME: &str = "microjam:stage-name";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser does not let this site keep anything.
    Blocked(String),
    /// The site's storage is full.
    Full,
}

impl StorageError {
    fn from_js(error: &JsValue) -> StorageError {
        let name = js_sys::Reflect::get(error, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        if name == "QuotaExceededError" {
            StorageError::Full
        } else {
            StorageError::Blocked(if name.is_empty() { format!("{error:?}") } else { name })
        }
    }
}

impl Problem for StorageError {
    fn message(&self) -> String {
        match self {
            StorageError::Blocked(_) => "This browser doesn't let the site keep takes (private browsing or a \
                 site-data setting). Your take is still here: play it or download it before you leave."
                .into(),
            StorageError::Full => "There's no room left to keep takes on this device. Delete a kept take, or \
                 download this one: it is still here."
                .into(),
        }
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Blocked(why) => write!(f, "storage blocked ({why})"),
            StorageError::Full => f.write_str("storage full"),
        }
    }
}

fn storage() -> Result<Storage, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Blocked("no window".into()))?;
    window
        .local_storage()
        .map_err(|e| StorageError::from_js(&e))?
        .ok_or_else(|| StorageError::Blocked("no localStorage".into()))
}

/// The kept takes, newest first.
pub fn takes() -> Result<Vec<Arc<Performance>>, StorageError> {
    let stored = storage()?.get_item(TAKES).map_err(|e| StorageError::from_js(&e))?;
    Ok(crate::kept::decode(stored.as_deref()))
}

/// Replaces the kept takes with `list` (all or nothing).
pub fn save(list: &[Arc<Performance>]) -> Result<(), StorageError> {
    storage()?
        .set_item(TAKES, &crate::kept::encode(list))
        .map_err(|e| StorageError::from_js(&e))
}

/// The stage name used last, if it could be kept.
pub fn stage_name() -> Option<String> {
    storage().ok()?.get_item(STAGE_NAME).ok()?
}

/// Keeps the stage name for next time, if the browser lets it (nothing else depends on it).
pub fn set_stage_name(name: &str) {
    if let Ok(storage) = storage() {
        let _ = storage.set_item(STAGE_NAME, name.trim());
    }
}
