//! "Download WAV": the jam rendered offline through the sound engine, saved as `<id>.wav`.

use super::ErrorPanel;
use crate::chain::Jam;
use crate::player::EngineError;
use leptos::prelude::*;

/// Renders the jam offline and saves it as `<id>.wav`.
#[component]
pub fn DownloadWav(jam: Jam) -> impl IntoView {
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<EngineError>);
    // The render belongs to this component (leaving the page cancels it), also when Retry starts it
    // from the error panel, which goes away as it starts.
    let owner = Owner::current();
    let save = move || {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        failed.set(None);
        let jam = jam.clone();
        let render = async move {
            let saved = crate::player::offline::wav(&jam).await.and_then(|bytes| {
                save_file(&bytes, "audio/wav", &format!("{}.wav", jam.leaf().id)).map_err(|e| EngineError::start(&e))
            });
            busy.try_set(false);
            failed.try_set(saved.err());
        };
        match &owner {
            Some(owner) => owner.with(|| leptos::task::spawn_local_scoped_with_cancellation(render)),
            None => leptos::task::spawn_local_scoped_with_cancellation(render),
        }
    };
    let retry = save.clone();
    view! {
        <button type="button" class="button" on:click=move |_| save() disabled=move || busy.get()>
            {move || if busy.get() { "Rendering WAV…" } else { "Download WAV" }}
        </button>
        {move || failed.get().map(|error| view! { <ErrorPanel error on_retry=retry.clone() /> })}
    }
}

/// Offers `bytes` to the visitor as a download named `name`.
pub fn save_file(bytes: &[u8], mime: &str, name: &str) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Give the download a moment to start before letting go of the data.
    set_timeout(
        move || drop(web_sys::Url::revoke_object_url(&url)),
        std::time::Duration::from_secs(30),
    );
    Ok(())
}
