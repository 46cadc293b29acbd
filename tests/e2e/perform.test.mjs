// The stage at /perform: a scripted gesture becomes a take whose CSV matches it; a kept take survives
// a reload, plays and downloads; a reply carries its parent's id and plays over it; the keyboard
// alone records a take; blocked storage says so and keeps the take playable; a bad reply id says so.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { BASE, PHONE, close, open, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

const isEngine = (url) => /\/engine\/microjam-engine-[0-9a-f]{16}\.wasm$/.test(url);

// Records what the page sends the engine's processor ('live' and 'touch' messages).
const WATCH_ENGINE = () => {
  window.__sent = [];
  const post = MessagePort.prototype.postMessage;
  MessagePort.prototype.postMessage = function (message, ...rest) {
    if (message && (message.type === 'live' || message.type === 'touch')) {
      window.__sent.push({ type: message.type, layers: message.layers ? message.layers.length : 0, instrument: message.instrument });
    }
    return post.call(this, message, ...rest);
  };
};

const BLOCK_STORAGE = () => {
  Object.defineProperty(window, 'localStorage', {
    get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
  });
};

/** Presses the stage once to load the engine; returns the stage and its box. */
async function ready(page) {
  const stage = page.getByRole('application', { name: /stage/i });
  await stage.waitFor();
  await stage.scrollIntoViewIfNeeded();
  const first = await stage.boundingBox();
  await page.mouse.click(first.x + 5, first.y + 5);
  await page.getByText('Ready: your first touch starts a 5-second take.', { exact: true }).first().waitFor();
  const box = await stage.boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= page.viewportSize().height + 1, 'the whole stage is on the screen');
  return { stage, box };
}

/** The rows of a CSV data: link. */
async function csvRows(link) {
  const href = await link.getAttribute('href');
  const csv = decodeURIComponent(href.slice(href.indexOf(',') + 1));
  const [header, ...rows] = csv.trimEnd().split('\n');
  assert.equal(header, 'time,x,y,z,moving');
  for (const row of rows) assert.match(row, /^\d+\.\d{6}, \d\.\d{6}, \d\.\d{6}, \d+\.\d{6}, [01]$/, 'the app\'s row format');
  return rows.map((row) => row.split(', ').map(Number));
}

