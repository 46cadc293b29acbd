// Shared set-up for the end-to-end tests: the built site (dist/) served by scripts/test-server.py
// with an index.html fallback (as a production host must serve deep links) and the default data
// under /api, and Debian's Chromium driven by playwright-core.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PORT = Number(process.env.MICROJAM_E2E_PORT || 8940);
export const BASE = `http://127.0.0.1:${PORT}`;
export const SCREENSHOTS = path.join(ROOT, 'target', 'e2e-screenshots');
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };
export const DIST = path.join(ROOT, 'dist');

/** The files of dist/ that its index.html loads (its links and its script's imports): the first load. */
export function linkedFiles() {
  const index = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const tags = index.match(/<(link|script)\b[^>]*>(?:[^<]*<\/script>)?/g) ?? [];
  return new Set(tags.flatMap((tag) => [...tag.matchAll(/(?:href=|from |module_or_path: )["']\/([^"'/]+)["']/g)].map((m) => m[1])));
}

/** The wasm chunks of dist/: the wasm modules its index.html does not load (src/lazy.rs). */
export function chunkFiles() {
  const linked = linkedFiles();
  return readdirSync(DIST).filter((f) => f.endsWith('.wasm') && !linked.has(f));
}

/** Chromium's flags for every run (the benchmarks launch their own browser with the same). */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  '--autoplay-policy=no-user-gesture-required',
];

function waitForPort(port, timeoutMs = 10000) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => { socket.end(); resolve(); });
      socket.on('error', () => {
        if (Date.now() - started > timeoutMs) reject(new Error(`nothing answered on port ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/** Starts the server (with /api from `api` if given) and the browser; returns { browser, stop }. */
export async function start({ api } = {}) {
  const args = [path.join(ROOT, 'scripts/test-server.py'), '--port', String(PORT), '--spa', path.join(ROOT, 'dist'), ...(api ? ['--api', api] : [])];
  const server = spawn('python3', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  await waitForPort(PORT);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    browser,
    async stop() {
      await browser.close();
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill();
      await exited;
    },
  };
}

/**
 * A fresh page (its own context: no cache, no storage) that records console errors and uncaught
 * exceptions (a wasm panic is one) in `page.problems`.
 */
export async function open(browser, url, { viewport = DESKTOP, colorScheme = 'light', reducedMotion = 'no-preference' } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, reducedMotion, acceptDownloads: true });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => page.problems.push(`uncaught: ${error.message}`));
  if (url) await page.goto(BASE + url);
  return page;
}

/**
 * Resolves once the App has taken the gallery over from its first paint (src/first_paint/): until
 * then the cards are the painted page's, which looks the same but is not the App's. The end of the
 * feed (Load more and the rest) is the App's alone.
 */
export function galleryReady(page) {
  return page.locator('main .feed-end').first().waitFor();
}

/** Closes the page's context after checking that nothing went wrong in its console. */
export async function close(page, assert) {
  const problems = page.problems;
  await page.context().close();
  assert.deepEqual(problems, [], 'the browser console stays free of errors and panics');
}

/** Runs axe-core on the page; returns the violations of serious or critical impact. */
export async function seriousViolations(page) {
  await page.addScriptTag({ path: path.join(ROOT, 'tests/e2e/node_modules/axe-core/axe.min.js') });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
