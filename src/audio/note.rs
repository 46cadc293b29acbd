//! What the instruments play: notes with their automation, decided from touches (see `notes.rs`) and
//! turned into sound by `synth`. Times are seconds; pitches are MIDI note numbers (fractional for
//! bends and continuous schemes).

/// MicroJam's nine sound schemes. An unknown instrument name plays as `Chirp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    Chirp,
    Keys,
    Drums,
    Strings,
    Quack,
    Wub,
    Pad,
    FmLead,
    LeadGuitar,
}

impl Scheme {
    pub const ALL: [Scheme; 9] = [
        Scheme::Chirp,
        Scheme::Keys,
        Scheme::Drums,
        Scheme::Strings,
        Scheme::Quack,
        Scheme::Wub,
        Scheme::Pad,
        Scheme::FmLead,
        Scheme::LeadGuitar,
    ];

    /// The scheme for an instrument name as the API sends it; unknown names play as chirp.
    pub fn from_name(name: &str) -> Scheme {
        match name {
            "keys" => Scheme::Keys,
            "drums" => Scheme::Drums,
            "strings" => Scheme::Strings,
            "quack" => Scheme::Quack,
            "wub" => Scheme::Wub,
            "pad" => Scheme::Pad,
            "fmlead" => Scheme::FmLead,
            "leadguitar" => Scheme::LeadGuitar,
            _ => Scheme::Chirp,
        }
    }
}

/// A point of a note's automation, from a touch.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Control {
    /// Seconds after the note's start (the first control is at 0).
    pub time: f64,
    /// The pitch from here on, as a MIDI note number (fractional when bent or continuous).
    pub pitch: f64,
    /// The touch's y in [0, 1] (0 = top of the screen).
    pub y: f64,
    /// |y − y0| since the drag origin, in [0, 1]: the timbre control.
    pub dy: f64,
    /// The touch size, min(z / 120, 1).
    pub z: f64,
    /// Whether this touch event retriggers the envelope (chirp, wub and quack do on every event).
    pub retrigger: bool,
}

/// The four synthesised drums, by screen quadrant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drum {
    /// Bottom-left.
    Kick,
    /// Top-left.
    Snare,
    /// Bottom-right.
    ClosedHat,
    /// Top-right.
    OpenHat,
}

/// One drum hit's sound.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DrumHit {
    pub drum: Drum,
    /// The decay time in seconds (random per hit within the drum's range).
    pub decay: f64,
    /// 0–1: the level of the octave-up shimmer through a 500 ms feedback delay (from dy).
    pub shimmer: f64,
}

/// One note (or drum hit) of one layer.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub scheme: Scheme,
    /// The layer of the jam it belongs to (0 = the newest).
    pub layer: usize,
    /// Seconds since the jam's start: the touch time of the note-on.
    pub start: f64,
    /// How long the note is held, in seconds: the note-off is at `start + gate`; the release follows.
    pub gate: f64,
    /// 0–1 (the app's 47 + 80·y of 127 for the pitched schemes).
    pub velocity: f64,
    /// At least one control, the first at time 0 with the note's initial pitch.
    pub controls: Vec<Control>,
    /// Set for drum hits only.
    pub drum: Option<DrumHit>,
    /// Stereo position −1 (left) to 1 (right).
    pub pan: f64,
    /// Levels sent to the jam's shared reverb and dub delay, and of the dry signal (0–1).
    pub reverb: f64,
    pub delay: f64,
    pub dry: f64,
    /// Deterministic randomness for this note (e.g. noise), so a jam always sounds the same.
    pub seed: u64,
}

/// MIDI note number to frequency in Hz (A4 = 69 = 440 Hz).
pub fn mtof(midi: f64) -> f64 {
    440.0 * ((midi - 69.0) / 12.0).exp2()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_map_to_schemes_and_unknown_plays_as_chirp() {
        let names = crate::instrument::ALL;
        for (name, scheme) in names.iter().zip(Scheme::ALL) {
            assert_eq!(Scheme::from_name(name), scheme);
        }
        assert_eq!(Scheme::from_name("theremin"), Scheme::Chirp);
    }

    #[test]
    fn mtof_is_equal_temperament() {
        assert!((mtof(69.0) - 440.0).abs() < 1e-9);
        assert!((mtof(81.0) - 880.0).abs() < 1e-9);
        assert!((mtof(60.0) - 261.625_565).abs() < 1e-5);
    }
}
