//! Signal helpers of analyse.py, with numpy's exact conventions: the RMS envelope, dB, mtof, the
//! Hann window, FFT bin frequencies, real FFTs, medians and first-occurrence argmax/argmin.

use rustfft::num_complex::Complex;
use rustfft::FftPlanner;

/// An RMS envelope: `values[i]` is the RMS of the window centred on `times[i]` (s).
pub struct Envelope {
    pub times: Vec<f64>,
    pub values: Vec<f64>,
}

/// analyse.py `rms_env`: windows of int(win_s·sr) samples every int(hop_s·sr), from a cumulative sum.
pub fn rms_env(x: &[f64], sr: f64, win_s: f64, hop_s: f64) -> Envelope {
    let win = ((win_s * sr) as usize).max(1);
    let hop = ((hop_s * sr) as usize).max(1);
    let mut c = Vec::with_capacity(x.len() + 1);
    let mut acc = 0.0;
    c.push(acc);
    for v in x {
        acc += v * v;
        c.push(acc);
    }
    // numpy's arange(0, max(1, len - win), hop); a signal shorter than a window has none.
    let end = if x.len() >= win { (x.len() - win).max(1) } else { 0 };
    let starts = (0..end).step_by(hop);
    let values = starts
        .clone()
        .map(|s| ((c[s + win] - c[s]) / win as f64).max(0.0).sqrt())
        .collect();
    let times = starts.map(|s| (s as f64 + win as f64 / 2.0) / sr).collect();
    Envelope { times, values }
}

/// Decibels of an amplitude, floored at −200 dB.
pub fn db(v: f64) -> f64 {
    20.0 * v.max(1e-10).log10()
}

/// Hz of a MIDI note (fractional notes allowed).
pub fn mtof(m: f64) -> f64 {
    440.0 * 2f64.powf((m - 69.0) / 12.0)
}

/// numpy `hanning(m)`: the symmetric Hann window.
pub fn hanning(m: usize) -> Vec<f64> {
    match m {
        0 => Vec::new(),
        1 => vec![1.0],
        _ => (0..m)
            .map(|i| {
                let n = 1.0 - m as f64 + 2.0 * i as f64;
                0.5 + 0.5 * (std::f64::consts::PI * n / (m - 1) as f64).cos()
            })
            .collect(),
    }
}

/// numpy `rfftfreq(n, 1/sr)`: the frequency of each of the n/2 + 1 bins.
pub fn rfftfreq(n: usize, sr: f64) -> Vec<f64> {
    let val = 1.0 / (n as f64 * (1.0 / sr));
    (0..=n / 2).map(|k| k as f64 * val).collect()
}

/// numpy `rfft(x, n)`: x cut or zero-padded to n samples, its n/2 + 1 complex bins.
pub fn rfft(planner: &mut FftPlanner<f64>, x: &[f64], n: usize) -> Vec<Complex<f64>> {
    let mut buf: Vec<Complex<f64>> = (0..n)
        .map(|i| Complex::new(x.get(i).copied().unwrap_or(0.0), 0.0))
        .collect();
    planner.plan_fft_forward(n).process(&mut buf);
    buf.truncate(n / 2 + 1);
    buf
}

/// The mean, summed in order.
pub fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

/// The median (the mean of the two middle values for an even count); None when empty.
pub fn median(v: &[f64]) -> Option<f64> {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let n = s.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(s[n / 2]),
        _ => Some((s[n / 2 - 1] + s[n / 2]) / 2.0),
    }
}

/// Index of the first largest value (numpy `argmax`); 0 when empty.
pub fn argmax(v: &[f64]) -> usize {
    (0..v.len()).fold(0, |best, i| if v[i] > v[best] { i } else { best })
}

/// Index of the first smallest value (numpy `argmin`); 0 when empty.
pub fn argmin(v: &[f64]) -> usize {
    (0..v.len()).fold(0, |best, i| if v[i] < v[best] { i } else { best })
}

/// The indices of sorted `times` where `keep` holds, when those form one run (a mask of intervals
/// on increasing times, as analyse.py's are).
pub fn span(times: &[f64], keep: impl Fn(f64) -> bool) -> std::ops::Range<usize> {
    let Some(start) = times.iter().position(|&t| keep(t)) else {
        return 0..0;
    };
    let len = times[start..].iter().take_while(|&&t| keep(t)).count();
    start..start + len
}
