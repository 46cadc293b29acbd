// The privacy policy, the 404 page, the footer link, deep links and the console, in a real browser.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PHONE, close, open, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

test('the policy loads fresh, and /privacy#security scrolls to its section', async () => {
  const page = await open(env.browser, '/privacy', { viewport: PHONE });
  await page.getByRole('heading', { level: 1, name: 'Privacy Policy' }).waitFor();
  assert.equal(await page.title(), 'Privacy Policy · MicroJam');
  assert.equal(await page.locator('article h2').count(), 8);
  await close(page, assert);

  const deep = await open(env.browser, '/privacy#security', { viewport: PHONE });
  await deep.locator('h2#security').waitFor();
  await deep.waitForFunction(() => Math.abs(document.getElementById('security').getBoundingClientRect().top) < 40);
  assert.ok(await deep.evaluate(() => window.scrollY) > 500, 'the page scrolled down to Security');
  await close(deep, assert);
});

test('the footer reaches the policy from every page', async () => {
  const starts = [['/', 'article.jam-card'], ['/performers/glitchfox', 'article.jam-card'], ['/no/such/page', '.not-found'], ['/privacy', 'h2#contact-us']];
  for (const [start, ready] of starts) {
    const page = await open(env.browser, start);
    // Follow the link by keyboard: on the gallery, scrolling to the footer loads more cards, which
    // moves the footer away from a pointer (an infinite list's nature), but not from the keyboard.
    await page.locator(ready).first().waitFor();
    await page.locator('footer').getByRole('link', { name: 'Privacy Policy' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Privacy Policy' }).waitFor({ timeout: 10000 }).catch((e) => {
      throw new Error(`from ${start}: ${e.message}`);
    });
    assert.equal(new URL(page.url()).pathname, '/privacy', `from ${start}`);
    await close(page, assert);
  }
});

test('an unknown path shows the 404 page with a way home', async () => {
  const page = await open(env.browser, '/this/is/not/a/page');
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  assert.equal(await page.title(), 'Page not found · MicroJam');
  await page.getByRole('link', { name: 'Back to the gallery' }).click();
  await page.locator('article.jam-card').first().waitFor();
  await close(page, assert);
});
