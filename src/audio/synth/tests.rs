//! Native tests: every scheme sounds, starts at once, ends, stays in range, is in tune, follows
//! bends, is deterministic and never makes NaN, whatever the note.

use super::*;
use crate::audio::{Control, Drum, DrumHit};

const LOWEST_VELOCITY: f64 = 47.0 / 127.0;

pub(super) fn control(time: f64, pitch: f64) -> Control {
    Control {
        time,
        pitch,
        y: 0.5,
        dy: 0.3,
        z: 0.3,
        retrigger: true,
    }
}

pub(super) fn hit(drum: Drum, decay: f64, shimmer: f64) -> Option<DrumHit> {
    Some(DrumHit { drum, decay, shimmer })
}

pub(super) fn note(scheme: Scheme, pitch: f64, gate: f64) -> Note {
    Note {
        scheme,
        layer: 0,
        start: 1.25,
        gate,
        velocity: 1.0,
        controls: vec![control(0.0, pitch)],
        drum: if scheme == Scheme::Drums {
            hit(Drum::Snare, 0.3, 0.0)
        } else {
            None
        },
        pan: 0.0,
        reverb: 0.3,
        delay: 0.2,
        dry: 0.8,
        seed: 42,
    }
}

/// A typical note of `scheme` (the continuous schemes at x = 0.5).
pub(super) fn typical(scheme: Scheme) -> Note {
    let pitch = match scheme {
        Scheme::Quack => 12.0 + 49.0 * 0.5,
        Scheme::Wub => 20.0 + 80.0 * 0.5,
        _ => 64.0,
    };
    note(scheme, pitch, 0.4)
}

/// A typical note of every scheme, and every drum with and without shimmer.
fn all_notes() -> Vec<Note> {
    let mut notes: Vec<Note> = Scheme::ALL.iter().map(|&s| typical(s)).collect();
    for drum in [Drum::Kick, Drum::Snare, Drum::ClosedHat, Drum::OpenHat] {
        for shimmer in [0.0, 0.8] {
            notes.push(Note {
                drum: hit(drum, 0.25, shimmer),
                ..typical(Scheme::Drums)
            });
        }
    }
    notes
}

pub(super) fn rms(x: &[f32]) -> f32 {
    (x.iter().map(|s| s * s).sum::<f32>() / x.len().max(1) as f32).sqrt()
}

pub(super) fn peak(r: &Rendered) -> f32 {
    r.left.iter().chain(&r.right).fold(0.0, |m, s| m.max(s.abs()))
}

fn name(n: &Note) -> String {
    format!(
        "{:?} {:?} pitch {:?}",
        n.scheme,
        n.drum.map(|d| d.drum),
        n.controls.first().map(|c| c.pitch)
    )
}

/// The first sample where the mean of max(|l|, |r|) over the last 0.25 ms exceeds 1e-3.
fn onset(r: &Rendered, sr: f32) -> Option<usize> {
    let w = ((0.000_25 * sr) as usize).max(1);
    let level: Vec<f32> = r.left.iter().zip(&r.right).map(|(l, r)| l.abs().max(r.abs())).collect();
    let mut sum = 0.0;
    for (i, x) in level.iter().enumerate() {
        sum += x;
        if i >= w {
            sum -= level[i - w];
        }
        if sum / w as f32 > 1e-3 {
            return Some(i);
        }
    }
    None
}

pub(super) fn segment(r: &Rendered, sr: f32, from: f32, to: f32) -> &[f32] {
    &r.left[(from * sr) as usize..((to * sr) as usize).min(r.len())]
}

#[test]
fn every_scheme_and_drum_sounds() {
    for n in all_notes() {
        let r = render(&n, 16_000.0);
        let level = rms(segment(&r, 16_000.0, 0.0, 0.1));
        assert!(level > 0.02, "{}: rms {level}", name(&n));
    }
}

#[test]
fn sound_starts_within_a_millisecond() {
    let sr = 44_100.0;
    for mut n in all_notes() {
        n.velocity = LOWEST_VELOCITY;
        let r = render(&n, sr);
        let at = onset(&r, sr);
        assert!(at.is_some_and(|i| i as f32 <= 0.001 * sr), "{}: onset {at:?}", name(&n));
    }
}

