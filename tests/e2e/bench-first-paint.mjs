// First-paint benchmark (prints tables; passes or fails nothing): the release build against a
// hand-written page (tests/e2e/handwritten/: plain HTML, CSS and JS, no framework, no build step)
// that fetches the same first API page, draws the same cards and their touch-trace pictures and
// plays a jam with the site's own sound engine.
//
// Serving: this script serves DIST_DIR (default: the repo's dist/) itself, on a free loopback port,
// as a static host would: every file pre-compressed once (brotli quality 11 and gzip 9), answered
// with `Content-Encoding: br` when the request's Accept-Encoding has br (Chromium 156 sends
// "gzip, deflate, br, zstd" on http://127.0.0.1, so brotli is what is measured; the header says
// what was served), else gzip; `Cache-Control: no-cache`; an index.html fallback for paths without
// an extension; /api/* from DIST_DIR/api (the static JSON tree docs/api.md allows). The hand-written
// page is served on a second port (its own origin) with the same compression, with /api, /engine
// and the favicon from the same DIST_DIR, and the engine's two meta tags copied from its index.html.
//
// Profiles: "phone" as Lighthouse (CDP Network.emulateNetworkConditions: 150 ms latency, 1.6 Mbit/s
// down, 750 kbit/s up; Emulation.setCPUThrottlingRate 4; 390×844 at DPR 3, mobile, touch) and
// "desktop" (1280×800 at DPR 1, no throttling). Every load is cold: a fresh browser context.
// Per profile and run, in this order: a paint load of the site, one of the hand-written page, a play
// load of the site, one of the hand-written page (BENCH_RUNS runs, default 5; one unmeasured
// warm-up load of each page first). Measures (times from navigation start, on the page's clock):
// - first card picture painted: the `microjam:first-trace` mark both pages set in the animation
//   frame after their first card picture is drawn;
// - first page of cards painted: the first animation frame in which every card picture (canvas) in
//   the viewport has been drawn, counting as many as are in the viewport once the load has settled
//   (network quiet for 1 s). A script added to both pages before their own records which canvases
//   have had fillRect/fill/stroke called on their 2D context, and checks the viewport in the next
//   frame after any drawing or DOM change: the same rule, applied identically to both pages;
// - LCP: the last 'largest-contentful-paint' entry once settled (buffered observer); FCP likewise;
// - first Play working: in a separate load (a click ends LCP), the first card's Play button (the
//   first article.jam-card's button named "Play…") is clicked, with a real mouse click through CDP,
//   as soon as the probe sees it laid out in the viewport (checked in the frame after each DOM
//   change; the probe tells the harness through a binding); the time at which the page's AudioContext is running and
//   its clock has passed the `at` of the first `play` message posted to the engine's AudioWorkletNode
//   (polled every 2 ms), i.e. the engine is rendering the jam; afterwards the processor is asked for
//   its stats and must report frames rendered. Also click → audio;
// - bytes on the wire: CDP Network.loadingFinished encodedDataLength (headers and compressed body) of
//   the requests finished before the first card was painted (API included, and the API alone), and
//   of all requests by the time the load settled; the engine's two files in the play load by the
//   server's count (compressed bodies and headers), since DevTools does not see the AudioWorklet's
//   module fetch. Nor does it throttle it: under the phone profile the server delays worklet scripts
//   (Sec-Fetch-Dest: audioworklet) itself by the profile's latency plus their transfer time.
// Then one more phone load and one desktop load of each page, printed as waterfalls (start and end
// of each request; screenshots in target/e2e-screenshots/bench-first-paint-*.png), and one phone
// play load of each: the requests from the click on.
// Usage: node tests/e2e/bench-first-paint.mjs [DIST_DIR]   (BENCH_RUNS=N for N runs; CHROMIUM=path)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ROOT, SCREENSHOTS as SHOTS } from './harness.mjs';

const DIST = path.resolve(process.argv[2] || path.join(ROOT, 'dist'));
const HAND = path.join(ROOT, 'tests/e2e/handwritten');
const RUNS = Number(process.env.BENCH_RUNS || 5);
const SETTLE_MS = 1000;
const PROFILES = {
  phone: {
    context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    network: { offline: false, latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
    cpu: 4,
    describe: 'phone (Lighthouse mobile: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up, CPU ×4 slower, 390×844 @3x, touch)',
  },
  desktop: {
    context: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
    network: null,
    cpu: 1,
    describe: 'desktop (1280×800 @1x, no throttling)',
  },
};

// ---------------------------------------------------------------------------------------------
// The static server.

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
};
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

