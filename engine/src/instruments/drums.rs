//! drums: `drums.pd` with `touch_to_drum.pd` and the local `s_drumelectro.pd` (SPEC.md §4 drums).
//!
//! - touch_to_drum: the note logic of §2 with the quadrant as the pitch (`pd location_filter`:
//!   x < 0.5 left, y < 0.5 top; top-left 38 sn, top-right 46 oh, bottom-left 36 bd, bottom-right
//!   42 hh) and velocity 65 + 60y, which only gates. On `/z`, `pd delta_xy` gives 12·min(1,
//!   √(Δx² + Δy²)/1.414) from an origin reset only by z = 0 (so, in practice, the top-left corner).
//! - `pd drumsynth`: a note's pitch picks the type and its random decay range (bd 400 + random 50,
//!   sn 100 + random 100, hh 50 + random 100, oh 1000 + random 2000 ms); a note-on sends `type
//!   decay` to s_drumelectro (dsp in `drumelectro.rs`) and turns `pd repeater` on, a note-off turns
//!   it off.
//! - `pd repeater`: a `delay` that restarts itself and, while on, re-hits (velocity 100, a new
//!   decay). A note-on restarts it 2 ms later with 400 ms; `/z` sets the next interval to
//!   clamp(int(550 / (12·dxy)), 50, 1000) ms; off sets 10000 ms.
//! - Out: s_drumelectro ×0.32 → `c_xfade` with `pitchshift~` (transposed by the bend) at dy
//!   (`vline~`, a jump) → both channels, and → `pd crystal` at level dy → both channels.

use super::drumelectro::{DrumElectro, Kind};
use super::Patch;
use crate::dsp::control::earliest;
use crate::dsp::{Crystal, PitchShift, Random, Timer};
use crate::notes::NoteLogic;
use crate::TouchMsg;

/// `pd repeater`.
#[derive(Debug, Clone)]
struct Repeater {
    spigot: bool,
    /// The `delay`'s time (its right inlet), ms.
    interval: f32,
    /// `delay 2`, then the self-restarting `delay`.
    start: Timer,
    each: Timer,
}

impl Repeater {
    /// The `speed` inlet: `sel 0`, then `min 1000` → `max 50`.
    fn speed(&mut self, ms: f32) {
        if ms != 0.0 {
            self.interval = ms.clamp(50.0, 1000.0);
        }
    }

    /// The `onoff` inlet.
    fn on(&mut self, now: u64, sr: f32) {
        self.spigot = true;
        self.interval = 400.0;
        self.start.start(now, 2.0, sr);
    }

    fn off(&mut self) {
        self.interval = 10_000.0;
        self.spigot = false;
    }

    fn due(&self) -> Option<u64> {
        earliest(&[self.start.due(), self.each.due()])
    }

    /// Whether a re-hit comes out now.
    fn fire(&mut self, now: u64, sr: f32) -> bool {
        if self.start.fire(now) {
            self.each.start(now, self.interval, sr);
        }
        if self.each.fire(now) {
            self.each.start(now, self.interval, sr);
            return self.spigot;
        }
        false
    }
}

/// The drum for touch_to_drum's pitch: `route 36 38 42 46`.
fn kind_of(pitch: f32) -> Option<Kind> {
    match pitch as i32 {
        36 => Some(Kind::Bd),
        38 => Some(Kind::Sn),
        42 => Some(Kind::Hh),
        46 => Some(Kind::Oh),
        _ => None,
    }
}

pub struct Drums {
    notes: NoteLogic,
    sr: f32,
    /// `pd delta_xy`'s origin.
    origin: (f32, f32),
    /// `$0-type` and the `pd settings` it chose: random range and offset.
    kind: Option<Kind>,
    range: u32,
    offset: f32,
    random: Random,
    repeater: Repeater,
    synth: DrumElectro,
    shift: PitchShift,
    /// `c_xfade`'s fade (dy).
    fade: f32,
    crystal: Crystal,
}

impl Drums {
    pub fn new(sr: f32, seed: u32) -> Drums {
        Drums {
            notes: NoteLogic::new(sr, 0.0, 0.0),
            sr,
            origin: (0.0, 0.0),
            kind: None,
            range: 0,
            offset: 0.0,
            random: Random::new(seed),
            repeater: Repeater {
                spigot: false,
                interval: 1000.0,
                start: Timer::default(),
                each: Timer::default(),
            },
            synth: DrumElectro::new(sr, seed.wrapping_add(1)),
            shift: PitchShift::new(sr),
            fade: 0.0,
            crystal: Crystal::new(sr),
        }
    }

    /// `pd drumsynth`'s notes inlet: `pitch velocity`.
    fn note(&mut self, pitch: f32, velocity: f32, now: u64) {
        if let Some(kind) = kind_of(pitch) {
            self.kind = Some(kind);
            (self.range, self.offset) = match kind {
                Kind::Bd => (50, 400.0),
                Kind::Sn => (100, 100.0),
                Kind::Hh => (100, 50.0),
                Kind::Oh => (2000, 1000.0),
            };
        }
        if velocity == 0.0 {
            self.repeater.off();
        } else {
            self.hit();
            self.repeater.on(now, self.sr);
        }
    }

    /// `t b a` → `random` + offset → `list prepend type` → s_drumelectro.
    fn hit(&mut self) {
        let decay = self.random.below(self.range.max(1)) as f32 + self.offset;
        if let Some(kind) = self.kind {
            self.synth.hit(kind, decay);
        }
    }
}

