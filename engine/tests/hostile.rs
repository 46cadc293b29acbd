//! Hostile touches never make the engine panic, produce NaN, or leave ±1: a panic in the audio
//! worklet would silence every jam on the page.

use microjam_engine::{Instrument, Jam, Touch};

const SR: f32 = 44_100.0;

fn touch(time: f64, x: f32, y: f32, z: f32, moving: bool) -> Touch {
    Touch { time, x, y, z, moving }
}

/// Every sample is a number within ±1.
fn assert_sane(label: &str, left: &[f32], right: &[f32]) {
    for (i, s) in left.iter().chain(right).enumerate() {
        assert!(s.is_finite() && s.abs() <= 1.0, "{label}: sample {i} is {s}");
    }
}

fn render(instrument: Option<Instrument>, touches: &[Touch], seconds: f64) -> (Vec<f32>, Vec<f32>) {
    let mut jam = Jam::new(SR);
    jam.add_layer(instrument, touches, 7);
    jam.render_seconds(seconds)
}

fn every_instrument() -> impl Iterator<Item = Option<Instrument>> {
    Instrument::ALL.into_iter().map(Some).chain([None])
}

fn label(i: Option<Instrument>) -> &'static str {
    i.map_or("unknown", Instrument::name)
}

#[test]
fn nonsense_numbers_are_tamed() {
    let bad = [f32::NAN, f32::INFINITY, f32::NEG_INFINITY, -1e30, 1e30, -3.0, 7.5];
    let mut touches = Vec::new();
    let mut t = 0.05;
    for (i, &v) in bad.iter().enumerate() {
        for (j, &w) in bad.iter().enumerate() {
            touches.push(touch(t, v, w, bad[(i + j) % bad.len()], (i + j) % 2 == 1));
            t += 0.013;
        }
    }
    touches.push(touch(f64::NAN, 0.5, 0.5, 20.0, false));
    touches.push(touch(f64::INFINITY, 0.5, 0.5, 20.0, false));
    touches.push(touch(-4.0, 0.5, 0.5, 20.0, false));
    for instrument in every_instrument() {
        let (l, r) = render(instrument, &touches, 2.0);
        assert_sane(label(instrument), &l, &r);
    }
}

#[test]
fn out_of_order_and_far_future_times_are_played_in_order_or_dropped() {
    let mut touches: Vec<Touch> = (0..60)
        .map(|i| {
            touch(
                ((i * 37) % 60) as f64 * 0.02,
                (i % 10) as f32 / 10.0,
                0.3,
                30.0,
                i % 3 != 0,
            )
        })
        .collect();
    touches.push(touch(61.0, 0.5, 0.5, 20.0, false));
    touches.push(touch(1e12, 0.5, 0.5, 20.0, false));
    for instrument in every_instrument() {
        let (l, r) = render(instrument, &touches, 2.0);
        assert_sane(label(instrument), &l, &r);
        let loud = l.iter().any(|s| s.abs() > 1e-3);
        assert!(loud, "{}: out-of-order touches still sound", label(instrument));
    }
}

#[test]
fn two_hundred_thousand_rows_render() {
    let touches: Vec<Touch> = (0..200_000)
        .map(|i| {
            let t = i as f64 * 0.000_025;
            touch(
                t,
                ((i % 1000) as f32) / 1000.0,
                ((i % 777) as f32) / 777.0,
                38.0,
                i % 50 != 0,
            )
        })
        .collect();
    for instrument in every_instrument() {
        let (l, r) = render(instrument, &touches, 5.5);
        assert_sane(label(instrument), &l, &r);
    }
}

#[test]
fn many_layers_at_full_tilt_stay_within_one() {
    let touches: Vec<Touch> = (0..250)
        .map(|i| touch(i as f64 * 0.02, (i % 7) as f32 / 7.0, 1.0, 120.0, i % 5 != 0))
        .collect();
    let mut jam = Jam::new(SR);
    for (k, instrument) in every_instrument().enumerate() {
        jam.add_layer(instrument, &touches, k as u32);
    }
    let (l, r) = jam.render_seconds(6.0);
    assert_sane("ten layers", &l, &r);
}

#[test]
fn a_render_repeats_with_the_same_seed() {
    let touches: Vec<Touch> = (0..40)
        .map(|i| {
            touch(
                i as f64 * 0.11,
                (i % 9) as f32 / 9.0,
                (i % 4) as f32 / 4.0,
                25.0,
                i % 4 != 0,
            )
        })
        .collect();
    for instrument in every_instrument() {
        assert_eq!(
            render(instrument, &touches, 5.0),
            render(instrument, &touches, 5.0),
            "{}",
            label(instrument)
        );
    }
}

#[test]
fn sample_rates_other_than_the_apps_work() {
    let touches = [touch(0.1, 0.3, 0.3, 20.0, false), touch(0.5, 0.7, 0.8, 20.0, false)];
    for sr in [22_050.0, 48_000.0, 96_000.0, f32::NAN, 0.0] {
        for instrument in every_instrument() {
            let mut jam = Jam::new(sr);
            jam.add_layer(instrument, &touches, 1);
            let (l, r) = jam.render_seconds(1.0);
            assert_sane(label(instrument), &l, &r);
        }
    }
}