function walk(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory()
    ? walk(path.join(dir, e.name), `${prefix}/${e.name}`)
    : [[`${prefix}/${e.name}`, path.join(dir, e.name)]]));
}

/** A file as served: its type and its bytes raw, brotli (q11) and gzip (9). */
async function prepare(bytes, name) {
  const type = TYPES[path.extname(name).toLowerCase()] || 'application/octet-stream';
  const text = /^(text|application\/json|image\/svg)/.test(type);
  const [br, gz] = await Promise.all([
    brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length, [zlib.constants.BROTLI_PARAM_MODE]: text ? zlib.constants.BROTLI_MODE_TEXT : zlib.constants.BROTLI_MODE_GENERIC } }),
    gzip(bytes, { level: 9 }),
  ]);
  return { type, raw: bytes, br, gzip: gz };
}

/** url path → prepared file, for every file under `dir`, with `rewrite(urlPath, bytes)` applied first. */
async function prepareTree(dir, rewrite = (_, b) => b) {
  const files = new Map();
  const entries = walk(dir);
  // A few at a time: brotli at quality 11 is slow, and the machine is shared.
  for (let i = 0; i < entries.length; i += 8) {
    await Promise.all(entries.slice(i, i + 8).map(async ([url, file]) => {
      files.set(url, await prepare(rewrite(url, readFileSync(file)), url));
    }));
  }
  return files;
}

function encodingFor(header) {
  const offered = new Map(String(header || '').split(',').map((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return [name, q ? Number(q.slice(2)) : 1];
  }));
  if (offered.get('br') > 0) return 'br';
  if (offered.get('gzip') > 0) return 'gzip';
  return 'identity';
}

/**
 * A static server on a free loopback port: `lookup(urlPath)` gives a prepared file or null. Paths
 * without an extension that are not files get `fallback` (index.html), others 404. Counts the
 * encodings it answered with.
 */
