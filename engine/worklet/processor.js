// MicroJam's sound engine as an AudioWorkletProcessor. The engine is a plain wasm module (engine/src/ffi.rs:
// mj_init, mj_alloc, mj_free, mj_add_layer, mj_render), compiled on the main thread and passed in
// processorOptions.module; it is instantiated here synchronously. One processor plays one jam at a time.
//
// Messages in (port), times in seconds of the context's clock:
//   { type: 'play', run, at, length, tail, layers: [{ instrument, seed, rows: Float32Array(5 per touch) }] }
//   { type: 'pause', at }  { type: 'resume', at }  { type: 'stop' }  { type: 'stats' }
//   { type: 'live', run, instrument, seed, layers } starts a jam of the recorded `layers` (none for a
//     solo take) plus one live layer of `instrument` at once (the next quantum; no end of its own:
//     'pause' or 'stop' ends it), and
//   { type: 'touch', x, y, z, moving, stamp } plays a touch on that live layer at the start of the
//     next quantum (the stage sends one per pointer event, at once).
//   { type: 'report-touches', on } (for the latency benchmark): after each touch, report
//     { type: 'touched', stamp, frame, wall }: the quantum's first frame and Date.now() as it renders.
// A jam can also come in processorOptions.jam (an offline render), played as 'play' at frame 0.
// Messages out: { type: 'ended', run } once the jam has sounded and died away (or length + tail has
// passed); { type: 'late', run, seconds } when a command came after its time (it took effect at once);
// { type: 'error', run, message } after an exception (the processor then outputs silence and carries
// on with a fresh instance); { type: 'stats', instances, rate, position, memory } on request: processors
// made in this scope, the sample rate, frames of the jam rendered, and the wasm memory in bytes.

const BLOCK = 128;
const QUIET = 1e-4; // -80 dBFS: after the last touch, this long below it ends the jam
const QUIET_SECONDS = 0.5;
let instances = 0;

class MicroJamEngine extends AudioWorkletProcessor {
  constructor(options) {
    super();
    instances += 1;
    const { module, jam } = options.processorOptions || {};
    this.module = module;
    this.engine = null;
    this.run = -1;
    this.loaded = false; // a jam is loaded (until it ends or stops)
    this.playing = false;
    this.queue = []; // { frame, playing }, in frame order
    this.position = 0; // frames of the jam rendered
    this.liveLayer = -1; // the live layer's number in a 'live' jam
    this.reporting = false;
    this.touched = []; // stamps of touches applied at the start of the next quantum
    this.port.onmessage = (event) => this.guard(() => this.receive(event.data));
    this.guard(() => {
      this.instantiate();
      if (jam) this.receive({ ...jam, type: 'play', at: 0 });
    });
  }

  instantiate() {
    if (!this.engine) this.engine = new WebAssembly.Instance(this.module, {}).exports;
    return this.engine;
  }

  receive(message) {
    switch (message.type) {
      case 'play': return this.play(message);
      case 'pause': return this.at(message.at, false);
      case 'resume': return this.at(message.at, true);
      case 'stop': return this.unload();
      case 'live': return this.live(message);
      case 'touch': return this.touch(message);
      case 'report-touches': this.reporting = Boolean(message.on); return undefined;
      case 'stats': return this.port.postMessage({
        type: 'stats', instances, rate: sampleRate, position: this.position,
        memory: this.engine ? this.engine.memory.buffer.byteLength : 0,
      });
    }
  }

  play({ run, at, length, tail, layers }) {
    this.load(run, layers);
    this.last = Math.round(length * sampleRate); // the jam's end, after which it may fall quiet
    this.end = Math.round((length + tail) * sampleRate);
    this.at(at, true);
  }

  // The recorded layers and one live layer, from the next quantum until paused or stopped.
  live({ run, instrument, seed, layers }) {
    this.load(run, layers);
    this.liveLayer = this.engine.mj_add_layer(instrument >>> 0, 0, 0, seed >>> 0);
    this.last = Infinity;
    this.end = Infinity;
    this.queue = [{ frame: currentFrame, playing: true }];
  }

