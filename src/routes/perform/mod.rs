//! `/perform`: the stage. A 5-second take played live through the sound engine, solo or as a reply
//! over someone's jam (`?reply=<id>`), then played back, recorded again or kept on this device.
//! Everything here is this page's own: the stage, the take just recorded, the kept takes.

mod ink;
mod reply;
mod saved;
mod setup;
mod stage;
mod take;

use crate::chain::Jam;
use crate::colour::Rgba;
use crate::performance::Performance;
use crate::player::EngineError;
use crate::router::{query, Title};
use leptos::prelude::*;
use std::sync::Arc;

/// Where the stage stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The sound engine has not been asked for: the first press loads it.
    Idle,
    Loading,
    /// Waiting for the first touch, which starts the take.
    Ready,
    Recording,
    /// A take is recorded: play it back, record again, or keep it.
    Done,
}

/// The page's state, shared by its parts.
#[derive(Clone, Copy)]
pub struct Perform {
    pub name: RwSignal<String>,
    /// The chosen instrument's name (one of `instrument::ALL`).
    pub instrument: RwSignal<String>,
    pub colour: RwSignal<Rgba>,
    /// The jam this take answers, once loaded.
    pub backing: RwSignal<Option<Jam>>,
    /// The jam to answer is still loading: the take waits for it.
    pub backing_loading: RwSignal<bool>,
    pub phase: RwSignal<Phase>,
    pub engine_error: RwSignal<Option<EngineError>>,
    /// The take just recorded (not kept yet).
    pub take: RwSignal<Option<Arc<Performance>>>,
    /// The takes kept on this device, newest first.
    pub kept: RwSignal<Vec<Arc<Performance>>>,
    /// What the screen reader hears (a polite live region).
    pub announce: RwSignal<String>,
}

impl Perform {
    /// Loads the sound engine (in the gesture that asks for it), then `then` runs if it loaded.
    pub fn warm_up(self, then: impl FnOnce() + 'static) {
        if self.phase.get_untracked() == Phase::Idle {
            self.phase.set(Phase::Loading);
        }
        self.engine_error.set(None);
        crate::player::stage::warm_up(move |loaded| match loaded {
            Ok(()) => {
                if self.phase.get_untracked() == Phase::Loading {
                    self.phase.try_set(Phase::Ready);
                    self.announce
                        .try_set("Ready: your first touch starts a 5-second take.".into());
                }
                then();
            }
            Err(error) => {
                self.phase.try_set(Phase::Idle);
                self.engine_error.try_set(Some(error));
            }
        });
    }

    /// The take with the layers it answers, as the player and the WAV export take it.
    pub fn jam_of(self, take: Arc<Performance>) -> Jam {
        match self.backing.get_untracked() {
            Some(backing) if take.reply_to.as_deref() == Some(backing.leaf().id.as_str()) => Jam {
                layers: std::iter::once(take).chain(backing.layers).collect(),
                end: backing.end,
            },
            _ => Jam {
                layers: vec![take],
                end: crate::chain::ChainEnd::Root,
            },
        }
    }
}

#[component]
pub fn PerformPage() -> impl IntoView {
    let reply = query("reply");
    let reply = Memo::new(move |_| reply.get().filter(|id| !id.trim().is_empty()));
    let (kept, kept_error) = match crate::store::takes() {
        Ok(list) => (list, None),
        Err(e) => (Vec::new(), Some(e)),
    };
    let perform = Perform {
        name: RwSignal::new(crate::store::stage_name().unwrap_or_default()),
        instrument: RwSignal::new("chirp".into()),
        colour: RwSignal::new(crate::colour::DEFAULT_TRACE),
        backing: RwSignal::new(None),
        backing_loading: RwSignal::new(false),
        phase: RwSignal::new(Phase::Idle),
        engine_error: RwSignal::new(None),
        take: RwSignal::new(None),
        kept: RwSignal::new(kept),
        announce: RwSignal::new(String::new()),
    };
    provide_context(perform);
    on_cleanup(|| {
        crate::player::stage::finish(0.0);
        crate::player::stop();
    });
    view! {
        <Title text="Perform" />
        // The stage's own styles come with its chunk, not with the first load.
        <style>{include_str!("../../../style/perform.css")}</style>
        <article class="perform-page">
            <h1>"Perform"</h1>
            <p class="perform-intro">
                "Play a 5-second performance on the stage. Takes stay on this device: nothing is sent anywhere."
            </p>
            <setup::Setup />
            <stage::Stage />
            <p class="visually-hidden" aria-live="polite">{move || perform.announce.get()}</p>
            <take::TakePanel />
            {move || reply.get().map(|id| view! { <reply::Reply id /> })}
            <saved::Saved load_error=kept_error />
        </article>
    }
}
