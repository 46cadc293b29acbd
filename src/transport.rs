//! Where a playing jam is in time, against the audio clock. The player and the engine in the
//! AudioWorklet are given the same context times to start, pause and resume at, so this position is
//! the engine's, frame for frame; the trace and the progress bar read it.

/// Playing from an origin, or paused at a position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Transport {
    /// Audio-clock time at which jam time 0 was (or would have been) while playing.
    origin: f64,
    paused_at: Option<f64>,
}

impl Transport {
    /// Starts playing from jam time 0 at audio time `clock`.
    pub fn start(clock: f64) -> Self {
        Transport {
            origin: clock,
            paused_at: None,
        }
    }

    /// The jam time at audio time `clock`.
    pub fn position(&self, clock: f64) -> f64 {
        self.paused_at.unwrap_or((clock - self.origin).max(0.0))
    }

    #[cfg(test)]
    pub fn is_paused(&self) -> bool {
        self.paused_at.is_some()
    }

    /// Pauses at audio time `clock` (now or soon).
    pub fn pause(&mut self, clock: f64) {
        if self.paused_at.is_none() {
            self.paused_at = Some(self.position(clock));
        }
    }

    /// Resumes at audio time `clock` from where it paused.
    pub fn resume(&mut self, clock: f64) {
        if let Some(at) = self.paused_at.take() {
            self.origin = clock - at;
        }
    }

    /// The last start, pause or resume took effect `seconds` later than asked (the engine got the
    /// message late): while playing the jam started later; while paused it stopped further on.
    pub fn delay(&mut self, seconds: f64) {
        if !seconds.is_finite() || seconds <= 0.0 {
            return;
        }
        match self.paused_at.as_mut() {
            Some(at) => *at += seconds,
            None => self.origin += seconds,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_transport_pauses_and_resumes_where_it_paused() {
        let mut transport = Transport::start(10.0);
        assert_eq!(transport.position(9.0), 0.0, "before the start");
        assert_eq!(transport.position(11.5), 1.5);
        transport.pause(12.0);
        assert!(transport.is_paused());
        assert_eq!(transport.position(30.0), 2.0, "time stands still while paused");
        transport.pause(31.0);
        assert_eq!(transport.position(31.0), 2.0, "pausing twice changes nothing");
        transport.resume(40.0);
        assert_eq!(transport.position(40.5), 2.5);
        transport.resume(50.0);
        assert_eq!(transport.position(50.0), 12.0, "resuming twice changes nothing");
    }

    #[test]
    fn a_late_command_moves_the_position_as_the_engine_moved() {
        let mut transport = Transport::start(10.0);
        transport.delay(0.25);
        assert_eq!(transport.position(11.0), 0.75, "started late");
        transport.pause(12.0);
        transport.delay(0.5);
        assert_eq!(transport.position(20.0), 2.25, "paused late, further on");
        transport.delay(f64::NAN);
        transport.delay(-1.0);
        assert_eq!(transport.position(20.0), 2.25);
    }
}
