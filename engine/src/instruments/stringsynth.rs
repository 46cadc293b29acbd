//! The string voice that strings and leadguitar share: `stringsynth.pd` with its `pluck~.pd`
//! (SPEC.md §4 strings), message for message.
//!
//! - notes `pitch vel` → `unpack`: the velocity first → `pd velocity`: 0 is a release, anything
//!   else a trigger of level dbtorms(100·(0.8 + 0.2·vel/127)) to the `adsr 1 80 100 95 1000` and a
//!   pluck; then the pitch goes **cold** into `[+]`.
//! - bend → `$1 5` → `line` → `[+]` (hot) → `s $0-pitch` → pluck~. So the pitch reaches the pluck
//!   only when the bend line sends: at a tap the line sends the old value at once (with the old
//!   note) and the new note 5 ms later, after the pluck has fired with the old period. A release
//!   also sends `0 100` to the line.
//! - pluck~ (`block~ 1`): the trigger sends `1 1, 0 20 5` to a `vline~` gate on `noise~` through
//!   `bp~ 3000 7` + `bp~ 5107 10` (up in 1 ms, down from 5 ms to 25 ms; the `1 1` and the `del`'s
//!   `0 1` messages are connected to nothing), into a Karplus-Strong loop `delwrite~` →
//!   `delread4~` (the period, 1000/mtof ms, through `line~` 2 ms) → `lop~ 3800` → ×0.999.

use crate::dsp::{dbtorms, mtof, Adsr, Bp, DelayLine, Line, Lop, Noise, VLine};

pub struct StringSynth {
    /// `[+]`'s cold inlet: the last note's pitch.
    note: f32,
    bend: StepLine,
    pluck: Pluck,
    env: Adsr,
}

impl StringSynth {
    pub fn new(sr: f32, seed: u32) -> StringSynth {
        StringSynth {
            note: 0.0,
            bend: StepLine::new(sr),
            pluck: Pluck::new(sr, seed),
            env: Adsr::new(sr, 1.0, 80.0, 100.0, 95.0, 1000.0),
        }
    }

    /// Inlet `bend` (semitones): `$1 5` → `line`.
    pub fn bend(&mut self, semitones: f32, now: u64) {
        let sent = self.bend.set(semitones, 5.0, now);
        self.pitch(sent);
    }

    /// Inlet `notes`: `pitch velocity` (velocity 0: the note-off).
    pub fn note(&mut self, pitch: f32, velocity: f32, now: u64) {
        if velocity == 0.0 {
            // `s $0-trigger 0`: the adsr releases and the bend line returns to 0 in 100 ms.
            self.env.trigger(0.0);
            let sent = self.bend.set(0.0, 100.0, now);
            self.pitch(sent);
        } else {
            let level = dbtorms(100.0 * (0.8 + 0.2 * velocity / 127.0));
            self.env.level = level;
            self.env.trigger(level);
            self.pluck.trigger();
        }
        self.note = pitch;
    }

    /// `[+]` → `s $0-pitch`.
    fn pitch(&mut self, bend: f32) {
        self.pluck.pitch(bend + self.note);
    }

    pub fn due(&self) -> Option<u64> {
        self.bend.due()
    }

    pub fn fire(&mut self, now: u64) {
        if let Some(sent) = self.bend.fire(now) {
            self.pitch(sent);
        }
    }

    #[inline]
    pub fn tick(&mut self) -> f32 {
        self.pluck.tick() * self.env.tick()
    }
}

/// `pluck~.pd`, run sample by sample (`block~ 1`).
struct Pluck {
    sr_ms: f32,
    noise: Noise,
    bp_low: Bp,
    bp_high: Bp,
    gate: VLine,
    /// `pack 0 2` → `line~`: the loop's delay in ms.
    period: Line,
    delay: DelayLine,
    lop: Lop,
}

/// `delwrite~ $0-delay 200`: Pd's longest read is the buffer less one block (of 1).
const DELAY_MS: f32 = 200.0;

impl Pluck {
    fn new(sr: f32, seed: u32) -> Pluck {
        Pluck {
            sr_ms: sr * 0.001,
            noise: Noise::new(seed),
            bp_low: Bp::new(sr, 3000.0, 7.0),
            bp_high: Bp::new(sr, 5107.0, 10.0),
            gate: VLine::new(sr),
            period: Line::new(sr, 0.0),
            delay: DelayLine::new(sr, DELAY_MS),
            lop: Lop::new(sr, 3800.0),
        }
    }

    /// Inlet `pitch`: `mtof` → 1000/f ms → `pack 0 2` → `line~`.
    fn pitch(&mut self, midi: f32) {
        let hz = mtof(midi);
        // Pd's `/` gives 0 for a division by 0.
        let ms = if hz > 0.0 { 1000.0 / hz } else { 0.0 };
        self.period.set(ms, 2.0);
    }

    /// Inlet `trigger`: `t b b b` → `1 1, 0 20 5` to the gate (its other two outlets lead to
    /// message boxes that are not connected).
    fn trigger(&mut self) {
        self.gate.set(1.0, 1.0, 0.0);
        self.gate.set(0.0, 20.0, 5.0);
    }

