//! Native tests of what the schemes play: tuning (Karplus–Strong up high too), bends, retriggers,
//! the drums' shimmer and panning.

use super::render;
use super::tests::{control, hit, note, rms, segment, typical};
use crate::audio::{mtof, Control, Drum, Note, Scheme};

/// The fundamental (Hz) of `x`, expected within ±50 % of `expect`: the lag minimising the squared
/// difference, refined on a multiple of the period with parabolic interpolation.
fn estimate_hz(x: &[f32], sr: f32, expect: f32) -> f32 {
    let diff = |lag: usize, w: usize| (0..w).map(|i| (x[i] - x[i + lag]).powi(2)).sum::<f32>();
    let expected_lag = sr / expect;
    let max_lag = ((20.0 * expected_lag) as usize).min(x.len() / 2);
    let w = x.len() - max_lag - 2;
    let (lo, hi) = ((expected_lag / 1.5) as usize, (expected_lag * 1.5) as usize);
    let coarse = (lo..=hi).min_by(|&a, &b| diff(a, w).total_cmp(&diff(b, w))).unwrap();
    let m = (max_lag - 2) / coarse;
    let reach = m / 2 + 1;
    let (from, to) = (
        (m * coarse).saturating_sub(reach).max(1),
        (m * coarse + reach).min(max_lag),
    );
    let best = (from..=to).min_by(|&a, &b| diff(a, w).total_cmp(&diff(b, w))).unwrap();
    let (a, b, c) = (diff(best - 1, w), diff(best, w), diff(best + 1, w));
    let shift = if a + c - 2.0 * b > 0.0 {
        0.5 * (a - c) / (a + c - 2.0 * b)
    } else {
        0.0
    };
    sr * m as f32 / (best as f32 + shift)
}

#[test]
fn a4_is_440_hz_for_chirp_strings_and_keys() {
    let sr = 22_050.0;
    for scheme in [
        Scheme::Chirp,
        Scheme::Strings,
        Scheme::Keys,
        Scheme::FmLead,
        Scheme::LeadGuitar,
    ] {
        let mut n = note(scheme, 69.0, 0.5);
        n.controls[0].y = 0.0;
        // FM lead's second voice is an octave below, silent at dy = 1.
        n.controls[0].dy = 1.0;
        let r = render(&n, sr);
        let (from, to) = if scheme == Scheme::Chirp {
            (0.02, 0.15)
        } else {
            (0.15, 0.35)
        };
        let f = estimate_hz(segment(&r, sr, from, to), sr, 440.0);
        assert!((f / 440.0 - 1.0).abs() < 0.01, "{scheme:?}: {f} Hz");
    }
}

#[test]
fn strings_are_in_tune_up_high() {
    let sr = 44_100.0;
    for midi in [40.0, 60.0, 84.0, 96.0, 103.0] {
        let r = render(&note(Scheme::Strings, midi, 0.4), sr);
        let expect = mtof(midi) as f32;
        let f = estimate_hz(segment(&r, sr, 0.15, 0.3), sr, expect);
        assert!((f / expect - 1.0).abs() < 0.01, "MIDI {midi}: {f} Hz, not {expect}");
    }
}

#[test]
fn a_bend_a_semitone_up_raises_the_pitch_a_semitone() {
    let sr = 22_050.0;
    for scheme in [Scheme::Chirp, Scheme::Strings, Scheme::Keys] {
        let mut n = note(scheme, 69.0, 0.6);
        n.controls[0].y = 0.0;
        n.controls.push(Control {
            y: 0.0,
            ..control(0.2, 70.0)
        });
        let r = render(&n, sr);
        let (before, after) = if scheme == Scheme::Chirp {
            ((0.02, 0.19), (0.25, 0.33))
        } else {
            ((0.1, 0.19), (0.3, 0.5))
        };
        let f0 = estimate_hz(segment(&r, sr, before.0, before.1), sr, 440.0);
        let f1 = estimate_hz(segment(&r, sr, after.0, after.1), sr, 466.16);
        let ratio = f1 / f0;
        assert!((ratio / 1.059_463 - 1.0).abs() < 0.01, "{scheme:?}: {f0} → {f1} Hz");
    }
}

#[test]
fn panning_is_equal_power() {
    let n = typical(Scheme::Keys);
    let centre = render(&n, 16_000.0);
    assert_eq!(centre.left, centre.right);
    let left = render(&Note { pan: -1.0, ..n }, 16_000.0);
    assert!(left.right.iter().all(|&s| s == 0.0));
    for (c, l) in centre.left.iter().zip(&left.left) {
        assert!((c * std::f32::consts::SQRT_2 - l).abs() < 1e-6);
    }
}

#[test]
fn retriggering_drags_sustain_chirp_quack_and_wub() {
    let sr = 16_000.0;
    for scheme in [Scheme::Chirp, Scheme::Quack, Scheme::Wub] {
        let tap = render(
            &Note {
                gate: 1.0,
                ..typical(scheme)
            },
            sr,
        );
        let mut drag = Note {
            gate: 1.0,
            ..typical(scheme)
        };
        let pitch = drag.controls[0].pitch;
        drag.controls
            .extend((1..20).map(|i| control(0.05 * f64::from(i), pitch + 0.1 * f64::from(i))));
        let drag = render(&drag, sr);
        assert!(drag.len() as f32 > 1.0 * sr, "{scheme:?}: drag {}", drag.len());
        assert!(rms(segment(&drag, sr, 0.8, 0.95)) > 0.02, "{scheme:?}: drag faded");
        if scheme != Scheme::Quack {
            assert!((tap.len() as f32) < 0.45 * sr, "{scheme:?}: tap {}", tap.len());
        }
    }
}

#[test]
fn shimmer_echoes_an_octave_up_every_500_ms() {
    let sr = 16_000.0;
    let dry = Note {
        drum: hit(Drum::Snare, 0.1, 0.0),
        ..typical(Scheme::Drums)
    };
    let wet = Note {
        drum: hit(Drum::Snare, 0.1, 1.0),
        ..dry.clone()
    };
    let (dry, wet) = (render(&dry, sr), render(&wet, sr));
    assert_eq!(dry.left[..1000], wet.left[..1000]);
    assert!(dry.len() < (0.2 * sr) as usize);
    for k in 1..=3 {
        let at = 0.5 * k as f32;
        assert!(rms(segment(&wet, sr, at, at + 0.04)) > 0.01 / k as f32, "echo {k}");
        assert!(rms(segment(&wet, sr, at - 0.1, at - 0.02)) < 1e-3, "before echo {k}");
    }
}
