//! Code loaded when it is first needed. In the site's build (cargo feature `split`, which index.html
//! asks Trunk for) every function declared with [`split!`] is cut out of the main wasm module into a
//! chunk of its own by `scripts/split-hook.py`, fetched the first time the function is called; the
//! first load carries only what the gallery needs. Everywhere else (wasm-pack tests, clippy) the same
//! function is an ordinary `async fn`. A chunk that fails to load (a dropped connection) is an error
//! the page shows with Retry, never a panic: the next call fetches it again. `components::Lazy`
//! shows a chunk's view. This module uses no other of the site's, so any may declare a chunk.

use leptos::prelude::AnyView;
use std::fmt;

/// A chunk of the site's code did not arrive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkError;

impl fmt::Display for ChunkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a part of the site's code could not be loaded")
    }
}

impl ChunkError {
    /// What a visitor is told.
    pub fn message(&self) -> String {
        "This part of the site could not be loaded. Check your connection and try again.".into()
    }
}

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// Declares `fn name(args) -> T { body }` as a function in the chunk `chunk`, called as
/// `name(args).await`, which gives `Result<T, ChunkError>`. Arguments and result cross a wasm
/// module boundary by value: plain owned Rust types, no generics, no references.
macro_rules! split {
    ($chunk:ident, $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$meta])*
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> ::std::result::Result<$ret, $crate::lazy::ChunkError> {
            ::std::result::Result::Ok($body)
        }
        $(#[$meta])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> ::std::result::Result<$ret, $crate::lazy::ChunkError> {
            ::std::result::Result::Ok($body)
        }
    };
}

/// What a chunk hands back for a view: the code that makes it. It runs where the view goes (in its
/// reactive owner, so contexts and cleanup work as for any child), not in the task that loaded it.
pub type MakeView = Box<dyn FnOnce() -> AnyView>;

pub(crate) use split;