async function serve(lookup, fallback) {
  const served = { br: 0, gzip: 0, identity: 0 };
  const asked = new Set();
  const log = [];
  const server = http.createServer((req, res) => {
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (urlPath.includes('/../') || urlPath.includes('\0')) {
      res.writeHead(400).end();
      return;
    }
    let file = lookup(urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
    if (!file && !path.posix.extname(urlPath)) file = fallback;
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache' }).end('not found');
      return;
    }
    asked.add(req.headers['accept-encoding'] || '(none)');
    const encoding = encodingFor(req.headers['accept-encoding']);
    served[encoding] += 1;
    const body = encoding === 'br' ? file.br : encoding === 'gzip' ? file.gzip : file.raw;
    const headers = { 'Content-Type': file.type, 'Content-Length': body.length, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
    if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
    const dest = req.headers['sec-fetch-dest'] || '';
    // Status line, these headers and the Date, Connection and Keep-Alive that node adds.
    const headerBytes = 17 + Object.entries(headers).reduce((n, [k, v]) => n + k.length + String(v).length + 4, 0) + 80;
    log.push({ path: urlPath, dest, bytes: body.length + headerBytes });
    const answer = () => {
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    // DevTools' network emulation neither sees nor throttles a worklet's module fetch (checked on
    // Chromium 156: audioWorklet.addModule under Network.emulateNetworkConditions is as fast as
    // unthrottled and no Network event names it), so the server throttles those itself.
    if (network && /worklet$/.test(dest)) setTimeout(answer, network.latency + (body.length * 1000) / network.downloadThroughput);
    else answer();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, served, asked, log, close: () => new Promise((r) => server.close(r)) };
}

/** The hand-written page's index.html with the build's engine meta tags and API base. */
function handIndex(bytes, distIndex) {
  const metas = [...distIndex.matchAll(/<meta\s+name="microjam-engine(-processor)?"[^>]*>/g)].map((m) => m[0]);
  if (metas.length !== 2) throw new Error(`${DIST}/index.html does not name the sound engine (microjam-engine, microjam-engine-processor meta tags)`);
  const api = /<meta\s+name="microjam-api"\s+content="([^"]*)"/.exec(distIndex)?.[1];
  let html = bytes.toString('utf8').replace('<!-- microjam-engine -->', metas.join('\n    '));
  if (api) html = html.replace(/(<meta name="microjam-api" content=")[^"]*(")/, `$1${api}$2`);
  return Buffer.from(html);
}

// ---------------------------------------------------------------------------------------------
// What runs in both pages before their own scripts.

function probe() {
  const P = { drawn: new WeakSet(), records: [], lcp: null, play: null, audio: null, clicks: [], problems: [] };
  window.__probe = P;
  // Which canvases have been drawn on.
  const proto = CanvasRenderingContext2D.prototype;
  for (const name of ['fillRect', 'fill', 'stroke']) {
    const original = proto[name];
    proto[name] = function drawnOn(...args) {
      if (this.canvas && !P.drawn.has(this.canvas)) {
        P.drawn.add(this.canvas);
        schedule();
      }
      return original.apply(this, args);
    };
  }
  // In the frame after any drawing or DOM change: canvases in the viewport, and how many are drawn.
  let pending = false;
  function check() {
    pending = false;
    let visible = 0;
    let drawn = 0;
    for (const canvas of document.getElementsByTagName('canvas')) {
      const r = canvas.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth) {
        visible += 1;
        if (P.drawn.has(canvas)) drawn += 1;
      }
    }
    const last = P.records[P.records.length - 1];
    if (!last || last.visible !== visible || last.drawn !== drawn) P.records.push({ t: performance.now(), visible, drawn });
    // The first card's Play button, once it is laid out: the harness is told at once, and clicks it.
    if (!P.playReady) {
      const card = document.querySelector('article.jam-card');
      const button = card && [...card.querySelectorAll('button')].find((b) => /^Play/.test(b.getAttribute('aria-label') || b.textContent.trim()));
      const r = button && button.getBoundingClientRect();
      if (r && r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight) {
        P.playReady = { t: performance.now(), x: r.left + r.width / 2, y: r.top + r.height / 2 };
        if (window.__benchPlayReady) window.__benchPlayReady(P.playReady);
      }
    }
    return { visible, drawn };
  }
  P.check = check;
  function schedule() {
    if (!pending) {
      pending = true;
      requestAnimationFrame(check);
    }
  }
  new MutationObserver(schedule).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'style', 'width', 'height'] });
  addEventListener('resize', schedule);
  addEventListener('scroll', schedule, { capture: true, passive: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const el = e.element;
        P.lcp = { t: e.startTime, size: e.size, what: el ? `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} “${(el.textContent || '').trim().slice(0, 30)}”` : e.url };
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch (e) {
    P.problems.push(`no LCP: ${e}`);
  }
  addEventListener('click', () => P.clicks.push(performance.now()), true);
  // The engine's node (whose port takes `play`) and its context.
  const contexts = new WeakMap();
  P.nodes = [];
  const Node = window.AudioWorkletNode;
  if (Node) {
    window.AudioWorkletNode = class extends Node {
      constructor(context, ...rest) {
        super(context, ...rest);
        contexts.set(this.port, context);
        P.nodes.push(this);
      }
    };
  }
  const post = MessagePort.prototype.postMessage;
  MessagePort.prototype.postMessage = function posted(data, ...rest) {
    const context = contexts.get(this);
    const result = post.call(this, data, ...rest);
    if (context && data && data.type === 'play' && !P.play) {
      P.play = { t: performance.now(), at: data.at };
      const watch = () => {
        if (context.state === 'running' && context.currentTime >= data.at) {
          P.audio = { t: performance.now(), late: (context.currentTime - data.at) * 1000 };
        } else setTimeout(watch, 2);
      };
      watch();
    }
    return result;
  };
}

/** In the page, once settled: the measures. */
function collect() {
  const P = window.__probe;
  const final = P.check();
  const firstPage = P.records.find((r) => r.drawn >= final.visible && final.visible > 0);
  const firstDrawn = P.records.find((r) => r.drawn >= 1);
  const mark = performance.getEntriesByName('microjam:first-trace')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    timeOrigin: performance.timeOrigin,
    firstTrace: mark ? mark.startTime : NaN,
    firstDrawnFrame: firstDrawn ? firstDrawn.t : NaN,
    firstPage: firstPage ? firstPage.t : NaN,
    visible: final.visible,
    lcp: P.lcp ? P.lcp.t : NaN,
    lcpWhat: P.lcp ? P.lcp.what : '',
    fcp: fcp ? fcp.startTime : NaN,
    domContentLoaded: nav ? nav.domContentLoadedEventEnd : NaN,
    load: nav ? nav.loadEventEnd : NaN,
    cards: document.querySelectorAll('article.jam-card').length,
    problems: P.problems,
  };
}

