// The byte budgets (tests/e2e/budget.json), brotli-compressed at quality 11; bytes do not jitter. The
// first load of the release build (index.html and every script, wasm module and stylesheet it links)
// has one; the chunks of code loaded on first use (the pages other than the gallery, playback: the
// other wasm modules, src/lazy.rs) have one together; the sound engine (dist/engine/: its wasm module
// and AudioWorklet script, fetched on the first Play) has its own.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { brotliCompressSync, constants } from 'node:zlib';
import { DIST, ROOT, chunkFiles, linkedFiles } from './harness.mjs';

const budget = JSON.parse(readFileSync(path.join(ROOT, 'tests/e2e/budget.json'), 'utf8'));
const dist = DIST;

/** [file, brotli bytes] of the files in `dir` that `keep` accepts, and their total. */
function measure(dir, keep) {
  const sizes = readdirSync(dir).filter(keep).map((f) => {
    const bytes = readFileSync(path.join(dir, f));
    return [f, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
  });
  return { sizes, total: sizes.reduce((sum, [, n]) => sum + n, 0) };
}

const shown = ({ sizes, total }, limit) => `${sizes.map(([f, n]) => `${f} ${n}`).join(', ')}; total ${total} of ${limit} bytes`;

test('the first load fits its byte budget', () => {
  const loaded = linkedFiles();
  const first = measure(dist, (f) => f === 'index.html' || loaded.has(f));
  const names = first.sizes.map(([f]) => f);
  assert.ok(names.some((f) => f.endsWith('.wasm')) && names.some((f) => f.endsWith('.js')), `a release build in dist/: ${names}`);
  console.log(`first load, brotli: ${shown(first, budget.first_load_brotli_bytes)}`);
  assert.ok(first.total <= budget.first_load_brotli_bytes, `${first.total} bytes > budget ${budget.first_load_brotli_bytes}`);
});

test('the chunks loaded on first use fit their byte budget and are not part of the first load', () => {
  const chunkNames = new Set(chunkFiles());
  const chunks = measure(dist, (f) => chunkNames.has(f));
  const names = chunks.sizes.map(([f]) => f);
  for (const page of ['perform', 'performance', 'performer', 'privacy']) {
    assert.ok(names.some((f) => new RegExp(`^microjam-web-split-${page}-[0-9a-f]{16}\\.wasm$`).test(f)), `a hashed chunk for ${page}: ${names}`);
  }
  console.log(`chunks loaded on first use, brotli: ${shown(chunks, budget.chunks_brotli_bytes)}`);
  assert.ok(chunks.total <= budget.chunks_brotli_bytes, `${chunks.total} bytes > budget ${budget.chunks_brotli_bytes}`);
});

test('the sound engine fits its byte budget and is not part of the first load', () => {
  const engine = measure(path.join(dist, 'engine'), (f) => /\.(js|wasm)$/.test(f));
  const names = engine.sizes.map(([f]) => f);
  assert.ok(names.some((f) => /^microjam-engine-[0-9a-f]{16}\.wasm$/.test(f)), `a hashed engine module: ${names}`);
  assert.ok(names.some((f) => /^microjam-engine-processor-[0-9a-f]{16}\.js$/.test(f)), `a hashed processor script: ${names}`);
  console.log(`sound engine, brotli: ${shown(engine, budget.engine_brotli_bytes)}`);
  assert.ok(engine.total <= budget.engine_brotli_bytes, `${engine.total} bytes > budget ${budget.engine_brotli_bytes}`);
  const index = readFileSync(path.join(dist, 'index.html'), 'utf8');
  for (const name of names) {
    assert.ok(index.includes(`content="/engine/${name}"`), `index.html names ${name}`);
    assert.ok(!new RegExp(`<(link|script)[^>]*${name}`).test(index), `${name} is not loaded with the page`);
  }
});
