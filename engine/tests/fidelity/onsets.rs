//! analyse.py `detect_onsets`: attacks found in a whole signal, blind to the touches. A spectral
//! flux on a 40-band mel spectrogram in dB (2048-point frames, 5 ms hop, 60 dB floor below the
//! loudest band value): the mean over bands of the positive change over 10 ms. A frame is an attack
//! if it is the largest within ±30 ms, exceeds the mean of −50..+30 ms by 1.5 dB, its level is
//! within 45 dB of the loudest frame's, and the previous attack is at least 70 ms earlier.

use super::signal::{hanning, rfft, rfftfreq};
use rustfft::FftPlanner;

/// A triangular mel band: its weights from bin `first` on (zero elsewhere).
pub struct Band {
    pub first: usize,
    pub weights: Vec<f64>,
}

/// analyse.py `mel_filterbank(sr, n_fft)`: 40 triangles, 60 Hz to min(11 kHz, 0.45·sr), mel-spaced.
pub fn mel_filterbank(sr: f64, n_fft: usize) -> Vec<Band> {
    const N_MELS: usize = 40;
    let f = rfftfreq(n_fft, sr);
    let mel = |hz: f64| 2595.0 * (1.0 + hz / 700.0).log10();
    let hz = |m: f64| 700.0 * (10f64.powf(m / 2595.0) - 1.0);
    let (start, stop) = (mel(60.0), mel(11000f64.min(0.45 * sr)));
    let step = (stop - start) / (N_MELS + 1) as f64;
    let pts: Vec<f64> = (0..N_MELS + 2)
        .map(|i| hz(if i == N_MELS + 1 { stop } else { i as f64 * step + start }))
        .collect();
    (0..N_MELS)
        .map(|i| {
            let (lo, c, hi) = (pts[i], pts[i + 1], pts[i + 2]);
            let w: Vec<f64> = f
                .iter()
                .map(|&b| ((b - lo) / (c - lo)).min((hi - b) / (hi - c)).max(0.0))
                .collect();
            let first = w.iter().position(|&v| v > 0.0).unwrap_or(0);
            let last = w.iter().rposition(|&v| v > 0.0).map_or(first, |l| l + 1);
            Band {
                first,
                weights: w[first..last].to_vec(),
            }
        })
        .collect()
}

/// Attack times (s) in `x`, as analyse.py's `detect_onsets` with its default parameters.
pub fn detect_onsets(planner: &mut FftPlanner<f64>, x: &[f64], sr: f64) -> Vec<f64> {
    const HOP_S: f64 = 0.005;
    const FLOOR_DB: f64 = 60.0;
    const LAG: usize = 2;
    const DELTA_DB: f64 = 1.5;
    const GATE_DB: f64 = 45.0;
    let frames_of = |s: f64| (s / HOP_S).round_ties_even() as usize;
    let (a, c, d, w) = (frames_of(0.03), frames_of(0.05), frames_of(0.03), frames_of(0.07));
    let hop = ((HOP_S * sr).round_ties_even() as usize).max(1);
    let n_fft = 1usize << ((2048.0 / 44100.0 * sr).log2().round_ties_even() as u32);
    if x.len() < n_fft {
        return Vec::new();
    }
    let win = hanning(n_fft);
    let mut xp = vec![0.0; n_fft / 2];
    xp.extend_from_slice(x);
    xp.extend(std::iter::repeat_n(0.0, n_fft / 2));
    let nfr = 1 + (xp.len() - n_fft) / hop;
    let fb = mel_filterbank(sr, n_fft);
    let mut frame = vec![0.0; n_fft];
    let m: Vec<Vec<f64>> = (0..nfr)
        .map(|s| {
            for (k, v) in frame.iter_mut().enumerate() {
                *v = xp[s * hop + k] * win[k];
            }
            let power: Vec<f64> = rfft(planner, &frame, n_fft).iter().map(|b| b.norm().powi(2)).collect();
            fb.iter()
                .map(|b| b.weights.iter().zip(&power[b.first..]).map(|(w, p)| w * p).sum())
                .collect()
        })
        .collect();
    let m_max = m.iter().flatten().fold(f64::NEG_INFINITY, |acc, &v| acc.max(v));
    if m_max <= 0.0 {
        return Vec::new();
    }
    let floor = m_max * 10f64.powf(-FLOOR_DB / 10.0);
    let level: Vec<Vec<f64>> = m
        .iter()
        .map(|r| r.iter().map(|&v| 10.0 * v.max(floor).log10()).collect())
        .collect();
    let energy: Vec<f64> = m
        .iter()
        .map(|r| 10.0 * (r.iter().sum::<f64>() + 1e-30).log10())
        .collect();
    let mut flux = vec![0.0; nfr];
    for n in LAG..nfr {
        let rise: f64 = level[n]
            .iter()
            .zip(&level[n - LAG])
            .map(|(now, then)| (now - then).max(0.0))
            .sum();
        flux[n] = rise / level[n].len() as f64;
    }
    let gate = energy.iter().fold(f64::NEG_INFINITY, |acc, &v| acc.max(v)) - GATE_DB;
    let mut out = Vec::new();
    let mut last: Option<usize> = None;
    for n in (0..nfr).filter(|&n| flux[n] > 0.0) {
        let around = &flux[n.saturating_sub(a)..(n + a + 1).min(nfr)];
        if flux[n] < around.iter().fold(f64::NEG_INFINITY, |acc, &v| acc.max(v)) {
            continue;
        }
        let context = &flux[n.saturating_sub(c)..(n + d + 1).min(nfr)];
        if flux[n] < context.iter().sum::<f64>() / context.len() as f64 + DELTA_DB {
            continue;
        }
        if energy[n] < gate || last.is_some_and(|l| n - l < w) {
            continue;
        }
        out.push((n * hop) as f64 / sr);
        last = Some(n);
    }
    out
}
