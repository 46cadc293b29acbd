//! Touch performances in the app's CSV format, and the note-ons the app makes of them: analyse.py's
//! `read_touches` and `expected_events` (the rule of `touch_to_notes.pd` / `touch_to_drum.pd`).

/// One row of a touch CSV (`time,x,y,z,moving`), in f64 as analyse.py reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CsvTouch {
    pub time: f64,
    pub x: f64,
    pub y: f64,
    /// The raw touch radius in points.
    pub z: f64,
    pub moving: bool,
}

/// The rows of a touch CSV, as the app parses them: spaces removed, split on commas, lines that do
/// not parse (the header) dropped; sorted by time (stable).
pub fn parse_touches(text: &str) -> Vec<CsvTouch> {
    let mut out = Vec::new();
    for line in text.lines() {
        let clean: String = line.chars().filter(|&c| c != ' ').collect();
        let cells: Vec<&str> = clean.trim().split(',').collect();
        if cells.len() < 5 {
            continue;
        }
        let values: Option<Vec<f64>> = cells[..5].iter().map(|c| c.parse::<f64>().ok()).collect();
        if let Some(v) = values {
            out.push(CsvTouch {
                time: v[0],
                x: v[1],
                y: v[2],
                z: v[3],
                moving: v[4] == 1.0,
            });
        }
    }
    out.sort_by(|a, b| a.time.total_cmp(&b.time));
    out
}

/// The note-off comes this long after the latest touch event (s).
pub const NOTE_LEN: f64 = 0.3;

/// A note-on the app makes of a touch.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub t: f64,
    pub x: f64,
    pub y: f64,
    pub z: f64,
    pub moving: bool,
    /// The expected MIDI pitch; None for drums.
    pub midi: Option<f64>,
    /// A moving touch, or one followed by a drag within 300 ms (not an isolated tap).
    pub dragged: bool,
    /// The drum of the quadrant, for drums.
    pub drum: Option<&'static str>,
}

/// (base, range) of touch_to_notes for the pitched instruments: MIDI base + int(range * x).
fn pitch_map(instrument: &str) -> Option<(f64, f64)> {
    match instrument {
        "chirp" => Some((60.0, 25.0)),
        "keys" => Some((25.0, 49.0)),
        "strings" => Some((48.0, 25.0)),
        "pad" => Some((36.0, 25.0)),
        "fmlead" => Some((36.0, 25.0)),
        "leadguitar" => Some((36.0, 37.0)),
        _ => None,
    }
}

/// The note-ons of `touches` (sorted), as analyse.py's `expected_events`: every touch event restarts
/// the 300 ms note-off delay; a tap is always a note-on; a moving touch is one only if the note-off
/// has fired since the previous note-on (the spigot starts closed).
pub fn expected_events(instrument: &str, touches: &[CsvTouch]) -> Vec<Event> {
    let mut events = Vec::new();
    let mut last_event: Option<f64> = None;
    let mut spigot_open = false;
    for (i, touch) in touches.iter().enumerate() {
        let t = touch.time;
        if last_event.is_some_and(|last| t >= last + NOTE_LEN - 1e-9) {
            spigot_open = true;
        }
        last_event = Some(t);
        if touch.moving && !spigot_open {
            continue;
        }
        spigot_open = false;
        let x = touch.x;
        let midi = match (pitch_map(instrument), instrument) {
            (Some((base, range)), _) => Some(base + (range * x).trunc()),
            (None, "quack") => Some(24.0 + 49.0 * x),
            (None, "wub") => Some(8.0 + 80.0 * x),
            _ => None,
        };
        let later = &touches[(i + 1).min(touches.len())..(i + 40).min(touches.len())];
        let dragged = touch.moving || later.iter().any(|u| u.moving && t < u.time && u.time < t + NOTE_LEN);
        let quadrant = match (x >= 0.5, touch.y >= 0.5) {
            (false, false) => "snare",
            (true, false) => "open_hat",
            (false, true) => "kick",
            (true, true) => "closed_hat",
        };
        let drum = (instrument == "drums").then_some(quadrant);
        events.push(Event {
            t,
            x,
            y: touch.y,
            z: touch.z,
            moving: touch.moving,
            midi,
            dragged,
            drum,
        });
    }
    events
}
