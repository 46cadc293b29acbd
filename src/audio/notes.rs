//! Touches to notes, as the app's Pure Data patches do it.
//!
//! Shared logic (every scheme but drums, quack and wub): a tap plays MIDI pitch base + ⌊range·x⌋,
//! velocity 47 + 80·y (of 127), for 300 ms. A tap sets the drag origin (x0, y0). A drag bends the
//! sounding note by 12·(x − x0) semitones, and dy = |y − y0| drives the timbre; a drag starts a new
//! note only once the previous one has ended (and its position becomes the new origin).
//! Drums play by quadrant and repeat while held; quack and wub follow the finger continuously.

use super::note::{Control, Drum, DrumHit, Note, Scheme};
use crate::chain::Jam;
use crate::touches::Touch;

/// How long a tapped note sounds before its note-off.
pub const NOTE_LENGTH: f64 = 0.3;

/// (base MIDI pitch, range in semitones) of the schemes that share the tap-and-bend logic.
pub fn pitch_map(scheme: Scheme) -> Option<(f64, f64)> {
    match scheme {
        Scheme::Chirp => Some((60.0, 25.0)),
        Scheme::Keys => Some((25.0, 49.0)),
        Scheme::Strings => Some((48.0, 25.0)),
        Scheme::Pad | Scheme::FmLead => Some((36.0, 25.0)),
        Scheme::LeadGuitar => Some((36.0, 37.0)),
        Scheme::Drums | Scheme::Quack | Scheme::Wub => None,
    }
}

/// The app's velocity, 47 + 80·y of 127.
pub fn velocity(y: f64) -> f64 {
    (47.0 + 80.0 * y) / 127.0
}

/// The drum for a screen position: top-left snare, top-right open hat, bottom-left kick, bottom-right
/// closed hat.
pub fn drum_at(x: f64, y: f64) -> Drum {
    match (x >= 0.5, y >= 0.5) {
        (false, false) => Drum::Snare,
        (true, false) => Drum::OpenHat,
        (false, true) => Drum::Kick,
        (true, true) => Drum::ClosedHat,
    }
}

/// While a drum is held, the time between repeats: 550 ms / dxy, dxy growing with the distance
/// dragged from the origin, clamped to 50–1000 ms.
pub fn drum_repeat_interval(distance: f64) -> f64 {
    let dxy = 1.0 + 20.0 * distance.max(0.0);
    (0.55 / dxy).clamp(0.05, 1.0)
}

/// The decay range (s) of each drum; each hit picks one at random.
pub fn drum_decay_range(drum: Drum) -> (f64, f64) {
    match drum {
        Drum::Kick => (0.40, 0.45),
        Drum::Snare => (0.10, 0.20),
        Drum::ClosedHat => (0.05, 0.15),
        Drum::OpenHat => (1.0, 3.0),
    }
}

/// A deterministic 64-bit mix (splitmix64), for seeds and per-note randomness.
pub fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// A number in [0, 1) from a seed.
fn unit(seed: u64) -> f64 {
    (mix(seed) >> 11) as f64 / (1u64 << 53) as f64
}

fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A touch's time, x, y and size (min(z / 120, 1)), as the patches read them.
fn reading(touch: &Touch) -> (f64, f64, f64, f64) {
    (
        f64::from(touch.time),
        f64::from(touch.x),
        f64::from(touch.y),
        touch_z(touch),
    )
}

fn touch_z(touch: &Touch) -> f64 {
    (f64::from(touch.z) / 120.0).min(1.0)
}

/// How long a jam plays: 5 s, or longer when a layer runs past (touch times are at most
/// `touches::MAX_TIME`).
pub fn jam_length(jam: &Jam) -> f64 {
    jam.layers
        .iter()
        .map(|p| f64::from(crate::touches::duration(&p.touches)))
        .fold(5.0, f64::max)
}

/// Every note of a jam, all layers together from time 0, in start order.
pub fn jam_notes(jam: &Jam) -> Vec<Note> {
    let mut notes: Vec<Note> = jam
        .layers
        .iter()
        .enumerate()
        .flat_map(|(layer, p)| layer_notes(Scheme::from_name(&p.instrument), &p.touches, layer, hash(&p.id)))
        .collect();
    notes.sort_by(|a, b| a.start.total_cmp(&b.start));
    notes
}

