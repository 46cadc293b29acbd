//! What the engine's processor reports to the live player (a jam has ended, a command came late, an
//! exception, its own figures), and the player's figures for the tests and the benchmark.

use super::engine::Engine;
use super::live::PLAYER;
use super::worklet::{self, Report};
use super::EngineError;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{AudioWorkletNode, MessageEvent};

/// Keeps `node` as the page's engine node, listening to what it reports.
pub(super) fn install(node: AudioWorkletNode) -> Result<(), EngineError> {
    let reports = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        if let Some(report) = worklet::report(&event) {
            on_report(report);
        }
    });
    let port = node.port().map_err(|e| EngineError::start(&e))?;
    port.set_onmessage(Some(reports.as_ref().unchecked_ref()));
    PLAYER.with_borrow_mut(|player| {
        player.engine = Some(Engine {
            node,
            _reports: reports,
        })
    });
    Ok(())
}

fn on_report(report: Report) {
    let is_current = |run: f64| PLAYER.with_borrow(|p| p.session.as_ref().is_some_and(|s| s.run as f64 == run));
    match report {
        Report::Ended { run } if is_current(run) => super::stop(),
        Report::Late { run, seconds } => PLAYER.with_borrow_mut(|player| {
            if let Some(session) = player.session.as_mut().filter(|s| s.run as f64 == run) {
                session.transport.delay(seconds);
            }
        }),
        Report::Failed { run, message } => {
            if !PLAYER.with_borrow_mut(|p| std::mem::replace(&mut p.error_logged, true)) {
                web_sys::console::warn_1(&format!("MicroJam: the sound engine failed: {message}").into());
            }
            if is_current(run) {
                super::stop();
            }
        }
        Report::Stats(stats) => {
            for waiting in PLAYER.with_borrow_mut(|p| std::mem::take(&mut p.stats)) {
                let _ = waiting.send(stats);
            }
        }
        Report::Ended { .. } => {}
    }
}

/// Audio nodes the player holds: the engine's one node, once loaded (for the benchmark).
#[cfg(any(test, feature = "test-support"))]
pub fn live_nodes() -> usize {
    PLAYER.with_borrow(|player| usize::from(player.engine.is_some()))
}

/// The playing jam's position by the transport (s), if one is playing or paused.
pub fn position() -> Option<f64> {
    PLAYER.with_borrow(|player| {
        let clock = player.context.as_ref()?.current_time();
        Some(player.session.as_ref()?.transport.position(clock))
    })
}

/// What the engine's processor reports about itself, once loaded (for the tests and the benchmark).
#[cfg(any(test, feature = "test-support"))]
pub async fn engine_stats() -> Option<worklet::EngineStats> {
    let (send, receive) = futures::channel::oneshot::channel();
    let node = PLAYER.with_borrow_mut(|player| {
        let node = player.engine.as_ref()?.node.clone();
        player.stats.push(send);
        Some(node)
    })?;
    worklet::post(&node, &worklet::command("stats", 0.0)).ok()?;
    receive.await.ok()
}
