//! The engine's render of a touch sequence as the reference kit's render.sh makes the app's: one
//! layer from time 0 at 44.1 kHz, mono (L+R)/2 (before its 16-bit rounding).

use super::touches::CsvTouch;
use microjam_engine::{Instrument, Jam, Touch};

pub const SR: f64 = 44_100.0;

pub fn render_mono(instrument: Instrument, touches: &[CsvTouch], seed: u32, seconds: f64) -> Vec<f64> {
    let touches: Vec<Touch> = touches
        .iter()
        .map(|t| Touch {
            time: t.time,
            x: t.x as f32,
            y: t.y as f32,
            z: t.z as f32,
            moving: t.moving,
        })
        .collect();
    let mut jam = Jam::new(SR as f32);
    jam.add_layer(Some(instrument), &touches, seed);
    let (left, right) = jam.render_seconds(seconds);
    left.iter()
        .zip(&right)
        .map(|(l, r)| 0.5 * (f64::from(*l) + f64::from(*r)))
        .collect()
}
