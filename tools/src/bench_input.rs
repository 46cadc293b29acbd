//! Input for the decoding benchmark (`scripts/bench.sh`): a feed page of `count` performances with
//! `rows` touches each, in the app's row format, the same bytes natively and in the browser.

/// A JSON feed page; deterministic.
pub fn feed_page(count: usize, rows: usize) -> String {
    let mut touches = String::from("time,x,y,z,moving\n");
    for i in 0..rows {
        let t = i as f64 * 5.0 / rows as f64;
        let (x, y) = (0.5 + 0.4 * (t * 3.1).sin(), 0.5 + 0.4 * (t * 2.3).cos());
        touches.push_str(&format!(
            "{t:.6}, {x:.6}, {y:.6}, {:.6}, {}\n",
            20.0 + (i % 7) as f64,
            u8::from(i % 40 != 0)
        ));
    }
    let touches = microjam_web::json::Json::String(touches).to_string();
    let records: Vec<String> = (0..count)
        .map(|i| {
            format!(
                r##"{{"id":"bench-{i:05}","performer":"performer {}","instrument":"{}","date":"2026-11-{:02}T12:{:02}:00Z","colour":"#EC6B2DFF","background_colour":"#141D26","reply_to":{},"touches":{touches}}}"##,
                i % 13,
                microjam_web::instrument::Sound::ALL[i % 9].name(),
                1 + i % 28,
                i % 60,
                if i % 5 == 0 { "null".to_owned() } else { format!("\"bench-{:05}\"", i / 2) }
            )
        })
        .collect();
    format!(
        r#"{{"performances":[{}],"next":"performances/pages/2.json"}}"#,
        records.join(",")
    )
}
