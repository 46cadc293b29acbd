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

/// The URL a JSON API page's `next` cursor holds.
pub fn next_url(next: Option<microjam_web::backend::Cursor>) -> Option<String> {
    next.map(|cursor| match cursor {
        microjam_web::backend::Cursor::Url(url) => url,
        other => panic!("not a URL: {other:?}"),
    })
}

/// Sets `<meta name=NAME content=CONTENT>` in the document's head, adding it if missing.
pub fn set_meta(name: &str, content: &str) {
    let head = document().head().unwrap();
    let meta = match head.query_selector(&format!("meta[name='{name}']")).unwrap() {
        Some(meta) => meta,
        None => {
            let meta = document().create_element("meta").unwrap();
            meta.set_attribute("name", name).unwrap();
            head.append_child(&meta).unwrap();
            meta
        }
    };
    meta.set_attribute("content", content).unwrap();
}

/// Where the player finds the sound engine: as scripts/engine.sh built it, served by the test server
/// (what Trunk's hook writes into index.html for a real build).
pub fn use_engine() {
    set_meta(
        "microjam-engine",
        &format!("{}/engine-build/microjam-engine.wasm", server()),
    );
    set_meta(
        "microjam-engine-processor",
        &format!("{}/engine-build/microjam-engine-processor.js", server()),
    );
}
