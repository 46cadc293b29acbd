//! Touch recordings that look like a person playing MicroJam on a phone for five seconds.
//!
//! The app logs one row per touch event: `moving` 0 when a finger lands (a tap, or the start of a
//! drag) and 1 for each drag sample after it, at the screen's ≈60 Hz event rate with some jitter and
//! the odd dropped frame. Coordinates are fractions of the screen (origin top-left, y down), so a
//! circle drawn on the glass is squashed in y by the screen's aspect ratio; `z` is the touch radius
//! in points, which iOS reports in a few quantised steps.

use std::f64::consts::TAU;
use std::fmt::Write;

use super::rng::Rng;

mod rhythm;
mod shapes;

/// Touch radii (points) in the steps iOS reports them.
const RADII: [f64; 6] = [20.0, 22.762146, 25.524292, 29.779785, 34.035278, 38.290771];
/// Screen width ÷ height of a modern phone in portrait.
const ASPECT: f64 = 9.0 / 19.5;
const MS: u64 = 1_000;
const SECOND: u64 = 1_000_000;

#[derive(Debug, Clone, Copy)]
struct Row {
    /// Microseconds since the first touch (whole microseconds print exactly with six decimals).
    t: u64,
    x: f64,
    y: f64,
    z: f64,
    moving: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Taps,
    Swipes,
    Swirls,
    ZigZags,
    Scribbles,
    Mixed,
}

/// The touches CSV of one performance on `instrument` by someone whose typical touch radius is
/// `RADII[finger]`: header line, then 20–400 rows.
pub fn touches(rng: &mut Rng, instrument: &str, finger: usize) -> String {
    loop {
        let style = style_for(rng, instrument);
        let mut take = Take::new(rng, finger);
        take.perform(style, instrument);
        take.rows.retain(|r| r.t <= take.end);
        if (20..=400).contains(&take.rows.len()) {
            return csv(&take.rows);
        }
    }
}

fn style_for(rng: &mut Rng, instrument: &str) -> Style {
    use Style::*;
    // Weights of Taps, Swipes, Swirls, ZigZags, Scribbles, Mixed.
    let weights: [f64; 6] = match instrument {
        "drums" => [0.7, 0.08, 0.0, 0.02, 0.0, 0.2],
        "keys" => [0.4, 0.2, 0.0, 0.1, 0.0, 0.3],
        "quack" => [0.35, 0.05, 0.0, 0.2, 0.2, 0.2],
        "chirp" => [0.2, 0.1, 0.2, 0.0, 0.25, 0.25],
        "strings" => [0.05, 0.3, 0.3, 0.0, 0.1, 0.25],
        "pad" => [0.0, 0.3, 0.4, 0.0, 0.05, 0.25],
        "wub" => [0.05, 0.1, 0.3, 0.25, 0.1, 0.2],
        "fmlead" => [0.1, 0.15, 0.1, 0.2, 0.2, 0.25],
        _ => [0.15, 0.3, 0.05, 0.2, 0.05, 0.25],
    };
    [Taps, Swipes, Swirls, ZigZags, Scribbles, Mixed][rng.weighted(&weights)]
}

fn csv(rows: &[Row]) -> String {
    let mut out = String::from("time,x,y,z,moving\n");
    for r in rows {
        let (t, moving) = (r.t as f64 / SECOND as f64, u8::from(r.moving));
        writeln!(out, "{t:.6}, {:.6}, {:.6}, {:.6}, {moving}", r.x, r.y, r.z).expect("writing to a String");
    }
    out
}

/// Eases 0..1 in and out, as a finger accelerates and brakes.
fn smooth(s: f64) -> f64 {
    s * s * (3.0 - 2.0 * s)
}

struct Take<'r> {
    rng: &'r mut Rng,
    rows: Vec<Row>,
    finger: usize,
    /// Recording stops here (just past five seconds).
    end: u64,
}

impl<'r> Take<'r> {
    fn new(rng: &'r mut Rng, finger: usize) -> Self {
        let end = 5 * SECOND + rng.int(0, 20_000) as u64;
        Self {
            rng,
            rows: Vec::new(),
            finger,
            end,
        }
    }

    fn us(&mut self, lo: f64, hi: f64) -> u64 {
        (self.rng.range(lo, hi) * SECOND as f64) as u64
    }

