//! Benchmark (prints figures; not a timed test): the decoding benchmark of src/bin/bench_decode.rs,
//! in headless Chromium. Run by scripts/bench.sh with `--release`; not part of the test command.
#![cfg(target_arch = "wasm32")]

use microjam_web::api::wire::decode_page;
use microjam_web::bench_input::feed_page;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

#[wasm_bindgen_test]
fn decode_and_parse_1000_performances_of_300_touches() {
    let (count, rows, runs) = (1000, 300, 15);
    let body = feed_page(count, rows);
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = now();
        let page = decode_page(&body, "http://bench.test/api/performances.json").unwrap();
        times.push(now() - start);
        assert_eq!(page.performances.len(), count);
    }
    times.sort_by(f64::total_cmp);
    let median = times[runs / 2];
    web_sys::console::log_1(
        &format!(
            "wasm    decode+parse {count} performances x {rows} touches ({:.1} MB JSON): median {median:.1} ms, min {:.1} ms, {:.0} MB/s ({runs} runs)",
            body.len() as f64 / 1e6,
            times[0],
            body.len() as f64 / 1e6 / (median / 1000.0)
        )
        .into(),
    );
}
