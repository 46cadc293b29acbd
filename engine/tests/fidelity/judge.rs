//! compare.py `judge` and `table`, ported: does a candidate sound like the app? Pooled per
//! instrument over its files (medians), every criterion it has data for must hold:
//!
//! | criterion | threshold |
//! |---|---|
//! | f0 of isolated taps | within 10 cents (20 for strings, leadguitar); ≤ 20 % of taps > 600 cents off; not wub |
//! | onset | within 10 ms (chirp, keys, drums, fmlead) or 25 ms (the slow attacks) |
//! | decay to −20 dB, centroid of the first 250 ms | ratio 0.7–1.4 |
//! | note peak / active RMS level | ±4 dB / ±3 dB |
//! | attacks found blind, summed over the files | within ±25 % (or ±2) of the reference's |
//!
//! f0, decay, centroid and peak use isolated taps only (no drag within 300 ms, next note ≥ 0.45 s on).

use super::features::Features;
use super::signal::median;

/// Instruments with fast attacks: onsets within 10 ms (the others 25 ms).
const FAST: [&str; 4] = ["chirp", "keys", "drums", "fmlead"];
/// Instruments whose Pd loop runs flat: f0 within 20 cents (the others 10).
const WIDE_F0: [&str; 2] = ["strings", "leadguitar"];

/// One file's reference and candidate features, for the same touches.
pub struct Pair<'a> {
    pub instrument: &'a str,
    pub reference: &'a Features,
    pub candidate: &'a Features,
}

/// One instrument's pooled figures and what failed (empty: it sounds like the app).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    pub instrument: String,
    pub files: usize,
    pub f0_cents: Option<f64>,
    pub onset_ms: Option<f64>,
    pub decay_ratio: Option<f64>,
    pub centroid_ratio: Option<f64>,
    pub peak_db: Option<f64>,
    pub level_db: Option<f64>,
    /// "candidate/reference" attacks found blind.
    pub notes: String,
    pub notes_rel: f64,
    pub fails: Vec<String>,
}

/// The judgement of all instruments, in order of first appearance.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub ok: bool,
    pub figure: String,
    pub rows: Vec<Row>,
}

/// Whether a number is set and non-zero (Python truthiness).
fn truthy(v: Option<f64>) -> bool {
    v.is_some_and(|v| v != 0.0)
}

/// compare.py `judge` without alignment.
pub fn judge(pairs: &[Pair]) -> Verdict {
    let mut order: Vec<&str> = Vec::new();
    for p in pairs {
        if !order.contains(&p.instrument) {
            order.push(p.instrument);
        }
    }
    let rows: Vec<Row> = order
        .iter()
        .map(|&instr| judge_instrument(instr, pairs.iter().filter(|p| p.instrument == instr)))
        .collect();
    let fails: Vec<String> = rows
        .iter()
        .filter(|r| !r.fails.is_empty())
        .map(|r| format!("{} ({})", r.instrument, r.fails.join(", ")))
        .collect();
    let mut figure = format!(
        "{}/{} instruments sound like the app",
        rows.len() - fails.len(),
        rows.len()
    );
    if !fails.is_empty() {
        figure += &format!("; off: {}", fails.join("; "));
    }
    Verdict {
        ok: fails.is_empty(),
        figure,
        rows,
    }
}

