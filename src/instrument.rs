//! MicroJam's instruments ("sound schemes") as the site knows them: the sound engine's nine, by the
//! names the app and the API use, and any other name a performance may carry, kept as sent.

/// An instrument the sound engine plays (`microjam_engine::Instrument`): the list of the nine, their
/// names and their numbers live there, once.
pub use microjam_engine::Instrument as Sound;

/// The instrument of a performance.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Instrument {
    /// One of the nine.
    Known(Sound),
    /// A name the site does not know: shown as sent, played as chirp.
    Unknown(String),
}

/// The nine, in the order the app lists them: the engine's [`Sound::ALL`]. A `static`, so that
/// their names and labels are `&'static str`.
pub static ALL: [Instrument; Sound::ALL.len()] = known_all();

impl Instrument {
    /// The instrument called `name` (an unknown name is kept).
    pub fn from_name(name: &str) -> Instrument {
        Sound::from_name(name).map_or_else(|| Instrument::Unknown(name.to_owned()), Instrument::Known)
    }

    /// The name the app and the API use ("fmlead"), or the unknown name as sent.
    pub fn name(&self) -> &str {
        match self {
            Instrument::Known(sound) => sound.name(),
            Instrument::Unknown(name) => name,
        }
    }

    /// The name to show a visitor: "fmlead" → "FM lead"; an unknown name as sent.
    pub fn label(&self) -> &str {
        let sound = match self {
            Instrument::Known(sound) => sound,
            Instrument::Unknown(name) => return name,
        };
        match sound {
            Sound::Chirp => "Chirp",
            Sound::Keys => "Keys",
            Sound::Drums => "Drums",
            Sound::Strings => "Strings",
            Sound::Quack => "Quack",
            Sound::Wub => "Wub",
            Sound::Pad => "Pad",
            Sound::Fmlead => "FM lead",
            Sound::Leadguitar => "Lead guitar",
        }
    }

    /// True for one of the nine (an unknown one is still shown as sent).
    pub fn is_known(&self) -> bool {
        matches!(self, Instrument::Known(_))
    }

    /// What plays it: the instrument itself, or chirp for an unknown one.
    pub fn sound(&self) -> Sound {
        match self {
            Instrument::Known(sound) => *sound,
            Instrument::Unknown(_) => Sound::Chirp,
        }
    }
}

impl From<&str> for Instrument {
    fn from(name: &str) -> Instrument {
        Instrument::from_name(name)
    }
}

impl From<String> for Instrument {
    fn from(name: String) -> Instrument {
        Sound::from_name(&name).map_or(Instrument::Unknown(name), Instrument::Known)
    }
}

/// [`Sound::ALL`], each `Known` (a loop: `array::map` is not `const`).
const fn known_all() -> [Instrument; Sound::ALL.len()] {
    let mut all = [const { Instrument::Known(Sound::Chirp) }; Sound::ALL.len()];
    let mut i = 0;
    while i < all.len() {
        // Replacing a `Known` frees nothing; `forget` tells the compiler so.
        std::mem::forget(std::mem::replace(&mut all[i], Instrument::Known(Sound::ALL[i])));
        i += 1;
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_unknown_names() {
        assert!(ALL.iter().all(Instrument::is_known));
        assert!(!Instrument::from_name("theremin").is_known());
        assert_eq!(Instrument::from_name("leadguitar").label(), "Lead guitar");
        assert_eq!(Instrument::from_name("theremin").label(), "theremin");
    }

    #[test]
    fn names_round_trip_in_the_engines_order_and_unknown_ones_play_as_chirp() {
        let names: Vec<&str> = ALL.iter().map(Instrument::name).collect();
        assert_eq!(names, Sound::ALL.map(Sound::name));
        for instrument in &ALL {
            assert_eq!(Instrument::from_name(instrument.name()), *instrument);
            assert_eq!(Instrument::from(instrument.name().to_owned()), *instrument);
        }
        let unknown = Instrument::from("theremin");
        assert_eq!((unknown.name(), unknown.sound()), ("theremin", Sound::Chirp));
        assert_eq!(Instrument::from_name("drums").sound(), Sound::Drums);
    }
}
