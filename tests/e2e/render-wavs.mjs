// Renders touch sequences through the site's own "Download WAV" (the release build in dist/, in headless
// Chromium): for each instrument and each sequence (the app's CSV), a performance page is served a
// made-up performance of those touches, and the file it downloads is written to OUT/INSTRUMENT-SEQ.browser.wav.
// A developer tool for judging the browser's renders against the app's Pd patches
// (scripts/compare-browser.sh); not a test.
// usage: node tests/e2e/render-wavs.mjs OUT_DIR INSTRUMENTS(comma-separated) SEQ.csv...
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BASE, open, start } from './harness.mjs';

const [out, instruments, ...seqs] = process.argv.slice(2);
if (!out || !instruments || seqs.length === 0) {
  console.error('usage: node tests/e2e/render-wavs.mjs OUT_DIR INSTRUMENTS SEQ.csv...');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const env = await start();
try {
  const page = await open(env.browser);
  let served = null;
  await page.route(/\/api\/performances\/render-[^/]+\.json$/, (route) => route.fulfill({
    status: 200, contentType: 'application/json', body: JSON.stringify(served),
  }));
  for (const instrument of instruments.split(',')) {
    for (const csv of seqs) {
      const seq = path.basename(csv, '.csv');
      const id = `render-${instrument}-${seq}`;
      served = {
        id, performer: 'render', instrument, date: '2026-01-01T00:00:00Z', colour: '#E63946',
        background_colour: '#F1FAEE', reply_to: null, touches: readFileSync(csv, 'utf8'),
      };
      await page.goto(`${BASE}/performances/${id}`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download WAV' }).click()]);
      const file = path.join(out, `${instrument}-${seq}.browser.wav`);
      writeFileSync(file, readFileSync(await download.path()));
      console.log(file);
    }
  }
  if (page.problems.length) console.error(page.problems.join('\n'));
} finally {
  await env.stop();
}
