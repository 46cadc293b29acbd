// The first load and the chunks loaded on first use (src/lazy.rs, scripts/split-hook.py): a fresh
// load of every route shows its page with its title and fetches its own chunk and no other page's;
// between the routes, the first Play and a site set to read CloudKit, every chunk in dist/ is loaded
// and works; a chunk that does not arrive is a message with Retry, never a blank page; and the
// gallery's first page is asked for once, by index.html while it is still being read, so alongside
// the wasm rather than after it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BASE, DIST, PHONE, chunkFiles, close, open, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

const chunks = chunkFiles();
const first = JSON.parse(readFileSync(path.join(DIST, 'api/performances.json'), 'utf8')).performances[0];

/** Opens `url` fresh, noting the name of every wasm module the page fetches into `fetched`. */
async function visit(url, fetched, options = {}) {
  const page = await open(env.browser, undefined, options);
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.slice(1);
    if (name.endsWith('.wasm')) fetched.add(name);
  });
  await page.goto(BASE + url);
  return page;
}

const routes = [
  ['/', 'article.jam-card', 'MicroJam', null],
  ['/privacy', 'h2#contact-us', 'Privacy Policy · MicroJam', 'privacy'],
  ['/perform', 'select', 'Perform · MicroJam', 'perform'],
  [`/performances/${first.id}`, '.layers li', null, 'performance'],
  [`/performers/${encodeURIComponent(first.performer)}`, 'article.jam-card', `${first.performer} · MicroJam`, 'performer'],
  ['/no/such/page', '.not-found', 'Page not found · MicroJam', null],
];

test('a fresh load of every route shows its page and title, with its own chunk and no other page\'s', async () => {
  assert.ok(chunks.some((f) => f.includes('-split-')), `chunks in dist/: ${chunks}`);
  const everywhere = new Set();
  for (const [url, ready, title, chunk] of routes) {
    const fetched = new Set();
    const page = await visit(url, fetched, { viewport: PHONE });
    await page.locator(ready).first().waitFor();
    if (title) assert.equal(await page.title(), title, url);
    else await page.waitForFunction(() => document.title.endsWith(' · MicroJam') && document.title.includes(' by '));
    // Every route loads the App's chunk (the first load is the gallery's first paint: src/first_paint/).
    const pages = [...fetched].filter((f) => f.includes('-split-')).map((f) => f.match(/-split-([a-z_-]+?)-[0-9a-f]+\.wasm$/)[1]);
    assert.deepEqual(pages.sort(), ['app', ...(chunk ? [chunk] : [])].sort(), `${url} fetches ${[...fetched]}`);
    fetched.forEach((f) => everywhere.add(f));
    await close(page, assert);
  }

  // The first Play and the playing card scrolled out of view (the now-playing bar), with the App's
  // chunk only.
  const page = await visit('/', everywhere, { viewport: PHONE });
  await page.locator('article.jam-card').first().getByRole('button', { name: /^Play/ }).click();
  await page.getByRole('button', { name: 'Pause' }).first().waitFor();
  await page.evaluate(() => window.scrollBy(0, 3 * window.innerHeight));
  await page.getByRole('region', { name: 'Now playing' }).waitFor();
  await close(page, assert);

  // A site set to read CloudKit fetches CloudKit's client, which reads the (here faked) container.
  const cloudkit = await open(env.browser);
  cloudkit.on('request', (request) => {
    const name = new URL(request.url()).pathname.slice(1);
    if (name.endsWith('.wasm')) everywhere.add(name);
  });
  await cloudkit.route(`${BASE}/`, async (route) => {
    const response = await route.fetch();
    const settings = ['backend" content="cloudkit', 'cloudkit-container" content="iCloud.test', 'cloudkit-token" content="t', `cloudkit-url" content="${BASE}/fake-cloudkit`]
      .map((s) => `<meta name="microjam-${s}" />`).join('');
    await route.fulfill({ response, body: (await response.text()).replace('</head>', `${settings}</head>`) });
  });
  let asked = 0;
  await cloudkit.route(`${BASE}/fake-cloudkit/**`, (route) => {
    asked += 1;
    return route.fulfill({ contentType: 'application/json', body: '{"records": []}' });
  });
  await cloudkit.goto(`${BASE}/`);
  await cloudkit.getByText('No jams yet').waitFor();
  assert.ok(asked >= 1, 'the faked container was asked');
  await close(cloudkit, assert);

  assert.deepEqual(chunks.filter((f) => !everywhere.has(f)), [], 'every chunk was loaded');
});

test('a chunk that does not arrive says so, and Retry loads it', async () => {
  const page = await open(env.browser);
  await page.route(/-split-privacy-[0-9a-f]+\.wasm$/, (route) => route.abort());
  await page.goto(`${BASE}/privacy`);
  const alert = page.getByRole('alert');
  await alert.getByText('This part of the site could not be loaded.').waitFor();
  await page.unroute(/-split-privacy-[0-9a-f]+\.wasm$/);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await page.getByRole('heading', { level: 1, name: 'Privacy Policy' }).waitFor();
  assert.equal(await page.title(), 'Privacy Policy · MicroJam');
  // The aborted request is the browser's own console line, and the loader's; nothing else.
  page.problems = page.problems.filter((p) => !/net::ERR_FAILED|Failed to fetch|TypeError/.test(p));
  await close(page, assert);
});

test('the gallery\'s first page is asked for once, by index.html as it is read, alongside the wasm', async () => {
  const page = await open(env.browser);
  const asked = [];
  page.on('request', (request) => { if (request.url().endsWith('/api/performances.json')) asked.push(request.url()); });
  await page.goto(`${BASE}/`);
  await page.locator('article.jam-card').first().waitFor();
  assert.equal(asked.length, 1, 'one request for the first page');
  const [api, parsed] = await page.evaluate(() => [
    performance.getEntriesByType('resource').find((e) => e.name.endsWith('/api/performances.json')),
    performance.getEntriesByType('navigation')[0].domInteractive,
  ].map((e) => (typeof e === 'number' ? e : { start: e.startTime, initiator: e.initiatorType })));
  assert.equal(api.initiator, 'fetch');
  // Before the document was even read to its end, so before any module script (the app) ran.
  assert.ok(api.start < parsed, `the API asked at ${api.start} ms, the document read by ${parsed} ms`);
  await close(page, assert);
});
