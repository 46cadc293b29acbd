// Load-time and long-feed benchmark (prints tables; passes or fails nothing): over 5 cold loads
// each, the median time from navigation to the first card picture painted on / and to the policy
// text painted on /privacy (marks the app sets in the frame after drawing them); then a generated
// feed of 10,000 performances (pages of 20, written to a temp dir and served by the test server as
// /api) scrolled to its end at phone and at desktop size with the same scripted scroll as before
// (a 50,000 px wheel every 100 ms): the most cards and elements in the DOM at any time, the JS heap
// and wasm memory, the time to reach the end, and frame times (requestAnimationFrame intervals, and
// long animation frames from the Performance API) while scrolling to the end and while scrolling
// steadily.
// Run: node tests/e2e/bench-load.mjs (after trunk build --release), or scripts/bench.sh.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { BASE, DESKTOP, PHONE, ROOT, start } from './harness.mjs';

const RUNS = 5;
const PERFORMANCES = 10_000;
const PAGE = 20;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];

async function coldLoad(browser, url, mark) {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto(BASE + url);
  const time = await page.waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime, mark).then((h) => h.jsonValue());
  await context.close();
  return time;
}

/** Writes a feed of PERFORMANCES made from the default data set (fresh ids, no replies) as an API tree. */
function writeFeed(dir) {
  const folder = path.join(ROOT, 'public/api/performances');
  const pool = readdirSync(folder).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(path.join(folder, f), 'utf8')));
  const pages = PERFORMANCES / PAGE;
  mkdirSync(path.join(dir, 'performances/pages'), { recursive: true });
  for (let n = 1; n <= pages; n++) {
    const body = JSON.stringify({
      performances: Array.from({ length: PAGE }, (_, i) => ({ ...pool[((n - 1) * PAGE + i) % pool.length], id: `bench-${n}-${i}`, reply_to: null })),
      next: n < pages ? `/api/performances/pages/${n + 1}.json` : null,
    });
    writeFileSync(path.join(dir, n === 1 ? 'performances.json' : `performances/pages/${n}.json`), body);
  }
}

/** In the page: every frame's interval and every long animation frame, from a given moment. */
function recordFrames() {
  window.__frames = { intervals: [], long: [], on: false };
  let last = 0;
  const tick = (now) => {
    if (window.__frames.on && last) window.__frames.intervals.push(now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  try {
    new PerformanceObserver((list) => {
      if (window.__frames.on) window.__frames.long.push(...list.getEntries().map((e) => e.duration));
    }).observe({ type: 'long-animation-frame', buffered: false });
  } catch { /* no long-animation-frame entries in this browser */ }
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
}

const frames = (page, on) => page.evaluate((on) => {
  const f = window.__frames;
  const taken = { intervals: f.intervals, long: f.long };
  Object.assign(f, { intervals: [], long: [], on });
  return taken;
}, on);

function frameSummary({ intervals, long }) {
  return `median ${median(intervals).toFixed(1)} ms, p95 ${quantile(intervals, 0.95).toFixed(1)} ms, max ${Math.max(...intervals).toFixed(0)} ms over ${intervals.length} frames; ${intervals.filter((t) => t > 50).length} over 50 ms; long animation frames: ${long.length}${long.length ? ` (max ${Math.max(...long).toFixed(0)} ms)` : ''}`;
}

async function longFeed(browser, viewport) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.addInitScript(recordFrames);
  let requests = 0;
  page.on('request', (r) => { if (r.url().includes('/api/performances')) requests++; });
  await page.goto(`${BASE}/`);
  await page.locator('article.jam-card').first().waitFor();
  const sample = () => page.evaluate(() => ({
    cards: document.querySelectorAll('article.jam-card').length,
    elements: document.getElementsByTagName('*').length,
    canvases: document.getElementsByTagName('canvas').length,
    heap: performance.memory ? performance.memory.usedJSHeapSize / 1e6 : NaN,
    wasm: window.__wasm ? window.__wasm.memory.buffer.byteLength / 1e6 : NaN,
  }));
  const most = { cards: 0, elements: 0, canvases: 0, heap: 0 };
  const started = Date.now();
  await frames(page, true);
  while ((await page.locator('.feed-done').count()) === 0) {
    await page.mouse.wheel(0, 50000);
    await page.waitForTimeout(100);
    const now = await sample();
    for (const key of Object.keys(most)) most[key] = Math.max(most[key], now[key]);
  }
  const seconds = (Date.now() - started) / 1000;
  const toEnd = await frames(page, false);
  await page.waitForTimeout(500);
  const end = await sample();
  // Steady scrolling: 120 px wheel steps, one a frame or so, back up through the middle of the feed.
  // (The jump there mounts new rows and measures them; steady scrolling starts a second later.)
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await page.waitForTimeout(1000);
  await frames(page, true);
  for (let i = 0; i < 300; i++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(16);
  }
  const steady = await frames(page, false);
  const last = await page.locator('article.jam-card').last().getAttribute('aria-setsize');
  await context.close();
  return { seconds, most, end, toEnd, steady, last, requests };
}

const load = loadavg().map((l) => l.toFixed(2)).join(' ');
let env = await start();
const gallery = [];
const policy = [];
try {
  for (let i = 0; i < RUNS; i++) {
    gallery.push(await coldLoad(env.browser, '/', 'microjam:first-trace'));
    policy.push(await coldLoad(env.browser, '/privacy', 'microjam:policy'));
  }
} finally {
  await env.stop();
}
const api = mkdtempSync(path.join(tmpdir(), 'microjam-bench-'));
const long = {};
try {
  writeFeed(api);
  env = await start({ api });
  try {
    long.phone = await longFeed(env.browser, PHONE);
    long.desktop = await longFeed(env.browser, DESKTOP);
  } finally {
    await env.stop();
  }
} finally {
  rmSync(api, { recursive: true, force: true });
}
console.log(`machine: 2 cores, load average ${load} at the start`);
console.log('| measure | median | runs |');
console.log('|---|---|---|');
console.log(`| / navigation → first card picture painted | ${median(gallery).toFixed(0)} ms | ${gallery.map((t) => t.toFixed(0)).join(', ')} |`);
console.log(`| /privacy navigation → policy text painted | ${median(policy).toFixed(0)} ms | ${policy.map((t) => t.toFixed(0)).join(', ')} |`);
for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
  const run = long[size];
  console.log('');
  console.log(`a feed of ${PERFORMANCES.toLocaleString('en')} performances (${run.last} cards, ${run.requests} page requests), scrolled to its end at ${viewport.width}×${viewport.height}:`);
  console.log('| measure | value |');
  console.log('|---|---|');
  console.log(`| time to reach the end (50,000 px wheel every 100 ms) | ${run.seconds.toFixed(1)} s |`);
  console.log(`| most in the DOM at any time | ${run.most.cards} cards, ${run.most.elements} elements, ${run.most.canvases} canvases |`);
  console.log(`| at the end | ${run.end.cards} cards, ${run.end.elements} elements; JS heap ${run.end.heap.toFixed(1)} MB (most ${run.most.heap.toFixed(1)} MB), wasm memory ${run.end.wasm.toFixed(1)} MB |`);
  console.log(`| frames while scrolling to the end | ${frameSummary(run.toEnd)} |`);
  console.log(`| frames while scrolling steadily (120 px steps) | ${frameSummary(run.steady)} |`);
}
