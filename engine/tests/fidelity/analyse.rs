//! analyse.py `analyse_signal`, ported: the features of a mono render (sample 0 = performance time
//! 0) for the touches that made it: per expected note (see `notes`), the overall levels, and the
//! attacks found blind (see `onsets`).

use super::features::{Features, Overall};
use super::notes::{measure_note, Signal};
use super::onsets::detect_onsets;
use super::signal::{db, rfft, rfftfreq, rms_env};
use super::touches::{expected_events, CsvTouch};
use rustfft::FftPlanner;

/// The features of mono signal `x` (−1..1) at `sr` Hz, played by `instrument` from `touches`.
pub fn analyse_signal(instrument: &str, touches: &[CsvTouch], x: &[f64], sr: f64) -> Features {
    let mut planner = FftPlanner::new();
    let events = expected_events(instrument, touches);
    let fine = rms_env(x, sr, 0.002, 0.0005);
    let coarse = rms_env(x, sr, 0.010, 0.002);
    let signal = Signal {
        instrument,
        x,
        sr,
        fine: &fine,
        coarse: &coarse,
    };
    let notes = (0..events.len())
        .map(|k| measure_note(&mut planner, &signal, &events, k))
        .collect();
    let onsets = detect_onsets(&mut planner, x, sr);
    Features {
        instrument: instrument.to_string(),
        sr,
        expected_note_ons: events.len(),
        note_count: onsets.len(),
        onsets,
        overall: overall_levels(&mut planner, x, sr),
        notes,
    }
}

/// RMS, active RMS (50 ms frames above −60 dBFS), peak, and the share of energy below 60 Hz.
fn overall_levels(planner: &mut FftPlanner<f64>, x: &[f64], sr: f64) -> Overall {
    let fr = (0.05 * sr) as usize;
    let rms = |v: &[f64]| (v.iter().map(|s| s * s).sum::<f64>() / v.len() as f64).sqrt();
    let active: Vec<f64> = x
        .chunks_exact(fr)
        .map(rms)
        .filter(|&r| r > 10f64.powf(-60.0 / 20.0))
        .collect();
    let power: Vec<f64> = rfft(planner, x, x.len()).iter().map(|b| b.norm().powi(2)).collect();
    let low: f64 = rfftfreq(x.len(), sr)
        .iter()
        .zip(&power)
        .filter(|(f, _)| **f < 60.0)
        .map(|(_, p)| p)
        .sum();
    let total: f64 = power.iter().sum();
    Overall {
        rms_dbfs: Some(db(rms(x))),
        active_rms_dbfs: (!active.is_empty()).then(|| db(rms(&active))),
        active_s: Some(active.len() as f64 * 0.05),
        peak_dbfs: Some(db(x.iter().fold(0.0, |m: f64, v| m.max(v.abs())))),
        below60hz_energy_share: Some(low / total.max(1e-20)),
        duration_s: Some(x.len() as f64 / sr),
    }
}
