//! Renders a touch CSV through one instrument, natively: for comparing the engine with the app's Pd
//! patches (`scripts/compare-engine.sh`).
//!
//! usage: cargo run --release -p microjam-engine --example render -- INSTRUMENT touches.csv out.wav [seconds]
//!
//! Writes 44.1 kHz 16-bit mono (L+R)/2 from time 0 (6 s unless told), as the Pd reference kit's
//! render.sh does, and rounded as it rounds: the very signal the fidelity test analyses.

#[path = "../tests/fidelity/render.rs"]
mod render;
#[allow(dead_code)]
#[path = "../tests/fidelity/touches.rs"]
mod touches;
#[allow(dead_code)]
#[path = "../tests/fidelity/wav.rs"]
mod wav;

use microjam_engine::Instrument;
use std::process::ExitCode;

const SR: u32 = 44_100;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(name), Some(csv), Some(out)) = (args.first(), args.get(1), args.get(2)) else {
        eprintln!("usage: render INSTRUMENT touches.csv out.wav [seconds]");
        return ExitCode::from(2);
    };
    let Some(instrument) = Instrument::from_name(name) else {
        let names = Instrument::ALL.map(Instrument::name).join(" ");
        eprintln!("unknown instrument {name:?}: one of {names}");
        return ExitCode::from(2);
    };
    let seconds: f64 = match args.get(3).map(|s| s.parse()) {
        None => 6.0,
        Some(Ok(s)) => s,
        Some(Err(_)) => {
            eprintln!("seconds: not a number: {}", args[3]);
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read_to_string(csv) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{csv}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mono = render::render_mono(instrument, &touches::parse_touches(&text), 0, seconds);
    if let Err(e) = std::fs::write(out, wav::wav16_bytes(&wav::to_pcm16(&mono), SR)) {
        eprintln!("{out}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
