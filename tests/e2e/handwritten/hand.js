// The hand-written comparison page (tests/e2e/bench-first-paint.mjs): the gallery's first page of
// cards as a plain script does it. It takes the first feed page that index.html's inline script
// asked for, makes the performances that others on the page reply to layers rather than cards, and
// resolves each card's reply chain as the site does (docs/api.md: follow reply_to,
// fetching the parents not on the page, all of one depth at once, at most 16 layers, stopping at a
// cycle or a parent that cannot be had), draws the cards, and draws each card's picture (every
// layer's touch trace on the root's background, as src/trace.rs and components/trace_canvas.rs do)
// when it comes within 300 px of the viewport. The frame after the first picture is drawn sets the
// performance mark `microjam:first-trace`, as the site does. Play plays a jam with the site's own
// sound engine (its wasm module and AudioWorklet processor, named in the page's meta tags) and the
// same `play` message the site's player sends (src/player/worklet.rs, engine/worklet/processor.js).
'use strict';

const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content;
const API = (meta('microjam-api') || '/api').replace(/\/$/, '');
const INSTRUMENTS = ['chirp', 'keys', 'drums', 'strings', 'quack', 'wub', 'pad', 'fmlead', 'leadguitar'];
const LABELS = { chirp: 'Chirp', keys: 'Keys', drums: 'Drums', strings: 'Strings', quack: 'Quack', wub: 'Wub', pad: 'Pad', fmlead: 'FM lead', leadguitar: 'Lead guitar' };
const MAX_LAYERS = 16;
const LEAD = 0.05; // s ahead of the audio clock, as the site's player
const TAIL = 3.0;
const label = (instrument) => LABELS[instrument] || instrument;

