//! analyse.py `yin_f0`: the YIN pitch estimate of one frame (cumulative-mean-normalised difference,
//! absolute threshold 0.15, parabolic refinement), the difference function from an FFT
//! cross-correlation as numpy computes it.

use rustfft::num_complex::Complex;
use rustfft::FftPlanner;

/// f0 (Hz) of `frame`, searched for between `fmin` and `fmax`; None when the frame has no clear
/// period (the best normalised difference is above 0.6) or the search range is empty.
pub fn yin_f0(planner: &mut FftPlanner<f64>, frame: &[f64], sr: f64, fmin: f64, fmax: f64) -> Option<f64> {
    const THRESH: f64 = 0.15;
    let w = frame.len();
    let tmin = ((sr / fmax) as usize).max(2);
    let tmax = ((sr / fmin) as usize + 1).min(w / 2);
    if tmax <= tmin + 2 {
        return None;
    }
    let m = frame.iter().sum::<f64>() / w as f64;
    let x: Vec<f64> = frame.iter().map(|v| v - m).collect();
    let n = w - tmax;
    // d(tau) = sum_{j<n} (x_j - x_{j+tau})^2 = e0 + e_tau - 2 r(tau)
    let mut c = vec![0.0; w + 1];
    for (i, v) in x.iter().enumerate() {
        c[i + 1] = c[i] + v * v;
    }
    let e0 = c[n];
    let nfft = 1usize << (usize::BITS - (w + n).leading_zeros());
    let r = cross_correlation(planner, &x, n, nfft);
    let mut d: Vec<f64> = (0..=tmax)
        .map(|t| (e0 + (c[t + n] - c[t]) - 2.0 * r[t]).max(0.0))
        .collect();
    d[0] = 0.0;
    let mut cm = vec![1.0; tmax + 1];
    let mut cs = 0.0;
    for t in 1..=tmax {
        cs += d[t];
        cm[t] = d[t] * t as f64 / cs.max(1e-20);
    }
    let mut tau = (tmin..tmax).find(|&t| cm[t] < THRESH && cm[t] <= cm[t + 1]);
    if tau.is_none() {
        let best = tmin + super::signal::argmin(&cm[tmin..tmax]);
        if cm[best] > 0.6 {
            return None;
        }
        tau = Some(best);
    }
    let tau = tau?;
    let (a, b, cc) = (cm[tau - 1], cm[tau], cm[tau + 1]);
    let den = a - 2.0 * b + cc;
    let off = if den.abs() > 1e-12 { 0.5 * (a - cc) / den } else { 0.0 };
    Some(sr / (tau as f64 + off.clamp(-1.0, 1.0)))
}

/// numpy's `irfft(rfft(x, nfft) * conj(rfft(x[:n], nfft)), nfft)`: r(tau) = sum_{j<n} x_{j+tau} x_j
/// for every tau < nfft, both spectra from one complex FFT of x + i·x[:n].
fn cross_correlation(planner: &mut FftPlanner<f64>, x: &[f64], n: usize, nfft: usize) -> Vec<f64> {
    let mut z: Vec<Complex<f64>> = (0..nfft)
        .map(|j| Complex::new(x.get(j).copied().unwrap_or(0.0), if j < n { x[j] } else { 0.0 }))
        .collect();
    planner.plan_fft_forward(nfft).process(&mut z);
    let mut p: Vec<Complex<f64>> = (0..nfft)
        .map(|k| {
            let zk = z[k];
            let zc = z[(nfft - k) % nfft].conj();
            let xs = (zk + zc) * 0.5;
            let ys = (zk - zc) * Complex::new(0.0, -0.5);
            xs * ys.conj()
        })
        .collect();
    planner.plan_fft_inverse(nfft).process(&mut p);
    p.iter().map(|v| v.re / nfft as f64).collect()
}