fn judge_instrument<'a>(instr: &str, pairs: impl Iterator<Item = &'a Pair<'a>>) -> Row {
    let (mut df0, mut don, mut rdec, mut rcen, mut dpk, mut dloud) = (vec![], vec![], vec![], vec![], vec![], vec![]);
    let (mut files, mut na, mut nb) = (0, 0, 0);
    for p in pairs {
        let (a, b) = (p.reference, p.candidate);
        files += 1;
        if let (Some(la), Some(lb)) = (a.overall.active_rms_dbfs, b.overall.active_rms_dbfs) {
            dloud.push(lb - la);
        }
        na += a.note_count;
        nb += b.note_count;
        for (x, y) in a.notes.iter().zip(&b.notes) {
            if let (Some(oa), Some(ob)) = (x.onset_s, y.onset_s) {
                don.push((1000.0 * (ob - oa)).abs());
            }
            if x.dragged || x.window_s < 0.45 {
                continue;
            }
            if let (Some(ca), Some(cb), false) = (x.f0_cents, y.f0_cents, instr == "wub") {
                df0.push(cb - ca);
            }
            if let (Some(da), Some(db), true) = (x.decay20_s, y.decay20_s, x.decay20_reached && y.decay20_reached) {
                if da > 0.0 {
                    rdec.push(db / da);
                }
            }
            if let (Some(ca), Some(cb), true) = (
                x.centroid_hz,
                y.centroid_hz,
                truthy(x.centroid_hz) && truthy(y.centroid_hz),
            ) {
                rcen.push(cb / ca);
            }
            if let (Some(pa), Some(pb), true) = (x.peak_dbfs, y.peak_dbfs, truthy(x.onset_s) && truthy(y.onset_s)) {
                dpk.push(pb - pa);
            }
        }
    }
    let mut r = Row {
        instrument: instr.to_string(),
        files,
        ..Row::default()
    };
    let mut bad = Vec::new();
    if !df0.is_empty() {
        let cents = median(&df0.iter().map(|v| v.abs()).collect::<Vec<_>>()).unwrap_or(0.0);
        let octave = df0.iter().filter(|v| v.abs() > 600.0).count() as f64 > 0.2 * df0.len() as f64;
        let limit = if WIDE_F0.contains(&instr) { 20.0 } else { 10.0 };
        if octave || cents > limit {
            bad.push(format!(
                "f0 {cents:.0} c{}",
                if octave { ", octave errors" } else { "" }
            ));
        }
        r.f0_cents = Some(cents);
    }
    r.onset_ms = median(&don);
    if let Some(ms) = r.onset_ms {
        if ms > if FAST.contains(&instr) { 10.0 } else { 25.0 } {
            bad.push(format!("onset {ms:.0} ms"));
        }
    }
    r.decay_ratio = median(&rdec);
    r.centroid_ratio = median(&rcen);
    for (ratio, name) in [(r.decay_ratio, "decay"), (r.centroid_ratio, "centroid")] {
        if let Some(v) = ratio.filter(|v| !(0.7..=1.4).contains(v)) {
            bad.push(format!("{name} x{v:.2}"));
        }
    }
    r.peak_db = median(&dpk);
    if let Some(v) = r.peak_db.filter(|v| v.abs() > 4.0) {
        bad.push(format!("peak {v:+.1} dB"));
    }
    r.level_db = median(&dloud);
    if let Some(v) = r.level_db.filter(|v| v.abs() > 3.0) {
        bad.push(format!("level {v:+.1} dB"));
    }
    r.notes = format!("{nb}/{na}");
    r.notes_rel = (nb as f64 - na as f64) / na.max(1) as f64;
    if (nb as f64 - na as f64).abs() > (0.25 * na as f64).max(2.0) {
        bad.push(format!("notes {nb} vs {na}"));
    }
    r.fails = bad;
    r
}

/// A value as compare.py prints it: rounded to 3 decimals, or "–" when missing.
fn cell(v: Option<f64>) -> String {
    v.map_or("–".to_string(), |v| {
        let s = format!("{}", (v * 1000.0).round() / 1000.0 + 0.0); // + 0.0: no "-0"
        if s.contains('.') || s.contains('e') || s.contains("inf") || s.contains("NaN") {
            s
        } else {
            s + ".0"
        }
    })
}

/// The header of the table.
pub fn table_header() -> String {
    let cols = "files | f0_cents | onset_ms | decay_ratio | centroid_ratio | peak_db | level_db | notes";
    format!("| instrument | {cols} | verdict |\n|{}", "---|".repeat(10))
}

/// One instrument's line of the table.
pub fn table_row(r: &Row) -> String {
    let cells = [
        r.f0_cents,
        r.onset_ms,
        r.decay_ratio,
        r.centroid_ratio,
        r.peak_db,
        r.level_db,
    ]
    .map(cell);
    let verdict = if r.fails.is_empty() {
        "ok".to_string()
    } else {
        r.fails.join(", ")
    };
    format!(
        "| {} | {} | {} | {} | {} |",
        r.instrument,
        r.files,
        cells.join(" | "),
        r.notes,
        verdict
    )
}

/// compare.py `table`: the Markdown table of every row, then the figure.
pub fn table(v: &Verdict) -> String {
    let rows: Vec<String> = v.rows.iter().map(table_row).collect();
    format!("{}\n{}\n\n{}", table_header(), rows.join("\n"), v.figure)
}
