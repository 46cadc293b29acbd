//! Rhythmic performances: tapped drum patterns and melodies, bursts of taps, swipes on the beat.

use std::f64::consts::{FRAC_PI_2, TAU};

use super::{Take, MS, SECOND};

/// Drum-machine bars for tapping, one character per sixteenth: kick, snare, hi-hat or rest.
const DRUM_BARS: [&str; 6] = [
    "k.h.s.h.k.h.s.hh",
    "k.hhs.h.k.khs.h.",
    "k..ks..kk..ks.hs",
    "khhhskhhkhhhskhs",
    "k.s.k.s.k.sskkss",
    "k.hks.hkk.hks.hs",
];
/// Rhythms for tapping out a melody, one character per sixteenth.
const MELODY_BARS: [&str; 4] = [
    "x.x.xx.x.x.xx.xx",
    "x..x..x.x.xxx.x.",
    "xxx.x.x.xxx.x.xx",
    "x.xxx.x.x.xxx.xx",
];

impl Take<'_> {
    /// Tapping a bar pattern at 100–150 bpm, humanised, drum pads or a wandering melody.
    pub(super) fn taps(&mut self, start: u64, drums: bool) {
        let bar = if drums {
            *self.rng.pick(&DRUM_BARS)
        } else {
            *self.rng.pick(&MELODY_BARS)
        }
        .as_bytes();
        let step = 15.0 / self.rng.range(100.0, 150.0);
        let swing = self.rng.range(0.0, 0.12);
        let pads: Vec<(f64, f64)> = [(0.2, 0.45, 0.6, 0.85), (0.55, 0.8, 0.5, 0.8), (0.3, 0.8, 0.15, 0.4)]
            .iter()
            .map(|&(x0, x1, y0, y1)| (self.rng.range(x0, x1), self.rng.range(y0, y1)))
            .collect();
        let (mut column, mut row_y) = (self.rng.int(0, 7), self.rng.range(0.25, 0.75));
        for i in 0.. {
            let offset = if i == 0 {
                0.0
            } else {
                (i as f64 + if i % 2 == 1 { swing } else { 0.0 }) * step
            };
            let jitter = if i == 0 {
                0.0
            } else {
                (self.rng.gauss() * 0.006).clamp(-0.015, 0.015)
            };
            let t = start + ((offset + jitter) * SECOND as f64) as u64;
            if t > self.end {
                break;
            }
            let (x, y) = match bar[i % bar.len()] {
                b'.' => continue,
                b'k' => pads[0],
                b's' => pads[1],
                b'h' => pads[2],
                _ => {
                    column = (column + self.rng.int(-2, 2)).clamp(0, 7);
                    if i % bar.len() == 0 {
                        row_y = (row_y + self.rng.gauss() * 0.1).clamp(0.15, 0.85);
                    }
                    ((column as f64 + 0.5) / 8.0, row_y)
                }
            };
            let (dx, dy) = (self.rng.gauss() * 0.02, self.rng.gauss() * 0.02);
            self.tap(t, x + dx, y + dy);
        }
    }

    /// A few quick taps (in a mixed performance): repeated on one spot or walking across the screen.
    pub(super) fn tap_burst(&mut self, start: u64) -> u64 {
        let interval = self.us(0.12, 0.3);
        let (mut x, mut y) = (self.rng.range(0.15, 0.85), self.rng.range(0.15, 0.85));
        let walk = if self.rng.chance(0.5) {
            self.rng.range(-0.12, 0.12)
        } else {
            0.0
        };
        let mut last = start;
        for i in 0..self.rng.int(2, 6) as u64 {
            let t = start + i * interval + if i == 0 { 0 } else { self.rng.int(0, 12_000) as u64 };
            let (dx, dy) = (self.rng.gauss() * 0.01, self.rng.gauss() * 0.01);
            last = self.tap(t, x + dx, y + dy);
            x = (x + walk).clamp(0.05, 0.95);
            y = (y + self.rng.gauss() * 0.03).clamp(0.05, 0.95);
        }
        last
    }

    /// Swipes on the beat (alternating up and down, like strumming, for strings and guitar).
    pub(super) fn swipes(&mut self, start: u64, strum: bool) {
        let mut beat = 60.0 / self.rng.range(70.0, 130.0);
        if beat >= 0.5 && self.rng.chance(0.4) {
            beat /= 2.0;
        }
        let heading = self.rng.range(0.0, TAU);
        let (mut next, mut free, mut down) = (start as f64 / SECOND as f64, start, true);
        while (next * SECOND as f64) as u64 + 100 * MS < self.end {
            let jitter = if next * (SECOND as f64) <= start as f64 {
                0.0
            } else {
                self.rng.gauss() * 0.008
            };
            let t = (((next + jitter) * SECOND as f64) as u64).max(free);
            next += beat;
            if t > start && self.rng.chance(0.1) {
                continue;
            }
            let end = if self.rng.chance(0.15) {
                let (x, y) = (self.rng.range(0.1, 0.9), self.rng.range(0.1, 0.9));
                self.tap(t, x, y)
            } else {
                let angle = if strum {
                    if down {
                        FRAC_PI_2
                    } else {
                        -FRAC_PI_2
                    }
                } else {
                    heading
                } + self.rng.gauss() * 0.3;
                let dur = self.rng.range(0.08, (beat * 0.75).min(0.4));
                down = !down;
                let len = self.rng.range(0.15, 0.45);
                self.swipe(t, dur, angle, len)
            };
            free = end + 40 * MS;
        }
    }
}
