//! Renders a touch CSV through one instrument, natively: for comparing the engine with the app's Pd
//! patches (`scripts/compare-engine.sh`).
//!
//! usage: cargo run --release -p microjam-engine --example render -- INSTRUMENT touches.csv out.wav [seconds]
//! Writes 44.1 kHz 16-bit mono (L+R)/2, sample 0 = time 0, as the Pd reference kit's render.sh.

use microjam_engine::{Instrument, Jam, Touch};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: render INSTRUMENT touches.csv out.wav [seconds]");
        std::process::exit(2);
    }
    let instrument = Instrument::from_name(&args[0]);
    let csv = std::fs::read_to_string(&args[1]).expect("touches file");
    let seconds: f64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(6.0);
    let touches: Vec<Touch> = csv.lines().filter_map(row).collect();
    let mut jam = Jam::new(44_100.0);
    jam.add_layer(instrument, &touches, 0);
    let (left, right) = jam.render_seconds(seconds);
    let mono: Vec<f32> = left.iter().zip(&right).map(|(l, r)| 0.5 * (l + r)).collect();
    std::fs::write(&args[2], microjam_engine::wav::encode_mono(&mono, 44_100)).expect("write wav");
}

/// The app's CSV row: spaces removed, split on commas; the header and bad rows are skipped.
fn row(line: &str) -> Option<Touch> {
    let v: Vec<f64> = line
        .replace(' ', "")
        .split(',')
        .map(|c| c.parse().ok())
        .collect::<Option<_>>()?;
    (v.len() >= 5).then(|| Touch {
        time: v[0],
        x: v[1] as f32,
        y: v[2] as f32,
        z: v[3] as f32,
        moving: v[4] == 1.0,
    })
}
