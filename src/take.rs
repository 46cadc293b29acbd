//! A take on the stage (`/perform`): pointer samples become the app's touch rows. Recording starts
//! at the first touch and stops five seconds later, as in the app; a pointer-down is a tap
//! (moving = 0), a move while down is a drag event (moving = 1); x and y are fractions of the
//! stage's side (y = 0 at the top), z the contact radius in CSS pixels where the browser gives one.

use crate::touches::Touch;

/// How long a take lasts, from its first touch (s).
pub const TAKE_SECONDS: f64 = 5.0;
/// The radius recorded when the browser gives no contact size (a mouse; the app's usual value).
pub const DEFAULT_RADIUS: f32 = 20.0;

/// What the pointer did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointerKind {
    Down,
    Move,
    Up,
}

/// One pointer event on the stage, in CSS pixels relative to the stage's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PointerSample {
    pub kind: PointerKind,
    /// The event's time stamp (ms, any origin, increasing).
    pub time_ms: f64,
    pub x_px: f64,
    pub y_px: f64,
    /// The stage's side (it is square).
    pub side_px: f64,
    /// The contact's width and height (CSS px), as the pointer event gives them (1 for a mouse).
    pub width: f64,
    pub height: f64,
}

/// The contact radius for a pointer's width and height: half the larger, or [`DEFAULT_RADIUS`]
/// when the browser gives no real contact size (a mouse or pen reports 1 × 1, some browsers 0).
pub fn radius(width: f64, height: f64) -> f32 {
    let size = width.max(height);
    if size.is_finite() && size > 1.0 {
        (size / 2.0).min(crate::touches::MAX_RADIUS) as f32
    } else {
        DEFAULT_RADIUS
    }
}

/// Where the take stands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TakeState {
    /// Waiting for the first touch.
    Ready,
    /// Recording since `start_ms`.
    Recording { start_ms: f64 },
    /// Five seconds have passed, or Stop was pressed.
    Done,
}

/// Records one take from pointer samples.
#[derive(Debug, Clone)]
pub struct Recorder {
    state: TakeState,
    down: bool,
    rows: Vec<Touch>,
}

impl Default for Recorder {
    fn default() -> Self {
        Recorder {
            state: TakeState::Ready,
            down: false,
            rows: Vec::new(),
        }
    }
}

impl Recorder {
    pub fn state(&self) -> TakeState {
        self.state
    }

    /// The rows recorded so far.
    pub fn rows(&self) -> &[Touch] {
        &self.rows
    }

    /// Takes a pointer sample. Returns the touch to sound and draw at once, or None when the sample
    /// makes none (a move with no pointer down, a release, anything after the take).
    pub fn sample(&mut self, s: PointerSample) -> Option<Touch> {
        if s.kind == PointerKind::Up {
            self.down = false;
            return None;
        }
        if self.state == TakeState::Done || !s.time_ms.is_finite() {
            return None;
        }
        let moving = match s.kind {
            PointerKind::Down => {
                self.down = true;
                false
            }
            _ if !self.down => return None,
            _ => true,
        };
        let start_ms = match self.state {
            TakeState::Recording { start_ms } => start_ms,
            _ => {
                self.state = TakeState::Recording { start_ms: s.time_ms };
                s.time_ms
            }
        };
        let time = ((s.time_ms - start_ms) / 1000.0).max(0.0);
        if time > TAKE_SECONDS {
            self.finish();
            return None;
        }
        let unit = |v: f64| {
            let f = v / s.side_px;
            if f.is_finite() {
                f.clamp(0.0, 1.0) as f32
            } else {
                0.0
            }
        };
        let touch = Touch {
            time: time as f32,
            x: unit(s.x_px),
            y: unit(s.y_px),
            z: radius(s.width, s.height),
            moving,
        };
        self.rows.push(touch);
        Some(touch)
    }

    /// Seconds left in the take at `now_ms` (None before the first touch or after the end).
    pub fn remaining(&self, now_ms: f64) -> Option<f64> {
        match self.state {
            TakeState::Recording { start_ms } => {
                Some((TAKE_SECONDS - (now_ms - start_ms) / 1000.0).clamp(0.0, TAKE_SECONDS))
            }
            _ => None,
        }
    }

