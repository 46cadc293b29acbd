//! Does each instrument still sound like the app? Every touch sequence of `fixtures/seqs/` is
//! rendered natively through the engine (6 s, mono (L+R)/2 at 16 bits, as the Pd reference kit's
//! render.sh makes its references), measured by the port of the kit's analyse.py, and judged
//! against the app's own Pd render's features (`fixtures/reference/`, written by
//! `scripts/pd-reference-figures.sh`) by the port of compare.py: medians pooled over the files,
//! with the kit's tolerances (f0, onsets, decay, brightness, peak and active level, note count).
//!
//! One test per instrument, so each is seen passing or failing on its own; each prints its row of
//! compare.py's table (`cargo test -p microjam-engine --test fidelity -- --nocapture`), and the
//! ignored test `table` prints all nine at once (`... --test fidelity -- --ignored --nocapture table`).

#[path = "fidelity/mod.rs"]
mod fidelity;
#[path = "fidelity/self_check.rs"]
mod self_check;

use fidelity::analyse::analyse_signal;
use fidelity::features::Features;
use fidelity::judge::{judge, table, Pair, Verdict};
use fidelity::render::{render_mono, SR};
use fidelity::touches::{parse_touches, CsvTouch};
use fidelity::wav::through_pcm16;
use microjam_engine::Instrument;
use std::path::{Path, PathBuf};

/// The references' length (render.sh's DUR_S default).
const SECONDS: f64 = 6.0;
/// The random draws of the engine's render (the app's are not repeatable either: the tolerances
/// allow for another run's draws).
const SEED: u32 = 0;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The touch sequences' names (`fixtures/seqs/*.csv`), sorted.
fn sequences() -> Vec<String> {
    let dir = fixtures().join("seqs");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".csv").map(str::to_string))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no touch sequences in {}", dir.display());
    names
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The engine's render of `touches` on `instrument`, as the analysis sees a render.sh WAV:
/// 6 s from time 0, (L+R)/2, through 16-bit PCM.
pub fn render(instrument: &str, touches: &[CsvTouch]) -> Vec<f64> {
    let instrument = Instrument::from_name(instrument).unwrap_or_else(|| panic!("no instrument {instrument}"));
    through_pcm16(&render_mono(instrument, touches, SEED, SECONDS))
}

/// (reference, candidate) features of every sequence played on `instrument`.
fn measure(instrument: &str) -> Vec<(Features, Features)> {
    sequences()
        .iter()
        .map(|seq| {
            let touches = parse_touches(&read(&fixtures().join(format!("seqs/{seq}.csv"))));
            let json = fixtures().join(format!("reference/{instrument}-{seq}.json"));
            let reference = Features::from_json(&read(&json))
                .unwrap_or_else(|e| panic!("{}: {e} (run scripts/pd-reference-figures.sh)", json.display()));
            let candidate = analyse_signal(instrument, &touches, &render(instrument, &touches), SR);
            assert_eq!(
                candidate.notes.len(),
                reference.notes.len(),
                "{}: other touches?",
                json.display()
            );
            (reference, candidate)
        })
        .collect()
}

/// compare.py's judgement of the engine against the app, pooled per instrument.
fn verdict(instruments: &[&str]) -> Verdict {
    let files: Vec<(&str, Vec<(Features, Features)>)> = instruments.iter().map(|&i| (i, measure(i))).collect();
    let pairs: Vec<Pair> = files
        .iter()
        .flat_map(|(i, f)| {
            f.iter().map(|(reference, candidate)| Pair {
                instrument: i,
                reference,
                candidate,
            })
        })
        .collect();
    judge(&pairs)
}

/// Judges `instrument`; prints its table when it passes, fails with it when it does not.
fn sounds_like_the_app(instrument: &str) {
    let v = verdict(&[instrument]);
    let text = table(&v);
    assert!(
        v.ok,
        "{instrument} does not sound like the app (Pd reference, compare.py's criteria):\n{text}"
    );
    println!("{text}\n");
}

macro_rules! instruments {
    ($($name:ident),*) => {$(
        #[test]
        fn $name() {
            sounds_like_the_app(stringify!($name));
        }
    )*};
}

instruments!(chirp, keys, drums, strings, quack, wub, pad, fmlead, leadguitar);

#[test]
#[ignore = "the nine instruments again, in one table: --ignored --nocapture table"]
fn table_of_all() {
    let v = verdict(&Instrument::ALL.map(Instrument::name));
    println!("{}", table(&v));
    assert!(v.ok, "{}", v.figure);
}