test('a scripted gesture becomes a take whose CSV matches it; kept, it survives a reload, plays and downloads', async () => {
  const page = await open(env.browser);
  const fetched = [];
  page.on('request', (request) => { if (isEngine(request.url())) fetched.push(request.url()); });
  await page.goto(`${BASE}/perform`);
  await page.getByRole('heading', { name: 'Saved on this device' }).waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(fetched, [], 'the engine is not fetched before the first press');
  await page.getByLabel('Stage name').fill('Åse Tester');
  await page.getByLabel('Stage name').press('Tab');
  await page.getByLabel('Colour').fill('#12ab3c');
  const { box } = await ready(page);
  assert.equal(fetched.length, 1, 'the first press fetches the engine');
  // The gesture: a tap, another tap, a drag of 8 moves; times relative to the first press. The
  // browser's own time stamps of the presses and moves are kept too: under load, input reaches the
  // page later than the script sends it, and a take's times are its events' times.
  await page.evaluate(() => {
    window.__stamps = [];
    const stage = document.querySelector('[role=application]');
    stage.addEventListener('pointerdown', (e) => window.__stamps.push(e.timeStamp), true);
    stage.addEventListener('pointermove', (e) => { if (e.buttons) window.__stamps.push(e.timeStamp); }, true);
  });
  const expected = [];
  const at = (fx, fy) => [box.x + fx * box.width, box.y + fy * box.height];
  let t0;
  const mark = (fx, fy, moving) => {
    const now = performance.now();
    if (t0 === undefined) t0 = now;
    expected.push([(now - t0) / 1000, fx, fy, moving]);
  };
  const press = async (fx, fy) => { await page.mouse.move(...at(fx, fy)); mark(fx, fy, 0); await page.mouse.down(); };
  await press(0.25, 0.25);
  await page.mouse.up();
  await page.waitForTimeout(300);
  await press(0.75, 0.5);
  await page.mouse.up();
  await page.waitForTimeout(200);
  await press(0.2, 0.8);
  for (let i = 1; i <= 8; i++) {
    await page.waitForTimeout(40);
    const fx = 0.2 + (0.6 * i) / 8;
    mark(fx, 0.8, 1);
    await page.mouse.move(...at(fx, 0.8));
  }
  await page.mouse.up();
  await page.mouse.move(box.x + box.width + 20, box.y);  // hovering is not a touch
  await page.getByRole('button', { name: 'Stop' }).click();
  const panel = page.locator('section.take-panel');
  await panel.getByRole('heading', { name: 'Your take' }).waitFor();
  const rows = await csvRows(panel.getByRole('link', { name: 'Download CSV' }));
  assert.equal(rows.length, expected.length, `one row per press and move: ${JSON.stringify(rows)}`);
  const stamps = await page.evaluate(() => window.__stamps);
  assert.equal(stamps.length, expected.length, 'the browser saw the gesture as sent');
  rows.forEach(([time, x, y, z, moving], i) => {
    const [sentTime, wantX, wantY, wantMoving] = expected[i];
    const wantTime = (stamps[i] - stamps[0]) / 1000;
    assert.ok(Math.abs(x - wantX) <= 0.01 && Math.abs(y - wantY) <= 0.01, `row ${i} at ${x}, ${y}; wanted ${wantX}, ${wantY}`);
    assert.ok(Math.abs(time - wantTime) <= 0.03, `row ${i} at ${time} s; its event at ${wantTime.toFixed(3)}`);
    assert.ok(Math.abs(time - sentTime) <= 0.15, `row ${i} at ${time} s; sent at ${sentTime.toFixed(3)}`);
    assert.equal(moving, wantMoving, `row ${i}'s moving flag`);
    assert.equal(z, 20, 'a mouse has no contact size: radius 20');
  });
  await panel.getByRole('button', { name: 'Keep' }).click();
  const saved = page.locator('.saved-take');
  await saved.first().waitFor();
  assert.equal(await page.locator('section.take-panel').count(), 0, 'kept: the stage is ready for another take');

  await page.reload();
  await saved.first().waitFor();
  assert.equal(await saved.count(), 1, 'the kept take survives a reload');
  assert.equal(await page.getByLabel('Stage name').inputValue(), 'Åse Tester', 'the stage name is kept for next time');
  const [record] = await page.evaluate(() => JSON.parse(localStorage.getItem('microjam:takes')));
  assert.equal(record.performer, 'Åse Tester');
  assert.equal(record.colour, '#12AB3CFF', 'the performer\'s colour');
  assert.equal(record.background_colour, '#141D26FF', 'the default background');
  assert.equal(record.reply_to, null);
  assert.deepEqual(await csvRows(saved.getByRole('link', { name: 'Download CSV' })), rows, 'and its CSV is the same');
  await saved.getByRole('button', { name: /^Play jam by/ }).click();
  await saved.getByRole('button', { name: 'Pause' }).waitFor();
  await saved.getByRole('button', { name: 'Stop' }).click();
  const download = page.waitForEvent('download');
  await saved.getByRole('button', { name: 'Download WAV' }).click();
  const wav = await readFile(await (await download).path());
  assert.equal(wav.subarray(0, 4).toString(), 'RIFF', 'a WAV file');
  // Delete, then undo.
  await saved.getByRole('button', { name: /^Delete/ }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await saved.first().waitFor();
  await page.reload();
  await saved.first().waitFor();
  assert.equal(await saved.count(), 1, 'undo restores it for good');
  await close(page, assert);
});

test('a reply carries its parent\'s id and is performed over the parent jam', async () => {
  const page = await open(env.browser, '/');
  await page.addInitScript(WATCH_ENGINE);
  await page.locator('article.jam-card a.card-open').first().click();
  const parent = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
  await page.getByRole('link', { name: 'Reply' }).click();
  await page.waitForURL(/\/perform\?reply=/);
  await page.reload(); // the init script watches from here on
  await page.getByRole('heading', { name: /^Replying to/ }).waitFor();
  const { box } = await ready(page);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.getByRole('button', { name: 'Stop' }).click();
  const panel = page.locator('section.take-panel');
  await panel.getByRole('heading', { name: 'Your reply' }).waitFor();
  const sent = await page.evaluate(() => window.__sent);
  const live = sent.filter((m) => m.type === 'live').pop();
  assert.ok(live && live.layers >= 1, `the parent's layers play under the take: ${JSON.stringify(sent)}`);
  assert.equal(sent[sent.length - 1].type, 'touch', 'the touch follows the start of the jam');
  await panel.getByRole('button', { name: 'Keep' }).click();
  await page.locator('.saved-take').first().waitFor();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('microjam:takes')));
  assert.equal(stored.length, 1);
  assert.equal(stored[0].reply_to, parent, 'reply_to is the parent\'s id');
  for (const field of ['id', 'performer', 'instrument', 'date', 'colour', 'background_colour', 'touches']) {
    assert.equal(typeof stored[0][field], 'string', `${field} as docs/api.md defines it`);
  }
  await page.locator('.saved-take').getByText(/layers/).waitFor();
  await close(page, assert);
});

