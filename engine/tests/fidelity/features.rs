//! The features of one render, as analyse.py's JSON names them, and their reading from JSON: a
//! full analyse.py output or the trimmed reference fixtures (missing fields read as None).

use serde_json::Value;

/// What analyse.py measures of one expected note.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NoteFeatures {
    pub t_expected: f64,
    pub moving: bool,
    pub dragged: bool,
    pub midi_expected: Option<f64>,
    pub drum: Option<String>,
    /// From the expected time to the next note, at most 1 s, within the file (s).
    pub window_s: f64,
    pub onset_s: Option<f64>,
    pub onset_err_ms: Option<f64>,
    pub peak_dbfs: Option<f64>,
    pub attack_ms: Option<f64>,
    /// From the 10 ms RMS peak to −20 dB, or to the window's end when not reached (a lower bound).
    pub decay20_s: Option<f64>,
    pub decay20_reached: bool,
    pub centroid_hz: Option<f64>,
    pub f0_hz: Option<f64>,
    pub f0_cents: Option<f64>,
}

/// The whole file's levels.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overall {
    pub rms_dbfs: Option<f64>,
    /// RMS of the 50 ms frames above −60 dBFS.
    pub active_rms_dbfs: Option<f64>,
    pub active_s: Option<f64>,
    pub peak_dbfs: Option<f64>,
    pub below60hz_energy_share: Option<f64>,
    pub duration_s: Option<f64>,
}

/// analyse.py's result for one render.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    pub instrument: String,
    pub sr: f64,
    pub expected_note_ons: usize,
    /// Attacks found blind (`onsets.len()`).
    pub note_count: usize,
    pub onsets: Vec<f64>,
    pub overall: Overall,
    pub notes: Vec<NoteFeatures>,
}

fn num(v: &Value, key: &str) -> Option<f64> {
    v.get(key).and_then(Value::as_f64)
}

fn flag(v: &Value, key: &str) -> bool {
    v.get(key).and_then(Value::as_bool).unwrap_or(false)
}

impl Features {
    /// Reads analyse.py's JSON (or a trimmed copy of it).
    pub fn from_json(text: &str) -> Result<Features, String> {
        let v: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let o = v.get("overall").cloned().unwrap_or(Value::Null);
        let onsets: Vec<f64> = v
            .get("onsets")
            .and_then(Value::as_array)
            .map_or(Vec::new(), |a| a.iter().filter_map(Value::as_f64).collect());
        let notes = v.get("notes").and_then(Value::as_array).ok_or("no notes")?;
        Ok(Features {
            instrument: v.get("instrument").and_then(Value::as_str).unwrap_or("").to_string(),
            sr: num(&v, "sr").unwrap_or(0.0),
            expected_note_ons: num(&v, "expected_note_ons").map_or(notes.len(), |n| n as usize),
            note_count: num(&v, "note_count").map_or(onsets.len(), |n| n as usize),
            onsets,
            overall: Overall {
                rms_dbfs: num(&o, "rms_dbfs"),
                active_rms_dbfs: num(&o, "active_rms_dbfs"),
                active_s: num(&o, "active_s"),
                peak_dbfs: num(&o, "peak_dbfs"),
                below60hz_energy_share: num(&o, "below60hz_energy_share"),
                duration_s: num(&o, "duration_s"),
            },
            notes: notes
                .iter()
                .map(|n| NoteFeatures {
                    t_expected: num(n, "t_expected").unwrap_or(0.0),
                    moving: flag(n, "moving"),
                    dragged: flag(n, "dragged"),
                    midi_expected: num(n, "midi_expected"),
                    drum: n.get("drum").and_then(Value::as_str).map(str::to_string),
                    window_s: num(n, "window_s").unwrap_or(0.0),
                    onset_s: num(n, "onset_s"),
                    onset_err_ms: num(n, "onset_err_ms"),
                    peak_dbfs: num(n, "peak_dbfs"),
                    attack_ms: num(n, "attack_ms"),
                    decay20_s: num(n, "decay20_s"),
                    decay20_reached: flag(n, "decay20_reached"),
                    centroid_hz: num(n, "centroid_hz"),
                    f0_hz: num(n, "f0_hz"),
                    f0_cents: num(n, "f0_cents"),
                })
                .collect(),
        })
    }
}
