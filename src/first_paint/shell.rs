//! Painting the first screen into `<body>` and handing it to the App (see the parent module).

use super::markup;
use crate::backend::config::backend;
use crate::backend::{Backend, View};
use crate::chain::Jam;
use crate::dom::document;
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
    /// The card that had keyboard focus when the App took over, for its window of cards.
    focused_card: Option<usize>,
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
    let Some(body) = document().and_then(|d| d.body()) else {
        return false;
    };
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
    let Ok(page) = backend().page(&View::All).await else {
        return true;
    };
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
    let Some(grid) = document().and_then(|d| d.query_selector("main .jam-grid").ok().flatten()) else {
        return;
    };
    let now = js_sys::Date::now() as i64;
    let cards: String = jams
        .iter()
        .enumerate()
        .map(|(i, jam)| markup::card(jam, i, now))
        .collect();
    grid.set_outer_html(&markup::card_grid(&cards));
    let Some(grid) = document().and_then(|d| d.query_selector("main .jam-grid").ok().flatten()) else {
        return;
    };
    let bottom = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0)
        + NEAR_PX;
    // Every picture near the viewport measured first, then drawn: drawing resizes a canvas's bitmap,
    // and a measurement after that would lay the page out again, once per picture.
    let canvases = grid.get_elements_by_tag_name("canvas");
    let near: Vec<(HtmlCanvasElement, f64)> = (0..canvases.length())
        .map_while(|i| canvases.item(i)?.dyn_into::<HtmlCanvasElement>().ok())
        .map(|canvas| {
            let (top, width) = (canvas.get_bounding_client_rect().top(), canvas.client_width());
            (canvas, top, f64::from(width))
        })
        .take_while(|(_, top, _)| *top <= bottom)
        .map(|(canvas, _, width)| (canvas, width))
        .collect();
    let mut drawn = Vec::new();
    for ((canvas, width), jam) in near.iter().zip(jams) {
        crate::trace::canvas::draw_at(canvas, &jam.layers, *width);
        drawn.push(jam.leaf().id.clone());
    }
    SHELL.with_borrow_mut(|shell| shell.drawn = drawn);
    // A Play pressed now (its button, or Space on a focused card, as on the App's cards) is kept for
    // the App; the button says it is loading meanwhile.
    let on_press = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let card = match event.dyn_ref::<web_sys::KeyboardEvent>() {
            Some(key) if key.key() == " " && target.matches("article.jam-card").unwrap_or(false) => Some(target),
            Some(_) => None,
            None => target
                .closest("button.play")
                .ok()
                .flatten()
                .and_then(|b| b.closest("article").ok().flatten()),
        };
        if let Some(card) = card {
            event.prevent_default();
            press_play(&card);
        }
    });
    for kind in ["click", "keydown"] {
        let _ = grid.add_event_listener_with_callback(kind, on_press.as_ref().unchecked_ref());
    }
    on_press.forget();
}

