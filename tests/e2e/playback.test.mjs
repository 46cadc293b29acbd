// Playing a jam from its card: the button turns to Pause, the trace animates, Pause stops it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { close, open, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

const picture = (card) => card.locator('canvas').evaluate((c) => c.toDataURL());

test('play on a card animates its trace until paused', async () => {
  const page = await open(env.browser, '/');
  const card = page.locator('article.jam-card').first();
  await card.waitFor();
  const performer = await card.locator('a.performer').textContent();
  const play = card.getByRole('button', { name: `Play jam by ${performer}` });
  await page.waitForTimeout(300);
  const still = await picture(card);
  await play.click();
  const pause = card.getByRole('button', { name: 'Pause' });
  await pause.waitFor();
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