  touch({ x, y, z, moving, stamp }) {
    if (!this.loaded || this.liveLayer < 0) return;
    this.engine.mj_touch(this.liveLayer, +x, +y, +z, moving ? 1 : 0);
    if (this.reporting) this.touched.push(stamp);
  }

  load(run, layers) {
    this.unload();
    const engine = this.instantiate();
    engine.mj_init(sampleRate);
    for (const { instrument, seed, rows } of layers) {
      const count = Math.floor(rows.length / 5);
      const bytes = count * 20;
      const ptr = engine.mj_alloc(bytes);
      new Float32Array(engine.memory.buffer, ptr, count * 5).set(rows.subarray(0, count * 5));
      engine.mj_add_layer(instrument >>> 0, ptr, count, seed >>> 0);
      engine.mj_free(ptr, bytes);
    }
    this.run = run;
    this.loaded = true;
    this.position = 0;
    this.quiet = 0;
  }

  // Starts (true) or pauses (false) the jam at context time `at`, sample-exactly; a late command acts now.
  at(time, playing) {
    if (!this.loaded) return;
    let frame = Math.round(time * sampleRate);
    if (!(frame >= currentFrame)) {
      const late = Number.isFinite(frame) ? (currentFrame - frame) / sampleRate : 0;
      this.port.postMessage({ type: 'late', run: this.run, seconds: late });
      frame = currentFrame;
    }
    let i = this.queue.length;
    while (i > 0 && this.queue[i - 1].frame > frame) i -= 1;
    this.queue.splice(i, 0, { frame, playing });
  }

  unload() {
    this.loaded = false;
    this.liveLayer = -1;
    this.playing = false;
    this.queue = [];
  }

  process(_inputs, outputs) {
    if (!this.guard(() => this.render(outputs[0]))) outputs[0].forEach((channel) => channel.fill(0));
    return true;
  }

  render(output) {
    const left = output[0];
    const right = output[1] || output[0];
    if (!left) return;
    left.fill(0);
    right.fill(0);
    let f = 0;
    while (this.loaded && f < BLOCK) {
      while (this.queue.length && this.queue[0].frame <= currentFrame + f) this.playing = this.queue.shift().playing;
      const until = this.queue.length ? Math.min(BLOCK, this.queue[0].frame - currentFrame) : BLOCK;
      if (this.playing) this.renderInto(left, right, f, until);
      f = until;
    }
    if (this.touched.length) this.reportTouches();
    if (this.playing && this.position >= this.last && (this.quiet >= QUIET_SECONDS * sampleRate || this.position >= this.end)) {
      this.unload();
      this.port.postMessage({ type: 'ended', run: this.run });
    }
  }

  reportTouches() {
    const wall = Date.now();
    for (const stamp of this.touched) this.port.postMessage({ type: 'touched', stamp, frame: currentFrame, wall });
    this.touched.length = 0;
  }

  renderInto(left, right, from, to) {
    const frames = to - from;
    const engine = this.engine;
    const ptr = engine.mj_render(frames);
    if (!ptr) return;
    // One view of the output for as long as memory does not grow: no garbage on the audio thread.
    if (!this.out || this.out.buffer !== engine.memory.buffer || this.out.byteOffset !== ptr) {
      this.out = new Float32Array(engine.memory.buffer, ptr, 2 * BLOCK);
    }
    const out = this.out;
    let loud = false;
    for (let i = 0; i < frames; i++) {
      const l = out[i];
      const r = out[BLOCK + i];
      left[from + i] = l;
      if (right !== left) right[from + i] = r;
      loud = loud || Math.abs(l) > QUIET || Math.abs(r) > QUIET;
    }
    this.position += frames;
    this.quiet = loud ? 0 : this.quiet + frames;
  }

  // Runs `work`; an exception silences this quantum and the jam, is reported, and a fresh instance of
  // the module serves the next play (a trapped instance may be left in any state).
  guard(work) {
    try {
      work();
      return true;
    } catch (error) {
      this.engine = null;
      this.out = null;
      this.unload();
      this.port.postMessage({ type: 'error', run: this.run, message: String((error && error.stack) || error) });
      return false;
    }
  }
}

registerProcessor('microjam-engine', MicroJamEngine);
