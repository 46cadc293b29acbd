// The windowed feed: Back returns to the same card without asking for a page twice, the keyboard
// passes every card once in order, a placeholder never holds focus, the feed's ARIA, and the
// "now playing" bar for a card scrolled out of view.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE, PHONE, close, galleryReady, open, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

const FEED_PAGE = /\/api\/(performances|instruments\/[^/]+|performers\/[^/]+)(\/pages\/\d+)?\.json$/;

/** Records the feed pages the page asks for, in `page.feedRequests`. */
function recordFeedRequests(page) {
  page.feedRequests = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (FEED_PAGE.test(path) && !/^\/api\/performances\/[^/]+\.json$/.test(path)) page.feedRequests.push(path);
  });
}

/** The card at the top of the viewport: its position in the feed and its top edge. */
const topCard = (page) => page.evaluate(() => {
  const card = [...document.querySelectorAll('article.jam-card')].find((c) => c.getBoundingClientRect().bottom > 0);
  const rect = card.getBoundingClientRect();
  return { position: Number(card.getAttribute('aria-posinset')), top: rect.top, height: rect.height };
});

/** Waits until the feed is not loading (and two frames have passed). */
const settled = (page) => page.waitForFunction(() => new Promise((resolve) => {
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(document.querySelector('[role=feed]')?.getAttribute('aria-busy') === 'false')));
}));

test('Back returns to the same card, with no page asked for twice', async () => {
  const page = await open(env.browser, null, { viewport: PHONE });
  recordFeedRequests(page);
  await page.goto(`${BASE}/`);
  await page.locator('article.jam-card').first().waitFor();
  // Three pages down: until the fourth page has been asked for and has arrived.
  while (page.feedRequests.length < 4) {
    await page.mouse.wheel(0, 900);
    await page.waitForTimeout(120);
  }
  await settled(page);
  await page.mouse.wheel(0, 700);
  await page.waitForTimeout(300);
  await settled(page);
  const before = await topCard(page);
  assert.ok(before.position > 20, `scrolled well into the feed (card ${before.position} at the top)`);
  const asked = [...page.feedRequests];

  // Open the card at the top without scrolling to it first, as a tap would.
  await page.evaluate((position) => document.querySelector(`article[aria-posinset="${position}"] a.card-open`).click(), before.position);
  await page.locator('.layers li').first().waitFor();
  await page.goBack();
  await page.locator(`article[aria-posinset="${before.position}"]`).waitFor();
  await settled(page);
  await page.waitForTimeout(300);
  const after = await topCard(page);
  const card = await page.locator(`article[aria-posinset="${before.position}"]`).evaluate((c) => c.getBoundingClientRect().top);
  assert.ok(Math.abs(card - before.top) <= before.height, `card ${before.position} is where it was: ${before.top.toFixed(0)} px then, ${card.toFixed(0)} px now (card ${after.position} at the top)`);
  assert.deepEqual(page.feedRequests, asked, 'Back asked for no page again');
  assert.equal(new Set(page.feedRequests).size, page.feedRequests.length, 'no page was asked for twice');

  // Forward, turn the phone sideways (the cards reflow into more columns, so the old scroll offset
  // now points elsewhere), and Back: the same card is at the top again.
  await page.goForward();
  await page.locator('.layers li').first().waitFor();
  await page.setViewportSize({ width: 844, height: 390 });
  await page.goBack();
  await page.locator(`article[aria-posinset="${before.position}"]`).waitFor();
  await settled(page);
  await page.waitForTimeout(300);
  await settled(page);
  const turned = await page.locator(`article[aria-posinset="${before.position}"]`).evaluate((c) => ({ top: c.getBoundingClientRect().top, height: c.getBoundingClientRect().height }));
  assert.ok(Math.abs(turned.top - before.top) <= turned.height, `sideways, card ${before.position} is at the top: ${before.top.toFixed(0)} px then, ${turned.top.toFixed(0)} px now`);
  assert.deepEqual(page.feedRequests, asked, 'Back again asked for nothing');
  await page.reload();
  await page.locator('article.jam-card').first().waitFor();
  assert.equal(page.feedRequests.filter((p) => p === '/api/performances.json').length, 2, 'a reload starts fresh');
  await close(page, assert);
});

test('a link to a feed seen before shows its top, from the pages already loaded', async () => {
  const page = await open(env.browser, null, { viewport: PHONE });
  recordFeedRequests(page);
  await page.goto(`${BASE}/`);
  await page.locator('article.jam-card').first().waitFor();
  while ((await topCard(page)).position < 25) {
    await page.mouse.wheel(0, 900);
    await page.waitForTimeout(120);
  }
  await settled(page);
  // Follow the filter links without scrolling up to them first, as a keyboard shortcut might.
  const follow = (name) => page.evaluate((name) => [...document.querySelectorAll('.instrument-filter a')].find((a) => a.textContent === name).click(), name);
  await follow('Drums');
  await page.getByRole('heading', { level: 1, name: 'Newest Drums jams' }).waitFor();
  await follow('All');
  await page.getByRole('heading', { level: 1, name: 'Newest jams' }).waitFor();
  await page.locator('article[aria-posinset="1"]').waitFor();
  await settled(page);
  assert.equal((await topCard(page)).position, 1, 'a link starts at the top of the list');
  assert.equal(page.feedRequests.filter((p) => p === '/api/performances.json').length, 1, 'the first page is not asked for again');
  await close(page, assert);
});

