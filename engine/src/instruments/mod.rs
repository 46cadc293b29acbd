//! The app's nine instruments, one file each, each one instance of its Pd patch (SPEC.md §4).
//!
//! A patch receives touch messages at exact sample times (`touch`), may ask to be woken at a later
//! sample for its own timers (`next_due` / `fire`: note-offs, envelope delays, drum repeats), and
//! renders any number of frames of stereo audio (`render`), which the layer then passes through
//! the shared output stage.

mod chirp;
mod drumelectro;
mod drums;
mod fmlead;
mod keys;
mod leadguitar;
mod pad;
mod quack;
mod strings;
mod stringsynth;
mod wub;

use crate::TouchMsg;

/// One running instance of an instrument's patch.
pub trait Patch {
    /// A touch event at sample `now`: the app's `/x /y /z /m` messages.
    fn touch(&mut self, m: TouchMsg, now: u64);
    /// The next sample at which a timer of the patch fires, if any.
    fn next_due(&self) -> Option<u64> {
        None
    }
    /// Fires whatever timers are due at sample `now`.
    fn fire(&mut self, _now: u64) {}
    /// Writes the next `left.len()` frames (both slices have the same length).
    fn render(&mut self, left: &mut [f32], right: &mut [f32]);
}

/// The nine instruments ("sound schemes"), in the app's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Instrument {
    Chirp,
    Keys,
    Drums,
    Strings,
    Quack,
    Wub,
    Pad,
    Fmlead,
    Leadguitar,
}

impl Instrument {
    pub const ALL: [Instrument; 9] = [
        Instrument::Chirp,
        Instrument::Keys,
        Instrument::Drums,
        Instrument::Strings,
        Instrument::Quack,
        Instrument::Wub,
        Instrument::Pad,
        Instrument::Fmlead,
        Instrument::Leadguitar,
    ];

    /// The name the app and the API use.
    pub fn name(self) -> &'static str {
        match self {
            Instrument::Chirp => "chirp",
            Instrument::Keys => "keys",
            Instrument::Drums => "drums",
            Instrument::Strings => "strings",
            Instrument::Quack => "quack",
            Instrument::Wub => "wub",
            Instrument::Pad => "pad",
            Instrument::Fmlead => "fmlead",
            Instrument::Leadguitar => "leadguitar",
        }
    }

    pub fn from_name(name: &str) -> Option<Instrument> {
        Instrument::ALL.into_iter().find(|i| i.name() == name)
    }

    /// The instrument numbered `index` in [`Instrument::ALL`]; any other number is chirp, as an
    /// unknown instrument plays.
    pub fn from_index(index: u32) -> Instrument {
        Instrument::ALL
            .get(index as usize)
            .copied()
            .unwrap_or(Instrument::Chirp)
    }

    pub fn index(self) -> u32 {
        Instrument::ALL.iter().position(|&i| i == self).unwrap_or(0) as u32
    }

    /// A fresh instance of the instrument's patch at `sr`, its random draws seeded by `seed`.
    pub fn patch(self, sr: f32, seed: u32) -> Box<dyn Patch> {
        let _ = seed;
        match self {
            Instrument::Chirp => Box::new(chirp::Chirp::new(sr)),
            Instrument::Keys => Box::new(keys::Keys::new(sr)),
            Instrument::Fmlead => Box::new(fmlead::Fmlead::new(sr)),
            Instrument::Pad => Box::new(pad::Pad::new(sr)),
            Instrument::Quack => Box::new(quack::Quack::new(sr, seed)),
            Instrument::Wub => Box::new(wub::Wub::new(sr)),
            Instrument::Strings => Box::new(strings::Strings::new(sr, seed)),
            Instrument::Leadguitar => Box::new(leadguitar::Leadguitar::new(sr, seed)),
            Instrument::Drums => Box::new(drums::Drums::new(sr, seed)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every patch, before the output stage (which would hide a NaN), stays finite and bounded on
    /// nonsense touches.
    #[test]
    fn every_patch_stays_finite_on_hostile_touches() {
        for instrument in Instrument::ALL {
            let mut patch = instrument.patch(44_100.0, 1);
            let (mut l, mut r) = ([0.0f32; 100], [0.0f32; 100]);
            for (i, v) in [f32::NAN, f32::INFINITY, -1e30, 1e30, 0.5].into_iter().enumerate() {
                patch.touch(crate::TouchMsg::from_touch(v, v, v, i % 2 == 1), i as u64 * 100);
                patch.render(&mut l, &mut r);
                let bounded = l.iter().chain(&r).all(|x| x.is_finite() && x.abs() <= 4.0);
                assert!(bounded, "{}: {l:?}", instrument.name());
            }
        }
    }

    #[test]
    fn names_round_trip_and_unknown_numbers_are_chirp() {
        for i in Instrument::ALL {
            assert_eq!(Instrument::from_name(i.name()), Some(i));
            assert_eq!(Instrument::from_index(i.index()), i);
        }
        assert_eq!(Instrument::from_name("theremin"), None);
        assert_eq!(Instrument::from_index(99), Instrument::Chirp);
    }
}
