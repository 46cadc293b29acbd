//! The app's shared note logic, `touch_to_notes.pd` (SPEC.md §2): every touch event sends the
//! pitch, which restarts a 300 ms note-off delay; a tap is a note-on; a drag re-triggers only after
//! that note-off has fired. It also gives the bend (12·(x − x0) semitones), |y − y0| and z'.

use crate::dsp::Timer;
use crate::TouchMsg;

/// What `touch_to_notes` sends for one touch event, outlet by outlet.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct NoteOut {
    /// Outlet 0: a note-on `pitch velocity`, if this touch made one.
    pub note_on: Option<(f32, f32)>,
    /// Outlet 1: 12·(x − x0), in semitones (0 at a tap).
    pub bend: f32,
    /// Outlet 2: |y − y0| (0 at a tap).
    pub dy: f32,
    /// Outlet 3: z'.
    pub z: f32,
}

/// One instance of the note logic (each layer's patch has its own).
#[derive(Debug, Clone)]
pub struct NoteLogic {
    base: f32,
    range: f32,
    /// The pitch of the sounding note, which its note-off repeats.
    held: f32,
    /// Open once a note-off has fired: the next moving touch is then a note-on. Starts closed.
    spigot: bool,
    off: Timer,
    x0: f32,
    y0: f32,
    sr: f32,
}

/// The note-off comes this long after the latest touch event.
pub const NOTE_OFF_MS: f32 = 300.0;

impl NoteLogic {
    /// `touch_to_notes base range`: pitch = base + int(range·x).
    pub fn new(sr: f32, base: f32, range: f32) -> NoteLogic {
        NoteLogic {
            base,
            range,
            held: 0.0,
            spigot: false,
            off: Timer::default(),
            x0: 0.0,
            y0: 0.0,
            sr,
        }
    }

    /// A touch at sample `now`, with the app's pitch and velocity (47 + 80y).
    pub fn touch(&mut self, m: TouchMsg, now: u64) -> NoteOut {
        let pitch = self.base + (self.range * m.x).trunc();
        self.touch_with(m, pitch, 47.0 + 80.0 * m.y, now)
    }

    /// A touch with a pitch and velocity of the caller's (drums take them from the quadrant).
    pub fn touch_with(&mut self, m: TouchMsg, pitch: f32, vel: f32, now: u64) -> NoteOut {
        // /x: the pitch goes out on every event and restarts the note-off delay.
        self.off.start(now, NOTE_OFF_MS, self.sr);
        let mut out = NoteOut {
            z: m.z,
            ..NoteOut::default()
        };
        // /m: the deltas from the tap, then the note.
        if m.moving {
            out.bend = 12.0 * (m.x - self.x0);
            out.dy = (m.y - self.y0).abs();
        } else {
            self.x0 = m.x;
            self.y0 = m.y;
        }
        if !m.moving || self.spigot {
            self.spigot = false;
            self.held = pitch;
            out.note_on = Some((pitch, vel));
        }
        out
    }

    /// When the pending note-off fires, if one is pending.
    pub fn due(&self) -> Option<u64> {
        self.off.due()
    }

    /// The note-off `pitch 0` if it is due at `now` (it also opens the way for a drag's note-on).
    pub fn fire(&mut self, now: u64) -> Option<f32> {
        if self.off.fire(now) {
            self.spigot = true;
            Some(self.held)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SR: f32 = 1000.0;

    fn msg(x: f32, y: f32, moving: bool) -> TouchMsg {
        TouchMsg::from_touch(x, y, 20.0, moving)
    }

    #[test]
    fn a_tap_is_a_note_on_with_the_apps_pitch_and_velocity() {
        let mut n = NoteLogic::new(SR, 60.0, 25.0);
        let out = n.touch(msg(0.5, 0.25, false), 0);
        assert_eq!(out.note_on, Some((72.0, 67.0)));
        assert_eq!((out.bend, out.dy), (0.0, 0.0));
        assert!((out.z - 20.0 / 120.0).abs() < 1e-6);
        assert_eq!(n.due(), Some(300));
        assert_eq!(n.fire(300), Some(72.0));
    }

    #[test]
    fn a_drag_holds_one_note_and_bends() {
        let mut n = NoteLogic::new(SR, 60.0, 25.0);
        assert!(n.touch(msg(0.2, 0.2, false), 0).note_on.is_some());
        for i in 1..20u64 {
            let out = n.touch(msg(0.2 + 0.01 * i as f32, 0.2, true), i * 20);
            assert_eq!(out.note_on, None, "event {i}");
            assert!((out.bend - 12.0 * 0.01 * i as f32).abs() < 1e-4);
            assert_eq!(n.fire(i * 20), None);
        }
        assert_eq!(n.due(), Some(19 * 20 + 300));
    }

    #[test]
    fn moving_events_before_any_tap_are_silent_and_retrigger_after_a_note_off() {
        let mut n = NoteLogic::new(SR, 60.0, 25.0);
        assert_eq!(n.touch(msg(0.5, 0.5, true), 0).note_on, None);
        assert_eq!(n.fire(300), Some(0.0));
        assert!(n.touch(msg(0.5, 0.5, true), 400).note_on.is_some());
        assert_eq!(n.touch(msg(0.5, 0.5, true), 420).note_on, None);
    }

    #[test]
    fn quick_taps_retrigger_without_a_note_off() {
        let mut n = NoteLogic::new(SR, 60.0, 25.0);
        assert!(n.touch(msg(0.1, 0.5, false), 0).note_on.is_some());
        assert_eq!(n.fire(250), None);
        assert!(n.touch(msg(0.9, 0.5, false), 250).note_on.is_some());
        assert_eq!(n.due(), Some(550));
    }
}