    fn perform(&mut self, style: Style, instrument: &str) {
        let t = if self.rng.chance(0.4) {
            0
        } else {
            self.rng.int(MS as i64, 30 * MS as i64) as u64
        };
        match style {
            Style::Taps => self.taps(t, instrument == "drums"),
            Style::Swipes => self.swipes(t, matches!(instrument, "strings" | "leadguitar")),
            _ => {
                let mixed = style == Style::Mixed;
                let mut t = t;
                while t + 150 * MS < self.end {
                    let kind = match style {
                        Style::Mixed => {
                            let kinds = [
                                Style::Taps,
                                Style::Swipes,
                                Style::Swirls,
                                Style::ZigZags,
                                Style::Scribbles,
                            ];
                            kinds[self.rng.weighted(&[0.3, 0.25, 0.15, 0.15, 0.15])]
                        }
                        other => other,
                    };
                    t = self.gesture(kind, t, mixed);
                    t += if mixed { self.us(0.05, 0.6) } else { self.us(0.08, 0.45) };
                }
            }
        }
    }

    /// One gesture of `kind` starting at `t` (shorter ones within a mixed performance); returns the
    /// time of its last row.
    fn gesture(&mut self, kind: Style, t: u64, mixed: bool) -> u64 {
        match kind {
            Style::Taps => self.tap_burst(t),
            Style::Swipes => {
                let (dur, angle, len) = (
                    self.rng.range(0.1, 0.4),
                    self.rng.range(0.0, TAU),
                    self.rng.range(0.12, 0.5),
                );
                self.swipe(t, dur, angle, len)
            }
            Style::Swirls => {
                let dur = if mixed {
                    self.rng.range(0.6, 1.8)
                } else {
                    self.rng.range(1.2, 3.5)
                };
                self.swirl(t, dur)
            }
            Style::ZigZags => {
                let dur = self.rng.range(0.6, 1.8);
                self.zigzag(t, dur)
            }
            Style::Scribbles | Style::Mixed => {
                let dur = self.rng.range(0.4, 1.6);
                self.scribble(t, dur)
            }
        }
    }

    fn push(&mut self, t: u64, x: f64, y: f64, level: usize, moving: bool) {
        let (x, y, z) = (x.clamp(0.0, 1.0), y.clamp(0.0, 1.0), RADII[level]);
        self.rows.push(Row { t, x, y, z, moving });
    }

    /// Radius step of a new touch: usually the performer's typical one, sometimes a step either way.
    fn level(&mut self) -> usize {
        let delta = self.rng.weighted(&[0.2, 0.6, 0.2]);
        (self.finger + delta).saturating_sub(1).min(RADII.len() - 1)
    }

    /// Time to the next touch event while dragging: ≈16.7 ms, jittered, sometimes a dropped frame.
    fn frame(&mut self) -> u64 {
        let base = [16_667.0, 25_000.0, 33_333.0][self.rng.weighted(&[0.84, 0.1, 0.06])];
        (base + self.rng.gauss() * 1_500.0).round().clamp(10_500.0, 39_500.0) as u64
    }

    /// A finger landing; now and then it slides a hair before lifting. Returns the last row's time.
    fn tap(&mut self, t: u64, x: f64, y: f64) -> u64 {
        let level = self.level();
        self.push(t, x, y, level, false);
        let mut last = t;
        if self.rng.chance(0.2) {
            let (mut x, mut y) = (x, y);
            for _ in 0..self.rng.int(1, 2) {
                last += self.rng.int(11_000, 22_000) as u64;
                x += self.rng.gauss() * 0.003;
                y += self.rng.gauss() * 0.003;
                self.push(last, x, y, level, true);
            }
        }
        last
    }

    /// A drag along `path` (0..1 ↦ screen position) lasting about `dur` seconds, with hand tremor.
    fn stroke(&mut self, start: u64, dur: f64, path: impl Fn(f64) -> (f64, f64)) -> u64 {
        let dur = (dur * SECOND as f64) as u64;
        let mut level = self.level();
        let (x, y) = path(0.0);
        self.push(start, x, y, level, false);
        let mut t = start;
        loop {
            let next = t + self.frame();
            if next > start + dur {
                return t;
            }
            t = next;
            if self.rng.chance(0.05) {
                level = (level + self.rng.below(3)).saturating_sub(1).min(RADII.len() - 1);
            }
            let (x, y) = path((t - start) as f64 / dur as f64);
            let (jx, jy) = (self.rng.gauss() * 0.0015, self.rng.gauss() * 0.0015);
            self.push(t, x + jx, y + jy, level, true);
        }
    }
}
