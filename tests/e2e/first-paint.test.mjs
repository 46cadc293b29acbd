// The gallery's first screen before the App's code has arrived (src/first_paint/, index.html): the
// frame shows before any wasm has arrived; the first wasm module paints the cards and their
// pictures; the App, a chunk loaded next, takes the page over without anything on screen moving or a
// picture going blank, with the same page element for element; a Play pressed before it arrived
// plays once it has; and when its code does not arrive, the painted page stays, with Retry.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE, PHONE, close, galleryReady, linkedFiles, open, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

const APP = /-split-app-[0-9a-f]+\.wasm$/;
const MAIN = [...linkedFiles()].find((f) => f.endsWith('.wasm'));

/**
 * A phone page of `/` whose requests matching `pattern` wait until `release()` is called. It
 * records layout shifts, and, in every animation frame after the first picture is drawn, the card
 * pictures in the viewport that have nothing drawn on them (`window.blankFrames`).
 */
async function held(pattern) {
  const page = await open(env.browser, undefined, { viewport: PHONE });
  await page.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.shifts.push(e.value)))
      .observe({ type: 'layout-shift', buffered: true });
    const drawn = new WeakSet();
    for (const name of ['fillRect', 'fill', 'stroke']) {
      const original = CanvasRenderingContext2D.prototype[name];
      CanvasRenderingContext2D.prototype[name] = function (...args) { drawn.add(this.canvas); return original.apply(this, args); };
    }
    window.blankFrames = [];
    let any = false;
    const check = () => {
      const canvases = [...document.querySelectorAll('main canvas.trace')];
      any = any || canvases.some((c) => drawn.has(c));
      if (any) {
        const blank = canvases.filter((c) => {
          const r = c.getBoundingClientRect();
          return r.bottom > 0 && r.top < innerHeight && !drawn.has(c);
        });
        if (blank.length) window.blankFrames.push(`${performance.now().toFixed(0)} ms: ${blank.length} blank`);
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(pattern, async (route) => { await released; await route.continue(); });
  return { page, release };
}

/** The elements of the page (not its scripts) as lines: tag, sorted attributes, own text. */
function snapshot(page) {
  return page.evaluate(() => {
    const lines = [];
    const walk = (el, depth) => {
      if (['SCRIPT', 'NOSCRIPT', 'TEMPLATE'].includes(el.tagName)) return;
      const attrs = [...el.attributes].filter((a) => a.name !== 'style').map((a) => `${a.name}="${a.value}"`).sort();
      if (el.hasAttribute('style')) attrs.push(`style="${el.style.cssText}"`);
      const text = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
      lines.push(`${'  '.repeat(depth)}<${el.tagName.toLowerCase()} ${attrs.join(' ')}> ${JSON.stringify(text)}`);
      [...el.children].forEach((c) => walk(c, depth + 1));
    };
    [...document.body.children].forEach((c) => walk(c, 0));
    return lines;
  });
}

/** The lines of a snapshot up to the `count`th card's end, and the cards' number. */
function upToCard(lines, count) {
  const starts = lines.map((l, i) => (l.trimStart().startsWith('<article ') ? i : -1)).filter((i) => i >= 0);
  const end = starts.length > count ? starts[count] : lines.findIndex((l) => l.includes('feed-space') || l.includes('feed-end') || l.startsWith('<footer'));
  return { head: lines.slice(0, end), cards: starts.length };
}

test('the frame shows before any wasm has arrived, and the first module paints the cards', async () => {
  const { page, release } = await held((url) => url.pathname === `/${MAIN}`);
  await page.goto(`${BASE}/`, { waitUntil: 'commit' });
  await page.getByRole('heading', { name: 'Newest jams' }).waitFor();
  assert.equal(await page.locator('main .jam-card.skeleton').count(), 6);
  assert.equal(await page.locator('main article.jam-card').count(), 0, 'no card before the wasm');
  release();
  await page.locator('main article.jam-card').first().waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('microjam:first-trace').length > 0);
  assert.equal(await page.locator('main .jam-card.skeleton').count(), 0);
  await galleryReady(page);
  await close(page, assert);
});

test('the App takes over the painted page element for element, with nothing moving or going blank', async () => {
  const { page, release } = await held(APP);
  await page.goto(`${BASE}/`);
  await page.waitForFunction(() => performance.getEntriesByName('microjam:first-trace').length > 0);
  assert.equal(await page.locator('main .feed-end').count(), 0, 'the App has not arrived yet');
  const painted = await snapshot(page);
  release();
  await galleryReady(page);
  await page.waitForTimeout(500);
  const app = await snapshot(page);
  const { cards } = upToCard(app, Infinity);
  assert.ok(cards >= 2, `the App shows cards (${cards})`);
  assert.deepEqual(upToCard(painted, cards).head, upToCard(app, cards).head, 'the first paint is the App\'s page');
  assert.equal(await page.locator('main, header.site-header, footer.site-footer').count(), 3, 'one page, not two');
  assert.deepEqual(await page.evaluate(() => window.shifts), [], 'no layout shift');
  assert.deepEqual(await page.evaluate(() => window.blankFrames), [], 'no picture in view blank for a frame');
  await close(page, assert);
});

test('a Play pressed before the App arrives plays once it has', async () => {
  const { page, release } = await held(APP);
  await page.goto(`${BASE}/`);
  const play = page.locator('main article.jam-card').first().getByRole('button', { name: /^Play jam by / });
  await play.click();
  await page.locator('main article.jam-card').first().getByRole('button', { name: /^Loading jam by / }).waitFor();
  release();
  await page.locator('main article.jam-card').first().getByRole('button', { name: 'Pause' }).waitFor({ timeout: 15000 });
  await close(page, assert);
});

test('Space on a focused painted card plays it once the App has arrived', async () => {
  const { page, release } = await held(APP);
  await page.goto(`${BASE}/`);
  const card = page.locator('main article.jam-card').nth(1);
  await card.focus();
  const scrolled = await page.evaluate(() => window.scrollY);
  await page.keyboard.press('Space');
  await card.getByRole('button', { name: /^Loading jam by / }).waitFor();
  assert.equal(await page.evaluate(() => window.scrollY), scrolled, 'Space does not scroll the page');
  release();
  await page.locator('main article.jam-card').nth(1).getByRole('button', { name: 'Pause' }).waitFor({ timeout: 15000 });
  await close(page, assert);
});

test('when the App\'s code does not arrive, the painted page stays with a message and Retry', async () => {
  const page = await open(env.browser, undefined, { viewport: PHONE });
  let lost = true;
  await page.route(APP, (route) => (lost ? route.abort() : route.continue()));
  await page.goto(`${BASE}/`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /could not be loaded/);
  assert.ok(await page.locator('main article.jam-card').count() > 0, 'the painted cards stay');
  lost = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await galleryReady(page);
  assert.equal(await page.getByRole('alert').count(), 0);
  // The loader reports the lost chunk in the console; nothing else may.
  page.problems = page.problems.filter((p) => !/split-app|Failed to fetch|ERR_FAILED|TypeError/.test(p));
  await close(page, assert);
});

test('keyboard focus on the painted page is in the same place on the App\'s', async () => {
  const { page, release } = await held(APP);
  await page.goto(`${BASE}/`);
  const open = page.locator('main article.jam-card').nth(1).getByRole('link', { name: /^Open the / });
  await open.focus();
  const label = await open.getAttribute('aria-label');
  release();
  await galleryReady(page);
  await page.waitForFunction((expected) => document.activeElement?.getAttribute('aria-label') === expected
    && document.activeElement.closest('article')?.dataset.index === '1', label);
  await close(page, assert);
});