    #[inline]
    fn tick(&mut self) -> f32 {
        // delread4~ read before its delwrite~ (the loop sorts it first): a delay of d samples,
        // at least 2.00001, at most the buffer.
        let d = (self.period.tick() * self.sr_ms).clamp(2.000_01, DELAY_MS * self.sr_ms);
        let fed = self.lop.tick(self.delay.read4(d - 1.0)) * 0.999;
        let n = self.noise.tick();
        let excitation = self.gate.tick() * (self.bp_low.tick(n) + self.bp_high.tick(n));
        let w = excitation + fed;
        // delwrite~ zeroes denormals and huge values (PD_BIGORSMALL).
        self.delay
            .write(if w.abs() > 1e-19 && w.abs() < 1e19 { w } else { 0.0 });
        fed
    }
}

/// Pd's control `line` as messages: every value it sends is an event (here `[+]` is hot on it),
/// so it works by timers: the current value at once, then one every 20 ms grain, the target last.
struct StepLine {
    from: f32,
    target: f32,
    start: u64,
    end: u64,
    clock: Option<u64>,
    grain: u64,
    sr: f32,
}

impl StepLine {
    fn new(sr: f32) -> StepLine {
        StepLine {
            from: 0.0,
            target: 0.0,
            start: 0,
            end: 0,
            clock: None,
            grain: crate::dsp::ms_to_samples(20.0, sr).round().max(1.0) as u64,
            sr,
        }
    }

    fn at(&self, now: u64) -> f32 {
        if now >= self.end {
            self.target
        } else {
            let t = (now - self.start) as f32 / (self.end - self.start) as f32;
            self.from + t * (self.target - self.from)
        }
    }

    /// `target ms` at sample `now`: returns the value sent at once.
    fn set(&mut self, target: f32, ms: f32, now: u64) -> f32 {
        let target = if target.is_finite() { target } else { 0.0 };
        let n = crate::dsp::ms_to_samples(ms, self.sr).round() as u64;
        if n == 0 {
            self.clock = None;
            (self.from, self.target, self.end) = (target, target, now);
            return target;
        }
        self.from = self.at(now);
        (self.target, self.start, self.end) = (target, now, now + n);
        self.clock = Some(now + self.grain.min(n));
        self.from
    }

    fn due(&self) -> Option<u64> {
        self.clock
    }

    fn fire(&mut self, now: u64) -> Option<f32> {
        match self.clock {
            Some(at) if at <= now => {
                self.clock = (now < self.end).then(|| now + self.grain.min(self.end - now));
                Some(self.at(now))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SR: f32 = 44_100.0;

    /// Renders `secs` of the synth, firing its timers, and returns the samples.
    fn run(s: &mut StringSynth, from: u64, secs: f32) -> Vec<f32> {
        let n = (secs * SR) as u64;
        (from..from + n)
            .map(|now| {
                while s.due().is_some_and(|d| d <= now) {
                    s.fire(now);
                }
                s.tick()
            })
            .collect()
    }

    /// The fundamental by autocorrelation over a lag range.
    fn period_samples(x: &[f32], min: usize, max: usize) -> usize {
        (min..max)
            .max_by(|&a, &b| {
                let c = |lag: usize| x.iter().zip(&x[lag..]).map(|(p, q)| p * q).sum::<f32>();
                c(a).partial_cmp(&c(b)).unwrap()
            })
            .unwrap()
    }

    #[test]
    fn a_plucked_note_sounds_at_its_pitch_a_little_flat() {
        let mut s = StringSynth::new(SR, 1);
        // A first tap (the pluck starts from pitch 0), then the one we measure.
        s.bend(0.0, 0);
        s.note(60.0, 100.0, 0);
        let _ = run(&mut s, 0, 0.5);
        let at = (0.5 * SR) as u64;
        s.bend(0.0, at);
        s.note(57.0, 100.0, at);
        let x = run(&mut s, at, 0.6);
        let p = period_samples(&x[8000..24000], 150, 260);
        let ideal = SR / 220.0;
        // One-pole loss in the loop makes the loop a little longer: flat, by at most 2 samples.
        assert!(
            p as f32 >= ideal.floor() && (p as f32) < ideal + 2.0,
            "period {p}, ideal {ideal}"
        );
    }

    #[test]
    fn the_release_fades_the_note_to_silence_and_nothing_is_ever_nan() {
        let mut s = StringSynth::new(SR, 2);
        s.bend(f32::NAN, 0);
        s.note(1e9, 127.0, 0);
        let x = run(&mut s, 0, 0.3);
        s.note(1e9, 0.0, (0.3 * SR) as u64);
        let y = run(&mut s, (0.3 * SR) as u64, 1.2);
        assert!(x.iter().chain(&y).all(|v| v.is_finite() && v.abs() < 4.0));
        assert!(x.iter().any(|v| v.abs() > 0.01));
        assert!(y[y.len() - 100..].iter().all(|v| *v == 0.0));
    }

    #[test]
    fn the_bend_line_sends_its_start_then_steps_to_its_target() {
        let mut l = StepLine::new(1000.0);
        assert_eq!(l.set(12.0, 100.0, 0), 0.0);
        assert_eq!(l.due(), Some(20));
        assert!((l.fire(20).unwrap() - 2.4).abs() < 1e-5);
        assert!((l.set(0.0, 5.0, 30) - 3.6).abs() < 1e-5);
        assert_eq!(l.fire(35), Some(0.0));
        assert_eq!(l.due(), None);
    }
}