// --- Performances: lenient decoding as the site's (skip what lacks a required field). ---
function colour(value, fallback) {
  const m = typeof value === 'string' && /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(value.trim());
  if (!m) return fallback;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16));
  const a = m[2] ? parseInt(m[2], 16) : 255;
  return a === 255 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(3)})`;
}

function touches(csv) {
  const rows = [];
  for (const line of csv.split('\n')) {
    const f = line.split(',');
    if (f.length !== 5) continue;
    const [t, x, y, z, moving] = f.map((s) => (s.trim() === '' ? NaN : Number(s)));
    if (![t, x, y, z, moving].every(Number.isFinite) || t < 0 || t > 60 || (moving !== 0 && moving !== 1)) continue;
    const clamp = (v, hi) => Math.min(hi, Math.max(0, v));
    rows.push({ time: t, x: clamp(x, 1), y: clamp(y, 1), z: clamp(z, 1000), moving: moving === 1 });
  }
  return rows;
}

function performance_(p) {
  const text = (v) => typeof v === 'string' && v !== '';
  if (!p || !text(p.id) || !text(p.performer) || !text(p.instrument) || !text(p.date) || typeof p.touches !== 'string') return null;
  const time = Date.parse(p.date);
  if (Number.isNaN(time)) return null;
  return {
    id: p.id, performer: p.performer, instrument: p.instrument, date: p.date, time,
    colour: colour(p.colour, 'rgb(236, 107, 45)'), background: colour(p.background_colour, 'rgb(20, 29, 38)'),
    replyTo: text(p.reply_to) ? p.reply_to : null, touches: touches(p.touches),
  };
}

const segment = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const one = (id) => fetch(`${API}/performances/${segment(id)}.json`).then((r) => (r.ok ? r.json() : null)).then(performance_, () => null);

/** Jams (layers newest first) for the page's leaves, fetching the missing parents one depth at a time. */
async function jams(leaves, page) {
  const known = new Map(page.map((p) => [p.id, p]));
  const walks = leaves.map((p) => ({ layers: [p], seen: new Set([p.id]), done: false }));
  for (;;) {
    const wanted = new Set();
    for (const walk of walks) {
      while (!walk.done) {
        const parent = walk.layers[walk.layers.length - 1].replyTo;
        if (!parent || walk.seen.has(parent) || walk.layers.length >= MAX_LAYERS) walk.done = true;
        else if (known.has(parent)) {
          const p = known.get(parent);
          if (p) { walk.layers.push(p); walk.seen.add(parent); } else walk.done = true;
        } else { wanted.add(parent); break; }
      }
    }
    if (!wanted.size) return walks.map((w) => w.layers);
    const ids = [...wanted];
    (await Promise.all(ids.map(one))).forEach((p, i) => known.set(ids[i], p && p.id === ids[i] ? p : null));
  }
}

// --- Pictures. ---
function draw(canvas, layers) {
  const css = canvas.clientWidth || 300;
  const side = Math.max(1, Math.round(css * Math.min(4, Math.max(1, devicePixelRatio || 1))));
  canvas.width = side;
  canvas.height = side;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = layers[layers.length - 1].background;
  ctx.fillRect(0, 0, side, side);
  const width = side / 30;
  Object.assign(ctx, { lineWidth: width, lineCap: 'round', lineJoin: 'round' });
  for (let l = layers.length - 1; l >= 0; l--) {
    ctx.strokeStyle = ctx.fillStyle = layers[l].colour;
    let pen = null;
    let prev = null;
    ctx.beginPath();
    for (const t of layers[l].touches) {
      const x = t.x * side;
      const y = t.y * side;
      if (t.moving && prev) {
        if (!pen || pen[0] !== prev[0] || pen[1] !== prev[1]) ctx.moveTo(prev[0], prev[1]);
        ctx.lineTo(x, y);
      } else {
        ctx.stroke();
        ctx.beginPath();
        ctx.arc(x, y, width / 2, 0, 2 * Math.PI);
        ctx.fill();
        ctx.beginPath();
        ctx.moveTo(x, y);
      }
      pen = prev = [x, y];
    }
    ctx.stroke();
  }
  if (!draw.marked) {
    draw.marked = true;
    requestAnimationFrame(() => performance.mark('microjam:first-trace'));
  }
}

const pictures = new Map();
const observer = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    observer.unobserve(entry.target);
    draw(entry.target, pictures.get(entry.target));
  }
}, { rootMargin: '300px' });

// --- Cards. ---
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

function ago(ms) {
  const s = Math.max(0, Math.floor((Date.now() - ms) / 1000));
  const n = (v, one, unit) => (v === 1 ? `${one} ago` : `${v} ${unit}s ago`);
  if (s < 60) return 'just now';
  if (s < 3600) return n(Math.floor(s / 60), 'a minute', 'minute');
  if (s < 86400) return n(Math.floor(s / 3600), 'an hour', 'hour');
  if (s < 2 * 86400) return 'yesterday';
  if (s < 7 * 86400) return n(Math.floor(s / 86400), 'a day', 'day');
  if (s < 30 * 86400) return n(Math.floor(s / 604800), 'a week', 'week');
  if (s < 365 * 86400) return n(Math.min(11, Math.floor(s / 2592000)), 'a month', 'month');
  return n(Math.floor(s / 31536000), 'a year', 'year');
}

const list = (names) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

function card(layers, index) {
  const leaf = layers[0];
  const others = [...new Set(layers.slice(1).map((p) => p.performer))].filter((n) => n !== leaf.performer);
  const with_ = others.length ? ` with ${list(others)}` : '';
  const count = layers.reduce((n, p) => n + p.touches.length, 0);
  const canvas = el('canvas', {
    class: 'trace', role: 'img', width: 300, height: 300, style: `background-color: ${layers[layers.length - 1].background}`,
    'aria-label': `Touch trace of a ${label(leaf.instrument).toLowerCase()} performance by ${leaf.performer}${with_}${layers.length > 1 ? `, ${layers.length} layers` : ''}, ${count} ${count === 1 ? 'touch' : 'touches'}`,
  });
  pictures.set(canvas, layers);
  const play = el('button', { type: 'button', class: 'button play', 'aria-label': `Play jam by ${leaf.performer}` },
    el('span', { class: 'play-icon', 'aria-hidden': 'true' }, '▶'), el('span', { class: 'play-text', 'aria-hidden': 'true' }, 'Play'));
  const player = el('div', { class: 'player' }, play);
  play.addEventListener('click', () => toggle(layers, play, player));
  const details = el('p', { class: 'card-details' }, el('span', { class: 'instrument' }, label(leaf.instrument)), ' · ',
    el('time', { datetime: leaf.date, title: new Date(leaf.time).toUTCString() }, ago(leaf.time)));
  if (layers.length > 1) details.append(' · ', el('span', { class: 'layer-count' }, `${layers.length} layers`));
  const performers = el('p', { class: 'card-performers' }, el('a', { href: `/performers/${segment(leaf.performer)}`, class: 'performer' }, leaf.performer));
  if (others.length) performers.append(` with ${list(others)}`);
  return el('article', { class: 'jam-card', tabindex: 0, 'aria-label': `${label(leaf.instrument)} jam by ${leaf.performer}${with_}`, 'aria-posinset': index + 1, 'aria-setsize': -1 },
    el('div', { class: 'card-picture' }, canvas),
    el('div', { class: 'card-body' }, performers, details,
      el('div', { class: 'card-actions' }, player, el('a', { href: `/performances/${segment(leaf.id)}`, class: 'card-open', 'aria-label': `Open the ${label(leaf.instrument)} jam by ${leaf.performer}` }, 'Open'))));
}

// --- Playback through the site's engine. ---
let context = null;
let engine = null; // a promise of the engine's node
let playing = null; // { run, at, length, play, player, progress }
let runs = 0;

/** The FNV-1a seed of src/score.rs: a performance always sounds the same. */
function seed(id) {
  let h = 0xcbf29ce484222325n;
  for (const b of new TextEncoder().encode(id)) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return Number((h ^ (h >> 32n)) & 0xffffffffn);
}

function loadEngine() {
  const fetched = fetch(meta('microjam-engine'));
  const compiled = WebAssembly.compileStreaming ? WebAssembly.compileStreaming(fetched) : fetched.then((r) => r.arrayBuffer()).then((b) => WebAssembly.compile(b));
  return Promise.all([compiled, context.audioWorklet.addModule(meta('microjam-engine-processor'))]).then(([module]) => {
    const node = new AudioWorkletNode(context, 'microjam-engine', {
      numberOfInputs: 0, numberOfOutputs: 1, outputChannelCount: [2], processorOptions: { module },
    });
    node.connect(context.destination);
    node.port.onmessage = ({ data }) => { if (data.type === 'ended' && playing && data.run === playing.run) stop(); };
    return node;
  });
}

function setButton(play, text, icon, busy) {
  play.querySelector('.play-text').textContent = text;
  play.querySelector('.play-icon').textContent = icon;
  play.setAttribute('aria-busy', String(busy));
}

function stop() {
  if (!playing) return;
  engine.then((node) => node.port.postMessage({ type: 'stop', at: 0 }));
  playing.progress.remove();
  setButton(playing.play, 'Play', '▶', false);
  playing = null;
}

function toggle(layers, play, player) {
  const mine = playing && playing.play === play;
  stop();
  if (mine) return;
  context ??= new AudioContext();
  context.resume();
  setButton(play, 'Loading…', '◌', true);
  const progress = el('progress', { class: 'progress', max: 1, value: 0, 'aria-label': 'Playback progress' });
  const session = { play, progress, run: ++runs };
  playing = session;
  engine ??= loadEngine();
  engine.then((node) => {
    if (playing !== session) return;
    const length = Math.max(5, ...layers.flatMap((p) => p.touches.map((t) => t.time)));
    const at = context.currentTime + LEAD;
    node.port.postMessage({
      type: 'play', run: session.run, at, length, tail: TAIL,
      layers: layers.map((p) => ({
        instrument: Math.max(0, INSTRUMENTS.indexOf(p.instrument)), seed: seed(p.id),
        rows: Float32Array.from(p.touches.flatMap((t) => [t.time, t.x, t.y, t.z, t.moving ? 1 : 0])),
      })),
    });
    Object.assign(session, { at, length });
    setButton(play, 'Stop', '■', false);
    player.append(progress);
    const frame = () => {
      if (playing !== session) return;
      progress.value = Math.min(1, Math.max(0, (context.currentTime - at) / length));
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, (error) => {
    engine = null;
    setButton(play, 'Play', '▶', false);
    player.after(el('p', { class: 'error' }, `The sound engine could not load: ${error}`));
    if (playing === session) playing = null;
  });
}

// --- The first page. ---
const grid = document.querySelector('.jam-grid');
(window.firstPage || fetch(`${API}/performances.json`))
  .then((r) => { if (!r.ok) throw new Error(`HTTP ${r.status}`); return r.json(); })
  .then((page) => {
    // As the site's feed (src/feed.rs): a performance another one on the page replies to is a layer
    // of that jam, not a card of its own; a repeated id is dropped.
    const seen = new Set();
    const all = (page.performances || []).map(performance_).filter((p) => p && !seen.has(p.id) && seen.add(p.id));
    const referenced = new Set(all.map((p) => p.replyTo).filter(Boolean));
    return jams(all.filter((p) => !referenced.has(p.id)), all);
  })
  .then((all) => {
    grid.append(...all.map(card));
    grid.setAttribute('aria-busy', 'false');
    for (const canvas of grid.querySelectorAll('canvas')) observer.observe(canvas);
  })
  .catch((error) => grid.replaceWith(el('p', { class: 'error' }, `The jams could not be loaded: ${error.message}`)));
