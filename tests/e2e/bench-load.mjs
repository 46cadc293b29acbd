// Load-time benchmark (prints a table; passes or fails nothing): over 5 cold loads each, the median
// time from navigation to the first card picture painted on / and to the policy text painted on
// /privacy (marks the app sets in the frame after drawing them), and the JS heap and DOM size after
// 20 feed pages. Run: node tests/e2e/bench-load.mjs (after trunk build --release), or scripts/bench.sh.
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { BASE, ROOT, start } from './harness.mjs';

const RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function coldLoad(browser, url, mark) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(BASE + url);
  const time = await page.waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime, mark).then((h) => h.jsonValue());
  await context.close();
  return time;
}

/** A feed of `pages` pages of 20 made from the default data set, with fresh ids on every page. */
function endlessFeed(pages) {
  const folder = path.join(ROOT, 'public/api/performances');
  const pool = readdirSync(folder).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(path.join(folder, f), 'utf8')));
  return (n) => JSON.stringify({
    performances: Array.from({ length: 20 }, (_, i) => ({ ...pool[((n - 1) * 20 + i) % pool.length], id: `bench-${n}-${i}`, reply_to: null })),
    next: n < pages ? `/api/performances/pages/${n + 1}.json` : null,
  });
}

async function afterTwentyPages(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const feed = endlessFeed(20);
  await page.route(/\/api\/performances(\/pages\/\d+)?\.json$/, (route) => {
    const n = Number(route.request().url().match(/pages\/(\d+)\.json$/)?.[1] ?? 1);
    route.fulfill({ status: 200, contentType: 'application/json', body: feed(n) });
  });
  await page.goto(`${BASE}/`);
  await page.locator('article.jam-card').first().waitFor();
  while ((await page.locator('.feed-done').count()) === 0) {
    await page.mouse.wheel(0, 50000);
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(500);
  const figures = await page.evaluate(() => ({
    cards: document.querySelectorAll('article.jam-card').length,
    nodes: document.getElementsByTagName('*').length,
    heap: performance.memory ? performance.memory.usedJSHeapSize / 1e6 : NaN,
  }));
  await context.close();
  return figures;
}

const env = await start();
try {
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  const gallery = [];
  const policy = [];
  for (let i = 0; i < RUNS; i++) {
    gallery.push(await coldLoad(env.browser, '/', 'microjam:first-trace'));
    policy.push(await coldLoad(env.browser, '/privacy', 'microjam:policy'));
  }
  const long = await afterTwentyPages(env.browser);
  console.log(`machine: 2 cores, load average ${load} at the start`);
  console.log('| measure | median | runs |');
  console.log('|---|---|---|');
  console.log(`| / navigation → first card picture painted | ${median(gallery).toFixed(0)} ms | ${gallery.map((t) => t.toFixed(0)).join(', ')} |`);
  console.log(`| /privacy navigation → policy text painted | ${median(policy).toFixed(0)} ms | ${policy.map((t) => t.toFixed(0)).join(', ')} |`);
  console.log(`| after 20 feed pages (${long.cards} cards) | JS heap ${long.heap.toFixed(1)} MB, ${long.nodes} DOM elements | 1 |`);
} finally {
  await env.stop();
}