/// The notes of one layer played by `scheme`; `seed` makes its randomness repeatable.
pub fn layer_notes(scheme: Scheme, touches: &[Touch], layer: usize, seed: u64) -> Vec<Note> {
    let mut notes = match scheme {
        Scheme::Drums => drum_notes(touches, layer, seed),
        Scheme::Quack | Scheme::Wub => continuous_notes(scheme, touches, layer, seed),
        _ => pitched_notes(scheme, touches, layer, seed),
    };
    for (i, note) in notes.iter_mut().enumerate() {
        note.seed = mix(seed ^ (i as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
    }
    notes
}

/// Effect sends of a pitched scheme for a note whose mean timbre control is `dy`.
fn sends(scheme: Scheme, dy: f64) -> (f64, f64, f64) {
    match scheme {
        Scheme::Chirp => (0.3 * (0.05 + 0.95 * dy), 0.0, 1.0),
        Scheme::Strings | Scheme::LeadGuitar => (0.0, 0.5, 1.0 - dy),
        Scheme::Keys | Scheme::Quack | Scheme::FmLead => (0.25, 0.0, 1.0),
        Scheme::Pad => (0.35, 0.0, 1.0),
        Scheme::Drums | Scheme::Wub => (0.0, 0.0, 1.0),
    }
}

fn new_note(scheme: Scheme, layer: usize, start: f64, gate: f64, velocity: f64, first: Control) -> Note {
    Note {
        scheme,
        layer,
        start,
        gate,
        velocity,
        controls: vec![first],
        drum: None,
        pan: 0.0,
        reverb: 0.0,
        delay: 0.0,
        dry: 1.0,
        seed: 0,
    }
}

fn finish_sends(notes: &mut [Note]) {
    for note in notes {
        let dy = note.controls.iter().map(|c| c.dy).sum::<f64>() / note.controls.len().max(1) as f64;
        (note.reverb, note.delay, note.dry) = sends(note.scheme, dy);
    }
}

fn pitched_notes(scheme: Scheme, touches: &[Touch], layer: usize, _seed: u64) -> Vec<Note> {
    let (base, range) = pitch_map(scheme).unwrap_or((60.0, 25.0));
    let retrigger = scheme == Scheme::Chirp;
    let mut notes: Vec<Note> = Vec::new();
    let (mut x0, mut y0, mut note_pitch) = (0.0, 0.0, base);
    for touch in touches {
        let (t, x, y, z) = reading(touch);
        let sounding = notes.last().filter(|n| t < n.start + NOTE_LENGTH);
        match (touch.moving, sounding) {
            (true, Some(note)) => {
                let time = t - note.start;
                let control = Control {
                    time,
                    pitch: note_pitch + 12.0 * (x - x0),
                    y,
                    dy: (y - y0).abs(),
                    z,
                    retrigger,
                };
                notes.last_mut().expect("a sounding note").controls.push(control);
            }
            _ => {
                (x0, y0) = (x, y);
                note_pitch = base + (range * x).floor();
                let first = Control {
                    time: 0.0,
                    pitch: note_pitch,
                    y,
                    dy: 0.0,
                    z,
                    retrigger: true,
                };
                notes.push(new_note(scheme, layer, t, NOTE_LENGTH, velocity(y), first));
            }
        }
    }
    finish_sends(&mut notes);
    notes
}

fn drum_notes(touches: &[Touch], layer: usize, seed: u64) -> Vec<Note> {
    let mut notes = Vec::new();
    let mut hit = |time: f64, touch: &Touch, shimmer: f64| {
        let (x, y) = (f64::from(touch.x), f64::from(touch.y));
        let drum = drum_at(x, y);
        let (low, high) = drum_decay_range(drum);
        let decay = low + (high - low) * unit(seed ^ mix(notes.len() as u64 + 1));
        let first = Control {
            time: 0.0,
            pitch: 0.0,
            y,
            dy: shimmer,
            z: touch_z(touch),
            retrigger: true,
        };
        let mut note = new_note(Scheme::Drums, layer, time, decay, 0.85, first);
        note.drum = Some(DrumHit { drum, decay, shimmer });
        notes.push(note);
    };
    let (mut x0, mut y0, mut last_hit) = (0.0, 0.0, f64::NEG_INFINITY);
    let mut held = false;
    for touch in touches {
        let (t, x, y) = (f64::from(touch.time), f64::from(touch.x), f64::from(touch.y));
        if !touch.moving || !held {
            (x0, y0, last_hit, held) = (x, y, t, true);
            hit(t, touch, 0.0);
            continue;
        }
        let interval = drum_repeat_interval(((x - x0).powi(2) + (y - y0).powi(2)).sqrt());
        while last_hit + interval <= t {
            last_hit += interval;
            hit(last_hit, touch, (y - y0).abs().min(1.0));
        }
    }
    notes
}

fn continuous_notes(scheme: Scheme, touches: &[Touch], layer: usize, seed: u64) -> Vec<Note> {
    let mut notes: Vec<Note> = Vec::new();
    let (mut y0, mut last_time) = (0.0, f64::NEG_INFINITY);
    for touch in touches {
        let (t, x, y, z) = reading(touch);
        let pitch = if scheme == Scheme::Wub {
            20.0 + 80.0 * x
        } else {
            12.0 + 49.0 * x
        };
        // A drag continues the stroke; a gap longer than a note's length starts a new one.
        let continues = touch.moving && !notes.is_empty() && t - last_time < NOTE_LENGTH;
        if continues {
            let note = notes.last_mut().expect("a stroke in progress");
            note.controls.push(Control {
                time: t - note.start,
                pitch,
                y,
                dy: (y - y0).abs(),
                z,
                retrigger: true,
            });
        } else {
            y0 = y;
            let first = Control {
                time: 0.0,
                pitch,
                y,
                dy: 0.0,
                z,
                retrigger: true,
            };
            let mut note = new_note(scheme, layer, t, 0.0, 0.8, first);
            if scheme == Scheme::Quack {
                note.pan = (unit(seed ^ mix(notes.len() as u64 + 7)) - 0.5) * 0.6;
            }
            notes.push(note);
        }
        last_time = t;
    }
    for note in &mut notes {
        let last = note.controls.last().map_or(0.0, |c| c.time);
        // Held until the last touch, plus the envelope's own sustain after it.
        note.gate = last + if scheme == Scheme::Wub { 0.375 } else { 0.105 };
    }
    finish_sends(&mut notes);
    notes
}

#[cfg(test)]
#[path = "notes_tests.rs"]
mod tests;
