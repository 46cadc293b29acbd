//! Checks the Rust port of the reference kit's analyse.py (`tests/fidelity/`) against analyse.py
//! itself, on one render: a developer tool, run by `scripts/validate-fidelity-port.sh`.
//!
//! usage: fidelity_port_check INSTRUMENT TOUCHES.csv RENDER.wav ANALYSE_PY.json
//!
//! Prints the largest Rust − Python differences and exits 1 when one is beyond the agreement the
//! port promises: note counts equal, onsets within 1 ms, f0 within 1 cent, levels within 0.1 dB,
//! centroid and decay within 1 %.

#[path = "../tests/fidelity/mod.rs"]
mod fidelity;

use fidelity::analyse::analyse_signal;
use fidelity::features::Features;
use fidelity::touches::parse_touches;
use fidelity::wav::read_wav;
use std::process::ExitCode;

/// The largest difference seen for one measure, and where.
struct Worst {
    name: &'static str,
    unit: &'static str,
    limit: f64,
    value: f64,
    at: String,
    /// Notes where only one side has a value.
    missing: usize,
}

impl Worst {
    fn new(name: &'static str, unit: &'static str, limit: f64) -> Worst {
        Worst {
            name,
            unit,
            limit,
            value: 0.0,
            at: String::new(),
            missing: 0,
        }
    }

    /// Records a difference `d(rust, python)` of two optional values.
    fn see(&mut self, rust: Option<f64>, python: Option<f64>, at: &str, d: impl Fn(f64, f64) -> f64) {
        match (rust, python) {
            (Some(r), Some(p)) => {
                let v = d(r, p).abs();
                if v > self.value || v.is_nan() {
                    self.value = v;
                    self.at = at.to_string();
                }
            }
            (None, None) => {}
            _ => self.missing += 1,
        }
    }

    fn ok(&self) -> bool {
        self.value <= self.limit && self.missing == 0
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [instrument, csv, wav, json] = &args[..] else {
        eprintln!("usage: fidelity_port_check INSTRUMENT TOUCHES.csv RENDER.wav ANALYSE_PY.json");
        return ExitCode::from(2);
    };
    let read = |p: &str| std::fs::read(p).unwrap_or_else(|e| panic!("{p}: {e}"));
    let touches = parse_touches(&String::from_utf8_lossy(&read(csv)));
    let (x, sr) = read_wav(&read(wav)).expect("a WAV file");
    let python = Features::from_json(&String::from_utf8_lossy(&read(json))).expect("analyse.py's JSON");
    let rust = analyse_signal(instrument, &touches, &x, sr);

    let cents = |r: f64, p: f64| 1200.0 * (r / p).log2();
    let percent = |r: f64, p: f64| if r == p { 0.0 } else { 100.0 * (r / p - 1.0) };
    let diff = |r: f64, p: f64| r - p;
    let ms = |r: f64, p: f64| 1000.0 * (r - p);
    let mut w = [
        Worst::new("onset", "ms", 1.0),
        Worst::new("f0", "cents", 1.0),
        Worst::new("peak", "dB", 0.1),
        Worst::new("attack", "ms", 1.0),
        Worst::new("decay20", "%", 1.0),
        Worst::new("centroid", "%", 1.0),
        Worst::new("levels", "dB", 0.1),
        Worst::new("below60", "%", 1.0),
        Worst::new("blind onsets", "ms", 1.0),
    ];
    let mut structure = Vec::new();
    if rust.notes.len() != python.notes.len() {
        structure.push(format!("{} notes vs {}", rust.notes.len(), python.notes.len()));
    }
    for (r, p) in rust.notes.iter().zip(&python.notes) {
        let at = format!("note at {:.3} s", p.t_expected);
        if (r.dragged, r.midi_expected, r.decay20_reached) != (p.dragged, p.midi_expected, p.decay20_reached)
            || (r.window_s - p.window_s).abs() > 1e-9
        {
            structure.push(format!(
                "{at}: (dragged, midi, decay20_reached, window) {:?} vs {:?}",
                (r.dragged, r.midi_expected, r.decay20_reached, r.window_s),
                (p.dragged, p.midi_expected, p.decay20_reached, p.window_s)
            ));
        }
        w[0].see(r.onset_s, p.onset_s, &at, ms);
        w[1].see(r.f0_hz, p.f0_hz, &at, cents);
        w[2].see(r.peak_dbfs, p.peak_dbfs, &at, diff);
        w[3].see(r.attack_ms, p.attack_ms, &at, diff);
        w[4].see(r.decay20_s, p.decay20_s, &at, percent);
        w[5].see(r.centroid_hz, p.centroid_hz, &at, percent);
    }
    let (ro, po) = (&rust.overall, &python.overall);
    w[6].see(ro.rms_dbfs, po.rms_dbfs, "rms", diff);
    w[6].see(ro.active_rms_dbfs, po.active_rms_dbfs, "active rms", diff);
    w[6].see(ro.peak_dbfs, po.peak_dbfs, "peak", diff);
    w[7].see(ro.below60hz_energy_share, po.below60hz_energy_share, "overall", percent);
    if rust.note_count != python.note_count {
        structure.push(format!("note_count {} vs {}", rust.note_count, python.note_count));
    } else {
        for (r, p) in rust.onsets.iter().zip(&python.onsets) {
            w[8].see(Some(*r), Some(*p), &format!("attack at {p:.3} s"), ms);
        }
    }
    let ok = structure.is_empty() && w.iter().all(Worst::ok);
    let figures: Vec<String> = w
        .iter()
        .map(|w| {
            let missing = if w.missing > 0 {
                format!(" ({} one-sided)", w.missing)
            } else {
                String::new()
            };
            let flag = if w.ok() { "" } else { " !" };
            format!("{} {:.1e} {}{missing}{flag}", w.name, w.value, w.unit)
        })
        .collect();
    println!(
        "{instrument} {csv}: notes {}, note_count {}/{}: {} -> {}",
        rust.notes.len(),
        rust.note_count,
        python.note_count,
        figures.join(", "),
        if ok { "ok" } else { "MISMATCH" }
    );
    for s in &structure {
        println!("  {s}");
    }
    for w in w.iter().filter(|w| !w.ok()) {
        println!("  worst {}: {:.4} {} at {}", w.name, w.value, w.unit, w.at);
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
