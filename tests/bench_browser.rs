//! Benchmark (prints figures; not a timed test): the decoding benchmark of tools/src/bin/bench_decode.rs,
//! in headless Chromium. Run by scripts/bench.sh with `--release`; not part of the test command.
#![cfg(target_arch = "wasm32")]

use microjam_tools::bench_input::feed_page;
use microjam_web::backend::json::decode_page;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "browser/support.rs"]
mod support;
use support::{document, next_url, server, sleep, use_engine};

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

fn js_heap_mb() -> f64 {
    let performance = web_sys::window().unwrap().performance().unwrap();
    let memory = js_sys::Reflect::get(&performance, &"memory".into()).unwrap();
    js_sys::Reflect::get(&memory, &"usedJSHeapSize".into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(f64::NAN)
        / 1e6
}

fn wasm_memory_mb() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64 / 1e6
}

#[wasm_bindgen_test]
async fn draw_60_card_pictures() {
    use microjam_web::backend::{json::fetch, Page};
    let mut performances = Vec::new();
    let mut next = Some(format!("{}/api/performances.json", server()));
    while performances.len() < 60 {
        let page: Page = fetch(next.take().expect("enough pages")).await.unwrap();
        performances.extend(page.performances);
        next = next_url(page.next);
    }
    let canvases: Vec<web_sys::HtmlCanvasElement> = (0..60)
        .map(|_| {
            let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas").unwrap().unchecked_into();
            canvas
                .set_attribute("style", "width: 300px; height: 300px; display: block")
                .unwrap();
            document().body().unwrap().append_child(&canvas).unwrap();
            canvas
        })
        .collect();
    let touches: usize = performances[..60].iter().map(|p| p.touches.len()).sum();
    let start = now();
    for (canvas, performance) in canvases.iter().zip(&performances) {
        microjam_web::trace::canvas::draw(canvas, std::slice::from_ref(performance));
    }
    let elapsed = now() - start;
    log(&format!(
        "draw    60 card pictures (300 CSS px, device pixel ratio {}, {touches} touches): {elapsed:.1} ms, {:.2} ms each",
        web_sys::window().unwrap().device_pixel_ratio(),
        elapsed / 60.0
    ));
    canvases.iter().for_each(|c| c.remove());
}

#[wasm_bindgen_test]
async fn dom_nodes_and_heap_after_the_25_feed_pages() {
    let head = document().head().unwrap();
    let meta = document().create_element("meta").unwrap();
    meta.set_attribute("name", "microjam-api").unwrap();
    meta.set_attribute("content", &format!("{}/bench", server())).unwrap();
    head.append_child(&meta).unwrap();
    let root: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    std::mem::forget(leptos::mount::mount_to(root.clone(), microjam_web::App));
    let (heap_before, nodes_before) = (js_heap_mb(), document().get_elements_by_tag_name("*").length());
    for _ in 0..3000 {
        if root.query_selector(".feed-done").unwrap().is_some() {
            break;
        }
        if let Some(button) = root.query_selector(".feed-end button").unwrap() {
            button.unchecked_into::<web_sys::HtmlElement>().click();
        }
        sleep(10).await;
    }
    sleep(500).await;
    let mounted = root.query_selector_all("article.jam-card").unwrap().length();
    let loaded = root
        .query_selector("article.jam-card")
        .unwrap()
        .and_then(|card| card.get_attribute("aria-setsize"))
        .unwrap_or_default();
    assert_eq!(loaded, "500", "25 pages of 20 cards");
    let nodes = document().get_elements_by_tag_name("*").length();
    log(&format!(
        "feed    after 25 pages ({loaded} cards, {mounted} mounted): {nodes} DOM elements ({nodes_before} before), JS heap {:.1} MB ({heap_before:.1} MB before), wasm memory {:.1} MB",
        js_heap_mb(),
        wasm_memory_mb()
    ));
}

fn log(line: &str) {
    web_sys::console::log_1(&line.into());
}

/// A 4-layer jam from the default data set: the first four performances of the feed.
async fn four_layer_jam() -> microjam_web::chain::Jam {
    use microjam_web::backend::{json::fetch, Page};
    let page: Page = fetch(format!("{}/api/performances.json", server())).await.unwrap();
    microjam_web::chain::Jam {
        layers: page.performances[..4].to_vec(),
        end: microjam_web::chain::ChainEnd::Root,
    }
}

#[wasm_bindgen_test]
async fn render_a_four_layer_jam_offline() {
    use_engine();
    let jam = four_layer_jam().await;
    let touches: usize = jam.layers.iter().map(|p| p.touches.len()).sum();
    let length = jam.length() + microjam_web::score::TAIL;
    let mut times = Vec::new();
    for _ in 0..5 {
        let start = now();
        microjam_web::player::offline::render(&jam, 44_100.0).await.unwrap();
        times.push(now() - start);
    }
    times.sort_by(f64::total_cmp);
    let median = times[2];
    log(&format!(
        "offline render of a 4-layer jam ({touches} touches, {length:.1} s of audio at 44.1 kHz) in the AudioWorklet: median {median:.0} ms = {:.3} × real time (5 runs, the first fetching the engine)",
        median / 1000.0 / length
    ));
}

