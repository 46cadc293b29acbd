use super::*;

fn tap(time: f32, x: f32, y: f32) -> Touch {
    Touch {
        time,
        x,
        y,
        z: 24.0,
        moving: false,
    }
}

fn drag(time: f32, x: f32, y: f32) -> Touch {
    Touch {
        time,
        x,
        y,
        z: 24.0,
        moving: true,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-5
}

#[test]
fn taps_map_x_to_pitch_and_y_to_velocity_for_every_pitched_scheme() {
    let table = [
        (Scheme::Chirp, 60.0, 25.0),
        (Scheme::Keys, 25.0, 49.0),
        (Scheme::Strings, 48.0, 25.0),
        (Scheme::Pad, 36.0, 25.0),
        (Scheme::FmLead, 36.0, 25.0),
        (Scheme::LeadGuitar, 36.0, 37.0),
    ];
    for (scheme, base, range) in table {
        let notes = layer_notes(
            scheme,
            &[tap(0.0, 0.0, 0.0), tap(1.0, 0.5, 1.0), tap(2.0, 0.999, 0.5)],
            0,
            1,
        );
        let pitches: Vec<f64> = notes.iter().map(|n| n.controls[0].pitch).collect();
        assert_eq!(
            pitches,
            [base, base + (range * 0.5_f64).floor(), base + range - 1.0],
            "{scheme:?}"
        );
        assert!(
            close(notes[0].velocity, 47.0 / 127.0) && close(notes[1].velocity, 1.0),
            "{scheme:?}"
        );
        assert!(
            notes.iter().all(|n| n.gate == NOTE_LENGTH && n.drum.is_none()),
            "300 ms notes"
        );
        assert_eq!(notes.iter().map(|n| n.start).collect::<Vec<_>>(), [0.0, 1.0, 2.0]);
    }
}

#[test]
fn a_drag_bends_the_sounding_note_by_an_octave_per_screen_width() {
    let notes = layer_notes(
        Scheme::Keys,
        &[tap(0.5, 0.5, 0.5), drag(0.6, 0.6, 0.7), drag(0.7, 0.4, 0.2)],
        0,
        1,
    );
    assert_eq!(notes.len(), 1);
    let c = &notes[0].controls;
    assert_eq!(c.len(), 3);
    assert!(close(c[0].pitch, 49.0));
    assert!(
        close(c[1].pitch, 49.0 + 1.2) && close(c[1].dy, 0.2) && close(c[1].time, 0.1),
        "{:?}",
        c[1]
    );
    assert!(close(c[2].pitch, 49.0 - 1.2) && close(c[2].dy, 0.3));
    assert!(close(c[1].z, 0.2));
}

#[test]
fn a_drag_starts_a_new_note_only_after_the_previous_one_ended() {
    let touches = [
        tap(0.0, 0.2, 0.2),
        drag(0.29, 0.3, 0.2),
        drag(0.31, 0.5, 0.2),
        drag(0.4, 0.6, 0.2),
    ];
    let notes = layer_notes(Scheme::Strings, &touches, 0, 1);
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0].controls.len(), 2, "the drag at 290 ms bends the first note");
    assert!(close(notes[1].start, 0.31));
    assert!(
        close(notes[1].controls[0].pitch, 48.0 + 12.0),
        "a new note from the drag's position"
    );
    assert!(
        close(notes[1].controls[1].pitch, 60.0 + 1.2),
        "bent from its own origin"
    );
}

#[test]
fn only_chirp_retriggers_on_every_touch_event() {
    let touches = [tap(0.0, 0.5, 0.5), drag(0.02, 0.5, 0.5)];
    assert!(layer_notes(Scheme::Chirp, &touches, 0, 1)[0]
        .controls
        .iter()
        .all(|c| c.retrigger));
    assert!(!layer_notes(Scheme::Pad, &touches, 0, 1)[0].controls[1].retrigger);
}

#[test]
fn drums_play_by_quadrant() {
    let touches = [
        tap(0.0, 0.1, 0.1),
        tap(0.5, 0.9, 0.1),
        tap(1.0, 0.1, 0.9),
        tap(1.5, 0.9, 0.9),
    ];
    let notes = layer_notes(Scheme::Drums, &touches, 0, 1);
    let drums: Vec<Drum> = notes.iter().map(|n| n.drum.unwrap().drum).collect();
    assert_eq!(drums, [Drum::Snare, Drum::OpenHat, Drum::Kick, Drum::ClosedHat]);
    for note in &notes {
        let hit = note.drum.unwrap();
        let (low, high) = drum_decay_range(hit.drum);
        assert!((low..=high).contains(&hit.decay), "{hit:?}");
        assert_eq!(note.gate, hit.decay);
    }
}

