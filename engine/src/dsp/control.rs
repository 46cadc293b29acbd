//! Control-rate objects: pitch and level conversions, `delay` timers, and Pd's `random`.

/// Pd's `mtof`: MIDI note to Hz (`mtof~` too). Pd clips at about MIDI 1499 and gives 0 at or below
/// -1500; here the result stays finite for any input.
pub fn mtof(m: f32) -> f32 {
    if m.is_nan() || m <= -1500.0 {
        return 0.0;
    }
    8.175_799 * ((m.min(1499.0)) * 0.057_762_265).exp()
}

/// Pd's `dbtorms`: 100 dB is amplitude 1, 0 dB or less is 0.
pub fn dbtorms(db: f32) -> f32 {
    if db.is_nan() || db <= 0.0 {
        0.0
    } else {
        ((db.min(485.0) - 100.0) * 0.115_129_255).exp()
    }
}

/// Pd's `delay`: fires once, at an absolute sample time; restarting it moves that time.
#[derive(Debug, Clone, Copy, Default)]
pub struct Timer {
    at: Option<u64>,
}

impl Timer {
    /// (Re)starts the timer to fire `ms` milliseconds after `now` (at least one sample later).
    pub fn start(&mut self, now: u64, ms: f32, sr: f32) {
        let samples = super::ms_to_samples(ms, sr).round() as u64;
        self.at = Some(now + samples.max(1));
    }

    pub fn stop(&mut self) {
        self.at = None;
    }

    /// When it will fire, if it is running.
    pub fn due(&self) -> Option<u64> {
        self.at
    }

    /// True (once) if the timer is due at `now`; it is then stopped.
    pub fn fire(&mut self, now: u64) -> bool {
        match self.at {
            Some(at) if at <= now => {
                self.at = None;
                true
            }
            _ => false,
        }
    }
}

/// The earliest of some timers' due times.
pub fn earliest(times: &[Option<u64>]) -> Option<u64> {
    times.iter().flatten().copied().min()
}

/// Pd's `random`-style generator: a seeded linear congruential sequence, so a render repeats.
#[derive(Debug, Clone)]
pub struct Random {
    state: u32,
}

impl Random {
    pub fn new(seed: u32) -> Random {
        // Spread small seeds (0, 1, 2...) over the state space, as Pd's own seeding does.
        Random {
            state: seed.wrapping_mul(1_319).wrapping_add(307).wrapping_mul(2_654_435_761),
        }
    }

    /// Pd's `random N`: an integer in 0..range.
    pub fn below(&mut self, range: u32) -> u32 {
        self.state = self.state.wrapping_mul(472_940_017).wrapping_add(832_416_023);
        ((f64::from(range) * f64::from(self.state)) / 4_294_967_296.0) as u32
    }

    /// A float in [0, 1).
    pub fn unit(&mut self) -> f32 {
        self.below(1 << 24) as f32 / (1u32 << 24) as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_match_pd() {
        assert!((mtof(69.0) - 440.0).abs() < 0.01);
        assert!((mtof(60.0) - 261.6256).abs() < 0.01);
        assert!((dbtorms(100.0) - 1.0).abs() < 1e-5);
        assert!((dbtorms(90.0) - 0.316_227_8).abs() < 1e-4);
        assert_eq!(dbtorms(0.0), 0.0);
        assert!(mtof(f32::INFINITY).is_finite() && mtof(f32::NAN) == 0.0);
    }

    #[test]
    fn a_timer_fires_once_when_due() {
        let mut t = Timer::default();
        t.start(100, 10.0, 1000.0);
        assert_eq!(t.due(), Some(110));
        assert!(!t.fire(109));
        assert!(t.fire(110));
        assert!(!t.fire(111));
    }

    #[test]
    fn random_is_seeded_and_in_range() {
        let (mut a, mut b) = (Random::new(3), Random::new(3));
        let xs: Vec<u32> = (0..100).map(|_| a.below(50)).collect();
        assert!(xs.iter().all(|&x| x < 50));
        assert_eq!(xs, (0..100).map(|_| b.below(50)).collect::<Vec<_>>());
        let mut c = Random::new(4);
        assert_ne!(xs[..10], (0..10).map(|_| c.below(50)).collect::<Vec<_>>()[..]);
    }
}