/// Keeps a Play pressed on `card` for the App, starts the engine's download, and shows it loading.
fn press_play(card: &Element) {
    let Some(index) = card.get_attribute("data-index").and_then(|i| i.parse::<usize>().ok()) else {
        return;
    };
    let performer = SHELL.with_borrow(|s| Some(s.page.as_ref()?.jams.get(index)?.leaf().performer.clone()));
    let (Some(performer), Ok(Some(button))) = (performer, card.query_selector("button.play")) else {
        return;
    };
    SHELL.with_borrow_mut(|shell| shell.play = Some(index));
    crate::player::worklet::start_download();
    let label = crate::wording::loading_label(&performer);
    let _ = button.set_attribute("aria-busy", "true");
    let _ = button.set_attribute("aria-label", &label);
    let _ = button.set_attribute("title", &label);
    if let (Ok(Some(icon)), Ok(Some(text))) = (button.query_selector(".play-icon"), button.query_selector(".play-text"))
    {
        icon.set_text_content(Some("◌"));
        text.set_text_content(Some("Loading…"));
    }
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

/// What can take keyboard focus, in page order: the same on the painted page and the App's.
const FOCUSABLE: &str = "a[href], button, [tabindex]";

/// Where keyboard focus was on the painted page.
#[derive(Clone, Copy)]
enum Focus {
    /// The `n`th focusable element of the page, outside the cards (the frame is the same).
    Page(u32),
    /// A card (its place in the feed), or the `n`th focusable element in it.
    Card(usize, Option<u32>),
}

/// What the painted page leaves for the App's: where keyboard focus was, and a Play pressed.
pub struct Handover {
    focus: Option<Focus>,
    play: Option<usize>,
}

/// Removes the painted page, just before the App mounts its own in the same task; then `finish`.
pub fn take_over() -> Handover {
    let focus = focus_place();
    let (nodes, play) = SHELL.with_borrow_mut(|shell| {
        shell.focused_card = match focus {
            Some(Focus::Card(index, _)) => Some(index),
            _ => None,
        };
        (std::mem::take(&mut shell.nodes), shell.play.take())
    });
    nodes.iter().for_each(Element::remove);
    Handover { focus, play }
}

impl Handover {
    /// Once the App's page is mounted (in the same task, so focus is never seen lost): keyboard focus
    /// goes back to the same place in it, and a Play pressed meanwhile is pressed again on the App's
    /// card (the same card of the same page).
    pub fn finish(self) {
        let Some(document) = document() else { return };
        let card = |index: usize| {
            let selector = format!("main article.jam-card[data-index=\"{index}\"]");
            document.query_selector(&selector).ok().flatten()
        };
        let nth = |within: &web_sys::Node, n: u32| {
            let all = match within.dyn_ref::<Element>() {
                Some(element) => element.query_selector_all(FOCUSABLE),
                None => document.query_selector_all(FOCUSABLE),
            };
            all.ok()?.item(n)?.dyn_into::<Element>().ok()
        };
        let focused = match self.focus {
            Some(Focus::Page(n)) => nth(&document, n),
            Some(Focus::Card(index, within)) => card(index).and_then(|c| match within {
                Some(n) => nth(&c, n),
                None => Some(c),
            }),
            None => None,
        };
        if let Some(element) = focused.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            let _ = element.focus();
        }
        let button = self
            .play
            .and_then(|index| card(index)?.query_selector("button.play").ok().flatten());
        if let Some(button) = button.and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
            button.click();
        }
    }
}

/// The card (its place in the feed) that had keyboard focus when the App took the page over, once:
/// the App's window of cards keeps it mounted, wherever the page was scrolled.
pub fn focused_card() -> Option<usize> {
    SHELL.with_borrow_mut(|shell| shell.focused_card.take())
}

/// Where the focused element is, if one on the painted page is.
fn focus_place() -> Option<Focus> {
    let document = document()?;
    let active = document.active_element()?;
    let place_in = |all: web_sys::NodeList| {
        (0..all.length()).find(|&i| all.item(i).is_some_and(|n| n.is_same_node(Some(&active))))
    };
    match active.closest("article.jam-card[data-index]").ok().flatten() {
        Some(card) => {
            let index = card.get_attribute("data-index")?.parse().ok()?;
            let within = if card == active {
                None
            } else {
                Some(place_in(card.query_selector_all(FOCUSABLE).ok()?)?)
            };
            Some(Focus::Card(index, within))
        }
        None => place_in(document.query_selector_all(FOCUSABLE).ok()?).map(Focus::Page),
    }
}

/// Tells the visitor, above the painted page if there is one, that `message`, with Retry.
pub fn explain(message: &str, retry: fn()) {
    let Some(document) = document() else { return };
    let Some(place) = document
        .query_selector("main")
        .ok()
        .flatten()
        .or_else(|| document.body().map(Into::into))
    else {
        return;
    };
    let _ = place.insert_adjacent_html("afterbegin", &markup::error_panel(message));
    let Some(panel) = place.first_element_child() else {
        return;
    };
    let on_click = Closure::once_into_js(move || {
        panel.remove();
        retry();
    });
    if let Ok(Some(button)) = place.query_selector(".error-panel button") {
        let _ = button.add_event_listener_with_callback("click", on_click.unchecked_ref());
    }
}