#[test]
fn a_held_drum_repeats_faster_the_further_it_is_dragged() {
    let held: Vec<Touch> = std::iter::once(tap(0.0, 0.2, 0.8))
        .chain((1..=75).map(|i| drag(i as f32 * 0.016, 0.2, 0.8)))
        .collect();
    let starts: Vec<f64> = layer_notes(Scheme::Drums, &held, 0, 1)
        .iter()
        .map(|n| n.start)
        .collect();
    assert_eq!(starts.len(), 3, "{starts:?}");
    assert!(close(starts[1], 0.55) && close(starts[2], 1.10), "{starts:?}");
    assert!(close(drum_repeat_interval(0.0), 0.55));
    assert!(close(drum_repeat_interval(0.5), 0.05), "clamped at 50 ms");
    assert!(drum_repeat_interval(0.1) < drum_repeat_interval(0.05));
    let dragged: Vec<Touch> = std::iter::once(tap(0.0, 0.2, 0.8))
        .chain((1..=75).map(|i| drag(i as f32 * 0.016, 0.2, 0.7)))
        .collect();
    let notes = layer_notes(Scheme::Drums, &dragged, 0, 1);
    assert!(notes.len() > 5, "{} hits", notes.len());
    assert!(
        notes[1..].iter().all(|n| close(n.drum.unwrap().shimmer, 0.1)),
        "dy adds shimmer"
    );
}

#[test]
fn quack_and_wub_follow_the_finger_continuously() {
    let stroke = [
        tap(0.0, 0.0, 0.5),
        drag(0.016, 0.5, 0.5),
        drag(0.032, 1.0, 0.5),
        tap(1.0, 0.25, 0.0),
    ];
    let quack = layer_notes(Scheme::Quack, &stroke, 0, 1);
    assert_eq!(quack.len(), 2);
    let pitches: Vec<f64> = quack[0].controls.iter().map(|c| c.pitch).collect();
    assert_eq!(pitches, [12.0, 36.5, 61.0], "MIDI 12 + 49·x, unquantised");
    assert!(quack[0].controls.iter().all(|c| c.retrigger));
    assert!(quack[0].pan.abs() <= 0.3);
    let wub = layer_notes(Scheme::Wub, &stroke, 0, 1);
    assert!(close(wub[1].controls[0].pitch, 40.0), "mtof(20 + 80·x)");
    assert!(close(wub[0].gate, 0.032 + 0.375));
}

#[test]
fn a_jam_plays_every_layer_from_time_zero_in_start_order() {
    use crate::chain::ChainEnd;
    use crate::performance::Performance;
    use std::sync::Arc;
    let layer = |id: &str, instrument: &str, touches| Arc::new(Performance::new(id, "p", instrument, None, touches));
    let jam = Jam {
        layers: vec![
            layer("new", "drums", vec![tap(0.25, 0.1, 0.9), tap(1.0, 0.1, 0.9)]),
            layer("old", "theremin", vec![tap(0.5, 0.5, 0.5)]),
        ],
        end: ChainEnd::Root,
    };
    let notes = jam_notes(&jam);
    let summary: Vec<(f64, Scheme, usize)> = notes.iter().map(|n| (n.start, n.scheme, n.layer)).collect();
    assert_eq!(
        summary,
        [
            (0.25, Scheme::Drums, 0),
            (0.5, Scheme::Chirp, 1),
            (1.0, Scheme::Drums, 0)
        ]
    );
    assert_eq!(jam_notes(&jam), notes, "the same jam always makes the same notes");
    assert_eq!(jam_length(&jam), 5.0, "at least 5 s");
    let long = Jam {
        layers: vec![layer("long", "keys", vec![tap(7.5, 0.5, 0.5)])],
        end: ChainEnd::Root,
    };
    assert_eq!(jam_length(&long), 7.5);
    assert_ne!(notes[0].seed, notes[2].seed);
}

#[test]
fn sends_follow_the_schemes() {
    let notes = layer_notes(Scheme::Strings, &[tap(0.0, 0.5, 0.5), drag(0.1, 0.5, 0.9)], 0, 1);
    assert!(
        close(notes[0].dry, 1.0 - 0.2) && notes[0].delay > 0.0,
        "strings: dub delay with dry 1 − dy"
    );
    let chirp = layer_notes(Scheme::Chirp, &[tap(0.0, 0.5, 0.5)], 0, 1);
    assert!(close(chirp[0].reverb, 0.3 * 0.05));
}
