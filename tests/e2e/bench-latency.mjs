// Latency benchmark of the stage (prints; passes or fails nothing): over 50 taps on /perform, the
// time from each pointer event (its timeStamp) to the engine rendering the quantum that starts with
// its sound (the processor reports that quantum's first frame and Date.now() as it renders), and to
// that frame reaching the output by the context's own clock mapping (getOutputTimestamp); plus the
// context's baseLatency and outputLatency, and the machine's load.
// Run: node tests/e2e/bench-latency.mjs (after trunk build --release), or scripts/bench.sh.
import { loadavg } from 'node:os';
import { BASE, open, start } from './harness.mjs';

const TAPS = 50;
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

// Watches the page's AudioContext and its engine node, and collects what the processor reports.
const WATCH = () => {
  const Context = window.AudioContext;
  window.AudioContext = class extends Context {
    constructor(...args) { super(...args); window.__context = this; }
  };
  const Node = window.AudioWorkletNode;
  window.__touched = [];
  window.AudioWorkletNode = class extends Node {
    constructor(context, ...args) {
      super(context, ...args);
      if (context !== window.__context) return;
      window.__node = this;
      this.port.addEventListener('message', ({ data }) => {
        if (data.type !== 'touched') return;
        const stamp = context.getOutputTimestamp();
        const frameTime = data.frame / context.sampleRate;
        window.__touched.push({
          stamp: data.stamp,
          rendered: data.wall - performance.timeOrigin,
          output: stamp.performanceTime ? stamp.performanceTime + (frameTime - stamp.contextTime) * 1000 : NaN,
        });
      });
    }
  };
};

const env = await start();
const before = loadavg();
const page = await open(env.browser, null);
await page.addInitScript(WATCH);
await page.goto(`${BASE}/perform`);
const stage = page.getByRole('application', { name: /stage/i });
await stage.scrollIntoViewIfNeeded();
let box = await stage.boundingBox();
await page.mouse.click(box.x + 5, box.y + 5);
await page.getByText('Ready: your first touch starts a 5-second take.', { exact: true }).first().waitFor();
await page.evaluate(() => window.__node.port.postMessage({ type: 'report-touches', on: true }));
box = await stage.boundingBox();
let taps = 0;
while (taps < TAPS) {
  if (await page.locator('section.take-panel').count()) {
    await page.getByRole('button', { name: 'Record again' }).click();
    continue;
  }
  const x = box.x + box.width * (0.1 + 0.8 * ((taps * 37) % 50) / 50);
  const y = box.y + box.height * (0.1 + 0.8 * ((taps * 13) % 50) / 50);
  await page.mouse.click(x, y);
  taps += 1;
  await page.waitForTimeout(60);
}
await page.waitForTimeout(300);
const { touched, base, output, rate } = await page.evaluate(() => ({
  touched: window.__touched,
  base: window.__context.baseLatency,
  output: window.__context.outputLatency,
  rate: window.__context.sampleRate,
}));
const after = loadavg();
const rendered = touched.map((t) => t.rendered - t.stamp);
const out = touched.map((t) => t.output - t.stamp).filter(Number.isFinite);
const ms = (v) => `${v.toFixed(1)} ms`;
const line = (name, xs) => xs.length
  ? `latency ${name}: median ${ms(quantile(xs, 0.5))}, p95 ${ms(quantile(xs, 0.95))} (n=${xs.length})`
  : `latency ${name}: not available here`;
console.log(line('pointer event → its quantum rendered by the engine (Date.now() in the worklet, 1 ms steps)', rendered));
console.log(line('pointer event → its first sample at the output (getOutputTimestamp)', out));
console.log(`latency context: baseLatency ${ms(base * 1000)}, outputLatency ${ms(output * 1000)}, ${rate} Hz, quantum ${ms(128 / rate * 1000)}`);
console.log(`latency machine: load average ${before.map((v) => v.toFixed(2)).join(' ')} before, ${after.map((v) => v.toFixed(2)).join(' ')} after`);
await page.context().close();
await env.stop();
