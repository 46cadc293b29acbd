//! "Tell me when this element is (nearly) on screen": one IntersectionObserver per watched element,
//! disconnected when the watching component goes away.

use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use std::{cell::RefCell, rc::Rc};
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

struct Watch {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_change(true)` when `target` comes within `margin` (CSS, e.g. "300px") of the viewport
/// and `on_change(false)` when it leaves, until `on_change` returns false (done watching) or the
/// current reactive owner is cleaned up. Where the browser has no IntersectionObserver,
/// `on_change(true)` is called at once.
pub fn watch_visibility(target: &Element, margin: &str, on_change: impl FnMut(bool) -> bool + 'static) {
    let on_change = Rc::new(RefCell::new(on_change));
    let report = on_change.clone();
    let callback = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: IntersectionObserver| {
            if let Some(entry) = entries.iter().last() {
                let visible = entry.unchecked_into::<IntersectionObserverEntry>().is_intersecting();
                if !(report.borrow_mut())(visible) {
                    observer.disconnect();
                }
            }
        },
    );
    let options = IntersectionObserverInit::new();
    options.set_root_margin(margin);
    match IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options) {
        Ok(observer) => {
            observer.observe(target);
            let watch = SendWrapper::new(Watch {
                observer,
                _callback: callback,
            });
            on_cleanup(move || drop(watch));
        }
        Err(_) => {
            (on_change.borrow_mut())(true);
        }
    }
}
