//! Painting the first screen into `<body>` and handing it to the App (see the parent module).

use super::markup;
use crate::backend::config::backend;
use crate::backend::{Backend, View};
use crate::chain::Jam;
use crate::dom::{document, next_frame};
use crate::feed::Feed;
use crate::feed_pages::add_page;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, HtmlCanvasElement, HtmlElement};

/// How far below the viewport a card's picture is drawn now (as `TraceCanvas` draws when near).
const NEAR_PX: f64 = 300.0;

/// The gallery's first page as the first paint loaded it, for the App's feed to start from.
pub struct FirstPage {
    pub feed: Feed,
    pub jams: Vec<Jam>,
}

#[derive(Default)]
struct Shell {
    /// The painted elements, direct children of `<body>`.
    nodes: Vec<Element>,
    page: Option<FirstPage>,
    /// The leaf ids of the jams whose pictures are drawn.
    drawn: Vec<String>,
    /// The card (its place in the feed) whose Play was pressed before the App arrived.
    play: Option<usize>,
}

thread_local!(static SHELL: RefCell<Shell> = RefCell::default());

/// Paints the gallery (its frame at once, the cards when the first page is in) if this is the
/// address index.html asked the first page for; finishes when there is nothing more to paint, and
/// says whether it painted anything.
pub async fn paint() -> bool {
    if !crate::backend::early::asked() || !matches!(backend(), Backend::Json(_)) {
        return false;
    }
    // The frame is the page's already (index.html's inline script showed it): all but the scripts.
    let Some(body) = document().and_then(|d| d.body()) else { return false };
    let children = body.children();
    let nodes: Vec<Element> = (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|e| !matches!(e.tag_name().as_str(), "SCRIPT" | "NOSCRIPT" | "TEMPLATE"))
        .collect();
    if nodes.is_empty() {
        return false;
    }
    SHELL.with_borrow_mut(|shell| shell.nodes = nodes);
    // Whatever goes wrong, the App asks again and says why; until then the placeholders stay.
    let Ok(page) = backend().page(&View::All).await else { return true };
    let feed = Rc::new(RefCell::new(Feed::default()));
    let jams = add_page(&feed, page).await;
    let feed = std::mem::take(&mut *feed.borrow_mut());
    if !jams.is_empty() {
        paint_cards(&jams);
    }
    SHELL.with_borrow_mut(|shell| shell.page = Some(FirstPage { feed, jams }));
    true
}

/// Replaces the placeholders with the cards and draws the pictures near the viewport.
fn paint_cards(jams: &[Jam]) {
    let Some(grid) = document().and_then(|d| d.query_selector("main .jam-grid").ok().flatten()) else { return };
    let now = js_sys::Date::now() as i64;
    let cards: String = jams.iter().enumerate().map(|(i, jam)| markup::card(jam, i, now)).collect();
    grid.set_outer_html(&markup::card_grid(&cards));
    let Some(grid) = document().and_then(|d| d.query_selector("main .jam-grid").ok().flatten()) else { return };
    let bottom = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0)
        + NEAR_PX;
    let canvases = grid.get_elements_by_tag_name("canvas");
    let mut drawn = Vec::new();
    for (i, jam) in jams.iter().enumerate() {
        let Some(canvas) = canvases.item(i as u32).and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok()) else { break };
        if canvas.get_bounding_client_rect().top() > bottom {
            break;
        }
        crate::trace::canvas::draw(&canvas, &jam.layers);
        drawn.push(jam.leaf().id.clone());
    }
    SHELL.with_borrow_mut(|shell| shell.drawn = drawn);
    // A Play pressed now is kept for the App (the button says it is loading meanwhile).
    let on_click = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
        let Some(button) = target.and_then(|t| t.closest("button.play").ok().flatten()) else { return };
        let Some(index) = button.closest("article").ok().flatten().and_then(|a| a.get_attribute("data-index")) else { return };
        let Some(index) = index.parse::<usize>().ok() else { return };
        let Some(performer) = SHELL.with_borrow(|s| Some(s.page.as_ref()?.jams.get(index)?.leaf().performer.clone())) else {
            return;
        };
        SHELL.with_borrow_mut(|shell| shell.play = Some(index));
        let label = format!("Loading jam by {performer}");
        let _ = button.set_attribute("aria-busy", "true");
        let _ = button.set_attribute("aria-label", &label);
        let _ = button.set_attribute("title", &label);
        if let (Ok(Some(icon)), Ok(Some(text))) = (button.query_selector(".play-icon"), button.query_selector(".play-text")) {
            icon.set_text_content(Some("◌"));
            text.set_text_content(Some("Loading…"));
        }
    });
    let _ = grid.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    on_click.forget();
}

/// The first page, once, for the App's gallery.
pub fn take_page() -> Option<FirstPage> {
    SHELL.with_borrow_mut(|shell| shell.page.take())
}

/// Whether the first paint drew the picture of the jam ending in `leaf` (asked once per picture:
/// the App draws those at once, so that none is blank for a frame).
pub fn drawn(leaf: &str) -> bool {
    SHELL.with_borrow_mut(|shell| {
        let found = shell.drawn.iter().position(|id| id == leaf);
        found.map(|i| shell.drawn.swap_remove(i)).is_some()
    })
}

/// Removes the painted page, just before the App mounts its own in the same task; a Play pressed
/// meanwhile is pressed again on the App's card (the same card of the same page) once it is there.
pub fn take_over() {
    let (nodes, play) = SHELL.with_borrow_mut(|shell| (std::mem::take(&mut shell.nodes), shell.play.take()));
    nodes.iter().for_each(Element::remove);
    if let Some(index) = play {
        next_frame(move || {
            let selector = format!("main article.jam-card[data-index=\"{index}\"] button.play");
            let button = document().and_then(|d| d.query_selector(&selector).ok().flatten());
            if let Some(button) = button.and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
                button.click();
            }
        });
    }
}

/// Tells the visitor, above the painted page if there is one, that `message`, with Retry.
pub fn explain(message: &str, retry: fn()) {
    let Some(document) = document() else { return };
    let Some(place) = document.query_selector("main").ok().flatten().or_else(|| document.body().map(Into::into)) else {
        return;
    };
    let _ = place.insert_adjacent_html("afterbegin", &markup::error_panel(message));
    let Some(panel) = place.first_element_child() else { return };
    let on_click = Closure::once_into_js(move || {
        panel.remove();
        retry();
    });
    if let Ok(Some(button)) = place.query_selector(".error-panel button") {
        let _ = button.add_event_listener_with_callback("click", on_click.unchecked_ref());
    }
}
