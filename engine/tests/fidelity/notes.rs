//! The per-note measures of analyse.py's `analyse_signal`: onset (10 % rise out of the level just
//! before), peak, attack 10→90 %, decay to −20 dB, spectral centroid of the first 250 ms, and f0
//! (the median of YIN estimates over 30–350 ms, searched within 2.5× of the expected pitch).

use super::features::NoteFeatures;
use super::signal::{argmax, argmin, db, hanning, mtof, rfft, rfftfreq, span, Envelope};
use super::touches::Event;
use super::yin::yin_f0;
use rustfft::FftPlanner;

/// The signal and its envelopes, shared by every note's measures.
pub struct Signal<'a> {
    pub instrument: &'a str,
    pub x: &'a [f64],
    pub sr: f64,
    /// The 2 ms RMS envelope, every 0.5 ms.
    pub fine: &'a Envelope,
    /// The 10 ms RMS envelope, every 2 ms.
    pub coarse: &'a Envelope,
}

/// The measures of note `k` of `events`.
pub fn measure_note(planner: &mut FftPlanner<f64>, s: &Signal, events: &[Event], k: usize) -> NoteFeatures {
    let n = &events[k];
    let (x, sr) = (s.x, s.sr);
    let dur = x.len() as f64 / sr;
    let t0 = n.t;
    let t_next = events.get(k + 1).map_or(dur, |e| e.t);
    let w_end = t_next.min(t0 + 1.0).min(dur);
    let onset = find_onset(s.fine, t0, w_end);
    let seg_start = onset.unwrap_or(t0);
    let (i0, i1) = ((seg_start * sr) as usize, (w_end * sr) as usize);
    let seg = slice(x, i0, i1);
    let mut rec = NoteFeatures {
        t_expected: t0,
        moving: n.moving,
        dragged: n.dragged,
        midi_expected: n.midi,
        drum: n.drum.map(str::to_string),
        window_s: w_end - t0,
        onset_s: onset,
        onset_err_ms: onset.map(|o| 1000.0 * (o - t0)),
        peak_dbfs: (!seg.is_empty()).then(|| db(seg.iter().fold(0.0, |m: f64, v| m.max(v.abs())))),
        ..NoteFeatures::default()
    };
    // attack 10 -> 90 % on the 2 ms envelope
    let m = span(&s.fine.times, |t| t >= seg_start - 0.005 && t < w_end);
    if !m.is_empty() && onset.is_some() {
        let (ee, tt) = (&s.fine.values[m.clone()], &s.fine.times[m]);
        let pk = argmax(ee);
        let a10 = ee[..=pk].iter().position(|&v| v >= 0.1 * ee[pk]);
        let a90 = ee[..=pk].iter().position(|&v| v >= 0.9 * ee[pk]);
        if let (Some(a10), Some(a90)) = (a10, a90) {
            rec.attack_ms = Some(1000.0 * (tt[a90] - tt[a10]));
        }
    }
    // decay to -20 dB from the 10 ms RMS peak
    let m = span(&s.coarse.times, |t| t >= seg_start && t < w_end);
    if !m.is_empty() {
        let (ee, tt) = (&s.coarse.values[m.clone()], &s.coarse.times[m]);
        let pk = argmax(ee);
        match ee[pk..].iter().position(|&v| v < ee[pk] * 0.1) {
            Some(below) => {
                rec.decay20_s = Some(tt[pk + below] - tt[pk]);
                rec.decay20_reached = true;
            }
            None => rec.decay20_s = Some(tt[tt.len() - 1] - tt[pk]),
        }
    }
    rec.centroid_hz = centroid(planner, slice(x, i0, i1.min(i0 + (0.25 * sr) as usize)), sr);
    if let (Some(midi), false) = (n.midi, s.instrument == "drums") {
        let fexp = mtof(midi);
        if let Some(f0) = f0_median(planner, x, sr, fexp, i0, i1) {
            rec.f0_hz = Some(f0);
            rec.f0_cents = Some(1200.0 * (f0 / fexp).log2());
        }
    }
    rec
}

