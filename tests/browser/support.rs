//! Helpers shared by the browser tests and the browser benchmarks (tests/bench_browser.rs).

/// The loopback test server (scripts/test-server.py).
pub fn server() -> String {
    format!(
        "http://127.0.0.1:{}",
        option_env!("MICROJAM_TEST_API_PORT").unwrap_or("8931")
    )
}

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
