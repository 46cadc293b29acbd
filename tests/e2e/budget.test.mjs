// The byte budget: the first load of the release build (index.html, JS, wasm, CSS), brotli-compressed
// at quality 11, must fit the budget in tests/e2e/budget.json. Bytes do not jitter.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { brotliCompressSync, constants } from 'node:zlib';
import { ROOT } from './harness.mjs';

test('the first load fits the byte budget', () => {
  const budget = JSON.parse(readFileSync(path.join(ROOT, 'tests/e2e/budget.json'), 'utf8'));
  const dist = path.join(ROOT, 'dist');
  const files = readdirSync(dist).filter((f) => f === 'index.html' || /\.(js|wasm|css)$/.test(f));
  assert.ok(files.some((f) => f.endsWith('.wasm')) && files.some((f) => f.endsWith('.js')), `a release build in dist/: ${files}`);
  const sizes = files.map((f) => {
    const bytes = readFileSync(path.join(dist, f));
    return [f, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
  });
  const total = sizes.reduce((sum, [, n]) => sum + n, 0);
  console.log(`first load, brotli: ${sizes.map(([f, n]) => `${f} ${n}`).join(', ')}; total ${total} of ${budget.first_load_brotli_bytes} bytes`);
  assert.ok(total <= budget.first_load_brotli_bytes, `${total} bytes > budget ${budget.first_load_brotli_bytes}`);
});