impl Patch for Drums {
    fn touch(&mut self, m: TouchMsg, now: u64) {
        // /y → location_filter → the pitch (a quadrant); velocity 65 + 60y.
        let pitch = match (m.x < 0.5, m.y < 0.5) {
            (true, true) => 38.0,
            (false, true) => 46.0,
            (true, false) => 36.0,
            (false, false) => 42.0,
        };
        // /z → delta_xy → ×12 → `s $0-bend` → the repeater's speed.
        if m.z == 0.0 {
            self.origin = (m.x, m.y);
        } else {
            let (dx, dy) = (m.x - self.origin.0, m.y - self.origin.1);
            let dxy = 12.0 * ((dx * dx + dy * dy).sqrt() / 1.414).min(1.0);
            if dxy != 0.0 {
                self.repeater.speed((550.0 / dxy).trunc());
            }
        }
        // /m: the bend (pitchshift~), the note, dy (c_xfade and the crystal).
        let out = self.notes.touch_with(m, pitch, 65.0 + 60.0 * m.y, now);
        self.shift.set_transpose(out.bend);
        if let Some((pitch, velocity)) = out.note_on {
            self.note(pitch, velocity, now);
        }
        self.fade = out.dy;
        self.crystal.set_level(out.dy);
    }

    fn next_due(&self) -> Option<u64> {
        earliest(&[self.notes.due(), self.repeater.due()])
    }

    fn fire(&mut self, now: u64) {
        if let Some(pitch) = self.notes.fire(now) {
            self.note(pitch, 0.0, now);
        }
        if self.repeater.fire(now, self.sr) {
            self.hit();
        }
    }

    fn render(&mut self, left: &mut [f32], right: &mut [f32]) {
        for (l, r) in left.iter_mut().zip(right.iter_mut()) {
            let drum = self.synth.tick() * 0.32;
            let shifted = self.shift.tick(drum);
            let dry = drum + self.fade * (shifted - drum);
            let (wet, _) = self.crystal.tick(dry);
            *l = dry + wet;
            *r = dry + wet;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SR: f32 = 44_100.0;

    fn play(touches: &[(f64, f32, f32, bool)], seconds: f32) -> Vec<f32> {
        let mut d = Drums::new(SR, 7);
        let mut out = Vec::new();
        let mut next = 0;
        let total = (SR * seconds) as u64;
        let mut now = 0u64;
        while now < total {
            while next < touches.len() && (touches[next].0 * SR as f64) as u64 <= now {
                let (_, x, y, moving) = touches[next];
                d.touch(TouchMsg::from_touch(x, y, 20.0, moving), now);
                next += 1;
            }
            if let Some(due) = d.next_due() {
                if due <= now {
                    d.fire(now);
                }
            }
            let (mut l, mut r) = ([0.0f32; 1], [0.0f32; 1]);
            d.render(&mut l, &mut r);
            out.push(l[0]);
            now += 1;
        }
        out
    }

    /// Onsets: 10 ms windows whose peak jumps well above the previous window's.
    fn onsets(x: &[f32]) -> Vec<f32> {
        let w = (SR * 0.01) as usize;
        let peaks: Vec<f32> = x
            .chunks(w)
            .map(|c| c.iter().fold(0.0f32, |a, v| a.max(v.abs())))
            .collect();
        (1..peaks.len())
            .filter(|&i| peaks[i] > 0.02 && peaks[i] > 3.0 * peaks[i - 1])
            .map(|i| i as f32 * 0.01)
            .collect()
    }

    #[test]
    fn a_tap_in_each_quadrant_hits_once() {
        for (x, y) in [(0.2, 0.2), (0.8, 0.2), (0.2, 0.8), (0.8, 0.8)] {
            let out = play(&[(0.1, x, y, false)], 1.5);
            let hits = onsets(&out);
            assert_eq!(hits.len(), 1, "{x} {y}: {hits:?}");
            assert!((hits[0] - 0.1).abs() < 0.015);
            assert!(out.iter().all(|s| s.is_finite() && s.abs() < 1.0));
        }
    }

    #[test]
    fn a_held_drag_repeats_as_the_app_does() {
        // A horizontal drag at y = 0.3 from x = 0.1: the first repeat 402 ms after the tap, then
        // int(550 / (12·dxy)) ms, dxy being the distance from the top-left corner / 1.414.
        let at = |t: f64| 0.1 + 0.6 * (t - 0.2) as f32;
        let mut touches = vec![(0.2, at(0.2), 0.3, false)];
        for i in 1..70 {
            let t = 0.2 + i as f64 * 0.016;
            touches.push((t, at(t), 0.3, true));
        }
        let mut want = vec![0.2, 0.602];
        while want.len() < 6 {
            let t = *want.last().unwrap();
            let last = touches.iter().rfind(|p| p.0 <= t).unwrap();
            let dxy = 12.0 * ((last.1 * last.1 + 0.09).sqrt() / 1.414);
            want.push(t + (550.0 / dxy).trunc() as f64 / 1000.0);
        }
        let out = play(&touches, 1.3);
        let hits = onsets(&out);
        assert!(hits.len() >= 4, "{hits:?} vs {want:?}");
        for (h, w) in hits.iter().zip(&want) {
            assert!((*h as f64 - w).abs() < 0.015, "{hits:?} vs {want:?}");
        }
    }

    #[test]
    fn decays_are_seeded() {
        let taps: Vec<_> = (0..6).map(|i| (0.1 + 0.4 * i as f64, 0.8, 0.2, false)).collect();
        let a = play(&taps, 3.0);
        let b = play(&taps, 3.0);
        assert_eq!(a, b);
    }
}