test('the keyboard alone records a take', async () => {
  const page = await open(env.browser, '/perform', { viewport: PHONE });
  const stage = page.getByRole('application', { name: /stage/i });
  await stage.waitFor();
  for (let i = 0; i < 30 && !(await stage.evaluate((s) => s === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  assert.ok(await stage.evaluate((s) => s === document.activeElement), 'Tab reaches the stage');
  assert.match(await stage.getAttribute('aria-describedby'), /stage-help/);
  assert.match(await page.locator('#stage-help').textContent(), /arrow keys/, 'the keys are explained');
  assert.deepEqual(await stage.evaluate((s) => [getComputedStyle(s).touchAction, getComputedStyle(s).userSelect]), ['none', 'none'],
    'no scrolling, zooming or selecting on the stage');
  const { width, height } = await stage.boundingBox();
  assert.ok(Math.abs(width - height) < 1 && width >= PHONE.width - 40, `square and as wide as the phone allows: ${width} × ${height}`);
  await page.keyboard.press('Space');
  await page.getByText('Ready: your first touch starts a 5-second take.', { exact: true }).first().waitFor();
  await page.keyboard.press('Enter'); // a tap in the middle
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.down('Space'); // a drag to the right
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.up('Space');
  await page.getByText(/seconds? left/).first().waitFor({ state: 'attached' });
  const panel = page.locator('section.take-panel');
  await panel.getByRole('heading', { name: 'Your take' }).waitFor({ timeout: 10000 });
  const rows = await csvRows(panel.getByRole('link', { name: 'Download CSV' }));
  assert.deepEqual(rows.map(([, x, y, , moving]) => [x, y, moving]), [
    [0.5, 0.5, 0], [0.4, 0.5, 0], [0.42, 0.5, 1], [0.44, 0.5, 1], [0.46, 0.5, 1], [0.48, 0.5, 1], [0.5, 0.5, 1],
  ]);
  assert.ok(rows[rows.length - 1][0] < 5.001, 'within five seconds');
  await close(page, assert);
});

test('blocked storage and an unknown reply id: clear messages, and the take stays playable', async () => {
  const page = await open(env.browser);
  await page.addInitScript(BLOCK_STORAGE);
  await page.goto(`${BASE}/perform?reply=no-such-performance`);
  await page.getByRole('heading', { name: 'Performance not found' }).waitFor();
  await page.getByText(/doesn't let the site keep takes/).first().waitFor();
  const { box } = await ready(page);
  await page.mouse.click(box.x + box.width / 3, box.y + box.height / 3);
  await page.getByRole('button', { name: 'Stop' }).focus();
  await page.keyboard.press('Enter');
  const panel = page.locator('section.take-panel');
  await panel.getByRole('heading', { name: 'Your take' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'take-heading'); // not lost with Stop
  await panel.getByRole('button', { name: 'Keep' }).click();
  await panel.getByRole('alert').getByText(/doesn't let the site keep takes/).waitFor();
  assert.equal((await csvRows(panel.getByRole('link', { name: 'Download CSV' }))).length, 1, 'still downloadable');
  await panel.getByRole('button', { name: /^Play jam by/ }).click();
  await panel.getByRole('button', { name: 'Pause' }).waitFor();
  // The unknown performance's 404 is the browser's own console line, expected here.
  page.problems = page.problems.filter((p) => !p.includes('status of 404'));
  await close(page, assert);
});

test('choosing an instrument loads the engine and plays a short preview of it', async () => {
  const page = await open(env.browser);
  await page.addInitScript(WATCH_ENGINE);
  const fetched = [];
  page.on('request', (request) => { if (isEngine(request.url())) fetched.push(request.url()); });
  await page.goto(`${BASE}/perform`);
  const picker = page.getByLabel('Instrument');
  await picker.waitFor(); // (the stage's page is a chunk of its own, in a moment after the page)
  assert.equal((await picker.locator('option').allTextContents()).length, 9, 'the nine instruments');
  assert.deepEqual(fetched, []);
  await picker.selectOption('drums');
  await page.getByText('Ready: your first touch starts a 5-second take.', { exact: true }).first().waitFor();
  await page.waitForFunction(() => window.__sent.some((m) => m.type === 'touch'));
  const sent = await page.evaluate(() => window.__sent.map((m) => m.type));
  assert.deepEqual(sent, ['live', 'touch'], 'a live layer of the instrument, and one touch on it');
  assert.equal(await page.evaluate(() => window.__sent[0].instrument), 2, 'drums, the third instrument');
  assert.equal(fetched.length, 1, 'the engine, fetched on that first choice');
  await close(page, assert);
});