// ---------------------------------------------------------------------------------------------
// One load.

/** A fresh context and page under `profile`, with the probe and CDP network records. */
async function openPage(browser, profile, onPlayReady) {
  const context = await browser.newContext({ ...profile.context, colorScheme: 'light' });
  const page = await context.newPage();
  if (onPlayReady) await page.exposeFunction('__benchPlayReady', onPlayReady);
  await page.addInitScript(probe);
  const cdp = await context.newCDPSession(page);
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    requests.set(e.requestId, { url: e.request.url, type: e.type, start: e.timestamp, wall: e.wallTime, end: NaN, bytes: 0, status: 0, encoding: '' });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.response = e.timestamp;
    r.status = e.response.status;
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    r.encoding = headers['content-encoding'] || 'identity';
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { end: e.timestamp, bytes: e.encodedDataLength });
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { end: e.timestamp, failed: e.errorText });
  });
  await cdp.send('Network.enable');
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
  if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  return { context, page, requests, problems };
}

/** Waits until no request has been in flight for SETTLE_MS (at most `cap` ms). */
async function settle(requests, cap = 30000) {
  const started = Date.now();
  let quietSince = Date.now();
  while (Date.now() - started < cap) {
    await new Promise((r) => setTimeout(r, 100));
    const busy = [...requests.values()].some((r) => Number.isNaN(r.end));
    if (busy) quietSince = Date.now();
    else if (Date.now() - quietSince >= SETTLE_MS) return;
  }
}

/** The requests with times on the page's clock (ms from navigation start). */
function onPageClock(requests, timeOrigin) {
  const all = [...requests.values()];
  const anchor = all.find((r) => r.wall);
  if (!anchor) return [];
  const offset = anchor.wall * 1000 - anchor.start * 1000 - timeOrigin;
  const page = (t) => t * 1000 + offset;
  return all.map((r) => ({ ...r, start: page(r.start), response: page(r.response), end: page(r.end) }));
}

/** The profile's network conditions during the current load (the server throttles worklet scripts with them). */
let network = null;

const kB = (bytes) => bytes / 1000;
const isApi = (url) => new URL(url).pathname.startsWith('/api/');

