// The gallery as a visitor uses it: cards, paging by scrolling, the instrument filter with back and
// forward, performer and performance pages, deep links, CSV download, and a failing API.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BASE, PHONE, ROOT, close, open, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

const cards = (page) => page.locator('article.jam-card');

test('cards appear and scrolling to the end loads the next pages', async () => {
  const page = await open(env.browser, '/', { viewport: PHONE });
  await cards(page).first().waitFor();
  const first = await cards(page).count();
  assert.ok(first > 0);
  // The first picture is drawn (not blank) once near the viewport.
  const drawn = await page.locator('article.jam-card canvas').first().evaluate((c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    return new Set(Array.from({ length: 400 }, (_, i) => data[(i * 997 * 4) % data.length])).size > 1;
  });
  assert.ok(drawn, 'the trace is drawn');
  // Cards far above are let go as the list grows (tests/e2e/feed.test.mjs): count by position. A
  // page holds at most 20 performances, so card 21 comes from a later page.
  const furthest = () => page.locator('article.jam-card').evaluateAll((list) => Math.max(...list.map((c) => Number(c.getAttribute('aria-posinset')))));
  for (let i = 0; i < 5 && (await furthest()) <= 20; i++) {
    await page.mouse.wheel(0, 20000);
    await page.waitForTimeout(300);
  }
  const more = await furthest();
  assert.ok(more > 20, `scrolling loaded more cards (${first} mounted at first, now card ${more})`);
  const ids = await page.locator('article.jam-card a.card-open').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.equal(new Set(ids).size, ids.length, 'no card twice');
  await close(page, assert);
});

test('the instrument filter narrows the cards, changes the URL, and back and forward restore', async () => {
  const page = await open(env.browser, '/');
  await cards(page).first().waitFor();
  await page.getByRole('navigation', { name: 'Filter by instrument' }).getByRole('link', { name: 'Drums' }).click();
  await page.waitForURL(`${BASE}/?instrument=drums`);
  await page.getByRole('heading', { level: 1, name: 'Newest Drums jams' }).waitFor();
  await cards(page).first().waitFor();
  const instruments = await page.locator('article.jam-card .instrument').allTextContents();
  assert.ok(instruments.length > 0 && instruments.every((i) => i === 'Drums'), instruments.join());
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Newest jams' }).waitFor();
  await page.goForward();
  await page.getByRole('heading', { level: 1, name: 'Newest Drums jams' }).waitFor();
  assert.equal(new URL(page.url()).search, '?instrument=drums');
  await close(page, assert);
});

test('a card leads to its performer and its performance; deep links reload; the CSV downloads', async () => {
  const page = await open(env.browser, '/');
  const card = cards(page).first();
  await card.waitFor();
  const performer = await card.locator('a.performer').textContent();
  await card.locator('a.performer').click();
  await page.getByRole('heading', { level: 1, name: performer }).waitFor();
  assert.equal(await page.title(), `${performer} · MicroJam`);
  await cards(page).first().waitFor();

  await cards(page).first().locator('a.card-open').click();
  await page.locator('.layers li').first().waitFor();
  const url = page.url();
  assert.match(new URL(url).pathname, /^\/performances\//);
  await page.reload();
  await page.locator('.layers li').first().waitFor();
  assert.equal(page.url(), url, 'a reload on the deep URL shows the same performance');

  const id = decodeURIComponent(new URL(url).pathname.split('/').pop());
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
  assert.equal(download.suggestedFilename(), `${id}.csv`);
  const csv = await readFile(await download.path(), 'utf8');
  const record = JSON.parse(await readFile(path.join(ROOT, 'public/api/performances', `${id}.json`), 'utf8'));
  assert.equal(csv, record.touches, 'the file is the performance\'s CSV, verbatim');

  // Sharing: the system share sheet where there is one, else the link goes to the clipboard.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
  if (await page.getByRole('button', { name: 'Copy link' }).count()) {
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByRole('status').filter({ hasText: 'Link copied.' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
  } else {
    assert.equal(await page.getByRole('button', { name: 'Share' }).count(), 1);
  }
  await close(page, assert);
});

test('when the API fails, the page says so, and Retry shows the cards once it recovers', async () => {
  const page = await open(env.browser);
  let failing = true;
  await page.route('**/api/performances.json', (route) => (failing ? route.fulfill({ status: 500, contentType: 'application/json', body: '{}' }) : route.continue()));
  await page.goto(`${BASE}/`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /HTTP 500/);
  failing = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await cards(page).first().waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);
  // The 500 itself is logged by the browser as a failed resource load; nothing else may be.
  page.problems = page.problems.filter((p) => !p.includes('status of 500'));
  await close(page, assert);
});
