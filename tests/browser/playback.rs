//! Playback through the sound engine in the AudioWorklet: offline renders checked sample by sample,
//! the WAV file, and the play, pause and stop buttons, the engine keeping step with the transport.

use crate::{open, texts, use_engine, wait_for};
use microjam_web::chain::{ChainEnd, Jam};
use microjam_web::performance::Performance;
use microjam_web::player::{self, offline};
use microjam_web::score::TAIL;
use microjam_web::touches::Touch;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

const RATE: f32 = 44_100.0;

fn performance(id: &str, instrument: &str, touches: Vec<Touch>) -> Arc<Performance> {
    Arc::new(Performance::new(id, "tester", instrument, None, touches))
}

fn tap(time: f32, x: f32, y: f32) -> Touch {
    Touch {
        time,
        x,
        y,
        z: 25.0,
        moving: false,
    }
}

fn jam(layers: Vec<Arc<Performance>>) -> Jam {
    Jam {
        layers,
        end: ChainEnd::Root,
    }
}

/// Times (s) where the sound rises from at least 200 ms of silence.
fn onsets(samples: &[f32]) -> Vec<f64> {
    let quiet_needed = (0.2 * RATE) as usize;
    let mut quiet = quiet_needed;
    let mut found = Vec::new();
    for (i, s) in samples.iter().enumerate() {
        if s.abs() > 0.003 {
            if quiet >= quiet_needed {
                found.push(i as f64 / f64::from(RATE));
            }
            quiet = 0;
        } else {
            quiet += 1;
        }
    }
    found
}

#[wasm_bindgen_test]
async fn an_offline_render_puts_every_onset_within_a_millisecond_of_its_touch() {
    use_engine();
    // Kicks (bottom-left) and snares (top-left) far apart: nothing rings into the next.
    let times = [0.25_f32, 1.25, 2.5, 3.75];
    let touches = times
        .iter()
        .enumerate()
        .map(|(i, &t)| tap(t, 0.2, if i % 2 == 0 { 0.8 } else { 0.2 }))
        .collect();
    let (left, right) = offline::render(&jam(vec![performance("timing", "drums", touches)]), RATE)
        .await
        .unwrap();
    assert!(left.iter().chain(&right).all(|s| s.is_finite()), "no NaN or infinity");
    let peak = left.iter().chain(&right).fold(0.0_f32, |m, s| m.max(s.abs()));
    assert!(peak <= 1.0 && peak > 0.05, "peak {peak}");
    let mono: Vec<f32> = left.iter().zip(&right).map(|(l, r)| l.abs().max(r.abs())).collect();
    let found = onsets(&mono);
    assert_eq!(found.len(), times.len(), "onsets {found:?}");
    for (onset, touch) in found.iter().zip(times) {
        assert!(
            (onset - f64::from(touch)).abs() <= 0.001,
            "onset {onset} for a touch at {touch}"
        );
    }
    let last_second = &mono[mono.len() - RATE as usize..];
    assert!(last_second.iter().all(|s| *s < 1e-3), "silence after the last release");
}

#[wasm_bindgen_test]
async fn every_instrument_makes_sound_and_a_jam_plays_its_layers_together() {
    use_engine();
    let gesture = |at: f32| {
        let mut t = vec![tap(at, 0.3, 0.3)];
        t.extend((1..20).map(|i| Touch {
            time: at + i as f32 * 0.016,
            x: 0.3 + i as f32 * 0.01,
            y: 0.5,
            z: 25.0,
            moving: true,
        }));
        t
    };
    let names = microjam_web::instrument::Sound::ALL.map(|s| s.name());
    for (i, instrument) in names.iter().chain(&["theremin"]).enumerate() {
        let (left, right) = offline::render(&jam(vec![performance(instrument, instrument, gesture(0.1))]), RATE)
            .await
            .unwrap();
        let energy: f32 = left.iter().chain(&right).map(|s| s * s).sum();
        assert!(energy > 1.0, "{instrument} ({i}) is silent: energy {energy}");
        assert!(
            left.iter().chain(&right).all(|s| s.is_finite() && s.abs() <= 1.0),
            "{instrument}"
        );
    }
    let same = |instrument| jam(vec![performance("same", instrument, gesture(0.1))]);
    let unknown = offline::render(&same("theremin"), RATE).await.unwrap();
    let chirp = offline::render(&same("chirp"), RATE).await.unwrap();
    assert!(unknown == chirp, "an unknown instrument plays as chirp");
    let layered = jam(vec![
        performance("top", "keys", gesture(2.0)),
        performance("bottom", "drums", gesture(0.5)),
    ]);
    let (left, _) = offline::render(&layered, RATE).await.unwrap();
    let found = onsets(&left);
    assert!(
        (found[0] - 0.5).abs() <= 0.001,
        "the older layer plays from its own time: {found:?}"
    );
}

