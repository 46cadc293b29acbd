//! The Web Audio graph a jam plays through: per note a buffer source with dry, reverb and delay
//! sends; shared by all notes a convolution reverb, a dub delay and a master bus whose tanh shaper
//! keeps the output within ±1. Works on a live AudioContext and an OfflineAudioContext alike.

use crate::audio::synth::Rendered;
use crate::audio::Note;
use wasm_bindgen::JsValue;
use web_sys::{AudioBuffer, AudioBufferSourceNode, AudioNode, BaseAudioContext, BiquadFilterType, GainNode};

/// The shared part of the graph, made once per audio context.
pub struct Buses {
    pub master: GainNode,
    reverb: AudioNode,
    delay: AudioNode,
    /// Every shared node, to count them.
    pub nodes: usize,
}

/// One scheduled note: its nodes, disconnected once it has finished or is stopped.
pub struct Voice {
    source: AudioBufferSourceNode,
    nodes: Vec<AudioNode>,
    /// Audio-clock time at which the sound has ended.
    pub ends: f64,
}

impl Voice {
    /// Stops the note now (if it is still to sound) and disconnects its nodes.
    pub fn release(self) {
        let _ = AsRef::<web_sys::AudioScheduledSourceNode>::as_ref(&self.source).stop();
        for node in &self.nodes {
            let _ = node.disconnect();
        }
    }

    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }
}

/// A reverb impulse response: two seconds of decaying, decorrelated noise per channel.
fn impulse_response(ctx: &BaseAudioContext) -> Result<AudioBuffer, JsValue> {
    let rate = ctx.sample_rate();
    let frames = (rate * 2.0) as u32;
    let buffer = ctx.create_buffer(2, frames, rate)?;
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    for channel in 0..2 {
        let samples: Vec<f32> = (0..frames)
            .map(|i| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let noise = (state >> 40) as f32 / (1u64 << 23) as f32 * 2.0 - 1.0;
                noise * (-(i as f32) / rate * 3.2).exp() * 0.35
            })
            .collect();
        buffer.copy_to_channel(&samples, channel)?;
    }
    Ok(buffer)
}

impl Buses {
    pub fn new(ctx: &BaseAudioContext) -> Result<Buses, JsValue> {
        let master = ctx.create_gain()?;
        master.gain().set_value(0.8);
        let limiter = ctx.create_wave_shaper()?;
        let mut curve: Vec<f32> = (0..1025)
            .map(|i| (((i as f32) / 512.0 - 1.0) * 1.2).tanh() * 0.98)
            .collect();
        limiter.set_curve_opt_f32_slice(Some(&mut curve));
        master.connect_with_audio_node(&limiter)?;
        limiter.connect_with_audio_node(&ctx.destination())?;

        let reverb = ctx.create_convolver()?;
        reverb.set_buffer(Some(&impulse_response(ctx)?));
        reverb.connect_with_audio_node(&master)?;

        // Dub delay: 375 ms echoes, darkening as they repeat.
        let delay = ctx.create_delay_with_max_delay_time(1.0)?;
        delay.delay_time().set_value(0.375);
        let feedback = ctx.create_gain()?;
        feedback.gain().set_value(0.45);
        let tone = ctx.create_biquad_filter()?;
        tone.set_type(BiquadFilterType::Lowpass);
        tone.frequency().set_value(2500.0);
        delay.connect_with_audio_node(&tone)?;
        tone.connect_with_audio_node(&feedback)?;
        feedback.connect_with_audio_node(&delay)?;
        tone.connect_with_audio_node(&master)?;
        Ok(Buses {
            master,
            reverb: reverb.into(),
            delay: delay.into(),
            nodes: 7,
        })
    }

    /// Schedules `rendered` (the sound of `note`) to start at audio time `when`, `offset` s into it.
    pub fn play(
        &self,
        ctx: &BaseAudioContext,
        note: &Note,
        rendered: &AudioBuffer,
        when: f64,
        offset: f64,
    ) -> Result<Voice, JsValue> {
        let source = ctx.create_buffer_source()?;
        source.set_buffer(Some(rendered));
        let mut nodes: Vec<AudioNode> = vec![source.clone().into()];
        for (level, bus) in [
            (note.dry, &self.master.clone().into()),
            (note.reverb, &self.reverb),
            (note.delay, &self.delay),
        ] {
            if level > 0.001 {
                let send = ctx.create_gain()?;
                send.gain().set_value(level.clamp(0.0, 1.0) as f32);
                source.connect_with_audio_node(&send)?;
                send.connect_with_audio_node(bus)?;
                nodes.push(send.into());
            }
        }
        let offset = offset.clamp(0.0, rendered.duration());
        source.start_with_when_and_grain_offset(when.max(0.0), offset)?;
        Ok(Voice {
            source,
            nodes,
            ends: when + rendered.duration() - offset,
        })
    }
}

/// Copies rendered samples into an AudioBuffer of the context's rate.
pub fn to_buffer(ctx: &BaseAudioContext, rendered: &Rendered) -> Result<AudioBuffer, JsValue> {
    let frames = rendered.left.len().min(rendered.right.len()).max(1) as u32;
    let buffer = ctx.create_buffer(2, frames, ctx.sample_rate())?;
    if !rendered.left.is_empty() {
        buffer.copy_to_channel(&rendered.left[..frames as usize], 0)?;
        buffer.copy_to_channel(&rendered.right[..frames as usize], 1)?;
    }
    Ok(buffer)
}