#[wasm_bindgen_test]
async fn audio_nodes_worklets_and_engine_memory_over_20_play_stop_cycles() {
    use leptos::prelude::*;
    use microjam_web::player::{self, Playback};
    use_engine();
    let jam = four_layer_jam().await;
    let owner = Owner::new();
    let signals = owner.with(|| {
        Playback::provide();
        Playback::get().unwrap()
    });
    let mut figures = Vec::new();
    for _ in 0..20 {
        player::toggle(&jam, None, signals);
        for _ in 0..250 {
            if signals.current.get_untracked().is_some() {
                break;
            }
            sleep(20).await;
        }
        sleep(150).await;
        let stats = player::engine_stats().await.expect("the engine is playing");
        figures.push((player::live_nodes(), stats.instances, stats.memory));
        player::stop();
    }
    sleep(100).await;
    let after = player::engine_stats().await.expect("the engine stays");
    let shown = |(nodes, instances, memory): (usize, u32, u32)| {
        format!(
            "{nodes} node, {instances} processor, {:.2} MB wasm memory",
            f64::from(memory) / 1e6
        )
    };
    log(&format!(
        "nodes   over 20 play/stop cycles of a 4-layer jam: cycle 1 {}; cycle 10 {}; cycle 20 {}; after the 20th stop {}",
        shown(figures[0]),
        shown(figures[9]),
        shown(figures[19]),
        shown((player::live_nodes(), after.instances, after.memory)),
    ));
}

/// A busy 5 s layer for the cost benchmark: drags sweeping the square (a touch every 16 ms, the
/// app's rate) broken by taps every 0.4 s, so every instrument is always sounding and re-triggering.
fn busy_layer(id: &str, instrument: &str) -> std::sync::Arc<microjam_web::performance::Performance> {
    use microjam_web::touches::Touch;
    let touches = (0..312)
        .map(|i| {
            let t = i as f32 * 0.016;
            Touch {
                time: t,
                x: 0.5 + 0.45 * (t * 1.7).sin(),
                y: 0.5 + 0.45 * (t * 1.1).cos(),
                z: 20.0 + 18.0 * (t * 3.0).sin().abs(),
                moving: i % 25 != 0,
            }
        })
        .collect();
    std::sync::Arc::new(microjam_web::performance::Performance::new(
        id, "bench", instrument, None, touches,
    ))
}

/// Median wall time (ms) of `runs` offline renders of `layers` busy layers of `instrument`, and the
/// number of 128-frame blocks rendered.
async fn render_ms(instrument: &str, layers: usize, runs: usize) -> (f64, f64) {
    let jam = microjam_web::chain::Jam {
        layers: (0..layers)
            .map(|i| busy_layer(&format!("layer-{i}"), instrument))
            .collect(),
        end: microjam_web::chain::ChainEnd::Root,
    };
    let blocks = ((jam.length() + microjam_web::score::TAIL) * 44_100.0 / 128.0).ceil();
    let mut times = Vec::new();
    for _ in 0..runs {
        let start = now();
        microjam_web::player::offline::render(&jam, 44_100.0).await.unwrap();
        times.push(now() - start);
    }
    times.sort_by(f64::total_cmp);
    (times[runs / 2], blocks)
}

#[wasm_bindgen_test]
async fn engine_cost_per_block_in_the_audioworklet() {
    use_engine();
    let block_ms = 128.0 / 44.1;
    render_ms("chirp", 1, 1).await; // fetches and compiles the engine
    log(&format!(
        "worklet engine cost per 128-frame block ({block_ms:.2} ms of audio at 44.1 kHz) in headless Chromium's AudioWorklet (offline renders of busy 5 s layers, median of 3; one layer's cost = (5 layers − 1 layer) / 4):"
    ));
    let mut heaviest = ("", 0.0);
    for instrument in microjam_web::instrument::Sound::ALL.map(|s| s.name()) {
        let (one, blocks) = render_ms(instrument, 1, 3).await;
        let (five, _) = render_ms(instrument, 5, 3).await;
        let per_layer = ((five - one) / 4.0 / blocks).max(1e-6);
        let fixed = (one / blocks - per_layer).max(0.0);
        log(&format!(
            "worklet   {instrument:<10} {:>6.1} µs per layer per block ({:.1} % of a block), {:>5.1} µs fixed",
            per_layer * 1000.0,
            per_layer / block_ms * 100.0,
            fixed * 1000.0
        ));
        if per_layer > heaviest.1 {
            heaviest = (instrument, per_layer);
        }
    }
    // The most layers of the heaviest instrument that leave half of the audio thread free: from the
    // estimate, render, rescale by what the render took, a few times; the largest count that fitted.
    let (instrument, per_layer) = heaviest;
    let half = block_ms / 2.0;
    let mut layers = (half / per_layer).floor().max(1.0) as usize;
    let mut fitted = None;
    for _ in 0..4 {
        let (ms, blocks) = render_ms(instrument, layers, 1).await;
        let per_block = ms / blocks;
        if per_block <= half && fitted.is_none_or(|(n, _)| layers > n) {
            fitted = Some((layers, per_block));
        }
        let next = ((layers as f64) * half / per_block).floor().max(1.0) as usize;
        if next == layers {
            break;
        }
        layers = next;
    }
    match fitted {
        Some((layers, per_block)) => log(&format!(
            "worklet   the heaviest, {instrument}: {layers} layers render in {per_block:.3} ms per block ({:.0} % of real time): the most found with half the audio thread free",
            per_block / block_ms * 100.0
        )),
        None => log(&format!("worklet   the heaviest, {instrument}: not even one layer leaves half the audio thread free")),
    }
}
