//! The gallery's first screen, painted before the App's code has arrived.
//!
//! The first load of `/` is this project's smallest wasm module: no Leptos, only what it takes to
//! read the feed's first page (which index.html asked for while the module was on its way), resolve
//! its jams and paint the page as the App would, with the cards' pictures. The App, a chunk loaded
//! meanwhile, then takes the page over: it starts from the same page (`take_page`), draws the
//! pictures the first paint drew at once (`drawn`), and replaces the painted page in one go, so that
//! nothing on screen moves. A Play pressed before the App is there is played when it is
//! (`take_over`). Every other address waits for the App, as before.
//!
//! `markup` writes the page (pure, tested natively); `shell` paints it and hands it over.

pub mod markup;
#[cfg(target_arch = "wasm32")]
mod shell;

#[cfg(target_arch = "wasm32")]
pub use shell::{drawn, explain, focused_card, paint, take_over, take_page, FirstPage, Handover};
