//! The engine's real-time headroom, natively: cost per 128-frame block of each instrument playing
//! a busy 5-second performance (taps and drags, effects engaged), and how many layers of the
//! heaviest would render in real time with half of the audio thread left free. Prints; judges
//! nothing. `cargo run --release -p microjam-engine --example bench`

use microjam_engine::{Instrument, Jam, Touch, BLOCK};
use std::time::Instant;

const SR: f32 = 48_000.0;
const SECONDS: f64 = 6.0;

/// Five seconds of playing: a tap every 0.4 s, each followed by a 0.25 s drag (events 17 ms apart).
fn busy_performance() -> Vec<Touch> {
    let mut out = Vec::new();
    for k in 0..12 {
        let t0 = 0.05 + 0.4 * k as f64;
        let (x0, y0) = ((k as f32 * 0.37) % 1.0, (k as f32 * 0.61) % 1.0);
        out.push(Touch {
            time: t0,
            x: x0,
            y: y0,
            z: 25.0,
            moving: false,
        });
        for i in 1..15 {
            let d = i as f32 * 0.02;
            out.push(Touch {
                time: t0 + i as f64 * 0.017,
                x: (x0 + d).min(1.0),
                y: (y0 + 0.5 * d).min(1.0),
                z: 25.0,
                moving: true,
            });
        }
    }
    out
}

/// Median and 99th-percentile time (µs) of one block of `layers` layers of `instrument`.
fn cost(instrument: Instrument, layers: usize, touches: &[Touch]) -> (f64, f64) {
    let mut times = Vec::new();
    for run in 0..3 {
        let mut jam = Jam::new(SR);
        for k in 0..layers {
            jam.add_layer(Some(instrument), touches, (run * 100 + k) as u32);
        }
        let (mut l, mut r) = ([0.0f32; BLOCK], [0.0f32; BLOCK]);
        let blocks = (SECONDS * f64::from(SR) / BLOCK as f64) as usize;
        for _ in 0..blocks {
            let start = Instant::now();
            jam.render(&mut l, &mut r);
            times.push(start.elapsed().as_secs_f64() * 1e6);
            std::hint::black_box(&l);
        }
    }
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], times[times.len() * 99 / 100])
}

fn main() {
    let touches = busy_performance();
    let budget = BLOCK as f64 / f64::from(SR) * 1e6;
    println!("engine cost per {BLOCK}-frame block at {SR} Hz (native, release; real time = {budget:.0} µs)");
    println!("| instrument | median µs | p99 µs | share of real time | layers in half the thread (by p99) |");
    println!("|---|---|---|---|---|");
    let mut heaviest = (Instrument::Chirp, 0.0);
    for instrument in Instrument::ALL {
        let (median, p99) = cost(instrument, 1, &touches);
        if median > heaviest.1 {
            heaviest = (instrument, median);
        }
        println!(
            "| {} | {median:.1} | {p99:.1} | {:.2} % | {} |",
            instrument.name(),
            100.0 * median / budget,
            (0.5 * budget / p99) as usize
        );
    }
    let (instrument, _) = heaviest;
    let (median, p99) = cost(instrument, 8, &touches);
    println!(
        "8 layers of {} (the heaviest): median {median:.1} µs, p99 {p99:.1} µs per block = {:.1} % of real time",
        instrument.name(),
        100.0 * median / budget
    );
}
