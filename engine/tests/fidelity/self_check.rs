//! Checks of the fidelity measurement itself, without Python or Pd: the reference fixtures are
//! complete and agree with the port's note logic, the judge passes the app against itself and fails
//! each kind of difference, and the analysis measures a synthetic instrument correctly.

use crate::fidelity::analyse::analyse_signal;
use crate::fidelity::features::{Features, NoteFeatures};
use crate::fidelity::judge::{judge, Pair, Verdict};
use crate::fidelity::touches::{expected_events, parse_touches, CsvTouch};
use crate::{fixtures, read, sequences, SR};
use microjam_engine::Instrument;

/// Every instrument's reference features, per sequence.
fn references(instrument: &str) -> Vec<Features> {
    sequences()
        .iter()
        .map(|seq| {
            let path = fixtures().join(format!("reference/{instrument}-{seq}.json"));
            Features::from_json(&read(&path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect()
}

fn judge_one(instrument: &str, reference: &[Features], candidate: &[Features]) -> Verdict {
    let pairs: Vec<Pair> = reference
        .iter()
        .zip(candidate)
        .map(|(r, c)| Pair {
            instrument,
            reference: r,
            candidate: c,
        })
        .collect();
    judge(&pairs)
}

#[test]
fn every_reference_is_there_and_has_the_notes_of_its_touches() {
    for instrument in Instrument::ALL.map(Instrument::name) {
        for (seq, reference) in sequences().iter().zip(references(instrument)) {
            let touches = parse_touches(&read(&fixtures().join(format!("seqs/{seq}.csv"))));
            let events = expected_events(instrument, &touches);
            let at = format!("{instrument}-{seq}");
            assert_eq!(
                events.len(),
                reference.notes.len(),
                "{at}: regenerate with scripts/pd-reference-figures.sh"
            );
            for (e, n) in events.iter().zip(&reference.notes) {
                assert!(
                    (e.t - n.t_expected).abs() < 1e-6 && e.dragged == n.dragged,
                    "{at}: the note at {}",
                    e.t
                );
            }
        }
    }
}

#[test]
fn the_app_judged_against_itself_sounds_like_the_app() {
    for instrument in Instrument::ALL.map(Instrument::name) {
        let reference = references(instrument);
        let v = judge_one(instrument, &reference, &reference);
        let r = &v.rows[0];
        assert!(v.ok, "{}", v.figure);
        assert_eq!(
            (r.onset_ms, r.peak_db, r.level_db, r.notes_rel),
            (Some(0.0), Some(0.0), Some(0.0), 0.0)
        );
        // enough isolated taps for the medians of f0 and brightness (decay: where the app's notes
        // reach -20 dB before the next one; pad and leadguitar hold on)
        let isolated = |has: &dyn Fn(&NoteFeatures) -> bool| {
            let notes = reference.iter().flat_map(|f| &f.notes);
            notes.filter(|n| !n.dragged && n.window_s >= 0.45 && has(n)).count()
        };
        assert!(
            isolated(&|n| n.centroid_hz.is_some() && n.peak_dbfs.is_some()) >= 20,
            "{instrument}: few taps"
        );
        if instrument != "drums" {
            assert!(
                isolated(&|n| n.f0_cents.is_some()) >= 20,
                "{instrument}: few taps with a pitch"
            );
        }
    }
}

/// A change made to every candidate file's features.
type Change<'a> = &'a dyn Fn(&mut Features);

#[test]
fn the_judge_fails_each_kind_of_difference() {
    let reference = references("keys");
    let off = |change: Change| {
        let mut candidate = reference.clone();
        candidate.iter_mut().for_each(change);
        judge_one("keys", &reference, &candidate).rows[0].fails.join(", ")
    };
    let notes = |f: &mut Features, g: &dyn Fn(&mut NoteFeatures)| f.notes.iter_mut().for_each(g);
    let cases: [(&str, Change); 7] = [
        ("f0", &|f| notes(f, &|n| n.f0_cents = n.f0_cents.map(|c| c + 30.0))),
        ("onset", &|f| notes(f, &|n| n.onset_s = n.onset_s.map(|t| t + 0.02))),
        ("decay", &|f| notes(f, &|n| n.decay20_s = n.decay20_s.map(|d| d * 2.0))),
        ("centroid", &|f| {
            notes(f, &|n| n.centroid_hz = n.centroid_hz.map(|c| c * 0.5))
        }),
        ("peak", &|f| notes(f, &|n| n.peak_dbfs = n.peak_dbfs.map(|p| p - 6.0))),
        ("level", &|f| {
            f.overall.active_rms_dbfs = f.overall.active_rms_dbfs.map(|l| l + 4.0)
        }),
        ("notes", &|f| f.note_count *= 2),
    ];
    for (criterion, change) in cases {
        let fails = off(change);
        assert!(fails.starts_with(criterion), "{criterion}: {fails:?}");
    }
    assert!(off(&|f| notes(f, &|n| n.f0_cents = n.f0_cents.map(|c| c + 1200.0))).contains("octave errors"));
}

/// Decaying sines at chirp's pitches (60 + int(25x)), one per tap: a stand-in for an instrument.
fn synthetic(touches: &[CsvTouch], detune: f64) -> Vec<f64> {
    let mut x = vec![0.0; (6.0 * SR) as usize];
    for t in touches {
        let f = 440.0 * 2f64.powf((60.0 + (25.0 * t.x).trunc() - 69.0 + detune) / 12.0);
        let start = (t.time * SR) as usize;
        for (i, s) in x[start..].iter_mut().enumerate() {
            let u = i as f64 / SR;
            *s += 0.5 * (1.0 - (-u / 0.001).exp()) * (-u / 0.1).exp() * (2.0 * std::f64::consts::PI * f * u).sin();
        }
    }
    x
}

#[test]
fn the_analysis_measures_a_synthetic_instrument() {
    let touches = parse_touches(&read(&fixtures().join("seqs/taps_grid.csv")));
    let a = analyse_signal("chirp", &touches, &synthetic(&touches, 0.0), SR);
    assert_eq!((a.note_count, a.notes.len()), (touches.len(), touches.len()));
    for (n, t) in a.notes.iter().zip(&touches) {
        assert!(
            (n.onset_s.unwrap() - t.time).abs() < 0.001,
            "onset {:?} for {}",
            n.onset_s,
            t.time
        );
        assert!(
            n.f0_cents.unwrap().abs() < 1.0,
            "f0 {:?} cents at {}",
            n.f0_cents,
            t.time
        );
        // exp(-t / 0.1) is down 20 dB after 0.1 ln 10 = 230 ms
        assert!(
            (n.decay20_s.unwrap() - 0.23).abs() < 0.01 && n.decay20_reached,
            "decay {:?}",
            n.decay20_s
        );
        let f = 440.0 * 2f64.powf((n.midi_expected.unwrap() - 69.0) / 12.0);
        assert!(
            (n.centroid_hz.unwrap() / f - 1.0).abs() < 0.1,
            "centroid {:?} for {f} Hz",
            n.centroid_hz
        );
    }
    let detuned = analyse_signal("chirp", &touches, &synthetic(&touches, 0.3), SR);
    let v = judge_one("chirp", std::slice::from_ref(&a), std::slice::from_ref(&detuned));
    assert_eq!(v.rows[0].fails, ["f0 30 c"]);
}
