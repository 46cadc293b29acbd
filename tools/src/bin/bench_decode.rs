//! Benchmark (prints figures; not a test): decode and parse a feed page of 1,000 performances with
//! 300 touches each, natively. `scripts/bench.sh` runs it and the same benchmark in headless Chromium.

use microjam_tools::bench_input::feed_page;
use microjam_web::backend::json::decode_page;
use std::time::Instant;

fn main() {
    let (count, rows, runs) = (1000, 300, 15);
    let body = feed_page(count, rows);
    let url = "http://bench.test/api/performances.json";
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        let page = decode_page(&body, url).expect("the benchmark page decodes");
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(page.performances.len(), count);
        assert!(page.performances.iter().all(|p| p.touches.len() == rows));
    }
    times.sort_by(f64::total_cmp);
    let median = times[runs / 2];
    println!(
        "native  decode+parse {count} performances x {rows} touches ({:.1} MB JSON): median {median:.1} ms, min {:.1} ms, {:.0} MB/s ({runs} runs)",
        body.len() as f64 / 1e6,
        times[0],
        body.len() as f64 / 1e6 / (median / 1000.0)
    );
}
