//! Who performs and how: the stage name (kept for next time), the instrument (each plays a short
//! preview when chosen) and the performer's colour.

use super::{Perform, Phase};
use crate::colour::Rgba;
use crate::instrument::{self, Instrument};
use leptos::prelude::*;

#[component]
pub fn Setup() -> impl IntoView {
    let perform = expect_context::<Perform>();
    let recording = move || perform.phase.get() == Phase::Recording;
    let choose = move |ev: leptos::ev::Event| {
        let name = event_target_value(&ev);
        perform.instrument.set(name.clone());
        let sound = Instrument::from_name(&name).sound();
        perform.warm_up(move || crate::player::stage::preview(sound));
    };
    view! {
        <div class="perform-setup">
            <label>
                <span>"Stage name"</span>
                <input type="text" name="stage-name" autocomplete="nickname" maxlength="40" placeholder="Anonymous"
                    prop:value=move || perform.name.get()
                    on:change=move |ev| {
                        let name = event_target_value(&ev);
                        crate::store::set_stage_name(&name);
                        perform.name.set(name);
                    } />
            </label>
            <label>
                <span>"Instrument"</span>
                <select name="instrument" on:change=choose disabled=recording>
                    {instrument::ALL.iter().map(|i| view! {
                        <option value=i.name() selected=move || perform.instrument.get() == i.name()>{i.label()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>
                <span>"Colour"</span>
                <input type="color" name="colour" disabled=recording
                    prop:value=move || perform.colour.get().css()
                    on:input=move |ev| {
                        if let Some(colour) = Rgba::parse(&event_target_value(&ev)) {
                            perform.colour.set(colour);
                        }
                    } />
            </label>
        </div>
    }
}