test('Tab from the top of the list to the 60th card passes every card once, in order', async () => {
  const page = await open(env.browser, '/', { viewport: PHONE });
  await page.locator('article.jam-card').first().waitFor();
  await page.locator('article.jam-card').first().focus();
  const visited = [];
  for (let i = 0; i < 60 * 10 && visited.at(-1) !== 60; i++) {
    const focus = await page.evaluate(() => {
      const e = document.activeElement;
      const card = e?.closest('article.jam-card');
      return {
        position: card ? Number(card.getAttribute('aria-posinset')) : null,
        where: e === document.body ? 'body' : e.matches('.feed-space, .skeleton, .skeleton *') ? 'placeholder' : e.tagName,
        mounted: document.querySelectorAll('article.jam-card').length,
      };
    });
    assert.notEqual(focus.where, 'body', `focus is never lost (after card ${visited.at(-1)})`);
    assert.notEqual(focus.where, 'placeholder', 'a placeholder never holds focus');
    assert.ok(focus.position !== null, `focus stays in the feed (after card ${visited.at(-1)}, on ${focus.where})`);
    assert.ok(focus.mounted <= 200, `${focus.mounted} cards mounted`);
    if (visited.at(-1) !== focus.position) visited.push(focus.position);
    await settled(page);
    await page.keyboard.press('Tab');
  }
  assert.deepEqual(visited, Array.from({ length: 60 }, (_, i) => i + 1), 'every card once, in order');
  assert.ok(await page.locator('article[aria-posinset="1"]').count() === 0, 'the first card was let go long ago');
  await close(page, assert);
});

test('a focused card stays mounted however far away; a placeholder never keeps focus', async () => {
  const page = await open(env.browser, '/', { viewport: PHONE });
  await page.locator('article[aria-posinset="2"]').waitFor();
  const play = page.locator('article[aria-posinset="2"] button.play');
  await play.focus();
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, 2500);
    await page.waitForTimeout(100);
  }
  await settled(page);
  const state = await page.evaluate(() => ({
    focused: document.activeElement?.closest('article')?.getAttribute('aria-posinset'),
    connected: document.activeElement?.isConnected,
    top: document.activeElement?.getBoundingClientRect().top,
    mounted: [...document.querySelectorAll('article.jam-card')].map((c) => Number(c.getAttribute('aria-posinset'))),
  }));
  assert.equal(state.focused, '2', 'focus stays on the card');
  assert.ok(state.connected && state.top < 0, 'on the card, mounted far above the viewport');
  assert.ok(!state.mounted.includes(10), `only its rows stay, not everything in between: ${state.mounted}`);
  // Tab goes on from the focused button, to the next control of the same card.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('article')?.getAttribute('aria-posinset')), '2');
  // A click on the space that stands in for unmounted cards leaves nothing focused there.
  await page.evaluate(() => window.scrollTo(0, 0));
  await settled(page);
  const spaces = await page.locator('.feed-space').evaluateAll((list) => list.map((s) => s.tabIndex));
  assert.ok(spaces.every((t) => t < 0), 'spaces are not focusable');
  await close(page, assert);
});

test('the list is a feed: set size unknown until the end, busy while loading, every position once', async () => {
  const page = await open(env.browser, '/', { viewport: PHONE });
  const feed = page.getByRole('feed');
  await galleryReady(page);
  assert.equal(await page.locator('article.jam-card').first().getAttribute('aria-setsize'), '-1');
  await feed.evaluate((f) => {
    window.__busy = [f.getAttribute('aria-busy')];
    new MutationObserver(() => window.__busy.push(f.getAttribute('aria-busy'))).observe(f, { attributes: true, attributeFilter: ['aria-busy'] });
  });
  let most = 0;
  while ((await page.locator('.feed-done').count()) === 0) {
    most = Math.max(most, await page.locator('article.jam-card').count());
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(60);
  }
  const busy = await page.evaluate(() => window.__busy);
  assert.ok(busy.includes('true') && busy.at(-1) === 'false', `aria-busy while loading, then not: ${busy}`);
  const last = page.locator('article.jam-card').last();
  const total = await last.getAttribute('aria-setsize');
  assert.equal(await last.getAttribute('aria-posinset'), total, 'the last card is the last of the set');
  assert.ok(Number(total) > 100 && most <= 200, `${total} cards, at most ${most} mounted at once`);
  await close(page, assert);
});

test('a jam scrolled out of view keeps playing, with Pause in a "now playing" bar', async () => {
  const page = await open(env.browser, '/', { viewport: PHONE });
  const card = page.locator('article[aria-posinset="1"]');
  await card.waitFor();
  await card.getByRole('button', { name: /^Play jam by/ }).click();
  await card.getByRole('button', { name: 'Pause' }).waitFor();
  const bar = page.getByRole('region', { name: 'Now playing' });
  assert.equal(await bar.count(), 0, 'no bar while the card is in view');
  await page.mouse.wheel(0, 6000);
  await bar.waitFor();
  await bar.getByRole('button', { name: 'Pause the playing jam' }).click();
  await bar.getByRole('button', { name: 'Resume the playing jam' }).waitFor();
  await bar.getByRole('button', { name: 'Stop the playing jam' }).focus();
  await page.keyboard.press('Enter');
  await bar.waitFor({ state: 'detached' });
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
  assert.equal(focused, 'main', 'Stop leaves the keyboard on the main content, not on the page body');
  await close(page, assert);
});
