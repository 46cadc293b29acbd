//! Developer tools of microjam-web, kept out of the site's library: the generator of the default data
//! set in `public/api/` (`cargo run -p microjam-tools --bin gen-data`, checked by `tests/dataset`)
//! and the input of the decoding benchmark (`cargo run --release -p microjam-tools --bin
//! bench-decode`; the same in headless Chromium is the site's `tests/bench_browser.rs`).

pub mod bench_input;
#[cfg(not(target_arch = "wasm32"))]
pub mod dataset;
