//! Marks in the browser's performance timeline for the load-time benchmark
//! (`tests/e2e/bench-load.mjs`): the frame after the first jam picture is drawn, and the frame after
//! the privacy policy is in the page.

use crate::dom::next_frame;

/// Marks the frame after the first picture is drawn (`microjam:first-trace`); later calls do nothing.
pub fn first_picture() {
    thread_local!(static MARKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if !MARKED.replace(true) {
        next_frame(|| mark("microjam:first-trace"));
    }
}

/// Marks the frame after the privacy policy is in the page (`microjam:policy`).
pub fn policy_shown() {
    next_frame(|| mark("microjam:policy"));
}

/// A named mark in the browser's performance timeline.
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
