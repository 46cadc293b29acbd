//! The look-ahead scheduler: every ~25 ms the player asks which notes start within the next ~100 ms
//! and hands them to the audio clock with exact start times, so timing never depends on when a timer
//! fires. Pausing and resuming keep the position, resuming notes that were sounding part-way.

/// How far ahead notes are handed to the audio clock (s).
pub const LOOKAHEAD: f64 = 0.1;
/// How often the player tops the schedule up (ms).
pub const TICK_MS: i32 = 25;

/// A note to start: at jam time `at`, `offset` seconds into its sound.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Due {
    pub index: usize,
    pub at: f64,
    pub offset: f64,
}

/// Hands out notes (by index into the jam's note list) in start order, each exactly once per pass.
#[derive(Debug, Clone)]
pub struct Scheduler {
    /// (start time, note index), sorted by start.
    order: Vec<(f64, usize)>,
    next: usize,
}

impl Scheduler {
    /// `starts[i]` is note i's start in jam time (s); any order, non-finite starts are never due.
    pub fn new(starts: &[f64]) -> Self {
        let mut order: Vec<(f64, usize)> = starts
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, s)| s.is_finite())
            .map(|(i, s)| (s.max(0.0), i))
            .collect();
        order.sort_by(|a, b| a.0.total_cmp(&b.0));
        Scheduler { order, next: 0 }
    }

    /// The notes starting before `now + lookahead` not handed out yet. One whose start has already
    /// passed (a late tick) starts at `now`, part-way in, so it stays in time with the rest.
    pub fn due(&mut self, now: f64, lookahead: f64) -> Vec<Due> {
        let horizon = now + lookahead;
        let mut due = Vec::new();
        while let Some(&(start, index)) = self.order.get(self.next) {
            if start >= horizon {
                break;
            }
            let offset = (now - start).max(0.0);
            due.push(Due {
                index,
                at: start.max(now),
                offset,
            });
            self.next += 1;
        }
        due
    }

    /// Moves to `position` (resuming after a pause, or starting over at 0). Returns the notes that
    /// started before it and are still sounding then (`length(i)` is note i's sound length, if
    /// known), to be resumed part-way; later notes will come due as usual.
    pub fn seek(&mut self, position: f64, length: impl Fn(usize) -> Option<f64>) -> Vec<Due> {
        self.next = self.order.partition_point(|&(start, _)| start < position);
        self.order[..self.next]
            .iter()
            .filter(|&&(start, index)| length(index).is_some_and(|l| start + l > position))
            .map(|&(start, index)| Due {
                index,
                at: position,
                offset: position - start,
            })
            .collect()
    }

    pub fn is_done(&self) -> bool {
        self.next >= self.order.len()
    }
}

/// Where a jam is in time, against the audio clock: playing from an origin, or paused at a position.
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

    /// The audio time at which jam time `at` happens (while playing).
    pub fn clock_at(&self, at: f64) -> f64 {
        self.origin + at
    }

    pub fn is_paused(&self) -> bool {
        self.paused_at.is_some()
    }

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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_note_comes_due_exactly_once_across_windows() {
        let starts: Vec<f64> = (0..500).map(|i| ((i * 7919) % 5000) as f64 / 1000.0).collect();
        let mut scheduler = Scheduler::new(&starts);
        let mut seen = vec![0; starts.len()];
        let mut now = 0.0;
        let mut tick = 0;
        while !scheduler.is_done() {
            for due in scheduler.due(now, LOOKAHEAD) {
                seen[due.index] += 1;
                assert!(starts[due.index] < now + LOOKAHEAD);
                assert_eq!(due.at, starts[due.index].max(now));
            }
            // Ticks jitter between 15 and 45 ms.
            tick += 1;
            now += 0.015 + ((tick * 37) % 31) as f64 / 1000.0;
        }
        assert!(
            seen.iter().all(|&n| n == 1),
            "lost or doubled: {:?}",
            seen.iter().filter(|&&n| n != 1).count()
        );
    }

    #[test]
    fn a_late_tick_starts_passed_notes_part_way_in() {
        let mut scheduler = Scheduler::new(&[0.0, 0.05, 0.5]);
        let due = scheduler.due(0.2, LOOKAHEAD);
        assert_eq!(due.len(), 2);
        assert_eq!(
            due[0],
            Due {
                index: 0,
                at: 0.2,
                offset: 0.2
            }
        );
        assert!((due[1].offset - 0.15).abs() < 1e-12);
        assert!(scheduler.due(0.21, LOOKAHEAD).is_empty());
        assert_eq!(
            scheduler.due(0.45, LOOKAHEAD),
            [Due {
                index: 2,
                at: 0.5,
                offset: 0.0
            }]
        );
        assert!(scheduler.is_done());
    }

    #[test]
    fn seeking_resumes_sounding_notes_and_skips_finished_ones() {
        let mut scheduler = Scheduler::new(&[0.0, 1.0, 1.5, 3.0]);
        scheduler.due(2.0, LOOKAHEAD);
        let lengths = [0.5, 1.0, 0.3, 0.3];
        let resumed = scheduler.seek(1.8, |i| Some(lengths[i]));
        assert_eq!(resumed.len(), 1, "{resumed:?}");
        assert_eq!(resumed[0].index, 1);
        assert!((resumed[0].offset - 0.8).abs() < 1e-12 && resumed[0].at == 1.8);
        assert_eq!(
            scheduler
                .due(2.95, LOOKAHEAD)
                .iter()
                .map(|d| d.index)
                .collect::<Vec<_>>(),
            [3]
        );
        assert!(scheduler.seek(0.0, |_| None).is_empty());
        assert_eq!(scheduler.due(0.0, LOOKAHEAD).len(), 1, "starting over");
    }

    #[test]
    fn non_finite_starts_are_never_due_and_negative_ones_start_at_zero() {
        let mut scheduler = Scheduler::new(&[f64::NAN, -1.0, f64::INFINITY]);
        assert_eq!(
            scheduler.due(0.0, LOOKAHEAD),
            [Due {
                index: 1,
                at: 0.0,
                offset: 0.0
            }]
        );
        assert!(scheduler.is_done());
    }

    #[test]
    fn the_transport_pauses_and_resumes_where_it_paused() {
        let mut transport = Transport::start(10.0);
        assert_eq!(transport.position(11.5), 1.5);
        assert_eq!(transport.clock_at(2.0), 12.0);
        transport.pause(12.0);
        assert!(transport.is_paused());
        assert_eq!(transport.position(30.0), 2.0, "time stands still while paused");
        transport.resume(40.0);
        assert_eq!(transport.position(40.5), 2.5);
        assert_eq!(transport.clock_at(3.0), 41.0);
        transport.resume(50.0);
        assert_eq!(transport.position(50.0), 12.0, "resuming twice changes nothing");
    }
}