async function paintLoad(browser, server, profile, screenshot) {
  const base = server.base;
  network = profile.network;
  const { context, page, requests, problems } = await openPage(browser, profile);
  try {
    await page.goto(`${base}/`, { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('microjam:first-trace').length > 0, null, { polling: 200, timeout: 90000 })
      .catch((e) => { throw new Error(`${base}/ set no performance mark microjam:first-trace (${e.message.split('\n')[0]}); problems: ${problems.join('; ')}`); });
    await settle(requests);
    const m = await page.evaluate(collect);
    if (screenshot) await page.screenshot({ path: screenshot });
    const reqs = onPageClock(requests, m.timeOrigin);
    const before = reqs.filter((r) => r.end <= m.firstTrace);
    return {
      ...m,
      requests: reqs,
      wireBeforeFirst: kB(before.reduce((s, r) => s + r.bytes, 0)),
      apiBeforeFirst: kB(before.filter((r) => isApi(r.url)).reduce((s, r) => s + r.bytes, 0)),
      requestsBeforeFirst: before.length,
      wireTotal: kB(reqs.reduce((s, r) => s + r.bytes, 0)),
      problems: [...m.problems, ...problems],
    };
  } finally {
    await context.close();
  }
}

async function playLoad(browser, server, profile) {
  const base = server.base;
  network = profile.network;
  let clicked;
  // Clicked where the probe saw the button, the moment it says so (a real mouse click through CDP,
  // without Playwright's actionability checks, which cost the page's main thread differently).
  const { context, page, requests, problems } = await openPage(browser, profile, (at) => {
    clicked = page.mouse.click(at.x, at.y);
  });
  try {
    server.log.length = 0;
    await page.goto(`${base}/`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__probe.clicks.length > 0, null, { polling: 100, timeout: 90000 });
    await clicked;
    await page.waitForFunction(() => window.__probe.audio, null, { polling: 100, timeout: 90000 });
    // The processor itself says it has rendered frames of the jam.
    const rendered = await page.evaluate(() => new Promise((resolve) => {
      const node = window.__probe.nodes[0];
      const timer = setTimeout(() => resolve(-1), 5000);
      node.port.addEventListener('message', ({ data }) => {
        if (data.type === 'stats') {
          clearTimeout(timer);
          resolve(data.position);
        }
      });
      node.port.postMessage({ type: 'stats' });
    }));
    const m = await page.evaluate(() => ({ timeOrigin: performance.timeOrigin, ready: window.__probe.playReady.t, click: window.__probe.clicks[0], play: window.__probe.play, audio: window.__probe.audio }));
    const reqs = onPageClock(requests, m.timeOrigin);
    return {
      ready: m.ready,
      click: m.click,
      audio: m.audio.t,
      clickToAudio: m.audio.t - m.click,
      rendered,
      // From the server's log: the worklet's script is not in DevTools' network records.
      engineWire: kB(server.log.filter((r) => r.path.startsWith('/engine/')).reduce((s, r) => s + r.bytes, 0)),
      unseen: server.log.filter((r) => /worklet$/.test(r.dest)).map((r) => r.path),
      requests: reqs,
      problems,
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Reporting.

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (x, digits = 0) => (Number.isFinite(x) ? x.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–');
function cell(xs, digits, unit) {
  const f = xs.filter(Number.isFinite);
  if (!f.length) return '–';
  return `${fmt(median(f), digits)} ${unit} (${fmt(Math.min(...f), digits)}–${fmt(Math.max(...f), digits)})`;
}

const MEASURES = [
  ['first card picture painted (mark microjam:first-trace)', 'paint', 'firstTrace', 0, 'ms'],
  ['first page of cards painted (every card picture in the viewport drawn)', 'paint', 'firstPage', 0, 'ms'],
  ['  card pictures in the viewport once settled', 'paint', 'visible', 0, ''],
  ['largest contentful paint', 'paint', 'lcp', 0, 'ms'],
  ['first contentful paint', 'paint', 'fcp', 0, 'ms'],
  ['first Play working (engine rendering the jam), from navigation', 'play', 'audio', 0, 'ms'],
  ["  first card's Play button laid out in the viewport", 'play', 'ready', 0, 'ms'],
  ['  Play clicked', 'play', 'click', 0, 'ms'],
  ['  click → engine rendering the jam', 'play', 'clickToAudio', 0, 'ms'],
  ['bytes on the wire before the first card painted (API included)', 'paint', 'wireBeforeFirst', 1, 'kB'],
  ['  of which the API', 'paint', 'apiBeforeFirst', 1, 'kB'],
  ['  requests finished before the first card', 'paint', 'requestsBeforeFirst', 0, ''],
  ['bytes on the wire, whole load once settled (API included)', 'paint', 'wireTotal', 1, 'kB'],
  ['bytes on the wire of the sound engine (play load, by the server)', 'play', 'engineWire', 1, 'kB'],
];

function table(results) {
  const lines = ['| measure | this site: median (min–max) | hand-written page: median (min–max) | site / hand |', '|---|---|---|---|'];
  for (const [name, kind, key, digits, unit] of MEASURES) {
    const site = results.site[kind].map((r) => r[key]);
    const hand = results.hand[kind].map((r) => r[key]);
    const ratio = median(site) / median(hand);
    lines.push(`| ${name} | ${cell(site, digits, unit)} | ${cell(hand, digits, unit)} | ${Number.isFinite(ratio) ? `×${ratio.toFixed(2)}` : '–'} |`);
  }
  return lines.join('\n');
}

function playWaterfall(name, load) {
  const lines = [`${name}: Play laid out ${fmt(load.ready)} ms, clicked ${fmt(load.click)} ms, engine rendering the jam ${fmt(load.audio)} ms (click → sound ${fmt(load.clickToAudio)} ms)`,
    '| request | type | start ms | end ms | kB on the wire |', '|---|---|---|---|---|'];
  for (const r of [...load.requests].filter((q) => q.start >= load.click - 1).sort((a, b) => a.start - b.start)) {
    const u = new URL(r.url);
    lines.push(`| ${u.pathname}${u.search} | ${r.type} | ${fmt(r.start)} | ${fmt(r.end)} | ${fmt(kB(r.bytes), 1)} |`);
  }
  for (const p of load.unseen) lines.push(`| ${p} | AudioWorklet module (not in DevTools' records; the server throttled it) | | | |`);
  return lines.join('\n');
}

function waterfall(name, load) {
  const lines = [`${name}: ${load.cards} cards in the DOM; first card picture ${fmt(load.firstTrace)} ms, first page ${fmt(load.firstPage)} ms (${load.visible} pictures in the viewport), FCP ${fmt(load.fcp)} ms, LCP ${fmt(load.lcp)} ms (${load.lcpWhat}), DOMContentLoaded ${fmt(load.domContentLoaded)} ms, load ${fmt(load.load)} ms`,
    '| request | type | start ms | end ms | kB on the wire | encoding | finished before first card |', '|---|---|---|---|---|---|---|'];
  for (const r of [...load.requests].sort((a, b) => a.start - b.start)) {
    const u = new URL(r.url);
    lines.push(`| ${u.pathname}${u.search} | ${r.type} | ${fmt(r.start)} | ${fmt(r.end)} | ${fmt(kB(r.bytes), 1)} | ${r.encoding}${r.failed ? ` (${r.failed})` : ''} | ${r.end <= load.firstTrace ? 'yes' : ''} |`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

if (!statSync(path.join(DIST, 'index.html'), { throwIfNoEntry: false })) {
  console.error(`no ${DIST}/index.html: build the site first (trunk build --release)`);
  process.exit(1);
}
const loadBefore = loadavg().map((l) => l.toFixed(2)).join(' ');
const preparing = Date.now();
const distIndex = readFileSync(path.join(DIST, 'index.html'), 'utf8');
const siteFiles = await prepareTree(DIST);
const handFiles = await prepareTree(HAND, (url, bytes) => (url === '/index.html' ? handIndex(bytes, distIndex) : bytes));
const prepared = (Date.now() - preparing) / 1000;
const site = await serve((p) => siteFiles.get(p) || null, siteFiles.get('/index.html'));
const hand = await serve((p) => handFiles.get(p) || (/^\/(api|engine)\/|^\/favicon/.test(p) ? siteFiles.get(p) : null) || null, handFiles.get('/index.html'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const problems = new Set();
const note = (what, r) => r.problems.forEach((p) => problems.add(`${what}: ${p}`));
const results = {};
const waterfalls = {};
let version = '';
try {
  // Warm-up (unmeasured): the browser's first page and the server's first answers.
  await paintLoad(browser, site, PROFILES.desktop);
  await paintLoad(browser, hand, PROFILES.desktop);
  for (const [profileName, profile] of Object.entries(PROFILES)) {
    const r = (results[profileName] = { site: { paint: [], play: [] }, hand: { paint: [], play: [] } });
    for (let i = 0; i < RUNS; i++) {
      for (const kind of ['paint', 'play']) {
        for (const [who, server] of [['site', site], ['hand', hand]]) {
          const load = await (kind === 'paint' ? paintLoad : playLoad)(browser, server, profile);
          note(`${profileName} ${who} ${kind}`, load);
          if (kind === 'play' && !(load.rendered > 0)) problems.add(`${profileName} ${who} play: the processor reported ${load.rendered} frames rendered`);
          r[who][kind].push(load);
        }
      }
      process.stderr.write(`${profileName}: run ${i + 1} of ${RUNS} done\n`);
    }
  }
  mkdirSync(SHOTS, { recursive: true });
  waterfalls.site = await paintLoad(browser, site, PROFILES.phone, path.join(SHOTS, 'bench-first-paint-site-phone.png'));
  waterfalls.hand = await paintLoad(browser, hand, PROFILES.phone, path.join(SHOTS, 'bench-first-paint-hand-phone.png'));
  waterfalls.siteDesktop = await paintLoad(browser, site, PROFILES.desktop, path.join(SHOTS, 'bench-first-paint-site-desktop.png'));
  waterfalls.handDesktop = await paintLoad(browser, hand, PROFILES.desktop, path.join(SHOTS, 'bench-first-paint-hand-desktop.png'));
  waterfalls.sitePlay = await playLoad(browser, site, PROFILES.phone);
  waterfalls.handPlay = await playLoad(browser, hand, PROFILES.phone);
} finally {
  version = browser.version();
  await browser.close().catch(() => {});
  await site.close();
  await hand.close();
}
const loadAfter = loadavg().map((l) => l.toFixed(2)).join(' ');
// The issue's "first load": every file fetched before the first card is painted, the API aside
// (from the phone waterfall load), as compressed bodies.
const firstLoad = (load, files) => {
  const paths = load.requests.filter((r) => r.end <= load.firstTrace && !isApi(r.url)).map((r) => new URL(r.url).pathname);
  const size = (p) => (files(p === '/' ? '/index.html' : p) || { br: [] }).br.length;
  return `${fmt(kB(paths.reduce((n, p) => n + size(p), 0)), 1)} kB (${paths.map((p) => `${p === '/' ? 'index.html' : p.slice(1)} ${fmt(kB(size(p)), 1)}`).join(', ')})`;
};
const encodings = (s) => Object.entries(s.served).filter(([, n]) => n).map(([e, n]) => `${e} ${n}`).join(', ');

let commit = '';
try { commit = execFileSync('git', ['-C', ROOT, 'log', '-1', '--format=%h %s'], { encoding: 'utf8' }).trim(); } catch { /* not a clone */ }
console.log(`first-paint benchmark: ${DIST}${commit ? ` (repo at ${commit})` : ''}`);
console.log(`machine: ${availableParallelism()} cores (nproc), load average ${loadBefore} before, ${loadAfter} after; Chromium ${version}`);
const asked = [...new Set([...site.asked, ...hand.asked])].map((a) => `"${a}"`).join(' or ');
const measured = site.served.gzip + hand.served.gzip + site.served.identity + hand.served.identity ? 'NOT only brotli: see the counts' : 'brotli (quality 11) throughout';
console.log(`encoding measured: ${measured}. Chromium sent Accept-Encoding ${asked} on http://127.0.0.1; answers by encoding: site ${encodings(site)}; hand-written page ${encodings(hand)} (files pre-compressed once, brotli q11 and gzip 9, in ${prepared.toFixed(1)} s)`);
console.log(`first load (every file fetched before the first card, the API aside; brotli bodies): the site ${firstLoad(waterfalls.site, (p) => siteFiles.get(p))}; the hand-written page ${firstLoad(waterfalls.hand, (p) => handFiles.get(p) || siteFiles.get(p))}`);
console.log(`${RUNS} cold loads of each page per measure, alternated site, hand, site, hand (paint loads, then play loads, per run)`);
for (const [profileName, profile] of Object.entries(PROFILES)) {
  console.log('');
  console.log(`${profile.describe}:`);
  console.log(table(results[profileName]));
}
/** A heading, then the site's and the hand-written page's load drawn by `draw`. */
function both(heading, draw, site, hand) {
  for (const line of ['', heading, '', draw('this site', site), '', draw('hand-written page', hand)]) console.log(line);
}
both('one more phone load of each, request by request (times in ms from navigation start; end = last byte):', waterfall, waterfalls.site, waterfalls.hand);
both('and one desktop load of each:', waterfall, waterfalls.siteDesktop, waterfalls.handDesktop);
both('and one phone play load of each: the requests from the click on:', playWaterfall, waterfalls.sitePlay, waterfalls.handPlay);
console.log('');
console.log(`screenshots of the four paint loads above once settled: ${path.relative(ROOT, SHOTS)}/bench-first-paint-*.png`);
if (problems.size) {
  console.log('');
  console.log('problems seen:');
  for (const p of problems) console.log(`- ${p}`);
}
