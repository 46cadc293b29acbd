//! Client-side navigation in a page of code: the address as signals, links followed without a page
//! load, Back and Forward. Which page an address shows is `routing.rs` (pure, tested natively).
//!
//! A click on a same-origin link (left button, no modifier key, no `target`, `download` or
//! `rel="external"`) is taken over: the address is pushed to the history, the signals change, the
//! page is built, and the window scrolls to the top (or to the fragment's element). Back and Forward
//! (`popstate`) only change the signals: the feed puts its own scroll position back. A link that only
//! changes the fragment is left to the browser.

use crate::routing::is_current;
use leptos::ev;
use leptos::prelude::*;
use leptos::text_prop::TextProp;
use wasm_bindgen::JsCast;

/// The address the page shows, in parts (`search` without its `?`, `hash` with its `#`), and how
/// the page came to it.
#[derive(Clone, Copy)]
pub struct Location {
    pub path: Memo<String>,
    pub search: Memo<String>,
    pub hash: Memo<String>,
    /// By Back or Forward (or by loading the page), rather than by following a link.
    pub by_history: ReadSignal<bool>,
}

#[derive(Clone, PartialEq)]
struct Address {
    path: String,
    search: String,
    hash: String,
}

fn current() -> Address {
    let location = window().location();
    Address {
        path: location.pathname().unwrap_or_else(|_| "/".into()),
        search: location.search().unwrap_or_default().trim_start_matches('?').to_owned(),
        hash: location.hash().unwrap_or_default(),
    }
}

/// Makes the address a signal for the whole App and starts following links and the history.
pub fn provide() -> Location {
    let address = RwSignal::new(current());
    let (by_history, came) = signal(true);
    let location = Location {
        path: Memo::new(move |_| address.with(|a| a.path.clone())),
        search: Memo::new(move |_| address.with(|a| a.search.clone())),
        hash: Memo::new(move |_| address.with(|a| a.hash.clone())),
        by_history,
    };
    provide_context(location);
    let popstate = window_event_listener(ev::popstate, move |_| change(address, came, true));
    let click = window_event_listener(ev::click, move |event| {
        if let Some(to) = link_to_follow(&event) {
            event.prevent_default();
            follow(address, came, &to);
        }
    });
    on_cleanup(move || {
        popstate.remove();
        click.remove();
    });
    location
}

/// Takes the address the browser shows now. Focus leaves the page first when the page changes: the
/// old page's own handlers hear it go while the page still stands, not after it has been taken down
/// (`FocusOnNavigate` then puts focus on the new page).
fn change(address: RwSignal<Address>, came: WriteSignal<bool>, by_history: bool) {
    let now = current();
    if address.with_untracked(|a| a.path != now.path) {
        if let Some(focused) = document()
            .active_element()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = focused.blur();
        }
    }
    came.set(by_history);
    address.set(now);
}

/// The address (path, query and fragment) a click should take the page to, if it is ours to take.
fn link_to_follow(event: &web_sys::MouseEvent) -> Option<String> {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.alt_key()
        || event.ctrl_key()
        || event.shift_key()
    {
        return None;
    }
    let link = event
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    let external = link
        .get_attribute("rel")
        .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "external"));
    if !link.target().is_empty() || link.has_attribute("download") || external {
        return None;
    }
    let here = window().location();
    if link.origin() != here.origin().ok()? {
        return None;
    }
    let (path, search, hash) = (link.pathname(), link.search(), link.hash());
    // Only the fragment changes: the browser scrolls to it (and says so with popstate).
    if !hash.is_empty() && path == here.pathname().ok()? && search == here.search().ok()? {
        return None;
    }
    Some(format!("{path}{search}{hash}"))
}

fn follow(address: RwSignal<Address>, came: WriteSignal<bool>, to: &str) {
    let history = window().history().ok();
    if !history.is_some_and(|h| {
        h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to))
            .is_ok()
    }) {
        // Without a history to push to, a real page load still gets there.
        let _ = window().location().set_href(to);
        return;
    }
    // The new page is built after the handler that followed the link is done with the page it is
    // on (a key handler that clicks a link must not find its page gone).
    leptos::task::spawn_local(async move { change(address, came, false) });
    // Once the new page is in place: its fragment's element, or the top.
    request_animation_frame(|| {
        if !scroll_to_fragment(&window().location().hash().unwrap_or_default()) {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
}

/// Scrolls the element a fragment (`#id`) names into view; false when there is none such.
pub fn scroll_to_fragment(hash: &str) -> bool {
    let target = hash
        .strip_prefix('#')
        .filter(|id| !id.is_empty())
        .and_then(|id| document().get_element_by_id(id));
    target.map(|element| element.scroll_into_view()).is_some()
}

/// The App's address (see `provide`).
pub fn use_location() -> Location {
    expect_context::<Location>()
}

/// The query parameter `name` of the address, decoded (`None` when absent).
pub fn query(name: &'static str) -> Memo<Option<String>> {
    let search = use_location().search;
    Memo::new(move |_| {
        let search = search.get();
        web_sys::UrlSearchParams::new_with_str(&search)
            .ok()
            .and_then(|params| params.get(name))
    })
}

/// A link within the site, marked `aria-current="page"` when it is the current page's (see
/// `routing::is_current`; `exact` for a link that must match the whole path).
#[component]
pub fn A(#[prop(into)] href: String, #[prop(optional)] exact: bool, children: Children) -> impl IntoView {
    let path = use_location().path;
    let current = {
        let href = href.clone();
        move || is_current(&href, &path.get(), exact).then_some("page")
    };
    view! { <a href=href aria-current=current>{children()}</a> }
}

/// Sets the document's title: `text · MicroJam`, or `MicroJam` for an empty text.
#[component]
pub fn Title(#[prop(into)] text: TextProp) -> impl IntoView {
    Effect::new(move |_| {
        let page = text.get();
        document().set_title(&if page.is_empty() {
            "MicroJam".to_owned()
        } else {
            format!("{page} · MicroJam")
        });
    });
}