#[wasm_bindgen_test]
async fn the_wav_file_holds_the_whole_render() {
    use_engine();
    let jam = jam(vec![performance("wav", "chirp", vec![tap(0.5, 0.5, 0.5)])]);
    let wav = offline::wav(&jam).await.unwrap();
    let u32_at = |i: usize| u32::from_le_bytes(wav[i..i + 4].try_into().unwrap());
    assert_eq!(&wav[0..4], b"RIFF");
    assert_eq!(&wav[8..12], b"WAVE");
    assert_eq!(u32_at(24), 44_100);
    assert_eq!(u32_at(28), 44_100 * 4, "16-bit stereo");
    let frames = ((5.0 + TAIL) * 44_100.0_f64).ceil() as usize;
    assert_eq!(u32_at(40) as usize, frames * 4);
    assert_eq!(wav.len(), 44 + frames * 4);
}

#[wasm_bindgen_test]
async fn play_pause_resume_and_stop_on_the_performance_page() {
    use_engine();
    let root = open("/fixtures/gallery", "/performances/c").await;
    let play = wait_for("the play button", || {
        root.query_selector(".jam-actions button.play").unwrap()
    })
    .await;
    assert_eq!(play.get_attribute("aria-label").as_deref(), Some("Play jam by alice"));
    let click = |e: &web_sys::Element| e.clone().unchecked_into::<web_sys::HtmlElement>().click();
    click(&play);
    wait_for("Pause", || (play.get_attribute("aria-label")? == "Pause").then_some(())).await;
    let progress = || {
        root.query_selector("progress")
            .unwrap()
            .map(|p| p.unchecked_into::<web_sys::HtmlProgressElement>().value())
    };
    wait_for("progress", || (progress()? > 0.02).then_some(())).await;
    click(&play);
    wait_for("paused", || {
        (play.get_attribute("aria-label")? == "Resume").then_some(())
    })
    .await;
    let at_pause = progress().unwrap();
    crate::sleep(300).await;
    assert_eq!(progress().unwrap(), at_pause, "pausing stops the clock");
    // The engine paused on the very frame the transport did.
    let engine = player::engine_stats().await.expect("the engine answers");
    let heard = engine.position as f64 / f64::from(engine.sample_rate);
    let shown = player::position().expect("a paused jam has a position");
    assert!(
        (heard - shown).abs() <= 1.0 / f64::from(engine.sample_rate),
        "engine at {heard} s, transport at {shown} s"
    );
    assert_eq!(engine.instances, 1, "one engine node serves every jam");
    click(&play);
    wait_for("playing again", || (progress()? > at_pause + 0.01).then_some(())).await;
    click(&root.query_selector(".jam-actions button.stop").unwrap().unwrap());
    wait_for("stopped", || {
        (play.get_attribute("aria-label")? == "Play jam by alice").then_some(())
    })
    .await;
    assert!(root.query_selector("progress").unwrap().is_none());
    assert_eq!(texts(&root, "h1"), ["Drums jam by alice"]);
}

#[wasm_bindgen_test]
async fn a_wav_download_without_its_engine_says_why_and_retry_renders_it() {
    use_engine();
    let root = open("/fixtures/gallery", "/performances/c").await;
    crate::set_meta(
        "microjam-engine",
        &format!("{}/engine-build/missing.wasm", crate::server()),
    );
    let button = || {
        let buttons = root.query_selector_all(".performance-page button").unwrap();
        (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .map(|b| b.unchecked_into::<web_sys::HtmlElement>())
            .find(|b| b.text_content().unwrap_or_default().contains("WAV"))
    };
    wait_for("the Download WAV button", button).await.click();
    let panel = wait_for("the error panel", || {
        root.query_selector(".error-panel[role='alert']").unwrap()
    })
    .await;
    assert!(
        panel
            .text_content()
            .unwrap()
            .contains("The sound engine could not be downloaded (HTTP 404)"),
        "{:?}",
        panel.text_content()
    );
    use_engine();
    let retry: web_sys::HtmlElement = panel.query_selector("button").unwrap().unwrap().unchecked_into();
    retry.click();
    wait_for("the WAV to render", || {
        (root.query_selector(".error-panel").unwrap().is_none() && button()?.text_content()? == "Download WAV")
            .then_some(())
    })
    .await;
}
