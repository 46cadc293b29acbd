//! When each performance was recorded, who recorded it on which instrument, and what it replies to.
//!
//! Stand-alone performances are spread over the 2.5 years before [`END`], denser towards the present;
//! some come in little sessions (the same person recording again a few minutes later). Reply chains
//! are 2–4 layers deep, each layer recorded minutes to days after the one it answers, mostly by
//! someone else on another instrument.

use std::collections::BTreeSet;

use super::performers::{self, Performer};
use super::rng::{powf, Rng};
use microjam_web::dates::{days_from_civil, format_rfc3339};
use microjam_web::instrument::Sound;

/// The data set's "now": 2026-11-20T18:00:00Z, in seconds since the Unix epoch.
pub const END: i64 = days_from_civil(2026, 11, 20) * 86_400 + 18 * 3_600;
/// Roughly two and a half years.
const SPAN: i64 = 912 * 86_400;

/// `secs` since the epoch as RFC 3339 UTC with whole seconds, e.g. "2026-11-20T14:03:27Z".
pub fn rfc3339(secs: i64) -> String {
    format_rfc3339(secs * 1000)
}

/// One performance before it gets an id and touches.
#[derive(Debug, Clone)]
pub struct Slot {
    pub secs: i64,
    pub performer: usize,
    pub instrument: &'static str,
    /// Index of the slot this one replies to.
    pub reply_to: Option<usize>,
}

/// Roughly how many stand-alone performances (sessions aside).
const SINGLES: usize = 104;
/// Lengths (in layers, root included) of the reply chains.
const CHAIN_LAYERS: [usize; 18] = [2, 3, 2, 4, 3, 2, 3, 4, 2, 3, 3, 2, 4, 2, 3, 2, 3, 4];

struct Schedule {
    rng: Rng,
    slots: Vec<Slot>,
    taken: BTreeSet<i64>,
}

/// Every performance of the data set, in no particular order.
pub fn schedule(rng: Rng) -> Vec<Slot> {
    let mut s = Schedule {
        rng,
        slots: Vec::new(),
        taken: BTreeSet::new(),
    };
    // Stand-alone performances are dealt in proportion to activity (a plain weighted draw per
    // performance made the counts swing wildly), then shuffled.
    let total: f64 = performers::ALL.iter().map(|p| p.activity).sum();
    let mut deck: Vec<usize> = (0..performers::ALL.len())
        .flat_map(|i| {
            std::iter::repeat_n(
                i,
                (performers::ALL[i].activity / total * SINGLES as f64).round() as usize,
            )
        })
        .collect();
    s.rng.shuffle(&mut deck);
    for performer in deck {
        let mut secs = s.root_secs(1_800);
        let takes = if s.rng.chance(0.2) { s.rng.int(2, 3) } else { 1 };
        for _ in 0..takes {
            let instrument = s.instrument(performer, None);
            s.push(secs, performer, instrument, None);
            secs = s.slots.last().map_or(secs, |slot| slot.secs) + s.rng.int(70, 900);
        }
    }
    for layers in CHAIN_LAYERS {
        s.chain(layers);
    }
    s.slots
}

impl Schedule {
    /// A root time, at least `room` seconds (plus a little) before [`END`]; recent times likelier.
    fn root_secs(&mut self, room: i64) -> i64 {
        let age = (powf(1.0 - self.rng.unit(), 1.8) * SPAN as f64) as i64;
        let latest = END - room - self.rng.int(300, 5_400);
        (END - age).min(latest)
    }

    fn performer(&mut self, not: Option<usize>) -> usize {
        let weights: Vec<f64> = performers::ALL
            .iter()
            .enumerate()
            .map(|(i, p)| if Some(i) == not { 0.0 } else { p.activity })
            .collect();
        self.rng.weighted(&weights)
    }

    /// Mostly a favourite; a reply usually avoids the instrument of the layer it answers.
    fn instrument(&mut self, performer: usize, avoid: Option<&str>) -> &'static str {
        let p: &Performer = &performers::ALL[performer];
        let mut choice = "";
        for _ in 0..4 {
            choice = if self.rng.chance(0.72) {
                *self.rng.pick(p.favourites)
            } else {
                *self.rng.pick(&Sound::ALL.map(Sound::name))
            };
            if Some(choice) != avoid || self.rng.chance(0.1) {
                break;
            }
        }
        choice
    }

    /// Adds a slot at `secs` or the first free second after it (feed times never tie).
    fn push(&mut self, secs: i64, performer: usize, instrument: &'static str, reply_to: Option<usize>) -> usize {
        let mut secs = secs;
        while !self.taken.insert(secs) {
            secs += 1;
        }
        self.slots.push(Slot {
            secs,
            performer,
            instrument,
            reply_to,
        });
        self.slots.len() - 1
    }

    /// A root and `layers - 1` replies, each answering the previous one; sometimes a second reply
    /// to the root too (a small fork, no deeper than the chain).
    fn chain(&mut self, layers: usize) {
        let delays: Vec<i64> = (1..layers)
            .map(|_| self.rng.log_range(180.0, 4.0 * 86_400.0) as i64)
            .collect();
        let fork = self.rng.chance(0.2).then(|| self.rng.log_range(600.0, 86_400.0) as i64);
        let root_secs = self.root_secs(delays.iter().sum::<i64>().max(fork.unwrap_or(0)));
        let performer = self.performer(None);
        let instrument = self.instrument(performer, None);
        let root = self.push(root_secs, performer, instrument, None);
        let mut parent = root;
        for delay in delays {
            self.reply(parent, delay);
            parent = self.slots.len() - 1;
        }
        if let Some(delay) = fork {
            self.reply(root, delay);
        }
    }

    fn reply(&mut self, parent: usize, delay: i64) {
        let Slot {
            secs,
            performer,
            instrument,
            ..
        } = self.slots[parent].clone();
        let who = if self.rng.chance(0.9) {
            self.performer(Some(performer))
        } else {
            performer
        };
        let what = self.instrument(who, Some(instrument));
        self.push(secs + delay, who, what, Some(parent));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_format_as_rfc3339_utc() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(END), "2026-11-20T18:00:00Z");
        assert_eq!(
            rfc3339(days_from_civil(2024, 2, 29) * 86_400 + 3_723),
            "2024-02-29T01:02:03Z"
        );
        assert_eq!(
            rfc3339(days_from_civil(2025, 12, 31) * 86_400 + 86_399),
            "2025-12-31T23:59:59Z"
        );
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }
}
