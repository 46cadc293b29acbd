//! The engine as the AudioWorklet's wasm module: plain exported functions over linear memory, no
//! wasm-bindgen (the worklet scope has none of its glue). One jam per module instance.
//!
//! The processor script (`engine/worklet/processor.js`) calls `mj_init` once, copies a layer's
//! touches into memory from `mj_alloc` as 5 f32 per row (time, x, y, z, moving) and adds it with
//! `mj_add_layer`, then calls `mj_render` for every 128-frame quantum and reads left then right
//! from the returned pointer.
//!
//! Only with the `worklet` feature (on by default): the site's own wasm links the engine without it.
#![cfg(feature = "worklet")]

use crate::{Instrument, Jam, Touch, BLOCK};
use std::cell::RefCell;

struct State {
    jam: Jam,
    out: [f32; 2 * BLOCK],
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

/// Reserves `bytes` of memory for the caller to fill (touch rows); free it with `mj_free`.
#[no_mangle]
pub extern "C" fn mj_alloc(bytes: usize) -> *mut u8 {
    let mut v: Vec<u8> = Vec::with_capacity(bytes.max(1));
    let p = v.as_mut_ptr();
    std::mem::forget(v);
    p
}

/// # Safety
/// `ptr` and `bytes` must come from one `mj_alloc` call.
#[no_mangle]
pub unsafe extern "C" fn mj_free(ptr: *mut u8, bytes: usize) {
    if !ptr.is_null() {
        drop(Vec::from_raw_parts(ptr, 0, bytes.max(1)));
    }
}

/// Starts an empty jam at `sample_rate` (again: forgets the previous one).
#[no_mangle]
pub extern "C" fn mj_init(sample_rate: f32) {
    STATE.with_borrow_mut(|s| {
        *s = Some(State {
            jam: Jam::new(sample_rate),
            out: [0.0; 2 * BLOCK],
        })
    });
}

/// Adds a layer of instrument number `instrument` (`Instrument::ALL` order; other numbers play
/// chirp) with `count` touch rows at `rows`. Returns its number, or -1 before `mj_init`.
///
/// # Safety
/// `rows` must point at `5 * count` readable f32 values.
#[no_mangle]
pub unsafe extern "C" fn mj_add_layer(instrument: u32, rows: *const f32, count: usize, seed: u32) -> i32 {
    let rows = if rows.is_null() {
        &[][..]
    } else {
        std::slice::from_raw_parts(rows, count * 5)
    };
    let touches: Vec<Touch> = rows
        .chunks_exact(5)
        .map(|r| Touch {
            time: f64::from(r[0]),
            x: r[1],
            y: r[2],
            z: r[3],
            moving: r[4] == 1.0,
        })
        .collect();
    STATE.with_borrow_mut(|s| match s {
        Some(state) => state
            .jam
            .add_layer(Some(Instrument::from_index(instrument)), &touches, seed) as i32,
        None => -1,
    })
}

/// A live touch on layer `layer`, played at the start of the next quantum.
#[no_mangle]
pub extern "C" fn mj_touch(layer: u32, x: f32, y: f32, z: f32, moving: u32) {
    STATE.with_borrow_mut(|s| {
        if let Some(l) = s.as_mut().and_then(|s| s.jam.layer_mut(layer as usize)) {
            l.touch_now(x, y, z, moving == 1);
        }
    });
}

/// Renders `frames` (at most 128) and returns where they are: `frames` left samples at the pointer,
/// then right samples 128 floats further on. Silence before `mj_init`.
#[no_mangle]
pub extern "C" fn mj_render(frames: usize) -> *const f32 {
    STATE.with_borrow_mut(|s| match s {
        Some(state) => {
            let n = frames.min(BLOCK);
            let (left, right) = state.out.split_at_mut(BLOCK);
            state.jam.render(&mut left[..n], &mut right[..n]);
            state.out.as_ptr()
        }
        None => std::ptr::null(),
    })
}