    /// Ends the take (the five seconds are up, or Stop).
    pub fn finish(&mut self) {
        self.state = TakeState::Done;
        self.down = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(kind: PointerKind, time_ms: f64, x_px: f64, y_px: f64) -> PointerSample {
        PointerSample {
            kind,
            time_ms,
            x_px,
            y_px,
            side_px: 400.0,
            width: 1.0,
            height: 1.0,
        }
    }

    #[test]
    fn taps_and_drags_become_the_apps_rows() {
        let mut r = Recorder::default();
        assert_eq!(r.state(), TakeState::Ready);
        let first = r.sample(at(PointerKind::Down, 1000.0, 100.0, 300.0)).unwrap();
        assert_eq!(
            (first.time, first.x, first.y, first.z, first.moving),
            (0.0, 0.25, 0.75, 20.0, false)
        );
        let drag = r.sample(at(PointerKind::Move, 1016.0, 120.0, 280.0)).unwrap();
        assert!((drag.time - 0.016).abs() < 1e-6 && drag.moving && (drag.x - 0.3).abs() < 1e-6);
        assert_eq!(r.sample(at(PointerKind::Up, 1100.0, 120.0, 280.0)), None);
        assert_eq!(
            r.sample(at(PointerKind::Move, 1200.0, 10.0, 10.0)),
            None,
            "hover is not a drag"
        );
        let tap = r.sample(at(PointerKind::Down, 2500.0, 0.0, 0.0)).unwrap();
        assert!(!tap.moving && (tap.time - 1.5).abs() < 1e-6);
        assert_eq!(r.rows().len(), 3);
        assert_eq!(r.state(), TakeState::Recording { start_ms: 1000.0 });
    }

    #[test]
    fn positions_are_clamped_to_the_stage() {
        let mut r = Recorder::default();
        let t = r.sample(at(PointerKind::Down, 0.0, -30.0, 900.0)).unwrap();
        assert_eq!((t.x, t.y), (0.0, 1.0));
        let mut nowhere = at(PointerKind::Move, 5.0, 10.0, 10.0);
        nowhere.side_px = 0.0;
        let t = r.sample(nowhere).unwrap();
        assert!(t.x.is_finite() && t.y.is_finite());
    }

    #[test]
    fn the_take_stops_five_seconds_after_the_first_touch() {
        let mut r = Recorder::default();
        r.sample(at(PointerKind::Down, 10_000.0, 1.0, 1.0));
        assert_eq!(r.remaining(12_000.0), Some(3.0));
        assert!(
            r.sample(at(PointerKind::Move, 15_000.0, 2.0, 2.0)).is_some(),
            "5.000 s is still in"
        );
        assert_eq!(r.sample(at(PointerKind::Move, 15_001.0, 2.0, 2.0)), None);
        assert_eq!(r.state(), TakeState::Done);
        assert_eq!(r.sample(at(PointerKind::Down, 15_100.0, 2.0, 2.0)), None);
        assert_eq!(r.rows().len(), 2);
        assert_eq!(r.remaining(15_200.0), None);
    }

    #[test]
    fn stop_ends_the_take_early() {
        let mut r = Recorder::default();
        r.sample(at(PointerKind::Down, 0.0, 1.0, 1.0));
        r.finish();
        assert_eq!(r.sample(at(PointerKind::Down, 100.0, 1.0, 1.0)), None);
        assert_eq!(r.rows().len(), 1);
    }

    #[test]
    fn the_radius_is_the_contact_size_or_twenty() {
        assert_eq!(radius(1.0, 1.0), DEFAULT_RADIUS, "a mouse");
        assert_eq!(radius(0.0, 0.0), DEFAULT_RADIUS);
        assert_eq!(radius(f64::NAN, 3.0), 1.5);
        assert_eq!(radius(44.0, 52.0), 26.0);
        assert_eq!(radius(1e9, 1.0), crate::touches::MAX_RADIUS as f32);
    }
}
