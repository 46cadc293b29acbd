// Playing a jam from its card: the sound engine is fetched on the first Play (never with the page), the
// button is busy meanwhile, then turns to Pause; the trace animates, Pause stops it. An engine that
// cannot load says so, with Retry.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { BASE, close, open, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

const picture = (card) => card.locator('canvas').evaluate((c) => c.toDataURL());

const isEngine = (url) => /\/engine\/microjam-engine(-processor)?-[0-9a-f]{16}\.(wasm|js)$/.test(url);

test('play on a card fetches the engine, animates its trace until paused', async () => {
  const page = await open(env.browser);
  const fetched = [];
  page.on('request', (request) => { if (isEngine(request.url())) fetched.push(request.url()); });
  await page.goto(`${BASE}/`);
  const card = page.locator('article.jam-card').first();
  await card.waitFor();
  const performer = await card.locator('a.performer').textContent();
  const play = card.getByRole('button', { name: `Play jam by ${performer}` });
  await page.waitForTimeout(300);
  const still = await picture(card);
  assert.deepEqual(fetched, [], 'the engine is not part of the first load');
  await play.click();
  const pause = card.getByRole('button', { name: 'Pause' });
  await pause.waitFor();
  // (The processor script is fetched by the AudioWorklet, which Playwright does not see.)
  assert.equal(fetched.filter((url) => url.endsWith('.wasm')).length, 1, `the engine module, once: ${fetched}`);
  await page.waitForTimeout(1500);
  const moving = await picture(card);
  assert.notEqual(moving, still, 'the trace is redrawn as it plays');
  await pause.click();
  await card.getByRole('button', { name: 'Resume' }).waitFor();
  const paused = await picture(card);
  await page.waitForTimeout(600);
  assert.equal(await picture(card), paused, 'nothing moves while paused');
  // Stop by keyboard: the Stop button goes away and focus returns to Play.
  await card.getByRole('button', { name: 'Stop' }).focus();
  await page.keyboard.press('Enter');
  await play.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), `Play jam by ${performer}`);
  await close(page, assert);
});

test('Space on a focused card plays it, and another card stops the first', async () => {
  const page = await open(env.browser, '/');
  const [first, second] = [page.locator('article.jam-card').nth(0), page.locator('article.jam-card').nth(1)];
  await second.waitFor();
  await first.focus();
  await page.keyboard.press('Space');
  await first.getByRole('button', { name: 'Pause' }).waitFor();
  await second.getByRole('button', { name: /^Play jam by/ }).click();
  await second.getByRole('button', { name: 'Pause' }).waitFor();
  assert.equal(await first.getByRole('button', { name: 'Pause' }).count(), 0, 'one jam at a time');
  await close(page, assert);
});

test('the first Play is busy while the engine loads', async () => {
  const page = await open(env.browser);
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(/\/engine\/microjam-engine-[0-9a-f]{16}\.wasm$/, async (route) => { await released; await route.continue(); });
  await page.goto(`${BASE}/`);
  const card = page.locator('article.jam-card').first();
  await card.waitFor();
  const performer = await card.locator('a.performer').textContent();
  await card.getByRole('button', { name: `Play jam by ${performer}` }).click();
  const loading = card.getByRole('button', { name: `Loading jam by ${performer}` });
  await loading.waitFor();
  assert.equal(await loading.getAttribute('aria-busy'), 'true');
  assert.match(await loading.textContent(), /Loading/, 'busy for sighted visitors too');
  release();
  await card.getByRole('button', { name: 'Pause' }).waitFor();
  assert.equal(await card.locator('button.play').getAttribute('aria-busy'), 'false');
  await close(page, assert);
});

test('an engine that cannot load says so under the button, and Retry plays', async () => {
  const page = await open(env.browser);
  const missing = /\/engine\/microjam-engine-[0-9a-f]{16}\.wasm$/;
  await page.route(missing, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(`${BASE}/`);
  const card = page.locator('article.jam-card').first();
  await card.waitFor();
  await card.getByRole('button', { name: /^Play jam by/ }).click();
  const panel = card.locator('.error-panel[role="alert"]');
  await panel.waitFor();
  assert.match(await panel.textContent(), /sound engine could not be downloaded \(HTTP 404\)/);
  await page.unroute(missing);
  await panel.getByRole('button', { name: 'Retry' }).click();
  await card.getByRole('button', { name: 'Pause' }).waitFor();
  assert.equal(await panel.count(), 0, 'the message goes once it plays');
  // The browser reports the refused download itself; nothing else may go wrong.
  page.problems = page.problems.filter((p) => !/status of 404/.test(p));
  await close(page, assert);
});

test('Download WAV renders the jam with the engine: 44.1 kHz 16-bit stereo, and not silent', async () => {
  const page = await open(env.browser, '/');
  await page.locator('article.jam-card a.card-open').first().click();
  await page.locator('.layers li').first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download WAV' }).click()]);
  assert.match(download.suggestedFilename(), /\.wav$/);
  const wav = await readFile(await download.path());
  assert.equal(wav.toString('latin1', 0, 4), 'RIFF');
  assert.equal(wav.toString('latin1', 8, 16), 'WAVEfmt ');
  assert.deepEqual([wav.readUInt16LE(22), wav.readUInt32LE(24), wav.readUInt16LE(34)], [2, 44100, 16]);
  assert.equal(wav.readUInt32LE(40), wav.length - 44, 'the data chunk holds the rest of the file');
  assert.ok(wav.length - 44 >= 8 * 44100 * 4, 'at least 5 s of jam and 3 s of tail');
  let loudest = 0;
  for (let i = 44; i < wav.length; i += 2) loudest = Math.max(loudest, Math.abs(wav.readInt16LE(i)));
  assert.ok(loudest > 300, `the jam sounds (peak ${loudest} of 32767)`);
  await close(page, assert);
});
