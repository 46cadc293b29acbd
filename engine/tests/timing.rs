//! Onsets land on their touches: where a patch starts its sound at the touch (chirp, keys, drums,
//! fmlead), the first sample of each note is within a millisecond of the touch time.

use microjam_engine::{Instrument, Jam, Touch};

const SR: f32 = 44_100.0;

/// Times (s) where the sound rises out of at least 200 ms of near-silence.
fn onsets(samples: &[f32]) -> Vec<f64> {
    let quiet_needed = (0.2 * SR) as usize;
    let mut quiet = quiet_needed;
    let mut found = Vec::new();
    for (i, s) in samples.iter().enumerate() {
        if s.abs() > 0.003 {
            if quiet >= quiet_needed {
                found.push(i as f64 / f64::from(SR));
            }
            quiet = 0;
        } else {
            quiet += 1;
        }
    }
    found
}

fn check(instrument: Instrument, times: &[f64], spot: impl Fn(usize) -> (f32, f32)) {
    let touches: Vec<Touch> = times
        .iter()
        .enumerate()
        .map(|(i, &time)| {
            let (x, y) = spot(i);
            Touch {
                time,
                x,
                y,
                z: 25.0,
                moving: false,
            }
        })
        .collect();
    let mut jam = Jam::new(SR);
    jam.add_layer(Some(instrument), &touches, 3);
    let (left, right) = jam.render_seconds(times.last().unwrap() + 3.0);
    let loudest: Vec<f32> = left.iter().zip(&right).map(|(l, r)| l.abs().max(r.abs())).collect();
    let found = onsets(&loudest);
    assert_eq!(found.len(), times.len(), "{}: onsets {found:?}", instrument.name());
    for (onset, touch) in found.iter().zip(times) {
        assert!(
            (onset - touch).abs() <= 0.001,
            "{}: onset {onset} for a touch at {touch}",
            instrument.name()
        );
    }
}

#[test]
fn drum_hits_start_on_their_touches() {
    // Kicks (bottom-left) and snares (top-left), far apart so that nothing rings into the next.
    check(Instrument::Drums, &[0.25, 1.25, 2.5, 3.75], |i| {
        (0.2, if i % 2 == 0 { 0.8 } else { 0.2 })
    });
}

#[test]
fn pitched_notes_start_on_their_touches() {
    for instrument in [Instrument::Chirp, Instrument::Keys, Instrument::Fmlead] {
        check(instrument, &[0.1234, 2.0417, 4.5003], |i| (0.2 + 0.3 * i as f32, 0.5));
    }
}
