// Accessibility: axe-core on every route in both colour schemes, the keyboard alone, and screenshots
// of each page at phone and desktop sizes (target/e2e-screenshots) for people to look at.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { DESKTOP, PHONE, SCREENSHOTS, close, open, seriousViolations, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

const ROUTES = [
  ['gallery', '/', 'article.jam-card canvas'],
  ['performance', null, '.layers li'],
  ['performer', '/performers/glitchfox', 'article.jam-card canvas'],
  ['privacy', '/privacy', 'h2#contact-us'],
  ['perform', '/perform', '[role=application]'],
  ['not-found', '/no/such/page', '.not-found'],
];

/** The first performance id in the feed, for the performance page. */
async function firstPerformance() {
  const page = await open(env.browser, '/');
  const href = await page.locator('article.jam-card a.card-open').first().getAttribute('href');
  await page.context().close();
  return href;
}

test('no serious or critical axe violations on any page, light or dark; screenshots of each', async () => {
  const performance = await firstPerformance();
  for (const scheme of ['light', 'dark']) {
    for (const [name, route, ready] of ROUTES) {
      for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
        const page = await open(env.browser, route ?? performance, { viewport, colorScheme: scheme });
        await page.locator(ready).first().waitFor();
        await page.waitForTimeout(250);
        await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${size}-${scheme}.png`) });
        if (size === 'desktop') {
          assert.deepEqual(await seriousViolations(page), [], `${name} in ${scheme}`);
        }
        await close(page, assert);
      }
    }
  }
});

test('the keyboard alone reaches the filters, cards, play buttons and links, with visible focus', async () => {
  const page = await open(env.browser, '/');
  await page.locator('article.jam-card').first().waitFor();
  const reached = new Set();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const e = document.activeElement;
      const style = getComputedStyle(e);
      return {
        kind: e.matches('.chip') ? 'filter' : e.matches('article.jam-card') ? 'card' : e.matches('button.play') ? 'play' : e.tagName === 'A' ? 'link' : e.tagName,
        visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      };
    });
    assert.ok(focus.visible, `focus is visible on a ${focus.kind}`);
    reached.add(focus.kind);
  }
  for (const kind of ['filter', 'card', 'play', 'link']) assert.ok(reached.has(kind), `Tab reaches a ${kind}: ${[...reached]}`);
  // Enter on a focused link follows it.
  await page.locator('article.jam-card a.card-open').first().focus();
  await page.keyboard.press('Enter');
  await page.locator('.layers li').first().waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', 'focus moves to the new page');
  await close(page, assert);
});
