//! A jam on one audio context (live or offline): its notes, their sounds rendered on demand (and kept
//! for replays), the look-ahead scheduler and the voices it has started.

use super::graph::{to_buffer, Buses, Voice};
use crate::audio::scheduler::{Due, Scheduler, Transport};
use crate::audio::{synth, Note};
use wasm_bindgen::JsValue;
use web_sys::{AudioBuffer, BaseAudioContext};

pub struct Engine {
    ctx: BaseAudioContext,
    notes: Vec<Note>,
    buffers: Vec<Option<AudioBuffer>>,
    scheduler: Scheduler,
    voices: Vec<Voice>,
}

impl Engine {
    pub fn new(ctx: BaseAudioContext, notes: Vec<Note>) -> Self {
        let starts: Vec<f64> = notes.iter().map(|n| n.start).collect();
        Engine {
            buffers: vec![None; notes.len()],
            scheduler: Scheduler::new(&starts),
            ctx,
            notes,
            voices: Vec::new(),
        }
    }

    fn buffer(&mut self, index: usize) -> Result<AudioBuffer, JsValue> {
        if let Some(buffer) = &self.buffers[index] {
            return Ok(buffer.clone());
        }
        let rendered = synth::render(&self.notes[index], self.ctx.sample_rate());
        let buffer = to_buffer(&self.ctx, &rendered)?;
        self.buffers[index] = Some(buffer.clone());
        Ok(buffer)
    }

    fn start(&mut self, buses: &Buses, due: &[Due], transport: &Transport) -> Result<(), JsValue> {
        for d in due {
            let buffer = self.buffer(d.index)?;
            let voice = buses.play(
                &self.ctx,
                &self.notes[d.index],
                &buffer,
                transport.clock_at(d.at),
                d.offset,
            )?;
            self.voices.push(voice);
        }
        Ok(())
    }

    /// Hands the notes due within `lookahead` of jam time `position` to the audio clock.
    pub fn top_up(
        &mut self,
        buses: &Buses,
        position: f64,
        lookahead: f64,
        transport: &Transport,
    ) -> Result<(), JsValue> {
        let due = self.scheduler.due(position, lookahead);
        self.start(buses, &due, transport)
    }

    /// Starts from `position` (0 to play from the top; the paused position to resume), resuming the
    /// notes that were sounding there part-way.
    pub fn seek(&mut self, buses: &Buses, position: f64, transport: &Transport) -> Result<(), JsValue> {
        let buffers = &self.buffers;
        let sounding = self
            .scheduler
            .seek(position, |i| buffers[i].as_ref().map(AudioBuffer::duration));
        self.start(buses, &sounding, transport)
    }

    /// Disconnects the voices that have finished by audio time `clock`.
    pub fn sweep(&mut self, clock: f64) {
        let (done, playing): (Vec<Voice>, Vec<Voice>) = self.voices.drain(..).partition(|v| v.ends < clock);
        self.voices = playing;
        done.into_iter().for_each(Voice::release);
    }

    /// Stops every voice now.
    pub fn silence(&mut self) {
        self.voices.drain(..).for_each(Voice::release);
    }

    /// True when every note has been handed out and has finished sounding by `clock`.
    pub fn is_finished(&self, clock: f64) -> bool {
        self.scheduler.is_done() && self.voices.iter().all(|v| v.ends < clock)
    }

    /// Audio nodes this engine has connected and not yet released.
    pub fn live_nodes(&self) -> usize {
        self.voices.iter().map(Voice::node_count).sum()
    }
}