/// `x[i0:i1]` with Python's clamping.
fn slice(x: &[f64], i0: usize, i1: usize) -> &[f64] {
    let a = i0.min(x.len());
    &x[a..i1.min(x.len()).max(a)]
}

/// The rise out of the level just before t0: B = the minimum of the 2 ms envelope in
/// [t0 − 30 ms, t0 + 5 ms], P = its maximum in the next 250 ms; the first crossing of B + 10 % (P − B).
fn find_onset(fine: &Envelope, t0: f64, w_end: f64) -> Option<f64> {
    let (te, e) = (&fine.times, &fine.values);
    let pre = span(te, |t| t >= t0 - 0.03 && t <= t0 + 0.005);
    if pre.is_empty() {
        return None;
    }
    let jmin = pre.start + argmin(&e[pre]);
    let base = e[jmin];
    let mut post = span(te, |t| t >= te[jmin] && t < (t0 + 0.25).min(w_end));
    let peak = e[post.clone()]
        .iter()
        .fold(None, |m: Option<f64>, &v| Some(m.map_or(v, |m| m.max(v))));
    let peak = peak.unwrap_or(0.0);
    if peak <= 1.5 * base || peak <= 1e-4 {
        return None;
    }
    let thr = base + 0.1 * (peak - base);
    post.find(|&i| e[i] > thr).map(|i| te[i])
}

/// The spectral centroid (Hz, bins from 20 Hz) of the summed magnitude spectra of 2048-point Hann
/// frames every 512 samples; None for a segment under 1024 samples or silent.
fn centroid(planner: &mut FftPlanner<f64>, cseg: &[f64], sr: f64) -> Option<f64> {
    const N: usize = 2048;
    if cseg.len() < 1024 {
        return None;
    }
    let win = hanning(N);
    let mut acc = vec![0.0; N / 2 + 1];
    for start in (0..(cseg.len() as i64 - N as i64 + 1).max(1) as usize).step_by(512) {
        let fr = slice(cseg, start, start + N);
        let windowed: Vec<f64> = (0..N).map(|i| fr.get(i).copied().unwrap_or(0.0) * win[i]).collect();
        for (a, b) in acc.iter_mut().zip(rfft(planner, &windowed, N)) {
            *a += b.norm();
        }
    }
    let f = rfftfreq(N, sr);
    let band = || f.iter().zip(&acc).filter(|(f, _)| **f >= 20.0);
    let total: f64 = band().map(|(_, a)| a).sum();
    (total > 0.0).then(|| band().map(|(f, a)| f * a).sum::<f64>() / total)
}

/// The median of YIN f0 estimates over frames of 3.2 periods of the lowest searched pitch (at
/// least 2048 samples) from 30 ms to 350 ms after the segment start, hop a quarter frame.
fn f0_median(planner: &mut FftPlanner<f64>, x: &[f64], sr: f64, fexp: f64, i0: usize, i1: usize) -> Option<f64> {
    let (fmin, fmax) = (15f64.max(fexp / 2.5), (sr / 4.0).min(fexp * 2.5));
    let w = 2048f64.max(3.2 * sr / fmin) as i64;
    let (i0, i1, len) = (i0 as i64, i1 as i64, x.len() as i64);
    let a0 = i0 + (0.03 * sr) as i64;
    let a1 = i1.min(i0 + (0.35 * sr) as i64);
    let mut ests = Vec::new();
    let mut s = a0;
    while s + w <= a1.max(a0 + w) && s + w <= len {
        let fr = &x[s as usize..(s + w) as usize];
        if (fr.iter().map(|v| v * v).sum::<f64>() / w as f64).sqrt() > 1e-4 {
            ests.extend(yin_f0(planner, fr, sr, fmin, fmax));
        }
        s += 256.max(w / 4);
        if s > a1 {
            break;
        }
    }
    super::signal::median(&ests)
}