#[test]
fn single_notes_peak_below_0_6_even_hard_panned() {
    let sr = 16_000.0;
    for scheme in Scheme::ALL.into_iter().filter(|&s| s != Scheme::Drums) {
        for (pitch, y, dy) in [24.0, 48.0, 72.0, 96.0].into_iter().flat_map(|p| {
            [0.0, 0.5, 1.0]
                .into_iter()
                .flat_map(move |y| [(p, y, 0.0), (p, y, 1.0)])
        }) {
            let mut n = note(scheme, pitch, 0.3);
            n.controls[0] = Control {
                y,
                dy,
                z: 1.0,
                ..n.controls[0]
            };
            n.pan = 1.0;
            let p = peak(&render(&n, sr));
            assert!(p <= 0.6, "{scheme:?} pitch {pitch} y {y} dy {dy}: peak {p}");
        }
    }
    for drum in [Drum::Kick, Drum::Snare, Drum::ClosedHat, Drum::OpenHat] {
        for (decay, shimmer) in [(0.05, 0.0), (0.5, 1.0), (3.0, 1.0)] {
            let n = Note {
                drum: hit(drum, decay, shimmer),
                pan: -1.0,
                ..typical(Scheme::Drums)
            };
            let p = peak(&render(&n, sr));
            assert!(p <= 0.6, "{drum:?} decay {decay} shimmer {shimmer}: peak {p}");
        }
    }
}

#[test]
fn the_sound_ends_within_gate_plus_tail() {
    let sr = 16_000.0;
    for n in all_notes() {
        let r = render(&n, sr);
        let bound = ((n.gate.max(MIN_GATE) + release_tail(n.scheme)) * f64::from(sr)) as usize;
        assert!(!r.is_empty() && r.len() <= bound, "{}: {} > {bound}", name(&n), r.len());
        assert_eq!(r.left.len(), r.right.len());
        let last_ms = &r.left[r.len() - 16..];
        assert!(
            last_ms.iter().all(|s| s.abs() < 2e-3),
            "{}: still sounding at the end",
            name(&n)
        );
    }
}

#[test]
fn zero_or_negative_gates_are_short_blips() {
    let sr = 16_000.0;
    for scheme in Scheme::ALL {
        for gate in [0.0, -3.0, f64::NAN, f64::NEG_INFINITY] {
            let r = render(
                &Note {
                    gate,
                    ..typical(scheme)
                },
                sr,
            );
            let bound = ((MIN_GATE + release_tail(scheme)) * f64::from(sr)) as usize;
            assert!(!r.is_empty() && r.len() <= bound, "{scheme:?} gate {gate}: {}", r.len());
            assert!(rms(&r.left) > 1e-3, "{scheme:?} gate {gate}: silent");
        }
    }
}

#[test]
fn no_controls_render_nothing() {
    for scheme in Scheme::ALL.into_iter().filter(|&s| s != Scheme::Drums) {
        assert!(render(
            &Note {
                controls: vec![],
                ..typical(scheme)
            },
            16_000.0
        )
        .is_empty());
    }
}

#[test]
fn nan_infinite_and_out_of_range_notes_stay_finite() {
    let weird = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e300, -1e300, -5.0, 0.0];
    let mut notes = Vec::new();
    for scheme in Scheme::ALL {
        for &v in &weird {
            let c = Control {
                time: v,
                pitch: v,
                y: v,
                dy: v,
                z: v,
                retrigger: true,
            };
            let controls = vec![Control { time: v, ..c }, c, control(0.1, v), control(0.05, 200.0), c];
            let drum = hit(Drum::OpenHat, v, v);
            notes.push(Note {
                gate: 0.3,
                velocity: v,
                pan: v,
                controls,
                drum,
                seed: v as u64,
                ..typical(scheme)
            });
            notes.push(Note {
                gate: v,
                velocity: 1e9,
                drum: None,
                ..typical(scheme)
            });
        }
    }
    for n in &notes {
        for sr in [1_000.0, 8_000.0] {
            let r = render(n, sr);
            let bound = ((MAX_GATE + release_tail(n.scheme)) * f64::from(sr)) as usize;
            assert!(r.len() <= bound && peak(&r) <= 1.0, "{}", name(n));
            assert!(r.left.iter().chain(&r.right).all(|s| s.is_finite()), "{}", name(n));
        }
    }
    for sr in [f32::NAN, f32::INFINITY, 0.0, -48_000.0, 1e9, 999.0] {
        assert!(render(&typical(Scheme::Strings), sr).is_empty(), "rate {sr}");
    }
}

#[test]
fn the_same_note_renders_the_same_samples() {
    for n in all_notes() {
        assert_eq!(render(&n, 16_000.0), render(&n, 16_000.0), "{}", name(&n));
    }
    let (a, b) = (
        typical(Scheme::Strings),
        Note {
            seed: 43,
            ..typical(Scheme::Strings)
        },
    );
    assert_ne!(render(&a, 16_000.0), render(&b, 16_000.0));
}

#[test]
fn half_velocity_is_quieter() {
    for n in all_notes() {
        let loud = rms(&render(&n, 16_000.0).left);
        let quiet = rms(&render(
            &Note {
                velocity: 0.5,
                ..n.clone()
            },
            16_000.0,
        )
        .left);
        assert!(
            quiet < 0.6 * loud && quiet > 0.4 * loud,
            "{}: {quiet} vs {loud}",
            name(&n)
        );
    }
}
